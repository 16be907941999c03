"""Score who said what on articles with a hand-written list of their statements.

A gold set is a directory of articles (``NAME.txt``) each beside its list (``NAME.tsv``): one statement a
line, tab-separated, in text order::

    cue	speaker	content start

- ``cue``: the reporting words as the text has them ("told reporters", "declined to comment");
- ``speaker``: who speaks, as the article names them at their fullest ("Dana Whitcombe", "Corvane
  Systems"), pronouns and descriptors resolved; ``-`` when the article names no one ("officials said");
- ``content start``: the first words of what was said, as in the text; ``-`` for a no-comment without
  a topic.

A gold statement is found when a statement's cue overlaps that cue (the occurrence nearest the
content, or the next unused one) and, where a content is given, its content covers the content's
first character. Its speaker is right when the entity found has that name (letter case, "the" and
full stops aside), a name inside it or around it ("Whitcombe", "Foreign Ministry" for "Norway's
Foreign Ministry"), or when both are ``-``/no entity. PolNeAR cannot check which speaker a pronoun
gets (it has no coreference); these lists can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from storyline import errors
from storyline.model import Record, Statement

WINDOW = 400  # characters around a content start in which its cue is looked for


@dataclass
class GoldStatement:
    cue: str
    speaker: str | None
    content: str | None


@dataclass
class GoldArticle:
    name: str
    text: str
    statements: list[GoldStatement]


def read_set(directory: str | Path) -> list[GoldArticle]:
    """The articles of a gold set, in name order."""
    directory = Path(directory)
    articles = []
    for text_path in sorted(directory.glob("*.txt")):
        gold_path = text_path.with_suffix(".tsv")
        if not gold_path.exists():
            continue
        statements = []
        for number, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 3:
                raise errors.InputError(f"{gold_path}:{number}: expected 3 tab-separated fields, found {len(fields)}")
            cue, speaker, content = (field.strip() for field in fields)
            statements.append(GoldStatement(cue, None if speaker == "-" else speaker, None if content == "-" else content))
        articles.append(GoldArticle(text_path.stem, text_path.read_text(encoding="utf-8"), statements))
    if not articles:
        raise errors.InputError(f"{directory} has no NAME.txt with a NAME.tsv beside it (a gold set of statements)")
    return articles


def _occurrences(text: str, phrase: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(phrase), text)]


def _normal(name: str) -> str:
    name = name.casefold().replace("’", "'").replace(".", "")
    return re.sub(r"^the ", "", " ".join(name.split()))


def same_speaker(gold: str | None, found: str | None) -> bool:
    """Whether the entity found names the gold speaker (see the module's rules)."""
    if gold is None or found is None:
        return gold is None and found is None
    g, f = _normal(gold), _normal(found)
    return g == f or f" {f} " in f" {g} " or f" {g} " in f" {f} " or g.split()[-1] == f.split()[-1]


@dataclass
class Match:
    gold: GoldStatement
    found: Statement | None
    speaker: str | None  # the name of the entity found, if any


def match(article: GoldArticle, record: Record) -> list[Match]:
    """Pair each gold statement with the statement storyline found for it, if any."""
    text = article.text
    names = {e.id: e.name for e in record.entities}
    used: set[str] = set()
    cue_used: set[int] = set()
    out = []
    for gold in article.statements:
        at = text.find(gold.content) if gold.content else None
        cues = [c for c in _occurrences(text, gold.cue) if c not in cue_used]
        if at is not None and at >= 0:
            cues = sorted((c for c in cues if abs(c - at) <= WINDOW), key=lambda c: abs(c - at))
        cue = (cues[0], cues[0] + len(gold.cue)) if cues else None
        found = None
        for s in record.statements:
            if s.id in used or cue is None or not (s.cue.start < cue[1] and cue[0] < s.cue.end):
                continue
            if at is not None and at >= 0 and not (s.content.start - 3 <= at < s.content.end):
                continue
            found = s
            break
        if found is not None:
            used.add(found.id)
            cue_used.add(cue[0])
        out.append(Match(gold, found, names.get(found.speaker or "") if found is not None else None))
    return out


def score(articles: list[GoldArticle], records: list[Record]) -> tuple[dict[str, float], list[tuple[str, Match]]]:
    """The scores of a set, and each article's matches (for a report of the misses)."""
    gold = found = right = predicted = 0
    matches: list[tuple[str, Match]] = []
    for article, record in zip(articles, records, strict=True):
        for m in match(article, record):
            matches.append((article.name, m))
            gold += 1
            if m.found is not None:
                found += 1
                right += same_speaker(m.gold.speaker, m.speaker)
        predicted += len(record.statements)
    return {
        "articles": len(articles),
        "statements": gold,
        "statements_found": round(found / gold, 4) if gold else 0.0,
        "speaker_accuracy": round(right / gold, 4) if gold else 0.0,
        "speaker_accuracy_found": round(right / found, 4) if found else 0.0,
        "unlisted_share": round((predicted - found) / predicted, 4) if predicted else 0.0,
    }, matches


def evaluate(directory: str | Path, nlp=None) -> tuple[dict[str, float], list[tuple[str, Match]]]:  # noqa: ANN001
    """Read a gold set, run storyline (``nlp``, or the default pipeline) over it and score who said what."""
    from storyline.ingest.readers import make_article
    from storyline.pipeline import extract_many

    articles = read_set(directory)
    records = []
    for article, item in zip(articles, extract_many((make_article(a.text, id=a.name) for a in articles), nlp), strict=True):
        if not isinstance(item, Record):
            raise errors.InputError(f"{article.name}: {item.reason}")
        records.append(item)
    return score(articles, records)


def render(directory: str, scores: dict[str, float], matches: list[tuple[str, Match]]) -> str:
    lines = [
        f"{directory}: {scores['articles']} articles, {scores['statements']} statements",
        f"  statements found        {scores['statements_found']:.3f}",
        f"  right speaker, of all   {scores['speaker_accuracy']:.3f}",
        f"  right speaker, of found {scores['speaker_accuracy_found']:.3f}",
        f"  found but not listed    {scores['unlisted_share']:.3f} of storyline's statements",
    ]
    misses = [(name, m) for name, m in matches if m.found is None or not same_speaker(m.gold.speaker, m.speaker)]
    if misses:
        lines.append("Misses:")
        for name, m in misses:
            what = "not found" if m.found is None else f"speaker {m.speaker or m.found.speaker_text or '-'}"
            lines.append(f"  {name}: {m.gold.cue!r} by {m.gold.speaker or '-'}: {what}")
    return "\n".join(lines)
