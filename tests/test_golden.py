"""Golden files: the full record for each sample article in examples/, checked into tests/gold/.

After an intended change of output, rewrite them with ``pytest tests/test_golden.py --update-golden``
and read the diff before committing it.
"""

from __future__ import annotations

import json

import pytest

from storyline.ingest.readers import read_path
from storyline.pipeline import extract_many
from tests.conftest import EXAMPLES, ROOT

GOLD = ROOT / "tests" / "gold"
SAMPLES = sorted(EXAMPLES.glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_golden_sample_article(path, nlp, request):
    [record] = extract_many(read_path(path), nlp)
    got = record.to_dict()
    got["article"].pop("text")
    gold = GOLD / f"{path.stem}.json"
    if request.config.getoption("--update-golden"):
        gold.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert gold.exists(), f"no golden file {gold.name}; run with --update-golden"
    assert got == json.loads(gold.read_text(encoding="utf-8"))
