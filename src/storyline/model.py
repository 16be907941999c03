"""The one data model: what storyline says about an article.

Every span carries character offsets into ``Article.text`` (``text[start:end]``
is the span's text). Stages build these objects on the spaCy Doc
(``doc._.entities``, ``doc._.times``, …); :func:`storyline.record.to_record`
gathers them into a :class:`Record`, the output contract. The JSON Schema in
``schema/record.schema.json`` is generated from these classes
(``make schema``, which runs ``storyline schema``)
and a test checks that it is current.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "storyline/1"

EntityType = Literal[
    "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"
]
MentionKind = Literal["name", "descriptor", "pronoun"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
StatementKind = Literal["direct", "indirect", "mixed", "no_comment"]
EventStatus = Literal["asserted", "reported", "planned", "hypothetical", "negated", "ongoing"]
DateSource = Literal["time", "statement", "unresolved"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def to_json(self) -> str:
        """One line of JSON, field names as in the schema (pydantic's serializer, a third of the time of
        ``json.dumps(to_dict())``)."""
        return self.model_dump_json(by_alias=True)


class Span(_Model):
    """A stretch of the article text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(_Model):
    id: str
    title: str | None = None
    date: str | None = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD)")
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str = "en"
    text: str


class Mention(Span):
    kind: MentionKind = "name"


class Entity(_Model):
    id: str
    name: str = Field(description="Canonical name: the fullest name the article uses")
    type: EntityType
    titles: list[str] = []
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    mentions: list[Mention] = []


class TimeExpr(Span):
    id: str
    type: TimeType
    value: str | None = Field(None, description="TIMEX3 value; null when it cannot be resolved")
    mod: str | None = None
    anchor: str | None = Field(None, description="What a relative value was resolved against")


class Statement(_Model):
    id: str
    speaker: str | None = Field(None, description="Entity id")
    speaker_text: str | None = None
    source: Span | None = Field(None, description="Where the statement names its speaker: 'he', 'the White House'")
    cue: Span
    content: Span
    content_parts: list[Span] = Field(
        [], description="The pieces of a quote split by its cue and speaker (“…,” she said, “…”), in order; "
        "empty when the content is one piece. `content` runs from the first piece to the last")
    kind: StatementKind
    time: str | None = Field(None, description="TimeExpr id")
    channel: Span | None = None
    hedge: Span | None = None
    reported_by: str | None = Field(
        None, description="Statement id of the report this statement is known through: "
        "“…,” Sanders said, according to CNN")

    def said(self) -> str:
        """The words said: the content, or its pieces joined by " … " where the cue splits it."""
        return " … ".join(part.text for part in self.content_parts) or self.content.text


class SentenceRef(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(_Model):
    id: str
    type: str = Field(description="PLOVER category")
    mode: str | None = None
    trigger: Span
    source: list[str] = Field([], description="Entity ids")
    target: list[str] = Field([], description="Entity ids")
    mediator: list[str] = Field([], description="Entity ids of a third party that facilitates the event")
    source_spans: list[Span] = Field([], description="The text the source actors rest on")
    target_spans: list[Span] = Field([], description="The text the target actors rest on")
    location: list[str] = Field([], description="Entity ids")
    date: str | None = Field(None, description="TIMEX3 value")
    date_source: DateSource = "unresolved"
    status: EventStatus = "asserted"
    reported_by: str | None = Field(None, description="Statement id")
    amounts: list[str] = Field([], description="Amount ids")
    sentence: SentenceRef


class Amount(Span):
    id: str
    value: float | None = None
    object: str | None = Field(None, description="What the number counts")
    unit: str | None = Field(None, description="Unit of measure: day, percent, dollar …")
    approx: bool = Field(False, description="Stated as an approximation or a bound (about, nearly, up to)")
    range_end: float | None = Field(None, description="Second number of a range or change (from four to one)")


class Failure(_Model):
    """An article that could not be processed, and why."""

    where: str = Field(description="File, and line or record number when there is one")
    code: str
    reason: str


class Record(_Model):
    """One article, read: the output of ``storyline extract``."""

    schema_: str = Field(SCHEMA_VERSION, alias="schema")
    article: Article
    entities: list[Entity] = []
    times: list[TimeExpr] = []
    statements: list[Statement] = []
    events: list[Event] = []
    amounts: list[Amount] = []

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True)


def json_schema() -> dict:
    schema = Record.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_VERSION
    return schema

