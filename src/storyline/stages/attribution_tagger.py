"""A trained tagger for attributions: one BIO tag per token for CUE, SOURCE and CONTENT.

The weights (src/storyline/resources/models/attribution/, see MODEL.md there) were learned from
PolNeAR train by training/train_attribution.py; the network is a small head over the English
pipeline's own tok2vec output and parse (:mod:`storyline.learned.attribution_model`), so the stage
must run after the spaCy pipeline's tok2vec and parser.

``doc._.attribution_tags`` holds the tags (list[str], one per token, e.g. ``B-SOURCE``);
:func:`attributions` groups the tagged spans into (cue, source, content) triples.

Linking a SOURCE or CONTENT span to a CUE span, first rule that applies:

1. Syntax: a token of the span is a child of a cue token ("Officials said the bridge would reopen":
   "Officials" is nsubj and "reopen" the ccomp of "said").
2. The nearest cue in the same sentence ("“It is over,” the minister said.").
3. The nearest cue in the same paragraph, counting tokens between the two spans ("He said: ¶" stops).

A cue keeps the nearest of its sources; its contents merge into one span from the first to the last
(a quote broken by its cue: “The plan,” she said, “is dead.”), as PolNeAR scores a broken content by
its outer extent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.learned import attribution_model as am

MODEL_DIR = Path(__file__).resolve().parent.parent / "resources" / "models" / "attribution"

if not Doc.has_extension("attribution_tags"):
    Doc.set_extension("attribution_tags", default=None)


@Language.factory(
    "storyline_attribution_tagger",
    assigns=["doc._.attribution_tags"],
    requires=["doc.tensor", "token.dep", "token.pos"],
    default_config={"model_dir": None},
)
def make_attribution_tagger(nlp, name, model_dir) -> AttributionTagger:  # noqa: ANN001 - see stages/__init__.py
    return AttributionTagger(Path(model_dir) if model_dir else MODEL_DIR)


class AttributionTagger:
    """Tags each token of a parsed Doc with B-/I-CUE, B-/I-SOURCE, B-/I-CONTENT or O."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.config = am.Config.load(model_dir / "config.json")
        self.model = am.build(self.config)
        self.model.from_disk(model_dir / "model.bin")

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        todo = [d for d in docs if len(d)]
        if todo:
            scores = self.model.predict([am.features(d, self.config) for d in todo])
            for doc, s in zip(todo, scores):
                doc._.attribution_tags = am.decode(s, self.config.tags, self.config.tag_bias)
        for doc in docs:
            if not len(doc):
                doc._.attribution_tags = []
        return docs


@dataclass(frozen=True)
class TaggedAttribution:
    """One attribution as the tagger sees it; source and content may be missing."""

    cue: Span
    source: Span | None
    content: Span | None


def _gap(a: Span, b: Span) -> int:
    """Tokens strictly between two spans (0 when they touch or overlap)."""
    return max(0, b.start - a.end, a.start - b.end)


def _paragraph_break(doc: Doc, a: Span, b: Span) -> bool:
    lo, hi = min(a.end, b.end), max(a.start, b.start)
    return any("\n" in t.text or "\n" in t.whitespace_ for t in doc[max(lo - 1, 0) : hi])


def _cue_for(span: Span, cues: list[Span]) -> int | None:
    """The index of the cue this source/content belongs to (rules 1-3 of the module docstring)."""
    doc = span.doc
    for i, cue in enumerate(cues):  # 1. syntax
        if any(t.head.i != t.i and cue.start <= t.head.i < cue.end for t in span):
            return i
    same_sentence = [i for i, c in enumerate(cues) if c.sent.start == span.sent.start or c.sent == span[0].sent]
    if same_sentence:  # 2. same sentence
        return min(same_sentence, key=lambda i: _gap(span, cues[i]))
    nearby = [i for i, c in enumerate(cues) if not _paragraph_break(doc, span, c)]
    if nearby:  # 3. same paragraph
        return min(nearby, key=lambda i: _gap(span, cues[i]))
    return None


def attributions(doc: Doc) -> list[TaggedAttribution]:
    """The tagged spans of a Doc grouped into attributions, one per CUE span, in text order."""
    tags = doc._.attribution_tags or []
    found = [doc[s:e] for _, s, e in am.spans(tags)]
    roles = [role for role, _, _ in am.spans(tags)]
    cues = [s for s, r in zip(found, roles) if r == "CUE"]
    sources: dict[int, list[Span]] = {}
    contents: dict[int, list[Span]] = {}
    for span, role in zip(found, roles):
        if role == "CUE" or not cues:
            continue
        i = _cue_for(span, cues)
        if i is not None:
            (sources if role == "SOURCE" else contents).setdefault(i, []).append(span)
    out = []
    for i, cue in enumerate(cues):
        source = min(sources.get(i, []), key=lambda s: _gap(s, cue), default=None)
        parts = contents.get(i, [])
        content = doc[min(p.start for p in parts) : max(p.end for p in parts)] if parts else None
        out.append(TaggedAttribution(cue, source, content))
    return out
