from __future__ import annotations

import json

import duckdb
from click.testing import CliRunner

from storyline.cli.main import cli
from tests.store.helpers import corpus_of
from tests.store.records import meeting_record


def make_db(tmp_path):
    path = tmp_path / "c.duckdb"
    corpus_of(path, [meeting_record("m1", "2025-07-09"), meeting_record("m2", "2025-06-02", visited="Egypt")]).close()
    return path


def test_export_parquet_partitioned_by_month(tmp_path):
    db, out = make_db(tmp_path), tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["month=2025-06", "month=2025-07"]
    con = duckdb.connect()
    rows = con.execute(f"SELECT id, month FROM read_parquet('{out}/articles/*/*.parquet', hive_partitioning=true) ORDER BY id").fetchall()
    assert rows == [("m1", "2025-07"), ("m2", "2025-06")]
    events = con.execute(f"SELECT count(*) FROM read_parquet('{out}/events/*/*.parquet')").fetchone()[0]
    assert events == 2
    assert con.execute(f"SELECT count(*) FROM '{out}/corpus_entities.parquet'").fetchone()[0] >= 4


def test_export_jsonl_and_csv(tmp_path):
    db = make_db(tmp_path)
    for fmt in ("jsonl", "csv"):
        out = tmp_path / fmt
        assert CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt, "--out", str(out)]).exit_code == 0
    lines = (tmp_path / "jsonl" / "statements.jsonl").read_text().splitlines()
    assert [json.loads(line)["content_text"] for line in lines] == ["The talks were useful,"] * 2
    [part] = (tmp_path / "csv" / "articles" / "month=2025-07").iterdir()
    assert part.read_text().splitlines()[0].startswith("id,title,date")
