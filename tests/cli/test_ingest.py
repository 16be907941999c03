from __future__ import annotations

import gzip
import json

import duckdb
from click.testing import CliRunner

from storyline.cli.main import cli
from tests.conftest import ROOT
from tests.ingest.test_warc import write_warc

FIXTURES = ROOT / "tests" / "fixtures"


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def count(db, sql: str):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_ingest_every_format_then_a_rerun_adds_nothing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "stories.jsonl.gz").write_bytes(gzip.compress((FIXTURES / "wire" / "stories.jsonl").read_bytes()))
    write_warc(tmp_path / "in" / "crawl.warc.gz")
    db = tmp_path / "c.duckdb"
    paths = [FIXTURES / "pages", FIXTURES / "wire" / "harvest.txt", tmp_path / "in"]
    first = run("ingest", *paths, "--db", db)
    assert first.exit_code == 0, first.output
    # 2 pages + 1 text + 3 JSON records, one (w4) the same story as w1 under another id; the crawl's
    # two pages have the same text, hence the same id, as the folder's: already there
    assert count(db, "SELECT count(*) FROM articles") == 6
    assert count(db, "SELECT id || '>' || duplicate_of FROM articles WHERE duplicate_kind = 'exact'") == "w4>w1"
    assert count(db, "SELECT count(*) FROM articles WHERE record IS NOT NULL") == 5
    # empty page (twice: folder and crawl), bad JSON, empty text, German, bad date
    assert count(db, "SELECT count(*) FROM failures") == 6
    assert "14 read: 5 analysed, 1 exact duplicates, 2 already stored, 6 failed" in first.stderr
    assert count(db, "SELECT author FROM articles WHERE title LIKE 'Farmers%'") == "Ruth Gale"

    again = run("ingest", *paths, "--db", db)
    assert again.exit_code == 0
    assert "0 analysed, 0 exact duplicates, 14 already stored, 0 failed" in again.stderr
    assert count(db, "SELECT count(*) FROM articles") == 6
    assert count(db, "SELECT count(*) FROM failures") == 6


def test_ingest_stdin_and_quiet(tmp_path):
    db = tmp_path / "c.duckdb"
    text = (FIXTURES / "wire" / "harvest.txt").read_text(encoding="utf-8")
    result = run("ingest", "-", "--db", db, "--quiet", input=text)
    assert result.exit_code == 0 and result.stderr == ""
    assert count(db, "SELECT strftime(date, '%Y-%m-%d') FROM articles") == "2024-07-15"


def test_ingest_nothing_readable_exits_nonzero(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{broken\n", encoding="utf-8")
    result = run("ingest", path, "--db", tmp_path / "c.duckdb")
    assert result.exit_code == 1
    assert "bad.jsonl:1: [E106]" in result.stderr


def test_ingest_unknown_stage_is_refused(tmp_path):
    result = run("ingest", FIXTURES / "wire" / "harvest.txt", "--db", tmp_path / "c.duckdb", "--stages", "entities,magic")
    assert result.exit_code != 0 and "magic" in result.stderr


def test_ingest_verbose_reports_each_commit(tmp_path):
    result = run("ingest", FIXTURES / "wire" / "stories.jsonl", "--db", tmp_path / "c.duckdb", "--batch-size", "2",
                 "--verbose", "--stages", "entities")
    assert result.exit_code == 0
    assert result.stderr.count("committed") >= 3


def test_ingest_stats_json_has_the_contract_keys(tmp_path):
    db = tmp_path / "c.duckdb"
    run("ingest", FIXTURES / "wire", "--db", db, "--quiet")
    stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
    assert {"articles", "entities", "statements", "events", "failures"} <= set(stats)
    assert stats["articles"] == 4 and stats["failures"] == 4
