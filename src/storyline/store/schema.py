"""The corpus database's schema, as ordered migrations.

Each migration is a version number, a one-line description and SQL statements; ``migrate``
applies the ones a database has not had yet, each in its own transaction, and records it in
``schema_version``. A schema change is a new migration at the end, never an edit of an old one.

Every article-level table is keyed by ``article_id`` plus the id the Record gives the object
(``E1``, ``S2``…), so rows are the Record's own objects and a re-run can never double them.
``articles.record`` keeps the whole Record as JSON, so fields added to the model later are
stored even before a migration gives them a column.
"""

from __future__ import annotations

import duckdb

from storyline import errors

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "articles, their entities, mentions, times, statements, events, amounts; failures; corpus entities", [
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            date DATE,
            source VARCHAR,
            url VARCHAR,
            author VARCHAR,
            language VARCHAR,
            text VARCHAR NOT NULL,
            content_hash VARCHAR NOT NULL,   -- sha1 of the text: the same story under another id
            minhash BLOB,                    -- MinHash signature of word shingles, for near-duplicates
            duplicate_of VARCHAR,            -- the canonical article this one repeats (NULL: canonical)
            duplicate_kind VARCHAR,          -- 'exact' (same text: not analysed again) or 'near'
            record JSON                      -- the whole Record (NULL for an exact duplicate)
        )""",
        """CREATE TABLE entities (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            titles VARCHAR[],
            country VARCHAR,
            corpus_id VARCHAR,               -- corpus_entities.id: the same entity across articles
            PRIMARY KEY (article_id, id)
        )""",
        """CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            entity_id VARCHAR NOT NULL,
            n INTEGER NOT NULL,              -- position in the entity's mention list
            text VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            kind VARCHAR NOT NULL,
            PRIMARY KEY (article_id, entity_id, n)
        )""",
        """CREATE TABLE times (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            value VARCHAR,
            mod VARCHAR,
            anchor VARCHAR,
            text VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (article_id, id)
        )""",
        """CREATE TABLE statements (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            speaker VARCHAR,                 -- entities.id in the same article
            speaker_text VARCHAR,
            kind VARCHAR NOT NULL,
            cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER,
            content_text VARCHAR, content_start INTEGER, content_end INTEGER,
            time VARCHAR,                    -- times.id in the same article
            channel_text VARCHAR, channel_start INTEGER, channel_end INTEGER,
            hedge_text VARCHAR, hedge_start INTEGER, hedge_end INTEGER,
            PRIMARY KEY (article_id, id)
        )""",
        """CREATE TABLE events (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            source VARCHAR[],                -- entities.id in the same article
            target VARCHAR[],
            location VARCHAR[],
            date VARCHAR,                    -- TIMEX3 value
            date_source VARCHAR,
            status VARCHAR,
            reported_by VARCHAR,             -- statements.id
            amounts VARCHAR[],
            sentence_start INTEGER, sentence_end INTEGER,
            PRIMARY KEY (article_id, id)
        )""",
        """CREATE TABLE amounts (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            value DOUBLE,
            object VARCHAR,
            PRIMARY KEY (article_id, id)
        )""",
        """CREATE TABLE failures (
            location VARCHAR PRIMARY KEY,    -- file and line or record, or the article id
            code VARCHAR NOT NULL,
            reason VARCHAR NOT NULL
        )""",
        """CREATE TABLE corpus_entities (
            id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,           -- the name most articles use
            type VARCHAR NOT NULL,
            country VARCHAR,
            key VARCHAR NOT NULL,            -- what linked its article entities
            articles INTEGER NOT NULL,       -- canonical articles that mention it
            mentions INTEGER NOT NULL
        )""",
        # 'linked' is 'no' while articles are stored whose duplicates and corpus entities are not linked yet
        "CREATE TABLE state (key VARCHAR PRIMARY KEY, value VARCHAR)",
        "INSERT INTO state VALUES ('linked', 'yes')",
    ]),
    (2, "statements.said: the words said, without the cue clause that splits a quote", [
        # “…,” she said, “…”: content_text runs from the first piece to the last, cue included; said is
        # the pieces joined by " … " (Statement.said). Rows stored before this migration keep NULL.
        "ALTER TABLE statements ADD COLUMN said VARCHAR",
    ]),
    (3, "statements.reported_by: the report a statement is known through", [
        # "“…,” Sanders said, according to CNN": Sanders's statement, reported_by CNN's (statements.id)
        "ALTER TABLE statements ADD COLUMN reported_by VARCHAR",
    ]),
]

LATEST = MIGRATIONS[-1][0]


def version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of a database, 0 for an empty one."""
    has_table = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not has_table:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring a database up to the latest schema; returns the version it had."""
    found = version(con)
    if found > LATEST:
        raise errors.SchemaTooNew(f"the database has schema version {found}; this storyline knows up to {LATEST}")
    for number, description, steps in MIGRATIONS:
        if number <= found:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR)")
            for step in steps:
                con.execute(step)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, description])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return found
