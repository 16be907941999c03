"""Export every table of a corpus for other tools: Parquet (Spark, DuckDB, BigQuery), CSV or JSON Lines.

Parquet and CSV are written by DuckDB's COPY, partitioned by the publication month of the article
each row belongs to (``articles/month=1987-03/data_0.parquet``; ``month=unknown`` for undated
articles), so a reader can skip the months it does not need. JSON Lines is one file per table.
Tables that are not per article (corpus entities, failures) are one file each.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

FORMATS = ("parquet", "csv", "jsonl")
ARTICLE_TABLES = ("articles", "entities", "mentions", "times", "statements", "events", "amounts")
CORPUS_TABLES = ("corpus_entities", "failures")
_MONTH = "coalesce(strftime(a.date, '%Y-%m'), 'unknown')"
_OPTIONS = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER", "jsonl": "FORMAT JSON"}


def export(con: duckdb.DuckDBPyConnection, out: str | Path, fmt: str = "parquet") -> dict[str, int]:
    """Write every table under ``out``; returns the rows written per table."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    options = _OPTIONS[fmt]
    for table in ARTICLE_TABLES:
        key = "id" if table == "articles" else "article_id"
        # the minhash signature is internal; the record JSON repeats the other tables
        drop = " EXCLUDE (minhash, record)" if table == "articles" else ""
        query = (f"SELECT t.*{drop}, {_MONTH} AS month FROM {table} t JOIN articles a ON a.id = t.{key} "
                 f"ORDER BY month, t.{key}")
        if table == "articles":
            query = f"SELECT a.*{drop}, {_MONTH} AS month FROM articles a ORDER BY month, a.id"
        if fmt == "jsonl":
            target = out / f"{table}.jsonl"
            con.execute(f"COPY ({query}) TO '{_quote(target)}' ({options})")
        else:
            target = out / table
            con.execute(f"COPY ({query}) TO '{_quote(target)}' ({options}, PARTITION_BY (month), OVERWRITE_OR_IGNORE)")
        written[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    for table in CORPUS_TABLES:
        suffix = {"parquet": "parquet", "csv": "csv", "jsonl": "jsonl"}[fmt]
        con.execute(f"COPY (SELECT * FROM {table} ORDER BY 1) TO '{_quote(out / f'{table}.{suffix}')}' ({options})")
        written[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return written


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
