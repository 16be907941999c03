"""``storyline events``: who did what to whom, in date order."""

from __future__ import annotations

import click

from storyline.cli.output import db_option, emit, format_option, open_corpus


@click.command()
@db_option
@click.option("--actor", metavar="NAME", help="Only events with this entity as source or target.")
@click.option("--type", "type_", metavar="TYPE", help="Only this PLOVER event type (e.g. CONSULT).")
@click.option("--since", metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Up to this date, inclusive.")
@click.option("--limit", type=click.IntRange(0), default=0, help="At most this many (0: all).")
@click.option("--duplicates", is_flag=True, help="Also from duplicate articles.")
@format_option
def events(db: str, actor: str | None, type_: str | None, since: str | None, until: str | None, limit: int,
           duplicates: bool, fmt: str) -> None:
    """Events, each with its resolved date, actors, sentence and article."""
    with open_corpus(db) as corpus:
        emit(corpus.events(actor, type=type_, since=since, until=until, limit=limit or None,
                           duplicates=duplicates), fmt)
