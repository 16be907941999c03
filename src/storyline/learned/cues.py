"""Which words head an attribution cue: a linear model over the dependency parse.

The statements stage finds cues by rule (a reporting verb with a subject and a clause). The rules
miss the long tail of verbs that attribute a stance or an act of saying only in context ("Cruz
*hammered* Rubio on immigration", "the ad *paints* her as…") and keep verbs that report nothing in
context ("I *see* the point"). This model scores each verb (and noun) of a sentence with the
probability that it heads a cue, from the word, its syntactic role and the shape of its subject
and complements. The stage asks it both to admit verbs outside the rule lexicon and to veto
rule cues it finds unlikely.

Weights are a sparse table {feature: weight} of a logistic regression trained on PolNeAR train
(``training/train_cues.py``; provenance and scores in ``resources/models/cues/MODEL.md``).
"""

from __future__ import annotations

import gzip
import json
import math
from functools import cache
from importlib import resources

from spacy.tokens import Token

CANDIDATE_POS = {"VERB", "NOUN", "AUX", "ADJ"}
# the dependents whose word says something about the construction: "said *that*", "*would* vote", "*not*"
FUNCTION_DEPS = {"mark", "aux", "auxpass", "neg", "prt", "prep", "agent", "dative", "advmod", "acomp"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "parataxis", "oprd"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
PERSONAL = {"i", "you", "he", "she", "we", "they", "who"}


def _argument(token: Token) -> str:
    """A subject, object or possessor reduced to what matters for attribution: a person, an
    organisation, a pronoun or a plain noun."""
    if token.ent_type_:
        return token.ent_type_
    lower = token.lower_
    if lower in PERSONAL:
        return "PERS_PRON"
    if token.pos_ == "PRON":
        return "PRON"
    return token.pos_


def features(token: Token, in_quote: bool, rule_kind: str | None) -> list[str]:
    """The feature strings of one candidate token (what training and the stage both use)."""
    lemma = token.lemma_.lower()
    head = token.head
    out = [
        "bias",
        f"l={lemma}",
        f"p={token.pos_}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"ld={lemma}|{token.dep_}",
        f"lt={lemma}|{token.tag_}",
        f"hd={head.pos_}|{token.dep_}",
        f"hl={head.lemma_.lower()}|{token.dep_}",
        f"rule={rule_kind}",
        f"q={in_quote}",
    ]
    subject = None
    for child in token.children:
        dep = child.dep_
        out.append(f"c={dep}")
        if dep in FUNCTION_DEPS:
            out.append(f"cw={dep}|{child.lower_}")
            out.append(f"lcw={lemma}|{dep}|{child.lower_}")
        elif dep in CLAUSE_DEPS:
            out.append(f"lc={lemma}|{dep}")
            mark = next((g.lower_ for g in child.children if g.dep_ in ("mark", "aux")), "-")
            out.append(f"cm={dep}|{mark}")
            out.append(f"cp={dep}|{child.tag_}")
        elif dep in SUBJECT_DEPS:
            subject = child
            out.append(f"s={dep}|{_argument(child)}")
        elif dep in ("dobj", "poss", "pobj", "attr"):
            out.append(f"o={dep}|{_argument(child)}")
            out.append(f"lo={lemma}|{dep}")
    if subject is not None:
        out.append(f"ls={lemma}|{_argument(subject)}")
    else:
        out.append(f"ls={lemma}|none")
    doc = token.doc
    prev = doc[token.i - 1].lower_ if token.i > 0 else "<s>"
    nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "</s>"
    out += [f"w-1={prev}", f"w+1={nxt}", f"lw+1={lemma}|{nxt}"]
    return out


EXTENT_DEPTH = 3  # "said [in [an [interview]]]": a cue takes words up to three arcs below its head


def extent_candidates(head: Token, blocked: set[int]) -> list[tuple[Token, Token, int]]:
    """``(token, its parent, depth)`` below the cue's head, breadth first, in its sentence, outside
    the source and content (``blocked`` token indices): the words that may join the cue."""
    sent = head.sent
    out, frontier = [], [head]
    for depth in range(1, EXTENT_DEPTH + 1):
        nxt = []
        for parent in frontier:
            for child in parent.children:
                if sent.start <= child.i < sent.end and child.i not in blocked:
                    out.append((child, parent, depth))
                    nxt.append(child)
        frontier = nxt
    return out


def extent_features(token: Token, parent: Token, head: Token, depth: int, in_rule_cue: bool) -> list[str]:
    """The feature strings of a word that may join a cue ("said *in a statement*", "*would* vote *for*")."""
    word = token.lower_ if token.pos_ in ("ADP", "AUX", "PART", "ADV", "DET", "PUNCT", "SCONJ") else token.pos_
    lemma = head.lemma_.lower()
    side = "L" if token.i < head.i else "R"
    gap = min(abs(token.i - head.i), 4)
    return [
        "bias",
        f"d={token.dep_}|{depth}|{side}",
        f"w={word}|{token.dep_}|{side}",
        f"hw={lemma}|{token.dep_}|{token.lower_}",
        f"pw={parent.lower_ if depth > 1 else '^'}|{token.dep_}|{token.lower_}",
        f"pd={parent.dep_ if depth > 1 else '^'}|{token.dep_}|{depth}",
        f"g={gap}|{side}|{token.dep_}",
        f"e={token.ent_type_}|{token.dep_}",
        f"r={in_rule_cue}|{token.dep_}",
        f"r={in_rule_cue}",
        f"hp={head.tag_}|{token.dep_}|{side}",
    ]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class CueModel:
    """Two logistic regressions read from a gzip'd JSON file: ``heads`` over :func:`features` (does
    this word head a cue?) and ``extent`` over :func:`extent_features` (does this word belong to the
    cue headed by that one?)."""

    def __init__(self, heads: dict[str, float], extent: dict[str, float] | None = None) -> None:
        self.weights = heads
        self.extent_weights = extent

    @classmethod
    def from_path(cls, path) -> CueModel:  # noqa: ANN001 - a Path or importlib resource
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
        return cls(data["heads"], data.get("extent"))

    def probability(self, token: Token, in_quote: bool, rule_kind: str | None) -> float:
        get = self.weights.get
        return _sigmoid(sum(get(f, 0.0) for f in features(token, in_quote, rule_kind)))

    def extent(self, head: Token, rule_cue: tuple[int, int], blocked: set[int]) -> tuple[int, int]:
        """The cue's token range: the head, the rules' cue words out of the model's reach, and every
        candidate word the model takes whose parent was taken too (or is the head)."""
        if self.extent_weights is None:
            return rule_cue
        get = self.extent_weights.get
        candidates = extent_candidates(head, blocked)
        # words of the rules' cue the model cannot reach stay: "called for the allies to send troops",
        # where "for" hangs from "send"
        reachable = {token.i for token, _, _ in candidates}
        taken = {head.i} | {i for i in range(*rule_cue) if i not in reachable and i not in blocked}
        for token, parent, depth in candidates:
            if parent.i not in taken:
                continue
            feats = extent_features(token, parent, head, depth, rule_cue[0] <= token.i < rule_cue[1])
            if _sigmoid(sum(get(f, 0.0) for f in feats)) >= 0.5:
                taken.add(token.i)
        return min(taken), max(taken) + 1


@cache
def load() -> CueModel:
    """The shipped model (one load per process)."""
    path = resources.files("storyline.resources") / "models" / "cues" / "cues.json.gz"
    with resources.as_file(path) as real:
        return CueModel.from_path(real)
