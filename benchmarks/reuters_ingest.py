"""Ingest Reuters-21578 into a corpus database and check the store's promises at that size.

    .venv/bin/python benchmarks/reuters_ingest.py --workers 2 --out /tmp/reuters-bench

1. full: ``storyline ingest reuters21578.jsonl.gz --db r.duckdb`` under ``/usr/bin/time -v`` (wall
   time, peak memory of the largest process), then its stats;
2. again: the same command a second time adds nothing;
3. timeline: ``storyline timeline --entity NAME`` for the most written-about person, wall time of the
   whole command and of the query alone;
4. resume: on the first ``--resume-stories`` lines (0: all), an uninterrupted ingest and one killed
   with SIGKILL half-way then run again give equal tables.

Slow (minutes of both cores): not part of ``make test``. Reads ../shared at run time.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl.gz"
STORYLINE = [sys.executable, "-m", "storyline"]
TABLES = ("articles", "entities", "mentions", "times", "statements", "events", "amounts", "failures",
          "corpus_entities", "schema_version", "state")


def timed(command: list[str]) -> tuple[float, int | None, subprocess.CompletedProcess]:
    """Wall seconds and peak RSS (KiB, from /usr/bin/time -v) of a command."""
    wrapped = ["/usr/bin/time", "-v", *command] if Path("/usr/bin/time").exists() else command
    started = time.monotonic()
    done = subprocess.run(wrapped, capture_output=True, text=True)
    seconds = time.monotonic() - started
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    return seconds, int(peak.group(1)) if peak else None, done


def stats(db: Path) -> dict:
    with duckdb.connect(str(db), read_only=True) as con:
        from storyline.store.queries import stats as query

        return query(con)


def dump(db: Path) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def summary_line(stderr: str) -> str:
    return next((line for line in reversed(stderr.splitlines()) if " read: " in line), "").strip()


def full(args, out: Path) -> dict:
    db = out / "r.duckdb"
    command = [*STORYLINE, "ingest", str(args.source), "--db", str(db), "--workers", str(args.workers)]
    seconds, peak, done = timed(command)
    result = {"seconds": round(seconds, 1), "peak_rss_mib": peak and round(peak / 1024), "summary": summary_line(done.stderr),
              "stats": stats(db)}
    seconds, _, done = timed(command)
    result["again"] = {"seconds": round(seconds, 1), "summary": summary_line(done.stderr), "same": stats(db) == result["stats"]}
    return result


def timeline(out: Path) -> dict:
    db = out / "r.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        [(name,)] = con.execute("SELECT name FROM corpus_entities WHERE type = 'PERSON' "
                                "ORDER BY articles DESC, name LIMIT 1").fetchall()
        from storyline.store.queries import timeline as query

        started = time.monotonic()
        rows = query(con, name)
        query_seconds = time.monotonic() - started
    started = time.monotonic()
    subprocess.run([*STORYLINE, "timeline", "--db", str(db), "--entity", name, "--format", "json"],
                   capture_output=True, check=True)
    return {"entity": name, "rows": len(rows), "query_seconds": round(query_seconds, 3),
            "command_seconds": round(time.monotonic() - started, 2)}


def resume(args, out: Path) -> dict:
    source = args.source
    if args.resume_stories:
        source = out / "prefix.jsonl"
        with gzip.open(args.source, "rt", encoding="utf-8") as lines, source.open("w", encoding="utf-8") as prefix:
            prefix.writelines(itertools.islice(lines, args.resume_stories))
    whole, killed = out / "whole.duckdb", out / "killed.duckdb"
    command = [*STORYLINE, "ingest", str(source), "--workers", str(args.workers), "--quiet"]
    subprocess.run([*command, "--db", str(whole)], check=True)
    expected = stats(whole)["articles"] + stats(whole)["failures"]
    process = subprocess.Popen([*command, "--db", str(killed), "--verbose"], stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    for line in process.stderr:  # kill at the first commit past half of the work
        found = re.search(r"committed ([\d,]+) articles", line)
        if found and int(found.group(1).replace(",", "")) >= expected // 2:
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    at_kill = stats(killed)
    subprocess.run([*command, "--db", str(killed)], check=True)
    return {"stories": args.resume_stories or "all", "articles_at_kill": at_kill["articles"],
            "failures_at_kill": at_kill["failures"], "articles": stats(killed)["articles"],
            "equal": dump(killed) == dump(whole)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("/tmp/storyline-reuters-bench"))
    parser.add_argument("--resume-stories", type=int, default=3000, help="lines for the kill-and-resume check (0: all)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["full", "timeline", "resume"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for leftover in args.out.glob("*.duckdb*"):
        leftover.unlink()
    report = {}
    if "full" not in args.skip:
        report["full"] = full(args, args.out)
        print(json.dumps(report["full"], indent=1, default=str), flush=True)
    if "timeline" not in args.skip and "full" not in args.skip:
        report["timeline"] = timeline(args.out)
        print(json.dumps(report["timeline"], indent=1), flush=True)
    if "resume" not in args.skip:
        report["resume"] = resume(args, args.out)
        print(json.dumps(report["resume"], indent=1), flush=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=1, default=str))


if __name__ == "__main__":
    main()
