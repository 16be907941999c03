from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from storyline.cli.main import cli
from tests.store.helpers import corpus_of
from tests.store.records import meeting_record


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "c.duckdb"
    corpus_of(path, [meeting_record("m1", "2025-07-09"), meeting_record("m2", "2025-06-02", visited="Egypt")]).close()
    return path


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_queries_cli_timeline_json_in_date_order(db):
    rows = json.loads(run("timeline", "--db", db, "--entity", "Netanyahu", "--format", "json"))
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {r["kind"] for r in rows} == {"event", "statement"}
    assert all({"article_id", "sentence", "date"} <= set(r) for r in rows)


def test_queries_cli_events_csv_filters(db):
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--actor", "Qatar", "--type", "CONSULT",
                                                "--since", "2025-07-01", "--until", "2025-07-31", "--format", "csv"))))
    assert [(r["article_id"], r["type"], r["target"]) for r in rows] == [("m1", "CONSULT", "Qatar")]


def test_queries_cli_quotes_table_has_the_quote(db):
    out = run("quotes", "--db", db, "--speaker", "Benjamin Netanyahu", "--limit", "1")
    header, rule, *lines = out.splitlines()
    assert header.split()[:3] == ["date", "date_source", "speaker"]
    assert len(lines) == 1 and "The talks were useful" in lines[0]


def test_queries_cli_entities_and_stats_tables(db):
    assert "Benjamin Netanyahu" in run("entities", "--db", db, "--type", "person")
    assert "Qatar" in run("entities", "--db", db, "--name", "Qatar", "--limit", "0")
    stats = run("stats", "--db", db)
    assert any(line.split() == ["articles", "2"] for line in stats.splitlines())


def test_queries_cli_duplicates_flag(db):
    assert json.loads(run("quotes", "--db", db, "--format", "json", "--duplicates"))
    assert json.loads(run("events", "--db", db, "--format", "json", "--duplicates"))
    assert json.loads(run("timeline", "--db", db, "--entity", "Qatar", "--format", "json", "--duplicates"))


def test_queries_cli_missing_database_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(cli, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "[E402]" in result.stderr and "Traceback" not in result.output
