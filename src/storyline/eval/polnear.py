"""Score the statements stage on PolNeAR (attribution relations in brat standoff).

A compartment directory holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; the
publication dates are in ``metadata.tsv`` one level up. Each relation (an ``E`` line) joins a cue,
an optional source and a content; any of them may be discontinuous (``0 5;9 14``) and a second
content fragment may come as ``Content2``. We compare spans by their outer extent, because a
Statement keeps one span for each part:

- exact: the same start and end once surrounding whitespace is trimmed;
- overlap: at least one character in common;
- attribution: one predicted statement whose cue, source and content all overlap those of the same
  gold relation (a relation without source matches a statement without source).

Matching is one to one (a gold span is used once). Precision and recall are micro-averaged over
documents; a document annotated by several annotators counts once, scored against each annotator with
weight 1/k, so its scores are the mean over annotators. ``Discard`` and ``Discuss`` regions
(boilerplate, cases the annotators left undecided) are not scored: predictions whose cue lies in one
are dropped.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline import errors
from storyline.model import Record

Extent = tuple[int, int]
PARTS = ("cue", "source", "content")
IGNORED_LABELS = {"Discard", "Discuss"}


@dataclass(frozen=True)
class Relation:
    """One attribution: the outer extent of its cue, source (None when it has none) and content."""

    cue: Extent
    source: Extent | None
    content: Extent | None


@dataclass
class Annotation:
    annotator: str
    relations: list[Relation]
    ignored: list[Extent] = field(default_factory=list)


@dataclass
class GoldDoc:
    name: str
    text: str
    date: str | None
    annotations: list[Annotation]


def _extent(text: str, fragments: list[Extent]) -> Extent:
    start, end = min(s for s, _ in fragments), max(e for _, e in fragments)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def read_ann(path: Path, text: str) -> Annotation:
    """One annotator's relations in one article."""
    spans: dict[str, tuple[str, list[Extent]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            fragments = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            spans[parts[0]] = (label, [f for f in fragments if len(f) == 2])  # type: ignore[misc]
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role.rstrip("0123456789")].append(ref)
            events.append(roles)
    relations = []
    for roles in events:
        cue = [f for ref in roles.get("Cue", []) if ref in spans for f in spans[ref][1]]
        if not cue:
            continue
        source = [f for ref in roles.get("Source", []) if ref in spans for f in spans[ref][1]]
        content = [f for ref in roles.get("Content", []) if ref in spans for f in spans[ref][1]]
        relations.append(
            Relation(
                _extent(text, cue),
                _extent(text, source) if source else None,
                _extent(text, content) if content else None,
            )
        )
    ignored = [_extent(text, frags) for label, frags in spans.values() if label in IGNORED_LABELS and frags]
    annotator = path.stem.rsplit("_", 1)[-1]
    return Annotation(annotator, relations, ignored)


def _dates(directory: Path) -> dict[str, str]:
    metadata = directory.parent / "metadata.tsv"
    if not metadata.exists():
        return {}
    with metadata.open(encoding="utf-8", newline="") as f:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(f, delimiter="\t")}


def compartment(directory: str | Path, limit: int | None = None) -> Iterator[tuple[Path, str, list[Path]]]:
    """``(text file, text, its .ann files)`` for each annotated article of a PolNeAR compartment, in name
    order: the layout both the scorer and the tagger's training read."""
    directory = Path(directory)
    texts, anns = directory / "text", directory / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise errors.InputError(f"{directory} has no text/ and attributions/ directories (a PolNeAR compartment)")
    by_name: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted(anns.glob("*.ann")):
        by_name[ann.stem.rsplit("_", 1)[0]].append(ann)
    found = 0
    for path in sorted(texts.glob("*.txt")):
        if path.stem not in by_name:
            continue
        yield path, path.read_text(encoding="utf-8"), by_name[path.stem]
        found += 1
        if limit is not None and found >= limit:
            return


def read_corpus(directory: str | Path, limit: int | None = None) -> list[GoldDoc]:
    """The annotated articles of one PolNeAR compartment, in name order."""
    dates = _dates(Path(directory))
    return [
        GoldDoc(path.stem, text, dates.get(path.stem), [read_ann(a, text) for a in anns])
        for path, text, anns in compartment(directory, limit)
    ]


def relations_of(record: Record) -> list[Relation]:
    """A Record's statements as relations: cue, the span naming the speaker, content. A statement known
    through a report ("“…,” Sanders said, according to CNN") is part of the report's content, the
    only attribution PolNeAR marks there (for 62 of the 78 such statements storyline finds in train)."""

    def extent(span) -> Extent | None:  # noqa: ANN001 - a model Span or None
        return (span.start, span.end) if span is not None else None

    return [Relation(extent(s.cue), extent(s.source), extent(s.content)) for s in record.statements
            if s.reported_by is None]  # type: ignore[arg-type]


def overlap(a: Extent, b: Extent) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_matches(pred: list[Extent], gold: list[Extent], exact: bool) -> int:
    """How many predicted spans pair one to one with a gold span (largest overlaps first)."""
    if exact:
        left = defaultdict(int)
        for g in gold:
            left[g] += 1
        hits = 0
        for p in pred:
            if left[p] > 0:
                left[p] -= 1
                hits += 1
        return hits
    pairs = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if overlap(p, g) > 0),
        reverse=True,
    )
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def relation_matches(pred: list[Relation], gold: list[Relation]) -> int:
    def fits(p: Relation, g: Relation) -> bool:
        if overlap(p.cue, g.cue) == 0:
            return False
        if (p.source is None) != (g.source is None):
            return False
        if p.source is not None and g.source is not None and overlap(p.source, g.source) == 0:
            return False
        return p.content is not None and g.content is not None and overlap(p.content, g.content) > 0

    used: set[int] = set()
    hits = 0
    for p in pred:
        for j, g in enumerate(gold):
            if j not in used and fits(p, g):
                used.add(j)
                hits += 1
                break
    return hits


def _counts(pred: list[Relation], gold: list[Relation]) -> dict[str, float]:
    """True positives and totals for one document against one annotator."""
    out: dict[str, float] = {}
    for part in PARTS:
        p = [getattr(r, part) for r in pred if getattr(r, part) is not None]
        g = [getattr(r, part) for r in gold if getattr(r, part) is not None]
        for mode in ("exact", "overlap"):
            out[f"{part}_{mode}_tp"] = span_matches(p, g, mode == "exact")
        out[f"{part}_pred"], out[f"{part}_gold"] = len(p), len(g)
    out["attribution_tp"] = relation_matches(pred, gold)
    out["attribution_pred"], out["attribution_gold"] = len(pred), len(gold)
    return out


def _prf(tp: float, pred: float, gold: float) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[GoldDoc], predictions: Iterable[list[Relation]]) -> dict[str, float]:
    """Precision, recall and F1 for cue, source and content spans and for whole attributions."""
    totals: dict[str, float] = defaultdict(float)
    for doc, pred in zip(docs, predictions, strict=True):
        for ann in doc.annotations:
            kept = [r for r in pred if not any(overlap(r.cue, region) for region in ann.ignored)]
            for key, value in _counts(kept, ann.relations).items():
                totals[key] += value / len(doc.annotations)
    scores: dict[str, float] = {}
    for part in PARTS:
        for mode in ("exact", "overlap"):
            p, r, f = _prf(totals[f"{part}_{mode}_tp"], totals[f"{part}_pred"], totals[f"{part}_gold"])
            scores.update({f"{part}_{mode}_p": p, f"{part}_{mode}_r": r, f"{part}_{mode}_f1": f})
    p, r, f = _prf(totals["attribution_tp"], totals["attribution_pred"], totals["attribution_gold"])
    scores.update({"attribution_p": p, "attribution_r": r, "attribution_f1": f, "documents": float(len(docs))})
    return {k: round(v, 4) for k, v in scores.items()}


def speaker_resolution(docs: list[GoldDoc], records: list[Record]) -> dict[str, float]:
    """How often a statement whose gold source names someone gets that someone as its speaker.

    Among predicted statements whose source overlaps a gold source headed by a name (a name mention
    that storyline found, not followed by a possessive or a common noun and not the object of a
    preposition: "Clinton", "the White House", "Ben Carson, a neurosurgeon" — not "Clinton aides",
    "Trump’s campaign manager" or "supporters of Clinton"), the share whose speaker entity has a
    mention inside that gold source (``named_speaker_resolved``), and the stricter share whose speaker is
    the heading name itself (has a mention overlapping it: ``named_speaker_exact``; "Deborah Tamargo, the
    chairwoman of the county GOP" resolved to the GOP counts for the first, not the second). Pronoun sources ("he", "she", "they", "it"; not "you", "I", "we") are counted apart: the share that got a speaker at
    all, since without gold coreference we cannot check which one.
    """
    named = named_ok = named_exact = pronoun = pronoun_ok = 0.0
    for doc, record in zip(docs, records, strict=True):
        mentions = {e.id: [(m.start, m.end) for m in e.mentions] for e in record.entities}
        names = [(m.start, m.end) for e in record.entities for m in e.mentions if m.kind == "name"]
        weight = 1 / len(doc.annotations)
        for ann in doc.annotations:
            sources = [r.source for r in ann.relations if r.source is not None]
            for statement in record.statements:
                if statement.source is None:
                    continue
                mine = (statement.source.start, statement.source.end)
                gold = next((g for g in sources if overlap(mine, g)), None)
                if gold is None:
                    continue
                words = doc.text[gold[0] : gold[1]].split()
                heading = [(start, end) for start, end in names
                           if gold[0] <= start and end <= gold[1] and _heads(doc.text, gold[0], start, end, gold[1])]
                if heading:
                    named += weight
                    spans = mentions.get(statement.speaker or "", [])
                    named_ok += weight * any(overlap(m, gold) for m in spans)
                    named_exact += weight * any(overlap(m, name) for m in spans for name in heading)
                elif len(words) == 1 and words[0].lower() in PRONOUNS:
                    pronoun += weight
                    pronoun_ok += weight * (statement.speaker is not None)
    return {
        "named_speaker_resolved": round(named_ok / named, 4) if named else 0.0,
        "named_speaker_exact": round(named_exact / named, 4) if named else 0.0,
        "named_sources": round(named, 1),
        "pronoun_speaker_resolved": round(pronoun_ok / pronoun, 4) if pronoun else 0.0,
        "pronoun_sources": round(pronoun, 1),
    }


def _heads(text: str, first: int, start: int, end: int, stop: int) -> bool:
    """A name heads its phrase (``first``–``stop``) when no possessive or lowercase noun follows it
    ("Clinton aides") and no preposition before it makes it an object ("supporters of Democrat Hillary
    Clinton", "a spokesman for the Jupiter Police Department", "officials, including Gov. Chris
    Christie": the speaker is not the one named). A preposition inside a capitalised title does not
    count ("Secretary of State Hillary Clinton")."""
    rest = text[end:stop].lstrip()
    if rest[:2] in ("’s", "'s") or rest[:1] in ("’", "'") or rest[:1].islower():
        return False
    words = text[first:start].split()
    for i, word in enumerate(words):
        in_title = 0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
        if word.lower() in NAME_PREPOSITIONS and not in_title:
            return False
    return True


# "you" is left out: it addresses the reader or an interviewee, whom the text does not name before
# it, so any speaker found for it would be a wrong one (and finding such statements would count as a miss).
# So are "I" and "we": outside a quote they are the writer, whom no entity names, unless a transcript
# line or an interview answer gives the speaker; "resolved at all" would reward any entity for them.
PRONOUNS = {"he", "she", "they", "it"}
# a name after one of these is what its phrase is about, not who it is: "supporters of Clinton"
NAME_PREPOSITIONS = {"of", "for", "to", "with", "by", "from", "in", "at", "on", "including", "like", "among"}


def records(docs: list[GoldDoc], extract: Callable[..., Record] | None = None) -> Iterator[Record]:
    """Run storyline over the gold articles (with their publication dates)."""
    from storyline.ingest.readers import make_article
    from storyline.pipeline import extract_many

    articles = (make_article(doc.text, id=doc.name, date=doc.date) for doc in docs)
    for item in extract_many(articles):
        if not isinstance(item, Record):
            raise errors.InputError(f"{item.where}: {item.reason}")
        yield item


def agreement(docs: list[GoldDoc]) -> dict[str, float]:
    """How far PolNeAR's annotators agree, by the measures storyline is scored on: on every article
    more than one annotator annotated, each annotator's relations are scored as a prediction against
    the others (mean over them), and the totals are summed over annotators and articles."""
    pseudo, predictions = [], []
    for doc in docs:
        if len(doc.annotations) < 2:
            continue
        for i, ann in enumerate(doc.annotations):
            others = doc.annotations[:i] + doc.annotations[i + 1 :]
            pseudo.append(GoldDoc(doc.name, doc.text, doc.date, others))
            predictions.append(ann.relations)
    scores = score(pseudo, predictions)
    scores["documents"] = float(sum(len(d.annotations) >= 2 for d in docs))
    return scores


def evaluate_agreement(directory: str | Path) -> dict[str, dict[str, float]]:
    """Annotators against each other and storyline against them, on the articles of a compartment
    that several annotators annotated: how close the scores come to the gold's own ceiling."""
    docs = [d for d in read_corpus(directory) if len(d.annotations) >= 2]
    if not docs:
        raise errors.InputError(f"{directory}: no article has more than one annotator")
    found = list(records(docs))
    return {"annotators": agreement(docs), "storyline": score(docs, [relations_of(r) for r in found])}


def evaluate(directory: str | Path, limit: int | None = None) -> dict[str, float]:
    """Read a PolNeAR compartment, run storyline over it and score the statements."""
    docs = read_corpus(directory, limit)
    found = list(records(docs))
    scores = score(docs, [relations_of(r) for r in found])
    scores.update(speaker_resolution(docs, found))
    return scores
