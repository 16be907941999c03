"""The PLOVER scorer: reading the gold records, mapping old categories, matching, and the quality gate."""

from __future__ import annotations

import json

from storyline.eval.plover import Outcome, evaluate, map_old, read_gold, score_record, summarize
from storyline.model import Article, Event, Record, SentenceRef
from storyline.model import Span as TextSpan
from tests.conftest import shared
from tests.gates import assert_gate

TEXT = "Ruritania expelled two Freedonian diplomats on Monday, officials said."


def gold_file(tmp_path, **fields):
    record = {
        "id": "TEST-0001",
        "event": "SANCTION",
        "text": TEXT,
        "source": [{"actorText": "Ruritania"}],
        "target": [{"actorText": "Freedonian diplomats"}],
        "textInfo": {"markup": "(SRC: Ruritania) (EVT: expelled) two (TAR: Freedonian diplomats) on Monday, officials said."},
    } | fields
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([{"id": "DOC", "event": "DOCUMENT"}, record]))
    return path


def event(trigger, type_="SANCTION", source=(), target=(), status="asserted", mode=None):
    start = TEXT.index(trigger)
    return Event(
        id="EV1",
        type=type_,
        mode=mode,
        trigger=TextSpan(text=trigger, start=start, end=start + len(trigger)),
        source_spans=[TextSpan(text=t, start=TEXT.index(t), end=TEXT.index(t) + len(t)) for t in source],
        target_spans=[TextSpan(text=t, start=TEXT.index(t), end=TEXT.index(t) + len(t)) for t in target],
        status=status,
        sentence=SentenceRef(start=0, end=len(TEXT)),
    )


def record(*events):
    return Record(article=Article(id="a", text=TEXT), events=list(events))


def test_plover_old_categories_map_to_todays():
    assert map_old("DEMAND", None) == ("REQUEST", None)
    assert map_old("DISAPPROVE", None) == ("ACCUSE", None)  # disapprove or allege: not known
    assert map_old("FIGHT", "heavy-weapons") == ("ASSAULT", "heavy-weapons")
    assert map_old("COERCE", "destroy") == ("ASSAULT", "seize")
    assert map_old("PROTEST", "strike-hun") == ("PROTEST", "hunger")
    assert map_old("ASSAULT", "primitive") == ("ASSAULT", None)  # no mode of today: not scored


def test_plover_reads_records_and_trigger_spans(tmp_path):
    [gold] = read_gold(gold_file(tmp_path))
    assert gold.category == "SANCTION" and gold.sources == ["Ruritania"]
    assert [TEXT[s:e] for s, e in gold.triggers] == ["expelled"]
    assert gold.split in ("tune", "heldout")


def test_plover_match_is_the_first_event_on_a_gold_trigger(tmp_path):
    [gold] = read_gold(gold_file(tmp_path))
    outcome = score_record(
        gold,
        record(event("said", "REQUEST"), event("expelled", source=["Ruritania"], target=["Freedonian diplomats"])),
    )
    assert (outcome.trigger, outcome.category, outcome.source, outcome.target) == ("expelled", "SANCTION", True, True)
    assert outcome.predicted == 2


def test_plover_actor_match_needs_a_shared_content_word(tmp_path):
    [gold] = read_gold(gold_file(tmp_path))
    outcome = score_record(gold, record(event("expelled", source=["officials"], target=["two"])))
    assert not outcome.source and not outcome.target


def test_plover_no_event_on_the_trigger_is_a_miss(tmp_path):
    [gold] = read_gold(gold_file(tmp_path))
    outcome = score_record(gold, record(event("said", "REQUEST")))
    assert outcome.category is None
    scores = summarize([outcome])
    assert scores["category_accuracy"] == 0.0 and scores["overgeneration"] == 1.0


def test_plover_planned_cooperation_scores_as_agree(tmp_path):
    [gold] = read_gold(gold_file(tmp_path, event="AGREE"))
    outcome = score_record(gold, record(event("expelled", type_="CONSULT", status="planned")))
    assert outcome.category == "AGREE"


def test_plover_summary_counts_overgeneration_per_record(tmp_path):
    [gold] = read_gold(gold_file(tmp_path))
    outcomes = [Outcome(gold, predicted=1, category="SANCTION", trigger="expelled"), Outcome(gold, predicted=3, trigger="expelled")]
    scores = summarize(outcomes)
    assert scores["category_accuracy"] == 0.5 and scores["overgeneration"] == 1.0 and scores["records"] == 2


def test_plover_gate(nlp):
    path = shared("corpora", "plover", "PLOVER_GSR_CAMEO.txt")
    scores, _ = evaluate(path, nlp)
    assert scores["records"] == 322
    assert_gate("events", scores)
