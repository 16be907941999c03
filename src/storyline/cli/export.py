"""``storyline export``: every table of a corpus as Parquet, CSV or JSON Lines files."""

from __future__ import annotations

import click

from storyline.cli.errors import warn
from storyline.cli.output import db_option, open_corpus


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "csv"]), default="parquet", show_default=True)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="The folder to write to.")
def export(db: str, fmt: str, out: str) -> None:
    """Write each table under OUT; Parquet and CSV are partitioned by publication month."""
    with open_corpus(db) as corpus:
        written = corpus.export(out, fmt)
    warn("exported " + ", ".join(f"{table} {n:,}" for table, n in written.items()) + f" rows to {out}")
