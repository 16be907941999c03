"""``storyline extract``: read articles from a file or stdin, print their records."""

from __future__ import annotations

import json
import sys

import click

from storyline import errors
from storyline.cli.errors import fail, warn


@click.command()
@click.argument("path", metavar="FILE|-")
@click.option("--date", help="Publication date (YYYY-MM-DD), the anchor for relative dates.")
@click.option("--title", help="Article title.")
@click.option("--source", help="Outlet or source name.")
@click.option("--url", help="Article URL.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="text", show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for a file of many articles (output keeps the input order).")
def extract(
    path: str, date: str | None, title: str | None, source: str | None, url: str | None, fmt: str, workers: int
) -> None:
    """Read the article(s) in FILE (.txt, .json, .jsonl, optionally .gz; - for stdin)."""
    # imported here: spaCy loads in ~0.6 s, which the corpus query commands should not pay
    from storyline.ingest.checks import check_date
    from storyline.ingest.readers import read_path
    from storyline.pipeline import extract_many, load_pipeline
    from storyline.report import render_text

    try:
        date = check_date(date)
        nlp = load_pipeline() if workers == 1 else None
    except errors.StorylineError as exc:
        fail(exc)
    defaults = {"date": date, "title": title, "source": source, "url": url}
    items = (_with_defaults(item, defaults) for item in read_path(path, **defaults))
    records, failures = 0, 0
    as_json = []  # --format json prints one object for one article, an array for several
    if workers == 1:
        from storyline.workers import Analysed

        results = (Analysed(item) for item in extract_many(items, nlp))
    else:
        from storyline.workers import extract_parallel

        results = extract_parallel(items, workers)
    for result in results:
        if result.failed:
            failures += 1
            item = result.item
            warn(f"{item.where}: [{item.code}] {item.reason}")
            continue
        records += 1
        if fmt == "json":
            as_json.append(json.loads(result.json))
        elif fmt == "jsonl":
            click.echo(result.json)
        else:
            click.echo(("\n" + "=" * 72 + "\n\n" if records > 1 else "") + render_text(result.item))
    if as_json:
        click.echo(json.dumps(as_json[0] if len(as_json) == 1 else as_json, ensure_ascii=False, indent=2))
    if failures and not records:
        sys.exit(1)
    if failures:
        warn(f"{failures} article(s) failed, {records} read")


def _with_defaults(item, defaults: dict[str, str | None]):
    """Command-line metadata fills what a JSON record leaves out."""
    from storyline.model import Failure

    if isinstance(item, Failure):
        return item
    missing = {k: v for k, v in defaults.items() if v and getattr(item, k) is None}
    return item.model_copy(update=missing) if missing else item
