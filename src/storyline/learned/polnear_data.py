"""Read PolNeAR attributions (brat standoff) as role spans and as one role per spaCy token.

A compartment directory holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``. An ``E``
line joins an attribution's Cue, Source and Content (``T`` lines); any ``T`` may be discontinuous
(``0 5;9 14``) and a relation may have a second content (``Content2``). ``Discard`` and ``Discuss``
mark regions the annotators left out; they are not scored.

Flattening to one role per token: PolNeAR is "univocal" (each token has one label, in at most one
attribution), but a few annotations still overlap. Fragments are painted longest first, so a shorter
span inside a longer one keeps its own role (a cue nested in an outer content stays a cue).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from storyline.eval.polnear import Relation, compartment

Extent = tuple[int, int]
ROLES = ("CUE", "SOURCE", "CONTENT")
IGNORED_LABELS = {"Discard", "Discuss"}
_ROLE_OF = {"Cue": "CUE", "Source": "SOURCE", "Content": "CONTENT"}


@dataclass
class Annotation:
    """One annotator's reading of one article."""

    annotator: str
    relations: list[Relation]
    fragments: list[tuple[str, Extent]]  # (role, fragment) for every cue/source/content fragment
    ignored: list[Extent] = field(default_factory=list)


@dataclass
class PolnearDoc:
    name: str
    text: str
    annotations: list[Annotation]  # sorted by annotator id; annotations[0] is the one we train on


def trim(text: str, start: int, end: int) -> Extent:
    """The extent without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _outer(text: str, fragments: list[Extent]) -> Extent | None:
    if not fragments:
        return None
    return trim(text, min(s for s, _ in fragments), max(e for _, e in fragments))


def read_ann(path: Path, text: str) -> Annotation:
    """One ``.ann`` file: relations by outer extent, plus every role fragment as written."""
    spans: dict[str, tuple[str, list[Extent]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if line.startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            frags = []
            for piece in offsets.split(";"):
                numbers = piece.split()
                if len(numbers) == 2:
                    frags.append((int(numbers[0]), int(numbers[1])))
            spans[parts[0]] = (label, frags)
        elif line.startswith("E"):
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role.rstrip("0123456789")].append(ref)
            events.append(roles)
    relations, fragments = [], []
    for roles in events:
        parts_of = {r: [f for ref in roles.get(r, []) if ref in spans for f in spans[ref][1]] for r in _ROLE_OF}
        if not parts_of["Cue"]:
            continue
        relations.append(
            Relation(
                _outer(text, parts_of["Cue"]),  # type: ignore[arg-type]
                _outer(text, parts_of["Source"]),
                _outer(text, parts_of["Content"]),
            )
        )
        for brat_role, role in _ROLE_OF.items():
            fragments.extend((role, trim(text, s, e)) for s, e in parts_of[brat_role])
    ignored = [ext for label, frags in spans.values() if label in IGNORED_LABELS and (ext := _outer(text, frags))]
    return Annotation(path.stem.rsplit("_", 1)[-1], relations, fragments, ignored)


def read_compartment(directory: str | Path, limit: int | None = None) -> list[PolnearDoc]:
    """The annotated articles of one PolNeAR compartment (train, dev…), in name order."""
    return [
        PolnearDoc(path.stem, text, sorted((read_ann(a, text) for a in anns), key=lambda a: a.annotator))
        for path, text, anns in compartment(directory, limit)
    ]


def token_tags(doc: Doc, annotation: Annotation) -> list[str]:
    """One BIO tag per token ("B-CUE", "I-CONTENT", "O"…): a token takes the role of the fragment that
    holds its first character; shorter fragments win over longer ones that contain them, and a tag
    starts with B- wherever a new fragment begins."""
    starts = [t.idx for t in doc]
    owner = [-1] * len(doc)
    ordered = sorted(annotation.fragments, key=lambda f: f[1][0] - f[1][1])  # longest first
    for n, (_, (s, e)) in enumerate(ordered):
        i = bisect.bisect_left(starts, s)
        if i > 0 and starts[i - 1] + len(doc[i - 1]) > s:  # the fragment starts inside a token
            i -= 1
        while i < len(doc) and starts[i] < e:
            owner[i] = n
            i += 1
    tags = []
    for i, n in enumerate(owner):
        if n < 0:
            tags.append("O")
        else:
            role = ordered[n][0]
            same = i > 0 and owner[i - 1] == n
            tags.append(f"I-{role}" if same else f"B-{role}")
    return tags
