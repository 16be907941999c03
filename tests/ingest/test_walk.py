from __future__ import annotations

import gzip

from storyline.ingest.walk import Inputs, discover
from storyline.model import Article, Failure
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def test_walk_folder_recursively_sorted_known_suffixes_only(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/two.jsonl.gz", "a.html", "c.txt", "notes.docx", ".hidden/x.txt", ".y.txt", "b/one.warc.gz"):
        (tmp_path / name).write_bytes(b"")
    assert [p.removeprefix(str(tmp_path) + "/") for p in discover([tmp_path])] == [
        "a.html", "b/one.warc.gz", "b/two.jsonl.gz", "c.txt"]


def test_walk_reads_every_format_and_counts_bytes(tmp_path):
    (tmp_path / "stories.jsonl.gz").write_bytes(gzip.compress((FIXTURES / "wire" / "stories.jsonl").read_bytes()))
    inputs = Inputs([FIXTURES / "pages", FIXTURES / "wire" / "harvest.txt", tmp_path])
    items = list(inputs)
    ids = [i.id for i in items if isinstance(i, Article)]
    assert len(ids) == 2 + 1 + 3  # two pages, the text file, three good JSON records
    assert {"w1", "w2", "w4"} <= set(ids)
    assert sum(isinstance(i, Failure) for i in items) == 5  # empty page, bad JSON, empty text, German, bad date
    assert inputs.total == inputs.done() > 0


def test_walk_missing_path_is_a_failure(tmp_path):
    [failure] = Inputs([tmp_path / "nope.jsonl"])
    assert isinstance(failure, Failure) and "no such file" in failure.reason
