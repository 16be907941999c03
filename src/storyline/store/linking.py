"""Corpus entities: the same person, organisation or place across articles is one entity.

Within an article the entities stage already gathers "Israeli Prime Minister Benjamin Netanyahu",
"Netanyahu" and "Netanyahu's" into one entity named "Benjamin Netanyahu". Across articles:

1. Entities of the same type whose names are the same once case, dots, a possessive and a leading
   "the" are set aside ("U.S. Treasury" = "US Treasury") are one corpus entity.
2. A place that is a country is keyed by its ISO code ("U.S." = "the United States").
3. A person named by a surname alone ("Netanyahu", in an article that never gives the full name)
   joins the one person whose full name (capitalised words, not a title: "Mrs Reagan" is not one)
   ends with that surname. When several full names do
   ("John Smith", "Jane Smith"), it joins the one that shares a title with it in that article
   ("Treasury Secretary Smith"), and otherwise stays apart: different people are never merged.

Everything is recomputed from the stored entities, so the result does not depend on the order
the articles were ingested in.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict

import duckdb

from storyline import countries, resources
from storyline.store.columns import register

PLACE_TYPES = {"GPE", "LOC"}
_POSSESSIVE = re.compile(r"['’]s?$")


def name_key(name: str) -> str:
    """"The U.S. Treasury's" → "us treasury"."""
    key = unicodedata.normalize("NFKC", name).replace("’", "'").strip()
    key = _POSSESSIVE.sub("", key).replace(".", "")
    key = " ".join(key.casefold().split())
    return key.removeprefix("the ")


def entity_key(name: str, type_: str) -> str:
    if type_ in PLACE_TYPES:
        found = countries.place(name)
        if found and found[1] == "country" and found[0]:
            return f"{type_}:country:{found[0]}"
    return f"{type_}:{name_key(name)}"


def is_full_name(name: str) -> bool:
    """A given name and a surname, all capitalised: "Ronald Reagan", not "Mrs Reagan" or "bill Reagan"."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    titles = resources.words("titles.txt")
    first = words[0].lower()
    return first not in titles and first.rstrip(".") not in titles and first + "." not in titles


def corpus_id(key: str) -> str:
    return "C" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def link_entities(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild corpus_entities and entities.corpus_id (inside the caller's transaction)."""
    names = con.execute("SELECT type, name, count(*) FROM entities GROUP BY type, name ORDER BY type, name").fetchall()
    key_of = {(t, n): entity_key(n, t) for t, n, _ in names}
    full_names = defaultdict(set)  # surname -> keys of full person names that end with it
    for (t, n), key in key_of.items():
        if t == "PERSON" and is_full_name(n):
            full_names[key.split()[-1]].add(key)

    # 3. surnames alone: one full name → join it; several → decide article by article, by titles
    ambiguous = {}
    for (t, n), key in list(key_of.items()):
        words = key.split(":", 1)[1].split()
        if t != "PERSON" or len(words) != 1 or not full_names.get(words[0]):
            continue
        candidates = full_names[words[0]]
        if len(candidates) == 1:
            key_of[(t, n)] = next(iter(candidates))
        else:
            ambiguous[n] = candidates
    overrides = _by_titles(con, ambiguous, key_of) if ambiguous else {}

    register(con, "link_names", {
        "type": [t for t, _ in key_of], "name": [n for _, n in key_of],
        "corpus_id": [corpus_id(k) for k in key_of.values()], "key": list(key_of.values()),
    })
    con.execute(
        "UPDATE entities SET corpus_id = link_names.corpus_id FROM link_names "
        "WHERE entities.type = link_names.type AND entities.name = link_names.name"
    )
    if overrides:
        register(con, "link_overrides", {
            "article_id": [a for a, _ in overrides], "id": [e for _, e in overrides],
            "corpus_id": [corpus_id(k) for k in overrides.values()],
        })
        con.execute(
            "UPDATE entities SET corpus_id = o.corpus_id FROM link_overrides o "
            "WHERE entities.article_id = o.article_id AND entities.id = o.id"
        )
        con.unregister("link_overrides")
    con.execute("DELETE FROM corpus_entities")
    register(con, "link_best", _best_names(con))
    con.execute("""
        INSERT INTO corpus_entities
        WITH countries AS (
            SELECT corpus_id, arg_max(country, (n, country)) AS country FROM (
                SELECT corpus_id, country, count(*) AS n FROM entities
                WHERE country IS NOT NULL GROUP BY corpus_id, country
            ) GROUP BY corpus_id
        ), counts AS (
            SELECT e.corpus_id, min(e.type) AS type,
                   count(DISTINCT e.article_id) FILTER (WHERE a.duplicate_of IS NULL) AS articles
            FROM entities e JOIN articles a ON a.id = e.article_id GROUP BY e.corpus_id
        ), mention_counts AS (
            SELECT e.corpus_id, count(*) AS mentions FROM mentions m
            JOIN entities e ON e.article_id = m.article_id AND e.id = m.entity_id
            JOIN articles a ON a.id = m.article_id
            WHERE a.duplicate_of IS NULL GROUP BY e.corpus_id
        )
        SELECT c.corpus_id, b.name, c.type, k.country, l.key, c.articles, coalesce(m.mentions, 0)
        FROM counts c JOIN link_best b USING (corpus_id)
        JOIN (SELECT DISTINCT corpus_id, key FROM link_names) l USING (corpus_id)
        LEFT JOIN countries k USING (corpus_id) LEFT JOIN mention_counts m USING (corpus_id)
        ORDER BY c.corpus_id
    """)
    con.unregister("link_best")
    con.unregister("link_names")
    return con.execute("SELECT count(*) FROM corpus_entities").fetchone()[0]


def _best_names(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """Each corpus entity's name: a full name over a surname, no possessive, then the most used."""
    best: dict[str, tuple] = {}
    for cid, type_, name, n in con.execute(
        "SELECT corpus_id, type, name, count(*) FROM entities GROUP BY ALL"
    ).fetchall():
        clean = " ".join(name.split())
        score = (not _POSSESSIVE.search(clean), type_ != "PERSON" or " " in clean, n, len(clean), clean)
        if cid not in best or score > best[cid]:
            best[cid] = score
    return {"corpus_id": list(best), "name": [score[-1] for score in best.values()]}


def _by_titles(con: duckdb.DuckDBPyConnection, ambiguous: dict[str, set[str]],
               key_of: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """For surname-only people: the one full name that shares a title in some article, if just one."""
    titles_of = defaultdict(set)  # full-name key -> its titles anywhere in the corpus
    full_keys = set().union(*ambiguous.values())
    for t, n, titles in con.execute(
        "SELECT type, name, flatten(list(titles)) FROM entities WHERE type = 'PERSON' GROUP BY type, name"
    ).fetchall():
        key = key_of.get((t, n))
        if key in full_keys:
            titles_of[key].update(name_key(x) for x in titles or ())
    found = {}
    register(con, "link_surnames", {"name": list(ambiguous)})
    rows = con.execute(
        "SELECT article_id, id, name, titles FROM entities "
        "WHERE type = 'PERSON' AND name IN (SELECT name FROM link_surnames)"
    ).fetchall()
    con.unregister("link_surnames")
    for article_id, entity_id, name, titles in rows:
        own = {name_key(x) for x in titles or ()}
        sharing = [key for key in ambiguous[name] if own & titles_of[key]]
        if len(sharing) == 1:
            found[(article_id, entity_id)] = sharing[0]
    return found
