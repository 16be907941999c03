"""The one converter: an annotated Doc becomes a Record, the output contract."""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.model import Record


def to_record(doc: Doc) -> Record:
    return Record(
        article=doc._.article,
        entities=doc._.entities or [],
        times=doc._.times or [],
        statements=doc._.statements or [],
        events=doc._.events or [],
        amounts=doc._.amounts or [],
    )
