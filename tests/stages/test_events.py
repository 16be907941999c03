"""The events stage: PLOVER-typed events with actors, status, dates and amounts."""

from __future__ import annotations

import pytest

from storyline import extract
from storyline.model import Statement, TimeExpr
from storyline.model import Span as TextSpan
from storyline.pipeline import STAGES, make_doc
from storyline.ingest.readers import make_article
from storyline.stages.events import CATEGORIES, lexicon, plover_category


def events(nlp, text):
    record = extract(text, nlp)
    names = {e.id: e.name for e in record.entities}
    for event in record.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    return record.events, names


def only(nlp, text):
    found, names = events(nlp, text)
    assert len(found) == 1, [(e.type, e.trigger.text) for e in found]
    return found[0], names


def test_events_lexicon_uses_only_the_sixteen_categories():
    assert {entry.category for rows in lexicon().values() for entry in rows} == set(CATEGORIES)


def test_events_verb_trigger_with_source_and_target(nlp):
    event, names = only(nlp, "Kenya's foreign minister visited Uganda on Monday.")
    assert (event.type, event.mode, event.trigger.text) == ("CONSULT", "visit", "visited")
    assert [names[i] for i in event.target] == ["Uganda"]
    assert [s.text for s in event.source_spans] == ["Kenya's foreign minister"]


def test_events_noun_trigger_under_a_light_verb_takes_its_subject(nlp):
    event, names = only(nlp, "France held talks with Germany in Paris.")
    assert (event.type, event.trigger.text) == ("CONSULT", "talks")
    assert [names[i] for i in event.source] == ["France"]
    assert [names[i] for i in event.target] == ["Germany"]
    assert [names[i] for i in event.location] == ["Paris"]


def test_events_compound_actors_are_each_kept(nlp):
    event, names = only(nlp, "Egypt and Jordan condemned the attack on the embassy.")
    assert event.type == "ACCUSE"
    assert [names[i] for i in event.source] == ["Egypt", "Jordan"]


def test_events_mediated_negotiations_record_the_mediator(nlp):
    found, names = events(nlp, "A Turkish delegation facilitated indirect negotiations between Russia and Ukraine.")
    event = next(e for e in found if e.trigger.text == "negotiations")
    assert event.type == "CONSULT" and event.mode == "third-party"
    assert {names[i] for i in event.source} == {"Russia", "Ukraine"}
    assert {names[i] for i in event.target} == {"Russia", "Ukraine"}
    assert [names[i] for i in event.mediator] == ["Turkish"]


@pytest.mark.parametrize(
    "text, trigger, status",
    [
        ("The Canadian prime minister was scheduled to meet the Mexican president on Friday.", "meet", "planned"),
        ("The agreement could include a prisoner exchange.", "agreement", "hypothetical"),
        ("Chile did not sign the treaty.", "sign", "negated"),
        ("The Russian offensive in eastern Ukraine was still ongoing.", "offensive", "ongoing"),
        ("Police arrested the protest leaders.", "arrested", "asserted"),
    ],
)
def test_events_status(nlp, text, trigger, status):
    found, _ = events(nlp, text)
    event = next(e for e in found if e.trigger.text == trigger)
    assert event.status == status


def test_events_complement_is_part_of_the_event_above_it(nlp):
    event, _ = only(nlp, "Iran agreed to a ceasefire.")
    assert event.type == "AGREE"
    event, names = only(nlp, "Serbia threatened to expel the Croatian diplomats.")
    assert event.type == "THREATEN"


def test_events_saying_someone_must_act_is_a_request(nlp):
    event, names = only(nlp, "Britain said that Libya must hand over the suspects.")
    assert (event.type, event.trigger.text) == ("REQUEST", "said")
    assert [names[i] for i in event.source] == ["Britain"]
    assert [names[i] for i in event.target] == ["Libya"]


def test_events_pronoun_source_is_the_speaker(nlp):
    event, names = only(nlp, "Syria says it is willing to withdraw its troops.")
    assert event.type == "AGREE" and [names[i] for i in event.source] == ["Syria"]


def test_events_one_event_per_occurrence_in_a_sentence(nlp):
    found, _ = events(nlp, "Brazil's president met Argentina's president, and the meeting lasted two hours.")
    assert [e.type for e in found] == ["CONSULT"]


def test_events_background_noun_is_no_new_event(nlp):
    found, _ = events(nlp, "The minister spoke to reporters after two years of war.")
    assert found == []


def test_events_hazards_are_not_political_events(nlp):
    found, _ = events(nlp, "Floods killed 40 people in Kenya.")
    assert found == []


def test_events_amounts_attach_to_the_event_of_their_clause(nlp):
    record = extract("The deal could include the release of 20 prisoners.", nlp)
    [event] = record.events
    assert event.type == "AGREE" and event.status == "hypothetical"
    assert [a.text for a in record.amounts if a.id in event.amounts] == ["20"]


def test_events_plover_category_codes_intentions():
    from storyline.model import Event, SentenceRef

    def event(type_, status):
        span = TextSpan(text="x", start=0, end=1)
        return Event(id="EV1", type=type_, trigger=span, status=status, sentence=SentenceRef(start=0, end=1))

    assert plover_category(event("CONSULT", "planned")) == "AGREE"
    assert plover_category(event("ASSAULT", "hypothetical")) == "THREATEN"
    assert plover_category(event("AID", "negated")) == "REJECT"
    assert plover_category(event("ASSAULT", "asserted")) == "ASSAULT"


def test_events_reported_event_takes_statement_and_its_date(nlp):
    text = "The envoy said the rebels released the hostages."
    doc = make_doc(nlp, make_article(text))
    with nlp.select_pipes(disable=["storyline_events"]):
        doc = nlp(doc)
    start = text.index("the rebels")
    doc._.times = [TimeExpr(id="T1", type="DATE", value="2024-05-02", text="said", start=10, end=14)]
    doc._.statements = [
        Statement(
            id="S1",
            cue=TextSpan(text="said", start=10, end=14),
            content=TextSpan(text=text[start:-1], start=start, end=len(text) - 1),
            kind="indirect",
            time="T1",
        )
    ]
    doc = nlp.get_pipe("storyline_events")(doc)
    [event] = doc._.events
    assert (event.type, event.status, event.reported_by) == ("RETREAT", "reported", "S1")
    assert (event.date, event.date_source) == ("2024-05-02", "statement")


def test_events_without_a_time_the_date_is_unresolved_not_the_publication_day(nlp):
    record = extract("Police arrested the protest leaders.", nlp, date="2024-05-02")
    [event] = record.events
    assert event.date is None and event.date_source == "unresolved"


# the seed article (DCT 2025-07-09)
def seed_event(record, trigger, type_):
    found = [e for e in record.events if e.trigger.text == trigger and e.type == type_]
    assert found, [(e.type, e.trigger.text) for e in record.events]
    return found[0]


def names_of(record, ids):
    names = {e.id: e.name for e in record.entities}
    return {names[i] for i in ids}


def test_events_seed_types_actors_status_and_amounts(seed_record):
    r = seed_record
    meeting = next(e for e in r.events if e.type == "CONSULT" and names_of(r, e.source + e.target) == {"Donald Trump", "Benjamin Netanyahu"})
    assert meeting.status in ("asserted", "reported")
    strikes = seed_event(r, "strikes", "ASSAULT")
    assert names_of(r, strikes.source) >= {"United States"} and names_of(r, strikes.target) == {"Iran"}
    assert strikes.mode == "aerial"
    operation = next(e for e in r.events if e.type == "ASSAULT" and e.status == "ongoing")
    assert names_of(r, operation.source) == {"Israel"} and names_of(r, operation.location) == {"Gaza"}
    qatari = seed_event(r, "met", "CONSULT")
    assert names_of(r, qatari.source) == {"Qatari"} and names_of(r, qatari.target) == {"White House"}
    vance = seed_event(r, "discussions", "CONSULT")
    assert names_of(r, vance.source) == {"Benjamin Netanyahu"} and names_of(r, vance.target) == {"JD Vance"}
    senate = seed_event(r, "meet", "CONSULT")
    assert senate.status == "planned" and names_of(r, senate.target) == {"Senate"}
    talks = seed_event(r, "negotiations", "CONSULT")
    assert names_of(r, talks.source) == names_of(r, talks.target) == {"Israel", "Hamas"}
    assert names_of(r, talks.mediator) == {"Qatari"}
    deal = seed_event(r, "deal", "AGREE")
    assert deal.status == "hypothetical"
    amounts = {a.id: a.text for a in r.amounts}
    assert {amounts[i] for i in deal.amounts} == {"60-day", "10", "nine"}
    # one event per occurrence: the meeting is mentioned three times, coded once
    assert sum(1 for e in r.events if e.type == "CONSULT" and names_of(r, e.source + e.target) == {"Donald Trump", "Benjamin Netanyahu"}) == 1


def test_events_seed_dates(seed_record):
    if "times" not in STAGES:
        pytest.skip("dates need the times stage, which is not in this pipeline yet")
    r = seed_record
    meeting = next(e for e in r.events if e.type == "CONSULT" and names_of(r, e.source + e.target) == {"Donald Trump", "Benjamin Netanyahu"})
    assert (meeting.date, meeting.date_source) == ("2025-07-08", "time")
    assert seed_event(r, "strikes", "ASSAULT").date == "2025-06"
    assert seed_event(r, "met", "CONSULT").date == "2025-07-08"
    assert seed_event(r, "discussions", "CONSULT").date == "2025-07-08"
    assert seed_event(r, "meet", "CONSULT").date == "2025-07-09"


def test_events_seed_reported_by(seed_record):
    if "statements" not in STAGES:
        pytest.skip("reported_by needs the statements stage, which is not in this pipeline yet")
    r = seed_record
    speakers = {s.id: names_of(r, [s.speaker]) if s.speaker else set() for s in r.statements}
    assert speakers[seed_event(r, "deal", "AGREE").reported_by] == {"Steve Witkoff"}
    assert speakers[seed_event(r, "met", "CONSULT").reported_by] == {"Axios"}


def test_events_relative_clause_verb_is_background(nlp):
    found, _ = events(nlp, "Crowds marched in Belgrade, where three students were killed last year.")
    assert [(e.type, e.trigger.text) for e in found] == [("PROTEST", "marched")]


def test_events_conditional_clause_is_background(nlp):
    found, _ = events(nlp, "Peru threatened to close its border if Chile attacked the fishing boats.")
    assert [(e.type, e.trigger.text) for e in found] == [("THREATEN", "threatened")]


def test_events_purpose_adjunct_is_part_of_the_event(nlp):
    event, names = only(nlp, "Farmers blocked roads near Lyon to demand lower fuel taxes.")
    assert (event.type, event.mode, event.trigger.text) == ("PROTEST", "obstruct", "blocked")


def test_events_statement_issued_with_a_participle(nlp):
    event, names = only(nlp, "Norway issued a statement condemning the arrest of the journalists.")
    assert (event.type, event.trigger.text) == ("ACCUSE", "condemning")
    assert [names[i] for i in event.source] == ["Norway"]


def test_events_measure_noun_stands_for_its_events(nlp):
    event, _ = only(nlp, "The rebels launched a series of attacks on army posts.")
    assert (event.type, event.trigger.text) == ("ASSAULT", "attacks")


def test_events_intent_to_harm_is_a_threat(nlp):
    event, _ = only(nlp, "The junta said it was prepared to impose a curfew.")
    assert event.type == "THREATEN"


def test_events_named_target_preferred_to_an_unnamed_object(nlp):
    event, names = only(nlp, "Japan offered its engineers to Vietnam.")
    assert [names[i] for i in event.target] == ["Vietnam"]


def test_events_a_forecast_is_no_threat(nlp):
    assert events(nlp, "The weather service warned that heavy rains were expected.")[0] == []
    event, _ = only(nlp, "The army warned that soldiers would use force against the marchers.")
    assert event.type == "THREATEN"


def test_events_different_occurrences_are_not_merged(nlp):
    found, names = events(
        nlp, "Macron met Scholz in Berlin on Monday. Later on Monday Macron visited the Reichstag."
    )
    assert [(e.type, e.mode) for e in found] == [("CONSULT", None), ("CONSULT", "visit")]


def test_events_event_in_a_prepositional_phrase_counts(nlp):
    found, _ = events(nlp, "The envoy held talks with Qatar before visiting Egypt.")
    assert [e.trigger.text for e in found] == ["talks", "visiting"]
