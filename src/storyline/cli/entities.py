"""``storyline entities``: the corpus entities, the most written-about first."""

from __future__ import annotations

import click

from storyline.cli.output import db_option, emit, format_option, open_corpus


@click.command()
@db_option
@click.option("--type", "type_", metavar="TYPE", help="Only this type: PERSON, ORG, GPE, NORP, LOC, …")
@click.option("--name", help="Only the entities this name stands for.")
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True, help="At most this many (0: all).")
@format_option
def entities(db: str, type_: str | None, name: str | None, limit: int, fmt: str) -> None:
    """The same person, organisation or place across articles is one corpus entity, with the names it goes by."""
    with open_corpus(db) as corpus:
        emit(corpus.entities(type=type_, name=name, limit=limit or None), fmt)
