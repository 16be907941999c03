"""Speakers: the entity a statement's source stands for.

:class:`Speakers` resolves, first rule that gives one:

1. the entity the source names ("Witkoff said"), or its apposition ("one delegate, Kelly Smith,");
   "who" in a relative clause is the noun it describes; "CLARKE:" is the one Clarke;
2. a descriptor: a person's title ("the Florida senator"), an age ("the 61-year-old"), an
   organisation's noun ("the company", "a ministry spokesperson", "Federation leaders"), a country's
   voice ("Saudi Arabia's delegation"), or a headline's or lead's noun named further down ("Mining
   company says …");
3. a name inside the source ("a spokesman for the ministry", "analysts at Barclays");
4. a pronoun: "I" and "we" are a transcript line's speaker or the writer; "he", "she", "they", "it"
   the last fitting subject before it, outside quotations, of the pronoun's gender where the article
   shows one.

What no rule resolves keeps its source text as ``speaker_text``.
"""

from __future__ import annotations

import bisect
import re
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from storyline.resources import table, words
from storyline.stages import doc_text
from storyline.stages.entities import entity_at, entity_index
from storyline.stages.quotes import inside

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
PERSONAL = {"he", "she", "him", "her", "i"}
PRONOUNS = {"he", "she", "him", "her", "they", "them", "i", "we", "it"}
FIRST_NAMES = dict(table("first_names.tsv"))  # first name -> "f" or "m"
TITLE_NOUNS = dict(table("title_nouns.tsv"))  # "justice" -> "judge": the noun a title's holder is called by
FIRST_PERSON = {"i", "we"}
TITLE_PREPOSITIONS = {"of", "for", "to", "at", "in", "on", "with", "from"}  # where a title's head ends
# people who speak for someone else: "he" after "a spokesman said" is the spokesman, not a person named before
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
# who speak for the firm they work at: "analysts at Barclays wrote in a note" (not "GOP strategists")
ANALYSTS = {"analyst", "economist", "strategist"}
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# titles a headline or lead may name a person by before naming them: "Minister says …" (not "an official",
# who may stay unnamed, nor "a spokesman for X", who speaks for X)
TITLE_WORDS = {"minister", "prosecutor", "judge", "president", "governor", "mayor", "lawyer", "senator", "envoy",
               "negotiator", "ambassador", "commissioner"}
REPRESENTATIVES = {"leader", "official", "representative"}  # who speak for the organisation their noun names
STATE_VOICES = {"delegation", "government", "embassy", "mission", "cabinet"}  # a country speaks through them
STATE_UNIONS = {"European Union", "African Union", "Soviet Union", "Eurasian Economic Union"}
COMPANY_NOUNS = {"company", "firm"}  # "the company": the one company named before, if only one
COMPANY_SUFFIXES = words("company_suffixes.txt")  # "Inc", "Ltd", "SpA" …
GENERIC_ORGANISATIONS = words("generic_organisation_nouns.txt")  # "the company": any name, not by its last word
# a line that opens with up to four capitalised words and a colon: "Matthews: Well, …", "TAPPER: …"
SPEAKER_LINE = re.compile(r"^[ \t]*((?:[A-Z][\w.’'-]*)(?: [A-Z][\w.’'-]*){0,3}):[ \t]+(\S[^\n]*)", re.MULTILINE)
# documents that say something by themselves: "In a new poll, …"
DOCUMENTS = {"poll", "survey", "study", "report", "analysis", "memo", "filing", "review", "audit"}


class Found(Protocol):
    """What a statement finder knows of a statement (character extents; the source's head token)."""

    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None
    speaker_token: int | None


class Speakers:
    """Resolves sources to entities, with the lexicons of speaking and organisation nouns."""

    def __init__(self) -> None:
        self.person_nouns = words("person_nouns.txt")
        self.titles = words("titles.txt")
        self.speaking_nouns = words("speaking_nouns.txt")
        self.organisation_nouns = words("organisation_nouns.txt")

    def resolve(self, doc: Doc, item: Found, previous=None, previous_head: int | None = None,  # noqa: ANN001
                quotes: list[tuple[int, int]] | None = None, previous_content: tuple[int, int] | None = None
                ) -> tuple[str | None, str | None]:
        """The entity id of the source, and the source's text when no entity names it. ``previous`` is
        the entity that spoke in the statement before, ``previous_head`` the token that named it and
        ``previous_content`` what it said; ``quotes``: the article's quotations, whose words name no
        antecedent."""
        if item.speaker_token is None:
            return None, None
        head = doc[item.speaker_token]
        text = doc_text(doc)[item.source[0] : item.source[1]].rstrip(" ,") if item.source else head.text
        if head.lower_ in ("who", "that", "which") and head.head.dep_ == "relcl":
            head = head.head.head  # "Sanders, who had endorsed her, argued …": Sanders
            start = head.left_edge.i
            if (head.dep_ == "appos" and entity_at(doc, head) is None and start >= 2 and doc[start - 1].text == ","
                    and head.head.i == start - 2):
                head = head.head  # "Northgate Utilities, the company that agreed …": Northgate Utilities
        entity = entity_at(doc, head)
        if entity is not None and entity.type != "ORG" and doc[item.speaker_token].lower_ == "which":
            return None, text  # "representing Ukraine, which would require …": a place or a clause, not a voice
        if entity is None and doc_text(doc)[item.cue[0] : item.cue[1]] == ":":  # "CLARKE: …"
            entity = line_speaker(doc, doc[item.speaker_token : item.speaker_token + 1])
        for child in head.children:  # "one delegate, Kelly Smith," : the apposition names her
            if entity is None and child.dep_ == "appos":
                entity = entity_at(doc, child)
        if entity is None and head.pos_ == "NOUN":
            entity = _called(doc, head)  # "A group calling itself Black Lantern said"
        if entity is None and head.pos_ == "NOUN" and item.source is not None:
            # "The mayor of Porto Lefki, Despina Alevra, said": a person set off by commas names the source,
            # wherever the parser hung her
            span = doc.char_span(*item.source, alignment_mode="expand")
            named = [entity_at(doc, t) for t in span or () if t.dep_ == "appos" and doc[t.left_edge.i - 1].text == ","]
            entity = next((e for e in named if e is not None and e.type == "PERSON"), None)
        if entity is None and head.pos_ == "NOUN":
            entity = self.by_title(doc, head)
        age = years_old(head) or (next((years_old(c) for c in head.children if c.dep_ == "amod" and years_old(c)), None)
                                  if any(c.lower_ == "the" for c in head.children) else None)
        if entity is None and age is not None:  # "the 61-year-old", "the 44-year-old former economist"
            # "The 61-year-old said": the person given that age ("Whitfield, 61,"), else the last person
            # named before the statement, not inside its quote ("“Donald is …,” said the 46-year-old")
            first = doc.char_span(min(item.cue[0], item.content[0]), item.cue[1], alignment_mode="expand")
            entity = _aged(doc, head, age) or _antecedent(doc, first[0] if first else head, personal=True, quotes=quotes)
        if entity is None and head.lemma_.lower() in REPRESENTATIVES:
            # "Federation leaders said", "union officials said": the one federation, the one union named
            kinds = self.kinds_before(head)
            entity = _of_that_kind(doc, kinds[-1]) if kinds else None
        if entity is None and (head.lower_ in self.organisation_nouns or head.lemma_.lower() in self.speaking_nouns):
            # "The IG Metall union said", "A Brightwell spokesman said": the organisation named before its
            # noun (not "the Trump campaign")
            named = [entity_at(doc, c) for c in head.lefts if c.dep_ == "compound"]
            entity = next((e for e in named if e is not None and e.type == "ORG"), None)
            kinds = self.kinds_before(head)
            if entity is None and kinds and head.lower_ in SPOKESPEOPLE:
                entity = _of_that_kind(doc, kinds[-1])  # "A ministry spokesperson": the one ministry named
            if entity is None and _definite(head) and head.lower_ in self.organisation_nouns:
                entity = _organisation(doc, head, item, previous, previous_head)
                if entity is not None and not self.compatible(head, entity):
                    entity = None  # "the city council" is not the Better Government Association
                if entity is None and head.lower_ not in GENERIC_ORGANISATIONS:
                    entity = _of_that_kind(doc, head)
                if entity is None and head.lower_ in COMPANY_NOUNS:
                    entity = _only_company(doc, head)
            elif entity is None and head.lower_ in self.organisation_nouns and (
                    any(c.lower_ == "the" for c in head.subtree if c.i < head.i)):
                # "the electoral commission": the one commission whose name has "Electoral" in it; "the
                # employers' group": the one group with "Employers" (a generic noun needs such words)
                words = [t.lower_ for t in head.lefts if t.dep_ in ("amod", "compound") or (t.dep_ == "poss" and t.pos_ == "NOUN")]
                if words or head.lower_ not in GENERIC_ORGANISATIONS:
                    entity = _of_that_kind(doc, head, words)
        if entity is None and (head.lemma_.lower() in ANALYSTS or head.lower_ in SPOKESPEOPLE or head.lemma_.lower() in REPRESENTATIVES):
            # "Lynwood Partners downgraded Veridane. Its analysts wrote …": the organisation "its" stands for
            owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
            entity = _antecedent(doc, owner, personal=False, quotes=quotes) if owner is not None else None
            entity = entity if entity is not None and entity.type == "ORG" else None
        if entity is None and head.lower_ in STATE_VOICES:
            # "Saudi Arabia's delegation", "Japan's government": the country (not "Kowal's office")
            owner = next((entity_at(doc, c) for c in head.children if c.dep_ == "poss"), None)
            entity = owner if owner is not None and owner.type == "GPE" else None
        if entity is None and head.pos_ in ("NOUN", "PROPN") and (head.lower_ in self.organisation_nouns or head.lower_ in TITLE_WORDS):
            entity = _named_later(doc, head, organisation=head.lower_ in self.organisation_nouns)
        if entity is None and item.source is not None:
            span = doc.char_span(*item.source, alignment_mode="expand")
            for t in span or ():
                if t.dep_ in ("compound", "poss", "case", "det", "amod", "punct", "appos"):
                    continue
                if head.pos_ == "NOUN" and head.lemma_.lower() not in self.speaking_nouns and _under_preposition(t, head) and not (
                        head.lemma_.lower() in ANALYSTS and t.head.lower_ == "at" and t.head.head.i == head.i):
                    continue  # "Residents of the town of Vilniansk" are not Vilniansk; "a study by Pew" is Pew
                if _in_clause_of(t, head):
                    continue  # "The 52-year-old, who took over from Martin Reyes," is not Reyes
                entity = entity_at(doc, t)
                if entity is not None:
                    break
        if (entity is None and previous is not None and previous.type == "PERSON" and head.tag_ == "NN"
                and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and _described(head, previous)
                and not any(c.dep_ == "conj" for c in head.children)  # "both the candidate and her staff"
                and (head.lower_ in self.person_nouns and not _names_someone_else(doc, head, previous)
                     or head.lower_ in self.titles and _holds(previous, head))):
            # "Ocampo told supporters … The former schoolteacher promised …": a description of who just spoke
            entity = previous
        if entity is None and head.lower_ in FIRST_PERSON:
            entity = _first_person(doc, head)  # the line's speaker, or the writer (no entity)
        elif entity is None and head.lower_ in PRONOUNS:
            # the last statement's speaker counts as a mention where a descriptor named it: "The
            # 54-year-old mayor has argued … She told …" is the mayor, not a person named before
            descriptor = doc[previous_head] if previous_head is not None and doc[previous_head].pos_ == "NOUN" else None
            entity = _antecedent(doc, head, {previous_head: previous} if descriptor is not None and previous else {},
                                 quotes=quotes)
            spokesperson = head.lower_ in PERSONAL and descriptor is not None and descriptor.tag_ == "NN" and (
                descriptor.lemma_.lower() in SPOKESPEOPLE)
            unnamed_group = head.lower_ == "they" and descriptor is not None and previous is None and (
                descriptor.tag_ == "NNS" or descriptor.lower_ == "police")
            if (head.lower_ == "it" and previous is not None and previous.type != "PERSON" and entity is not None
                    and entity is not previous and previous_content is not None
                    and _only_inside(doc, entity, previous_content, head)):
                entity = previous  # "The Air Force said Russia had launched 87 drones. …, it said": the Air Force
            if (spokesperson or unnamed_group) and not (entity is not None and _subject_between(doc, entity, descriptor, head)):
                # "A Brightwell spokesman said … He declined …": the spokesman, whoever he speaks for;
                # "Police said … They said …": the police, not a place named before
                entity = previous
        if entity is not None:
            return entity.id, text
        return None, text


    def kinds_before(self, head: Token) -> list[Token]:
        """The kinds of organisation a noun is compounded with: "ministry" in "a ministry spokesperson"."""
        return [c for c in head.lefts if c.dep_ == "compound" and c.lower_ in self.organisation_nouns
                and c.lower_ not in GENERIC_ORGANISATIONS]

    def compatible(self, noun: Token, entity) -> bool:  # noqa: ANN001 - an Entity
        """An organisation whose name ends in a kind of organisation is only that kind: "the union" can
        be the IG Metall Union, "the council" not the Better Government Association; "the group", "the
        agency" can be any ("the agency" is also the State Department). A union of states is none of them."""
        kind = entity.name.split()[-1].lower() if entity.name.split() else ""
        if entity.name in STATE_UNIONS:
            return False
        return (noun.lower_ in GENERIC_ORGANISATIONS or noun.lower_ == "agency" or kind not in self.organisation_nouns
                or kind == noun.lower_)

    @staticmethod
    def by_title(doc: Doc, head: Token):  # noqa: ANN205 - an Entity or None
        """A definite descriptor whose head word is in a person's titles: "the Florida senator" →
        the person last named before it with a title ending in "senator"."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        best, best_at = None, -1
        for entity in doc._.entities or []:
            if entity.type != "PERSON" or not any(_title_head(t) == _title_noun(head.lower_) for t in entity.titles):
                continue
            before = [m.start for m in entity.mentions if m.start < head.idx]
            if before and max(before) > best_at:
                best, best_at = entity, max(before)
        return best


def _title_head(title: str) -> str | None:
    """The word a title is named by, the last before any preposition: "chair" in "chair of the FNV
    Havens union" (so "the union" is not its holder), "envoy" in "Trump's special envoy to the Middle East";
    "judge" for "Justice", as the holder is called later."""
    words = title.lower().split()
    cut = next((i for i, w in enumerate(words) if w in TITLE_PREPOSITIONS), len(words))
    return _title_noun(words[cut - 1]) if cut else None


def _title_noun(word: str) -> str:
    return TITLE_NOUNS.get(word, word)


def _first_person(doc: Doc, pronoun: Token):  # noqa: ANN202 - an Entity or None
    """Who "I" or "we" is outside a quote: the speaker a transcript line names ("FALLIN: I think …"),
    the interviewee in an answer ("A: I think …"), else the writer, whom no entity names."""
    text = doc_text(doc)
    line = SPEAKER_LINE.match(text, text.rfind("\n", 0, pronoun.idx) + 1)
    if line is None or line.end(1) > pronoun.idx:
        return None
    if line.group(1) == "A":
        return _interviewee(doc)
    name = doc.char_span(line.start(1), line.end(1), alignment_mode="expand")
    return line_speaker(doc, name, "PERSON")


def line_speaker(doc: Doc, name: Span | None, kind: str | None = None):  # noqa: ANN202 - an Entity or None
    """The entity a transcript line's name stands for: the one it names ("Sen. Ted Cruz: …"), or, for a
    surname in capitals the tagger missed ("CLARKE: …"), the one person of that surname."""
    entity = next((e for e in (entity_at(doc, t) for t in name or ()) if e is not None), None)
    if entity is None and name is not None and len(name) == 1 and name.text.isupper() and name.text.isalpha():
        people = [e for e in doc._.entities or [] if e.type == "PERSON" and e.name.split()[-1].casefold() == name.text.casefold()]
        entity = people[0] if len(people) == 1 else None
    return entity if entity is not None and (kind is None or entity.type == kind) else None


def _interviewee(doc: Doc):  # noqa: ANN202 - an Entity or None
    """The person an interview's answers are from: the person named most often before its first
    question ("Q: …"), the first of them on a tie."""
    text = doc_text(doc)
    first_question = re.search(r"^[ \t]*Q:", text, re.MULTILINE)
    if first_question is None:
        return None
    index = entity_index(doc)
    counts: dict[str, int] = {}  # mentions, in order of first mention
    people = {}
    for i, entity in sorted(index.items()):
        if doc[i].idx >= first_question.start():
            break
        if entity.type == "PERSON" and index.get(i - 1) is not entity:  # a mention's first token
            counts[entity.id] = counts.get(entity.id, 0) + 1
            people.setdefault(entity.id, entity)
    return people[max(counts, key=counts.get)] if counts else None  # max keeps the first of a tie


def _definite(head: Token) -> bool:
    """"The" and nothing else that sets the noun apart: "the group", "the software maker", "the
    Seattle-based company", not "the rival group" or "the other company", which would be another one."""
    left = list(head.lefts)
    if any(t.dep_ == "amod" and t.lower_ == "based" for t in left):  # "the Cambridge, Massachusetts-based company"
        between = head.doc[head.left_edge.i : head.i]
        return between[0].lower_ == "the" and all(t.pos_ in ("PROPN", "PUNCT") or t.lower_ == "based" for t in between[1:])
    return bool(left) and left[0].lower_ == "the" and all(
        (t.dep_ == "compound" and t.pos_ == "NOUN") or (t.dep_ == "amod" and (t.text[0].isupper() or t.lower_.endswith("-based")))
        or t.dep_ == "punct" for t in left[1:])


def _plain(head: Token) -> bool:
    """Only "the" before the noun and nothing after it: "the company" is one already named."""
    return [t.lower_ for t in head.lefts] == ["the"] and not any(True for _ in head.rights)


def _organisation(doc: Doc, head: Token, item: Found, previous, previous_head: int | None = None):  # noqa: ANN001, ANN202
    """The organisation "the group" stands for (an Entity or None): the one that spoke just before ("Amnesty
    International said … The group urged …"), or the one a person who spoke just before is described by
    ("Fiona Rennick, Calderwood's chief executive, said … The company said"), else the one its own content,
    said first, is about ("Maersk has diverted six vessels, the company confirmed")."""
    index = entity_index(doc)
    if previous is not None and previous.type == "PERSON" and previous_head is not None:
        described = {e.id: e for e in (index.get(t.i) for t in doc[previous_head].subtree
                                       if _in_apposition(t, doc[previous_head])) if e is not None and e.type == "ORG"
                     and (head.lower_ in GENERIC_ORGANISATIONS or _kind_of(e.name) == head.lower_)}
        if len(described) == 1:
            return next(iter(described.values()))
    if previous is not None and previous.type == "ORG":
        named = [m.start for m in previous.mentions if m.start < head.idx]
        spoke = doc.char_span(max(named), max(named) + 1, alignment_mode="expand") if named else None
        # from the sentence that named it: "in a thread with Cruz's campaign, Breitbart asked …, but the
        # campaign refused" and "the trade group for the plans … '…,' the group wrote" have nearer holders
        start = spoke.sent.start_char if spoke is not None else head.idx
        between = doc.char_span(start, head.idx, alignment_mode="expand")
        # "The Andean Rights Observatory, a Lima-based rights group, said …": its own apposition holds no one else
        if not any(t.lower_ == head.lower_ and t.i not in index and not _plain(t) and not (
                t.dep_ == "appos" and index.get(t.head.i) is previous) for t in between or ()):
            return previous
        return None
    if not item.content or item.content[0] > item.cue[0]:
        return None
    content = doc.char_span(*item.content, alignment_mode="expand")
    for token in content or ():
        entity = index.get(token.i)
        if entity is not None and entity.type == "ORG" and _names_a_subject(token, entity, index):
            return entity
    return None


def _described(head: Token, person) -> bool:  # noqa: ANN001 - an Entity
    """The names before a descriptor are in the person's titles: "the Florida senator" only for a person
    titled so; "the former schoolteacher" for anyone."""
    titles = " ".join(person.titles).lower()
    return all(t.lower_ in titles for t in head.lefts if t.dep_ in ("amod", "compound") and t.text[:1].isupper())


def _holds(person, head: Token) -> bool:  # noqa: ANN001 - an Entity
    """The person's titles name that noun: "the senator" for a person titled "Sen." or "senator"."""
    noun = _title_noun(head.lower_)
    return any(_title_head(t) == noun or noun in t.lower().split() for t in person.titles)


def _names_someone_else(doc: Doc, head: Token, previous) -> bool:  # noqa: ANN001 - an Entity
    """Another person holds the descriptor's noun as a title ("the senator" when a senator other than the
    last speaker is named)."""
    return any(e.type == "PERSON" and e is not previous and any(_title_head(t) == _title_noun(head.lower_) for t in e.titles)
               for e in doc._.entities or [])


def _only_company(doc: Doc, head: Token):  # noqa: ANN202 - an Entity or None
    """The one company the article has named before "the company" by a company's name ("Veridane
    Therapeutics Inc.", "Halvard Freight Group Plc"), else None."""
    companies = {e.id: e for e in doc._.entities or [] if e.type == "ORG" and e.name.split()
                 and e.name.split()[-1].rstrip(".,") in COMPANY_SUFFIXES and any(m.end <= head.idx for m in e.mentions)}
    return next(iter(companies.values())) if len(companies) == 1 else None


def _called(doc: Doc, head: Token):  # noqa: ANN202 - an Entity or None
    """The name a noun is given by "calling itself", "called" or "named": "a group calling itself Black
    Lantern", "a militia called the Free Brigade"."""
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("call", "name") and child.i > head.i:
            for named in child.children:
                if named.dep_ in ("oprd", "attr") or (named.dep_ in ("dobj", "xcomp") and child.tag_ == "VBN"):
                    entity = entity_at(doc, named)
                    if entity is not None and entity.type != "PERSON":
                        return entity
    return None


def _in_apposition(token: Token, head: Token) -> bool:
    """``token`` is in an apposition to ``head`` and not in a clause inside it: "Calderwood" in "Fiona
    Rennick, Calderwood's chief executive," (not "CNBC" in "CNBC moderator Carl Quintanilla", nor "the
    White House" in "David Axelrod, who was an adviser in the White House")."""
    apposition = False
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return False
        apposition = apposition or (token.dep_ == "appos" and token.head.i == head.i)
        token = token.head
    return apposition and token.i == head.i


def _of_that_kind(doc: Doc, head: Token, qualifiers: list[str] = ()):  # noqa: ANN202 - an Entity or None
    """The one organisation named before "the agency" whose name ends in "Agency" (the National Disaster
    Management Agency) or has it before "of" (the British Columbia Ministry of Environment); None when
    there are two ("the party" after both parties are named). A union of states is no union of workers;
    ``qualifiers``, the words before the noun, must be in the name ("the electoral commission")."""
    kinds = {e.id: e for e in doc._.entities or [] if e.type == "ORG" and e.name[:1].isupper() and _kind_of(e.name) == head.lower_
             and e.name not in STATE_UNIONS and any(m.end <= head.idx for m in e.mentions)
             and _has_words(e.name, qualifiers)}
    return next(iter(kinds.values())) if len(kinds) == 1 else None


def _named_later(doc: Doc, head: Token, organisation: bool):  # noqa: ANN202 - an Entity or None
    """A headline or lead that names its speaker only further down: "Mining company says …", "A Canadian
    mining company said Tuesday …", then "Sentinel Minerals Ltd. said …"; "Minister says …", then
    "Transport Minister Tomas Ferreira"; "…, the regional governor said" and then "Oleh Marchenko,
    governor of the Poltava region". For a noun in the first two paragraphs (the headline is one) that
    nothing before resolved, the first organisation of its kind named as a subject in the two paragraphs
    after, or the first person with that title below."""
    text = doc_text(doc)
    starts = [0] + [m.end() for m in BLANK_LINE.finditer(text)]
    paragraph = bisect.bisect_right(starts, head.idx) - 1
    if paragraph > 1 or any(c.dep_ == "det" and c.lower_ not in ("a", "an", "the") or
                            c.dep_ == "poss" and c.pos_ != "NOUN" for c in head.children):
        return None  # "their union", "Kestrel's union" are someone's; "the governor" of a lead, named below
    # an organisation named as a subject soon after; a person by the title, anywhere below
    limit = starts[paragraph + 3] if organisation and paragraph + 3 < len(starts) else len(text)
    index = entity_index(doc)
    qualifiers = [t.lower_ for t in head.subtree if t.i < head.i and t.ent_type_ != "NORP" and (  # "Kenyan court": any court
        t.pos_ == "PROPN" or organisation and t.dep_ in ("amod", "compound") and head.lower_ not in GENERIC_ORGANISATIONS)]
    for i in range(head.i + 1, len(doc)):
        if doc[i].idx >= limit:
            break
        entity = index.get(i)
        if entity is None:
            continue
        # a company named as a subject; a commission, ministry … named at all, with the words before the noun
        if organisation and entity.type == "ORG" and (
                (head.lower_ in GENERIC_ORGANISATIONS and _names_a_subject(doc[i], entity, index)) or (
                    _kind_of(entity.name) == head.lower_ and _has_words(entity.name, qualifiers))):
            return entity
        # "Genoa port operator says …", then "Ligurmare Terminals SpA, the biggest container operator at the port
        # of Genoa": an apposition with that noun, and the names before it
        described = next((c for c in doc[i].children if c.dep_ == "appos" and c.lemma_ == head.lemma_), None)
        if organisation and entity.type == "ORG" and described is not None and all(
                q in {t.lower_ for t in described.subtree} for q in qualifiers if q != head.lower_):
            return entity
        # "the New Jersey governor" is no governor of Florida: the names before the title are in it
        if not organisation and entity.type == "PERSON" and any(
                _title_head(t) == _title_noun(head.lower_) and all(q in t.lower() for q in qualifiers) for t in entity.titles):
            return entity
    return None


def _has_words(name: str, words: list[str]) -> bool:
    """Every one of the (lowercase) words is a word of the name: "electoral" of "Malawi Electoral Commission"."""
    return all(word in name.lower().split() for word in words)


def _kind_of(name: str) -> str:
    """The word that says what kind of organisation a name is: its last, or the one before "of"."""
    words = name.lower().split()
    return words[words.index("of") - 1] if "of" in words[1:] else (words[-1] if words else "")


def _names_a_subject(token: Token, entity, index: dict) -> bool:  # noqa: ANN001 - an Entity
    """The token is a subject, or part of a name that is one or that stands in apposition to one: "Ahern"
    in "Whitfield's counterpart, Sen. Chris Ahern, was blunter" (but not "Clinton" in "Albright, a Clinton
    supporter, said")."""
    while token.dep_ == "compound" and index.get(token.head.i) is entity:
        token = token.head
    if token.dep_ in SUBJECTS or (token.dep_ == "compound" and token.head.dep_ in SUBJECTS):
        return True
    # a misparse may set a name beside a document: "a study by a sociologist, Mikhail Dmitriyev, concluded"
    head = token.head
    return token.dep_ == "appos" and head.dep_ in SUBJECTS and head.pos_ == "NOUN" and head.lower_ not in DOCUMENTS


def _subject_between(doc: Doc, entity, after: Token, before: Token) -> bool:  # noqa: ANN001 - an Entity
    """``entity`` is named as a subject between two tokens."""
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if after.idx < m.start < before.idx else None
        if span is not None and any(t.dep_ in SUBJECTS for t in span):
            return True
    return False


def _only_inside(doc: Doc, entity, content: tuple[int, int], pronoun: Token) -> bool:  # noqa: ANN001 - an Entity
    """Between the start of ``content`` and the pronoun, the entity is named only inside that content."""
    named = [m for m in entity.mentions if content[0] <= m.start < pronoun.idx]
    return bool(named) and all(m.end <= content[1] for m in named)


def _in_clause_of(token: Token, head: Token) -> bool:
    """The token is inside a relative clause about ``head`` that does not name its author: "The
    52-year-old, who took over from Martin Reyes," is not Reyes, but "reports Mr. Schoen filed" and
    "figures that were released by Crowdpac" are Schoen's and Crowdpac's."""
    t = token
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "relcl" and t.head.i == head.i:
            if head.pos_ != "NOUN":
                return True
            relative = any(c.tag_ in ("WP", "WDT", "WP$") for c in t.children)
            agent = token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.i == t.i
            return relative and not agent
        t = t.head
    return False


def _under_preposition(token: Token, head: Token) -> bool:
    """``token`` hangs from ``head`` through a preposition ("residents *of* the town")."""
    while token.i != head.i and token.head.i != token.i:  # Tokens compare by index: each access makes a new one
        if token.dep_ == "prep":
            return True
        token = token.head
    return False


def years_old(head: Token) -> str | None:
    """The years of "the 61-year-old" (its head "old"), else None."""
    if head.lower_ != "old":
        return None
    year = next((c for c in head.children if c.dep_ == "npadvmod" and c.lower_ in ("year", "years")), None)
    number = next((c for c in year.children if c.like_num), None) if year is not None else None
    return number.text if number is not None else None


def _aged(doc: Doc, head: Token, age: str):  # noqa: ANN202 - an Entity or None
    """The person last named before ``head`` with that age in apposition: "Whitfield, 61,"."""
    index = entity_index(doc)
    for i in range(head.i - 3, 0, -1):
        entity = index.get(i)
        if (entity is not None and entity.type == "PERSON" and index.get(i + 1) is not entity
                and doc[i + 1].text == "," and doc[i + 2].text == age):
            return entity
    return None


def _gender(doc: Doc, entity) -> str | None:  # noqa: ANN001 - an Entity
    """"f" or "m" where the article says: a first name that names one (resources/first_names.tsv), "Mr.",
    "Ms." or "Mrs." before a mention, a title ending in "woman"; else None."""
    first = FIRST_NAMES.get(entity.name.split()[0]) if entity.name.split() else None
    if first is not None:
        return first
    text = doc_text(doc)
    for m in entity.mentions:
        before = text[max(0, m.start - 5) : m.start].split()[-1:]
        if before and before[0] in ("Mr.", "Mr"):
            return "m"
        if before and before[0] in ("Ms.", "Mrs.", "Ms", "Mrs"):
            return "f"
    return "f" if any(t.lower().endswith("woman") for t in entity.titles) else None


def _antecedent(doc: Doc, pronoun: Token, named: dict | None = None, personal: bool | None = None,  # noqa: ANN202
                quotes: list[tuple[int, int]] | None = None):
    """The last person (for he/she) or named subject before the pronoun that was a subject (an Entity or
    None), outside ``quotes`` ("“Mum gave her life to that cafe,” the son said. He told …" is not Mum).
    ``named``: more tokens that stand for an entity (a descriptor the statements resolved); ``personal``:
    look for a person whatever the word ("the 61-year-old"). A person the article shows to be of the other
    gender ("she" and Bill Clinton) is taken only when no one else is."""
    personal = pronoun.lower_ in PERSONAL if personal is None else personal
    wanted = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun.lower_)
    fallback = unlike = None
    index = entity_index(doc)
    if named:
        index = {**index, **{i: e for i, e in named.items() if i not in index}}
    for i in range(pronoun.i - 1, max(0, pronoun.i - 150) - 1, -1):  # a Token only where an entity is
        entity = index.get(i)
        if entity is None:
            continue
        t = doc[i]
        if quotes and inside(t.idx, quotes):
            continue
        if personal and entity.type != "PERSON":
            continue
        if not personal and entity.type == "PERSON":
            continue
        if personal and wanted is not None and _gender(doc, entity) not in (None, wanted):
            # "she" is not Bill Clinton; he stays the last resort, as before genders were known
            if unlike is None and _names_a_subject(t, entity, index):
                unlike = entity
            continue
        if _names_a_subject(t, entity, index):
            return entity
        if fallback is None and t.dep_ not in ("poss", "compound"):
            fallback = entity
    return fallback or unlike
