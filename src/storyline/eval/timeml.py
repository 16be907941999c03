"""Score the time stage on TimeML files with the TempEval-3 measures.

A ``.tml`` file holds one article: the DCT is the TIMEX3 whose ``functionInDocument`` is
``CREATION_TIME`` (metadata, so it is never scored), and the TEXT element holds the article with its
gold TIMEX3 tags inline. We read the TEXT element's raw text (tags stripped), run storyline on it with
the DCT, and compare character offsets.

TempEval-3 measures (UzZaman et al. 2013), micro-averaged over all documents:

- extraction, *strict*: a system expression matches a gold one with exactly the same extent;
  *relaxed*: any character overlap. Precision, recall and F1 for each.
- attributes over relaxed matches: type accuracy and value accuracy (the share of matched pairs
  whose attribute agrees), and value F1 = value accuracy × relaxed F1.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline import errors


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass
class TimemlDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[Timex]


def read_tml(path: Path) -> TimemlDoc:
    """One TimeML file: the TEXT element's raw text, its DCT and its gold TIMEX3s (character offsets)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise errors.InputError(f"{path}: not TimeML ({exc})") from exc
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = (timex.get("value") or "")[:10] or None
            break
    body = root.find("TEXT")
    if body is None:
        raise errors.InputError(f"{path}: no TEXT element")
    parts: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3" and node.get("functionInDocument") != "CREATION_TIME":
            text = "".join(parts)[start:length]
            timexes.append(Timex(start, length, text, node.get("type", ""), node.get("value")))

    walk(body)
    return TimemlDoc(path.stem, "".join(parts), dct, sorted(timexes, key=lambda t: t.start))


def read_dir(directory: Path) -> list[TimemlDoc]:
    paths = sorted(Path(directory).rglob("*.tml"))
    if not paths:
        raise errors.InputError(f"no .tml files under {directory}")
    return [read_tml(p) for p in paths]


@dataclass
class DocScore:
    name: str
    gold: int = 0
    system: int = 0
    strict: int = 0  # system expressions with a gold one of the same extent
    relaxed_system: int = 0  # system expressions overlapping some gold one
    relaxed_gold: int = 0  # gold expressions overlapping some system one
    type_ok: int = 0
    value_ok: int = 0
    pairs: int = 0
    errors: list[str] = field(default_factory=list)


def _overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def score_doc(name: str, gold: list[Timex], system: list[Timex]) -> DocScore:
    s = DocScore(name, gold=len(gold), system=len(system))
    extents = {(g.start, g.end) for g in gold}
    s.strict = sum((t.start, t.end) in extents for t in system)
    s.relaxed_system = sum(any(_overlaps(t, g) for g in gold) for t in system)
    for g in gold:
        match = next((t for t in system if _overlaps(t, g)), None)
        if match is None:
            s.errors.append(f"missed   {g.text!r} {g.type} {g.value}")
            continue
        s.relaxed_gold += 1
        s.pairs += 1
        s.type_ok += match.type == g.type
        s.value_ok += match.value == g.value
        if (match.start, match.end) != (g.start, g.end) or match.value != g.value or match.type != g.type:
            s.errors.append(
                f"wrong    {g.text!r} {g.type} {g.value}  <>  {match.text!r} {match.type} {match.value}"
            )
    for t in system:
        if not any(_overlaps(t, g) for g in gold):
            s.errors.append(f"spurious {t.text!r} {t.type} {t.value}")
    return s


def _prf(correct_p: int, system: int, correct_r: int, gold: int) -> tuple[float, float, float]:
    p = correct_p / system if system else 0.0
    r = correct_r / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summarise(scores: Iterable[DocScore]) -> dict[str, float]:
    """Micro-averaged TempEval-3 measures over all documents."""
    scores = list(scores)
    total = {k: sum(getattr(s, k) for s in scores)
             for k in ("gold", "system", "strict", "relaxed_system", "relaxed_gold", "type_ok", "value_ok", "pairs")}
    sp, sr, sf = _prf(total["strict"], total["system"], total["strict"], total["gold"])
    rp, rr, rf = _prf(total["relaxed_system"], total["system"], total["relaxed_gold"], total["gold"])
    type_acc = total["type_ok"] / total["pairs"] if total["pairs"] else 0.0
    value_acc = total["value_ok"] / total["pairs"] if total["pairs"] else 0.0
    return {
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_accuracy": type_acc, "value_accuracy": value_acc, "value_f1": value_acc * rf,
        "documents": len(scores),
    }


Tagger = Callable[[str, str | None], list[Timex]]


def storyline_tagger() -> Tagger:
    """Run storyline's pipeline (up to the time stage) on a text with its DCT."""
    from storyline.ingest.readers import text_id
    from storyline.model import Article
    from storyline.pipeline import load_pipeline, make_doc

    nlp = load_pipeline(("entities", "times"))

    def tag(text: str, dct: str | None) -> list[Timex]:
        if not text.strip():
            return []
        doc = nlp(make_doc(nlp, Article(id=text_id(text), date=dct, text=text)))
        return [Timex(t.start, t.end, t.text, t.type, t.value) for t in doc._.times or []]

    return tag


def evaluate(directory: Path, tagger: Tagger | None = None) -> tuple[dict[str, float], list[DocScore]]:
    """Score ``tagger`` (storyline by default) on every .tml file under ``directory``."""
    tagger = tagger or storyline_tagger()
    per_doc = [score_doc(d.name, d.timexes, tagger(d.text, d.dct)) for d in read_dir(directory)]
    return summarise(per_doc), per_doc
