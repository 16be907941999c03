"""Amounts: every number in the article with what it counts.

Four steps, each a small function below:

1. Find runs of number tokens, digits or words ("580 million", "five hundred", "Thousands of"),
   leaving out ordinals and the numbers of dates and clock times ("on June 3", "in 1988").
2. Read a run's value, and join two runs into a range or change ("from four to one",
   "between 10 and 15").
3. Mark approximations and bounds from the words before the number ("nearly 25,000", "up to 4,000"),
   and read a unit after or before it ("a 60-day ceasefire", "50 percent", "$50,000").
4. Find what the number counts from the dependency tree ("10 living hostages" → living hostages;
   "the remains of nine others" → remains; "narrowed from four to one" → the verb's subject).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.model import Amount
from storyline.resources import table, words
from storyline.stages import register_extensions, span_text

TIME_LABELS = {"DATE", "TIME"}
HYPHENS = {"-", "–", "‑"}
RANGE_WORDS = {"between", "and", "to", "from", "or", "-", "–", "some", "about", "nearly", "around"}
# left modifiers kept in the name of a counted object ("living hostages", "food aid")
OBJECT_MODIFIERS = {"amod", "compound", "nmod"}


@cache
def _number_words() -> dict[str, tuple[float, str]]:
    return {w: (float(v), kind) for w, v, kind in table("number_words.tsv")}


@cache
def _cues() -> tuple[tuple[tuple[str, ...], ...], dict[str, str]]:
    approx, units = [], {}
    for kind, phrase in table("amount_cues.tsv"):
        if kind == "approx":
            approx.append(tuple(phrase.split()))
        else:
            units[phrase] = phrase
    approx.sort(key=len, reverse=True)
    return tuple(approx), units


@cache
def _approx_by_length() -> tuple[tuple[int, frozenset[tuple[str, ...]]], ...]:
    """The approximation phrases grouped by length, longest first: the order _approx tries them in."""
    approx, _ = _cues()
    lengths = sorted({len(p) for p in approx}, reverse=True)
    return tuple((n, frozenset(p for p in approx if len(p) == n)) for n in lengths)


@Language.factory("storyline_amounts", assigns=["doc._.amounts"], requires=["token.dep", "token.tag"])
def make_amounts(nlp, name) -> AmountStage:  # noqa: ANN001 - see stages/__init__.py
    return AmountStage()


class AmountStage:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.amounts = find_amounts(doc)
        return doc


def find_amounts(doc: Doc) -> list[Amount]:
    amounts: list[Amount] = []
    runs = _number_runs(doc)
    used: set[int] = set()
    for index, (start, end) in enumerate(runs):
        if index in used:
            continue
        value = _value(doc[start:end])
        range_end = None
        span_start, span_end = start, end
        # 2. "from four to one", "between 10 and 15", "10 to 15"
        nxt = runs[index + 1] if index + 1 < len(runs) else None
        if nxt and nxt[0] == end + 1 and doc[end].lower_ in {"to", "and", "or"} | HYPHENS:
            opener = doc[start - 1].lower_ if start > 0 else ""
            if doc[end].lower_ in {"to"} | HYPHENS or opener == "between":
                range_end = _value(doc[nxt[0] : nxt[1]])
                used.add(index + 1)
                span_end = nxt[1]
                if opener in ("from", "between"):
                    span_start = start - 1
        # the number that hangs on the rest of the sentence: "four to one" on "one", "20 and 30" on "20"
        numbers = [t for t in doc[start:span_end] if _is_number(t)]
        head = next((t for t in numbers if not start <= t.head.i < span_end), numbers[-1])
        approx, span_start = _approx(doc, start, span_start)
        # "Thousands of Nigerians": a plural scale word is a round figure
        approx = approx or (doc[start].tag_ == "NNS" and doc[start].lower_ in _number_words())
        unit, span_end, unit_token = _unit(doc, start, span_end)
        if unit == "$" and span_start == start:
            span_start = start - 1
        first, last = doc[span_start], doc[span_end - 1]
        amounts.append(
            Amount(
                id=f"A{len(amounts) + 1}",
                text=span_text(doc, first.idx, last.idx + len(last)),
                start=first.idx,
                end=last.idx + len(last),
                value=value,
                object=_object(doc, head, unit_token),
                unit=unit,
                approx=approx,
                range_end=range_end,
            )
        )
    return amounts


# 1. runs of number tokens
def _is_number(token: Token) -> bool:
    if token.tag_ == "CD":
        return True
    word = token.lower_
    # "Thousands of Nigerians": a scale word in the plural counts on its own
    return word in _number_words() and _number_words()[word][1] == "scale" and token.tag_ == "NNS"


def _is_scale(token: Token) -> bool:
    return _number_words().get(token.lower_, (0.0, ""))[1] == "scale"


def _number_flags(doc: Doc) -> list[bool]:
    """:func:`_is_number` of every token, read from the tag and lower-case arrays: most words of an
    article are no number, and this builds no Token for them."""
    strings, number_words = doc.vocab.strings, _number_words()
    cd, nns = strings["CD"], strings["NNS"]
    flags = []
    for tag, lower in zip(doc.to_array(TAG).tolist(), doc.to_array(LOWER).tolist()):
        if tag == cd:
            flags.append(True)
        elif tag == nns:
            word = strings[lower]
            flags.append(word in number_words and number_words[word][1] == "scale")
        else:
            flags.append(False)
    return flags


def _number_runs(doc: Doc) -> list[tuple[int, int]]:
    timed = _time_tokens(doc)
    runs: list[tuple[int, int]] = []
    is_number = _number_flags(doc)
    n = len(doc)
    i = 0
    while i < n:
        if not is_number[i] or _value(doc[i : i + 1]) is None:
            i += 1
            continue
        j = i + 1
        # "two dozen": the scale word after a number is singular ("dozen", "hundred")
        while j < n and (is_number[j] or _is_scale(doc[j])) and doc[j].lower_ in _number_words() and _value(doc[i : j + 1]) is not None:
            j += 1
        if not (set(range(i, j)) & timed) or _counts_a_thing(doc, j):
            runs.append((i, j))
        i = j
    return runs


def _time_tokens(doc: Doc) -> set[int]:
    """Tokens of dates and clock times: the times stage's spans when it ran, else the NER's."""
    taken = {t.i for ent in doc.ents if ent.label_ == "ORDINAL" or ent.label_ in TIME_LABELS and _is_time(ent) for t in ent}
    for time in doc._.times or []:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is not None:
            taken.update(range(span.start, span.end))
    return taken


def _is_time(ent: Span) -> bool:
    """The NER calls "Between 20 and 30 villagers" a DATE: a date needs a time word or a year."""
    for token in ent:
        if token.like_num:
            if token.text.isdigit() and len(token.text) == 4:
                return True  # "in 2020"
        elif token.lower_ not in RANGE_WORDS:
            return True  # "March 3", "last week"
    return False


def _counts_a_thing(doc: Doc, end: int) -> bool:
    """A duration that modifies a noun is an amount ("a 60-day ceasefire", "a 24-hour strike")."""
    if end + 1 >= len(doc) or doc[end].text not in HYPHENS:
        return False
    unit = doc[end + 1]
    return unit.head.pos_ in ("NOUN", "PROPN") and unit.head.i > unit.i and unit.dep_ in ("amod", "compound", "nmod")


# 2. values
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")


def _value(span: Span) -> float | None:
    total, current = 0.0, 0.0
    for token in span:
        word = token.lower_.replace(",", "")
        if _DIGITS.match(token.text):
            try:
                current += float(word)
            except ValueError:  # "1.979.0": dots that are neither decimal point nor separator
                return None
        elif word in _number_words():
            value, kind = _number_words()[word]
            if kind == "scale":
                current = (current or 1.0) * value
                if value >= 1000:
                    total, current = total + current, 0.0
            else:
                current += value
        elif word in ("and", "-"):
            continue
        else:
            return None
    return total + current


# 3. approximations and units
def _approx(doc: Doc, start: int, span_start: int) -> tuple[bool, int]:
    before = [t.lower_ for t in doc[max(0, span_start - 3) : span_start]]
    for length, phrases in _approx_by_length():  # the longest phrase that ends the words before
        if len(before) >= length and tuple(before[-length:] if length else before) in phrases:
            if doc[span_start - 1].dep_ == "prt":
                break  # a verb's particle, not a bound: "handed over three hostages"
            return True, span_start - length
    return False, span_start


def _unit(doc: Doc, start: int, end: int) -> tuple[str | None, int, Token | None]:
    _, units = _cues()
    if start > 0 and doc[start - 1].text in units:  # "$50,000"
        return units[doc[start - 1].text], end, None
    i = end
    if i < len(doc) and doc[i].text in HYPHENS:  # "60-day"
        i += 1
    if i < len(doc):
        word = doc[i].lower_
        lemma = doc[i].lemma_.lower()
        for form in (word, lemma):
            if form in units:
                return units[form], i + 1, doc[i]
        if word == "per" and i + 1 < len(doc) and doc[i + 1].lower_ == "cent":
            return "percent", i + 2, doc[i + 1]
    return None, end, None


# 4. what the number counts
def _object(doc: Doc, number: Token, unit: Token | None) -> str | None:
    anchor = unit if unit is not None else number
    head = anchor.head
    if anchor.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod") and head.pos_ in ("NOUN", "PROPN") and head.i > anchor.i:
        if head.lower_ in words("amount_objects.txt"):
            return _of_owner(head) or head.text
        return _noun_phrase(head)
    if unit is not None and unit.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "ROOT") or number.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr", "conj"):
        base = unit if unit is not None else number
        # "Thousands of Nigerians", "25,000 tons of food aid"
        for child in base.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _noun_phrase(objects[0])
        if unit is not None:
            return None
        # "narrowed from four to one": the thing that changed is the verb's subject
        if number.dep_ == "pobj" and number.head.lower_ in ("from", "to") and number.head.head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in number.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return _noun_phrase(subjects[0])
    return None


def _of_owner(token: Token) -> str | None:
    """"the remains of nine others" → remains."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(token.head.head)
    return None


def _noun_phrase(head: Token) -> str:
    left = [c for c in head.lefts if c.dep_ in OBJECT_MODIFIERS and not _is_number(c) and c.text not in HYPHENS]
    left = [c for c in left if not any(_is_number(t) for t in c.subtree)]
    start = min([c.i for c in left], default=head.i)
    return " ".join(t.text for t in head.doc[start : head.i + 1] if t.i == head.i or t in left or t.dep_ in OBJECT_MODIFIERS)


__all__ = ["AmountStage", "find_amounts"]
