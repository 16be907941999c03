from __future__ import annotations

import pytest

from storyline.model import Article, Failure
from storyline.store import Writer
from tests.store.helpers import corpus_of
from tests.store.records import meeting_record


def test_db_record_round_trips_with_every_kind_of_object(tmp_path):
    record = meeting_record()
    with corpus_of(tmp_path / "c.duckdb", [record]) as corpus:
        assert corpus.record("m1") == record
        counts = {t: corpus.store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("entities", "mentions", "times", "statements", "events", "amounts")}
    assert counts == {"entities": 3, "mentions": 4, "times": 1, "statements": 1, "events": 1, "amounts": 1}


def test_db_rows_keep_the_offsets_into_the_text(tmp_path):
    with corpus_of(tmp_path / "c.duckdb", [meeting_record()]) as corpus:
        rows = corpus.store.con.execute(
            "SELECT m.text, substr(a.text, m.start_char + 1, m.end_char - m.start_char) FROM mentions m "
            "JOIN articles a ON a.id = m.article_id").fetchall()
    assert rows and all(stored == cut for stored, cut in rows)


def test_db_exact_duplicate_shares_the_analysis_with_its_own_metadata(tmp_path):
    record = meeting_record()
    with corpus_of(tmp_path / "c.duckdb", [record]) as corpus:
        writer = Writer(corpus.store)
        copy = record.article.model_copy(update={"id": "m1-copy", "source": "Other Wire"})
        assert writer.duplicate(copy, "m1")
        writer.commit()
        again = corpus.record("m1-copy")
        assert again.article.source == "Other Wire" and again.entities == record.entities
        assert corpus.stats()["canonical_articles"] == 1


def test_db_batch_is_all_or_nothing(tmp_path):
    with corpus_of(tmp_path / "c.duckdb", []) as corpus:
        writer = Writer(corpus.store, batch_size=10)
        writer.record(meeting_record("ok"), None)
        writer.rows.add("entities", article_id="ok", id="E1", name="clash", type="PERSON")  # a duplicate key
        with pytest.raises(Exception):
            writer.commit()
        assert corpus.store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_db_failures_are_stored_once(tmp_path):
    with corpus_of(tmp_path / "c.duckdb", []) as corpus:
        for _ in range(2):
            writer = Writer(corpus.store)
            writer.failure(Failure(where="f.jsonl:3", code="E106", reason="not JSON"))
            writer.failure(Failure(where="f.jsonl:3", code="E106", reason="not JSON"))
            writer.commit()
        assert corpus.stats()["failures"] == 1


def test_db_duplicate_of_a_failed_article_fails_too(tmp_path):
    with corpus_of(tmp_path / "c.duckdb", []) as corpus:
        writer = Writer(corpus.store)
        writer.failure(Failure(where="a1", code="E300", reason="stage broke"))
        text = "The mayor said the new bridge would open in May after two years of work on the river."
        assert not writer.duplicate(Article(id="a2", text=text), "a1")
        writer.commit()
        assert corpus.store.con.execute("SELECT location FROM failures ORDER BY 1").fetchall() == [("a1",), ("a2",)]
