"""A corpus of news in one DuckDB file: ingest articles at volume, then ask it questions.

    with Corpus("news.duckdb") as corpus:
        corpus.ingest(["crawl.warc.gz", "dump.jsonl.gz", "pages/"], workers=2)
        corpus.quotes(speaker="Netanyahu", since="2025-07", until="2025-07")
        corpus.timeline("Qatar")

Ingest follows one article through four steps:

1. read: ``ingest.walk.Inputs`` finds the files and the readers turn them into Articles (or
   Failures for what cannot be read);
2. skip: an article whose id is stored is skipped, and one whose text is stored under another
   id is stored as its exact duplicate, both before any NLP, so a re-run is fast;
3. analyse: ``workers.Workers`` runs the pipeline in local processes, batch by batch, in order;
4. store: the parent, the single writer, commits whole articles in batches, then links
   near-duplicates and corpus entities.

Whatever point a run is killed at, running it again gives the database an uninterrupted run
gives: committed articles are whole and skipped, the rest is redone, links are rebuilt.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from storyline import errors
from storyline.store import Store, Writer, queries
from storyline.store.columns import content_hash
from storyline.store.export import export as _export

if TYPE_CHECKING:  # the model loads pydantic, which a query does not need
    from storyline.model import Article, Failure, Record

KEPT_FAILURES = 100  # all failures are in the database; the report keeps the first ones to show


@dataclass
class IngestReport:
    """What one ``ingest`` run did."""

    read: int = 0  # articles and failures the readers gave
    analysed: int = 0  # new articles run through the pipeline and stored
    duplicates: int = 0  # new articles whose text was already stored under another id
    skipped: int = 0  # already in the database (id, or failure location)
    failed: int = 0  # new failures
    near_duplicates: int = 0  # articles linked to an earlier copy of the same story (whole corpus)
    seconds: float = 0.0
    bytes_done: int = 0
    bytes_total: int | None = None
    failures: list[Failure] = field(default_factory=list, repr=False)  # the first KEPT_FAILURES, to show

    def fail(self, failure: Failure) -> None:
        self.failed += 1
        if len(self.failures) < KEPT_FAILURES:
            self.failures.append(failure)

    @property
    def handled(self) -> int:
        return self.analysed + self.duplicates + self.skipped + self.failed

    def summary(self) -> str:
        rate = self.handled / self.seconds if self.seconds else 0.0
        return (f"{self.read:,} read: {self.analysed:,} analysed, {self.duplicates:,} exact duplicates, "
                f"{self.skipped:,} already stored, {self.failed:,} failed; {self.near_duplicates:,} near-duplicates "
                f"in the corpus; {self.seconds:.1f} s ({rate:,.1f} articles/s)")


class Corpus:
    """A corpus database; ``read_only=True`` to query one that another process may also read."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = Path(path)
        self.store = Store(path, read_only=read_only)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- ingest ---------------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        workers: int = 1,
        stages: tuple[str, ...] | None = None,
        batch_size: int = 100,
        progress: Callable[[IngestReport], None] | None = None,
        on_commit: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Read, analyse and store every article under ``paths`` (files, folders, ``-``).

        ``batch_size`` articles are committed together; ``progress`` is called as work is done.
        """
        from storyline.ingest.walk import Inputs
        from storyline.workers import Workers

        started = time.monotonic()
        inputs = Inputs(paths)
        report = IngestReport(bytes_total=inputs.total)
        writer = Writer(self.store, batch_size=batch_size, on_commit=on_commit)
        with Workers(workers, stages, signatures=True) as pool:
            for decisions, results in pool.map(self._plan(inputs, report)):
                self._store(decisions, iter(results), writer, report)
                report.bytes_done = inputs.done()
                report.seconds = time.monotonic() - started
                if progress:
                    progress(report)
        writer.commit()
        self.store.link()
        report.near_duplicates = self.store.con.execute(
            "SELECT count(*) FROM articles WHERE duplicate_kind = 'near'").fetchone()[0]
        report.seconds = time.monotonic() - started
        if progress:
            progress(report)
        return report

    def _plan(self, inputs, report: IngestReport) -> Iterator[tuple[list, list[Article]]]:
        """Batches of ``(decisions in input order, the articles among them to analyse)``."""
        from storyline.model import Failure
        from storyline.workers import TASK_SIZE

        ids, hashes, failed = self.store.known()
        decisions: list = []
        todo: list[Article] = []
        for item in inputs:
            report.read += 1
            if isinstance(item, Failure):
                if item.where in failed:
                    report.skipped += 1
                    continue
                failed.add(item.where)
                decisions.append(item)
            elif item.id in ids or item.id in failed:
                report.skipped += 1
                continue
            else:
                ids.add(item.id)
                digest = content_hash(item.text)
                if digest in hashes:
                    decisions.append((item, hashes[digest]))
                else:
                    hashes[digest] = item.id
                    decisions.append(item)
                    todo.append(item)
            if len(todo) >= TASK_SIZE or len(decisions) >= 4 * TASK_SIZE:
                yield decisions, todo
                decisions, todo = [], []
        if decisions:
            yield decisions, todo

    @staticmethod
    def _store(decisions: list, results: Iterator, writer: Writer, report: IngestReport) -> None:
        from storyline.model import Failure, Record

        for decision in decisions:
            if isinstance(decision, Failure):
                writer.failure(decision)
                report.fail(decision)
            elif isinstance(decision, tuple):  # (article, id of the article with the same text)
                article, original = decision
                if writer.duplicate(article, original):
                    report.duplicates += 1
                else:
                    report.failed += 1
            else:
                done = next(results)
                if isinstance(done.item, Record):
                    writer.record(done.item, done.signature)
                    report.analysed += 1
                else:
                    writer.failure(done.item)
                    report.fail(done.item)

    def link(self) -> None:
        """Rebuild near-duplicate links and corpus entities (``ingest`` does it when it adds articles)."""
        self.store.link(force=True)

    # -- questions ------------------------------------------------------------------------------

    def stats(self) -> dict:
        return queries.stats(self.store.con)

    def entities(self, *, type: str | None = None, name: str | None = None, limit: int | None = 50) -> list[dict]:
        return queries.entities(self.store.con, type=type, name=name, limit=limit)

    def quotes(self, speaker: str | None = None, *, since: str | None = None, until: str | None = None,
               limit: int | None = None, duplicates: bool = False) -> list[dict]:
        return queries.quotes(self.store.con, speaker=speaker, since=since, until=until, limit=limit,
                              duplicates=duplicates)

    def events(self, actor: str | None = None, *, type: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = None, duplicates: bool = False) -> list[dict]:
        return queries.events(self.store.con, actor=actor, type=type, since=since, until=until, limit=limit,
                              duplicates=duplicates)

    def timeline(self, entity: str, *, since: str | None = None, until: str | None = None,
                 duplicates: bool = False) -> list[dict]:
        return queries.timeline(self.store.con, entity, since=since, until=until, duplicates=duplicates)

    def record(self, article_id: str) -> Record:
        """The stored Record of an article (an exact duplicate's is its original's, with its own metadata)."""
        row = self.store.con.execute(
            "SELECT a.record, a.text, a.duplicate_of, a.duplicate_kind, "
            "a.id, a.title, strftime(a.date, '%Y-%m-%d'), a.source, a.url, a.author, a.language "
            "FROM articles a WHERE a.id = ?", [article_id]).fetchone()
        if row is None:
            raise errors.StoreError(f"no article {article_id!r} in the corpus")
        from storyline.model import Article, Record

        record_json, text, original, kind = row[:4]
        if kind == "exact":
            record = self.record(original)
            meta = dict(zip(("id", "title", "date", "source", "url", "author", "language"), row[4:]))
            return record.model_copy(update={"article": Article(text=text, **meta)})
        import json

        data = json.loads(record_json)
        data["article"]["text"] = text
        return Record.model_validate(data)

    def export(self, out: str | Path, format: str = "parquet") -> dict[str, int]:
        return _export(self.store.con, out, format)
