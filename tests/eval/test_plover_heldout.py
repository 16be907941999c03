"""The events gates on our own held-out PLOVER-style sentences (tests/data/).

Both sets were written blind to the events lexicon, and the events stage must not be tuned on their
errors. Set A (plover_heldout.json) was first scored with the lexicon frozen on 2026-11-26: category
0.623, source 0.729, target 0.620, mode 0.483, over-generation 0.042; its floors follow the scores
measured since. Set B (plover_heldout_b.json) was written by another hand, blind to the lexicon and to
set A, and scored once, after the broader lexicon was merged: category 0.808, source 0.831, target
0.737, mode 0.633, over-generation 0.062 — the held-out figure to quote.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.eval.plover import evaluate
from tests.gates import assert_gate

DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize(
    "name, gate, records",
    [("plover_heldout.json", "events_heldout", 167), ("plover_heldout_b.json", "events_heldout_b", 177)],
)
def test_plover_heldout_gate(nlp, name, gate, records):
    scores, _ = evaluate(DATA / name, nlp)
    assert scores["records"] == records
    assert_gate(gate, scores)
