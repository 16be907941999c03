from __future__ import annotations

import duckdb
import pytest

from storyline import errors
from storyline.store import Store, schema

TABLES = {"articles", "entities", "mentions", "times", "statements", "events", "amounts", "failures",
          "corpus_entities", "schema_version", "state"}


def test_schema_migrate_creates_every_table_and_records_the_version(tmp_path):
    con = duckdb.connect(str(tmp_path / "c.duckdb"))
    assert schema.migrate(con) == 0
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert TABLES <= names
    assert schema.version(con) == schema.LATEST


def test_schema_migrate_twice_changes_nothing(tmp_path):
    con = duckdb.connect(str(tmp_path / "c.duckdb"))
    schema.migrate(con)
    assert schema.migrate(con) == schema.LATEST
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(schema.MIGRATIONS)


def test_schema_migrations_are_ordered_and_numbered_from_one():
    assert [number for number, _, _ in schema.MIGRATIONS] == list(range(1, len(schema.MIGRATIONS) + 1))


def test_schema_newer_database_is_refused(tmp_path):
    path = tmp_path / "c.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (?, 'from the future')", [schema.LATEST + 1])
    con.close()
    with pytest.raises(errors.SchemaTooNew):
        Store(path)


def test_schema_read_only_needs_an_existing_corpus(tmp_path):
    with pytest.raises(errors.NotADatabase):
        Store(tmp_path / "absent.duckdb", read_only=True)
    (tmp_path / "junk.duckdb").write_text("not a database")
    with pytest.raises(errors.NotADatabase):
        Store(tmp_path / "junk.duckdb", read_only=True)


def database_at(path, version: int) -> duckdb.DuckDBPyConnection:
    """A database left at an older schema version, with one statement stored."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR)")
    for number, description, steps in schema.MIGRATIONS[:version]:
        for step in steps:
            con.execute(step)
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, description])
    con.execute("INSERT INTO statements (article_id, id, kind, content_text) VALUES ('a', 'S1', 'direct', '“Yes.”')")
    return con


@pytest.mark.parametrize("version, column", [(1, "said"), (2, "reported_by")])
def test_schema_an_older_database_gains_the_newer_columns_empty(tmp_path, version, column):
    con = database_at(tmp_path / "c.duckdb", version)
    assert schema.migrate(con) == version and schema.version(con) == schema.LATEST
    assert con.execute(f"SELECT content_text, {column} FROM statements").fetchall() == [("“Yes.”", None)]
