"""The TimeML reader and the TempEval-3 scorer, and the quality gate on the shared training data."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline.cli.main import cli
from storyline.eval.timeml import Timex, evaluate, read_tml, score_doc, summarise
from tests.conftest import shared
from tests.gates import assert_gate

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>sample</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-07-09" functionInDocument="CREATION_TIME">July 9, 2025</TIMEX3></DCT>
<TEXT>
The port <EVENT eid="e1">reopened</EVENT> <TIMEX3 tid="t1" type="DATE" value="2025-07-08">on Tuesday</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> of strikes.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def tml_dir(tmp_path):
    (tmp_path / "sample.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_timeml_reader_offsets_and_dct(tml_dir):
    doc = read_tml(tml_dir / "sample.tml")
    assert doc.dct == "2025-07-09"
    assert [t.text for t in doc.timexes] == ["on Tuesday", "two weeks"]  # the DCT is not scored
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert "<EVENT" not in doc.text and "reopened" in doc.text


def test_timeml_scorer_strict_relaxed_and_values():
    gold = [Timex(0, 10, "on Tuesday", "DATE", "2025-07-08"), Timex(20, 29, "two weeks", "DURATION", "P2W")]
    system = [Timex(3, 10, "Tuesday", "DATE", "2025-07-08"), Timex(20, 29, "two weeks", "DURATION", "P14D"),
              Timex(40, 43, "now", "DATE", "PRESENT_REF")]
    s = summarise([score_doc("d", gold, system)])
    assert s["strict_p"] == pytest.approx(1 / 3) and s["strict_r"] == pytest.approx(1 / 2)
    assert s["relaxed_p"] == pytest.approx(2 / 3) and s["relaxed_r"] == pytest.approx(1.0)
    assert s["type_accuracy"] == 1.0 and s["value_accuracy"] == pytest.approx(0.5)
    assert s["value_f1"] == pytest.approx(0.5 * s["relaxed_f1"])


def test_timeml_cli_json_keys(tml_dir):
    result = CliRunner().invoke(cli, ["eval", "time", str(tml_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {"strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1",
                           "type_accuracy", "value_accuracy", "value_f1", "documents"}
    assert scores["documents"] == 1 and scores["relaxed_r"] == 1.0


def test_timeml_cli_text_lists_errors(tml_dir):
    result = CliRunner().invoke(cli, ["eval", "time", str(tml_dir)])
    assert result.exit_code == 0, result.output
    assert "sample" in result.output and "Errors" in result.output and "value_f1" in result.output


def test_timeml_cli_empty_directory_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "time", str(tmp_path)])
    assert result.exit_code != 0 and "no .tml files" in result.output


def test_timeml_gate_on_tempeval3_train():
    scores, _ = evaluate(shared("corpora", "tempeval3", "train"))
    assert_gate("time", scores)
