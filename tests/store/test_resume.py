"""Kill -9 an ingest part-way, run it again: the database equals one from an uninterrupted run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import duckdb

from storyline.corpus import Corpus

TABLES = ("articles", "entities", "mentions", "times", "statements", "events", "amounts", "failures",
          "corpus_entities", "schema_version", "state")
PEOPLE = ["Anna Berg", "Tomas Reyes", "Helen Marsh", "Daniel Okafor", "Lena Fischer", "Omar Haddad", "Grace Lin",
          "Peter Novak", "Maria Costa", "Samuel Adeyemi"]
PLACES = ["Halden", "Morby", "Westford", "Kessel", "Brandon", "Port Ellis", "Larkspur", "Dunmore"]
GROUPS = ["the dock workers' union", "the regional council", "the farmers' association", "the port authority",
          "the teachers' federation", "the chamber of commerce"]
OPENINGS = [
    "{person} met leaders of {group} in {place} on {day} to discuss {topic}.",
    "Talks between {group} and the government over {topic} resumed in {place} on {day}, officials said.",
    "{group} threatened on {day} to strike in {place} unless an agreement on {topic} is reached.",
    "{person} announced on {day} a plan for {topic} that would affect thousands of families in {place}.",
]
MIDDLES = [
    "\"We are closer than we were a week ago,\" {person} told reporters after the meeting.",
    "{person} said the two sides still disagreed on how to pay for the proposal.",
    "The plan would cost about {n} million dollars over {years} years, according to the finance office.",
    "Officials in {place} said a vote could come before the end of the month.",
    "Critics said the proposal came too late and would do little for workers in {place}.",
]
TOPICS = ["wages", "the new harbour", "school funding", "water prices", "the rail line", "housing", "flood defences"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random, n: int) -> dict:
    fill = lambda s: s.format(person=rng.choice(PEOPLE), place=rng.choice(PLACES), group=rng.choice(GROUPS),  # noqa: E731
                              topic=rng.choice(TOPICS), day=rng.choice(DAYS), n=rng.randint(2, 90),
                              years=rng.randint(2, 9))
    sentences = [fill(rng.choice(OPENINGS))] + [fill(s) for s in rng.sample(MIDDLES, 3)]
    return {"id": f"a{n:03d}", "title": f"Story {n}", "date": f"2024-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}",
            "source": "Test Wire", "text": " ".join(sentences)}


def write_corpus(path, count: int = 50) -> None:
    rng = random.Random(7)
    records = [article(rng, n) for n in range(count)]
    lines = [json.dumps(r) for r in records]
    lines.insert(10, "{this line is broken")
    lines.insert(20, json.dumps({"id": "empty", "text": ""}))
    lines.append(json.dumps({**records[3], "id": "a003-again", "source": "Other Wire"}))  # same text, new id
    near = {**records[5], "id": "a005-update", "text": records[5]["text"] + " The talks continue next week."}
    lines.append(json.dumps(near))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def dump(path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def ingest_command(src, db, *extra):
    return [sys.executable, "-m", "storyline", "ingest", str(src), "--db", str(db), "--stages", "entities",
            "--batch-size", "5", *extra]


def test_resume_after_kill_equals_an_uninterrupted_run(tmp_path):
    src = tmp_path / "corpus.jsonl"
    write_corpus(src)
    with Corpus(tmp_path / "whole.duckdb") as corpus:
        whole = corpus.ingest([src], stages=("entities",), batch_size=5)
    assert (whole.analysed, whole.duplicates, whole.failed) == (51, 1, 2)

    killed = tmp_path / "killed.duckdb"
    process = subprocess.Popen(ingest_command(src, killed, "--verbose", "--workers", "2"), stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    commits = 0
    while commits < 3 and time.monotonic() < deadline:  # kill while batches are being committed
        line = process.stderr.readline()
        if not line:
            break
        commits += "committed" in line
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert commits == 3, "the ingest ended before it could be killed"
    assert 0 < len(dump(killed)["articles"]) < 52

    rerun = subprocess.run(ingest_command(src, killed, "--workers", "2"), capture_output=True, text=True, timeout=180)
    assert rerun.returncode == 0, rerun.stderr
    assert "already stored" in rerun.stderr
    assert dump(killed) == dump(tmp_path / "whole.duckdb")
