from __future__ import annotations

import io

from storyline.ingest.readers import read_path
from storyline.model import Article, Failure
from tests.conftest import ROOT

PAGES = ROOT / "tests" / "fixtures" / "pages"


def write_warc(path, gzip: bool = True) -> None:
    """A small crawl: two pages, a 404, an image, a request record, and an empty page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)

        def response(url: str, body: bytes, status: str = "200 OK", content_type: str = "text/html; charset=utf-8"):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

        writer.write_record(writer.create_warc_record("https://courier.example/news/bridge-vote", "request",
                                                      payload=io.BytesIO(b"GET /news/bridge-vote HTTP/1.1\r\n\r\n")))
        response("https://courier.example/news/bridge-vote", (PAGES / "bridge-vote.html").read_bytes())
        response("https://courier.example/missing", b"<html><body>Not found</body></html>", status="404 Not Found")
        response("https://courier.example/logo.png", b"\x89PNG\r\n", content_type="image/png")
        response("https://westford.example/library", (PAGES / "library-hours.htm").read_bytes())
        response("https://westford.example/empty", (PAGES / "empty.html").read_bytes())


def test_warc_gzipped_crawl_gives_its_html_pages(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    items = list(read_path(path))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [a.url for a in articles] == ["https://courier.example/news/bridge-vote", "https://westford.example/library"]
    assert articles[0].date == "2024-05-02" and articles[0].author == "Maria Lopez"
    assert len(failures) == 1 and failures[0].code == "E101" and failures[0].where.startswith(f"{path}@")


def test_warc_plain_file_reads_too(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, gzip=False)
    assert sum(isinstance(i, Article) for i in read_path(path)) == 2


def test_warc_that_is_not_a_warc_is_one_failure(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a web archive at all\n" * 3)
    [failure] = read_path(path)
    assert isinstance(failure, Failure) and "not a WARC" in failure.reason
