"""Which country a place, a nationality or an institution belongs to (ISO 3166-1 alpha-3).

Order of lookup: the project's own tables (``resources/places.tsv``, ``resources/demonyms.tsv``),
which hold the names news actually uses, then pycountry's official and common names.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pycountry

from storyline.resources import table

_APOSTROPHES = str.maketrans({"’": "'"})


def _key(name: str) -> str:
    name = name.translate(_APOSTROPHES).strip()
    for suffix in ("'s", "'"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    if name.lower().startswith("the "):
        name = name[4:]
    return name.casefold()


@cache
def _places() -> dict[str, tuple[str | None, str]]:
    return {_key(name): (None if code == "-" else code, kind) for name, code, kind in table("places.tsv")}


@cache
def _demonyms() -> dict[str, str]:
    found = {}
    for word, code in table("demonyms.tsv"):
        found[_key(word)] = code
        found[_key(word + "s")] = code  # the people: "Israelis", "Palestinians"
    return found


@lru_cache(maxsize=8192)  # the same names recur across articles, and pycountry's lookup is slow
def place(name: str) -> tuple[str | None, str] | None:
    """``(country code or None, kind)`` for a known place or institution, else None."""
    key = _key(name)
    if key in _places():
        return _places()[key]
    try:
        country = pycountry.countries.lookup(key)
    except LookupError:
        return None
    return country.alpha_3, "country"


def country_of_place(name: str) -> str | None:
    found = place(name)
    return found[0] if found else None


def country_of_demonym(word: str) -> str | None:
    """"Israeli" → ISR, "Qataris" → QAT."""
    return _demonyms().get(_key(word))


def country_name(code: str) -> str | None:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name
