from __future__ import annotations

import pytest

from tests.store.helpers import corpus_of
from tests.store.records import meeting_record


@pytest.fixture
def corpus(tmp_path):
    records = [
        meeting_record("m1", "2025-07-09", event_date="2025-07-08"),
        meeting_record("m2", "2025-06-02", visited="Egypt", event_date=None),
        meeting_record("m3", "2025-07-20", person="Sarah Okafor", said="Okafor", visited="Qatar", event_date="2025-07-19"),
    ]
    with corpus_of(tmp_path / "c.duckdb", records) as corpus:
        yield corpus


def test_queries_stats_counts_every_kind(corpus):
    stats = corpus.stats()
    assert {k: stats[k] for k in ("articles", "entities", "statements", "events", "failures")} == {
        "articles": 3, "entities": 5, "statements": 3, "events": 3, "failures": 0}
    assert (stats["first_date"], stats["last_date"]) == ("2025-06-02", "2025-07-20")


def test_queries_quotes_by_surname_and_period(corpus):
    rows = corpus.quotes("Netanyahu")
    assert [r["article_id"] for r in rows] == ["m2", "m1"]  # date order
    assert rows[0]["quote"] == "The talks were useful," and rows[0]["speaker"] == "Benjamin Netanyahu"
    assert [r["article_id"] for r in corpus.quotes("Netanyahu", since="2025-07", until="2025-07")] == ["m1"]
    assert corpus.quotes("Nobody Atall") == []


def test_queries_events_by_actor_type_and_dates(corpus):
    rows = corpus.events("Qatar", type="consult")
    assert [(r["article_id"], r["date"], r["date_source"]) for r in rows] == [
        ("m1", "2025-07-08", "time"), ("m3", "2025-07-19", "time")]
    assert rows[0]["source"] == ["Benjamin Netanyahu"] and rows[0]["location"] == ["Doha"]
    assert rows[0]["sentence"].startswith("Benjamin Netanyahu met officials from Qatar")
    undated = corpus.events("Egypt")
    assert [(r["date"], r["date_source"]) for r in undated] == [("2025-06-02", "article")]
    assert corpus.events(type="ATTACK") == []
    assert [r["article_id"] for r in corpus.events(until="2025-07-10")] == ["m2", "m1"]


def test_queries_timeline_events_and_statements_in_date_order(corpus):
    rows = corpus.timeline("Benjamin Netanyahu")
    assert [(r["date"], r["kind"], r["article_id"]) for r in rows] == [
        ("2025-06-02", "event", "m2"), ("2025-06-02", "statement", "m2"),
        ("2025-07-08", "event", "m1"), ("2025-07-09", "statement", "m1")]
    assert all(r["sentence"] and r["title"] for r in rows)
    assert [r["article_id"] for r in corpus.timeline("Qatar")] == ["m1", "m3"]


def test_queries_entities_most_written_about_first(corpus):
    rows = corpus.entities()
    assert rows[0]["name"] in {"Doha", "Benjamin Netanyahu", "Qatar"} and rows[0]["articles"] >= 2
    assert [r["name"] for r in corpus.entities(type="PERSON")] == ["Benjamin Netanyahu", "Sarah Okafor"]
    [qatar] = corpus.entities(name="Qatar")
    assert corpus.timeline(qatar["id"]) == corpus.timeline("Qatar")


def test_queries_leave_out_duplicates_unless_asked(tmp_path):
    original = meeting_record("m1", "2025-07-09")
    copy = original.model_copy(update={"article": original.article.model_copy(update={"id": "m1b", "date": "2025-07-10"})})
    with corpus_of(tmp_path / "c.duckdb", [original, copy]) as corpus:
        assert corpus.stats()["near_duplicates"] == 1
        assert len(corpus.events("Qatar")) == 1
        assert len(corpus.events("Qatar", duplicates=True)) == 2
        assert len(corpus.quotes("Netanyahu")) == 1


def test_queries_quote_of_a_split_quote_leaves_out_the_cue_clause(tmp_path):
    from storyline.model import Article, Record, Statement
    from tests.store.records import span

    text = "“We will not sign,” Lopez told reporters, “until the plan is dropped.”"
    first, second = span(text, "“We will not sign,”"), span(text, "“until the plan is dropped.”")
    statement = Statement(id="S1", speaker_text="Lopez", cue=span(text, "told"), kind="direct",
                          content=span(text, text), content_parts=[first, second])
    record = Record(article=Article(id="q1", date="2025-07-09", text=text), statements=[statement])
    with corpus_of(tmp_path / "c.duckdb", [record]) as corpus:
        [row] = corpus.quotes()
    assert row["quote"] == "“We will not sign,” … “until the plan is dropped.”"


def test_queries_quotes_name_the_report_a_statement_is_known_through(tmp_path, nlp):
    from storyline import extract

    record = extract("“We will not protest,” Sanders said, according to CNN.", nlp, date="2025-07-09")
    with corpus_of(tmp_path / "c.duckdb", [record]) as corpus:
        [row] = corpus.quotes("Sanders")
        assert (row["quote"], row["via"]) == ("“We will not protest,”", "CNN")
        assert {r["speaker"]: r["via"] for r in corpus.quotes()} == {"Sanders": "CNN", "CNN": None}
