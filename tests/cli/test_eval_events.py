"""``storyline eval events``: text and JSON output, and a clean error for a bad file."""

from __future__ import annotations

import json

from click.testing import CliRunner

from storyline.cli.main import cli

RECORDS = [
    {"id": "DOC", "event": "DOCUMENT"},
    {
        "id": "T-1",
        "event": "ASSAULT",
        "text": "Rebels shelled the town of Goma on Sunday.",
        "source": [{"actorText": "Rebels"}],
        "target": [{"actorText": "Goma"}],
        "textInfo": {"markup": "(SRC: Rebels) (EVT: shelled) the town of (TAR: Goma) on Sunday."},
    },
]


def test_eval_events_json_keys(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(RECORDS))
    result = CliRunner().invoke(cli, ["eval", "events", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert {"category_accuracy", "source_match", "target_match", "mode_accuracy", "overgeneration", "records"} <= set(scores)
    assert scores["records"] == 1 and scores["category_accuracy"] == 1.0


def test_eval_events_text_table(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(RECORDS))
    result = CliRunner().invoke(cli, ["eval", "events", str(path)])
    assert result.exit_code == 0 and "category_accuracy" in result.output and "heldout" in result.output


def test_eval_events_bad_file_is_one_clean_error(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text("not json")
    result = CliRunner().invoke(cli, ["eval", "events", str(path)])
    assert result.exit_code == 1 and "[E106]" in result.output
