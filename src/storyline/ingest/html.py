"""Read a news page: its main text and metadata (title, date, author, site), with trafilatura.

trafilatura drops navigation, footers and comments and finds the metadata in the page's
``<meta>`` tags, JSON-LD and markup; htmldate (which it calls) finds the publication date.
"""

from __future__ import annotations

from collections.abc import Iterator

from storyline import errors
from storyline.ingest.readers import Item, _attempt, make_article
from storyline.model import Article

# Only the dates the page states for itself: no guessing from any date in the text, whose
# nearest match is often a copyright year or a related story's date.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
# A page whose main text is shorter is a section front, a tag page or a link list, not an article
# (trafilatura falls back to the menu: "Home Sport Weather").
MIN_WORDS = 25


def article_from_html(data: bytes | str, *, url: str | None = None, **meta: str | None) -> Article:
    """The Article a page holds; ``meta`` (id, title, date, …) overrides what the page says."""
    import trafilatura

    found = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=DATE_PARAMS,
    )
    if found is None or not (found.text or "").strip():
        raise errors.EmptyText("no article text in the HTML page")
    words = len(found.text.split())
    if words < MIN_WORDS:
        raise errors.EmptyText(f"no article text in the HTML page (its main text has {words} words)")
    text = _drop_headline(found.text, found.title)
    page = {"title": found.title, "date": found.date, "author": found.author, "source": found.sitename,
            "url": found.url or url}
    page.update({k: v for k, v in meta.items() if v})
    return make_article(text, **{k: v for k, v in page.items() if v})


def read_html(data: bytes, where: str, **meta: str | None) -> Iterator[Item]:
    yield _attempt(where, lambda: article_from_html(data, **meta))


def _drop_headline(text: str, title: str | None) -> str:
    """The headline is the Article's title, not the first line of its text."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and " ".join(first.split()) == " ".join(title.split()):
        return rest.lstrip("\n")
    return text
