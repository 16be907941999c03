"""The attribution tagger's features, network and decoding, shared by training and the spaCy stage.

The network is a small head on top of the parse the pipeline has already made:

    features(doc)  one row per token: the frozen tok2vec output of the English pipeline
                   (``doc.tensor``, 96 floats) + one-hot POS, dependency label, the head's POS and
                   dependency label, and a few layout flags (inside quotation marks, quote mark,
                   sentence / paragraph start, head before or after the token)
    Relu(hidden)   mixes them
    BiLSTM         carries context across the whole article (a content may run several sentences)
    Softmax        one BIO tag per token over CUE, SOURCE and CONTENT

Only the head is trained; the tok2vec stays as shipped, so tagging costs little on top of the parse.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc
from thinc.api import LSTM, Model, Relu, Softmax, chain, with_array, with_padded

ROLES = ("CUE", "SOURCE", "CONTENT")
TAGS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))
# Universal POS tags (spaCy's glossary) and the English parser's ClearNLP dependency labels.
POS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
       "SCONJ", "SYM", "VERB", "X", "SPACE")
DEPS = ("ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass", "case",
        "cc", "ccomp", "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det", "dobj", "expl", "intj",
        "mark", "meta", "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd", "parataxis", "pcomp",
        "pobj", "poss", "preconj", "predet", "prep", "prt", "punct", "quantmod", "relcl", "xcomp")
N_FLAGS = 6


@dataclass
class Config:
    """What a trained tagger needs to be rebuilt; saved next to its weights as config.json."""

    tensor_width: int = 96
    hidden: int = 128
    lstm_width: int = 128  # both directions together
    depth: int = 1
    tags: tuple[str, ...] = TAGS
    pos: tuple[str, ...] = POS
    deps: tuple[str, ...] = DEPS
    # added to a tag's log probability before decoding, per role; chosen on the held-out train slice
    # (the network under-predicts cues and sources, so a small push raises their F1)
    tag_bias: dict = field(default_factory=dict)
    trained: dict = field(default_factory=dict)  # provenance: data, seed, epochs, scores

    @property
    def n_features(self) -> int:
        return self.tensor_width + 2 * (len(self.pos) + 1) + 2 * (len(self.deps) + 1) + N_FLAGS

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Config:
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("tags", "pos", "deps"):
            data[key] = tuple(data[key])
        return cls(**data)


def _one_hot(index: dict[str, int], values: list[str]) -> np.ndarray:
    out = np.zeros((len(values), len(index) + 1), dtype="float32")
    out[np.arange(len(values)), [index.get(v, len(index)) for v in values]] = 1.0
    return out


def inside_quotes(doc: Doc) -> list[bool]:
    """Whether each token is within quotation marks, the marks included: “ opens, ” closes, a straight
    " toggles, and a paragraph break ends an open quote (``He said: “We will win.”`` → “ We … ”).
    Single curly quotes are left out: ’ is mostly an apostrophe."""
    inside, open_ = [], False
    for token in doc:
        if "\n" in token.text:
            open_ = False
        if token.text == "“" or (token.text == '"' and not open_):
            open_ = True
            inside.append(True)
        elif token.text == "”" or (token.text == '"' and open_):
            open_ = False
            inside.append(True)
        else:
            inside.append(open_)
    return inside


def features(doc: Doc, config: Config) -> np.ndarray:
    """One row of floats per token (see the module docstring)."""
    if doc.tensor is None or doc.tensor.shape != (len(doc), config.tensor_width):
        raise ValueError(f"doc.tensor has shape {getattr(doc.tensor, 'shape', None)}; run the English pipeline first")
    pos = {p: i for i, p in enumerate(config.pos)}
    deps = {d: i for i, d in enumerate(config.deps)}
    quoted = inside_quotes(doc)
    flags = np.zeros((len(doc), N_FLAGS), dtype="float32")
    for i, token in enumerate(doc):
        flags[i] = (
            quoted[i],
            token.is_quote,
            token.is_sent_start or i == 0,
            i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_,
            token.head.i < i,
            token.head.i > i,
        )
    return np.hstack(
        [
            doc.tensor.astype("float32"),
            _one_hot(pos, [t.pos_ for t in doc]),
            _one_hot(pos, [t.head.pos_ for t in doc]),
            _one_hot(deps, [t.dep_ for t in doc]),
            _one_hot(deps, [t.head.dep_ for t in doc]),
            flags,
        ]
    )


def build(config: Config) -> Model:
    """Relu → BiLSTM → Softmax, over a list of per-document feature arrays."""
    return chain(
        with_array(Relu(config.hidden, config.n_features, dropout=0.1)),
        with_padded(LSTM(config.lstm_width, config.hidden, bi=True, depth=config.depth, dropout=0.1)),
        with_array(Softmax(len(config.tags), config.lstm_width)),
    )


def decode(scores: np.ndarray, tags: tuple[str, ...], bias: dict | None = None) -> list[str]:
    """The best tag sequence where an ``I-X`` only follows ``B-X`` or ``I-X`` (Viterbi over log
    probabilities, plus ``bias[role]`` for that role's tags), so every span has a start and one role."""
    n = len(scores)
    if n == 0:
        return []
    logp = np.log(np.clip(scores, 1e-9, 1.0))
    if bias:
        logp = logp + np.array([bias.get(t[2:], 0.0) for t in tags])
    allowed = np.ones((len(tags), len(tags)), dtype=bool)  # allowed[prev, cur]
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            role = tag[2:]
            allowed[:, j] = [t in (f"B-{role}", f"I-{role}") for t in tags]
    trans = np.where(allowed, 0.0, -1e9)
    start = np.array([0.0 if not t.startswith("I-") else -1e9 for t in tags])
    best = start + logp[0]
    back = np.zeros((n, len(tags)), dtype=np.int32)
    for i in range(1, n):
        cand = best[:, None] + trans
        back[i] = cand.argmax(axis=0)
        best = cand.max(axis=0) + logp[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return [tags[j] for j in reversed(path)]


def spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(role, start token, end token) for each B-/I- run."""
    out: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (not out or out[-1][0] != tag[2:] or out[-1][2] != i)):
            out.append((tag[2:], i, i + 1))
        elif tag.startswith("I-"):
            role, s, _ = out[-1]
            out[-1] = (role, s, i + 1)
    return out
