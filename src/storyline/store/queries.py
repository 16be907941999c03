"""Questions to a corpus: counts, entities, who said what, who did what, an entity's timeline.

Every query returns rows as dicts (ready for a table, JSON or CSV). Near- and exact-duplicate
articles are left out unless ``duplicates=True``, so a wire story republished ten times counts
once. A name matches a corpus entity by its name, the name an article gives it, or a mention
("Netanyahu" finds "Benjamin Netanyahu"); a corpus entity id (``C…``) matches itself.

Dates: an event's date is its own TIMEX3 value when it has one; otherwise, and for a statement
without a time of its own, the publication date of its article (``date_source`` says which).
``since``/``until`` compare ISO dates as text, so ``--since 2025-07`` takes all of July.
"""

from __future__ import annotations

import re

import duckdb

CORPUS_ID = re.compile(r"^C[0-9a-f]{12}$")
# the date part of a TIMEX3 value: 2025, 2025-07 or 2025-07-09 (not PRESENT_REF, 2025-W28, …)
_DATE_PART = r"'^\d{4}(-\d{2}(-\d{2})?)?'"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> list[dict]:
    cursor = con.execute(sql, params or {})
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _canonical(duplicates: bool, alias: str = "a") -> str:
    return "TRUE" if duplicates else f"{alias}.duplicate_of IS NULL"


def _date(value: str, article_date: str) -> str:
    """SQL for a resolved date: the date part of a TIMEX3 value, else the article's date."""
    part = f"regexp_extract({value}, {_DATE_PART})"
    return f"CASE WHEN {part} <> '' THEN {part} ELSE strftime({article_date}, '%Y-%m-%d') END"


def _date_source(value: str, own: str) -> str:
    return f"CASE WHEN regexp_extract({value}, {_DATE_PART}) <> '' THEN {own} ELSE 'article' END"


def _period(column: str, since: str | None, until: str | None) -> tuple[str, dict]:
    """``until`` is inclusive at its own precision: --until 2025-07 keeps 2025-07-31."""
    clauses, params = ["TRUE"], {}
    if since:
        clauses.append(f"{column} >= $since")
        params["since"] = since
    if until:
        clauses.append(f"left({column}, {len(until)}) <= $until")
        params["until"] = until
    return " AND ".join(clauses), params


def _limit(limit: int | None) -> str:
    return f"LIMIT {int(limit)}" if limit else ""


def stats(con: duckdb.DuckDBPyConnection) -> dict:
    def one(sql: str):
        return con.execute(sql).fetchone()[0]

    canonical = "article_id IN (SELECT id FROM articles WHERE duplicate_of IS NULL)"
    first, last = con.execute("SELECT min(date), max(date) FROM articles").fetchone()
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "canonical_articles": one("SELECT count(*) FROM articles WHERE duplicate_of IS NULL"),
        "exact_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_kind = 'exact'"),
        "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_kind = 'near'"),
        "entities": one("SELECT count(*) FROM corpus_entities"),
        "article_entities": one(f"SELECT count(*) FROM entities WHERE {canonical}"),
        "mentions": one(f"SELECT count(*) FROM mentions WHERE {canonical}"),
        "times": one(f"SELECT count(*) FROM times WHERE {canonical}"),
        "statements": one(f"SELECT count(*) FROM statements WHERE {canonical}"),
        "events": one(f"SELECT count(*) FROM events WHERE {canonical}"),
        "amounts": one(f"SELECT count(*) FROM amounts WHERE {canonical}"),
        "failures": one("SELECT count(*) FROM failures"),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "schema_version": one("SELECT max(version) FROM schema_version"),
        "linked": one("SELECT value = 'yes' FROM state WHERE key = 'linked'"),
    }


def resolve(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """The corpus entity ids a name stands for (several when people share a surname)."""
    if CORPUS_ID.match(name):
        return [name]
    rows = con.execute(
        """
        SELECT id FROM corpus_entities WHERE lower(name) = lower($name)
        UNION SELECT corpus_id FROM entities WHERE lower(name) = lower($name)
        UNION SELECT e.corpus_id FROM mentions m
              JOIN entities e ON e.article_id = m.article_id AND e.id = m.entity_id
              WHERE m.kind = 'name'
                    AND lower(m.text) IN (lower($name), lower($name) || '''s', lower($name) || '’s', lower($name) || '''')
        ORDER BY 1
        """,
        {"name": name.strip()},
    ).fetchall()
    return [r[0] for r in rows if r[0] is not None]


def entities(con: duckdb.DuckDBPyConnection, *, type: str | None = None, name: str | None = None,
             limit: int | None = 50) -> list[dict]:
    """Corpus entities, the most written-about first, with the names articles give them."""
    where, params = ["TRUE"], {}
    if type:
        where.append("c.type = $type")
        params["type"] = type.upper()
    if name:
        where.append("list_contains($ids, c.id)")
        params["ids"] = resolve(con, name)
    return _rows(con, f"""
        SELECT c.id, c.name, c.type, c.country, c.articles, c.mentions,
               (SELECT list_sort(list(DISTINCT regexp_replace(e.name, '\\s+', ' ', 'g'))) FROM entities e
                WHERE e.corpus_id = c.id) AS names
        FROM corpus_entities c WHERE {' AND '.join(where)}
        ORDER BY c.articles DESC, c.mentions DESC, c.name, c.id {_limit(limit)}
    """, params)


def _statements_sql(duplicates: bool, where: str = "TRUE") -> str:
    """Statements with speaker, resolved date and sentence; ``where`` filters ``s`` (and ``e``) first."""
    return f"""
        SELECT {_date('t.value', 'a.date')} AS date, {_date_source('t.value', "'time'")} AS date_source,
               coalesce(e.name, s.speaker_text) AS speaker, e.corpus_id, s.kind,
               coalesce(s.said, s.content_text) AS quote, s.cue_text AS cue,
               coalesce(re.name, r.speaker_text) AS via,
               substr(a.text, least(s.cue_start, s.content_start) + 1,
                      greatest(s.cue_end, s.content_end) - least(s.cue_start, s.content_start)) AS sentence,
               s.article_id, a.title, s.id AS statement_id, least(s.cue_start, s.content_start) AS start_char
        FROM statements s JOIN articles a ON a.id = s.article_id
        LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.speaker
        LEFT JOIN times t ON t.article_id = s.article_id AND t.id = s.time
        LEFT JOIN statements r ON r.article_id = s.article_id AND r.id = s.reported_by
        LEFT JOIN entities re ON re.article_id = r.article_id AND re.id = r.speaker
        WHERE {_canonical(duplicates)} AND {where}
    """


def quotes(con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, since: str | None = None,
           until: str | None = None, limit: int | None = None, duplicates: bool = False) -> list[dict]:
    """Statements, in date order; with ``speaker``, only those of the entity that name stands for."""
    period, params = _period("date", since, until)
    who = "TRUE"
    if speaker is not None:
        who = "list_contains($ids, e.corpus_id)"
        params["ids"] = resolve(con, speaker)
    return _rows(con, f"""
        SELECT date, date_source, speaker, kind, quote, cue, via, article_id, title
        FROM ({_statements_sql(duplicates, who)}) WHERE {period}
        ORDER BY date NULLS LAST, article_id, start_char {_limit(limit)}
    """, params)


def _involves(roles: tuple[str, ...]) -> str:
    """SQL: event ``v`` has, in one of ``roles``, an entity of the corpus entities ``$ids``."""
    held = " OR ".join(f"list_contains(v.{role}, x.id)" for role in roles)
    return (f"EXISTS (SELECT 1 FROM entities x WHERE x.article_id = v.article_id "
            f"AND list_contains($ids, x.corpus_id) AND ({held}))")


def _events_sql(duplicates: bool, where: str = "TRUE") -> str:
    """Events with actor names, resolved date and sentence; ``where`` filters ``v`` first (cheap)."""
    names = ("(SELECT list(x.name ORDER BY x.id) FROM entities x "
             "WHERE x.article_id = v.article_id AND list_contains(v.{0}, x.id))")
    return f"""
        SELECT {_date('v.date', 'a.date')} AS date,
               {_date_source('v.date', "v.date_source")} AS date_source,
               v.type, v.mode, v.trigger_text AS trigger, v.status,
               {names.format('source')} AS source, {names.format('target')} AS target,
               {names.format('location')} AS location,
               substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence,
               v.article_id, a.title, v.id AS event_id, v.trigger_start AS start_char
        FROM (SELECT * FROM events v WHERE {where}) v JOIN articles a ON a.id = v.article_id
        WHERE {_canonical(duplicates)}
    """


def events(con: duckdb.DuckDBPyConnection, *, actor: str | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None, limit: int | None = None,
           duplicates: bool = False) -> list[dict]:
    """Events in date order; ``actor`` is a source or target, ``type`` a PLOVER category."""
    period, params = _period("date", since, until)
    where = ["TRUE"]
    if actor is not None:
        where.append(_involves(("source", "target")))
        params["ids"] = resolve(con, actor)
    if type:
        where.append("upper(v.type) = upper($type)")
        params["type"] = type
    return _rows(con, f"""
        SELECT date, date_source, type, mode, trigger, source, target, location, status, sentence, article_id, title
        FROM ({_events_sql(duplicates, ' AND '.join(where))}) WHERE {period}
        ORDER BY date NULLS LAST, article_id, start_char {_limit(limit)}
    """, params)


def timeline(con: duckdb.DuckDBPyConnection, entity: str, *, since: str | None = None, until: str | None = None,
             duplicates: bool = False) -> list[dict]:
    """What an entity did, had done to it, and said, dated, in date order, each with its sentence."""
    ids = resolve(con, entity)
    period, params = _period("date", since, until)
    return _rows(con, f"""
        SELECT * EXCLUDE (start_char) FROM (
            SELECT date, date_source, 'event' AS kind, type AS what,
                   array_to_string(source, '; ') AS who, sentence, article_id, title, start_char
            FROM ({_events_sql(duplicates, _involves(("source", "target", "location")))})
            UNION ALL
            SELECT date, date_source, 'statement', 'said (' || kind || ')', speaker, sentence, article_id, title, start_char
            FROM ({_statements_sql(duplicates, "list_contains($ids, e.corpus_id)")})
        ) WHERE date IS NOT NULL AND {period}
        ORDER BY date, article_id, start_char
    """, {"ids": ids, **params})
