"""The events stage beyond one clause: simultaneous clauses, aims in quotes, and actors named before."""

from __future__ import annotations

import pytest

from storyline import extract
from storyline.model import Article


def events(nlp, text, date=None):
    record = extract(Article(id="t", text=text, date=date), nlp)
    names = {e.id: e.name for e in record.entities}
    return record, names


def by_trigger(record, trigger):
    return next(e for e in record.events if e.trigger.text == trigger)


@pytest.mark.parametrize(
    "text, triggers",
    [
        ("Police fired tear gas in Caracas as thousands marched against the president.", ["fired", "marched"]),
        ("Soldiers shelled the town of Kidal while rebels attacked the airport.", ["shelled", "attacked"]),
    ],
)
def test_events_context_as_and_while_clauses_are_events(nlp, text, triggers):
    record, _ = events(nlp, text)
    assert [e.trigger.text for e in record.events] == triggers


def test_events_context_when_clause_is_background(nlp):
    record, _ = events(nlp, "Two gunmen killed a guard when they stormed the bank in Lagos.")
    assert [e.trigger.text for e in record.events] == ["killed"]


def test_events_context_goal_in_a_quote_is_planned_without_the_statement_date(nlp):
    text = "\"Our goal is freeing every prisoner held in Syria,\" Jordan's foreign minister Ayman Safadi told reporters on Tuesday."
    record, names = events(nlp, text, date="2025-03-06")
    event = by_trigger(record, "freeing")
    assert event.status == "planned"
    assert (event.date, event.date_source) == (None, "unresolved")
    assert event.reported_by is not None
    assert [names[i] for i in event.source] == ["Ayman Safadi"]  # "our" is the speaker's


def test_events_context_task_listed_after_a_colon_is_planned(nlp):
    record, _ = events(nlp, "\"We have one task left: releasing all the detainees,\" Ayman Safadi said on Monday.", "2025-03-06")
    assert by_trigger(record, "releasing").status == "planned"


def test_events_context_an_effort_that_names_the_event_is_no_aim(nlp):
    record, _ = events(nlp, "The emir of Qatar launched a mediation effort between Egypt and Ethiopia.")
    assert by_trigger(record, "mediation").status == "asserted"


def test_events_context_pronoun_is_the_last_person_named(nlp):
    record, names = events(nlp, "Emmanuel Macron hosted Olaf Scholz in Paris on Monday. He praised the German chancellor for his support.")
    praised = by_trigger(record, "praised")
    assert [s.text for s in praised.source_spans] == ["He"]
    assert [names[i] for i in praised.source] == ["Emmanuel Macron"]


def test_events_context_the_two_leaders_are_the_last_two_people_named(nlp):
    record, names = events(nlp, "Pedro Sanchez met Giorgia Meloni in Rome on Monday. The two leaders later signed a migration pact.")
    signed = by_trigger(record, "signed")
    assert {names[i] for i in signed.source} == {"Pedro Sanchez", "Giorgia Meloni"}


def test_events_context_both_countries_are_the_last_two_countries_named(nlp):
    record, names = events(nlp, "Germany and France opened a new rail link on Monday. Both countries signed a defence agreement in Berlin.")
    signed = by_trigger(record, "signed")
    assert {names[i] for i in signed.source} == {"Germany", "France"}


def test_events_context_a_noun_that_speaks_is_no_event(nlp):
    record, _ = events(nlp, "UN arms inspectors said they needed more time.")
    assert record.events == []


def test_events_context_light_verb_codes_the_event_its_object_names(nlp):
    record, _ = events(nlp, "The governor ordered patrols by police after the riots.")
    assert [(e.trigger.text, e.type) for e in record.events] == [("ordered", "MOBILIZE")]


def test_events_context_both_sides_are_the_parties_of_the_event_before(nlp):
    record, names = events(nlp, "Peru held talks with Chile in Geneva on Monday. Both sides agreed to meet again in May.")
    agreed = by_trigger(record, "agreed")
    assert {names[i] for i in agreed.source} == {"Peru", "Chile"}


def test_events_context_both_sides_without_named_parties_stay_unresolved(nlp):
    text = "Minister Sarah Okafor spoke in Ottawa on Monday about talks between the union and the employers. Both sides agreed to meet again."
    record, _ = events(nlp, text)
    assert by_trigger(record, "agreed").source == []


def test_events_context_a_lemma_cut_short_is_repaired(nlp):
    # the lemmatizer reads "staged" as "stag"; the light verb must still carry the demonstrations
    record, _ = events(nlp, "Students staged mass demonstrations in Jakarta on Saturday.")
    assert [(e.trigger.text, e.type, e.mode) for e in record.events] == [("demonstrations", "PROTEST", "demo")]


@pytest.mark.parametrize(
    "text, mode",
    [
        ("Gunmen killed four villagers in Zamfara on Friday.", "firearms"),
        ("Two suicide bombers killed 12 people at a market in Maiduguri.", "suicide-attack"),
        ("Five soldiers were killed by a roadside explosive device in central Mali.", "explosives"),
    ],
)
def test_events_context_the_doer_or_the_weapon_gives_the_assault_mode(nlp, text, mode):
    record, _ = events(nlp, text)
    assert [(e.trigger.text, e.type, e.mode) for e in record.events] == [("killed", "ASSAULT", mode)]


def test_events_context_a_stance_participle_keeps_its_subject_as_source(nlp):
    record, names = events(nlp, "Poland is opposed to Russian participation in the talks.")
    [event] = record.events
    assert event.type == "REJECT"
    assert [names[i] for i in event.source] == ["Poland"]
    assert [s.text for s in event.target_spans] == ["Russian participation in the talks"]


def test_events_context_a_dative_to_names_the_target(nlp):
    record, names = events(nlp, "Japan is providing medical supplies and other aid to Myanmar.")
    event = by_trigger(record, "providing")
    assert [names[i] for i in event.target] == ["Myanmar"]


def test_events_context_a_threat_is_aimed_at_whom_its_condition_names(nlp):
    record, names = events(nlp, "Farmers in Punjab threatened to block the highways unless India withdrew the new tax.")
    event = by_trigger(record, "threatened")
    assert [names[i] for i in event.target] == ["India"]


@pytest.mark.parametrize(
    "text, trigger, type_",
    [
        ("Leaders of the Gulf Cooperation Council convened in Riyadh for an emergency summit.", "convened", "CONSULT"),
        ("The Spanish prime minister lauded Morocco's cooperation on migration.", "lauded", "SUPPORT"),
        ("Ireland expressed support for Palestinian membership of the United Nations.", "expressed", "SUPPORT"),  # "express V SUPPORT with support"
        ("The Philippine president pleaded with China to stop harassing fishermen.", "pleaded", "REQUEST"),
        ("The United Kingdom froze the assets of five Russian oligarchs.", "froze", "SANCTION"),
        ("Al-Shabaab fighters ambushed a Kenyan army convoy near the Somali border.", "ambushed", "ASSAULT"),
    ],
)
def test_events_context_common_news_verbs(nlp, text, trigger, type_):
    record, _ = events(nlp, text)
    assert [(e.trigger.text, e.type) for e in record.events] == [(trigger, type_)]


def test_events_context_a_passive_deal_is_signed_by_its_parties(nlp):
    record, names = events(nlp, "A peace deal between Sudan's army and the Rapid Support Forces was signed in Jeddah.")
    event = by_trigger(record, "signed")
    assert {names[i] for i in event.source} == {"Sudan", "Rapid Support Forces"}


def test_events_context_a_passive_light_verb_takes_its_agent(nlp):
    record, names = events(nlp, "Sanctions were imposed on North Korean shipping firms by the European Union.")
    event = by_trigger(record, "Sanctions")
    assert event.type == "SANCTION" and [names[i] for i in event.source] == ["European Union"]


def test_events_context_a_titled_name_misparsed_as_a_clause_is_still_the_target(nlp):
    record, names = events(nlp, "Israeli Prime Minister Benjamin Netanyahu met Egyptian intelligence chief Hassan Rashad in Jerusalem.")
    event = by_trigger(record, "met")
    assert [names[i] for i in event.target] == ["Hassan Rashad"]


def test_events_context_they_are_the_doers_of_the_event_before(nlp):
    text = "The prime ministers of Greece and North Macedonia met in Athens on Monday. They agreed to open two new border crossings."
    record, names = events(nlp, text)
    assert {names[i] for i in by_trigger(record, "met").source} == {"Greece", "North Macedonia"}
    assert {names[i] for i in by_trigger(record, "agreed").source} == {"Greece", "North Macedonia"}


def test_events_context_an_event_noun_the_parser_leaves_unattached_counts(nlp):
    record, names = events(nlp, "Russia's attack on a Kyiv hospital killed at least 12 people, Ukrainian officials said.")
    event = by_trigger(record, "attack")
    assert event.type == "ASSAULT" and [names[i] for i in event.source] == ["Russia"]


@pytest.mark.parametrize(
    "text, type_, mode",
    [
        ("Swiss doctors handed over 700 kg of medicine to the Red Crescent in Kerman.", "AID", None),
        ("The rebels handed over three hostages to the Red Cross on Sunday.", "RETREAT", "release"),
    ],
)
def test_events_context_a_two_word_trigger_honours_its_condition(nlp, text, type_, mode):
    record, _ = events(nlp, text)
    event = by_trigger(record, "handed")
    assert (event.type, event.mode) == (type_, mode)


def test_events_context_a_negated_event_takes_no_date_from_its_statement(nlp):
    record, _ = events(nlp, "Ukraine's foreign minister said on Monday that Kyiv would not attend the talks in Istanbul.", "2025-03-06")
    event = by_trigger(record, "talks")
    assert event.status == "negated" and (event.date, event.date_source) == (None, "unresolved")


def test_events_context_a_dateline_is_no_actor(nlp):
    record, names = events(nlp, "NAIROBI (AP) — Kenyan police shot dead two protesters in Nairobi on Tuesday, witnesses said.")
    event = by_trigger(record, "shot")
    assert [s.text for s in event.source_spans] == ["Kenyan police"]


def test_events_context_its_troops_belong_to_the_one_who_says_so(nlp):
    record, names = events(nlp, "Pakistan's army said on Monday that its troops had killed 12 militants in a raid.")
    event = by_trigger(record, "killed")
    assert [names[i] for i in event.source] == ["Pakistan"]
