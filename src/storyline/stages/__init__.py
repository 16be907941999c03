"""The extraction stages, each a spaCy pipeline component registered by name.

Every stage reads the Doc and writes model objects onto it through the extensions
declared here; :func:`storyline.record.to_record` turns the annotated Doc into a Record.

====================  =====================================================
``doc._.article``     the Article (text and metadata, the DCT for dates)
``doc._.entities``    list[Entity], set by ``storyline_entities``
``doc._.times``       list[TimeExpr]
``doc._.statements``  list[Statement]
``doc._.events``      list[Event]
``doc._.amounts``     list[Amount]
====================  =====================================================

The factories (``make_entities`` and the others) leave their arguments unannotated: spaCy before 3.8.8,
which storyline installs on Python 3.11 for speed, validates a factory's arguments from their annotations
and cannot read the postponed (string) annotations these modules use.
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = ("article", "entities", "times", "statements", "events", "amounts")


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


TEXT_KEY = "storyline_text"


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text the Doc was made from (``pipeline.make_doc``), so :func:`doc_text` never joins it."""
    doc.user_data[TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined at most once: spaCy rebuilds ``doc.text`` from every token on each access,
    so a stage that reads it per match is quadratic in the article's length."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_text(doc: Doc, start: int, end: int) -> str:
    """The article's own characters from ``start`` to ``end`` (the Doc's text has plain spaces where
    the article may have others: see ``pipeline.make_doc``)."""
    article = doc._.article
    return (article.text if article is not None else doc_text(doc))[start:end]
