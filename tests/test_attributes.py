"""The table look-up finds exactly the attribute ruler's matches, and the pipeline uses it."""

from __future__ import annotations

import pytest

from storyline.attributes import TableMatch, speed_up
from storyline.pipeline import load_model

# words the English ruler has rules for: "ain't" (a REGEX on the second token), "there is" (two
# tokens, DEP expl), "got" (a lemma rule), "did" as a main verb (a DEP rule), runs of spaces
TEXTS = [
    "There is no deal yet, and there were doubts, the minister said.\n\nIt ain't over, she got told.",
    "They did it twice.   He does what he did before; which one did they choose?",
    "The council's vote (9 to 4) gets a second reading on Tuesday — or so aides hope.\n",
    "",
]


@pytest.fixture(scope="module")
def stock():
    return load_model()


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_the_ruler(stock, text: str) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    doc = stock(text, disable=["attribute_ruler", "lemmatizer", "ner"])
    expected = sorted(set(ruler.match(doc)))
    assert TableMatch(ruler)(doc) == expected
    if text:
        assert expected  # the texts do exercise the rules


def test_rules_of_two_tokens_and_regexes_are_matched(stock) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    doc = stock("It ain't over. There is time.", disable=["attribute_ruler", "lemmatizer", "ner"])
    spans = {(start, end) for _, _, start, end in TableMatch(ruler)(doc)}
    assert any(end - start == 2 for start, end in spans)


def test_the_pipeline_sets_what_spacys_ruler_sets(nlp) -> None:
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, TableMatch)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "storyline_paragraphs", "parser"]):
        parsed = nlp(" ".join(TEXTS))
    ours, theirs = ruler(parsed.copy()), parsed.copy()
    ruler.set_annotations(theirs, AttributeRuler.match(ruler, theirs))  # the class's own Matcher
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in ours] == [(t.pos_, t.lemma_, str(t.morph)) for t in theirs]
    assert any(t.pos_ for t in ours)


def test_a_ruler_with_other_patterns_keeps_its_matcher() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})
    speed_up(nlp)
    assert not isinstance(ruler.match, TableMatch)
    assert nlp("cat")[0].pos_ == "NOUN"
