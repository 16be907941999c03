from __future__ import annotations

from storyline.model import Article, Record
from storyline.store.dedup import THRESHOLD, _lean, signature
from tests.store.helpers import corpus_of

STORY = ("The central bank raised its main interest rate by a quarter point on Thursday, its third rise this year, "
         "saying that inflation was still too high and that wages were rising faster than expected. "
         "The governor told reporters that further increases could follow if prices kept climbing in the autumn, "
         "and that the bank would watch the housing market closely.")
REPUBLISHED = STORY.replace("on Thursday", "on Thursday afternoon") + " Markets barely moved after the decision."
OTHER = ("Heavy rain flooded dozens of homes in the river valley overnight, and the fire brigade rescued "
         "several families from their roofs. The regional council opened two schools as shelters and said "
         "the water would take days to go down.")


def record(article_id: str, text: str, date: str) -> Record:
    return Record(article=Article(id=article_id, text=text, date=date))


def test_dedup_signature_is_stable_and_similar_for_a_republished_story():
    assert signature(STORY) == signature(STORY)
    assert _lean(signature(STORY)).jaccard(_lean(signature(REPUBLISHED))) >= THRESHOLD
    assert _lean(signature(STORY)).jaccard(_lean(signature(OTHER))) < 0.2


def test_dedup_links_the_later_copy_to_the_earliest(tmp_path):
    records = [record("late", REPUBLISHED, "2024-05-03"), record("first", STORY, "2024-05-02"),
               record("flood", OTHER, "2024-05-02")]
    with corpus_of(tmp_path / "c.duckdb", records) as corpus:
        rows = dict(corpus.store.con.execute("SELECT id, duplicate_of FROM articles").fetchall())
        assert rows == {"first": None, "late": "first", "flood": None}
        assert corpus.stats()["canonical_articles"] == 2


def test_dedup_same_words_weeks_apart_are_two_stories(tmp_path):
    records = [record("march", STORY, "2024-03-01"), record("april", REPUBLISHED, "2024-04-20")]
    with corpus_of(tmp_path / "c.duckdb", records) as corpus:
        assert corpus.stats()["near_duplicates"] == 0
