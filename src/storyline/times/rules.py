"""The time grammar: regular-expression rules over the article text, each with a normaliser.

Rules are regular language over words from the lexicon (resources/time_words.tsv); whitespace
between words is ``\\s+``, so an expression split by a line break is still one expression, and an
apostrophe may be straight or curly. :func:`find` runs every rule, keeps the longest match where
matches overlap, and normalises each one left to right (a quarter mentioned earlier is the reference
for "a year earlier"). A normaliser gets the match and a :class:`Context` (the DCT and a function that
gives the tense of the governing verb) and returns a :class:`Found`, or None to reject the match.

The order of the rule list is the order of the numbered comments below:

1. absolute dates: ISO, "March 5, 2024", "5 March", "Monday, Oct. 26", "March 2024", years, decades,
   centuries, quarters and halves, fiscal years;
2. dates relative to the DCT: "today", "last month", "earlier this week", "by week's end",
   "three years ago", weekdays, year-less months and days (resolved by tense), seasons, holidays;
3. durations: "two years", "a 60-day ceasefire", "the past three months", "nearly two years",
   "the second time in as many days";
4. sets: "every Tuesday", "twice a week", "daily";
5. clock times: "10:35 a.m. EDT", "noon Thursday", "this morning", "last night";
6. reference words: "now", "recently", "the future".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.times import calendar as cal
from storyline.times import starts
from storyline.times.lexicon import alternation as alt
from storyline.times.lexicon import lookup

Tense = str | None  # "past", "present", "future", "prospective" (ahead of a past moment) or None


@dataclass
class Context:
    dct: date | None
    tense: Callable[[int, int], Tense] = lambda start, end: None
    text: str = ""
    reference_quarter: str | None = None  # the last quarter mentioned ("the third quarter" → 2025-Q3)
    reference_date: str | None = None  # the last calendar date mentioned, for "that day", "the following year"


@dataclass
class Found:
    type: str
    value: str | None
    mod: str | None = None
    relative: bool = False  # resolved against the DCT (or would need it)
    start: int = 0
    end: int = 0  # a normaliser may set it to end the expression early ("three days" of "three days later")
    rule: str = ""


@dataclass
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Callable[[re.Match[str], Context], Found | None]
    case_sensitive_months: bool = True
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The same pattern without IGNORECASE, for lower-cased text: it finds the same matches in
        # about half the time (see candidates).
        source = re.sub(r"(\\.)|(\(\?P[<=]\w+[>)])|([A-Z])", lambda m: m[1] or m[2] or m[3].lower(), self.pattern.pattern)
        self.lowered = re.compile(source, self.pattern.flags & ~re.I)


# ---------------------------------------------------------------- regular-expression fragments
S = r"\s+"
AP = r"['’]"
B = r"(?<![\w’'-])"  # word start
E = r"(?![\w])"  # word end
MONTH = alt("month")
WEEKDAY = alt("weekday")
SEASON = alt("season")
POD = alt("partofday")
UNIT1 = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century)"
UNITS = alt("unit")
ORD = alt("ordinal")
MOD = alt("mod")
POSITION = alt("position")
YEAR = r"(?:1[0-9]|20)\d\d(?![\d,]\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
NUMWORD = rf"(?:{_TENS}[-\s]{_ONES}|{alt('number')})"
NUMBER = rf"(?:\d+\s+1/2|\d+(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+|{NUMWORD}(?:\s+and\s+a\s+half)?)"
QUANTITY = rf"(?:{NUMBER}(?:\s*(?:to|or|-|–)\s*{NUMBER})?|{alt('vague')})"
ZONE = alt("zone")
REL_DAY = r"(?:yesterday|today|tomorrow|tonight)"
# a year in words after a month or season, as broadcast transcripts write it: "January nineteen ninety-seven"
SPELLED_YEAR = rf"(?:nineteen[\s-]+(?:{_TENS}(?:[\s-]{_ONES})?|{_TEENS}|oh[\s-]+{_ONES})|two\s+thousand(?:\s+(?:and\s+)?{_ONES})?)"


def W(word: str) -> str:
    """``word`` at a word start, written literal first so that the regex engine scans for it quickly."""
    return rf"{word}(?<![\w’'-]{word})"


THE, LAST, AS = W("the"), W("last"), W("as")


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# ---------------------------------------------------------------- small parsers
def number(text: str) -> float | str | None:
    """'two' → 2, 'twenty-four' → 24, '2 1/2' → 2.5, 'several' → 'X', '12 to 18' → 'X'."""
    text = " ".join(text.lower().split())
    if re.search(r"\s(?:to|or)\s|\d\s*[-–]\s*\d|[a-z]\s*[-–]\s*(?:to|or)", text) or re.search(r"\b(?:to|or)\b", text):
        return "X"
    if lookup("vague", text):
        return "X"
    half = 0.5 if re.search(r"(?:1/2|and a half)$", text) else 0.0
    text = re.sub(r"\s*(?:1/2|and a half)$", "", text).strip()
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", text):
        return float(text.replace(",", "")) + half
    m = re.fullmatch(rf"({_TENS})[-\s]({_ONES})", text)
    if m:
        return float(lookup("number", m[1]) or 0) + float(lookup("number", m[2]) or 0) + half
    value = lookup("number", text)
    return float(value) + half if value else None


def period(n: float | str, unit: str) -> str:
    """A TIMEX3 duration: (2, 'Y') → P2Y, (2.5, 'Y') → P2Y6M, ('X', 'TH') → PTXH, (1, 'DE') → P10Y."""
    if unit == "DE" or unit == "CE":
        factor = 10 if unit == "DE" else 100
        return f"P{int(n * factor)}Y" if not isinstance(n, str) else f"PX{unit}"
    time = unit.startswith("T")
    letter = unit[-1]
    if isinstance(n, str):
        return f"P{'T' if time else ''}X{letter}"
    whole, frac = int(n), n - int(n)
    value = f"P{'T' if time else ''}{whole}{letter}"
    if frac:
        smaller = {"Y": (12, "M"), "M": None, "TH": (60, "M"), "TM": (60, "S"), "D": (24, "H")}.get(unit)
        if smaller and unit == "D":
            value += f"T{int(frac * smaller[0])}H"
        elif smaller:
            value += f"{int(frac * smaller[0])}{smaller[1]}"
    return value


def unit_of(word: str) -> str | None:
    word = word.lower().rstrip(".")
    if word.startswith("weekend"):
        return "WE"
    return lookup("unit", word)


def month_of(text: str) -> int | None:
    value = lookup("month", text)
    return int(value) if value else None


def capitalised_month(m: re.Match[str], group: str) -> bool:
    """A month name counts only when capitalised: "may" and "march" are verbs."""
    text = m.group(group)
    return text is None or text[:1].isupper()


def direction(ctx: Context, start: int, end: int, default: str = "past") -> str:
    tense = ctx.tense(start, end)
    if tense == "past":
        return "past"
    if tense == "future":
        return "future"
    if tense in ("present", "prospective"):  # "prospective": ahead of a past moment ("was due to end Friday")
        return "nearest"
    return default


def _mod(m: re.Match[str], *groups: str) -> str | None:
    for g in groups:
        if m.groupdict().get(g):
            return lookup("mod", m[g]) or lookup("position", m[g].rstrip("- "))
    return None


def _rel(ctx: Context, type_: str, value_fn: Callable[[date], str | None], mod: str | None = None,
         unresolved: str | None = None) -> Found:
    """A DCT-relative expression: its value from the DCT, or ``unresolved`` (an X-pattern or None)."""
    if ctx.dct is None:
        return Found(type_, unresolved, mod, relative=True)
    try:
        value = value_fn(ctx.dct)
    except (OverflowError, ValueError):  # past the calendar's range: "230,000 years ago"
        value = None
    return Found(type_, value, mod, relative=True)


SOON_DAYS = 60  # a year-less date this close ahead of the DCT is the coming one, whatever the tense

# ---------------------------------------------------------------- 1. absolute dates
def n_iso(m, ctx):
    return Found("TIME" if m["time"] else "DATE", m[0].replace(" ", "T"))


def n_full_date(m, ctx):
    if not capitalised_month(m, "month"):
        return None
    month = month_of(m["month"])
    day = int(re.match(r"\d+", m["day"])[0])
    if not month or day > 31:
        return None
    if m["year"]:
        return Found("DATE", f"{int(m['year']):04d}-{month:02d}-{day:02d}")
    if ctx.dct is None:
        return Found("DATE", f"XXXX-{month:02d}-{day:02d}", relative=True)
    which = (m.groupdict().get("which") or "").lower() if isinstance(m, re.Match) else ""
    if which in ("last", "next"):  # "last Oct. 23": the one before the DCT
        way = "past" if which == "last" else "future"
        return Found("DATE", f"{cal.year_for(ctx.dct, month, day, way):04d}-{month:02d}-{day:02d}", relative=True)
    way = direction(ctx, m.start(), m.end(), "nearest")
    year = cal.year_for(ctx.dct, month, day, way)
    if way == "past" and cal.days_ahead(ctx.dct, month, day) <= SOON_DAYS:
        # a date a few days ahead is that date even under a past-tense verb, whose parse is less
        # sure than the calendar: "The union said the strike would start Nov. 10" (DCT Nov. 2)
        year = ctx.dct.year if date(ctx.dct.year, month, min(day, 28)) >= ctx.dct else ctx.dct.year + 1
    return Found("DATE", f"{year:04d}-{month:02d}-{day:02d}", relative=True)


def n_numeric_date(m, ctx):
    month, day, year = int(m["m"]), int(m["d"]), int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Found("DATE", f"{year:04d}-{month:02d}-{day:02d}")


def n_month_year(m, ctx):
    if not capitalised_month(m, "month"):
        return None
    month = month_of(m["month"])
    mod = _mod(m, "pos")
    if m["year"]:
        return Found("DATE", f"{int(m['year']):04d}-{month:02d}", mod)
    if m["spelled"]:
        year = spelled_year(m["spelled"])
        return Found("DATE", f"{year:04d}-{month:02d}", mod) if year else None
    shift = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    return _rel(ctx, "DATE", lambda d: f"{d.year + shift:04d}-{month:02d}", mod)


def n_year(m, ctx):
    year = int(m["year"])
    if not 1000 <= year <= 2100:
        return None
    return Found("DATE", f"{year:04d}", _mod(m, "pos"))


def spelled_year(text: str) -> int | None:
    """"nineteen ninety-seven" → 1997, "nineteen oh five" → 1905, "two thousand and one" → 2001."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].replace("and", "").strip()
        n = number(rest) if rest else 0.0
        return 2000 + int(n) if isinstance(n, float) else None
    rest = words[len("nineteen"):].replace("oh", "").strip()
    n = number(rest)
    return 1900 + int(n) if isinstance(n, float) else None


def n_spelled_year(m, ctx):
    """"nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    century = " ".join(m["century"].lower().split())
    if century == "two thousand":
        rest = number(m["rest"]) if m["rest"] else 0
        return Found("DATE", f"{2000 + int(rest or 0):04d}") if rest is not None else None
    if not m["rest"] or (not m[0].lower().startswith("the") and century == "twenty" and " " not in m["rest"].strip() and "-" not in m["rest"] and m["rest"].lower() in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")):
        return None  # "twenty-five" is a number
    rest = number(m["rest"].lower().replace("oh", "").strip(" -"))
    if rest is None or isinstance(rest, str):
        return None
    return Found("DATE", f"{(19 if century == 'nineteen' else 20) * 100 + int(rest):04d}")


def n_weekend(m, ctx):
    """"the weekend": the last one in past tense, else the coming one."""
    way = direction(ctx, m.start(), m.end())
    return _rel(ctx, "DATE", lambda d: cal.week(cal.weekday(d, 6, way)) + "-WE")


def n_decade(m, ctx):
    digits = m["decade"]
    mod = _mod(m, "pos")
    if digits[0] in "'’":
        return Found("DATE", "19" + digits[1], mod)
    return Found("DATE", digits[:3], mod)


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}


def n_decade_word(m, ctx):
    return Found("DATE", f"19{DECADE_WORDS[m['word'].lower()]}", _mod(m, "pos"))


def n_century(m, ctx):
    if m["ord"].lower() == "this":
        return _rel(ctx, "DATE", lambda d: f"{d.year // 100:02d}")
    n = int(re.match(r"\d+", m["ord"])[0]) if m["ord"][0].isdigit() else int(lookup("ordinal", m["ord"]) or 0)
    return Found("DATE", f"{n - 1:02d}", _mod(m, "pos")) if n else None


def _year_of_part(m, ctx, month_start: int) -> tuple[int | None, bool]:
    """The year of a quarter/half without one: "last year's" / "next year's", else the DCT's
    year, or the year before when a past-tense part has not begun yet."""
    for g in ("year", "year2", "year3"):
        if m.groupdict().get(g):
            return int(m[g]), False
    if ctx.dct is None:
        return None, True
    owner = (m.groupdict().get("owner") or "").lower()
    if owner.startswith("last"):
        return ctx.dct.year - 1, True
    if owner.startswith("next"):
        return ctx.dct.year + 1, True
    year = ctx.dct.year
    if month_start > ctx.dct.month and direction(ctx, m.start(), m.end()) == "past":
        year -= 1
    return year, True


def n_part(m, ctx):
    """"the third quarter", "third-quarter", "this year's second quarter", "the first half of 2024"."""
    n = int(lookup("ordinal", m["ord"]) or 0)
    unit = m["unit"].lower()
    code, parts = ("Q", 4) if unit.startswith("quarter") else ("H", 2)
    if not 1 <= n <= parts:
        return None
    year, relative = _year_of_part(m, ctx, (n - 1) * 12 // parts + 1)
    value = f"{year:04d}-{code}{n}" if year else f"XXXX-{code}{n}"
    if code == "Q":
        note_quarter(ctx, value, m.start(), m.end())
    return Found("DATE", value, relative=relative)


def note_quarter(ctx: Context, value: str, start: int, end: int) -> None:
    """Make ``value`` the quarter that "a year earlier" compares with, unless it is a forecast: results
    are reported for quarters gone by, "losses through the third quarter of 1990" or "the trend will
    continue into the fourth quarter" (said in October) look ahead."""
    if ctx.dct is not None and value[:4].isdigit() and value[-1].isdigit():
        year, number = int(value[:4]), int(value[-1])
        if year > ctx.dct.year:
            return
        ended = cal.add_months(date(year, 3 * number - 2, 1), 3) <= ctx.dct
        if not ended and ctx.tense(start, end) == "future":
            return
    ctx.reference_quarter = value


def n_the_period(m, ctx):
    """"the week of March 6" (the ISO week of that day), "the last half of 1989" → 1989-H2, "the final
    quarter of 2024" → 2024-Q4, "the same period last year" (as "last year's quarter")."""
    if m["week"]:
        found = n_full_date(m, ctx)
        if found is None or found.value is None or found.value.startswith("X"):
            return found
        return Found("DATE", cal.week(date.fromisoformat(found.value)), relative=found.relative)
    if m["same"]:
        return n_last_year_quarter(m, ctx)
    value = f"{int(m['pyear']):04d}-" + ("Q4" if m["unit"].lower() == "quarter" else "H2")
    if value.endswith("Q4"):
        note_quarter(ctx, value, m.start(), m.end())
    return Found("DATE", value)


AND_DAY_BEFORE = re.compile(rf"(?P<month>{MONTH}){S}\d{{1,2}}(?:st|nd|rd|th)?{S}(?:and|or|&){S}$", re.I)


def n_and_day(m, ctx):
    """The second day of "April 24 and 25": a date in the month named before the first."""
    before = AND_DAY_BEFORE.search(ctx.text, max(0, m.start("x") - 24), m.start("x"))
    if before is None or not before["month"][:1].isupper():
        return None
    return n_full_date(_Groups({"month": before["month"], "day": m["day"], "year": m["year"]}, m), ctx)


class _Groups:
    """Named groups gathered from more than one match, with the offsets of ``outer``."""

    def __init__(self, groups: dict, outer: re.Match[str]):
        self.groups, self.outer = groups, outer

    def __getitem__(self, key):
        return self.groups.get(key)

    def group(self, key):
        return self.groups.get(key)

    def groupdict(self):
        return dict(self.groups)

    def start(self):
        return self.outer.start("x")

    def end(self):
        return self.outer.end("x")


def n_last_year_quarter(m, ctx):
    """"last year's quarter", "the same period last year": the period under discussion, a year before."""
    if ctx.dct is None:
        return Found("DATE", None, relative=True)
    if ctx.reference_quarter and ctx.reference_quarter[:4].isdigit():
        return Found("DATE", _year_earlier(ctx.reference_quarter), relative=True)
    return Found("DATE", f"{ctx.dct.year - 1:04d}", relative=True)


def n_q(m, ctx):
    n = int(m["n"])
    if m["year"]:
        year = int(m["year"]) if len(m["year"]) == 4 else 2000 + int(m["year"])
        value = f"{year:04d}-Q{n}"
        note_quarter(ctx, value, m.start(), m.end())
        return Found("DATE", value)
    found = n_part_like(ctx, m, n)
    return found


def n_part_like(ctx, m, n):
    year, _ = _year_of_part(m, ctx, (n - 1) * 3 + 1)
    value = f"{year:04d}-Q{n}" if year else f"XXXX-Q{n}"
    note_quarter(ctx, value, m.start(), m.end())
    return Found("DATE", value, relative=True)


def n_rel_quarter(m, ctx):
    """"the latest quarter" (the one before the DCT's), "the current quarter", "the quarter"."""
    which = " ".join((m["which"] or "").lower().split())
    if which.startswith("comparable"):  # "the comparable (year-ago) quarter": the same quarter a year before
        which = "year-ago"
    if ctx.dct is None:
        return Found("DATE", None, relative=True)
    d = ctx.dct
    if which in ("current", "this"):
        shift = 0
    elif which in ("next", "coming"):
        shift = 1
    elif which.startswith(("year-", "year ")):
        shift = -4 if not ctx.reference_quarter else None
    elif which in ("latest", "last", "past", "previous", "most recent", "recent"):
        shift = -1
    elif (ended := QUARTER_ENDED.match(ctx.text, m.end())) and capitalised_month(ended, "month"):
        # "the quarter ended July 31": the three months up to that day, named by the calendar quarter
        # that holds most of them (May to July → Q2)
        month, day = month_of(ended["month"]), int(ended["day"])
        last = date(cal.year_for(d, month, day, "nearest"), month, min(day, 28))
        value = cal.at_granularity(last - timedelta(days=45), "Q")
        note_quarter(ctx, value, m.start(), m.end())
        return Found("DATE", value, relative=True)
    else:  # "the quarter": the one just reported on, unless the verb looks ahead ("will earn ... for the quarter")
        shift = 0 if direction(ctx, m.start(), m.end()) == "future" else -1
    if shift is None:
        value = _year_earlier(ctx.reference_quarter)
    else:
        value = cal.at_granularity(cal.shift(d, "Q", shift), "Q")
        note_quarter(ctx, value, m.start(), m.end())
    return Found("DATE", value, relative=True)


QUARTER_ENDED = re.compile(rf"\s+end(?:ed|ing)\s+(?P<month>{MONTH})\s+(?P<day>[0-3]?\d)\b", re.I)


def _year_earlier(value: str) -> str:
    return f"{int(value[:4]) - 1:04d}{value[4:]}"


def n_year_period(m, ctx):
    """"the 1988 quarter", "the 1989 period": in a quarterly report, that year's quarter of the
    same number as the one under discussion; otherwise the year."""
    year = int(m["year"])
    if ctx.reference_quarter and ctx.reference_quarter[:4].isdigit():
        return Found("DATE", f"{year:04d}{ctx.reference_quarter[4:]}")
    return Found("DATE", f"{year:04d}") if m["unit"].lower() == "period" else None


def n_year_ago_adj(m, ctx):
    """"year-earlier", "the year-ago quarter": the same period a year before the reference period;
    "the year-earlier nine months" is a length, like "the nine months"."""
    if m["months"]:
        n = number(m["months"])
        return Found("DURATION", period(n, "M")) if isinstance(n, float) else None
    if ctx.dct is None:
        return Found("DATE", None, relative=True)
    if ctx.reference_quarter and ctx.reference_quarter[:4].isdigit():
        return Found("DATE", _year_earlier(ctx.reference_quarter), relative=True)
    return Found("DATE", f"{ctx.dct.year - 1:04d}", relative=True)


def n_fiscal(m, ctx):
    year = m["year"]
    if len(year) == 2:
        year = ("20" if int(year) < 50 else "19") + year
    return Found("DATE", year)


def n_rel_fiscal(m, ctx):
    which = m["which"].lower()
    shift = -1 if which in ("last", "past", "previous", "latest") else 1 if which in ("next", "coming") else 0
    return _rel(ctx, "DATE", lambda d: f"{d.year + shift:04d}")


# ---------------------------------------------------------------- 2. DCT-relative dates
RELATIVE_SHIFT = {"last": -1, "past": -1, "previous": -1, "this past": -1, "the past": -1, "the previous": -1,
                  "the last": -1, "this": 0, "the current": 0, "current": 0, "the same": 0, "next": 1,
                  "coming": 1, "the coming": 1, "this coming": 1, "the following": 1, "following": 1,
                  "the next": 1}


def n_rel_unit(m, ctx):
    """"last month", "this week", "earlier this year", "early next year", "the end of the week"."""
    which = " ".join((m["which"] or "this").lower().split())
    shift = RELATIVE_SHIFT.get(which, 0)
    unit_word = m["unit"].lower().split()[-1]
    unit = unit_of(unit_word)
    mod = _mod(m, "pos")
    if unit == "WE":
        return _rel(ctx, "DATE", lambda d: cal.week(cal.shift(d, "W", shift)) + "-WE", mod)
    if unit is None:
        return None
    anchor = reference(ctx, unit) if which in ANAPHORIC_WHICH else None
    if anchor is not None:  # "the following year" after "in 1996": 1997
        return Found("DATE", cal.at_granularity(cal.shift(anchor, unit, shift), unit), mod)
    return _rel(ctx, "DATE", lambda d: cal.at_granularity(cal.shift(d, unit, shift), unit), mod)


ANAPHORIC_WHICH = {"the following", "following", "the previous", "previous", "the same"}


def n_the_year(m, ctx):
    """"the year", "for the full year", "earlier in the year": the DCT's year; "the year ended
    June 30" (a reporting period named by its last day) is a one-year duration."""
    if m["ended"]:
        return Found("DURATION", "P1Y")
    return _rel(ctx, "DATE", lambda d: f"{d.year:04d}")


# ---------------------------------------------------------------- anaphoric dates (the reference time)
ANAPHORIC_SHIFT = {"following": 1, "next": 1, "previous": -1, "prior": -1, "preceding": -1, "same": 0}
GRANULARITY = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
_REFERENCE = re.compile(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q([1-4])))?")


def reference(ctx: Context, unit: str) -> date | None:
    """The last date mentioned before this expression, if it is at least as fine as ``unit``
    ("Oct. 12, 1998 ... that day" → 1998-10-12; "in 1996 ... the following year" → 1996-01-01)."""
    m = _REFERENCE.fullmatch(ctx.reference_date or "")
    if not m:
        return None
    year, month, day, week, quarter = m.groups()
    if day:
        d, grain = date(int(year), int(month), int(day)), "D"
    elif month:
        d, grain = date(int(year), int(month), 1), "M"
    elif week:
        d, grain = date.fromisocalendar(int(year), int(week), 1), "W"
    elif quarter:
        d, grain = date(int(year), 3 * int(quarter) - 2, 1), "Q"
    else:
        d, grain = date(int(year), 1, 1), "Y"
    return d if GRANULARITY[grain] <= GRANULARITY.get(unit, 4) else None


def n_anaphoric(m, ctx):
    """"that day", "earlier that year", "the same week", "the following month", "the next morning":
    relative to the last date the narrative mentioned, else to the DCT."""
    which = (m["which"] or "same").lower()
    word = m["unit"].lower()
    pod = lookup("partofday", word)
    unit = "D" if pod else unit_of(word)
    if unit is None or unit == "WE":
        return None
    shift = ANAPHORIC_SHIFT[which]
    suffix = f"T{pod}" if pod else ""
    anchor = reference(ctx, unit)
    if anchor is not None:
        return Found("TIME" if pod else "DATE", cal.at_granularity(cal.shift(anchor, unit, shift), unit) + suffix)
    if ctx.reference_date and shift == 0 and unit in ("D", "M") and re.fullmatch(r"[\d-]+", ctx.reference_date):
        # the last date is coarser: "last October ... that same day" → 1998-10-XX
        pieces = ctx.reference_date.split("-")
        value = "-".join(pieces + ["XX"] * ({"D": 3, "M": 2}[unit] - len(pieces)))
        return Found("TIME" if pod else "DATE", value + suffix)
    return _rel(ctx, "TIME" if pod else "DATE", lambda d: cal.at_granularity(cal.shift(d, unit, shift), unit) + suffix)


def n_period_end(m, ctx):
    """"by week's end", "year-end", "the end of the month": the current period, mod END."""
    unit = unit_of(m["unit"])
    if unit is None:
        return None
    return _rel(ctx, "DATE", lambda d: cal.at_granularity(d, unit), "END")


def n_deictic_day(m, ctx):
    """"yesterday", "late today", "tomorrow night", "the day before yesterday"."""
    word = " ".join(m["day"].lower().split())
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "the day before yesterday": -2,
              "the day after tomorrow": 2}[word]
    pod = lookup("partofday", m["pod"]) if m["pod"] else ("NI" if word == "tonight" else None)
    mod = _mod(m, "pos")
    suffix = f"T{pod}" if pod else ""
    return _rel(ctx, "TIME" if pod else "DATE",
                lambda d: cal.shift(d, "D", offset).isoformat() + suffix, mod)


def n_pod(m, ctx):
    """"this morning", "last night", "yesterday afternoon", "mid-afternoon yesterday"."""
    which = m["which"].lower()
    pod = lookup("partofday", m["pod"])
    offset = -1 if which in ("last", "yesterday") and not (which == "last" and pod != "NI") else 0
    if which == "tomorrow":
        offset = 1
    return _rel(ctx, "TIME", lambda d: cal.shift(d, "D", offset).isoformat() + f"T{pod}")


def n_weekday(m, ctx):
    """"on Tuesday" (resolved by the tense of the verb), "last Friday", "next Monday morning"."""
    day = int(lookup("weekday", m["weekday"]) or 0)
    if not day or not m["weekday"][:1].isupper():
        return None
    which = " ".join((m["which"] or "").lower().split())
    pod = lookup("partofday", m["pod"]) if m["pod"] else None
    suffix = f"T{pod}" if pod else ""
    mod = _mod(m, "pos")
    anchor = reference(ctx, "D") if which in ("the previous", "previous", "the following", "following") else None
    if anchor is not None:
        # "the previous Friday" after "Oct. 27": the Friday before that day, not before the DCT
        way = "past" if which.endswith("previous") else "future"
        return Found("TIME" if pod else "DATE", cal.weekday(anchor, day, way, strict=True).isoformat() + suffix, mod)
    if which in ("last", "this past", "past", "the previous", "previous"):
        fn = lambda d: cal.weekday(d, day, "past", strict=True)  # noqa: E731
    elif which in ("next", "this coming", "coming", "the coming", "the following", "following"):
        fn = lambda d: cal.weekday(d, day, "future", strict=True)  # noqa: E731
    else:
        way = direction(ctx, m.start(), m.end())
        fn = lambda d: cal.weekday(d, day, way)  # noqa: E731
    return _rel(ctx, "TIME" if pod else "DATE", lambda d: fn(d).isoformat() + suffix, mod,
                unresolved=f"XXXX-WXX-{day}{suffix}")


EVENT_NAME = re.compile(r"\s+(?:for|against|of\s+(?:the|a|an))\b", re.I)


def n_month(m, ctx):
    """"in March" (this year's or last year's, by tense), "last May", "mid-November"."""
    if not capitalised_month(m, "month"):
        return None
    month = month_of(m["month"])
    mod = _mod(m, "pos")
    which = " ".join((m["which"] or "").lower().split())
    if len(m["month"]) <= 4 and m["month"].lower() not in ("may", "june", "july") and not m["month"].endswith("."):
        return None  # an abbreviation alone is a name: "Jan Egeland"
    if EVENT_NAME.match(ctx.text, m.end()) and re.search(r"\b(?:the|a|an|annual)\s+$", ctx.text[max(0, m.start() - 12):m.start()], re.I):
        return None  # a march, not the month: "the annual March for Life", "the March of the Mothers"
    if ctx.dct is None:
        return Found("DATE", f"XXXX-{month:02d}", mod, relative=True)
    d = ctx.dct
    if which in ("last", "this past", "past"):
        year = d.year if month < d.month else d.year - 1
    elif which in ("next", "this coming", "coming"):
        year = d.year if month > d.month else d.year + 1
    elif which == "this":
        year = d.year
    else:
        way = direction(ctx, m.start(), m.end(), "nearest")
        # a month is past once it has begun, future until it has ended
        year = cal.year_for(d, month, 1 if way == "past" else 28, way)
        if way == "past" and 0 < cal.days_ahead(d, month, 1) <= SOON_DAYS:
            year = d.year if month > d.month else d.year + 1  # next month, whatever the tense
    return Found("DATE", f"{year:04d}-{month:02d}", mod, relative=True)


def n_season(m, ctx):
    """"this summer", "last winter", "the early summer" (mod START), "spring 2024"."""
    code = lookup("season", m["season"])
    mod = _mod(m, "pos", "pos2")
    if m["year"]:
        return Found("DATE", f"{int(m['year']):04d}-{code}", mod)
    if m["spelled"]:
        year = spelled_year(m["spelled"])
        return Found("DATE", f"{year:04d}-{code}", mod) if year else None
    which = " ".join((m["which"] or "").lower().split())
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if ctx.dct is None:
        return Found("DATE", f"XXXX-{code}", mod, relative=True)
    d = ctx.dct
    if which in ("last", "this past", "past"):
        year = d.year if start_month < d.month else d.year - 1
    elif which in ("next", "this coming", "coming"):
        year = d.year if start_month > d.month else d.year + 1
    elif which == "this":
        year = d.year
    else:
        way = direction(ctx, m.start(), m.end(), "nearest")
        year = cal.year_for(d, start_month, 1, way)
    return Found("DATE", f"{year:04d}-{code}", mod, relative=True)


def n_holiday(m, ctx):
    rule = lookup("holiday", m["name"])
    if rule is None:
        return None

    if rule.startswith("cap:"):  # only capitalised: "Election Day", not any "election day"
        if not m["name"][:1].isupper():
            return None
        rule = rule[4:]

    def on(year: int) -> date:
        if ":" in rule:
            nth, _, later = rule.partition("+")  # "1:1:11+1": the day after the first Monday of November
            n, day, month = (int(x) for x in nth.split(":"))
            return cal.nth_weekday(year, month, n, day) + timedelta(days=int(later or 0))
        month, day = (int(x) for x in rule.split("-"))
        return date(year, month, day)

    if m["year"]:
        return Found("DATE", on(int(m["year"])).isoformat())
    if ctx.dct is None:
        return Found("DATE", f"XXXX-{rule}" if ":" not in rule else None, relative=True)
    way = direction(ctx, m.start(), m.end(), "nearest")
    d = ctx.dct
    options = [on(y) for y in (d.year - 1, d.year, d.year + 1)]
    if way == "past":
        pick = max((o for o in options if o <= d), default=options[0])
    elif way == "future":
        pick = min((o for o in options if o >= d), default=options[-1])
    else:
        pick = min(options, key=lambda o: abs((o - d).days))
    return Found("DATE", pick.isoformat(), relative=True)


FRACTION_OF = re.compile(r"\s+of\s+(?:the|a|an|its|their|his|her|all|those|these|our|total)\b", re.I)
RELATIVE_SIGNALS = {"later", "before", "after"}  # anchored to another event, not to the DCT
AGO_SIGN = {"ago": -1, "earlier": -1, "before": -1, "back": -1, "previously": -1, "prior": -1,
            "later": 1, "after": 1, "from now": 1, "hence": 1, "on": 1}


# ---------------------------------------------------------------- 3. durations (and "N units ago")
def n_duration(m, ctx):
    """"two years", "the past three months", "nearly two years", "several weeks", "three years ago"."""
    n = number(m["num"])
    unit = unit_of(m["unit"])
    if n is None or unit is None:
        return None
    if unit == "WE":
        return None
    plural = m["unit"].lower().rstrip(".").endswith("s") or m["unit"].lower() == "centuries"
    num_word = " ".join(m["num"].lower().split())
    if num_word in ("a", "an") and plural:
        return None
    if unit == "TS" and num_word in ("a", "an"):  # "a second attempt"
        return None
    if re.match(r"\s+old\b", ctx.text[m.end():m.end() + 5]):
        return None  # an age: "52 years old"
    if unit == "Q" and FRACTION_OF.match(ctx.text, m.end()):
        return None  # a fraction: "more than a quarter of the market"
    if not plural and isinstance(n, float) and 1500 <= n <= 2100:
        return None  # a year before a noun: "the 1988 quarter"
    if m["half"] and isinstance(n, float):
        n += 0.5  # "a minute and a half"
    mod = _mod(m, "mod", "mod2")
    signal = " ".join((m["ago"] or "").lower().split())
    if signal in RELATIVE_SIGNALS:
        # "three days later", "30 days before the vote": TimeML tags the length, the word after
        # it is a signal that relates two events, not a date of its own
        return Found("DURATION", period(n, unit), mod, end=m.start("ago"))
    if signal:
        sign = AGO_SIGN.get(signal, -1)
        return _ago(m, ctx, n, unit, sign, mod)
    if num_word in ("a", "an", "one", "per") and _after_amount(ctx.text, m.start()):
        return Found("SET", period(1, unit), None)
    if unit == "M" and m[0][:4].lower() == "the " and not isinstance(n, str) and n < 12:
        # a reporting period ("for the nine months, profit rose"): "a year earlier" now means that
        # part of last year, not the quarter discussed before
        ctx.reference_quarter = None
    return Found("DURATION", period(n, unit), mod)


def _after_amount(text: str, start: int) -> bool:
    """"$5 a year", "twice a week": "a" + unit after an amount or a frequency is a SET."""
    before = text[max(0, start - 25):start]
    return bool(re.search(r"(?:\d|%|cents?|dollars?|euros?|pounds?|million|billion|trillion|thousand|times|once|twice|thrice)\s*$", before, re.I))


def _ago(m, ctx, n, unit, sign, mod):
    if isinstance(n, str):
        vague = {-1: "PAST_REF", 1: "FUTURE_REF"}[sign]
        return Found("DATE", vague, mod)
    whole = int(n)
    if unit.startswith("T"):
        return _rel(ctx, "TIME", lambda d: None, mod)
    granularity = unit
    if unit == "Y" and whole == 1 and ctx.reference_quarter and ctx.reference_quarter[:4].isdigit():
        # "a year earlier" in a quarterly report: the same quarter a year before
        if ctx.dct is None:
            return Found("DATE", None, mod, relative=True)
        return Found("DATE", _year_earlier(ctx.reference_quarter), mod, relative=True)
    return _rel(ctx, "DATE", lambda d: cal.at_granularity(cal.shift(d, unit, sign * whole), granularity), mod)


def n_adjective_duration(m, ctx):
    """"a 60-day ceasefire", "a two-year term", "16-hour" (an age, "a 6-year-old", is no time)."""
    if m[0].lower().endswith("-old"):
        return None
    n = number(m["num"])
    unit = unit_of(m["unit"])
    if n is None or unit is None or unit == "WE":
        return None
    return Found("DURATION", period(n, unit))


def n_long(m, ctx):
    """"day-long", "decades-long": one unit, or an unknown number of them."""
    unit = unit_of(m["unit"])
    plural = m["unit"].lower().endswith(("s", "ies"))
    return Found("DURATION", period("X" if plural else 1, unit)) if unit else None


def n_vague_plural(m, ctx):
    """"for years", "in recent months", "the coming weeks": an unknown number of units."""
    unit = unit_of(m["unit"])
    return Found("DURATION", period("X", unit)) if unit and unit != "WE" else None


def n_as_many(m, ctx):
    """"the second time in as many days" / "three attacks in as many weeks": as many units as the
    ordinal or number just before says."""
    before = ctx.text[max(0, m.start() - 80):m.start()]
    counts = list(re.finditer(rf"\b({ORD}|{NUMWORD}|\d+)\b", before, re.I))
    unit = unit_of(m["unit"])
    if not counts or unit is None:
        return None
    word = counts[-1].group(1)
    n = lookup("ordinal", word) or number(word)
    if n in (None, "X"):
        return None
    return Found("DURATION", period(float(n), unit))


# ---------------------------------------------------------------- 4. sets
def n_each(m, ctx):
    target = m["what"]
    day = lookup("weekday", target)
    if day:
        pod = lookup("partofday", m["pod"]) if m["pod"] else None
        return Found("SET", f"XXXX-WXX-{day}" + (f"T{pod}" if pod else ""))
    month = month_of(target)
    if month and target[:1].isupper():
        return Found("SET", f"XXXX-{month:02d}")
    pod = lookup("partofday", target)
    if pod:
        return Found("SET", f"XXXX-XX-XXT{pod}")
    unit = unit_of(target)
    if unit and unit != "WE":
        return Found("SET", period(2 if m["other"] else 1, unit))
    return None


def n_frequency(m, ctx):
    unit = unit_of(m["unit"])
    return Found("SET", period(1, unit)) if unit and unit != "WE" else None


def n_set_word(m, ctx):
    return Found("SET", lookup("set", m[0]))


def n_weekday_plural(m, ctx):
    day = lookup("weekday", m["weekday"])
    if not day or not m["weekday"][:1].isupper():
        return None
    return Found("SET", f"XXXX-WXX-{day}")


# ---------------------------------------------------------------- 5. clock times
def _zone(m) -> str:
    offset = lookup("zone", m["zone"]) if m.groupdict().get("zone") else None
    if offset is None:
        return ""
    return "Z" if offset == "+00" else offset


def n_clock(m, ctx):
    hour = int(m["h"])
    minute = int(m["min"] or 0)
    ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    if ap.startswith("p") and hour < 12:
        hour += 12
    if ap.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    clock = f"T{hour:02d}:{minute:02d}{_zone(m)}"
    return _clock_on(m, ctx, clock)


def n_noon(m, ctx):
    word = m["word"].lower()
    clock = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[word]
    return _clock_on(m, ctx, clock)


# the day after a clock time's conversion to another zone: "10:35 a.m. (0735 GMT) Friday"
DAY_AFTER_ASIDE = re.compile(rf"\s*\([^()\n]{{1,24}}\),?\s+(?P<when>(?:on\s+)?{WEEKDAY}|{REL_DAY})(?![\w-])", re.I)


def _clock_on(m, ctx, clock):
    when = m.groupdict().get("when")
    mod = _mod(m, "mod")
    if not when and (aside := DAY_AFTER_ASIDE.match(ctx.text, m.end())):
        when = aside["when"]  # the extent stays the clock time; the day only dates it
    if when:
        sub = re.fullmatch(rf"(?:on\s+)?(?P<weekday>{WEEKDAY})", when.strip(), re.I)
        if sub:
            day = int(lookup("weekday", sub["weekday"]) or 0)
            way = direction(ctx, m.start(), m.end())
            return _rel(ctx, "TIME", lambda d: cal.weekday(d, day, way).isoformat() + clock, mod,
                        unresolved=f"XXXX-WXX-{day}{clock}")
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(when.strip().lower())
        if offset is not None:
            return _rel(ctx, "TIME", lambda d: cal.shift(d, "D", offset).isoformat() + clock, mod)
        sub = re.fullmatch(rf"(?P<month>{MONTH})\s+(?P<day>{DAY})", " ".join(when.split()), re.I)
        if sub:
            found = n_full_date(_Shim(sub, m), ctx)
            if found and found.value:
                return Found("TIME", found.value + clock, mod, found.relative)
    return _rel(ctx, "TIME", lambda d: d.isoformat() + clock, mod, unresolved=f"XXXX-XX-XX{clock}")


class _Shim:
    """A sub-match that reports the outer match's offsets (for the tense look-up)."""

    def __init__(self, inner: re.Match[str], outer: re.Match[str]):
        self.inner, self.outer = inner, outer

    def __getitem__(self, key):
        return self.inner.groupdict().get(key) if isinstance(key, str) else self.inner[key]

    def group(self, key):
        return self[key]

    def start(self):
        return self.outer.start()

    def end(self):
        return self.outer.end()


# ---------------------------------------------------------------- 6. reference words
def n_ref(m, ctx):
    return Found("DATE", lookup("ref", m[0]))


# ---------------------------------------------------------------- the rule list
_WHICH = r"(?:last|this|next|this\s+past|this\s+coming|the\s+coming|the\s+previous|the\s+following|the\s+past|the\s+current|past|previous|coming|current)"
_WHEN = rf"(?:(?P<mod>{MOD})\s+)?"
RULES: list[Rule] = [
    # 1. absolute dates
    Rule("iso", _c(rf"{B}\d{{4}}-[01]\d-[0-3]\d(?P<time>[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?)?{E}"), n_iso),
    Rule("numeric-date", _c(rf"{B}(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{{4}}|\d{{2}}){E}"), n_numeric_date),
    Rule("month-day", _c(rf"{B}(?:{WEEKDAY},?{S}|(?P<which>last|next){S})?(?P<month>{MONTH}){S}(?P<day>{DAY})(?!\d|:\d|\s*%|,\d)(?:,?{S}(?P<year>{YEAR}))?(?![\w-])"), n_full_date),
    # the second day of "April 24 and 25": the bare number is a date of its own
    Rule("and-day", _c(rf"\d(?:st|nd|rd|th)?{S}(?:and|or|&){S}(?P<x>(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:,?{S}(?P<year>{YEAR}))?)(?=\s*(?:[,.;:)]\D|[,.;:)]?$)|{S}(?:in|at|on|and|when|while|with|to|from|for|as|after|before|during|the|by)\b)"), n_and_day),
    Rule("day-month", _c(rf"{B}(?:{WEEKDAY},?{S})?(?:the{S})?(?P<day>{DAY}){S}(?:of{S})?(?P<month>{MONTH})(?:,?{S}(?P<year>{YEAR}))?{E}"), n_full_date),
    Rule("month-year", _c(rf"{B}(?:(?P<pos>{POSITION})[\s-]+)?(?P<month>{MONTH}),?{S}(?:of{S})?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})|(?P<which>last|this|next){S}year){E}"), n_month_year),
    Rule("year", _c(rf"(?<![\w$€£#.,/-])(?:(?P<pos>{POSITION})[\s-]+|(?:pre|post)-)?(?:(?:the{S})?(?:calendar|fiscal){S}(?:year{S})?)?(?P<year>{YEAR})(?![\w%-]|\.\d|\s*%|\s*(?:percent|per\s+cent|hours|{ZONE})\b)"), n_year),
    Rule("fiscal", _c(rf"{B}(?:(?:fiscal|financial){S}(?:year{S})?|FY\s?)(?P<year>{YEAR}|\d\d(?!\d)){E}"), n_fiscal),
    Rule("rel-fiscal", _c(rf"{B}(?:the{S})?(?P<which>current|latest|last|past|previous|next|coming|this){S}(?:fiscal|financial){S}year{E}"), n_rel_fiscal),
    Rule("decade", _c(rf"{B}(?:the{S})?(?:(?P<pos>{POSITION})[\s-]+)?(?P<decade>(?:1[0-9]|20)\d0|['’]\d0)['’]?s{E}"), n_decade),
    Rule("decade-word", _c(rf"{THE}{S}(?:(?P<pos>{POSITION})[\s-]+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties){E}"), n_decade_word),
    Rule("century", _c(rf"{B}(?:the{S})?(?:(?P<pos>{POSITION})[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORD}|this)[\s-]+century{E}"), n_century),
    Rule("part", _c(rf"{B}(?:(?:the|(?P<owner>(?:this|last|next){S}year{AP}s)){S}(?=(?:{YEAR}{S})?(?:fiscal[\s-]+)?{ORD}{S}))?(?:(?P<year>{YEAR}){S})?(?:fiscal[\s-]+)?(?P<ord>{ORD})[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?!s)(?:{S}of{S}(?:fiscal{S})?(?P<year2>{YEAR})|,?{S}(?P<year3>{YEAR}))?{E}"), n_part),
    Rule("the-period", _c(rf"{THE}{S}(?:(?P<week>week{S}of{S}(?P<month>{MONTH}){S}(?P<day>{DAY})(?:,?{S}(?P<year>{YEAR}))?(?![\w-]))|(?:last|final){S}(?P<unit>quarter|half){S}of{S}(?:fiscal{S})?(?P<pyear>{YEAR}){E}|(?P<same>(?:same|corresponding|comparable){S}(?:quarter|period){S}(?:of{S})?last{S}year(?![\w-])))"), n_the_period),
    Rule("last-year-quarter", _c(rf"{LAST}{S}year{AP}s{S}(?:fiscal{S})?(?:quarter|period)(?![\w-])"), n_last_year_quarter),
    Rule("q", re.compile(rf"{B}Q(?P<n>[1-4])(?:{S}(?:FY)?(?P<year>{YEAR}|\d\d(?!\d)))?{E}"), n_q),
    Rule("rel-quarter", _c(rf"{B}(?:(?:the|this|that|its|their){S}(?:(?P<which>latest|current|past|previous|last|most{S}recent|recent|next|coming|year-ago|year-earlier|comparable(?:{S}year-(?:ago|earlier))?){S})?|(?P<which2>last|this|next){S})(?:fiscal{S})?(?:quarter|(?<=latest\s)period)(?!s|\w|-centur)"), lambda m, c: n_rel_quarter(_Which(m), c)),
    Rule("year-period", _c(rf"{THE}{S}(?P<year>{YEAR}){S}(?P<unit>quarter|period)(?!s){E}"), n_year_period),
    Rule("year-ago-adj", _c(rf"{B}(?:the{S})?(?:comparable{S})?year[\s-](?:ago|earlier)(?:{S}(?:(?:{ORD}){S})?(?:period|quarter|(?P<months>{NUMWORD}|\d+){S}months))?{E}"), n_year_ago_adj),
    Rule("spelled-year", _c(rf"{B}(?:the{S}year{S})?(?P<century>nineteen|twenty|two{S}thousand)(?:[\s-]+(?:and{S})?(?P<rest>{_TENS}(?:[\s-]{_ONES})?|{_TEENS}|(?:oh[\s-]+)?{_ONES}))?{E}(?!{S}{UNITS}{E})"), n_spelled_year),
    # 2. DCT-relative dates
    Rule("weekend", _c(rf"{THE}{S}weekend{E}"), n_weekend),
    Rule("deictic-day", _c(rf"{B}(?:(?P<pos>early|late|earlier|later){S})?(?P<day>{REL_DAY}|the{S}day{S}before{S}yesterday|the{S}day{S}after{S}tomorrow)(?:{S}(?P<pod>{POD}))?{E}"), n_deictic_day),
    Rule("part-of-day-after", _c(rf"{B}(?P<pod>{POD}){S}(?P<which>yesterday|today|tomorrow){E}"), n_pod),
    Rule("part-of-day", _c(rf"{B}(?P<which>this|last|yesterday|tomorrow|tonight){S}(?P<pod>{POD}){E}"), n_pod),
    Rule("rel-unit", _c(rf"{B}(?:(?P<pos>{POSITION}|earlier|later|sometime|some{S}time){S})?(?P<which>{_WHICH}|the{S}same|the{S}last){S}(?P<unit>week|weekend|month|year|decade|century)(?![\w-]){E}"), n_rel_unit),
    Rule("anaphoric", _c(rf"{B}(?:(?:earlier|later){S})?(?:that(?:{S}same)?|the{S}(?P<which>same|following|previous|prior|preceding))(?:{S}(?P<unit>day|week|month|year|morning|afternoon|evening|night))(?![\w'’-])|{B}the{S}(?P<which2>next){S}(?P<unit2>day|morning|afternoon|evening|night)(?![\w'’-])"), lambda m, c: n_anaphoric(_Pair(m), c)),
    Rule("the-year", _c(rf"{B}(?P<x>(?:(?:earlier|later){S}in{S})?the{S}(?:(?:full|fiscal|financial|entire|whole|calendar){S})?year)(?P<ended>{S}(?:ended|ending))?(?!{S}(?:before|after|earlier|later|ago|of{S}the)\b)(?![\w'’-])"), n_the_year),
    Rule("period-end", _c(rf"{B}(?:the{S})?(?P<unit>week|month|year|quarter|decade)(?:{AP}s{S}|[\s-])end{E}"), n_period_end),
    Rule("end-of", _c(rf"{THE}{S}(?:end|close){S}of{S}the{S}(?P<unit>week|month|year|quarter|decade){E}"), n_period_end),
    Rule("weekday", _c(rf"{B}(?:(?P<pos>early|late|earlier|later){S})?(?:(?P<which>{_WHICH}){S})?(?P<weekday>{WEEKDAY})(?!s\b)(?:{S}(?P<pod>{POD}))?(?![\w-])"), n_weekday),
    Rule("month", _c(rf"{B}(?:(?P<pos>{POSITION})[\s-]+)?(?:(?P<which>{_WHICH}){S})?(?P<month>{MONTH})(?![\w-]){E}"), n_month),
    Rule("season", _c(rf"{B}(?:(?P<pos>{POSITION})[\s-]+)?(?:(?P<which>{_WHICH}|the){S})(?:(?P<pos2>early|mid-?|late)[\s-]+)?(?P<season>{SEASON})(?:{S}(?:of{S})?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})))?{E}"), n_season),
    Rule("season-year", _c(rf"{B}(?P<season>{SEASON}){S}(?:of{S})?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})){E}"), lambda m, c: n_season(_NoWhich(m), c)),
    Rule("holiday", _c(rf"{B}(?P<name>{alt('holiday')})(?:,?{S}(?P<year>{YEAR}))?{E}"), n_holiday),
    # 3. durations, and "N units ago"
    Rule("duration", _c(rf"{B}(?:(?P<mod>{MOD}){S}(?:(?:an?|another){S})?|(?:the|these|those|an?|another){S})?(?:(?P<which>past|last|next|coming|first|previous|following|latest|final|remaining|same|additional|entire|whole|full|other|ensuing|initial|subsequent|year-earlier|year-ago){S})?(?:(?P<mod2>{MOD}){S})?(?P<num>{QUANTITY})(?:{S}(?:more|additional|straight|consecutive|full|long|trading|business|working|calendar|extra))?{S}(?P<unit>{UNITS})(?P<half>{S}and{S}a{S}half)?(?:{S}or{S}so)?(?P<ago>{S}(?:ago|earlier|later|before|back|previously|from{S}now|hence))?(?![\w-])"), n_duration),
    Rule("adjective-duration", _c(rf"{B}(?P<num>\d+(?:\.\d+)?|{NUMWORD}|several|multiple)[-‐](?P<unit>second|minute|hour|day|night|week|month|year|decade|century)(?:-(?:old|long))?{E}"), n_adjective_duration),
    Rule("long", _c(rf"{B}(?P<unit>days?|weeks?|months?|years?|decades?|centuries|hours?)-long{E}"), n_long),
    Rule("vague-plural", _c(rf"{B}(?:(?:in|for|over|within|after){S}(?=\w)|(?P<the>the{S}))?(?P<x>(?:(?P<which>recent|coming|past|upcoming|ensuing|previous|following|next){S})?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries))(?!{S}(?:of|old|ago|earlier|later)\b)(?![\w-])"), lambda m, c: n_vague_plural(m, c)),
    Rule("as-many", _c(rf"{AS}{S}many{S}(?P<unit>days|weeks|months|years|hours|minutes|decades){E}"), n_as_many),
    # 4. sets
    Rule("each", _c(rf"{B}(?:every|each)(?P<other>{S}other)?{S}(?P<what>{UNIT1}|{WEEKDAY}|{MONTH}|{POD})(?:{S}(?P<pod>{POD}))?{E}"), n_each),
    Rule("frequency", _c(rf"{B}(?:(?:once|twice|thrice|{NUMBER}{S}times){S})?(?:a|an|per|every|each){S}(?P<unit>{UNIT1}){E}(?<=[a-z])"), lambda m, c: n_frequency(m, c) if re.match(r"(?:once|twice|thrice|[\w.]+\s+times)\s", m[0], re.I) or m[0].lower().startswith("per") else None),
    Rule("set-word", _c(rf"{B}{alt('set')}{E}"), n_set_word),
    Rule("weekday-plural", _c(rf"{B}(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s{E}"), n_weekday_plural),
    # 5. clock times
    Rule("clock", _c(rf"{B}{_WHEN}(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b|o{AP}clock){E}?(?:{S}(?P<zone>{ZONE}){E})?(?:,?{S}(?P<when>(?:on{S})?{WEEKDAY}|{REL_DAY}|{MONTH}{S}{DAY}){E})?"), n_clock),
    Rule("clock24", _c(rf"{B}{_WHEN}(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?P<ap>)(?:{S}(?P<zone>{ZONE})|{S}hours)?(?![\d:.,]\d){E}"), n_clock),
    Rule("noon", _c(rf"{B}{_WHEN}(?P<word>noon|midday|midnight)(?:,?{S}(?P<when>(?:on{S})?{WEEKDAY}|{REL_DAY}){E})?{E}"), n_noon),
    # 6. reference words
    Rule("ref", _c(rf"{B}{alt('ref')}{E}"), n_ref),
    Rule("vague-duration", _c(rf"{B}{alt('vagueduration')}{E}"), lambda m, c: Found("DURATION", lookup("vagueduration", m[0]))),
]


class _Which:
    """"last quarter" and "the last quarter" read the same."""

    def __init__(self, m: re.Match[str]):
        self.m = m

    def __getitem__(self, key):
        if key == "which":
            return self.m["which"] or self.m["which2"]
        return self.m[key]

    def start(self):
        return self.m.start()

    def end(self):
        return self.m.end()


class _Pair(_Which):
    """One normaliser for two alternatives of a pattern: "the following day" and "the next day"."""

    def __getitem__(self, key):
        if key in ("which", "unit"):
            return self.m[key] or self.m[key + "2"]
        return self.m[key]


class _NoWhich(_Which):
    def __getitem__(self, key):
        return None if key in ("which", "pos") else self.m[key]

    def groupdict(self):
        return {**self.m.groupdict(), "pos": None}


PREFILTER = starts.Prefilter([rule.lowered for rule in RULES])


def candidates(text: str) -> Iterator[tuple[int, int, Rule, re.Match[str]]]:
    lowered = text.lower()
    fast = len(lowered) == len(text)  # lower() keeps every offset but for a few letters ("İ")
    at = PREFILTER.positions(lowered) if fast else []
    for index, rule in enumerate(RULES):
        if fast:  # find on the lower-cased text, then take the match object from the text itself
            if PREFILTER.keyed[index] is not None:  # tried only where its first word stands
                lowered_found = starts.finditer(rule.lowered, lowered, at[index])
            else:
                lowered_found = rule.lowered.finditer(lowered)
            found = (rule.pattern.match(text, m.start()) for m in lowered_found)
        else:
            found = rule.pattern.finditer(text)
        for m in found:
            if m is None:
                continue
            start, end = m.span("x") if "x" in m.groupdict() else m.span()
            if end > start:
                yield start, end, rule, m


def select(found: list[tuple[int, int, Rule, re.Match[str]]]) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Where matches overlap, keep the longest (then the earliest rule)."""
    order = {id(r): i for i, r in enumerate(RULES)}
    ranked = sorted(found, key=lambda c: (-(c[1] - c[0]), c[0], order[id(c[2])]))
    taken: list[tuple[int, int, Rule, re.Match[str]]] = []
    for cand in ranked:
        if all(cand[1] <= t[0] or cand[0] >= t[1] for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c[0])


def find(text: str, ctx: Context, keep: Callable[[int, int, str], bool] = lambda s, e, r: True) -> list[Found]:
    """Every temporal expression in ``text``, normalised, in text order.

    ``keep(start, end, rule)`` lets the caller veto a match before it blocks shorter ones (the stage
    drops "May" the modal verb)."""
    ctx.text = text
    pool = [c for c in candidates(text) if keep(c[0], c[1], c[2].name)]
    results: list[Found] = []
    while True:
        chosen = select(pool)
        rejected = []
        results = []
        ctx.reference_quarter = None
        ctx.reference_date = None
        for start, end, rule, m in chosen:
            found = rule.normalise(m, ctx)
            if found is None:
                rejected.append((start, end, rule, m))
                continue
            found.start, found.end, found.rule = start, found.end or end, rule.name
            results.append(found)
            if found.type in ("DATE", "TIME") and found.value and _REFERENCE.match(found.value):
                ctx.reference_date = _REFERENCE.match(found.value)[0]
        if not rejected:
            return results
        ids = {id(r[3]) for r in rejected}
        pool = [c for c in pool if id(c[3]) not in ids]
