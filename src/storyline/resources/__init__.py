"""Language data, kept apart from the code that uses it. Each file says where it came from."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def lines(name: str) -> list[str]:
    """The non-blank, non-comment lines of a resource file."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated resource file as rows."""
    return tuple(tuple(line.split("\t")) for line in lines(name))


@cache
def words(name: str) -> frozenset[str]:
    """A one-word-a-line resource file as a set."""
    return frozenset(line.strip() for line in lines(name))
