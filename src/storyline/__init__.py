"""storyline: news in, a structured, source-linked record out."""

from storyline.errors import InputError, StorylineError

__version__ = "0.1.0"

# Loaded on first use: the pipeline imports spaCy (~0.6 s) and the model pydantic (~0.3 s), which a
# command that queries a corpus does not need.
_MODEL = ("Amount", "Article", "Entity", "Event", "Failure", "Mention", "Record", "Statement", "TimeExpr")
_LAZY = {
    **{name: "storyline.model" for name in _MODEL},
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
