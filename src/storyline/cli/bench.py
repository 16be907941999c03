"""``storyline bench``: words per second against bare spaCy, worker speed-up, ingest rate, memory."""

from __future__ import annotations

import json
from pathlib import Path

import click

from storyline.cli.errors import fail


@click.command()
@click.option("--sample", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Reuters-21578 JSONL (.gz); default ../shared/corpora/reuters21578/reuters21578.jsonl.gz.")
@click.option("--articles", type=int, default=400, show_default=True, help="Stories in the sample.")
@click.option("--workers", type=int, default=2, show_default=True, help="Worker processes to compare with one.")
@click.option("--no-ingest", is_flag=True, help="Skip the DuckDB ingest measure.")
@click.option("--repeat", type=int, default=3, show_default=True,
              help="Rounds of the speed measures, taken in turn; each keeps its fastest round.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def bench(sample: Path | None, articles: int, workers: int, no_ingest: bool, repeat: int, fmt: str) -> None:
    """Measure storyline's speed on a fixed sample of Reuters-21578 stories."""
    from storyline import bench as benchmark

    sample = sample or benchmark.DEFAULT_SAMPLE
    if not sample.exists():
        fail(f"no sample at {sample}; pass --sample FILE.jsonl.gz")
    result = benchmark.run(sample, articles=articles, workers=workers, ingest=not no_ingest, repeat=repeat)
    click.echo(json.dumps(result, indent=2) if fmt == "json" else benchmark.render(result))
