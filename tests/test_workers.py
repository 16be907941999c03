"""Workers: MinHash signatures are computed only for the corpus, which needs them to find near-duplicates."""

from storyline.ingest.readers import make_article
from storyline.workers import analyse


def test_workers_analyse_computes_signatures_only_when_asked(nlp):
    articles = [make_article("Officials in Lima said on Monday that the port had reopened.", date="2025-03-04")]
    plain, signed = analyse(articles, nlp), analyse(articles, nlp, signatures=True)
    assert plain[0].signature is None and plain[0].item == signed[0].item
    assert isinstance(signed[0].signature, bytes) and len(signed[0].signature) > 0


def test_workers_wait_ready_then_give_what_one_process_gives(nlp):
    from storyline.workers import Workers

    articles = [make_article(f"Officials in Lima said on Monday that pier {i} had reopened.", date="2025-03-04")
                for i in range(5)]
    with Workers(2, warm=articles[:1]) as pool:
        pool.wait_ready()  # both workers loaded and warm; returns rather than hangs
        got = [a.item for _, batch in pool.map([(0, articles[:3]), (1, articles[3:])]) for a in batch]
    assert got == [a.item for a in analyse(articles, nlp)]


def test_analysed_travels_between_processes_as_json_and_arrives_the_same(nlp):
    import pickle

    from storyline.model import Failure
    from storyline.workers import Analysed

    articles = [make_article("Officials in Lima said on Monday that the port had reopened.", date="2025-03-04")]
    [done] = analyse(articles, nlp, signatures=True)
    sent = pickle.dumps(done)
    assert b"storyline.model" not in sent  # the JSON text, not the Record's object graph
    arrived = pickle.loads(sent)
    assert arrived.item == done.item and arrived.signature == done.signature and not arrived.failed
    assert arrived.json == done.item.to_json()
    failure = pickle.loads(pickle.dumps(Analysed(Failure(where="a.jsonl:2", code="E106", reason="no text"))))
    assert failure.failed and failure.item == Failure(where="a.jsonl:2", code="E106", reason="no text")
