"""``storyline eval time``: TempEval-3 scores of the time stage on TimeML files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from storyline import errors
from storyline.cli.errors import fail


@click.command("time")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_time(directory: Path, fmt: str) -> None:
    """Score dates and times on the TimeML (.tml) files under DIRECTORY (TempEval-3 measures)."""
    from storyline.eval.timeml import evaluate

    try:
        scores, per_doc = evaluate(directory)
    except errors.StorylineError as exc:
        fail(exc)
    if fmt == "json":
        click.echo(json.dumps(scores, indent=2))
        return
    click.echo(f"{'document':<28} {'gold':>5} {'sys':>5} {'strict':>6} {'relax':>6} {'value':>6}")
    for d in per_doc:
        click.echo(f"{d.name:<28} {d.gold:>5} {d.system:>5} {d.strict:>6} {d.relaxed_gold:>6} {d.value_ok:>6}")
    click.echo("\nErrors")
    for d in per_doc:
        for line in d.errors:
            click.echo(f"  {d.name}: {line}")
    click.echo("\nTempEval-3 measures (micro-averaged)")
    for key, value in scores.items():
        click.echo(f"  {key:<15} {value if key == 'documents' else f'{value:.4f}'}")
