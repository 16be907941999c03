"""Every error storyline raises, each with a code, in one place.

StorylineError
 ├── InputError        an article that cannot be read (E1xx); one bad article never stops a batch
 ├── SetupError        the installation is missing something (E2xx)
 └── StoreError        a corpus database that cannot be opened or used (E4xx)

The message is one line, meant for a person: ``[E101] empty text``.
"""

from __future__ import annotations


class StorylineError(Exception):
    code = "E000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(StorylineError):
    code = "E100"


class EmptyText(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class NotUTF8(InputError):
    code = "E103"


class NotEnglish(InputError):
    code = "E104"


class TooLarge(InputError):
    code = "E105"


class BadRecord(InputError):
    """A JSON line that is not an object, or has no text."""

    code = "E106"


class BadDate(InputError):
    code = "E107"


class SetupError(StorylineError):
    code = "E200"


class ModelNotFound(SetupError):
    code = "E201"


class StoreError(StorylineError):
    code = "E400"


class SchemaTooNew(StoreError):
    """A database written by a newer storyline, whose schema this one does not know."""

    code = "E401"


class NotADatabase(StoreError):
    """No corpus database at the path (for a query), or a file that is not one."""

    code = "E402"


class DatabaseBusy(StoreError):
    """Another process is writing the database (DuckDB allows one writing process)."""

    code = "E403"
