"""Calendar arithmetic for TIMEX3 values: shifting by units, ISO weeks, and choosing which
occurrence of a year-less date ("Tuesday", "March 5") is meant, given the tense of the verb."""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

Direction = str  # "past" (on or before the anchor), "future" (on or after), "nearest"


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(d.day, _cal.monthrange(year, month + 1)[1]))


def week(d: date) -> str:
    year, number, _ = d.isocalendar()
    return f"{year}-W{number:02d}"


def quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (D, W, M, Q, Y, DE, CE)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    return add_months(d, n * months) if months else d


def at_granularity(d: date, unit: str) -> str:
    """The TIMEX3 value of the period of size ``unit`` that contains ``d``: 2025-07-09, 2025-W28, …"""
    if unit in ("D", "TH", "TM", "TS"):
        return d.isoformat()
    if unit == "W":
        return week(d)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter(d)}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def weekday(anchor: date, iso_day: int, direction: Direction, strict: bool = False) -> date:
    """The day with ISO weekday ``iso_day`` on or before (past) / on or after (future) the anchor;
    ``strict`` excludes the anchor itself ("last Tuesday" is never today)."""
    back = (anchor.isoweekday() - iso_day) % 7
    forward = (iso_day - anchor.isoweekday()) % 7
    if strict:
        back = back or 7
        forward = forward or 7
    if direction == "future":
        return anchor + timedelta(days=forward)
    if direction == "nearest" and forward < back:
        return anchor + timedelta(days=forward)
    return anchor - timedelta(days=back)


def year_for(anchor: date, month: int, day: int, direction: Direction) -> int:
    """The year of a year-less month (and day): the occurrence on the side of the anchor that the
    tense points to ("met on March 5" in a July article: this March; in a February one: last March)."""
    day = min(day, _cal.monthrange(anchor.year, month)[1])
    this = date(anchor.year, month, day)
    if direction == "past":
        return anchor.year if this <= anchor else anchor.year - 1
    if direction == "future":
        return anchor.year if this >= anchor else anchor.year + 1
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    return min(candidates, key=lambda y: abs((date(y, month, min(day, _cal.monthrange(y, month)[1])) - anchor).days))


def nth_weekday(year: int, month: int, n: int, iso_day: int) -> date:
    """The n-th (or, n = -1, the last) given weekday of a month: Thanksgiving is 4:Thursday:November."""
    days = [date(year, month, d) for d in range(1, _cal.monthrange(year, month)[1] + 1)]
    matching = [d for d in days if d.isoweekday() == iso_day]
    return matching[n - 1] if n > 0 else matching[n]


def days_ahead(anchor: date, month: int, day: int) -> int:
    """How many days after ``anchor`` the next (month, day) falls."""
    this = date(anchor.year, month, min(day, _cal.monthrange(anchor.year, month)[1]))
    if this < anchor:
        this = date(anchor.year + 1, month, min(day, _cal.monthrange(anchor.year + 1, month)[1]))
    return (this - anchor).days
