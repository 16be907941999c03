"""Dates and times: every temporal expression, with its TIMEX3 type, value and mod.

1. The rule grammar (:mod:`storyline.times.rules`) finds the expressions in the text; the parse vetoes
   a few matches that are other words ("May" the modal verb, a year that counts something: "2000 people").
2. Each expression is normalised against the publication date (the DCT, ``doc._.article.date``) and
   the tense of the verb that governs it: in a Wednesday article "said on Wednesday" is that day,
   "met on Tuesday" the day before, "will meet on Friday" the coming Friday. Without a DCT a relative
   expression keeps an X-pattern or no value, and its anchor says "no publication date".
3. :func:`governing_time` gives a later stage the expression attached to a verb or noun.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.model import TimeExpr
from storyline.stages import doc_text, register_extensions, span_text
from storyline.times import rules

NO_DCT = "no publication date"
FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}
# verbs whose infinitive complement lies ahead: "plans to meet on Friday", "is due to vote Monday"
FUTURE_GOVERNORS = {"plan", "schedule", "expect", "due", "set", "intend", "hope", "aim", "prepare", "want",
                    "seek", "propose", "agree", "promise", "threaten", "vow", "go"}
# a timetable, which may have passed by the DCT: "had been due to expire Friday"
SCHEDULE_GOVERNORS = {"due", "schedule", "set", "expect", "slate"}
PAST_AUX = {"had", "did", "was", "were"}
MODAL_AUX = {"would", "might", "may", "should", "must", "can"}  # "could" only before a bare verb: "could not be reached Monday" is past
# verbs that set a time for something still to come: "planned a rally on Saturday", "postponed
# the vote until Tuesday" — in past tense their date may lie either side of the DCT
PLANNING_VERBS = {"plan", "schedule", "reschedule", "postpone", "delay", "extend", "set", "slate", "defer",
                  "give", "call"}
# a deadline word before the expression: "until 9 a.m. Tuesday", "effective Feb. 1"
DEADLINE_BEFORE = re.compile(r"\b(?:until|till|effective)\s+(?:at\s+|on\s+)?$", re.I)
# a match from these rules is one token that may be another word
AMBIGUOUS_RULES = {"month", "year"}

if not Doc.has_extension("time_index"):
    Doc.set_extension("time_index", default=None)  # token index -> TimeExpr, for governing_time


@Language.factory("storyline_times", assigns=["doc._.times", "doc._.time_index"], requires=["token.dep", "token.tag"])
def make_times(nlp, name) -> TimeStage:  # noqa: ANN001 - see stages/__init__.py
    return TimeStage()


class TimeStage:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        dct = _parse_date(article.date) if article is not None else None
        ctx = rules.Context(dct, tense=lambda start, end: tense_at(doc, start, end))
        found = rules.find(doc_text(doc), ctx, keep=lambda start, end, rule: self.keep(doc, start, end, rule))
        times = []
        index: dict[int, TimeExpr] = {}
        for number, f in enumerate(found, 1):
            anchor = (dct.isoformat() if dct else NO_DCT) if f.relative else None
            expr = TimeExpr(id=f"T{number}", text=span_text(doc, f.start, f.end), start=f.start, end=f.end,
                            type=f.type, value=f.value, mod=f.mod, anchor=anchor)
            times.append(expr)
            span = doc.char_span(f.start, f.end, alignment_mode="expand")
            for token in span or ():
                index[token.i] = expr
        doc._.times = times
        doc._.time_index = index
        return doc

    @staticmethod
    def keep(doc: Doc, start: int, end: int, rule: str) -> bool:
        """Veto a one-word match that the parse says is another word."""
        if rule not in AMBIGUOUS_RULES:
            return True
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        if rule == "month":
            # "May" the modal verb: "May I ask"
            return not any(t.tag_ == "MD" for t in span)
        # a year that counts something: "2000 people", "1990 votes"; but "in 2024 prices rose" is a year
        first, last = span[0], span[-1]
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        after_preposition = first.i > 0 and doc[first.i - 1].tag_ == "IN"
        if nxt is not None and nxt.tag_ == "NNS" and last.dep_ == "nummod" and not after_preposition:
            return False
        return True


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause ``token`` sits in: up the dependency tree to the first verb."""
    seen = 0
    while seen < 12:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
        seen += 1
    return None


def tense_of(verb: Token) -> str | None:
    """"past", "present" or "future" for a verb, from its tag and its auxiliaries."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX or (verb.lemma_ == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children)):
        return "future"
    if "to" in aux and verb.tag_ == "VB":
        head = verb.head
        if head.i != verb.i and head.tag_ == "VBD" and head.lemma_ == "be":
            return "prospective"  # "the talks were to resume Friday": ahead of a past moment
        if head.i != verb.i and (head.lemma_ in FUTURE_GOVERNORS or head.lower_ == "going" or head.lemma_ == "be"):
            # "plans to meet Friday", "is to resume Tuesday"; but "was due to expire Friday" looks
            # ahead from a past moment, so Friday may be either side of the DCT
            if head.lemma_ not in SCHEDULE_GOVERNORS:
                return "future"  # an intention stays ahead: "had agreed to meet again on Monday"
            ruler = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)  # "due" → "had been"
            return "prospective" if ruler is not None and tense_of(ruler) == "past" else "future"
        if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return tense_of(head)
        return None
    if aux & MODAL_AUX and not aux & {"have", "'ve"} or (verb.tag_ == "VB" and "could" in aux):
        return "future"  # "would be travelling Thursday", "could come Tuesday"
    if verb.tag_ == "VBN" and aux & {"is", "are", "am", "'s", "'re"} and not aux & {"has", "have"}:
        return "present"  # a present passive: "is scheduled to close Monday"
    if aux & PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBN", "VBG") and aux & {"has", "have", "'ve"}:
        return "past"  # a present perfect looks back: "have been searching since Oct. 23"
    if verb.tag_ == "VBN":
        # a reduced relative is past too: "the record set on Aug. 6", "the year ended March 31"
        return "past" if verb.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl", "acl") else None
    if verb.tag_ == "VBG" and not aux and verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        # a participle clause under a past verb tells of the past: "fluctuated, rising from $29 in March"
        return "past" if tense_of(verb.head) == "past" else None
    if verb.tag_ in ("VBZ", "VBP") or aux & {"is", "are", "am"}:
        return "present"
    return None


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = governing_verb(span.root)
    if verb is not None and _before_its_clause(span, verb):
        verb = governing_verb(verb.head) if verb.head.i != verb.i else None
    tense = tense_of(verb) if verb is not None else None
    if tense == "past" and (verb.lemma_ in PLANNING_VERBS or DEADLINE_BEFORE.search(doc_text(doc)[max(0, start - 20):start])):
        return "prospective"
    return tense


def _before_its_clause(span: Span, verb: Token) -> bool:
    """The parse put the expression inside a clause that only begins after it, at "that": in "warned on
    Thursday that strikes could do harm", Thursday belongs to "warned", not to "could do"."""
    return verb.i >= span.end and any(c.dep_ == "mark" and span.end <= c.i < verb.i for c in verb.children)


def governing_time(doc: Doc, span: Span | Token) -> TimeExpr | None:
    """The temporal expression attached to ``span``'s head (an event trigger, a reporting verb) or
    to its clause, without crossing into another clause's verb.

    "Netanyahu said on Wednesday that talks met on Tuesday": "said" → Wednesday, "met" → Tuesday.
    A noun trigger ("the strike on Monday") takes an expression under it, else its verb's.
    """
    index = doc._.time_index or {}
    if not index:
        return None
    head = span if isinstance(span, Token) else span.root
    found = _time_under(head, index)
    if found is not None or head.pos_ in ("VERB", "AUX"):
        return found
    verb = governing_verb(head)
    return _time_under(verb, index) if verb is not None else None


TEMPORAL_PREPOSITIONS = {"before", "after", "during", "since", "until", "till", "following", "ahead", "amid"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "csubj", "csubjpass", "parataxis", "conj", "acl"}


def _time_under(head: Token, index: dict[int, TimeExpr]) -> TimeExpr | None:
    """The nearest temporal expression among ``head``'s dependents, not entering a clause with its own
    verb, nor a noun's own modifiers: in "acknowledged during the visit since the inauguration on
    January 20", the date belongs to the inauguration, not to "acknowledged". The one noun searched is
    the object of a temporal preposition on the head ("met before Netanyahu’s arrival on Tuesday")."""
    best: tuple[int, TimeExpr] | None = None
    stack = [(child, 1) for child in head.children]
    while stack:
        token, depth = stack.pop()
        if token.dep_ in CLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
            continue
        if token.i in index:
            if best is None or depth < best[0]:
                best = (depth, index[token.i])
            continue
        if token.pos_ in ("NOUN", "PROPN", "PRON") and not _temporal_object(token, head):
            continue
        stack.extend((child, depth + 1) for child in token.children)
    return best[1] if best else None


def _temporal_object(token: Token, head: Token) -> bool:
    return token.dep_ == "pobj" and token.head.head == head and token.head.lower_ in TEMPORAL_PREPOSITIONS
