"""Near-duplicate articles: the same wire story republished, found with MinHash and LSH (datasketch).

An article's signature is the MinHash of its word 3-grams (shingles); two articles whose estimated
Jaccard similarity is at least THRESHOLD and whose dates are at most WINDOW_DAYS apart are the
same story. The earliest one (by date, then id) is canonical and the others point to it, so the
choice does not depend on the order articles were ingested in.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import duckdb
import numpy as np

NUM_PERM = 64
SEED = 1
SCHEME = "affine32"  # datasketch 2's default, 32-bit values: stored as 4 bytes each
THRESHOLD = 0.8
# LSH finds candidates with a lower threshold, so that few true pairs are missed (at 0.8 a pair
# of 0.84 is missed one time in five); each candidate is then checked against THRESHOLD.
CANDIDATE_THRESHOLD = 0.5
SHINGLE = 3
# A republication follows the original within days; the same wording weeks apart is a new report
# from a template ("Fed adds reserves via customer repurchases"), not the same story.
WINDOW_DAYS = 7
_WORD = re.compile(r"\w+")


@cache
def _template():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def signature(text: str) -> bytes:
    """The MinHash signature of a text's word shingles, as bytes for the database."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_template().permutations, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype(np.uint32).tobytes()


def _lean(blob: bytes):
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(blob, dtype=np.uint32), scheme=SCHEME)


def find_near_duplicates(rows: list[tuple[str, date | None, bytes]]) -> dict[str, str]:
    """``{article id: canonical id}`` for ``(id, date, signature)`` rows sorted by date then id."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    kept: dict[str, tuple[date | None, object]] = {}  # canonical articles seen so far
    order = {article_id: n for n, (article_id, _, _) in enumerate(rows)}
    found = {}
    for article_id, day, blob in rows:
        minhash = _lean(blob)
        matches = [
            other for other in lsh.query(minhash)
            if _close(day, kept[other][0]) and minhash.jaccard(kept[other][1]) >= THRESHOLD
        ]
        if matches:
            found[article_id] = min(matches, key=order.__getitem__)
        else:
            kept[article_id] = (day, minhash)
            lsh.insert(article_id, minhash)
    return found


def _close(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS


def link_duplicates(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute the near-duplicate links of the whole corpus (inside the caller's transaction)."""
    rows = con.execute(
        "SELECT id, date, minhash FROM articles WHERE duplicate_kind IS DISTINCT FROM 'exact' "
        "AND minhash IS NOT NULL ORDER BY date NULLS LAST, id"
    ).fetchall()
    found = find_near_duplicates(rows)
    con.execute("UPDATE articles SET duplicate_of = NULL, duplicate_kind = NULL WHERE duplicate_kind = 'near'")
    if found:
        from storyline.store.columns import register

        register(con, "near_found", {"id": list(found), "canonical": list(found.values())})
        con.execute(
            "UPDATE articles SET duplicate_of = near_found.canonical, duplicate_kind = 'near' "
            "FROM near_found WHERE articles.id = near_found.id"
        )
        con.unregister("near_found")
    return len(found)
