"""Fill a corpus from hand-built Records, without NLP."""

from __future__ import annotations

from storyline.corpus import Corpus
from storyline.store import Writer
from storyline.store.dedup import signature


def corpus_of(path, records, *, batch_size: int = 100) -> Corpus:
    corpus = Corpus(path)
    writer = Writer(corpus.store, batch_size=batch_size)
    for record in records:
        writer.record(record, signature(record.article.text))
    writer.commit()
    corpus.store.link()
    return corpus
