"""The rule grammar finds on lower-cased text exactly what its case-insensitive patterns find."""

from storyline.times import rules


def _case_insensitive(text):
    return [(rule.name, m.span()) for rule in rules.RULES for m in rule.pattern.finditer(text) if m.end() > m.start()]


def test_rules_candidates_equal_case_insensitive_search():
    text = ("Profits in FY1990 and Q3 rose; the MARCH 5 meeting ran to 10:30 A.M. EDT, "
            "at 1989-03-04T10:00, a week after Monday, and fiscal 1991 begins on Oct. 1.")
    found = [(rule.name, m.span()) for _, _, rule, m in rules.candidates(text)]
    assert found == _case_insensitive(text)
    assert {"q", "fiscal", "month-day", "clock", "iso"} <= {name for name, _ in found}


def test_rules_candidates_keep_offsets_where_lowercasing_would_move_them():
    text = "İzmir talks began on Monday, March 5."  # "İ".lower() is two characters
    assert len(text.lower()) != len(text)
    spans = {text[start:end] for start, end, _, _ in rules.candidates(text)}
    assert "Monday, March 5" in spans
