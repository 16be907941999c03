"""Read articles from files: plain text (with optional front matter), JSON and JSON Lines,
HTML pages (:mod:`storyline.ingest.html`) and WARC crawls (:mod:`storyline.ingest.warc`).

Each reader yields :class:`Article` for what it can read and :class:`Failure` for
what it cannot, so one broken record never stops the rest.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from storyline import errors
from storyline.ingest.checks import check_date, check_text, decode, text_id
from storyline.model import Article, Failure

Item = Article | Failure
FIELDS = ("id", "title", "date", "source", "url", "author")
# Names that news dumps give the article id when they do not call it "id" (Reuters-21578: newid).
ID_FIELDS = ("id", "doc_id", "docid", "newid", "guid")


def make_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
    url: str | None = None,
    author: str | None = None,
) -> Article:
    """An Article from its text and metadata, checked (raises InputError)."""
    check_text(text)
    return Article(
        id=str(id) if id not in (None, "") else text_id(text),
        title=title or None,
        date=check_date(date),
        source=source or None,
        url=url or None,
        author=author or None,
        text=text,
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``---``-fenced ``key: value`` lines at the top of a text file become metadata."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}, text
    meta = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in FIELDS:
            meta[key.strip().lower()] = value.strip().strip('"')
    return meta, text[end + 5 :]


def from_mapping(obj: object) -> Article:
    """An Article from a JSON object with ``text`` (or ``body``) and optional metadata."""
    if not isinstance(obj, dict):
        raise errors.BadRecord(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text", obj.get("body"))
    if not isinstance(text, str):
        raise errors.BadRecord("record has no 'text' or 'body' string")
    meta = {k: obj.get(k) for k in FIELDS if obj.get(k) is not None}
    ids = [obj[k] for k in ID_FIELDS if obj.get(k) not in (None, "")]
    if ids:
        meta["id"] = ids[0]
    return make_article(text, **{k: str(v) for k, v in meta.items()})


def _attempt(where: str, make) -> Item:
    try:
        return make()
    except errors.InputError as exc:
        return Failure(where=where, code=exc.code, reason=exc.message)


def read_text(data: bytes, where: str, **meta: str | None) -> Iterator[Item]:
    def make() -> Article:
        meta_in_file, text = split_front_matter(decode(data))
        merged = {**meta_in_file, **{k: v for k, v in meta.items() if v}}
        return make_article(text, **merged)

    yield _attempt(where, make)


def read_json_lines(lines: Iterable[bytes], where: str) -> Iterator[Item]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue

        def make(line: bytes = line) -> Article:
            try:
                obj = json.loads(decode(line))
            except json.JSONDecodeError as exc:
                raise errors.BadRecord(f"not JSON: {exc.msg}") from None
            return from_mapping(obj)

        yield _attempt(f"{where}:{number}", make)


def read_json(data: bytes, where: str) -> Iterator[Item]:
    try:
        obj = json.loads(decode(data))
    except errors.InputError as exc:
        yield Failure(where=where, code=exc.code, reason=exc.message)
        return
    except json.JSONDecodeError as exc:
        yield Failure(where=where, code=errors.BadRecord.code, reason=f"not JSON: {exc.msg}")
        return
    if isinstance(obj, list):
        for number, item in enumerate(obj, 1):
            yield _attempt(f"{where}[{number}]", lambda item=item: from_mapping(item))
    else:
        yield _attempt(where, lambda: from_mapping(obj))


SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".warc": "warc", ".txt": "text", ".text": "text", ".md": "text"}


def kind_of(name: str) -> str | None:
    """The format a file name says it holds (``a.jsonl.gz`` → jsonl), or None for an unknown suffix."""
    name = name.lower().removesuffix(".gz")
    return next((kind for suffix, kind in SUFFIXES.items() if name.endswith(suffix)), None)


def _kind(name: str) -> str:
    return kind_of(name) or "text"


def read_stream(stream: IO[bytes], name: str = "-", **meta: str | None) -> Iterator[Item]:
    """Articles from an open binary stream; ``name`` picks the format by its suffix."""
    kind = _kind(name)
    if kind == "warc":  # warcio reads gzipped WARC itself, record by record
        from storyline.ingest.warc import read_warc

        yield from read_warc(stream, name)
        return
    if name.lower().endswith(".gz"):
        stream = gzip.open(stream)  # type: ignore[assignment]
    if kind == "html":
        from storyline.ingest.html import read_html

        yield from read_html(stream.read(), name, **meta)
    elif kind == "jsonl":
        yield from read_json_lines(stream, name)
    elif kind == "json":
        yield from read_json(stream.read(), name)
    else:
        yield from read_text(stream.read(), name, **meta)


def read_path(path: str | Path, **meta: str | None) -> Iterator[Item]:
    """Articles from a file, or from standard input when ``path`` is ``-``."""
    if str(path) == "-":
        yield from read_stream(sys.stdin.buffer, "-", **meta)
        return
    path = Path(path)
    try:
        with path.open("rb") as stream:
            yield from read_stream(stream, str(path), **meta)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        yield Failure(where=str(path), code=errors.InputError.code, reason=f"cannot read: {reason}")
