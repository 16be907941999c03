"""The time stage: TIMEX3 extents, types, values and mods, resolved against the DCT and the tense."""

from __future__ import annotations

import pytest

from storyline import extract
from storyline.stages.times import governing_time

DCT = "2025-07-09"  # a Wednesday


def times(nlp, text, date=DCT):
    return [(t.text, t.type, t.value, t.mod) for t in extract(text, nlp, date=date).times]


def one(nlp, text, date=DCT):
    found = extract(text, nlp, date=date).times
    assert len(found) == 1, found
    return found[0]


def test_times_seed_article_values(seed_record):
    got = [(t.text, t.value, t.mod) for t in seed_record.times]
    values = {text: (value, mod) for text, value, mod in got}
    assert len(got) == 12
    assert values["Wednesday"] == ("2025-07-09", None)
    assert values["last month"] == ("2025-06", None)
    assert values["January 20"] == ("2025-01-20", None)
    assert values["as many days"] == ("P2D", None)
    assert values["nearly two years"] == ("P2Y", "APPROX")
    assert values["week’s end"] == ("2025-W28", "END")
    assert values["60-day"] == ("P60D", None)
    tuesdays = [value for text, value, _ in got if text == "Tuesday"]
    assert tuesdays == ["2025-07-08"] * 4
    wednesdays = [value for text, value, _ in got if text == "Wednesday"]
    assert wednesdays == ["2025-07-09"] * 2
    for t in seed_record.times:
        assert seed_record.article.text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister said on Wednesday that talks would go on.", ("Wednesday", "DATE", "2025-07-09", None)),
        ("The envoys met on Tuesday in Doha.", ("Tuesday", "DATE", "2025-07-08", None)),
        ("The envoys will meet on Friday in Doha.", ("Friday", "DATE", "2025-07-11", None)),
        ("Prices rose sharply last month.", ("last month", "DATE", "2025-06", None)),
        ("The union hopes for a deal by week’s end.", ("week’s end", "DATE", "2025-W28", "END")),
        ("The fighting has lasted nearly two years.", ("nearly two years", "DURATION", "P2Y", "APPROX")),
        ("No ships have docked since January 20.", ("January 20", "DATE", "2025-01-20", None)),
        ("They agreed to a 60-day truce.", ("60-day", "DURATION", "P60D", None)),
        ("It was the third strike in as many weeks.", ("as many weeks", "DURATION", "P3W", None)),
        ("The council met twice earlier this week.", ("earlier this week", "DATE", "2025-W28", None)),
        ("Exports have grown this year.", ("this year", "DATE", "2025", None)),
        ("The mill opened in the 1980s.", ("the 1980s", "DATE", "198", None)),
        ("The plant will close by mid-2024, the firm said.", ("mid-2024", "DATE", "2024", "MID")),
        ("Sales fell in the fourth quarter.", ("the fourth quarter", "DATE", "2024-Q4", None)),
        ("Sales will recover in the fourth quarter.", ("the fourth quarter", "DATE", "2025-Q4", None)),
        ("Revenue rose 4% in fiscal 2024.", ("fiscal 2024", "DATE", "2024", None)),
        ("Voting closes at 8 p.m. EDT.", ("8 p.m. EDT", "TIME", "2025-07-09T20:00-04", None)),
        ("The market opened at 09:30 GMT.", ("09:30 GMT", "TIME", "2025-07-09T09:30Z", None)),
        ("The curfew lasts for about three hours.", ("about three hours", "DURATION", "PT3H", "APPROX")),
        ("The ferry sails every Thursday.", ("every Thursday", "SET", "XXXX-WXX-4", None)),
        ("Inspectors visit twice a week.", ("twice a week", "SET", "P1W", None)),
        ("Rates are now higher.", ("now", "DATE", "PRESENT_REF", None)),
        ("The bridge reopened three years ago.", ("three years ago", "DATE", "2022", None)),
        ("The strike ended yesterday.", ("yesterday", "DATE", "2025-07-08", None)),
        ("He served more than a decade in office.", ("more than a decade", "DURATION", "P10Y", "MORE_THAN")),
        ("The flood came in late March.", ("late March", "DATE", "2025-03", "END")),
        ("The vote is set for March 3, 2026.", ("March 3, 2026", "DATE", "2026-03-03", None)),
        ("The dam was built in the 20th century.", ("the 20th century", "DATE", "19", None)),
        ("Arrivals peak in the summer of 2023.", ("the summer of 2023", "DATE", "2023-SU", None)),
        ("Sales for the full year rose 3%.", ("the full year", "DATE", "2025", None)),
        ("The firm earned $5 million in the year ended June 30.", ("the year", "DURATION", "P1Y", None)),
        ("The truce collapsed three days later.", ("three days", "DURATION", "P3D", None)),
        ("The dam opened in the early summer.", ("the early summer", "DATE", "2025-SU", "START")),
        ("The plant was shut last Oct. 23.", ("last Oct. 23", "DATE", "2024-10-23", None)),
        ("The speech lasted a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S", None)),
        ("Shares rose at mid-afternoon yesterday.", ("mid-afternoon yesterday", "TIME", "2025-07-08TAF", None)),
        ("Profit rose in the first quarter, from $5 million in the 2024 period.", ("the 2024 period", "DATE", "2024-Q1", None)),
        ("Ballots must arrive at least 30 days before the vote.", ("at least 30 days", "DURATION", "P30D", "EQUAL_OR_MORE")),
    ],
)
def test_times_constructions(nlp, sentence, expected):
    assert expected in times(nlp, sentence)


def test_times_year_before_a_plural_noun(nlp):
    assert ("2024", "DATE", "2024", None) in times(nlp, "In 2024 prices rose by a third.")
    assert times(nlp, "Police said 2000 people marched.") == []


def test_times_range_is_two_dates(nlp):
    got = times(nlp, "Rains lasted from March to May, officials said.")
    assert [(t, v) for t, _, v, _ in got] == [("March", "2025-03"), ("May", "2025-05")]


def test_times_line_break_inside_expression(nlp):
    t = one(nlp, "Talks are due to end by the end of\nthe week, aides said.")
    assert (t.value, t.mod) == ("2025-W28", "END")
    assert "\n" in t.text


def test_times_curly_and_straight_apostrophes(nlp):
    for text in ("A deal is likely by week's end.", "A deal is likely by week’s end."):
        assert one(nlp, text).value == "2025-W28"


def test_times_no_dct_leaves_relative_values_unresolved(nlp):
    got = {t.text: t for t in extract("The envoys met on Tuesday and again last month, on March 5.", nlp).times}
    assert got["Tuesday"].value == "XXXX-WXX-2" and got["Tuesday"].anchor == "no publication date"
    assert got["last month"].value is None and got["last month"].anchor == "no publication date"
    assert got["March 5"].value == "XXXX-03-05"


def test_times_absolute_dates_have_no_anchor(nlp):
    t = one(nlp, "The treaty was signed on June 4, 1999.")
    assert (t.value, t.anchor) == ("1999-06-04", None)
    assert one(nlp, "Troops left last week.").anchor == DCT


@pytest.mark.parametrize(
    "sentence",
    [
        "We went to the market and the price was 2000 dollars.",
        "May I ask you to wait?",
        "The team scored 21 points and 3 assists.",
        "Jan Kowalski spoke to reporters.",
        "A 6-year-old boy was rescued.",
    ],
)
def test_times_no_false_positives(nlp, sentence):
    assert times(nlp, sentence) == []


def test_times_governing_time_stays_in_its_clause(nlp):
    text = "Netanyahu said on Wednesday that the envoys met on Tuesday."
    doc = nlp(_doc(nlp, text))
    said = next(t for t in doc if t.text == "said")
    met = next(t for t in doc if t.text == "met")
    assert governing_time(doc, said).text == "Wednesday"
    assert governing_time(doc, met).text == "Tuesday"


def test_times_governing_time_of_a_noun_and_of_nothing(nlp):
    doc = nlp(_doc(nlp, "The strike on Monday closed the port. Workers were angry."))
    strike = next(t for t in doc if t.text == "strike")
    angry = next(t for t in doc if t.text == "were")
    assert governing_time(doc, strike).value == "2025-07-07"
    assert governing_time(doc, doc[angry.i:angry.i + 2]) is None


def test_times_governing_time_not_from_a_nouns_own_modifier(nlp):
    text = "During the visit since the inauguration on January 20, the minister admitted that talks had stalled."
    doc = nlp(_doc(nlp, text))
    admitted = next(t for t in doc if t.text == "admitted")
    assert governing_time(doc, admitted) is None


def test_times_governing_time_through_a_temporal_preposition(nlp):
    doc = nlp(_doc(nlp, "The delegation met the officials before the minister's arrival on Tuesday."))
    met = next(t for t in doc if t.text == "met")
    assert governing_time(doc, met).text == "Tuesday"


def _doc(nlp, text):
    from storyline.ingest.readers import make_article
    from storyline.pipeline import make_doc

    return make_doc(nlp, make_article(text, date=DCT))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The dam burst on March 3, 2019. Later that day, rescuers arrived.", ("Later that day", "DATE", "2019-03-03", None)),
        ("The firm was founded in 1996. The following year it went public.", ("The following year", "DATE", "1997", None)),
        ("Shares closed higher on Oct. 27, 2023 than the previous Friday.", ("the previous Friday", "DATE", "2023-10-20", None)),
        ("The clinic was attacked last October and closed that same day.", ("that same day", "DATE", "2024-10-XX", None)),
        ("The storm hit on May 4, 2021, and the roads reopened the next morning.", ("the next morning", "TIME", "2021-05-05TMO", None)),
        ("The ministers signed the accord that day.", ("that day", "DATE", "2025-07-09", None)),
    ],
)
def test_times_anaphoric_dates_follow_the_last_date_mentioned(nlp, sentence, expected):
    assert expected in times(nlp, sentence)


def test_times_deictic_dates_keep_the_dct_after_another_date(nlp):
    got = times(nlp, "The firm was founded in 1996 and its sales rose last year.")
    assert ("last year", "DATE", "2024", None) in got


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        # a past moment looking ahead: the nearest Friday to a Monday DCT
        ("The offer had been due to expire Friday.", "2025-07-07", ("Friday", "DATE", "2025-07-04", None)),
        ("Organisers planned a rally on Saturday.", "2025-07-11", ("Saturday", "DATE", "2025-07-12", None)),
        ("Officials postponed the vote until Tuesday.", "2025-07-07", ("Tuesday", "DATE", "2025-07-08", None)),
        ("The shares are to resume trading Tuesday.", "2025-07-09", ("Tuesday", "DATE", "2025-07-15", None)),
        ("The envoy would be travelling Thursday.", "2025-07-09", ("Thursday", "DATE", "2025-07-10", None)),
        ("The sale is scheduled to close Monday.", "2025-07-10", ("Monday", "DATE", "2025-07-14", None)),
        ("The new board takes office effective Feb. 1.", "2025-10-26", ("Feb. 1", "DATE", "2026-02-01", None)),
        ("The gain is included in the quarter.", "2025-07-09", ("the quarter", "DATE", "2025-Q2", None)),
    ],
)
def test_times_tense_and_deadlines_choose_the_occurrence(nlp, sentence, dct, expected):
    assert expected in times(nlp, sentence, date=dct)


def test_times_an_agreed_meeting_lies_ahead(nlp):
    got = times(nlp, "Both sides had agreed to meet again on Monday.", date="2025-07-10")
    assert ("Monday", "DATE", "2025-07-14", None) in got


def test_times_shift_past_the_calendar_has_no_value(nlp):
    doc = nlp(_doc(nlp, "Geologists said the rock formed 230,000,000 years ago and 9,000 centuries earlier."))
    assert [(t.text, t.value) for t in doc._.times] == [("230,000,000 years ago", None), ("9,000 centuries earlier", None)]


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        # a present perfect looks back, also in the progressive
        ("Police have been searching for the driver since Oct. 23.", "2025-05-06", ("Oct. 23", "DATE", "2024-10-23", None)),
        # a reduced relative clause tells of the past
        ("The index sits close to the peak reached on Aug. 6.", "2025-02-06", ("Aug. 6", "DATE", "2024-08-06", None)),
        # a participle clause under a past verb
        ("The stock has swung widely, climbing to $40 from $29 in March.", "2025-10-30", ("March", "DATE", "2025-03", None)),
        # "were to" looks ahead from a past moment: the nearest Friday to a Saturday DCT
        ("Among the countries to sign the pact on Friday were Chile and Peru.", "2025-07-12", ("Friday", "DATE", "2025-07-11", None)),
    ],
)
def test_times_tense_of_perfects_participles_and_past_plans(nlp, sentence, dct, expected):
    assert expected in times(nlp, sentence, date=dct)


def test_times_expression_before_that_clause_takes_the_outer_verb(nlp):
    from spacy.tokens import Doc

    from storyline.stages.times import tense_at

    # a parse that wrongly hangs "on Thursday" under the clause that only starts at "that"
    words = ["Leaders", "warned", "on", "Thursday", "that", "strikes", "could", "do", "harm"]
    heads = [1, 1, 7, 2, 7, 7, 7, 1, 7]
    deps = ["nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "aux", "ccomp", "dobj"]
    tags = ["NNS", "VBD", "IN", "NNP", "IN", "NNS", "MD", "VB", "NN"]
    pos = ["NOUN", "VERB", "ADP", "PROPN", "SCONJ", "NOUN", "AUX", "VERB", "NOUN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    start = doc[3].idx
    assert tense_at(doc, start, start + len("Thursday")) == "past"


FINANCIAL_REPORT = ("Acme said third-quarter profit rose 5%. Analysts expect the gains to continue through the "
                    "second quarter of 2026. In the year-ago period, Acme earned $5 million. For the nine "
                    "months, profit rose 8% from a year earlier. Net for the year-earlier nine months included "
                    "a gain.")


def test_times_year_earlier_follows_the_reported_period(nlp):
    got = times(nlp, FINANCIAL_REPORT, date="2025-10-28")
    # a forecast quarter is not the period compared with; the nine months are compared as a year
    assert ("the year-ago period", "DATE", "2024-Q3", None) in got
    assert ("a year earlier", "DATE", "2024", None) in got
    assert ("the year-earlier nine months", "DURATION", "P9M", None) in got


def test_times_comparable_year_ago_quarter(nlp):
    got = times(nlp, "Sales rose in the third quarter from the comparable year-ago quarter.", date="2025-10-28")
    assert ("the comparable year-ago quarter", "DATE", "2024-Q3", None) in got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The plant closed in January nineteen ninety-seven.", ("January nineteen ninety-seven", "DATE", "1997-01", None)),
        ("It froze hard in the winter of nineteen ninety-four.", ("the winter of nineteen ninety-four", "DATE", "1994-WI", None)),
        ("Output fell in the last half of 2019.", ("the last half of 2019", "DATE", "2019-H2", None)),
        ("Hearings resume the week of March 6.", ("the week of March 6", "DATE", "2026-W10", None)),
    ],
)
def test_times_spelled_years_last_halves_and_weeks_of_a_date(nlp, sentence, expected):
    assert expected in times(nlp, sentence, date="2025-10-28")


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands joined the annual March for Life downtown.",
        "Funds hold more than a quarter of the market.",
        "The jobless rate sits near its quarter-century low.",
    ],
)
def test_times_marches_fractions_and_quarter_centuries_are_no_times(nlp, sentence):
    assert times(nlp, sentence) == []


def test_times_two_thousand_years_is_no_year(nlp):
    got = times(nlp, "The temple stood for two thousand years.")
    assert not [t for t in got if t[1] == "DATE"], got


@pytest.mark.parametrize(
    "phrase", ["last year's quarter", "the same period last year", "the corresponding period last year"]
)
def test_times_last_years_period_is_the_reported_quarter_a_year_before(nlp, phrase):
    got = times(nlp, f"Profit rose 5% in the third quarter from {phrase}.", date="2025-10-28")
    assert (phrase, "DATE", "2024-Q3", None) in got


@pytest.mark.parametrize(("end", "value"), [("July 31", "2025-Q2"), ("Sept. 30", "2025-Q3")])
def test_times_quarter_ended_a_day_is_the_calendar_quarter_holding_most_of_it(nlp, end, value):
    got = times(nlp, f"Profit rose in the quarter ended {end}.", date="2025-10-28")
    assert ("the quarter", "DATE", value, None) in got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Leaders meet on April 24 and 25 in Rome.", ("25", "DATE", "2026-04-25", None)),
        ("Turnout will be high on Election Day.", ("Election Day", "DATE", "2025-11-04", None)),
        ("Historians study the post-1959 government.", ("post-1959", "DATE", "1959", None)),
    ],
)
def test_times_second_days_election_day_and_prefixed_years(nlp, sentence, expected):
    assert expected in times(nlp, sentence, date="2025-10-28")


@pytest.mark.parametrize("sentence", ["The vote was on May 3 and 4 percent abstained.", "Polls opened on election day in Lima."])
def test_times_a_number_after_a_date_or_an_election_day_in_lower_case_is_no_date(nlp, sentence):
    got = times(nlp, sentence, date="2025-10-28")
    assert all(text not in ("4", "election day") for text, *_ in got), got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks stalled for a while.", ("a while", "DURATION", "PXX", None)),
        ("The envoy left a while ago.", ("a while ago", "DATE", "PAST_REF", None)),
    ],
)
def test_times_a_while_is_a_length_of_unknown_size(nlp, sentence, expected):
    assert expected in times(nlp, sentence)


def test_times_clock_time_dated_by_the_day_after_its_zone_conversion(nlp):
    got = times(nlp, "The blast hit at 10:35 a.m. (1435 GMT) Friday, the police said.", date="2025-07-12")
    assert ("10:35 a.m.", "TIME", "2025-07-11T10:35", None) in got
    assert all(text != "1435" for text, *_ in got), got  # a clock time in a zone is no year
