"""The same matches as spaCy's ``attribute_ruler``, found by table look-up instead of its Matcher.

The English pipeline's attribute ruler (the tag map, and a few word rules that set POS, lemma and
morphology) runs its 179 patterns at every token: it cost as much CPU as the parser. Every one of its
patterns is one or two tokens of plain attribute tests (TAG, LOWER, DEP, IS_SPACE: equal, IN,
NOT_IN or REGEX). Which tests a token passes depends only on those four attributes, so it is worked out once
per distinct combination and cached. :func:`speed_up` puts the look-up in place of the ruler's
``match``; the ruler still sets the attributes itself, in its own order, so the result is the same.
A ruler with any other kind of pattern is left as it is.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language

KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]


def _test(value):  # noqa: ANN001, ANN202 - a string, a bool, {"IN": […]}, {"NOT_IN": […]} or {"REGEX": "…"}
    """A predicate on one attribute's value, or None if the value is of a kind we do not read."""
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        (op, values), = value.items()
        if op == "REGEX" and isinstance(values, str):
            search = re.compile(values).search
            return lambda v: v is not None and search(v) is not None
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            allowed = frozenset(values)
            if op == "IN":
                return lambda v: v in allowed
            if op == "NOT_IN":
                return lambda v: v not in allowed
    return None


def _token_test(spec: dict):  # noqa: ANN202
    """A predicate on a token's (TAG, LOWER, DEP, IS_SPACE), or None if the spec reads anything else."""
    if not spec or any(key not in KEYS for key in spec):
        return None
    tests = []
    for key, value in spec.items():
        test = _test(value)
        if test is None:
            return None
        tests.append((KEYS.index(key), test))
    return tests


def _words(spec: dict):  # noqa: ANN202
    """The lower-cased words a spec's LOWER test can accept (a set), everything (None), or no test (empty)."""
    value = spec.get("LOWER")
    if value is None:
        return set()
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict) and "IN" in value:
        return set(value["IN"])
    return None  # NOT_IN or REGEX: a word outside any list may pass


class TableMatch:
    """``ruler.match`` for an AttributeRuler whose patterns are all plain token tests."""

    def __init__(self, ruler) -> None:  # noqa: ANN001 - a spaCy AttributeRuler
        self.vocab = ruler.vocab
        self.tests = []  # per token spec of every pattern: its (attribute, predicate) tests
        self.singles: list[tuple[int, int]] = []  # (attribute-set id, test) of one-token patterns
        self.sequences: list[tuple[int, list[int]]] = []  # (attribute-set id, tests) of longer ones
        # a word no LOWER test names can pass none of them: such words share one cache entry, which
        # keeps the cache to a few thousand keys (REGEX tests are asked of each word once)
        self.words: set[str] = set()
        open_words: list = []
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                ids = []
                for spec in pattern:
                    test = _token_test(spec)
                    if test is None:
                        raise ValueError(f"an attribute-ruler pattern we do not read: {pattern}")
                    self.tests.append(test)
                    accepted = _words(spec)
                    if accepted is None:
                        open_words.append(spec["LOWER"])
                    else:
                        self.words |= accepted
                    ids.append(len(self.tests) - 1)
                if len(ids) == 1:
                    self.singles.append((attr_id, ids[0]))
                else:
                    self.sequences.append((attr_id, ids))
        regexes = [_test(value) for value in open_words if isinstance(value, dict) and "REGEX" in value]
        self.any_word = len(regexes) < len(open_words)  # a NOT_IN test on LOWER: every word counts
        self.named = [regex for regex in regexes if regex is not None]
        self.lower_class: dict[int, int] = {}
        self.match_ids = [self.vocab.strings.add(str(i)) for i in range(len(ruler.patterns))]
        self.cache: dict[tuple, tuple[list[int], list[int], frozenset[int]]] = {}

    def _passes(self, key: tuple) -> tuple[list[int], list[int], frozenset[int]]:
        """For one token's attribute ids: the one-token patterns it matches, the longer patterns it
        may start, and the tests it passes."""
        strings = self.vocab.strings
        tag, lower, dep, is_space = key
        word = strings[lower] if lower else ("" if self.any_word else None)
        values = (strings[tag] if tag else "", word, strings[dep] if dep else "", bool(is_space))
        passed = frozenset(i for i, tests in enumerate(self.tests) if all(test(values[k]) for k, test in tests))
        singles = sorted({attr_id for attr_id, test in self.singles if test in passed})
        starts = [n for n, (_, ids) in enumerate(self.sequences) if ids[0] in passed]
        return singles, starts, passed

    def _word_class(self, lower: int) -> int:
        """``lower`` itself if some LOWER test may pass it, else 0 (a word none can pass)."""
        if self.any_word:
            return lower
        word = self.vocab.strings[lower] if lower else ""
        return lower if word in self.words or any(regex(word) for regex in self.named) else 0

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:  # noqa: ANN001 - a spaCy Doc
        """``(attribute-set id, match id, start, end)`` sorted, as ``AttributeRuler.match`` returns them."""
        cache, passes = self.cache, self._passes
        rows = doc.to_array(ARRAY_ATTRS).tolist() if len(doc) else []
        found, passed_at, starts = [], [], []
        lower_class = self.lower_class
        for i, (tag, lower, dep, is_space) in enumerate(rows):
            word = lower_class.get(lower)
            if word is None:
                word = lower_class[lower] = self._word_class(lower)
            key = (tag, word, dep, is_space)
            hit = cache.get(key)
            if hit is None:
                hit = cache[key] = passes(key)
            for attr_id in hit[0]:
                found.append((attr_id, self.match_ids[attr_id], i, i + 1))
            if hit[1]:
                starts.append((i, hit[1]))
            passed_at.append(hit[2])
        for start, candidates in starts:  # the few tokens that may begin a longer pattern
            for n in candidates:
                attr_id, ids = self.sequences[n]
                end = start + len(ids)
                if end <= len(passed_at) and all(t in passed_at[start + k] for k, t in enumerate(ids[1:], 1)):
                    found.append((attr_id, self.match_ids[attr_id], start, end))
        return sorted(set(found))


def speed_up(nlp: Language) -> None:
    """Give the pipeline's attribute ruler the table look-up, if it has a ruler we can read."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = TableMatch(ruler)
    except ValueError:
        return  # another model's ruler, with patterns we do not read: it keeps its Matcher


__all__ = ["TableMatch", "speed_up"]
