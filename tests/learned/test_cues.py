from __future__ import annotations

from storyline.learned.cues import CueModel, extent_candidates, features, load


def test_cues_features_describe_the_verb_and_its_arguments(nlp):
    doc = nlp("Senator Warren hammered the bank on its fees.")
    verb = next(t for t in doc if t.lemma_ == "hammer")
    found = features(verb, in_quote=False, rule_kind=None)
    assert "l=hammer" in found
    assert "s=nsubj|PERSON" in found  # a named person as subject
    assert "cw=prep|on" in found
    assert found == features(verb, in_quote=False, rule_kind=None)  # deterministic, as training needs


def test_cues_extent_takes_a_word_only_below_one_taken(nlp):
    doc = nlp("The ministry said in a statement that the talks would resume.")
    said = next(t for t in doc if t.text == "said")
    # a table that takes any preposition right of the head and anything below a taken word
    model = CueModel({}, {"d=prep|1|R": 5.0, "d=pobj|2|R": 5.0, "d=det|3|R": 5.0, "bias": -5.0})
    content = set(range(7, 12))  # "that the talks would resume"
    start, end = model.extent(said, (2, 3), blocked=content)
    assert doc[start:end].text == "said in a statement"
    # with the preposition blocked, nothing below it can join
    start, end = model.extent(said, (2, 3), blocked=content | {3})
    assert doc[start:end].text == "said"


def test_cues_candidates_stay_in_the_sentence_and_out_of_blocked(nlp):
    doc = nlp("He said it. Then he left.")
    said = doc[1]
    found = [t.i for t, _, _ in extent_candidates(said, blocked={2})]
    assert 2 not in found and all(i < 4 for i in found)


def test_cues_shipped_model_loads_once_with_both_tables():
    model = load()
    assert model is load()
    assert len(model.weights) > 1000 and model.extent_weights


def test_cues_shipped_model_separates_saying_from_doing(nlp):
    model = load()
    said = nlp("The governor said the bridge would reopen in May.")[2]
    reopened = nlp("The bridge reopened in May after two years of repairs.")[2]
    assert model.probability(said, False, "speech") > 0.8
    assert model.probability(reopened, False, None) < 0.2


def test_train_cues_counts_a_repeated_feature_as_the_model_sums_it(nlp):
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("train_cues", ROOT / "training" / "train_cues.py")
    train_cues = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train_cues)
    spoke = nlp("The senator spoke with reporters in Ohio about the deal.")[2]
    found = features(spoke, in_quote=False, rule_kind="speech")
    assert found.count("c=prep") == 3
    assert train_cues.counted(found)["c=prep"] == 3  # training once saw 1 where the model sums 3
