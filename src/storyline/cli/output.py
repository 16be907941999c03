"""Rows out, as a table for a person, JSON or CSV for a program; and the shared options of the corpus commands."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from datetime import date

import click

from storyline import errors
from storyline.cli.errors import fail

FORMATS = ("table", "json", "csv")
CELL = 70  # a table cell longer than this is cut, with an ellipsis (json and csv keep it whole)


def db_option(command: Callable) -> Callable:
    return click.option("--db", "db", required=True, type=click.Path(dir_okay=False),
                        help="The corpus database (DuckDB file).")(command)


def format_option(command: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for a person, json or csv for a program.")(command)


def open_corpus(db: str):
    """The corpus, read-only, or a clean CLI error."""
    from storyline.corpus import Corpus

    try:
        return Corpus(db, read_only=True)
    except errors.StorylineError as exc:
        fail(exc)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _cell(value: object) -> str:
    text = " ".join(_text(value).split())
    return text if len(text) <= CELL else text[: CELL - 1] + "…"


def emit(rows: list[dict] | dict, fmt: str) -> None:
    """Print rows (or one mapping, as key/value rows) in the chosen format."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=_text))
        return
    if isinstance(rows, dict):
        rows = [{"key": k, "value": v} for k, v in rows.items()]
    if not rows:
        if fmt == "table":
            click.echo("(nothing found)", err=True)
        return
    columns = list(rows[0])
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_text(row[c]) for c in columns] for row in rows)
        return
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for r in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
