"""storyline: news in, a structured, source-linked record out."""

from storyline.errors import InputError, StorylineError
from storyline.model import Amount, Article, Entity, Event, Failure, Mention, Record, Statement, TimeExpr

__version__ = "0.1.0"

# Loaded on first use: the pipeline imports spaCy (~0.6 s), which a query of a corpus never needs.
_LAZY = {
    "Corpus": "storyline.corpus",
    "extract": "storyline.pipeline",
    "extract_many": "storyline.pipeline",
    "load_pipeline": "storyline.pipeline",
}

__all__ = [
    "Amount",
    "Article",
    "Corpus",
    "Entity",
    "Event",
    "Failure",
    "InputError",
    "Mention",
    "Record",
    "Statement",
    "StorylineError",
    "TimeExpr",
    "__version__",
    "extract",
    "extract_many",
    "load_pipeline",
]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
