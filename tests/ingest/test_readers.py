from __future__ import annotations

import gzip
import io
import json

import pytest

from storyline import errors
from storyline.ingest.checks import check_date, check_text, decode
from storyline.ingest.readers import read_path, read_stream, split_front_matter
from storyline.model import Article, Failure

TEXT = "The council said on Monday that the new bridge would open in May, after two years of work."


def test_readers_text_with_front_matter(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"---\ntitle: Bridge opens\ndate: 2024-04-01\nsource: Sample\n---\n{TEXT}\n", encoding="utf-8")
    [article] = read_path(path)
    assert isinstance(article, Article)
    assert (article.title, article.date, article.source) == ("Bridge opens", "2024-04-01", "Sample")
    assert article.text == TEXT + "\n"


def test_readers_front_matter_needs_closing_fence():
    meta, text = split_front_matter("---\ntitle: x\nno end")
    assert meta == {} and text.startswith("---")


def test_readers_jsonl_bad_line_does_not_stop_the_rest():
    lines = [
        json.dumps({"id": "a1", "text": TEXT, "date": "2024-04-01"}),
        "{not json",
        json.dumps({"id": "a2", "body": TEXT}),
        json.dumps({"id": "a3", "text": ""}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a4", "text": TEXT, "date": "yesterday"}),
    ]
    items = list(read_stream(io.BytesIO("\n".join(lines).encode()), "x.jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article", "Failure", "Failure", "Failure"]
    assert items[1].where == "x.jsonl:2" and items[1].code == "E106"
    assert items[3].code == "E101"
    assert items[5].code == "E107"
    assert items[2].id == "a2"


def test_readers_json_array_and_gzip(tmp_path):
    path = tmp_path / "a.json.gz"
    path.write_bytes(gzip.compress(json.dumps([{"text": TEXT}, {"text": TEXT, "id": 7}]).encode()))
    items = list(read_path(path))
    assert [i.id for i in items][1] == "7"
    assert items[0].id == items[0].id and len(items[0].id) == 16  # hash id when none given


def test_readers_missing_file_is_a_failure(tmp_path):
    [item] = read_path(tmp_path / "nope.txt")
    assert isinstance(item, Failure) and "cannot read" in item.reason


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", errors.EmptyText),
        (b"   \n\t", errors.EmptyText),
        (b"\x00\x01\x02binary", errors.BinaryInput),
        ("caf\u00e9".encode("latin-1"), errors.NotUTF8),
    ],
)
def test_checks_refuse_unreadable_text(data, error):
    with pytest.raises(error):
        check_text(decode(data))


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a annoncé mercredi une nouvelle série de mesures pour soutenir les agriculteurs.",
        "El presidente anunció el miércoles que el país enviará ayuda humanitaria a la región.",
        "Die Regierung hat am Mittwoch neue Hilfen für die Landwirte angekündigt.",
        "Президент заявил в среду, что правительство направит помощь.",
    ],
)
def test_checks_refuse_other_languages(text):
    with pytest.raises(errors.NotEnglish):
        check_text(text)


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "Shr 34 cts vs 1.19 dlrs\n    Net 3,339,000 vs 4,429,000\n    Revs 45.1 mln vs 41.2 mln\n Reuter",
        "1010",
        "El Niño brought heavy rain to Peru, the agency said, and officials in La Paz expected more.",
    ],
)
def test_checks_accept_english_even_when_terse(text):
    assert check_text(text) == text


def test_checks_refuse_huge_text():
    with pytest.raises(errors.TooLarge):
        check_text("word " * 300_000)


def test_checks_dates():
    assert check_date("2024-04-01T10:00:00Z") == "2024-04-01"
    assert check_date(None) is None
    with pytest.raises(errors.BadDate):
        check_date("04/01/2024")


def test_errors_print_their_code():
    assert str(errors.EmptyText("empty text")) == "[E101] empty text"
