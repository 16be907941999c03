"""Who said what on articles written for the purpose, each with the list of its statements (tests/data/speakers).

Sets A (5 articles, 88 statements), B (6, 110) and D (6, 119) were read while the statements stage was
mended in the ninth session, so their scores flatter it; set C (6, 123) was written after the changes
that A and B led to, by a writer who saw neither the code nor the other sets, and was scored without
reading its misses: 0.724 right speakers with the code of the session's start, 0.797 at the commit
that added it. Its floors follow that; do not tune on its errors.

Sets E (6, 141) and F (6, 120) were written in the tenth session by two more writers who saw neither the
code nor the other sets, and scored first with the code after that session's first two commits: E 0.872,
F 0.800. E was then read and mended on; F is held out like C. Set G (6, 134), by a seventh writer, was
first scored at commit ae26790 (0.769) and then read and mended on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.eval import speakers
from storyline.model import Article, Entity, Mention, Record, Span, Statement
from tests.gates import assert_gate

DATA = Path(__file__).parents[1] / "data" / "speakers"


@pytest.mark.parametrize("name, articles, statements", [("a", 5, 88), ("b", 6, 110), ("c", 6, 123), ("d", 6, 119),
                                                         ("e", 6, 141), ("f", 6, 120), ("g", 6, 134)])
def test_speakers_gate(nlp, name, articles, statements):
    scores, _ = speakers.evaluate(DATA / name, nlp)
    assert (scores["articles"], scores["statements"]) == (articles, statements)
    assert_gate(f"speakers_{name}", scores)


@pytest.mark.parametrize("gold, found, same", [
    ("Dana Whitcombe", "Whitcombe", True),
    ("Norway's Foreign Ministry", "Foreign Ministry", True),
    ("the Health Ministry", "Health Ministry", True),
    ("Sentinel Minerals Ltd.", "Sentinel Minerals Ltd", True),
    ("Dana Whitcombe", "Martin Reyes", False),
    (None, None, True),
    (None, "Corvane Systems", False),
    ("Corvane Systems", None, False),
])
def test_speakers_same_speaker(gold, found, same):
    assert speakers.same_speaker(gold, found) is same


def test_speakers_match_pairs_each_gold_statement_with_the_one_found(tmp_path):
    text = "Karen Holt said the talks had stalled. The union declined to comment."
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "one.tsv").write_text("said\tKaren Holt\tthe talks had stalled\ndeclined to comment\tthe union\t-\n",
                                      encoding="utf-8")
    [article] = speakers.read_set(tmp_path)

    def span(phrase):
        start = text.index(phrase)
        return Span(text=phrase, start=start, end=start + len(phrase))

    holt = Entity(id="E1", name="Karen Holt", type="PERSON", mentions=[Mention(text="Karen Holt", start=0, end=10)])
    said = Statement(id="S1", speaker="E1", cue=span("said"), content=span("the talks had stalled"), kind="indirect")
    record = Record(article=Article(id="one", text=text), entities=[holt], statements=[said])
    scores, matches = speakers.score([article], [record])
    assert [(m.found.id if m.found else None, m.speaker) for _, m in matches] == [("S1", "Karen Holt"), (None, None)]
    assert (scores["statements_found"], scores["speaker_accuracy"], scores["speaker_accuracy_found"]) == (0.5, 0.5, 1.0)


def test_speakers_a_directory_without_lists_is_a_clear_error(tmp_path):
    from storyline.cli.main import cli

    (tmp_path / "lonely.txt").write_text("Nobody said anything.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "speakers", str(tmp_path)])
    assert result.exit_code != 0 and "NAME.tsv" in result.output


def test_speakers_a_line_without_three_fields_is_a_clear_error(tmp_path):
    (tmp_path / "one.txt").write_text("Karen Holt said so.", encoding="utf-8")
    (tmp_path / "one.tsv").write_text("said\tKaren Holt\n", encoding="utf-8")
    with pytest.raises(Exception, match="one.tsv:1: expected 3"):
        speakers.read_set(tmp_path)
