from __future__ import annotations

from storyline.ingest.readers import read_path
from storyline.model import Article, Failure
from tests.conftest import ROOT

PAGES = ROOT / "tests" / "fixtures" / "pages"


def test_html_main_text_and_metadata():
    [article] = read_path(PAGES / "bridge-vote.html")
    assert isinstance(article, Article)
    assert (article.title, article.date, article.author, article.source, article.url) == (
        "Council approves new river bridge", "2024-05-02", "Maria Lopez", "The Valley Courier",
        "https://courier.example/news/bridge-vote")
    assert article.text.startswith("The town council voted on Tuesday")  # the headline is the title only
    assert "Ortiz told reporters" in article.text
    assert "Sport" not in article.text and "All rights reserved" not in article.text


def test_html_page_without_metadata_keeps_what_it_has():
    [article] = read_path(PAGES / "library-hours.htm")
    assert isinstance(article, Article)
    assert article.date is None and article.author is None
    assert "Head librarian Tom Okafor" in article.text and "Front page" not in article.text


def test_html_flags_override_the_page():
    [article] = read_path(PAGES / "library-hours.htm", date="2024-09-01", source="Westford News")
    assert (article.date, article.source) == ("2024-09-01", "Westford News")


def test_html_page_without_an_article_is_a_failure():
    [failure] = read_path(PAGES / "empty.html")
    assert isinstance(failure, Failure) and failure.code == "E101"
