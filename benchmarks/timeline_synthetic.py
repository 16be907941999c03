"""Time ``storyline timeline`` on a corpus that has statements and events: 20,000 generated articles.

    .venv/bin/python benchmarks/timeline_synthetic.py --articles 20000 --out /tmp/storyline-timeline

The Records are built by hand (no NLP: one meeting event, one quote, times and amounts each, among
200 people and 12 countries), written with the store's Writer and linked, then the timeline of one
person is asked for through the command line. Reuters, ingested with the entities stage only, has
no statements or events to put on a timeline yet.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.corpus import Corpus  # noqa: E402
from storyline.store import Writer  # noqa: E402
from storyline.store.dedup import signature  # noqa: E402
from tests.store.records import meeting_record  # noqa: E402

GIVEN = ["Anna", "Tomas", "Helen", "Daniel", "Lena", "Omar", "Grace", "Peter", "Maria", "Samuel"]
FAMILY = ["Berg", "Reyes", "Marsh", "Okafor", "Fischer", "Haddad", "Lin", "Novak", "Costa", "Adeyemi",
          "Brandt", "Ortiz", "Miller", "Gale", "Lopez", "Ito", "Kumar", "Silva", "Moreau", "Nilsen"]
COUNTRIES = ["Qatar", "Egypt", "Jordan", "France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "India",
             "Norway", "Chile"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/storyline-timeline"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / "synthetic.duckdb"
    for old in args.out.glob("synthetic.duckdb*"):
        old.unlink()
    rng = random.Random(1)
    people = [f"{g} {f}" for g in GIVEN for f in FAMILY]
    started = time.monotonic()
    with Corpus(db) as corpus:
        writer = Writer(corpus.store, batch_size=1000)
        for n in range(args.articles):
            person = rng.choice(people)
            day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            record = meeting_record(f"s{n:06d}", day, person=person, said=person.split()[-1],
                                    visited=rng.choice(COUNTRIES), event_date=day)
            # the articles share one template: sign each with its own random words, or they would
            # all be near-duplicates of each other
            writer.record(record, signature(" ".join(rng.choices(FAMILY + GIVEN + COUNTRIES, k=60))))
        writer.commit()
        corpus.store.link()
        stats = corpus.stats()
    built = time.monotonic() - started
    person = people[0]
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "storyline", "timeline", "--db", str(db), "--entity", person,
                           "--format", "json"], capture_output=True, text=True, check=True)
    command = time.monotonic() - started
    with Corpus(db, read_only=True) as corpus:
        started = time.monotonic()
        rows = corpus.timeline(person)
        query = time.monotonic() - started
    assert len(json.loads(done.stdout)) == len(rows)
    print(json.dumps({"articles": stats["articles"], "statements": stats["statements"], "events": stats["events"],
                      "build_seconds": round(built, 1), "entity": person, "rows": len(rows),
                      "command_seconds": round(command, 2), "query_seconds": round(query, 3)}, indent=1))


if __name__ == "__main__":
    main()
