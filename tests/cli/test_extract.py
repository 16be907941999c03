from __future__ import annotations

import json

from click.testing import CliRunner

from storyline.cli.main import cli
from tests.conftest import EXAMPLES

TEXT = "The council said on Monday that the new bridge would open in May, after two years of work."


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_extract_json_has_the_contract_keys():
    result = run("extract", str(EXAMPLES / "harbour-talks.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert list(record) == ["schema", "article", "entities", "times", "statements", "events", "amounts"]
    assert record["article"]["date"] == "2024-03-14"
    assert record["article"]["title"].startswith("Port strike talks")


def test_extract_text_report_names_people_with_titles():
    result = run("extract", str(EXAMPLES / "harbour-talks.txt"))
    assert result.exit_code == 0
    assert "Sarah Okafor — Labour Minister, CAN" in result.stdout


def test_extract_stdin_with_metadata_flags():
    result = run("extract", "-", "--date", "2024-05-01", "--title", "Bridge", "--format", "jsonl", input=TEXT)
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["article"]["date"] == "2024-05-01" and record["article"]["title"] == "Bridge"


def test_extract_bad_input_is_one_line_and_nonzero(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "[E101] empty text" in result.stderr


def test_extract_bad_date_flag_is_refused():
    result = run("extract", "-", "--date", "tomorrow", input=TEXT)
    assert result.exit_code != 0
    assert "[E107]" in result.stderr


def test_extract_multi_article_file_keeps_going(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join([json.dumps({"id": "ok1", "text": TEXT}), "{broken", json.dumps({"id": "ok2", "text": TEXT})]),
        encoding="utf-8",
    )
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["ok1", "ok2"]
    assert "batch.jsonl:2: [E106]" in result.stderr


def test_extract_with_workers_keeps_order_and_failures(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": TEXT}) for i in range(5)]
    lines.insert(2, "{broken")
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run("extract", str(path), "--format", "jsonl", "--workers", "2")
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == [f"a{i}" for i in range(5)]
    assert "batch.jsonl:3: [E106]" in result.stderr
    single = run("extract", str(path), "--format", "jsonl")
    assert single.stdout == result.stdout
