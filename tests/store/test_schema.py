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


def test_schema_database_of_version_1_gains_the_said_column(tmp_path):
    con = duckdb.connect(str(tmp_path / "c.duckdb"))
    number, description, steps = schema.MIGRATIONS[0]
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR)")
    for step in steps:
        con.execute(step)
    con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, description])
    con.execute("INSERT INTO statements (article_id, id, kind, content_text) VALUES ('a', 'S1', 'direct', '“Yes.”')")
    assert schema.migrate(con) == 1 and schema.version(con) == schema.LATEST
    assert con.execute("SELECT content_text, said FROM statements").fetchall() == [("“Yes.”", None)]


def test_schema_database_of_version_2_gains_the_reported_by_column(tmp_path):
    con = duckdb.connect(str(tmp_path / "c.duckdb"))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR)")
    for number, description, steps in schema.MIGRATIONS[:2]:
        for step in steps:
            con.execute(step)
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, description])
    con.execute("INSERT INTO statements (article_id, id, kind, content_text) VALUES ('a', 'S1', 'direct', '“Yes.”')")
    assert schema.migrate(con) == 2 and schema.version(con) == schema.LATEST
    assert con.execute("SELECT id, reported_by FROM statements").fetchall() == [("S1", None)]
