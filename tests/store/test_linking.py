from __future__ import annotations

from storyline.model import Article, Entity, Mention, Record
from storyline.store.linking import entity_key, name_key
from tests.store.helpers import corpus_of


def person_record(article_id: str, text: str, *people: tuple[str, list[str]]) -> Record:
    """An article whose PERSON entities are ``(name, titles)``; each mentioned where its last word is."""
    entities = []
    for n, (name, titles) in enumerate(people, 1):
        last = name.split()[-1]
        start = text.index(last)
        entities.append(Entity(id=f"E{n}", name=name, type="PERSON", titles=titles,
                               mentions=[Mention(text=last, start=start, end=start + len(last))]))
    return Record(article=Article(id=article_id, text=text), entities=entities)


def corpus_names(corpus) -> dict[str, str]:
    """article entity name (with its article) → corpus entity name."""
    rows = corpus.store.con.execute(
        "SELECT e.article_id || ':' || e.name, c.name FROM entities e JOIN corpus_entities c ON c.id = e.corpus_id"
    ).fetchall()
    return dict(rows)


def test_linking_name_key_ignores_case_dots_possessive_and_the():
    assert name_key("The U.S. Treasury’s") == name_key("US Treasury") == "us treasury"


def test_linking_country_places_share_a_key():
    assert entity_key("U.S.", "GPE") == entity_key("the United States", "GPE")
    assert entity_key("Qatar", "GPE") != entity_key("Qatar", "ORG")


def test_linking_full_name_and_surname_alone_are_one_person(tmp_path):
    records = [
        person_record("a", "Israeli Prime Minister Benjamin Netanyahu spoke in Jerusalem.", ("Benjamin Netanyahu", ["Prime Minister"])),
        person_record("b", "Netanyahu spoke again on Friday.", ("Netanyahu", [])),
        person_record("c", "Benjamin Netanyahu’s office issued a statement.", ("Benjamin Netanyahu’s", [])),
    ]
    with corpus_of(tmp_path / "c.duckdb", records) as corpus:
        names = corpus_names(corpus)
        assert {names["a:Benjamin Netanyahu"], names["b:Netanyahu"], names["c:Benjamin Netanyahu’s"]} == {"Benjamin Netanyahu"}
        [row] = corpus.entities(type="PERSON")
        assert row["articles"] == 3


def test_linking_different_people_with_one_surname_stay_apart(tmp_path):
    records = [
        person_record("a", "Treasury Secretary John Smith met bankers.", ("John Smith", ["Treasury Secretary"])),
        person_record("b", "Coach Jane Smith praised her team.", ("Jane Smith", ["coach"])),
        person_record("c", "Smith said nothing.", ("Smith", [])),
        person_record("d", "Treasury Secretary Smith said rates would rise.", ("Smith", ["Treasury Secretary"])),
    ]
    with corpus_of(tmp_path / "c.duckdb", records) as corpus:
        names = corpus_names(corpus)
        assert names["a:John Smith"] == "John Smith" and names["b:Jane Smith"] == "Jane Smith"
        assert names["c:Smith"] == "Smith"  # ambiguous: its own entity, not merged into either
        assert names["d:Smith"] == "John Smith"  # the title tells which Smith
        assert len(corpus.entities(type="PERSON")) == 3


def test_linking_does_not_depend_on_ingest_order(tmp_path):
    records = [
        person_record("a", "Anna Berg spoke.", ("Anna Berg", [])),
        person_record("b", "Berg spoke.", ("Berg", [])),
        person_record("c", "Lars Berg spoke.", ("Lars Berg", [])),
    ]
    dumps = []
    for n, order in enumerate((records, records[::-1])):
        with corpus_of(tmp_path / f"c{n}.duckdb", order) as corpus:
            dumps.append(sorted(corpus.store.con.execute("SELECT * FROM corpus_entities").fetchall()))
            dumps.append(sorted(corpus.store.con.execute("SELECT article_id, id, corpus_id FROM entities").fetchall()))
    assert dumps[0] == dumps[2] and dumps[1] == dumps[3]


def test_linking_only_capitalised_given_names_are_full_names(tmp_path):
    records = [
        person_record("a", "Ronald Reagan spoke.", ("Ronald Reagan", [])),
        person_record("b", "Mrs Reagan spoke.", ("Mrs Reagan", [])),
        person_record("c", "The bill Reagan signed.", ("bill Reagan", [])),
        person_record("d", "Reagan spoke.", ("Reagan", [])),
    ]
    with corpus_of(tmp_path / "c.duckdb", records) as corpus:
        assert corpus_names(corpus)["d:Reagan"] == "Ronald Reagan"  # neither "Mrs" nor "bill" is a given name
