"""Read a web crawl (WARC, gzipped or not, with warcio): each HTML page it captured is an article.

Only successful (HTTP 200) ``response`` records and ``resource`` records of an HTML type are
pages; requests, metadata, redirects and images are not articles and are passed over silently.
A record is named ``FILE@OFFSET`` (its byte offset in the file), so a failure points to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from storyline import errors
from storyline.ingest.html import article_from_html
from storyline.ingest.readers import Item, _attempt
from storyline.model import Failure

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b"


def read_warc(stream: IO[bytes], where: str) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = stream.peek(8)[:8] if hasattr(stream, "peek") else b""
    if head and not head.startswith((b"WARC/", GZIP_MAGIC)):
        yield Failure(where=where, code=errors.InputError.code, reason="not a WARC file (no WARC/ header)")
        return
    try:
        records = ArchiveIterator(stream)
        for record in records:
            page = _page(record)
            if page is None:
                continue
            url, data = page
            yield _attempt(f"{where}@{records.get_record_offset()}", lambda: article_from_html(data, url=url))
    except ArchiveLoadFailed as exc:
        yield Failure(where=where, code=errors.InputError.code, reason=f"not a WARC file: {exc}")


def _page(record) -> tuple[str | None, bytes] | None:
    """``(url, html)`` of a record that holds a captured page, else None."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    return record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read()
