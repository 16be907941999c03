"""What makes a text an article storyline can read: UTF-8, not binary, English, not too big."""

from __future__ import annotations

import hashlib
import importlib
import re
from datetime import date
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from storyline import errors

MAX_CHARS = 1_000_000  # spaCy's own default limit; longer texts are rarely single articles
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")
# Function words of the languages news most often comes in besides English, from spaCy's own lists.
OTHER_LANGUAGES = ("de", "es", "fr", "it", "nl", "pt")
# A text is refused as not English only on positive evidence: mostly non-Latin letters, or more function
# words of another language than of English. Tables of figures (wire earnings reports) have few function
# words of any language and are English enough to read.
MIN_LATIN_SHARE = 0.5
MIN_OTHER_SHARE = 0.15
MIN_OTHER_TYPES = 3  # distinct words, so that "Net ... vs ..." earnings tables do not pass for Dutch
SAMPLE = 20_000


def decode(data: bytes) -> str:
    """Bytes to text, refusing binary and non-UTF-8 input."""
    if b"\x00" in data[:8192]:
        raise errors.BinaryInput("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise errors.NotUTF8(f"not UTF-8 (byte {exc.start})") from None


def check_text(text: str) -> str:
    """Return the text if storyline can read it, else raise an InputError saying why."""
    if not text or not text.strip():
        raise errors.EmptyText("empty text")
    if len(text) > MAX_CHARS:
        raise errors.TooLarge(f"text of {len(text):,} characters is over the limit of {MAX_CHARS:,}")
    if "\x00" in text:
        raise errors.BinaryInput("binary data, not text")
    _check_english(text[:SAMPLE])
    return text


def _check_english(sample: str) -> None:
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return  # figures only: nothing says it is not English
    latin = sum(c < "\u0250" for c in letters) / len(letters)
    if latin < MIN_LATIN_SHARE:
        raise errors.NotEnglish(f"does not look like English ({1 - latin:.0%} of letters are not Latin)")
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
    if not words:
        return
    english = sum(w in STOP_WORDS for w in words) / len(words)
    for stop_words in _other_stop_words().values():
        hits = [w for w in words if w in stop_words]
        share = len(hits) / len(words)
        if share >= MIN_OTHER_SHARE and share > english and len(set(hits)) >= MIN_OTHER_TYPES:
            raise errors.NotEnglish(f"does not look like English ({share:.0%} function words of another language)")


@cache
def _other_stop_words() -> dict[str, frozenset[str]]:
    return {
        code: frozenset(importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS) - STOP_WORDS
        for code in OTHER_LANGUAGES
    }


def check_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD), or a timestamp that starts with one, to YYYY-MM-DD."""
    if value is None or value == "":
        return None
    value = str(value).strip()
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise errors.BadDate(f"date {value!r} is not YYYY-MM-DD") from None


def text_id(text: str) -> str:
    """A stable id for an article that has none: a hash of its text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
