"""``storyline timeline``: an entity's dated events and statements, in date order."""

from __future__ import annotations

import click

from storyline.cli.output import db_option, emit, format_option, open_corpus


@click.command()
@db_option
@click.option("--entity", required=True, metavar="NAME", help="A name (\"Netanyahu\") or a corpus entity id.")
@click.option("--since", metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Up to this date, inclusive.")
@click.option("--duplicates", is_flag=True, help="Also from duplicate articles.")
@format_option
def timeline(db: str, entity: str, since: str | None, until: str | None, duplicates: bool, fmt: str) -> None:
    """What the entity did, had done to it and said, each with its date, sentence and article."""
    with open_corpus(db) as corpus:
        emit(corpus.timeline(entity, since=since, until=until, duplicates=duplicates), fmt)
