"""``storyline quotes``: who said what, in date order."""

from __future__ import annotations

import click

from storyline.cli.output import db_option, emit, format_option, open_corpus


@click.command()
@db_option
@click.option("--speaker", metavar="NAME", help="Only what this person or organisation said.")
@click.option("--since", metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Up to this date, inclusive.")
@click.option("--limit", type=click.IntRange(0), default=0, help="At most this many (0: all).")
@click.option("--duplicates", is_flag=True, help="Also from duplicate articles.")
@format_option
def quotes(db: str, speaker: str | None, since: str | None, until: str | None, limit: int, duplicates: bool,
           fmt: str) -> None:
    """Statements (direct and reported speech), each with its speaker, date and article."""
    with open_corpus(db) as corpus:
        emit(corpus.quotes(speaker, since=since, until=until, limit=limit or None, duplicates=duplicates), fmt)
