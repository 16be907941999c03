"""Local worker processes that do the NLP; the parent, the single writer, stores what they return.

Each worker loads the pipeline once (``load_pipeline``) and reads batches of articles with
``extract_many`` (``nlp.pipe`` batching), returning an :class:`Analysed` per article: the Record
or the Failure, and for the corpus the MinHash signature used to find near-duplicates. Results come back in
the order the batches were given, and only a few batches are in flight at a time, so memory
stays flat however large the input. ``Workers(1)`` does the work in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from storyline.model import Article, Failure, Record

T = TypeVar("T")
# Articles per task, which is also the worker's nlp.pipe batch. Small tasks keep both workers busy to
# the end of the input, but spaCy reads batches of 8 with ~8% more CPU per story than batches of 16,
# and 16 was as fast as 32 or 64 (384 Reuters stories, 3 interleaved rounds).
TASK_SIZE = 16
IN_FLIGHT_PER_WORKER = 4


class Analysed:
    """One article's result: its Record or Failure, and for the corpus the MinHash signature.

    It travels from a worker to the parent as the item's JSON, made in the worker, where the CPU is
    shared out, rather than as a pickled object graph: the parent, which competes with the workers for
    the cores, decodes the Record only if it asks for ``item``, and ``extract`` prints ``json`` as it
    came. Rebuilding pickled Records cost the parent about 0.5 ms an article, which with two workers on
    two cores cost the speed-up about 0.1 (BENCHMARKS.md). In the process that made it nothing is
    converted.
    """

    __slots__ = ("_item", "_json", "_failed", "signature")

    def __init__(self, item: Record | Failure, signature: bytes | None = None):
        self._item: Record | Failure | None = item
        self._json: str | None = None
        self._failed = isinstance(item, Failure)
        self.signature = signature

    @classmethod
    def _arrived(cls, json: str, failed: bool, signature: bytes | None) -> Analysed:
        self = cls.__new__(cls)
        self._item, self._json, self._failed, self.signature = None, json, failed, signature
        return self

    def __reduce__(self):
        return Analysed._arrived, (self.json, self._failed, self.signature)

    @property
    def failed(self) -> bool:
        return self._failed

    @property
    def item(self) -> Record | Failure:
        if self._item is None:
            self._item = (Failure if self._failed else Record).model_validate_json(self._json)
        return self._item

    @property
    def json(self) -> str:
        """The item as one line of JSON (``Record.to_json``)."""
        if self._json is None:
            self._json = self._item.to_json()
        return self._json


def analyse(articles: list[Article], nlp=None, signatures: bool = False) -> list[Analysed]:
    """Run the pipeline over a batch of articles (in a worker, or in this process), with each
    Record's MinHash signature when ``signatures`` (the corpus needs them, ``extract`` does not)."""
    from storyline.pipeline import extract_many
    from storyline.store.dedup import signature

    out = []
    for item in extract_many(articles, nlp or _NLP, batch_size=max(1, len(articles))):
        if isinstance(item, Record) and signatures:
            out.append(Analysed(item, signature(item.article.text)))
        else:
            out.append(Analysed(item))
    return out


_NLP = None


def _load(stages: tuple[str, ...], model: str | None):
    from storyline.pipeline import STAGES, load_pipeline

    # load_pipeline is cached by its arguments: with the defaults, share the cache of a bare call
    return load_pipeline() if stages == STAGES and model is None else load_pipeline(stages, model)


def _start_worker(stages: tuple[str, ...], model: str | None, ready, warm: list[Article] | None) -> None:  # noqa: ANN001
    global _NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the pool
    _NLP = _load(stages, model)
    if warm:
        analyse(warm)  # the first articles through a fresh pipeline are slow: a benchmark starts warm
    ready.release()
    parent = os.getppid()

    def watch_parent() -> None:  # a worker whose parent was killed (kill -9) ends too
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch_parent, daemon=True).start()


class Workers(Generic[T]):
    """``with Workers(n, stages) as w: for tag, results in w.map((tag, articles) ...)``"""

    def __init__(self, n: int = 1, stages: tuple[str, ...] | None = None, model: str | None = None,
                 signatures: bool = False, warm: list[Article] | None = None):
        from storyline.pipeline import STAGES

        self.n = max(1, n)
        self.signatures = signatures
        self.stages = tuple(stages or STAGES)
        self.model = model
        self.warm = warm  # articles each worker reads once before it takes work
        self._pool = None
        self._ready = None

    def __enter__(self) -> Workers[T]:
        if self.n > 1:
            # spawn, not fork: the parent may already run threads (the progress bar)
            context = multiprocessing.get_context("spawn")
            self._ready = context.Semaphore(0)
            self._pool = context.Pool(self.n, initializer=_start_worker,
                                      initargs=(self.stages, self.model, self._ready, self.warm))
        return self

    def wait_ready(self) -> None:
        """Return once every worker has loaded its pipeline (and read the warm-up articles)."""
        if self._ready is not None:
            for _ in range(self.n):
                self._ready.acquire()

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            if exc_info[0] is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def map(self, batches: Iterable[tuple[T, list[Article]]]) -> Iterator[tuple[T, list[Analysed]]]:
        """Each ``(tag, articles)`` batch analysed, yielded in the order given, with its tag."""
        if self._pool is None:
            nlp = _load(self.stages, self.model)
            for tag, articles in batches:
                yield tag, analyse(articles, nlp, self.signatures) if articles else []
            return
        in_flight: deque = deque()
        for tag, articles in batches:
            in_flight.append((tag, self._pool.apply_async(analyse, (articles, None, self.signatures)) if articles else None))
            if len(in_flight) >= self.n * IN_FLIGHT_PER_WORKER:
                yield self._next(in_flight)
        while in_flight:
            yield self._next(in_flight)

    @staticmethod
    def _next(in_flight: deque) -> tuple[T, list[Analysed]]:
        tag, pending = in_flight.popleft()
        return tag, pending.get() if pending is not None else []


def extract_parallel(items: Iterable[Article | Failure], workers: int, batch_size: int = TASK_SIZE) -> Iterator[Analysed]:
    """``extract_many`` spread over ``workers`` processes, in input order: each Record or Failure as an
    :class:`Analysed`, whose ``json`` the parent can print without rebuilding the Record."""

    def batches() -> Iterator[tuple[list[Article | Failure], list[Article]]]:
        batch: list[Article | Failure] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield batch, [a for a in batch if isinstance(a, Article)]
                batch = []
        if batch:
            yield batch, [a for a in batch if isinstance(a, Article)]

    with Workers(workers) as pool:
        for batch, results in pool.map(batches()):
            done = iter(results)
            for item in batch:
                yield Analysed(item) if isinstance(item, Failure) else next(done)
