"""Events: who did what to whom, where and when, coded in the 16 PLOVER categories.

Seven steps, numbered here and in the code:

1. Triggers. A verb, event noun or adjective whose lemma is in the PLOVER lexicon
   (resources/plover_triggers.tsv) is a candidate; a row with a `with` list needs one of those words
   among the trigger's modifiers ("hunger strike" PROTEST, "air strikes" ASSAULT).
2. One event per occurrence in a sentence. A candidate under another candidate is part of that event,
   not a new one ("agreed to a ceasefire" is one AGREE; "rejected a proposal for talks" one REJECT).
   An event noun counts only where it names something that happens, not where it is background:
   as the object of a light verb ("held talks", "joined Israeli strikes"), as a subject
   ("negotiations persisted") or on its own; "after two years of conflict" is no new event.
3. Actors from the dependency tree: the subject is the source, the object or a with/against/to/on
   phrase the target; "between Israel and Hamas" makes both source and target; the subject of
   "facilitating negotiations" is the mediator. Each actor is resolved to entities with
   ``entity_at``; conjoined actors ("Israel and Hamas") are each kept.
4. Mode from the lexicon row, else from the words around the trigger (resources/plover_modes.tsv).
5. Status from the words that govern the trigger (resources/event_cues.tsv): negated ("did not
   meet"), hypothetical ("could include"), planned ("was scheduled to meet"), ongoing ("still
   ongoing"); else reported when the trigger lies in a statement's content, else asserted.
6. Date from the time expression that governs the trigger (times stage), else from the statement it
   is reported in, else unresolved; never silently the publication day.
7. One event per real occurrence per article: two mentions of one type whose participants are the same
   (one a subset of the other) and whose dates do not conflict are merged ("met" … "the meeting").

Amounts in the event's clause are attached to it ("the deal could include a 60-day ceasefire and
the release of 10 living hostages").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import DEP, LEMMA, LOWER
from spacy.attrs import POS as POS_ATTR
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from storyline.model import Event, SentenceRef
from storyline.model import Span as TextSpan
from storyline.resources import table, words
from storyline.stages import register_extensions, span_text
from storyline.stages.entities import entity_at

try:  # the times stage is optional: without it, events keep dates from statements or none
    from storyline.stages.times import governing_time
except ImportError:  # pragma: no cover - depends on which stages are installed
    governing_time = None

CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# an intention to act, or a refusal, is coded by PLOVER as AGREE, THREATEN or REJECT (see plover_category)
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
HOSTILE = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
POS = {"VERB": "V", "NOUN": "N", "PROPN": "N", "ADJ": "A"}
SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "attr", "oprd"}
# prepositions that introduce the one an action is done to
TARGET_PREPS = {"with", "against", "to", "on", "at", "into", "toward", "towards", "upon", "for", "from", "of"}
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout"}
PLACES = {"GPE", "LOC", "FAC"}
# the arrival place is who a visit is to ("arrived in Amman")
VISIT = {"visit", "arrive", "trip"}
# dependency links along which a candidate is part of the event above it (step 2); conjoined and
# relative clauses are events of their own
SPLIT_DEPS = {"conj", "relcl", "advcl", "parataxis"}
# "as"/"while" clauses are not among them: they tell what happens at the same time, a real event
# ("police fired tear gas as thousands marched")
BACKGROUND_MARKS = {"if", "unless", "after", "before", "since", "until", "whether", "once", "when"}
STATUS_ORDER = ("negated", "hypothetical", "planned", "ongoing")
DEMAND_MODALS = {"must", "should"}
INTENT_VERBS = {"vow", "pledge", "promise", "swear"}
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# links followed from a trigger to the phrases that may name its target (step 3)
COMPLEMENTS = {"xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "acl", "attr", "acomp", "dative", "oprd"}


@dataclass(frozen=True)
class Entry:
    category: str
    mode: str | None
    needs: frozenset[str]


@cache
def lexicon() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """(lemma, pos) → rows, the ones with a `with` condition first."""
    found: dict[tuple[str, str], list[Entry]] = {}
    for row in table("plover_triggers.tsv"):
        lemma, pos, category, mode = row[:4]
        needs = frozenset(w for w in (row[4].split(",") if len(row) > 4 else []) if w)
        assert category in CATEGORIES, f"plover_triggers.tsv: unknown category {category}"
        found.setdefault((lemma, pos), []).append(Entry(category, None if mode == "-" else mode, needs))
    return {key: tuple(sorted(rows, key=lambda e: not e.needs)) for key, rows in found.items()}


@cache
def trigger_words() -> frozenset[str]:
    """Every word of every trigger, the two of "call off" included."""
    return frozenset(word for lemma, _ in lexicon() for word in lemma.split())


@cache
def trigger_words_of(pos: str) -> frozenset[str]:
    """The words of the triggers of one part of speech ("V", "N", "A")."""
    return frozenset(word for lemma, kind in lexicon() if kind == pos for word in lemma.split())


@cache
def cues() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for kind, lemma in table("event_cues.tsv"):
        kinds.setdefault(kind, set()).add(lemma)
    return {kind: frozenset(lemmas) for kind, lemmas in kinds.items()}


@cache
def mode_cues() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for category, lemma, mode in table("plover_modes.tsv"):
        found.setdefault(category, {})[lemma] = mode
    return found


@cache
def _known() -> frozenset[str]:
    return frozenset(lemma for lemma, _ in lexicon()) | frozenset().union(*cues().values())


def _lemma(token: Token) -> str:
    """The token's lemma, repaired where the lemmatizer cut a verb's "e" with its ending ("staged" →
    "stag"): a known word that the form spells out ("stage") wins."""
    lemma = token.lemma_.lower()
    if token.tag_ in ("VBD", "VBN", "VBZ", "VBG") and lemma not in _known():
        fuller = lemma + "e"
        if token.lower_.startswith(fuller) and fuller in _known():
            return fuller
    return lemma


def plover_category(event: Event) -> str:
    """The category as PLOVER codes it: PLOVER codes an intention by its kind, not its action.

    A planned or hypothetical cooperative act is AGREE ("will visit"), a hostile one THREATEN
    ("would blockade Paris"); a cooperative act that is negated is REJECT ("will not accept").
    """
    if event.status in ("planned", "hypothetical"):
        if event.type in COOPERATIVE:
            return "AGREE"
        if event.type in HOSTILE:
            return "THREATEN"
    if event.status == "negated" and event.type in COOPERATIVE:
        return "REJECT"
    return event.type


@Language.factory(
    "storyline_events",
    assigns=["doc._.events"],
    requires=["doc._.entities", "token.dep", "token.lemma"],
)
def make_events(nlp, name) -> EventStage:  # noqa: ANN001 - see stages/__init__.py
    return EventStage()


@dataclass
class _Found:
    trigger: Token
    entry: Entry
    frame: Token  # the verb that carries the arguments (the trigger, or its light verb)
    source: list[Span] = field(default_factory=list)
    target: list[Span] = field(default_factory=list)
    mediator: list[Span] = field(default_factory=list)
    location: list[Span] = field(default_factory=list)


class EventStage:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = []
        ids = _TokenIds(doc)
        for sent in doc.sents:
            for found in find_events(sent, ids):
                events.append(_to_event(doc, found, events))
        events = _merge_mentions(events)
        _attach_amounts(doc, events)
        doc._.events = [e.model_copy(update={"id": f"EV{i + 1}"}) for i, e in enumerate(events)]
        return doc


# 1. triggers
def match_trigger(token: Token) -> Entry | None:
    pos = POS.get(token.pos_)
    if pos is None or (pos == "V" and token.dep_ in ("amod", "compound")):
        return None
    lemma = _lemma(token)
    if lemma not in trigger_words() and token.lower_ not in trigger_words():
        return None  # most tokens: no row names them, alone or in a two-word trigger
    # the words around the trigger: its modifiers, its object's ("withdraw their peacekeeping force"),
    # its head ("opened fire")
    near = list(token.children) + [g for c in token.children if c.dep_ in ("dobj", "prep", "pobj") for g in c.children]
    # what a measure holds: "handed over 700 kg of medicine"
    near += [g for t in near if t.dep_ == "prep" and t.lower_ == "of" for g in t.children if g.dep_ == "pobj"]
    modifiers = {_lemma(t) for t in near} | {t.lower_ for t in near}
    modifiers.add(_lemma(token.head))
    # two-word triggers: a verb with its particle or preposition ("call off", "hand over", "set fire")
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dobj", "compound", "amod"):
            rows = lexicon().get((f"{lemma} {_lemma(child)}", pos)) or lexicon().get(
                (f"{_lemma(child)} {lemma}", pos)
            )
            # a two-word row with a `with` condition needs it too ("hand over food" AID, "hand over hostages" RETREAT)
            for entry in rows or ():
                if not entry.needs or entry.needs & modifiers:
                    return entry
    for key in ((lemma, pos), (token.lower_, pos)):
        for entry in lexicon().get(key, ()):
            if not entry.needs or entry.needs & modifiers:
                return entry
    return None


class _TokenIds:
    """A Doc's parts of speech, dependency labels, lemmas and lower-case forms as integers, read once:
    the sentence loops skip most words by comparing ints instead of building a Token and its strings."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.pos, self.dep, self.lemma, self.lower = (doc.to_array(a).tolist() for a in (POS_ATTR, DEP, LEMMA, LOWER))
        self.ccomp = doc.vocab.strings["ccomp"]

    def may_trigger(self, start: int, end: int) -> list[int]:
        """The words from ``start`` to ``end`` that match_trigger may take: the others it turns down,
        for a part of speech no trigger has, or a lemma (or its _lemma repair, lemma + "e") and form
        that no lexicon row of that part of speech names, alone or as one word of two."""
        pos, lemmas, lowers, memo = self.pos, self.lemma, self.lower, _MAY_TRIGGER
        out = []
        for i in range(start, end):
            kind = TRIGGER_POS.get(pos[i])
            if kind is None:
                continue
            key = (kind, lemmas[i], lowers[i])
            found = memo.get(key)
            if found is None:
                strings = self.doc.vocab.strings
                lemma, lower = strings[key[1]].lower(), strings[key[2]]
                if lemma and not any(ch.isspace() for ch in lemma):
                    names = trigger_words_of(kind)
                    found = lemma in names or lemma + "e" in names or lower in names
                else:  # a lemma of several words: only the check match_trigger makes itself
                    found = lemma in trigger_words() or lower in trigger_words()
                if len(memo) > 200_000:
                    memo.clear()
                memo[key] = found
            if found:
                out.append(i)
        return out


TRIGGER_POS = {POS_IDS[name]: kind for name, kind in POS.items()}
_MAY_TRIGGER: dict[tuple[str, int, int], bool] = {}  # (pos, lemma id, lower id) -> may_trigger, for every Doc


# 2. one event per occurrence
def find_events(sent: Span, ids: _TokenIds | None = None) -> list[_Found]:
    doc = sent.doc
    ids = ids or _TokenIds(doc)
    candidates = {i: entry for i in ids.may_trigger(sent.start, sent.end) if (entry := match_trigger(doc[i])) is not None}
    _add_demands(sent, candidates, ids)
    # a light verb with an event noun stands for that event ("staged rallies …, saying he must resign")
    # (its object owns it: "staged a hunger strike in protest" is the strike)
    light: dict[int, int] = {}
    for i in sorted(candidates, key=lambda i: sent.doc[i].dep_ not in OBJECTS):
        frame = _frame(sent.doc[i])
        if frame is not None and frame.i != i:
            light.setdefault(frame.i, i)
    # "ordered patrols by police": a light verb that is a trigger of its own ("ordered": REQUEST)
    # codes the event its object names (MOBILIZE); the verb stays the trigger. Not an agreement:
    # signing or reaching one is the verb's act (PLOVER SUPPORT covers signing formal agreements)
    for verb, noun in light.items():
        if verb in candidates and sent.doc[noun].dep_ in OBJECTS and _lemma(sent.doc[verb]) in cues()["light"]:
            if candidates[noun].category != "AGREE":
                candidates[verb] = candidates[noun]
    found = []
    for i, entry in sorted(candidates.items()):
        token = sent.doc[i]
        if _speaker(token):
            continue
        if _governed_by_candidate(token, set(candidates), {verb for verb, noun in light.items() if noun != i}):
            continue
        if _background(token):
            continue
        frame = _frame(token)
        if frame is None or _natural(frame) or _forecast(token, candidates):
            continue
        event = _Found(token, _intent(token, entry, candidates), frame)
        _find_actors(event)
        found.append(event)
    return found


def _speaker(token: Token) -> bool:
    """"UN arms inspectors said they needed more time": a noun that says something names people, not an event."""
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ in SUBJECTS and _lemma(token.head) in cues()["reporting"]


def _natural(frame: Token) -> bool:
    """"Floods have killed at least 76 people": a hazard as subject makes no political event."""
    subjects = [c for c in frame.children if c.dep_ in SUBJECTS] if frame.pos_ != "NOUN" else []
    return any(_lemma(s) in words("hazards.txt") for s in subjects)


def _forecast(token: Token, candidates: dict[int, Entry]) -> bool:
    """"warned that heavy rains were expected" is a forecast; "warned that police will … " a threat."""
    if _lemma(token) not in cues()["warning"]:
        return False
    for child in token.children:
        if child.dep_ == "xcomp" or any(t.i in candidates for t in child.subtree if t.i != token.i):
            return False
        if child.dep_ == "ccomp" and any(c.dep_ in SUBJECTS and _is_actor(c) for c in child.children):
            return False
    return True


def _add_demands(sent: Span, candidates: dict[int, Entry], ids: _TokenIds) -> None:
    """"Russia said that Sudan must return the helicopter": saying someone must act is a REQUEST."""
    doc, dep, ccomp = sent.doc, ids.dep, ids.ccomp
    for i in range(sent.start, sent.end):
        if dep[i] != ccomp:
            continue
        token = doc[i]
        modal = any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in token.children)
        head = token.head
        if modal and _lemma(head) in cues()["reporting"] and head.i not in candidates:
            candidates[head.i] = Entry("REQUEST", None, frozenset())


def _intent(token: Token, entry: Entry, candidates: dict[int, Entry]) -> Entry:
    """Readiness or a vow to do harm is a threat: "prepared to impose martial law", "vowed to fight";
    a threat takes its mode from what it threatens ("threatened to shell Iraqi towns": violence)."""
    intent = entry.category == "AGREE" and (token.pos_ == "ADJ" or _lemma(token) in INTENT_VERBS)
    if not intent and not (entry.category == "THREATEN" and entry.mode is None):
        return entry
    queue = [c for c in token.children if c.dep_ not in SPLIT_DEPS | SUBJECTS]
    while queue:
        node = queue.pop(0)
        if node.i in candidates:
            threatened = candidates[node.i].category
            if threatened not in HOSTILE:
                return entry
            return Entry("THREATEN", mode_cues()["THREATEN"].get(f"@{threatened}"), frozenset())
        queue.extend(c for c in node.children if c.dep_ not in SPLIT_DEPS | SUBJECTS)
    return entry


def _governed_by_candidate(token: Token, governors: set[int], light: set[int] = frozenset()) -> bool:
    """"agreed to resign": resign is part of the AGREE; "met … and held talks" are two events.

    A purpose or a manner adjunct is part of the event it qualifies ("blocked roads to demand
    reforms", "opened fire, killing one person"), also when a light verb carries that event ("staged
    rallies, saying he must resign"); a conjoined or relative clause is an event of its own, and so is
    one in a prepositional phrase ("held discussions … before visiting the Capitol").
    """
    child = token
    while child.head.i != child.i:
        # "killing one person and arresting 12": a participle joined to an adjunct is one too
        if child.dep_ in SPLIT_DEPS and not (_adjunct(child) or child.dep_ == "conj" and _adjunct(_conj_root(child))):
            return False
        if child.head.i in governors:
            return True
        if child.head.i in light and child.dep_ == "advcl":  # "staged rallies …, saying …"
            return True
        child = child.head
    return False


def _background(token: Token) -> bool:
    """A verb that heads a relative clause or a temporal or conditional clause tells the background
    of another event, not a new one ("… in Serbia, where 24 people were killed in riots last March",
    "… unless Baghdad accepted its conditions"), and so does an event noun that is its subject ("if war
    starts in Iraq"). An event noun in another role there still counts ("a delegation, which has been
    facilitating negotiations")."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in SUBJECTS | {"nsubjpass"}:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ == "relcl":
        return True
    # the parser makes "when" an adverb, not a marker: "killed 23 people when they blew themselves up"
    return token.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in BACKGROUND_MARKS for c in token.children)


def _adjunct(verb: Token) -> bool:
    """A to-infinitive of purpose or a participle without its own subject, hanging on a verb."""
    if verb.dep_ != "advcl" or any(c.dep_ in SUBJECTS | {"nsubjpass", "mark"} for c in verb.children):
        return False
    return verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _frame(token: Token) -> Token | None:
    """The verb whose arguments are the event's, or None when a noun is only background."""
    head = token.head
    if token.pos_ in ("VERB", "ADJ"):
        if token.dep_ != "acl":
            return token
        # "issued a statement condemning the attack": the statement's issuer condemns
        if head.dep_ in OBJECTS and _lemma(head.head) in cues()["light"] and match_trigger(head) is None:
            return head.head
        return None  # a reduced relative describes its noun: "property seized by the army"
    if token.dep_ == "ROOT":
        return token
    if token.dep_ in OBJECTS | {"nsubjpass"} and _lemma(head) in cues()["light"] | cues()["mediator"]:
        return head  # "held talks", "facilitating indirect negotiations"
    if token.dep_ in SUBJECTS | {"nsubjpass"}:
        return token  # "negotiations … persisted", "the deal could include"
    if token.dep_ in ("compound", "amod", "nmod") and head.dep_ in OBJECTS and _lemma(head.head) in cues()["light"]:
        return head.head  # "undertook a mediation mission"
    if token.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in cues()["measure"]:
        return _frame(head.head)  # "exploded a series of bombs", "launched 10 days of war games"
    if token.dep_ == "pobj" and head.lower_ == "in" and _lemma(head.head) in cues()["light"]:
        return head.head  # "engaged in ethnic cleansing"
    if token.dep_ == "conj":
        return _frame(_conj_root(token))
    if token.dep_ == "appos":
        return token
    # a clause the parser could not attach to the reporting verb: "Russia's attack on a hospital
    # killed 12 people, officials said" (attack: dep of said)
    if token.dep_ in ("dep", "ccomp") and _lemma(head) in cues()["reporting"]:
        return token
    return None


def _conj_root(token: Token) -> Token:
    while token.dep_ == "conj":
        token = token.head
    return token


# 3. actors
def _find_actors(event: _Found) -> None:
    trigger, frame = event.trigger, event.frame
    if frame.i != trigger.i:  # a light verb: its subject does the event
        if _lemma(frame) in cues()["mediator"] and _between(trigger):
            event.mediator = _subject(frame)
        else:
            # "Sanctions were imposed on … by the European Union": the light verb's agent
            event.source = _subject(frame) or _agent(frame)
    passive = [c for c in trigger.children if c.dep_ == "nsubjpass"] if trigger.pos_ == "VERB" else []
    if passive and _lemma(trigger) in cues()["stance"] and not any(c.dep_ == "agent" for c in trigger.children):
        event.source = event.source or _actors(passive[0])  # "Israel is opposed to French mediation"
        passive = []
    if trigger.pos_ in ("VERB", "ADJ") and not event.source:
        if passive:  # "a camp was attacked by militiamen"
            # "a peace deal between the army and the RSF was signed": the parties of the deal
            event.source = _agent(trigger) or _between(passive[0])
        else:
            event.source = _subject(trigger)
    # modifiers of an event noun: "Israel's military operation"; "U.S. forces joined Israeli strikes"
    if trigger.pos_ in ("NOUN", "PROPN"):
        owners = [c for c in trigger.children if c.dep_ in ("poss", "amod", "compound", "nmod") and _owner(c)]
        event.source = event.source + [_phrase(o) for o in owners[:1] if not any(o.i in range(s.start, s.end) for s in event.source)]
    # "our goal is freeing the hostages": the one whose goal it is acts
    event.source = [_owner_of_goal(s) for s in event.source if _lemma(s.root) not in cues()["goal"] or _owner_of_goal(s)]
    event.source = _resolve_pronouns(event.source, frame)
    # "negotiations between Israel and Hamas": each side acts on the other; the subject of a light
    # verb stays the source ("the emir launched a mediation effort between the Emirates and …")
    between = _between(trigger) or _between(frame)
    if between:
        if not event.source or frame.i == trigger.i:
            event.source = between
        event.target = list(between)
    if not event.target and passive:
        event.target = _between(passive[0]) or _actors(passive[0])
    if not event.target:
        event.target = _targets(event)
    if not event.target and event.entry.category == "THREATEN":
        event.target = _condition_subject(trigger)
    places = _places(trigger) or (_places(frame) if frame.i != trigger.i else [])
    if places and not event.target and _lemma(trigger) in VISIT:
        event.target = places  # "arrived in Amman": the visit is to Amman
    else:
        event.location = places
    event.source = [s for s in event.source if not _same(s, event.target)] or event.source


def _targets(event: _Found) -> list[Span]:
    """Breadth-first from the trigger through its complements and purpose adjuncts: its object, a
    with/against/to/from phrase, the subject of a demanded act ("demanded that Hamas renounce …"), the
    owner of a rejected proposal ("rejected an Indian proposal"). A named actor is preferred to an
    unnamed one found first ("offered its troops to Lebanon's new President")."""
    taken = {t.i for span in event.source + event.mediator for t in span}
    roots = [event.trigger] + ([event.frame] if event.frame.i != event.trigger.i else [])
    queue = [(node, 0) for node in roots]
    seen: set[int] = set()
    fallback: list[Span] = []
    while queue:
        node, depth = queue.pop(0)
        if node.i in seen:
            continue
        seen.add(node.i)
        for found in _direct_targets(node, node in roots, event.trigger):
            found = [span for span in found if span.root.i not in taken]
            if found and _named(found):
                return found
            fallback = fallback or found
        if depth < 3:
            queue.extend(
                (c, depth + 1)
                for c in node.children
                if (c.dep_ in COMPLEMENTS or _adjunct(c)) and c.i != event.trigger.i
            )
    return fallback


def _condition_subject(trigger: Token) -> list[Span]:
    """"threatened to strike unless Israel rescinded the annexation": a threat is aimed at the one
    whose act it is conditioned on."""
    for token in trigger.subtree:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            subjects = [c for c in token.children if c.dep_ in SUBJECTS and _is_actor(c) and c.lower_ not in PRONOUNS]
            if subjects:
                return _actors(subjects[0])
    return []


def _named(spans: list[Span]) -> bool:
    return any(entity_at(span.doc, t) is not None for span in spans for t in span)


def _direct_targets(node: Token, root: bool, trigger: Token) -> list[list[Span]]:
    """The candidate targets hanging on one node, in order of preference."""
    found: list[list[Span]] = []
    if node.pos_ in ("VERB", "AUX", "ADJ"):
        if not root and node.dep_ == "ccomp":
            subjects = [c for c in node.children if c.dep_ in SUBJECTS and _is_actor(c) and c.lower_ not in PRONOUNS]
            found.extend(_actors(s) for s in subjects[:1])
        # the parser may hang a long titled name on the verb as a clause: "met Egyptian intelligence
        # chief Hassan Rashad" (Rashad: advcl)
        objects = [
            c for c in node.children
            if (c.dep_ in ("dobj", "dative") or c.dep_ in ("advcl", "npadvmod") and c.pos_ == "PROPN" and c.i > node.i)
            and _is_actor(c) and c.i != trigger.i
        ]
        found.extend(_actors(o) for o in objects[:1])
        found.append(_prep_actors(node, TARGET_PREPS - {"of"}))
        if not root:  # "the demonstration staged by students"
            agents = [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj" and _is_actor(g)]
            found.extend(_actors(a) for a in agents[:1])
    elif node.pos_ in ("NOUN", "PROPN"):
        if not root:
            owners = [c for c in node.children if c.dep_ in ("poss", "amod", "compound", "nmod") and _owner(c)]
            found.extend([_phrase(o)] for o in owners[:1])
        # "demanded an immediate admission by Moscow", "rejected calls by Kofi Annan"
        found.append(_prep_actors(node, TARGET_PREPS | ({"by"} if not root else set())))
    return [f for f in found if f]


def _places(token: Token) -> list[Span]:
    return _prep_actors(token, PLACE_PREPS, places_only=True)


def _resolve_pronouns(spans: list[Span], frame: Token) -> list[Span]:
    """"Syria says it is willing to withdraw": the pronoun is the one who says."""
    if not spans or any(s.root.lower_ not in PRONOUNS or entity_at(s.doc, s.root) is not None for s in spans):
        return spans
    node = frame
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj", "acomp") or node.head.i == node.i:
            return spans
        node = node.head
        if _lemma(node) in cues()["reporting"]:
            speaker = _subject(node)
            return speaker or spans
    return spans


def _owner_of_goal(span: Span) -> Span | None:
    """"Our goal" → "Our"; "the government's priority" → "the government's"; a span that is no goal is kept."""
    if _lemma(span.root) not in cues()["goal"]:
        return span
    owners = [c for c in span.root.children if c.dep_ == "poss"]
    return span.doc[owners[0].left_edge.i : owners[0].i + 1] if owners else None


def _same(span: Span, others: list[Span]) -> bool:
    return any(span.start == o.start and span.end == o.end for o in others)


def _subject(verb: Token) -> list[Span]:
    """The subject of a verb, or of the verb it depends on ("was scheduled to meet", "which … facilitating")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and not _in_dateline(c)]
        if subjects:
            subject = subjects[0]
            if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return _actors(verb.head)  # "a Qatari delegation, which has been facilitating …"
            return _actors(subject)
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp"):
            verb = verb.head
            if verb.pos_ == "ADP":
                verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return _actors(verb.head)
        break
    return []


def _agent(verb: Token) -> list[Span]:
    """The "by" phrase of a passive verb: "was attacked by militiamen"."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return _actors(agents[0]) if agents else []


DASHES = {"-", "--", "—", "–"}


def _in_dateline(token: Token) -> bool:
    """Whether a token is in a wire dateline, "NAIROBI (AP) — Kenyan police shot …": a place in capitals
    at the start of the sentence, up to the first dash."""
    sent = token.sent
    first = sent[0]
    if not (first.is_alpha and first.is_upper and len(first) > 2):
        return False
    dash = next((t.i for t in sent[:12] if t.text in DASHES), None)
    return dash is not None and token.i < dash


def _between(token: Token) -> list[Span]:
    """"negotiations between Israel and Hamas": both sides ("a mediation mission between …" too)."""
    children = list(token.children) + (list(token.head.children) if token.dep_ == "compound" else [])
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "between":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return _actors(objects[0])
    return []


def _prep_actors(token: Token, preps: set[str], places_only: bool = False) -> list[Span]:
    # a particle may carry the verb's preposition: "kidnapped up to 16 advisers"
    children = list(token.children) + [g for c in token.children if c.dep_ == "prt" for g in c.children]
    for child in children:
        # the parser may call "to" a dative: "providing intelligence to Macedonia"
        if child.dep_ not in ("prep", "dative") or child.pos_ != "ADP" and child.dep_ == "dative" or child.lower_ not in preps:
            continue
        for pobj in (g for g in child.children if g.dep_ == "pobj"):
            if places_only:
                entity = _entity_of(pobj)
                if entity is None or entity.type not in PLACES:
                    continue
            elif not _is_actor(pobj):
                continue
            return _actors(pobj)
    return []


def _actors(head: Token) -> list[Span]:
    """The actor phrases a head stands for: itself and its conjuncts ("Israel and Hamas")."""
    same = {"NOUN", "PROPN", "PRON"} if head.pos_ in ("NOUN", "PROPN", "PRON") else {head.pos_}
    heads = [head] + [t for t in head.subtree if t.dep_ == "conj" and _conj_root(t) == head and t.pos_ in same]
    return [_phrase(h) for h in heads]


def _phrase(head: Token) -> Span:
    """"senior White House officials", "leaders of Romania's new government"."""
    doc = head.doc
    left = [t for t in head.lefts if t.dep_ not in ("cc", "conj", "punct", "prep", "relcl", "acl")]
    start = min((t.left_edge.i for t in left), default=head.i)
    while start < head.i and doc[start].dep_ in ("det", "predet") or doc[start].is_punct and start < head.i:
        start += 1
    end = head.i + 1
    entity = entity_at(doc, head)
    if entity is not None:  # the whole name: "Sierra Leone", not "Sierra"
        for mention in entity.mentions:
            if mention.start <= head.idx < mention.end:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    start, end = min(start, span.start), max(end, span.end)
    for child in head.rights:
        if child.dep_ == "appos" and child.i > end and doc[end].is_punct:
            end = child.right_edge.i + 1  # "Kenzo Oshima, the UN Emergency Relief Coordinator"
            break
        if child.left_edge.i != end:
            break
        if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN":  # "the newspaper La Prensa"
            end = child.right_edge.i + 1
        elif child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "for"):
            end = child.right_edge.i + 1
            break
    return doc[start:end]


def _owner(token: Token) -> bool:
    """A modifier of an event noun that names who does it: "Israeli strikes", "his meeting"."""
    if token.pos_ == "PRON":  # "his meeting with Trump": "his" refers back (see _antecedents)
        return token.dep_ == "poss" and (_entity_of(token) is not None or token.lower_ in FIRST_PERSON | THIRD_PERSON)
    return _entity_of(token) is not None and _entity_of(token).type in ("PERSON", "ORG", "GPE", "NORP")


def _entity_of(token: Token):
    """The entity a head names, itself or through an apposition ("the capital Kabul") or an "of"
    phrase ("the town of Cizre")."""
    found = entity_at(token.doc, token)
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ in ("appos", "compound") and child.i > token.i:
            found = entity_at(token.doc, child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            found = next((entity_at(token.doc, g) for g in child.children if g.dep_ == "pobj"), None)
        if found is not None:
            return found
    return None


def _is_actor(token: Token) -> bool:
    """Whether a phrase names someone who can act: an entity, or a noun for people ("the rebels")."""
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "that", "this", "what", "which", "its")
    # named by the head, its modifiers or a phrase right on it ("students at Cumhuriyet University"),
    # not deeper down ("500 million euros in humanitarian aid to Sudan")
    near = [t for t in token.lefts] + [token] + [
        g for c in token.children if c.dep_ in ("prep", "appos") for g in ([c] if c.dep_ == "appos" else c.children)
    ]
    if any(entity_at(token.doc, t) is not None for n in near for t in (n, *n.lefts)):
        return True
    return _lemma(token) in words("actor_nouns.txt") or token.lower_ in words("actor_nouns.txt")


# 4. mode
def _mode(found: _Found) -> str | None:
    if found.entry.mode:
        return found.entry.mode
    table_ = mode_cues().get(found.entry.category, {})
    if not table_:
        return None
    # the trigger's own phrase, not its subject's or other clauses ("a delegation, which has been
    # facilitating …, met officials" is no third-party meeting)
    skip = {t.i for c in found.trigger.children if c.dep_ in SUBJECTS | SPLIT_DEPS | {"acl", "ccomp", "nsubjpass"} for t in c.subtree}
    near = [t for t in found.trigger.subtree if t.i not in skip]
    # the instrument may be the subject or the agent: "Ukrainian drones struck a refinery", "suicide
    # bombers killed 23", "killed by an improvised explosive device" (the subject's words up to its head,
    # not "a bombing near the town of …")
    for doer in (c for c in found.frame.children if c.dep_ in SUBJECTS | {"agent"}):
        near += [t for t in doer.subtree if t.i <= doer.i or doer.dep_ == "agent"]
    node = found.trigger
    for _ in range(3):  # the words just above the trigger: "aerial conflict in which … joined strikes"
        node = node.head
        near.extend(node.children)
        near.append(node)
    for token in near:
        mode = table_.get(_lemma(token))
        if mode:
            return mode
    return None


# 5. status
def _status(found: _Found) -> str | None:
    kinds = cues()
    seen: set[str] = set()
    chain = [found.trigger]
    if found.frame.i != found.trigger.i:
        chain.append(found.frame)
    node = found.frame
    # the verbs a trigger depends on: "was scheduled to meet", "the deal could include"
    while node.dep_ in ("xcomp", "nsubj", "nsubjpass", "pcomp") and node.head.i != node.i and len(chain) < 6:
        node = node.head
        chain.append(node)
    words_: set[str] = set()
    for token in chain:
        words_.add(_lemma(token))
        for child in token.children:
            if child.dep_ in ("aux", "auxpass", "neg", "advmod", "mark", "acomp", "amod", "det"):
                words_.add(_lemma(child))
                words_.add(child.lower_)
    words_.discard(_lemma(found.trigger))
    for status in STATUS_ORDER:
        cue = {"negated": "negation"}.get(status, status)
        if words_ & kinds[cue]:
            seen.add(status)
    if _aimed(found.trigger):
        seen.add("planned")
    return next((s for s in STATUS_ORDER if s in seen), None)


def _aimed(trigger: Token) -> bool:
    """Whether the event is only aimed at: under a goal word ("efforts to secure the release",
    "kept working to secure a ceasefire"), with a goal as its subject ("our goal is freeing the
    hostages"), listed after a goal ("unfinished business: freeing all our hostages"), or the object
    of a to-infinitive of purpose ("was in Juba to secure a deal")."""
    goal = cues()["goal"]
    if any(c.dep_ in SUBJECTS and _lemma(c) in goal for c in trigger.children):
        return True
    before = trigger.left_edge.i - 1
    if before >= trigger.sent.start and trigger.doc[before].text == ":":
        if any(_lemma(t) in goal for t in trigger.doc[max(trigger.sent.start, before - 6) : before]):
            return True
    node = trigger
    for _ in range(6):
        if node.head.i == node.i or node.dep_ in ("conj", "relcl", "parataxis", "ccomp"):
            return False
        head = node.head
        if _lemma(head) in goal and node.dep_ not in ("compound", "amod", "nmod"):
            return True  # not "a mediation effort": the effort is the mediation
        if node.i != trigger.i and node.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children):
            return True  # the object of a purpose: "to secure a deal"
        node = head
    return False


# building the Event
def _to_event(doc: Doc, found: _Found, before: list[Event]) -> Event:
    trigger = found.trigger
    span = doc[trigger.i : trigger.i + 1]
    statement = _statement_of(doc, trigger.idx)
    status = _status(found) or ("reported" if statement is not None else "asserted")
    date, date_source = None, "unresolved"
    if governing_time is not None:
        time = _event_time(doc, found)
        if time is not None:
            date, date_source = time.value, "time"
    # a plan, a possibility or a refusal did not happen on the day it was spoken of ("said on Monday
    # that Kyiv would not attend the talks")
    if date is None and statement is not None and statement.time and status not in PLANS | {"negated"}:
        value = next((t.value for t in doc._.times or [] if t.id == statement.time), None)
        if value:
            date, date_source = value, "statement"
    sent = trigger.sent
    return Event(
        id=f"EV{len(before) + 1}",
        type=found.entry.category,
        mode=_mode(found),
        trigger=_text_span(span),
        source=_ids(found.source, before),
        target=_ids(found.target, before),
        mediator=_ids(found.mediator),
        source_spans=[_text_span(s) for s in found.source],
        target_spans=[_text_span(s) for s in found.target],
        location=_ids(found.location),
        date=date,
        date_source=date_source,
        status=status,
        reported_by=statement.id if statement is not None else None,
        sentence=SentenceRef(start=sent.start_char, end=sent.end_char),
    )


def _event_time(doc: Doc, found: _Found):
    """The date or time that governs the trigger; in a relative clause, the one of the noun it
    describes ("last month's aerial conflict in which U.S. forces joined Israeli strikes").
    A duration ("a 60-day ceasefire") is no date."""
    described = found.frame.head if found.frame.dep_ == "relcl" else None
    if described is not None and match_trigger(described) is None:
        described = None  # only an event noun lends its date: not "a delegation, which has been …"
    # an event noun as subject takes the time of what it is said to do ("Talks … are expected to
    # resume next week")
    doing = [c for c in found.frame.head.children if c.dep_ == "xcomp"] if found.frame.dep_ in SUBJECTS else []
    for token in (found.trigger, found.frame, described, *doing):
        if token is None:
            continue
        time = governing_time(doc, doc[token.i : token.i + 1])
        if time is not None and time.value and time.type in ("DATE", "TIME"):
            return time
    return None


def _statement_of(doc: Doc, char: int):
    for statement in doc._.statements or []:
        if statement.content.start <= char < statement.content.end:
            return statement
    return None


def _ids(spans: list[Span], before: list[Event] = ()) -> list[str]:
    ids: list[str] = []
    for span in spans:
        head = entity_at(span.doc, span.root)
        # the head's entity, else one that qualifies it ("Qatari delegation", "leaders of Romania"),
        # not where it is ("port operators in Vancouver")
        inside = [t for t in span if t.i <= span.root.i or _under_of(t, span.root)]
        if head is not None:
            found = [head]
        else:  # "Ukrainian and Russian delegations": each named modifier
            found = [entity_at(span.doc, t) for t in inside if t.i < span.root.i] or []
            # "the prime ministers of Greece and North Macedonia": each one named in the of-phrase
            found = [e for e in found if e is not None] or [e for t in inside if (e := entity_at(span.doc, t)) is not None]
            if not any(found):
                found = _antecedents(span, before)
        for entity in found:
            if entity is not None and entity.id not in ids:
                ids.append(entity.id)
    return ids


FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
THIRD_PERSON = {"he", "him", "his", "she", "her"}
PLURAL_PERSON = {"they", "them", "their"}
GROUP_TYPES = {"people": {"PERSON"}, "states": {"GPE"}}


def _antecedents(span: Span, before: list[Event] = ()) -> list:
    """The entities an actor phrase refers back to: "we" in a quote is its speaker; "he"/"she" the
    last person named; "the two leaders", "both countries" the last two people (countries) named,
    in this sentence or the two before ("Kenya's president met Uganda's. The two leaders discussed …");
    "both sides" the two parties of the event just before, when it has two named ones."""
    doc, root = span.doc, span.root
    word = root.lower_
    if word in FIRST_PERSON:
        return _speaker_of(doc, _statement_of(doc, root.idx))
    if word in THIRD_PERSON:
        return _last_named(doc, root.idx, {"PERSON"}, 1)
    if word in PLURAL_PERSON:  # "Greece and North Macedonia met … They agreed": the doers just before
        return _parties_before(doc, span, before, lambda e: e.source)
    # "the army said its troops had killed 12 militants": the owner is the one who says so
    owner = next((c for c in root.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")), None)
    if owner is not None and _speaker_of(doc, _statement_of(doc, root.idx)):
        return _speaker_of(doc, _statement_of(doc, root.idx))
    pair = any(c.lower_ in ("two", "both") for c in root.children if c.dep_ in ("nummod", "det", "predet", "quantmod"))
    if not pair or root.tag_ not in ("NNS", "NNPS"):
        return []
    if _lemma(root) in cues()["sides"]:
        return _parties_before(doc, span, before, lambda e: e.source + e.target, exactly=2)
    kind = next((k for k in GROUP_TYPES if _lemma(root) in cues()[k]), None)
    return _last_named(doc, span.start_char, GROUP_TYPES[kind], 2) if kind else []


def _speaker_of(doc: Doc, statement) -> list:
    """The entity who makes a statement: its speaker, else the one its source phrase names
    ("Pakistan's army said" → Pakistan)."""
    if statement is None:
        return []
    if statement.speaker:
        return [e for e in doc._.entities or [] if e.id == statement.speaker]
    span = doc.char_span(statement.source.start, statement.source.end, alignment_mode="expand") if statement.source else None
    named = [entity_at(doc, t) for t in span or []]
    return [e for e in named if e is not None][:1]


def _parties_before(doc: Doc, span: Span, before: list[Event], parties, exactly: int | None = None) -> list:
    """The parties of the event just before, in this sentence or the two before, when it has two or
    more (``exactly`` that many, if given)."""
    last = before[-1] if before else None
    if last is None:
        return []
    ids = list(dict.fromkeys(parties(last)))
    starts = [s.start_char for s in doc.sents]
    near = sum(last.sentence.start < c <= span.start_char for c in starts) <= 2
    enough = len(ids) == exactly if exactly else len(ids) >= 2
    entities = {e.id: e for e in doc._.entities or []}
    return [entities[i] for i in ids if i in entities] if near and enough else []


def _last_named(doc: Doc, before: int, types: set[str], count: int) -> list:
    """The ``count`` distinct entities of ``types`` named last before a character, within three sentences."""
    sents = [s for s in doc.sents if s.start_char < before]
    window = sents[-3].start_char if len(sents) >= 3 else 0
    mentions = sorted(
        ((m.start, e) for e in doc._.entities or [] for m in e.mentions
         if window <= m.start and m.end <= before and (e.type in types or _names_a_person(doc, m, types))),
        key=lambda pair: -pair[0],
    )
    found: list = []
    for _, entity in mentions:
        if entity not in found:
            found.append(entity)
        if len(found) == count:
            return found
    return []


def _names_a_person(doc: Doc, mention, types: set[str]) -> bool:
    """"the Bolivian president": a nationality or country that qualifies a word for a person stands for
    that person when people are looked for."""
    if "PERSON" not in types:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = span.root.head if span is not None else None
    return head is not None and head.pos_ == "NOUN" and _lemma(head) in cues()["people"]


def _under_of(token: Token, root: Token) -> bool:
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.head.i == root.i:
            return token.lower_ in ("of", "from")
        token = token.head
    return False


def _text_span(span: Span) -> TextSpan:
    return TextSpan(text=span_text(span.doc, span.start_char, span.end_char), start=span.start_char, end=span.end_char)


# 7. one event per occurrence per article
PLANS = {"planned", "hypothetical"}


def _merge_mentions(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if _same_occurrence(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        kept[kept.index(same)] = _merged(same, event)
    return kept


def _same_occurrence(a: Event, b: Event) -> bool:
    if a.type != b.type or (a.status in PLANS) != (b.status in PLANS) or (a.status == "negated") != (b.status == "negated"):
        return False
    if a.date_source == b.date_source == "time" and a.date != b.date:
        return False
    pa, pb = set(a.source) | set(a.target), set(b.source) | set(b.target)
    if a.sentence == b.sentence and (pa <= pb or pb <= pa) and not _other_doers(a, b):
        return True  # "met … the meeting" in one sentence
    if a.mode != b.mode:
        return False  # a visit to the Capitol is not the meeting with Trump
    return bool(pa) and bool(pb) and (pa <= pb or pb <= pa)


def _other_doers(a: Event, b: Event) -> bool:
    """"Soldiers shelled the town while rebels attacked the airport": each its own doer, two events."""
    spans_a = {(s.start, s.end) for s in a.source_spans}
    spans_b = {(s.start, s.end) for s in b.source_spans}
    return bool(spans_a) and bool(spans_b) and not spans_a & spans_b and not set(a.source) & set(b.source)


def _merged(a: Event, b: Event) -> Event:
    """Keep the first mention; take the better date and the fuller actors from the second."""
    rank = {"time": 0, "statement": 1, "unresolved": 2}
    update: dict = {}
    if rank[b.date_source] < rank[a.date_source]:
        update.update(date=b.date, date_source=b.date_source)
    if len(set(b.source) | set(b.target)) > len(set(a.source) | set(a.target)):
        update.update(source=b.source, target=b.target, source_spans=b.source_spans, target_spans=b.target_spans)
    if a.status == "reported" and b.status == "asserted":
        update.update(status="asserted", reported_by=None)
    update["mode"] = a.mode or b.mode
    update["mediator"] = a.mediator or b.mediator
    update["location"] = a.location or b.location
    return a.model_copy(update=update)


# amounts
def _attach_amounts(doc: Doc, events: list[Event]) -> None:
    """An amount belongs to the event whose clause holds it: "the deal could include … 10 living hostages"."""
    amounts = doc._.amounts or []
    if not amounts or not events:
        return
    scopes = []
    for event in events:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        token = span.root
        top = token.head if token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.pos_ in ("VERB", "AUX") else token
        scopes.append((event, token, {t.i for t in top.subtree}))
    for amount in amounts:
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is None:
            continue
        holders = [(event, token, scope) for event, token, scope in scopes if span.root.i in scope]
        if holders:
            # the innermost: the scope that is smallest
            event = min(holders, key=lambda h: len(h[2]))[0]
            event.amounts.append(amount.id)


__all__ = ["CATEGORIES", "EventStage", "find_events", "match_trigger", "plover_category"]
