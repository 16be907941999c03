"""The benchmark runs end to end and reports every measure (its figures are in BENCHMARKS.md, never asserted)."""

import gzip
import json

from storyline import bench

KEYS = {"spacy_words_per_s", "storyline_words_per_s", "ratio", "workers", "speedup", "ingest_articles_per_s", "peak_rss_mb"}


def test_bench_reports_every_measure(tmp_path):
    sample = tmp_path / "sample.jsonl.gz"
    stories = [{"newid": i, "date": "1987-03-0%d" % (i + 1), "body": f"Officials in Ottawa said on Monday that exports rose {i} pct in February."}
               for i in range(4)]
    with gzip.open(sample, "wt") as out:
        out.write("\n".join(json.dumps(s) for s in [{"newid": 99, "body": ""}, *stories]))
    result = bench.run(sample, articles=3, workers=1, ingest=True)
    assert KEYS <= set(result)
    assert result["articles"] == 3 and result["words"] == sum(len(s["body"].split()) for s in stories[:3])
    assert all(result[k] > 0 for k in KEYS)
    stages = result["stage_cpu_seconds"]
    assert {"tokenizer", "parser", "storyline_times", "storyline_events", "records"} <= set(stages)
    assert all(seconds >= 0 for seconds in stages.values())
    assert "words/s" in bench.render(result) and "storyline_times" in bench.render(result)


def test_chunks_are_of_one_size_and_keep_every_story():
    stories = list(range(400))
    parts = bench.chunks(stories, workers=2)
    assert [len(p) for p in parts] == [134, 134, 132]  # not 128, 128, 128 and a remainder of 16
    assert [s for p in parts for s in p] == stories
    assert bench.chunks(stories[:10], workers=2) == [stories[:10]]


def test_bench_with_workers_reports_the_machines_own_ceiling(tmp_path):
    sample = tmp_path / "sample.jsonl.gz"
    stories = [{"newid": i, "body": f"The ministry said on Monday that exports rose {i} pct in February."} for i in range(4)]
    with gzip.open(sample, "wt") as out:
        out.write("\n".join(json.dumps(s) for s in stories))
    result = bench.run(sample, articles=4, workers=2, ingest=False, repeat=1)
    assert result["workers"] == 2 and result["speedup"] > 0 and result["spacy_speedup"] > 0
    assert "this machine's ceiling" in bench.render(result)
