"""The time lexicon (resources/time_words.tsv) as regular-expression fragments and look-ups."""

from __future__ import annotations

import re
from functools import cache

from storyline.resources import table


@cache
def entries(kind: str) -> tuple[tuple[str, str], ...]:
    """(pattern, value) pairs of one kind, longest pattern first so alternations prefer it."""
    rows = [(row[1], row[2]) for row in table("time_words.tsv") if row[0] == kind]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def alternation(kind: str) -> str:
    return "(?:" + "|".join(p for p, _ in entries(kind)) + ")"


@cache
def _compiled(kind: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p, re.I), v) for p, v in entries(kind))


def lookup(kind: str, text: str) -> str | None:
    """The value of the entry of ``kind`` that the whole of ``text`` matches (whitespace normalised)."""
    text = " ".join(text.split())
    for pattern, value in _compiled(kind):
        if pattern.fullmatch(text):
            return value
    return None
