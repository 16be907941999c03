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
from itertools import repeat
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
    # each spaCy attribute is read once: every read looks its string up again
    lemma = token.lemma_.lower()
    tag, dep = token.tag_, token.dep_
    head = token.head
    out = [
        "bias",
        f"l={lemma}",
        f"p={token.pos_}",
        f"t={tag}",
        f"d={dep}",
        f"ld={lemma}|{dep}",
        f"lt={lemma}|{tag}",
        f"hd={head.pos_}|{dep}",
        f"hl={head.lemma_.lower()}|{dep}",
        f"rule={rule_kind}",
        f"q={in_quote}",
    ]
    append = out.append
    subject = None
    for child in token.children:
        dep = child.dep_
        append(f"c={dep}")
        if dep in FUNCTION_DEPS:
            lower = child.lower_
            append(f"cw={dep}|{lower}")
            append(f"lcw={lemma}|{dep}|{lower}")
        elif dep in CLAUSE_DEPS:
            append(f"lc={lemma}|{dep}")
            mark = next((g.lower_ for g in child.children if g.dep_ in ("mark", "aux")), "-")
            append(f"cm={dep}|{mark}")
            append(f"cp={dep}|{child.tag_}")
        elif dep in SUBJECT_DEPS:
            subject = child
            append(f"s={dep}|{_argument(child)}")
        elif dep in ("dobj", "poss", "pobj", "attr"):
            append(f"o={dep}|{_argument(child)}")
            append(f"lo={lemma}|{dep}")
    if subject is not None:
        append(f"ls={lemma}|{_argument(subject)}")
    else:
        append(f"ls={lemma}|none")
    doc, i = token.doc, token.i
    prev = doc[i - 1].lower_ if i > 0 else "<s>"
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else "</s>"
    out += [f"w-1={prev}", f"w+1={nxt}", f"lw+1={lemma}|{nxt}"]
    return out


EXTENT_DEPTH = 3  # "said [in [an [interview]]]": a cue takes words up to three arcs below its head


def extent_candidates(head: Token, blocked: set[int]) -> list[tuple[Token, Token, int]]:
    """``(token, its parent, depth)`` below the cue's head, breadth first, in its sentence, outside
    the source and content (``blocked`` token indices): the words that may join the cue."""
    sent = head.sent
    start, end = sent.start, sent.end
    out, frontier = [], [head]
    for depth in range(1, EXTENT_DEPTH + 1):
        nxt = []
        for parent in frontier:
            for child in parent.children:
                i = child.i
                if start <= i < end and i not in blocked:
                    out.append((child, parent, depth))
                    nxt.append(child)
        frontier = nxt
    return out


def extent_features(
    token: Token, parent: Token, head: Token, depth: int, in_rule_cue: bool, facts: tuple[str, str, int] | None = None
) -> list[str]:
    """The feature strings of a word that may join a cue ("said *in a statement*", "*would* vote *for*").
    ``facts`` is :func:`head_facts` of ``head``, when the caller asks about many words of one head."""
    lemma, head_tag, head_i = facts or head_facts(head)
    pos, lower, dep, i = token.pos_, token.lower_, token.dep_, token.i
    word = lower if pos in ("ADP", "AUX", "PART", "ADV", "DET", "PUNCT", "SCONJ") else pos
    side = "L" if i < head_i else "R"
    gap = min(abs(i - head_i), 4)
    return [
        "bias",
        f"d={dep}|{depth}|{side}",
        f"w={word}|{dep}|{side}",
        f"hw={lemma}|{dep}|{lower}",
        f"pw={parent.lower_ if depth > 1 else '^'}|{dep}|{lower}",
        f"pd={parent.dep_ if depth > 1 else '^'}|{dep}|{depth}",
        f"g={gap}|{side}|{dep}",
        f"e={token.ent_type_}|{dep}",
        f"r={in_rule_cue}|{dep}",
        f"r={in_rule_cue}",
        f"hp={head_tag}|{dep}|{side}",
    ]


def head_facts(head: Token) -> tuple[str, str, int]:
    """What :func:`extent_features` reads of the cue's head: its lower-cased lemma, tag and index."""
    return head.lemma_.lower(), head.tag_, head.i


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
        feats = features(token, in_quote, rule_kind)
        return _sigmoid(sum(map(self.weights.get, feats, repeat(0.0, len(feats)))))  # in feature order

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
        facts = head_facts(head)
        for token, parent, depth in candidates:
            if parent.i not in taken:
                continue
            i = token.i
            feats = extent_features(token, parent, head, depth, rule_cue[0] <= i < rule_cue[1], facts)
            if _sigmoid(sum(map(get, feats, repeat(0.0, len(feats))))) >= 0.5:
                taken.add(i)
        return min(taken), max(taken) + 1


@cache
def load() -> CueModel:
    """The shipped model (one load per process)."""
    path = resources.files("storyline.resources") / "models" / "cues" / "cues.json.gz"
    with resources.as_file(path) as real:
        return CueModel.from_path(real)
