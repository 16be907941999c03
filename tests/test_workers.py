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
