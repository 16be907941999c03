"""What makes a text an article storyline can read: UTF-8, not binary, English, not too big."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from storyline import errors

MAX_CHARS = 1_000_000  # spaCy's own default limit; longer texts are rarely single articles
_WORD = re.compile(r"[A-Za-z’']+")
# An English article of any length has many function words; other languages very few of ours.
MIN_STOPWORD_SHARE = 0.2
MIN_WORDS_FOR_LANGUAGE = 12


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
    words = _WORD.findall(text[:20000])
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        share = sum(w.lower().replace("’", "'") in STOP_WORDS for w in words) / len(words)
        if share < MIN_STOPWORD_SHARE:
            raise errors.NotEnglish(f"does not look like English ({share:.0%} English function words)")
    elif not words:
        raise errors.NotEnglish("no words in the text")
    return text


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
