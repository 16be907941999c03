"""Hand-built Records for the store tests: every kind of object, offsets computed from the text."""

from __future__ import annotations

from storyline.model import (Amount, Article, Entity, Event, Mention, Record, SentenceRef, Span, Statement,
                             TimeExpr)


def span(text: str, phrase: str, after: int = 0) -> Span:
    start = text.index(phrase, after)
    return Span(text=phrase, start=start, end=start + len(phrase))


def mention(text: str, phrase: str, kind: str = "name", after: int = 0) -> Mention:
    s = span(text, phrase, after)
    return Mention(text=s.text, start=s.start, end=s.end, kind=kind)


def entity(id: str, name: str, type: str, text: str, *phrases: str, titles=(), country=None) -> Entity:
    return Entity(id=id, name=name, type=type, titles=list(titles), country=country,
                  mentions=[mention(text, p) for p in (phrases or (name,))])


def meeting_record(article_id: str = "m1", date: str = "2025-07-09", *, person: str = "Benjamin Netanyahu",
                   said: str = "Netanyahu", visited: str = "Qatar", event_date: str | None = "2025-07-08") -> Record:
    """A person meets officials of a country and talks about it: one of each kind of object."""
    text = (f"{person} met officials from {visited} in Doha on Tuesday to discuss a ceasefire. "
            f"\"The talks were useful,\" {said} said after the meeting, adding that 300 prisoners could be freed.")
    first_sentence = text.index(". ") + 1
    quote_start = text.index('"')
    return Record(
        article=Article(id=article_id, title=f"{person} in {visited}", date=date, source="Test Wire", text=text),
        entities=[
            Entity(id="E1", name=person, type="PERSON", titles=["Prime Minister"], country="ISR",
                   mentions=[mention(text, person), mention(text, said, after=quote_start)]),
            entity("E2", visited, "GPE", text, visited, country="QAT"),
            entity("E3", "Doha", "GPE", text, country="QAT"),
        ],
        times=[TimeExpr(id="T1", type="DATE", value=event_date, anchor=date, **span(text, "Tuesday").model_dump())],
        statements=[Statement(
            id="S1", speaker="E1", speaker_text=said, cue=span(text, "said", quote_start),
            content=span(text, "The talks were useful,"), kind="direct", time=None,
        )],
        events=[Event(
            id="V1", type="CONSULT", trigger=span(text, "met"), source=["E1"], target=["E2"], location=["E3"],
            date=event_date, date_source="time" if event_date else "unresolved", status="asserted",
            amounts=["A1"], sentence=SentenceRef(start=0, end=first_sentence),
        )],
        amounts=[Amount(id="A1", value=300.0, object="prisoners", **span(text, "300").model_dump())],
    )
