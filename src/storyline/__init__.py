"""storyline: news in, a structured, source-linked record out."""

from storyline.errors import InputError, StorylineError
from storyline.model import Article, Entity, Event, Failure, Mention, Record, Statement, TimeExpr, Amount
from storyline.pipeline import extract, extract_many, load_pipeline

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "Article",
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
