"""How fast storyline reads news, against the parse it stands on (``storyline bench``, ``make bench``).

On one fixed sample of Reuters-21578 stories, in one run:

1. bare spaCy: ``nlp.pipe`` with the same model and components, and no storyline stage (the limit
   of this design), on the text storyline's tokenizer reads (``pipeline.normalise``);
2. storyline in this process: every stage, the conversion to Records (``extract_many``) and each
   Record's JSON, as ``storyline extract --format jsonl`` prints it;
3. the same with N worker processes (``workers.Workers``), start-up excluded, up to the JSON in the
   parent;
3b. bare spaCy in N processes, the machine's own ceiling for 3 (1, 2, 3 and 3b are timed chunk by
   chunk in turn, over several rounds: see :func:`run`);
4. ``storyline ingest`` of the sample into a new DuckDB file with N workers, start-up included;
5. peak memory (RSS) of one worker;
6. where the time goes: CPU seconds of each pipeline component, and of the conversion to Records.

Words are whitespace-separated words of the article texts, the same count for every measure.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import platform
import resource
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storyline.model import Article

DEFAULT_SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl.gz"
BATCH = 32
# Stories per worker in each chunk of the interleave (see ``run``).
CHUNK_PER_WORKER = 64


def load_sample(path: Path, n: int) -> list[Article]:
    """The first ``n`` stories with a body, in file order: the same sample every run."""
    from storyline.ingest.readers import from_mapping

    articles = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not (record.get("body") or "").strip():
                continue
            articles.append(from_mapping(record))
            if len(articles) >= n:
                break
    return articles


def _words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _time_spacy(nlp, texts: list[str]) -> float:  # noqa: ANN001 - a spaCy Language
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    return time.perf_counter() - started


def _time_storyline(nlp, articles: list[Article]) -> float:  # noqa: ANN001 - a spaCy Language
    from storyline.pipeline import extract_many

    started = time.perf_counter()
    for item in extract_many(articles, nlp, batch_size=BATCH):
        item.to_json()  # what ``extract --format jsonl`` prints
    return time.perf_counter() - started


def bench_stages(articles: list[Article]) -> dict[str, float]:
    """CPU seconds of the tokenizer, each pipeline component and the conversion to Records, run
    one after the other over the whole sample (CPU time, so other jobs on the machine matter less)."""
    from storyline.pipeline import load_pipeline, make_doc
    from storyline.record import to_record

    nlp = load_pipeline()
    list(nlp.pipe((make_doc(nlp, a) for a in articles[:BATCH]), batch_size=BATCH))  # warm-up
    seconds = {}
    started = time.process_time()
    docs = [make_doc(nlp, a) for a in articles]
    seconds["tokenizer"] = time.process_time() - started
    for name, component in nlp.pipeline:
        started = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=BATCH))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    started = time.process_time()
    for doc in docs:
        to_record(doc)
    seconds["records"] = time.process_time() - started
    return seconds


_BARE = None


def _start_bare(warm: list[str], ready) -> None:  # noqa: ANN001 - a multiprocessing Semaphore
    """A worker process of bare spaCy, for the machine's own ceiling (see ``run``)."""
    global _BARE
    from storyline.pipeline import load_model

    _BARE = load_model()
    _pipe_bare(warm)
    ready.release()


def _pipe_bare(texts: list[str]) -> int:
    for _ in _BARE.pipe(texts, batch_size=max(1, len(texts))):
        pass
    return len(texts)


def _time_bare_pool(pool, parts: list[list[str]]) -> float:  # noqa: ANN001 - a multiprocessing Pool
    started = time.perf_counter()
    for pending in [pool.apply_async(_pipe_bare, (texts,)) for texts in parts]:
        pending.get()
    return time.perf_counter() - started


@contextmanager
def _bare_pool(workers: int, warm: list[Article]) -> Iterator:
    """``workers`` processes of bare spaCy, each warm before it is used (None for one worker)."""
    if workers < 2:
        yield None
        return
    from storyline.pipeline import normalise

    context = multiprocessing.get_context("spawn")
    ready = context.Semaphore(0)
    with context.Pool(workers, initializer=_start_bare, initargs=([normalise(a.text) for a in warm], ready)) as pool:
        for _ in range(workers):
            ready.acquire()
        yield pool


def _time_pool(pool, parts: list[list[Article]]) -> float:  # noqa: ANN001 - a Workers pool
    started = time.perf_counter()
    for _, results in pool.map(enumerate(parts)):
        for result in results:
            _ = result.json  # what ``extract --format jsonl`` prints, made in the worker
    return time.perf_counter() - started


def tasks(articles: list[Article]) -> list[list[Article]]:
    """``articles`` in tasks of ``workers.TASK_SIZE``, as ``extract`` and ``ingest`` send them, the
    longest first: the workers take tasks as they free up, and the short ones last even out the end
    of a chunk, where one worker would otherwise wait for the other."""
    from storyline.workers import TASK_SIZE

    ordered = sorted(articles, key=lambda a: -len(a.text.split()))
    return [ordered[i : i + TASK_SIZE] for i in range(0, len(ordered), TASK_SIZE)]


def chunks(articles: list[Article], workers: int) -> list[list[Article]]:
    """The sample in chunks of about ``CHUNK_PER_WORKER`` stories per worker, all of one size, so
    that no chunk is a short remainder the workers cannot share."""
    n = max(1, round(len(articles) / (CHUNK_PER_WORKER * max(1, workers))))
    size = -(-len(articles) // n)
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def bench_ingest(articles: list[Article], workers: int) -> float:
    """Seconds for ``storyline ingest`` of the sample into a new database, start-up included."""
    from storyline.corpus import Corpus

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "sample.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps({"id": a.id, "text": a.text, "date": a.date, "title": a.title}) + "\n")
        started = time.perf_counter()
        with Corpus(Path(tmp) / "bench.duckdb") as corpus:
            corpus.ingest([source], workers=workers)
        return time.perf_counter() - started


def run(sample: Path = DEFAULT_SAMPLE, articles: int = 400, workers: int = 2, ingest: bool = True,
        repeat: int = 3) -> dict:
    """Every measure on one sample; the keys of ``storyline bench --format json``.

    With several workers it also measures how far this machine lets N processes go at all: bare
    spaCy in ``workers`` processes against one, on the same tasks and in the same interleave
    (``spacy_speedup``, the ceiling for ``speedup``; only the article count comes back, so it errs high).

    The machine is shared, and its speed drifts by 15% within a minute, so the throughputs are
    timed in turn on each chunk of about ``workers`` × 64 articles (a few seconds): bare spaCy and
    storyline in batches of 32, then the workers, in tasks as ``extract`` sends them, then bare spaCy
    in as many processes on the same tasks. A slow spell slows them all alike. The ratio and the
    speed-ups are those of total times over ``repeat`` rounds; words per second come from each
    measure's fastest round. The workers wait for each other
    at the end of every chunk, which a long run does not, so the speed-up errs low (the workers
    idled 3–4% of the pool's time with chunks of 64 per worker). Every model is loaded and has read
    a first batch before any clock starts.
    """
    from storyline.pipeline import load_model, load_pipeline, normalise
    from storyline.workers import Workers

    docs = load_sample(sample, articles)
    words = _words(docs)
    bare, nlp = load_model(), load_pipeline()
    _time_spacy(bare, [normalise(a.text) for a in docs[:BATCH]])
    _time_storyline(nlp, docs[:BATCH])
    spacy_rounds, storyline_rounds, pool_rounds, bare_pool_rounds = [], [], [], []
    with Workers(workers, warm=docs[:BATCH]) as pool, _bare_pool(workers, docs[:BATCH]) as bare_pool:
        # every worker loads its model and reads the first batch before the clock starts (sending
        # warm-up tasks did not ensure it: one worker could take both while the other was loading)
        pool.wait_ready()
        for _ in range(max(1, repeat)):
            spacy_s = storyline_s = pool_s = bare_pool_s = 0.0
            for part in chunks(docs, workers):
                for j in range(0, len(part), BATCH):
                    spacy_s += _time_spacy(bare, [normalise(a.text) for a in part[j : j + BATCH]])
                    storyline_s += _time_storyline(nlp, part[j : j + BATCH])
                if workers > 1:
                    pool_s += _time_pool(pool, tasks(part))
                    bare_pool_s += _time_bare_pool(bare_pool, [[normalise(a.text) for a in t] for t in tasks(part)])
            spacy_rounds.append(spacy_s)
            storyline_rounds.append(storyline_s)
            pool_rounds.append(pool_s)
            bare_pool_rounds.append(bare_pool_s)
    spacy_s, storyline_s = min(spacy_rounds), min(storyline_rounds)
    one_rss = _peak_rss_mb()
    result = {
        "python": platform.python_version(),
        "articles": len(docs),
        "words": words,
        "repeat": max(1, repeat),
        "spacy_words_per_s": words / spacy_s,
        "storyline_words_per_s": words / storyline_s,
        "ratio": sum(spacy_rounds) / sum(storyline_rounds),
        "workers": workers,
    }
    if workers > 1:
        result["workers_words_per_s"] = words / min(pool_rounds)
        result["speedup"] = sum(storyline_rounds) / sum(pool_rounds)
        result["spacy_speedup"] = sum(spacy_rounds) / sum(bare_pool_rounds)
        result["peak_rss_mb"] = _peak_rss_mb(resource.RUSAGE_CHILDREN)
    else:
        result["workers_words_per_s"] = result["storyline_words_per_s"]
        result["speedup"] = 1.0
        result["peak_rss_mb"] = one_rss
    result["single_process_rss_mb"] = one_rss
    result["stage_cpu_seconds"] = bench_stages(docs)
    if ingest:
        result["ingest_articles_per_s"] = len(docs) / bench_ingest(docs, workers)
    return result


def render(result: dict) -> str:
    rows = [
        ("Python", result["python"]),
        ("sample", f"{result['articles']} Reuters-21578 stories, {result['words']:,} words"),
        ("rounds", f"{result.get('repeat', 1)}; words/s from the fastest, the ratio from all"),
        ("bare spaCy nlp.pipe", f"{result['spacy_words_per_s']:,.0f} words/s"),
        ("storyline, 1 process", f"{result['storyline_words_per_s']:,.0f} words/s (ratio {result['ratio']:.2f})"),
        (f"storyline, {result['workers']} workers", f"{result['workers_words_per_s']:,.0f} words/s (speedup {result['speedup']:.2f}×)"),
    ]
    if "spacy_speedup" in result:
        rows.append((f"bare spaCy, {result['workers']} processes", f"speedup {result['spacy_speedup']:.2f}× (this machine's ceiling)"))
    rows += [
        ("peak RSS per worker", f"{result['peak_rss_mb']:,.0f} MB"),
    ]
    if "ingest_articles_per_s" in result:
        rows.append((f"ingest into DuckDB, {result['workers']} workers", f"{result['ingest_articles_per_s']:,.1f} articles/s"))
    stages = result.get("stage_cpu_seconds") or {}
    if stages:
        total = sum(stages.values()) or 1.0
        rows.append(("where the time goes, 1 process", ""))
        rows += [(f"  {name}", f"{s:.2f} CPU s ({s / total:.0%})") for name, s in stages.items()]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)

