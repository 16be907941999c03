"""Where a time rule can start: a prefilter that spares most of the ~44 rule scans.

Each rule is a regular expression that the engine would try at every character of the article.
Nearly every rule starts at a word start with one of a few words ("last", "the", a month, a
digit), so :func:`first_words` reads those words from the compiled pattern itself, and
:meth:`Prefilter.positions` finds in one scan of the text the word starts where some rule may
begin. A rule is then tried only there (:func:`finditer` keeps ``re.finditer``'s
non-overlapping order).

A rule start is keyed by the word at that position in the lower-cased text:

- ``"#"`` for a digit;
- the run of ASCII letters there (``"last"``), either the whole run or, when the pattern may go on
  with a letter, any run it begins ("week" for "weekend");
- else the character itself (an apostrophe in "’90s");
- where whitespace follows a whole first word, the two words ("the weekend", "the #"), so that a
  rule starting with "the" is not tried at every "the".

A rule whose start the analysis cannot pin down (one that may start inside a word, or with any
letter) keeps its full scan, so the prefilter only ever skips places where the rule cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# the parser behind re.compile (Python 3.11+; checked on 3.11-3.13): the patterns are read, not run
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

DIGIT = "#"
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
MAX_WORD = 16  # a longer literal run is keyed by its first MAX_WORD letters
WORD_AT = re.compile(r"[a-z]+|\d|.", re.S)
SECOND_AT = re.compile(r"\s+([a-z]+|\d|.)", re.S)  # the second word, after the first and its spaces


class Unknown(Exception):
    """The pattern may start somewhere the analysis cannot key: scan it in full."""


class TooBranched(Unknown):
    """The analysis would take too long (the pairs of words of a rule of many alternatives)."""


@dataclass
class Starts:
    whole: set[str] = field(default_factory=set)  # the exact letter run, a digit (#) or a character; or two
    prefix: set[str] = field(default_factory=set)  # any letter run that begins so (the second, of two)


def _class_kind(items: list) -> str:
    """"digit" for a class of digits only, "other" for one without ASCII letters, else "letter"."""
    digits = True
    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av)
            if ch in LETTERS:
                return "letter"
            digits = digits and ch.isdecimal() and ch.isascii()
        elif op is C.RANGE:
            lo, hi = av
            if lo <= ord("z") and hi >= ord("a"):
                return "letter"
            digits = digits and ord("0") <= lo and hi <= ord("9")
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            continue
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            digits = False
        else:  # NEGATE, \w, \S, \D …: may hold a letter
            return "letter"
    return "digit" if digits else "other"


def _spaces(item: tuple) -> bool:
    """One or more whitespace characters (``\\s+``): what separates the first two words of a rule."""
    op, av = item
    if op not in (C.MAX_REPEAT, C.MIN_REPEAT) or av[0] < 1 or len(av[2]) != 1:
        return False
    sub_op, sub_av = list(av[2])[0]
    return sub_op is C.IN and all(
        (o is C.CATEGORY and a is C.CATEGORY_SPACE) or (o is C.LITERAL and chr(a).isspace()) for o, a in sub_av)


def first_words(pattern: re.Pattern[str], pairs: bool = True, budget: int = 200_000) -> Starts:
    """The words a match of ``pattern`` (over lower-cased text) can start with; raises :class:`Unknown`
    when a match may begin anywhere but at a word start or with an unkeyed character.

    Where the first word is whole and whitespace follows, the key holds the second word too
    ("the weekend"): "the" alone would send a dozen rules to every "the" of the article. ``pairs=False``
    keys first words only; ``budget`` bounds the steps of the analysis."""
    if pattern.flags & re.I:
        raise Unknown("ignore-case pattern")
    starts = Starts()
    steps = [budget]

    def step(stack: tuple, word: str, anchored: bool, first: str | None) -> None:
        steps[0] -= 1
        if steps[0] < 0:
            raise TooBranched("pattern too branched to key")
        if len(word) >= MAX_WORD:
            return end(word, anchored, False, first)
        if not stack:
            return end(word, anchored, False, first)  # the match may end inside a longer word
        items, rest = stack[0], stack[1:]
        if not items:
            return step(rest, word, anchored, first)
        (op, av), more = items[0], items[1:]
        after = (more, *rest)
        if op is C.LITERAL:
            ch = chr(av)
            if ch in LETTERS:
                return step(after, word + ch, anchored, first)
            if word or (first is not None and ch.isspace()):
                return end(word, anchored, True, first)
            return end(DIGIT if ch.isdecimal() else ch, anchored, True, first)
        if op is C.IN:
            kind = _class_kind(av)
            if word:
                return end(word, anchored, kind != "letter", first)
            if kind == "digit":
                return end(DIGIT, anchored, True, first)
            if kind == "other" and all(o is C.LITERAL and not chr(a).isspace() for o, a in av):  # ['’] before "90s"
                for _, code in av:
                    ch = chr(code)
                    end(DIGIT if ch.isdecimal() else ch, anchored, True, first)
                return None
            if first is not None:
                return end("", anchored, True, first)  # no second word to key: the first alone
            raise Unknown("starts with a class")
        if op is C.BRANCH:
            for alternative in av[1]:
                step((list(alternative), *after), word, anchored, first)
            return None
        if op is C.SUBPATTERN:
            _, add, _, sub = av
            if add & re.I:
                raise Unknown("ignore-case group")
            return step((list(sub), *after), word, anchored, first)
        if pairs and word and first is None and _spaces((op, av)):
            # a whole first word and whitespace: go on to the second word; the whitespace ends where
            # a non-space character begins it (a second word never starts with a space, below)
            return step(after, "", anchored, word)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
            low, high, sub = av
            if high == 0:
                return step(after, word, anchored, first)
            rest_high = high if high == C.MAXREPEAT else high - 1
            again = [(op, (max(low - 1, 0), rest_high, sub))]
            step((list(sub), again, *after), word, anchored, first)
            if low == 0:
                step(after, word, anchored, first)
            return None
        if op in (C.ANY, C.NOT_LITERAL) and (word or first is not None):
            return end(word, anchored, False, first)
        if op is getattr(C, "ATOMIC_GROUP", None):
            raise Unknown("atomic group")
        if op is C.ASSERT_NOT and av[0] == -1 and not anchored and first is None:
            # (?<![\w…]) before the first character, or (?<![\w…]the) right after "the" (rules.W)
            body = list(av[1])
            if body and body[0][0] is C.IN and (C.CATEGORY, C.CATEGORY_WORD) in body[0][1]:
                tail = "".join(chr(a) for o, a in body[1:] if o is C.LITERAL)
                if len(body) - 1 == len(tail) and tail == word:
                    return step(after, word, True, first)
            return step(after, word, anchored, first)
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return step(after, word, anchored, first)  # zero-width: skipping it only lets more positions through
        raise Unknown(f"unkeyed element {op}")

    def end(word: str, anchored: bool, whole: bool, first: str | None) -> None:
        if not anchored:
            raise Unknown("may start inside a word")
        if first is not None:
            if not word:  # the match may end, or go on unkeyed, after the whitespace
                starts.whole.add(first)
                return
            word = f"{first} {word}"
        if not word:
            raise Unknown("may match empty")
        (starts.whole if whole else starts.prefix).add(word)

    step((list(P.parse(pattern.pattern, pattern.flags)),), "", False, None)
    return starts


class Prefilter:
    """The rules' start words, and one scan that finds where each rule may start."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.keyed: list[Starts | None] = []
        for pattern in patterns:
            try:
                empty = P.parse(pattern.pattern, pattern.flags).getwidth()[0] == 0
                self.keyed.append(None if empty else _keys(pattern))
            except Unknown:
                self.keyed.append(None)
        whole: dict[str, list[int]] = {}
        prefix: dict[str, list[int]] = {}
        for index, starts in enumerate(self.keyed):
            for word in starts.whole if starts else ():
                whole.setdefault(word, []).append(index)
            for word in starts.prefix if starts else ():
                prefix.setdefault(word, []).append(index)
        self.whole, self.prefix = whole, prefix
        self.longest_prefix = max((len(w) for w in prefix if " " not in w), default=0)
        # first words that need the second word to say which rules may start there
        self.firsts = {w.split(" ")[0] for w in (*whole, *prefix) if " " in w}
        # a word start (no word character before) where some rule's first word begins
        digit = r"|\d" if DIGIT in whole or DIGIT in prefix else ""
        ones = {w for w in whole if " " not in w and w != DIGIT} | self.firsts
        words = _trie(_tree(ones, {w for w in prefix if " " not in w and w != DIGIT}))
        self.scan = re.compile(rf"(?<!\w)(?:{words or '(?!)'}{digit})")
        self.rules_of: dict[str, tuple[int, ...]] = {}  # key -> the rules it may start, memoised

    def _rules(self, key: str) -> tuple[int, ...]:
        """The rules keyed by ``key`` (a word, or two words), whole or by a prefix of its last word."""
        rules = set(self.whole.get(key, ()))
        last = key.rsplit(" ", 1)[-1]
        if last != DIGIT:
            stem = key[: len(key) - len(last)]
            for n in range(1, len(last) + 1):
                rules.update(self.prefix.get(stem + last[:n], ()))
        if len(self.rules_of) > 100_000:
            self.rules_of.clear()
        found = self.rules_of[key] = tuple(rules)
        return found

    def positions(self, lowered: str) -> list[list[int]]:
        """For each rule, the positions (ascending) where it may start; unkeyed rules get none."""
        found: list[list[int]] = [[] for _ in self.keyed]
        rules_of, word_at, second_at, firsts = self.rules_of, WORD_AT.match, SECOND_AT.match, self.firsts
        for m in self.scan.finditer(lowered):
            at = m.start()
            word = word_at(lowered, at)[0]  # type: ignore[index]
            if word.isdecimal():
                word = DIGIT
            rules = rules_of.get(word)
            if rules is None:
                rules = self._rules(word)
            if word in firsts and (second := second_at(lowered, at + len(word))):
                key = f"{word} {DIGIT if second[1].isdecimal() else second[1]}"
                more = rules_of.get(key)
                if more is None:
                    more = self._rules(key)
                if more:
                    rules = tuple({*rules, *more})
            for index in rules:
                found[index].append(at)
        return found


def _keys(pattern: re.Pattern[str]) -> Starts:
    """Pairs of words where their analysis is quick, else first words."""
    try:
        return first_words(pattern, pairs=True, budget=20_000)
    except TooBranched:
        return first_words(pattern, pairs=False)


def _tree(whole: set[str], prefix: set[str]) -> dict:
    """The words as a letter tree; "$" marks a whole word's end, "*" a prefix's (anything may follow)."""
    root: dict = {}
    for words, mark in ((whole, "$"), (prefix, "*")):
        for word in words:
            node = root
            for ch in word:
                node = node.setdefault(ch, {})
            node[mark if word[0] in LETTERS else "*"] = True  # a character key needs no word end
    return root


def _trie(node: dict) -> str:
    """A regular expression for a letter tree, sharing beginnings ("mon(?:day|th)"), so the engine
    tries a few letters at each word start instead of every word."""
    if "*" in node:
        return ""  # a prefix ends here: the position is enough
    parts = [re.escape(ch) + (f"(?:{sub})" if (sub := _trie(child)) else "") for ch, child in sorted(node.items()) if ch != "$"]
    if "$" in node:
        parts.append("(?![a-z])")  # a whole word ends here
    return "|".join(parts)


def finditer(pattern: re.Pattern[str], text: str, at: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``at`` (ascending): the same
    matches, non-overlapping, in the same order. Only for patterns that cannot match empty."""
    resume = 0
    for position in at:
        if position < resume:
            continue
        m = pattern.match(text, position)
        if m is not None:
            resume = m.end()
            yield m
