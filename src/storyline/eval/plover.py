"""Score the events stage on the PLOVER gold standard records (PLOVER_GSR_CAMEO.txt).

The gold file is a JSON array; each record (but the DOCUMENT header) is one sentence, ``text``, with one
gold event: ``event`` (category), ``mode``, ``source``/``target`` (lists of ``{actorText, …}``) and
``textInfo.markup``, the sentence with ``(EVT: …)``, ``(SRC: …)``, ``(TAR: …)`` marks.

The records were coded in PLOVER v0.5b1; their categories and modes are first mapped to today's
(resources/plover_mapping.tsv: DEMAND → REQUEST, DISAPPROVE → ACCUSE, FIGHT → ASSAULT, …).

Matching, precisely:

- Each record's ``text`` is read as an article of its own (no publication date) by the full pipeline.
- The gold trigger spans are the ``(EVT: …)`` marks, found in ``text`` in order.
- The predicted event for a record is the first event, in text order, whose trigger overlaps a gold
  trigger span. No other property of the gold record is used to choose it. A record with no such
  event is a miss on every measure.
- ``category_accuracy``: the share of records whose predicted event has the gold category, comparing
  :func:`storyline.stages.events.plover_category` (PLOVER codes a planned or hypothetical cooperative act
  as AGREE, a hostile one as THREATEN, a negated cooperative act as REJECT).
- ``source_match`` / ``target_match``: among records with a gold source (target), the share whose
  predicted event has a source (target) phrase sharing a content word (case-folded, stop words and
  possessive endings removed) with a gold actorText. An event with no target offers its location.
- ``mode_accuracy``: among records whose gold mode is a mode of today for its category, the share
  whose predicted event has that mode.
- ``overgeneration``: events predicted beyond the matched one, per record:
  (all predicted events − matched records) / records. Lower is better.

Scores are also given for two fixed halves split by a hash of the record id (``tune`` and
``heldout``). The events rules were refined on errors from all records, so the halves show the spread
of the scores, not an estimate on unseen text; a rule tuned on one half only should be checked on the
other.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from storyline import errors
from storyline.model import Article, Record
from storyline.resources import table

METRICS = ("category_accuracy", "source_match", "target_match", "mode_accuracy", "overgeneration")
STOP = frozenset(
    "the a an of in on at to for from and or by with its his her their our 's ’s s".split()
)
_EVT = re.compile(r"\(EVT:\s*((?:[^()]|\([^()]*\))*?)\s*\)")
_TAG = re.compile(r"\((?:SRC|TAR|LOC|EVT|SRC/TAR|TAR/LOC|SRC/LOC)\s*:\s*")


@dataclass
class GoldRecord:
    id: str
    text: str
    category: str
    mode: str | None
    sources: list[str]
    targets: list[str]
    triggers: list[tuple[int, int]]

    @property
    def split(self) -> str:
        """A fixed half of the records: ``tune`` or ``heldout``, by a hash of the id."""
        return "tune" if int(hashlib.sha1(self.id.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


@dataclass
class Outcome:
    gold: GoldRecord
    predicted: int
    category: str | None = None
    mode: str | None = None
    source: bool = False
    target: bool = False
    trigger: str | None = None
    extra: list[str] = field(default_factory=list)


@cache
def mapping() -> tuple[dict, dict, dict[str, frozenset[str]], dict]:
    categories, modes, current, aliases = {}, {}, {}, {}
    for row in table("plover_mapping.tsv"):
        kind = row[0]
        if kind == "category":
            categories[(row[1], row[2])] = (row[3], row[4])
        elif kind == "mode":
            modes[(row[1], row[2])] = (row[3], row[4])
        elif kind == "modes":
            current[row[1]] = frozenset(row[2].split(","))
        elif kind == "alias":
            aliases[(row[1], row[2])] = row[4]
    return categories, modes, current, aliases


def map_old(category: str, mode: str | None) -> tuple[str, str | None]:
    """A v0.5b1 category and mode as today's (the mode is None when it is not a mode of today)."""
    categories, modes, current, _ = mapping()
    mode = (mode or "").strip() or None
    new = categories.get((category, mode or "")) or categories.get((category, "*"))
    if new:
        category, mode = new[0], mode if new[1] == "=" else (None if new[1] == "-" else new[1])
    renamed = modes.get((category, mode or ""))
    if renamed:
        category, mode = renamed
    if mode not in current.get(category, frozenset()):
        mode = None
    return category, mode


def _actors(value) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    return [a["actorText"] for a in items if isinstance(a, dict) and a.get("actorText")]


def _trigger_spans(text: str, markup: str | None, event_text: str) -> list[tuple[int, int]]:
    pieces = [_TAG.sub("", m).replace(")", "").strip() for m in _EVT.findall(markup or "")]
    if not pieces:
        pieces = event_text.split()
    spans, at = [], 0
    lower = text.lower()
    for piece in pieces:
        if not piece:
            continue
        found = lower.find(piece.lower(), at)
        if found < 0:
            found = lower.find(piece.lower())
        if found >= 0:
            spans.append((found, found + len(piece)))
            at = found + len(piece)
    return spans


def read_gold(path: str | Path) -> list[GoldRecord]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise errors.BadRecord(f"{path}: not a JSON array of PLOVER records ({exc})") from exc
    if not isinstance(data, list):
        raise errors.BadRecord(f"{path}: not a JSON array of PLOVER records")
    records = []
    for item in data:
        if not isinstance(item, dict) or item.get("event") == "DOCUMENT" or not item.get("text"):
            continue
        info = item.get("textInfo")
        markup = info.get("markup") if isinstance(info, dict) else None
        category, mode = map_old(item["event"], item.get("mode"))
        records.append(
            GoldRecord(
                id=item["id"],
                text=item["text"],
                category=category,
                mode=mode,
                sources=_actors(item.get("source")),
                targets=_actors(item.get("target")),
                triggers=_trigger_spans(item["text"], markup, item.get("eventText", "")),
            )
        )
    return records


def _words(text: str) -> set[str]:
    text = text.replace("’", "'").lower()
    return {w for w in re.findall(r"[\w-]+", re.sub(r"'s\b", "", text)) if w not in STOP}


def _overlaps(predicted: list[str], gold: list[str]) -> bool:
    gold_words = set().union(*(_words(g) for g in gold)) if gold else set()
    return any(_words(p) & gold_words for p in predicted)


def score_record(gold: GoldRecord, record: Record) -> Outcome:
    from storyline.stages.events import plover_category

    _, _, _, aliases = mapping()
    events = sorted(record.events, key=lambda e: e.trigger.start)
    outcome = Outcome(gold, predicted=len(events))
    hits = [e for e in events if any(e.trigger.start < end and start < e.trigger.end for start, end in gold.triggers)]
    outcome.extra = [f"{e.type}:{e.trigger.text}" for e in events if not hits or e is not hits[0]]
    if not hits:
        return outcome
    event = hits[0]
    outcome.trigger = event.trigger.text
    outcome.category = plover_category(event)
    outcome.mode = aliases.get((event.type, event.mode or ""), event.mode)
    outcome.source = _overlaps([s.text for s in event.source_spans], gold.sources)
    targets = [s.text for s in event.target_spans]
    if not targets:  # PLOVER codes the place of an event with no other target as its target
        names = {e.id: [m.text for m in e.mentions] for e in record.entities}
        targets = [m for i in event.location for m in names.get(i, [])]
    outcome.target = _overlaps(targets, gold.targets)
    return outcome


def summarize(outcomes: list[Outcome]) -> dict[str, float | int]:
    n = len(outcomes)
    with_source = [o for o in outcomes if o.gold.sources]
    with_target = [o for o in outcomes if o.gold.targets]
    with_mode = [o for o in outcomes if o.gold.mode]
    matched = sum(1 for o in outcomes if o.trigger is not None)

    def share(part: int, whole: int) -> float:
        return round(part / whole, 4) if whole else 0.0

    return {
        "category_accuracy": share(sum(o.category == o.gold.category for o in outcomes), n),
        "source_match": share(sum(o.source for o in with_source), len(with_source)),
        "target_match": share(sum(o.target for o in with_target), len(with_target)),
        "mode_accuracy": share(sum(o.mode == o.gold.mode for o in with_mode), len(with_mode)),
        "overgeneration": share(sum(o.predicted for o in outcomes) - matched, n),
        "records": n,
    }


def evaluate(path: str | Path, nlp=None) -> tuple[dict, list[Outcome]]:
    """Scores on the whole file, with the ``tune`` and ``heldout`` halves under ``splits``."""
    from storyline.pipeline import extract_many, load_pipeline

    gold = read_gold(path)
    if not gold:
        raise errors.BadRecord(f"{path}: no PLOVER gold records")
    nlp = nlp or load_pipeline()
    articles = [Article(id=g.id, text=g.text) for g in gold]
    outcomes = []
    for g, record in zip(gold, extract_many(articles, nlp), strict=True):
        if not isinstance(record, Record):
            outcomes.append(Outcome(g, predicted=0))
            continue
        outcomes.append(score_record(g, record))
    scores = summarize(outcomes)
    scores["splits"] = {
        name: summarize([o for o in outcomes if o.gold.split == name]) for name in ("tune", "heldout")
    }
    return scores, outcomes


def render(scores: dict) -> str:
    rows = [("all", scores)] + list(scores["splits"].items())
    out = [f"{'':<9}" + "".join(f"{m:>19}" for m in METRICS) + f"{'records':>9}"]
    for name, s in rows:
        out.append(f"{name:<9}" + "".join(f"{s[m]:>19.3f}" for m in METRICS) + f"{s['records']:>9}")
    return "\n".join(out)


__all__ = ["GoldRecord", "Outcome", "evaluate", "map_old", "read_gold", "render", "score_record", "summarize"]
