"""The PolNeAR reader and scorer, on a tiny corpus written here, and the quality gate on dev."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline.eval import polnear
from tests import gates
from tests.conftest import shared

TEXT = "Maria Lopez said that the bridge was safe. The mayor, she added, “will resign.”\n"
# Two annotators: A marks both attributions (the second with a discontinuous content), B only the first.
ANN_A = """T1\tSource 0 11\tMaria Lopez
T2\tCue 12 16\tsaid
T3\tContent 17 41\tthat the bridge was safe
T4\tAttribution 12 16\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tSource 54 57\tshe
T6\tCue 58 63\tadded
T7\tContent 43 52;65 79\tThe mayor “will resign.”
E2\tAttribution:T7 Content:T7 Cue:T6 Source:T5
T8\tDiscard 0 0\t
"""
ANN_B = """T1\tSource 0 11\tMaria Lopez
T2\tCue 12 16\tsaid
T3\tContent 17 41\tthat the bridge was safe
E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1
"""


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "data"
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / "wire_2016-05-01_bridge.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / "wire_2016-05-01_bridge_aaaa.ann").write_text(ANN_A, encoding="utf-8")
    (root / "dev" / "attributions" / "wire_2016-05-01_bridge_bbbb.ann").write_text(ANN_B, encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ndev\twire_2016-05-01_bridge\t2016-05-01\n", encoding="utf-8"
    )
    return root / "dev"


def test_polnear_reads_relations_dates_and_annotators(corpus):
    [doc] = polnear.read_corpus(corpus)
    assert doc.date == "2016-05-01"
    assert [a.annotator for a in doc.annotations] == ["aaaa", "bbbb"]
    a = doc.annotations[0]
    assert [TEXT[slice(*r.cue)] for r in a.relations] == ["said", "added"]
    assert TEXT[slice(*a.relations[1].content)] == "The mayor, she added, “will resign.”"  # outer extent


def test_polnear_score_exact_overlap_and_mean_over_annotators(corpus):
    docs = polnear.read_corpus(corpus)
    pred = [polnear.Relation(cue=(12, 16), source=(0, 11), content=(17, 40))]  # content one char short
    scores = polnear.score(docs, [pred])
    assert scores["cue_exact_p"] == 1.0
    assert scores["cue_exact_r"] == round(1 / 1.5, 4)  # 1 of 2 gold (A), 1 of 1 (B): weighted 1.5
    assert scores["content_exact_f1"] == 0.0 and scores["content_overlap_p"] == 1.0
    assert scores["attribution_p"] == 1.0 and scores["documents"] == 1.0


def test_polnear_attribution_needs_all_three_parts(corpus):
    docs = polnear.read_corpus(corpus)
    wrong_source = [polnear.Relation(cue=(12, 16), source=(43, 52), content=(17, 41))]
    assert polnear.score(docs, [wrong_source])["attribution_f1"] == 0.0


def test_polnear_cli_json_keys(corpus):
    from storyline.cli.main import cli

    result = CliRunner().invoke(cli, ["eval", "quotes", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    for part in ("cue", "source", "content"):
        for mode in ("exact", "overlap"):
            for m in ("p", "r", "f1"):
                assert f"{part}_{mode}_{m}" in scores
    assert {"attribution_f1", "attribution_p", "attribution_r", "documents"} <= scores.keys()
    # both cues are found; annotator B marked only one, so half the second counts against precision
    assert (scores["cue_exact_r"], scores["cue_exact_p"]) == (1.0, 0.75)


def test_polnear_agreement_scores_each_annotator_against_the_others(corpus):
    docs = polnear.read_corpus(corpus)
    scores = polnear.agreement(docs)
    # A's two cues against B's one (1 of 2 right), B's one against A's two (1 of 1 right, 1 of 2 found)
    assert scores["cue_exact_p"] == scores["cue_exact_r"] == round(2 / 3, 4)
    assert scores["documents"] == 1.0
    single = [polnear.GoldDoc(d.name, d.text, d.date, d.annotations[:1]) for d in docs]
    assert polnear.agreement(single)["documents"] == 0.0


def test_polnear_cli_agreement_puts_storyline_beside_the_annotators(corpus):
    from storyline.cli.main import cli

    result = CliRunner().invoke(cli, ["eval", "quotes", str(corpus), "--agreement", "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["annotators"]["cue_exact_f1"] == round(2 / 3, 4)
    assert scores["storyline"]["documents"] == 1.0 and "attribution_f1" in scores["storyline"]
    text = CliRunner().invoke(cli, ["eval", "quotes", str(corpus), "--agreement"]).output
    assert "annotators F1" in text and "cue_exact" in text


def test_polnear_cli_rejects_a_directory_that_is_no_compartment(tmp_path):
    from storyline.cli.main import cli

    result = CliRunner().invoke(cli, ["eval", "quotes", str(tmp_path)])
    assert result.exit_code != 0 and "[E100]" in result.output


def test_polnear_gate_on_dev():
    scores = polnear.evaluate(shared("corpora", "polnear", "data", "dev"))
    gates.assert_gate("quotes", scores)


@pytest.mark.parametrize(("source", "name", "heads"), [
    ("Sen. Ted Cruz", "Ted Cruz", True),
    ("Ben Carson, a neurosurgeon", "Ben Carson", True),
    ("Former Secretary of State Hillary Clinton", "Hillary Clinton", True),  # "of" inside a title
    ("Clinton aides", "Clinton", False),
    ("Trump’s campaign manager", "Trump", False),
    ("supporters of Democrat Hillary Clinton", "Hillary Clinton", False),  # the supporters spoke
    ("a spokesman for the Jupiter Police Department", "Jupiter Police Department", False),
    ("New Jersey officials, including Gov. Chris Christie,", "Chris Christie", False),
])
def test_polnear_a_named_speaker_is_a_name_that_heads_its_source(source, name, heads):
    start = source.index(name)
    assert polnear._heads(source, 0, start, start + len(name), len(source)) is heads


def test_polnear_named_speaker_exact_wants_the_heading_name_itself():
    from storyline.model import Article, Entity, Mention, Record, Span, Statement

    text = "Deborah Tamargo, the chairwoman of the county GOP, said the vote was fair."
    def span(phrase):
        start = text.index(phrase)
        return (start, start + len(phrase))
    source, cue, content = span("Deborah Tamargo, the chairwoman of the county GOP"), span("said"), span("the vote was fair")
    gold = polnear.GoldDoc("d", text, None, [polnear.Annotation("a", [polnear.Relation(cue, source, content)])])
    entities = [Entity(id="E1", name="Deborah Tamargo", type="PERSON",
                       mentions=[Mention(text="Deborah Tamargo", start=0, end=15)]),
                Entity(id="E2", name="GOP", type="ORG", mentions=[Mention(text="GOP", start=text.index("GOP"),
                                                                          end=text.index("GOP") + 3)])]
    def scores(speaker):
        statement = Statement(id="S1", speaker=speaker, cue=Span(text="said", start=cue[0], end=cue[1]),
                              content=Span(text="the vote was fair", start=content[0], end=content[1]), kind="indirect",
                              source=Span(text=text[source[0]:source[1]], start=source[0], end=source[1]))
        record = Record(article=Article(id="d", text=text), entities=entities, statements=[statement])
        return polnear.speaker_resolution([gold], [record])
    assert (scores("E1")["named_speaker_resolved"], scores("E1")["named_speaker_exact"]) == (1.0, 1.0)
    assert (scores("E2")["named_speaker_resolved"], scores("E2")["named_speaker_exact"]) == (1.0, 0.0)
    assert scores(None)["named_speaker_resolved"] == 0.0


def test_polnear_a_statement_known_through_a_report_is_part_of_the_reports_content(nlp):
    from storyline import extract

    record = extract("“We will not protest,” Sanders said, according to CNN.", nlp)
    assert len(record.statements) == 2
    [relation] = polnear.relations_of(record)
    assert record.article.text[relation.cue[0]:relation.cue[1]] == "according to"
