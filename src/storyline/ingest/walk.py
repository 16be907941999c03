"""Find the input files under the paths a user gives, and read them all, keeping count of bytes read.

A folder is walked recursively in sorted order (so two runs see articles in the same order) and
yields the files whose suffix names a format storyline reads; hidden files and folders are
passed over. A file named on the command line is read whatever its suffix (as text if unknown).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from storyline import errors
from storyline.ingest.readers import Item, kind_of, read_stream
from storyline.model import Failure


def discover(paths: Iterable[str | Path]) -> Iterator[str]:
    """The files to read, in order: ``-`` (stdin), files as given, folders' readable files sorted."""
    for path in paths:
        if str(path) == "-":
            yield "-"
            continue
        path = Path(path)
        if path.is_dir():
            yield from (str(p) for p in _walk(path))
        else:
            yield str(path)


def _walk(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif kind_of(child.name) is not None:
            yield child


class Inputs:
    """Every article in ``paths``, with how far through the input bytes the reading is.

    ``total`` is the size of all files (None when stdin is read); ``done()`` the bytes read so far,
    from which a progress bar estimates the time left.
    """

    def __init__(self, paths: Iterable[str | Path]):
        self.files = list(discover(paths))
        sizes = [None if f == "-" else _size(f) for f in self.files]
        self.total: int | None = None if None in sizes else sum(sizes)  # type: ignore[arg-type]
        self._finished = 0
        self._current: IO[bytes] | None = None

    def done(self) -> int:
        current = self._current
        try:
            position = current.tell() if current is not None and not current.closed else 0
        except (OSError, ValueError):
            position = 0
        return self._finished + position

    def __iter__(self) -> Iterator[Item]:
        for name in self.files:
            if name == "-":
                yield from read_stream(sys.stdin.buffer, "-")
                continue
            try:
                with open(name, "rb") as stream:
                    self._current = stream
                    yield from read_stream(stream, name)
            except FileNotFoundError:
                yield Failure(where=name, code=errors.InputError.code, reason="cannot read: no such file or folder")
            except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
                reason = getattr(exc, "strerror", None) or str(exc)
                yield Failure(where=name, code=errors.InputError.code, reason=f"cannot read: {reason}")
            finally:
                self._current = None
                self._finished += _size(name) or 0


def _size(name: str) -> int:
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0
