"""The trained attribution tagger: shipped weights load, tag sentences, group spans; a dev-split gate."""

from __future__ import annotations

import pytest

from storyline.learned import attribution_model as am
from storyline.stages.attribution_tagger import attributions
from tests.conftest import shared
from tests.gates import assert_gate


@pytest.fixture(scope="module")
def tagger_nlp():
    from storyline.learned.attribution_eval import tagger_pipeline

    return tagger_pipeline()


def roles(doc, role):
    return [t.text for t, tag in zip(doc, doc._.attribution_tags) if tag.endswith(role)]


def test_attribution_tagger_one_tag_per_token(tagger_nlp):
    doc = tagger_nlp("The council voted on Tuesday. Officials said the road would stay closed.")
    assert len(doc._.attribution_tags) == len(doc)
    assert set(doc._.attribution_tags) <= set(am.TAGS)


def test_attribution_tagger_reported_speech(tagger_nlp):
    doc = tagger_nlp("Officials said on Monday that the bridge would reopen.")
    assert roles(doc, "CUE")[0] == "said"  # the shipped model stretches it to "said on"
    assert roles(doc, "SOURCE") == ["Officials"]
    assert "bridge" in roles(doc, "CONTENT") and "reopen" in roles(doc, "CONTENT")
    [found] = attributions(doc)
    assert (found.cue[0].text, found.source.text) == ("said", "Officials")
    assert found.content.text.endswith("the bridge would reopen")


def test_attribution_tagger_quote_after_cue(tagger_nlp):
    doc = tagger_nlp("“We have no plans to raise taxes this year,” the finance minister told reporters.")
    [found] = attributions(doc)
    assert found.cue.text.startswith("told")
    assert found.source.text == "the finance minister"
    assert "raise taxes" in found.content.text


def test_attribution_tagger_two_cues_keep_their_contents(tagger_nlp):
    doc = tagger_nlp(
        "The mayor said the budget was balanced. The opposition leader, however, insisted that the city was deep in debt."
    )
    found = attributions(doc)
    assert [a.cue.text for a in found] == ["said", "insisted"]
    assert "balanced" in found[0].content.text and "debt" in found[1].content.text
    assert found[0].source.text == "The mayor"


def test_attribution_tagger_no_attribution_in_plain_narration(tagger_nlp):
    doc = tagger_nlp("Heavy rain fell across the region on Sunday, and several roads were closed.")
    assert attributions(doc) == []
    assert set(doc._.attribution_tags) == {"O"}


def test_attribution_model_decode_never_starts_inside():
    tags = ("O", "B-CUE", "I-CUE")
    scores = [[0.1, 0.2, 0.7], [0.1, 0.1, 0.8], [0.9, 0.05, 0.05]]
    import numpy as np

    assert am.decode(np.array(scores), tags) == ["B-CUE", "I-CUE", "O"]


def test_attribution_model_inside_quotes_closes_at_paragraph(tagger_nlp):
    doc = tagger_nlp.make_doc("He said “we will\n\nwin it")
    assert am.inside_quotes(doc) == [False, False, True, True, True, False, False, False]


def test_attribution_tagger_polnear_dev_gate():
    from storyline.learned.attribution_eval import evaluate

    scores = evaluate(shared("corpora", "polnear", "data", "dev"))
    assert_gate("attribution_tagger", scores)
