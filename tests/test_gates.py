import json

import pytest

from tests import gates


def test_gates_fail_below_floor(tmp_path, monkeypatch):
    (tmp_path / "demo.json").write_text(json.dumps({"floors": {"f1": 0.8}, "ceilings": {"over": 0.1}}))
    monkeypatch.setattr(gates, "FLOORS", tmp_path)
    gates.assert_gate("demo", {"f1": 0.81, "over": 0.05})
    with pytest.raises(AssertionError):
        gates.assert_gate("demo", {"f1": 0.79, "over": 0.05})
    with pytest.raises(AssertionError):
        gates.assert_gate("demo", {"f1": 0.9, "over": 0.2})
    with pytest.raises(AssertionError):
        gates.assert_gate("demo", {"over": 0.05})  # a missing score fails too
