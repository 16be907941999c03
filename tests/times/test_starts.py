"""The start prefilter tries each time rule only where it can start, and finds what a full scan finds."""

import re

import pytest

from storyline.times import rules, starts

TEXT = ("In the ’90s and the 1980s, the weekend of Feb. 3-4 and the third-quarter results, two-year-old "
        "firms met twice a week; last Tuesday at 10:35 a.m. EDT, a 60-day ceasefire began, six to eight "
        "months ago, in mid-1990 (fiscal 1991), Q3 FY92, weekly and every other Friday — the year ended "
        "March 31, 1987, on 4/15/87 and 1989-03-04, nineteen ninety-seven, recently, Mondays, the "
        "following day, eighteen-or-twenty years, Christmas Eve, a decade-long war, and 2000 people; "
        "the\n\nweekend before, at  noon, the  ’80s, the same\tday, a year ago, this past week, "
        "the 1990 quarter, in the past two years, the first half, the third-quarter, THE LAST TIME.")


def test_starts_rules_find_the_same_matches_as_a_full_scan():
    lowered = TEXT.lower()
    at = rules.PREFILTER.positions(lowered)
    for index, rule in enumerate(rules.RULES):
        full = [m.span() for m in rule.lowered.finditer(lowered)]
        if rules.PREFILTER.keyed[index] is not None:
            assert [m.span() for m in starts.finditer(rule.lowered, lowered, at[index])] == full, rule.name


def test_starts_key_nearly_every_rule():
    unkeyed = [r.name for r, k in zip(rules.RULES, rules.PREFILTER.keyed) if k is None]
    assert len(unkeyed) <= 2, unkeyed


@pytest.mark.parametrize("pattern", [r"\d+ and", r"(?<![\w])\w+day", r"(?<!\w)(?:x)?"])
def test_starts_refuse_a_pattern_that_may_start_anywhere(pattern):
    with pytest.raises(starts.Unknown):
        starts.first_words(re.compile(pattern))


def test_starts_key_whole_words_and_prefixes():
    pattern = re.compile(r"(?<![\w’'-])(?:the\s+)?(?:week(?:end)?|\d+|['’]\d0s)")
    found = starts.first_words(pattern, pairs=False)
    assert found.whole == {"the", "#", "'", "’"}
    assert found.prefix == {"week", "weekend"}  # the match may end inside a longer word


def test_starts_key_pairs_of_words_after_a_whole_first_word():
    pattern = re.compile(r"(?<![\w’'-])(?:the\s+)?(?:week(?:end)?|\d+|['’]\d0s)")
    found = starts.first_words(pattern)
    assert found.whole == {"#", "'", "’", "the #", "the '", "the ’"}
    assert found.prefix == {"week", "weekend", "the week", "the weekend"}
    # a second word that may start with a space, or with any letter, leaves the first word alone
    assert starts.first_words(re.compile(r"(?<!\w)the\s+\s*x")).whole == {"the"}
    assert starts.first_words(re.compile(r"(?<!\w)the\s+\w+")).whole == {"the"}
