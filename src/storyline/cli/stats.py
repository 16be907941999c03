"""``storyline stats``: what a corpus database holds."""

from __future__ import annotations

import click

from storyline.cli.output import db_option, emit, format_option, open_corpus


@click.command()
@db_option
@format_option
def stats(db: str, fmt: str) -> None:
    """Counts: articles (and duplicates), entities, statements, events, failures, the dates covered."""
    with open_corpus(db) as corpus:
        emit(corpus.stats(), fmt)
