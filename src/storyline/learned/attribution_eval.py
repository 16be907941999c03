"""Score the attribution tagger alone on a PolNeAR compartment (token, span and attribution level).

    python -m storyline.learned.attribution_eval /work/shared/corpora/polnear/data/dev

The conventions follow storyline's PolNeAR scorer for the statements stage, so the numbers compare:

- token: each token's role (CUE, SOURCE, CONTENT, ignoring B/I) against the gold role;
- span exact / overlap: the cue, source and content of each predicted attribution (after linking,
  :func:`storyline.stages.attribution_tagger.attributions`) against those of the gold relations, by
  outer extent with whitespace trimmed; exact = same start and end, overlap = a character in common;
  matching is one to one;
- attribution: cue, source and content all overlap those of one gold relation (no source on both
  sides counts as a match for the source).

An article annotated by several annotators counts once: it is scored against each with weight 1/k.
Tokens and predictions (by cue) inside ``Discard``/``Discuss`` regions are not scored.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from storyline.eval.polnear import overlap, relation_matches, span_matches
from storyline.learned.attribution_model import ROLES
from storyline.learned.polnear_data import Extent, PolnearDoc, Relation, read_compartment, token_tags, trim

PARTS = ("cue", "source", "content")


def tagger_pipeline(model_dir: str | None = None) -> Language:
    """The English pipeline with the attribution tagger added at the end."""
    import storyline.stages.attribution_tagger  # noqa: F401 - registers the factory
    from storyline.pipeline import load_model

    nlp = load_model()
    nlp.add_pipe("storyline_attribution_tagger", config={"model_dir": model_dir})
    return nlp


def predicted_relations(doc: Doc) -> list[Relation]:
    from storyline.stages.attribution_tagger import attributions

    def extent(span) -> Extent | None:  # noqa: ANN001 - a Span or None
        return trim(doc.text, span.start_char, span.end_char) if span is not None else None

    return [Relation(extent(a.cue), extent(a.source), extent(a.content)) for a in attributions(doc)]  # type: ignore[arg-type]


def _prf(tp: float, pred: float, gold: float) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(items: Iterable[tuple[PolnearDoc, Doc]]) -> dict[str, float]:
    """P/R/F1 per role at token level, span level (exact, overlap), and for whole attributions."""
    totals: dict[str, float] = defaultdict(float)
    n = 0
    for gold_doc, doc in items:
        n += 1
        pred_roles = [t[2:] if t != "O" else "O" for t in doc._.attribution_tags]
        pred = predicted_relations(doc)
        for ann in gold_doc.annotations:
            w = 1 / len(gold_doc.annotations)
            gold_roles = [t[2:] if t != "O" else "O" for t in token_tags(doc, ann)]
            for tok, p, g in zip(doc, pred_roles, gold_roles):
                if any(overlap((tok.idx, tok.idx + len(tok)), region) for region in ann.ignored):
                    continue
                totals[f"token_{p}_pred"] += w
                totals[f"token_{g}_gold"] += w
                totals[f"token_{p}_tp"] += w * (p == g)
            kept = [r for r in pred if not any(overlap(r.cue, region) for region in ann.ignored)]
            for part in PARTS:
                ps = [getattr(r, part) for r in kept if getattr(r, part) is not None]
                gs = [getattr(r, part) for r in ann.relations if getattr(r, part) is not None]
                totals[f"{part}_pred"] += w * len(ps)
                totals[f"{part}_gold"] += w * len(gs)
                for mode in ("exact", "overlap"):
                    totals[f"{part}_{mode}_tp"] += w * span_matches(ps, gs, mode == "exact")
            totals["attribution_tp"] += w * relation_matches(kept, ann.relations)
            totals["attribution_pred"] += w * len(kept)
            totals["attribution_gold"] += w * len(ann.relations)
    scores: dict[str, float] = {}
    for role in ROLES:
        p, r, f = _prf(totals[f"token_{role}_tp"], totals[f"token_{role}_pred"], totals[f"token_{role}_gold"])
        scores.update({f"token_{role.lower()}_p": p, f"token_{role.lower()}_r": r, f"token_{role.lower()}_f1": f})
    for part in PARTS:
        for mode in ("exact", "overlap"):
            p, r, f = _prf(totals[f"{part}_{mode}_tp"], totals[f"{part}_pred"], totals[f"{part}_gold"])
            scores.update({f"{part}_{mode}_p": p, f"{part}_{mode}_r": r, f"{part}_{mode}_f1": f})
    p, r, f = _prf(totals["attribution_tp"], totals["attribution_pred"], totals["attribution_gold"])
    scores.update({"attribution_p": p, "attribution_r": r, "attribution_f1": f})
    scores = {k: round(v, 4) for k, v in scores.items()}
    scores["documents"] = float(n)
    return scores


def evaluate(directory: str | Path, limit: int | None = None, model_dir: str | None = None) -> dict[str, float]:
    """Tag every article of a PolNeAR compartment and score the tagger against its annotations."""
    docs = read_compartment(directory, limit)
    nlp = tagger_pipeline(model_dir)
    return score(zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)))


if __name__ == "__main__":
    args = sys.argv[1:]
    print(json.dumps(evaluate(args[0], model_dir=args[1] if len(args) > 1 else None), indent=2))
