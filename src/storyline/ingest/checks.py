"""What makes a text an article storyline can read: UTF-8, not binary, English, not too big."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from storyline import errors

MAX_CHARS = 1_000_000  # spaCy's own default limit; longer texts are rarely single articles
_WORD = re.compile(r"[A-Za-z’']+")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z]")
# An English article of any length has many function words; other languages very few of ours.
MIN_STOPWORD_SHARE = 0.2
MIN_WORDS_FOR_LANGUAGE = 12
# A text with few English function words is refused only when another language's function words
# (spaCy's stop word lists) are what it is made of: a table of figures ("Shr 34 cts vs 1.19 dlrs /
# Net 807,000 vs 2,858,000") has few function words of any language and is English news all the same.
OTHER_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "ro", "tr", "id", "ca")
# ... and uses several of them: one word repeated ("Net profit … Net loss": Dutch "net") is no language.
MIN_DISTINCT_FOREIGN = 4


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
    sample = text[:20000]
    if not sample.isascii() and len(_LATIN.findall(sample)) < len(_LETTER.findall(sample)) / 2:
        raise errors.NotEnglish("does not look like English (mostly letters of another script)")
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        share = _share(words, STOP_WORDS)
        if share < MIN_STOPWORD_SHARE:
            language, other = max(((lang, _share(words, stops)) for lang, stops in _other_stop_words().items()),
                                  key=lambda found: found[1])
            distinct = set(words) & _other_stop_words()[language]
            if other >= MIN_STOPWORD_SHARE and other > share and len(distinct) >= MIN_DISTINCT_FOREIGN:
                raise errors.NotEnglish(
                    f"does not look like English ({share:.0%} English function words, {other:.0%} {language})")
    elif not words:
        raise errors.NotEnglish("no words in the text")
    return text


def _share(words: list[str], stop_words: set[str]) -> float:
    return sum(w in stop_words for w in words) / len(words)


@cache
def _other_stop_words() -> dict[str, set[str]]:
    # words English shares and one-letter words ("p", "m" in tables) tell nothing
    return {
        lang: {w for w in _spacy_stop_words(lang) if len(w) > 1 and w not in STOP_WORDS}
        for lang in OTHER_LANGUAGES
    }


def _spacy_stop_words(lang: str) -> set[str]:
    """spaCy's stop word list of a language, loaded alone: importing ``spacy.lang.xx`` whole costs ~0.3 s."""
    import importlib.util
    from pathlib import Path

    import spacy.lang

    path = Path(spacy.lang.__file__).parent / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_storyline_stop_words_{lang}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.STOP_WORDS)


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
