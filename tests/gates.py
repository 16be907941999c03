"""Quality gates: an eval's scores may not fall below the floors kept in tests/floors/NAME.json.

A floor file holds ``{"floors": {metric: minimum}, "ceilings": {metric: maximum}}``; ceilings are for
measures where lower is better (over-generation). Raise a floor when a change improves a score;
never lower one to get green.
"""

from __future__ import annotations

import json
from pathlib import Path

FLOORS = Path(__file__).parent / "floors"


def load(name: str) -> dict:
    return json.loads((FLOORS / f"{name}.json").read_text(encoding="utf-8"))


def assert_gate(name: str, scores: dict[str, float]) -> None:
    bounds = load(name)
    below = {k: (scores.get(k), v) for k, v in bounds.get("floors", {}).items() if not scores.get(k, float("-inf")) >= v}
    above = {k: (scores.get(k), v) for k, v in bounds.get("ceilings", {}).items() if not scores.get(k, float("inf")) <= v}
    assert not below, f"{name}: below floor (score, floor): {below}"
    assert not above, f"{name}: above ceiling (score, ceiling): {above}"
