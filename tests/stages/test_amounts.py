"""The amounts stage: numbers in words and digits, with what they count."""

from __future__ import annotations

import pytest

from storyline import extract


def amounts(nlp, text):
    record = extract(text, nlp)
    for amount in record.amounts:
        assert text[amount.start : amount.end] == amount.text
    return record.amounts


def only(nlp, text):
    found = amounts(nlp, text)
    assert len(found) == 1, [a.text for a in found]
    return found[0]


def test_amounts_digits_count_the_noun_they_modify(nlp):
    amount = only(nlp, "Police arrested 12 protesters outside the ministry.")
    assert (amount.text, amount.value, amount.object) == ("12", 12.0, "protesters")


def test_amounts_number_words_and_their_modifiers(nlp):
    amount = only(nlp, "The militia freed nine kidnapped teachers.")
    assert amount.value == 9.0 and amount.object == "kidnapped teachers"


def test_amounts_scale_words_multiply(nlp):
    amount = only(nlp, "The government pledged 2.5 million dollars for the clinics.")
    assert amount.value == 2_500_000.0 and amount.unit == "dollar"


def test_amounts_currency_sign_before_the_number(nlp):
    amount = only(nlp, "Donors raised $40,000 for the shelter.")
    assert amount.text == "$40,000" and amount.value == 40_000.0 and amount.unit == "$"


def test_amounts_hyphenated_duration_modifies_a_noun(nlp):
    amount = only(nlp, "The rebels announced a 30-day truce.")
    assert (amount.text, amount.value, amount.unit, amount.object) == ("30-day", 30.0, "day", "truce")


def test_amounts_change_from_one_number_to_another(nlp):
    amount = only(nlp, "The open issues have shrunk from five to two.")
    assert (amount.text, amount.value, amount.range_end) == ("from five to two", 5.0, 2.0)
    assert amount.object == "open issues"


def test_amounts_range_between_two_numbers(nlp):
    amount = only(nlp, "Between 20 and 30 villagers fled the fighting.")
    assert amount.value == 20.0 and amount.range_end == 30.0 and amount.object == "villagers"


@pytest.mark.parametrize("cue", ["nearly", "about", "more than", "up to"])
def test_amounts_approximations_and_bounds(nlp, cue):
    amount = only(nlp, f"The storm destroyed {cue} 300 homes.")
    assert amount.approx and amount.value == 300.0 and amount.text.startswith(cue)


def test_amounts_plural_scale_word_is_a_round_figure(nlp):
    amount = only(nlp, "Thousands of nurses marched through the capital.")
    assert amount.approx and amount.value == 1000.0 and amount.object == "nurses"


def test_amounts_others_counts_the_noun_it_belongs_to(nlp):
    found = amounts(nlp, "Rescuers recovered the bodies of four others.")
    assert [(a.value, a.object) for a in found] == [(4.0, "bodies")]


def test_amounts_dates_and_ordinals_are_not_amounts(nlp):
    assert amounts(nlp, "The court ruled on March 3, 2021, for the second time.") == []


def test_amounts_seed_ceasefire_and_hostages(seed_record):
    found = {(a.text, a.value, a.object) for a in seed_record.amounts}
    assert ("60-day", 60.0, "ceasefire") in found
    assert ("10", 10.0, "living hostages") in found
    assert ("nine", 9.0, "remains") in found
    change = next(a for a in seed_record.amounts if a.text == "from four to one")
    assert (change.value, change.range_end, change.object) == (4.0, 1.0, "sticking points")


def test_amounts_garbled_number_has_no_value(nlp):
    from storyline import extract

    from storyline.stages.amounts import _value

    record = extract("Exports reached 1.979.0 mln tonnes in the year, the ministry said.", nlp)  # must not raise
    assert record.article.text.startswith("Exports")
    doc = nlp("It was 1.979.0 mln.")
    assert _value(doc[2:4]) is None


def test_amounts_a_singular_scale_word_after_a_number_multiplies(nlp):
    amount = only(nlp, "Police detained around two dozen activists on Friday.")
    assert (amount.text, amount.value, amount.approx, amount.object) == ("around two dozen", 24.0, True, "activists")


def test_amounts_a_verb_particle_is_no_bound(nlp):
    amount = only(nlp, "The rebels handed over three hostages to the Red Cross.")
    assert (amount.text, amount.value, amount.approx) == ("three", 3.0, False)
