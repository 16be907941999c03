"""The corpus database: opening it, what it already holds, the single writer, and linking.

DuckDB lets one process write a database file. Each batch of articles is written in one
transaction, so an article is stored with all its rows or not at all: a process killed at any
moment leaves whole articles only, and a re-run skips them. Corpus-level links (near-duplicates,
corpus entities) are rebuilt from the stored rows after the articles are in, in one transaction
of their own; ``state.linked`` says whether they are current.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from typing import TYPE_CHECKING

from storyline import errors
from storyline.store import schema
from storyline.store.columns import Rows, content_hash

if TYPE_CHECKING:
    from storyline.model import Article, Failure, Record


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = str(path)
    if read_only and path != ":memory:" and not Path(path).is_file():
        raise errors.NotADatabase(f"no corpus database at {path}")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise errors.DatabaseBusy(f"{path} is in use by another process (one writer at a time)") from None
        raise errors.NotADatabase(f"{path} is not a corpus database: {str(exc).splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise errors.NotADatabase(f"{path} is not a corpus database: {str(exc).splitlines()[0]}") from None


class Store:
    """A corpus database, opened for writing (migrated to the latest schema) or for reading."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(path)
        self.con = connect(path, read_only=read_only)
        if read_only:
            found = schema.version(self.con)
            if found == 0:
                raise errors.NotADatabase(f"{path} is not a corpus database (no storyline schema)")
            if found > schema.LATEST:
                raise errors.SchemaTooNew(f"the database has schema version {found}; this storyline knows up to {schema.LATEST}")
        else:
            schema.migrate(self.con)

    def close(self) -> None:
        self.con.close()

    def known(self) -> tuple[set[str], dict[str, str], set[str]]:
        """What is stored: article ids; content hash → id of the analysed article; failure locations."""
        ids = {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}
        hashes = dict(self.con.execute(
            "SELECT content_hash, id FROM articles WHERE duplicate_kind IS DISTINCT FROM 'exact'"
        ).fetchall())
        failed = {row[0] for row in self.con.execute("SELECT location FROM failures").fetchall()}
        return ids, hashes, failed

    def is_linked(self) -> bool:
        return self.con.execute("SELECT value FROM state WHERE key = 'linked'").fetchone()[0] == "yes"

    def link(self, force: bool = False) -> bool:
        """Rebuild near-duplicate links and corpus entities when articles were added since the last time."""
        from storyline.store.dedup import link_duplicates
        from storyline.store.linking import link_entities

        if self.is_linked() and not force:
            return False
        with _transaction(self.con):
            link_duplicates(self.con)
            link_entities(self.con)
            self.con.execute("UPDATE state SET value = 'yes' WHERE key = 'linked'")
        return True


class Writer:
    """The single writer: gathers records, exact duplicates and failures, commits them in batches."""

    def __init__(self, store: Store, batch_size: int = 100, on_commit=None):
        self.store = store
        self.batch_size = batch_size
        self.on_commit = on_commit
        self.stored: set[str] = set()  # ids of analysed articles, for exact duplicates of them
        self.failed: dict[str, Failure] = {}
        self.pending = 0
        self.rows = Rows()
        self.committed = 0

    def record(self, record: Record, signature: bytes | None) -> None:
        self.rows.record(record, signature)
        self.stored.add(record.article.id)
        self._added()

    def duplicate(self, article: Article, of: str) -> bool:
        """An article whose text is the same as an analysed one's: stored, pointing to it, not analysed
        again. False when the original failed: then so does the copy."""
        if of in self.failed:
            from storyline.model import Failure

            original = self.failed[of]
            self.failure(Failure(where=article.id, code=original.code, reason=original.reason))
            return False
        self.rows.article(article, signature=None, record=None, duplicate_of=of)
        self._added()
        return True

    def failure(self, failure: Failure) -> None:
        self.failed[failure.where] = failure
        self.rows.failure(failure)
        self._added()

    def _added(self) -> None:
        self.pending += 1
        if self.pending >= self.batch_size:
            self.commit()

    def commit(self) -> None:
        if not self.pending:
            return
        with _transaction(self.store.con):
            self.rows.insert(self.store.con)
            self.store.con.execute("UPDATE state SET value = 'no' WHERE key = 'linked'")
        self.committed += self.pending
        self.pending, self.rows = 0, Rows()
        if self.on_commit:
            self.on_commit(self.committed)


class _transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type, *_: object) -> None:
        self.con.execute("COMMIT" if exc_type is None else "ROLLBACK")


__all__ = ["Store", "Writer", "connect", "content_hash"]
