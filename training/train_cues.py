"""Train the cue-head model (``storyline.learned.cues``) on PolNeAR train and save it for the stage.

    pip install -e '.[train]'
    python training/train_cues.py --polnear ../shared/corpora/polnear/data \
        --out src/storyline/resources/models/cues/cues.json.gz

Only the ``train`` compartment is learned from; articles annotated by several annotators are
learned from their first annotator. ``--holdout N`` keeps every Nth train article out of training
and prints the model's head precision and recall on it (how the thresholds in the statements stage
were chosen); the shipped model is trained on all of train. Deterministic: liblinear, no shuffling.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Token

from storyline.eval.polnear import GoldDoc, read_corpus
from storyline.learned.cues import CANDIDATE_POS, CueModel, extent_candidates, extent_features, features
from storyline.stages.quotes import find_quotes, inside
from storyline.stages.statements import StatementStage
from storyline.stages import doc_text

C = 0.3  # inverse regularisation strength: chosen on --holdout 8 among 0.1, 0.3, 1
MIN_COUNT = 2  # a feature seen once is noise and bloats the table


def cue_heads(doc: Doc, gold: GoldDoc) -> set[int]:
    """Token indices of the syntactic heads of the first annotator's cues."""
    heads = set()
    for relation in gold.annotations[0].relations:
        span = doc.char_span(*relation.cue, alignment_mode="expand")
        if span is not None and len(span):
            heads.add(span.root.i)
    return heads


def examples(doc: Doc, stage: StatementStage) -> Iterator[tuple[int, list[str]]]:
    """(token index, features) of every candidate token of a parsed article."""
    quotes = find_quotes(doc_text(doc))
    for token in doc:
        if token.pos_ in CANDIDATE_POS:
            yield token.i, features(token, inside(token.idx, quotes), stage.rule_kind(token))


def counted(feats: list[str]) -> dict[str, int]:
    """Feature counts, as the model sums them at run time: "c=prep" twice for two prepositions."""
    out: dict[str, int] = {}
    for f in feats:
        out[f] = out.get(f, 0) + 1
    return out


def dataset(docs: list[Doc], golds: list[GoldDoc], stage: StatementStage) -> tuple[list[dict], list[int]]:
    xs, ys = [], []
    for doc, gold in zip(docs, golds, strict=True):
        heads = cue_heads(doc, gold)
        for i, feats in examples(doc, stage):
            xs.append(counted(feats))
            ys.append(int(i in heads))
    return xs, ys


def gold_cues(doc: Doc, gold: GoldDoc) -> dict[int, tuple[int, int]]:
    """The token range of each first-annotator cue, by its head token."""
    out = {}
    for relation in gold.annotations[0].relations:
        span = doc.char_span(*relation.cue, alignment_mode="expand")
        if span is not None and len(span):
            out[span.root.i] = (span.start, span.end)
    return out


def extent_dataset(docs: list[Doc], golds: list[GoldDoc], stage: StatementStage) -> tuple[list[dict], list[int]]:
    """The words that may join each verb cue the stage finds on a gold cue's head, labelled by
    whether the gold cue spans them."""
    seen: list[tuple[Token, tuple[int, int], set[int]]] = []

    def record(verb: Token, rule_cue: tuple[int, int], blocked: set[int]) -> tuple[int, int]:
        seen.append((verb, rule_cue, blocked))
        # a cue noun left of its verb ("the hope he expressed for") gives an empty range, which the
        # extent model turns into the head alone
        return rule_cue if rule_cue[0] < rule_cue[1] else (verb.i, verb.i + 1)

    stage.cue_extent = record  # type: ignore[method-assign]
    xs, ys = [], []
    try:
        for doc, gold in zip(docs, golds, strict=True):
            seen.clear()
            stage(doc)
            cues = gold_cues(doc, gold)
            for verb, rule_cue, blocked in seen:
                if verb.i not in cues:
                    continue
                start, end = cues[verb.i]
                for token, parent, depth in extent_candidates(verb, blocked):
                    feats = extent_features(token, parent, verb, depth, rule_cue[0] <= token.i < rule_cue[1])
                    xs.append(counted(feats))
                    ys.append(int(start <= token.i < end))
    finally:
        del stage.cue_extent
    return xs, ys


def fit(xs: list[dict], ys: list[int], c: float = C) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for x in xs:
        for f in x:
            counts[f] = counts.get(f, 0) + 1
    xs = [{f: n for f, n in x.items() if counts[f] >= MIN_COUNT} for x in xs]
    vec = DictVectorizer()
    matrix = vec.fit_transform(xs).tocsr()
    matrix.indices = matrix.indices.astype("int32")  # liblinear takes 32-bit indices only
    matrix.indptr = matrix.indptr.astype("int32")
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    model.fit(matrix, ys)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-4}
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    return {k: round(v, 4) for k, v in weights.items()}


def train(docs: list[Doc], golds: list[GoldDoc], stage: StatementStage, c: float) -> tuple[dict, dict]:
    """The head model, then the extent model on the cues the stage finds with that head model."""
    heads = fit(*dataset(docs, golds, stage), c)
    stage.cue_model = CueModel(heads)
    extent = fit(*extent_dataset(docs, golds, stage), c)
    return heads, extent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--holdout", type=int, default=0)
    parser.add_argument("--c", type=float, default=C)
    args = parser.parse_args()

    from storyline.ingest.readers import make_article
    from storyline.pipeline import load_pipeline, make_doc

    nlp = load_pipeline(("entities", "times"))
    stage = StatementStage(use_model=False)
    golds = read_corpus(args.polnear / "train")
    articles = (make_article(g.text, id=g.name, date=g.date) for g in golds)
    docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=16))
    if args.holdout:
        test = [i for i in range(len(docs)) if not i % args.holdout]
        keep = [i for i in range(len(docs)) if i % args.holdout]
        heads, extent = train([docs[i] for i in keep], [golds[i] for i in keep], stage, args.c)
        report([docs[i] for i in test], [golds[i] for i in test], stage, heads)
    else:
        heads, extent = train(docs, golds, stage, args.c)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        meta = {"trained_on": "PolNeAR train, first annotator", "articles": len(docs), "C": args.c,
                "min_count": MIN_COUNT, "holdout": args.holdout}
        with gzip.open(args.out, "wt", encoding="utf-8") as f:
            json.dump({"meta": meta, "heads": dict(sorted(heads.items())), "extent": dict(sorted(extent.items()))},
                      f, separators=(",", ":"))
        print(f"{len(heads)} head and {len(extent)} extent weights -> {args.out}")


def report(docs: list[Doc], golds: list[GoldDoc], stage: StatementStage, weights: dict[str, float]) -> None:
    xs, ys = dataset(docs, golds, stage)
    probs = [1 / (1 + math.exp(-sum(weights.get(f, 0.0) * n for f, n in x.items()))) for x in xs]
    for threshold in (0.3, 0.4, 0.5, 0.6):
        tp = sum(1 for p, y in zip(probs, ys) if p >= threshold and y)
        pred = sum(1 for p in probs if p >= threshold)
        gold = sum(ys)
        print(f"threshold {threshold}: head P {tp / max(pred, 1):.3f} R {tp / max(gold, 1):.3f}")


if __name__ == "__main__":
    main()
