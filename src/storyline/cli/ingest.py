"""``storyline ingest``: read news at volume into a corpus database, resumably."""

from __future__ import annotations

import sys

import click

from storyline import errors
from storyline.cli.errors import fail, warn

SHOWN_FAILURES = 10


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False), help="The corpus database (DuckDB file), created if absent.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that do the NLP (1: this process).")
@click.option("--batch-size", type=click.IntRange(1), default=100, show_default=True,
              help="Articles committed together.")
@click.option("--stages", help="Comma-separated stages to run (default: all).")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--verbose", is_flag=True, help="One line on stderr per committed batch (for logs).")
def ingest(paths: tuple[str, ...], db: str, workers: int, batch_size: int, stages: str | None,
           quiet: bool, verbose: bool) -> None:
    """Read every article in PATH... (files, folders, - for stdin) into the corpus database.

    Reads .txt (front matter), .json, .jsonl (optionally .gz), .html and .warc(.gz). Articles
    already stored are skipped, so a run that was stopped can simply be run again.
    """
    from storyline.corpus import Corpus
    from storyline.pipeline import STAGES

    chosen = None
    if stages:
        chosen = tuple(s.strip() for s in stages.split(",") if s.strip())
        unknown = [s for s in chosen if s not in STAGES]
        if unknown:
            fail(f"unknown stage(s) {', '.join(unknown)}; the stages are {', '.join(STAGES)}")
    show = not quiet and sys.stderr.isatty()

    def committed(count: int) -> None:
        if verbose:
            warn(f"committed {count:,} articles")

    try:
        with Corpus(db) as corpus, _Progress(show) as progress:
            report = corpus.ingest(paths, workers=workers, stages=chosen, batch_size=batch_size,
                                   progress=progress.update, on_commit=committed)
    except errors.StorylineError as exc:
        fail(exc)
    except KeyboardInterrupt:
        warn("interrupted: the articles committed so far are stored; run the same command again to go on")
        sys.exit(130)
    if not quiet:
        for failure in report.failures[:SHOWN_FAILURES]:
            warn(f"{failure.where}: [{failure.code}] {failure.reason}")
        if report.failed > SHOWN_FAILURES:
            warn(f"… and {report.failed - SHOWN_FAILURES:,} more failures (see the failures table)")
        warn(report.summary())
    if report.failed and not (report.analysed or report.duplicates or report.skipped):
        sys.exit(1)


class _Progress:
    """A rich progress bar on stderr: articles, articles/s, and an ETA from the bytes read."""

    def __init__(self, show: bool):
        self.show = show
        self.bar = None
        self.task = None

    def __enter__(self) -> _Progress:
        if self.show:
            from rich.console import Console
            from rich.progress import (BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            self.bar = Progress(
                TextColumn("ingest"), BarColumn(), TaskProgressColumn(),
                TextColumn("{task.fields[articles]:>9,} articles  {task.fields[rate]:>7.1f}/s"),
                TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False,
            )
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=None, articles=0, rate=0.0)
        return self

    def update(self, report) -> None:
        if self.bar is None:
            return
        rate = report.handled / report.seconds if report.seconds else 0.0
        self.bar.update(self.task, total=report.bytes_total, completed=report.bytes_done,
                        articles=report.handled, rate=rate)

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.stop()
