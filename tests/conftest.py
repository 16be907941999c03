"""Shared fixtures: one loaded pipeline per test session, and the paths of the shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SEED = SHARED / "examples" / "seed-article.txt"
SEED_DATE = "2025-07-09"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/gold/ from current output")


@pytest.fixture(scope="session")
def nlp():
    from storyline.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_record(nlp):
    if not SEED.exists():
        pytest.skip("the seed article is not here (../shared is absent)")
    from storyline import extract

    return extract(SEED.read_text(encoding="utf-8"), nlp, date=SEED_DATE)


def shared(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent (a user's machine)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is absent)")
    return path
