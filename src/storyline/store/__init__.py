"""The corpus store: a DuckDB database of articles and everything storyline read in them.

``schema`` (versioned migrations), ``db`` (opening it and the single writer), ``columns`` (records
as rows), ``dedup`` (near-duplicate articles), ``linking`` (corpus entities), ``queries``, ``export``.
"""

from storyline.store.db import Store, Writer

__all__ = ["Store", "Writer"]
