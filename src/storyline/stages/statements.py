"""Statements: who said (wrote, thinks, plans) what, how, to whom, and whether verbatim.

Rules over the dependency parse, in six steps:

1. Quotes: every run between quote marks (:mod:`storyline.stages.quotes`).
2. Verb cues: a reporting verb (resources/reporting_verbs.tsv) with its subject as the source and its
   clause as the content: "X said that …", "“…,” X said", "The talks, X said, …", "X told reporters
   …", "X hopes to …", "X expressed hope for …" (resources/attitude_nouns.txt), "X called for …";
   a quote split around its cue becomes one statement. Transcript and headline lines ("TAPPER: …")
   give their speaker before a colon.
3. "According to X, …" and "In a new poll, …": X (the poll) is the source, the rest of the sentence
   the content.
4. Noun cues: "the announcement that …", "a report by X that …", "her criticism of the deal" (resources/noun_cues.txt).
5. No comment: "did not immediately comment", "declined to comment" (resources/no_comment.txt).
6. Speakers: the entity each source stands for (:mod:`storyline.stages.speakers`): "he expressed
   hope" → Witkoff; otherwise the source text is kept as speaker_text.

A statement inside the content of another is dropped: "what he called “the great victory”" belongs
to the statement that reports it (one token, one attribution, as PolNeAR annotates); but a content
that runs into another sentence with a cue of its own stops before that sentence ("“…,” he said. He
added, “…”" is two statements).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import POS
from spacy.language import Language
from spacy.parts_of_speech import ADJ, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from storyline.learned import cues
from storyline.model import Span as TextSpan
from storyline.model import Statement
from storyline.resources import lines, table, words
from storyline.stages import doc_text, register_extensions, span_text
from storyline.stages.entities import entity_at, entity_index
from storyline.stages.quotes import find_quotes, inside
from storyline.stages.speakers import DOCUMENTS, PERSONAL, SPEAKER_LINE, SUBJECTS, Speakers, line_speaker, years_old

try:  # the times stage is built in parallel; statements get a time only when it is installed
    from storyline.stages.times import governing_time  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on what is installed
    governing_time = None

MODALS = {"could", "might", "may", "would", "should", "can", "will"}
CHANNEL_PREPS = {"on", "in", "at", "during", "to", "with"}
# speech verbs whose object is the audience or nothing said ("told reporters", "said it")
NO_OBJECT_CONTENT = {"say", "tell", "ask", "add", "warn", "urge", "assure", "remind", "note", "continue",
                     "answer", "respond", "reply", "explain", "comment", "agree", "joke", "complain"}
ATTITUDE_PREPS = {"for", "about", "over", "in", "that", "at", "with"}
# a paragraph that signs the quote above it: "- Bernie Sanders.", "— Hillary Clinton"
SIGNATURE = re.compile(r"^[ \t]*([-–—]{1,2})[ \t]*([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4}?)\.?[ \t]*$", re.MULTILINE)
# speech verbs whose infinitive complement is what was said: "urged voters to stay home"
TELLING = {"tell", "ask", "assure", "remind", "inform", "warn", "urge"}  # their object is who was told
# directives whose object is part of what was said ("urged both sides to return"), as PolNeAR marks it
OBJECT_DIRECTIVES = {"urge", "call", "order", "encourage", "implore", "beg", "press", "ask", "warn", "tell", "remind", "invite", "advise"}
DIRECTIVES = {"ask", "urge", "tell", "warn", "call", "order", "promise", "pledge", "vow", "threaten", "demand",
              "propose", "agree", "decline", "refuse", "remind", "encourage", "advise", "invite", "beg"}
LINE_DOCUMENTS = {"poll", "survey", "study", "report", "newspaper"}  # "Poll: …" at the head of a line
PLATFORMS = words("platforms.txt")  # "wrote on Twitter", "wrote on Telegram"
HEARSAY = {"reportedly"}  # adverbs that attribute a claim to reports
CUE_PREPS = {"about", "for", "to", "of", "on", "against", "with"}
QUOTE_CHARS = "\"“”«»„"
OBJECT_PREPS = {"as", "for", "to", "with", "of"}
REFLEXIVES = {"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"}
LIGHT_VERBS = {"take", "make", "have", "give", "offer", "pay", "cast", "throw", "raise", "voice", "lend", "draw", "mince"}
PHRASE_PREPS = {"about", "at", "from", "with", "on", "against", "to", "of", "for"}
NOUN_PREPS = {"of", "for", "about", "on", "against", "over", "to", "with"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@dataclass
class _Found:
    cue: tuple[int, int]  # characters
    content: tuple[int, int]
    kind: str
    source: tuple[int, int] | None = None
    speaker_token: int | None = None  # token index of the source's head
    channel: tuple[int, int] | None = None
    hedge: tuple[int, int] | None = None
    rank: int = 2  # speech outranks stance and thought when one sits inside the other
    gap: tuple[int, int] | None = None  # the cue clause inside a split quote: “…,” he said, “…”
    relays: bool = False  # "according to X": what it reports may be someone else's statement
    reported_by: _Found | None = None  # the report this statement is known through


# the cue model's probability above which a verb outside the lexicon is a cue, and below which a
# lexicon verb is not (chosen on a held-out eighth of PolNeAR train, see training/train_cues.py)
ADMIT = 0.5
VETO = 0.1
LEARNED_KIND = "stance"
QUANTITIES = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
SURE = 0.5  # above this the verb is a cue even when no rule finds what it reports: take any complement

# what is released, issued or sent, and says something in a participle: "a statement saying …"
RELAY_NOUNS = {"statement", "letter", "message", "memo", "note", "email", "tweet", "video", "release", "ad", "report"}
WITHHELD = {"say", "discuss", "comment", "elaborate", "specify", "disclose", "confirm", "answer", "reveal"}
MODAL_NAMES = {"Will", "May"}  # George Will, Theresa May
RAISING = {"seem", "appear"}  # "X seems to …": a judgement without a judge
APPOSITION_POS = {"DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM", "PART", "CCONJ", "PRON"}  # ", the minority leader,"
CONTRASTS = {"while", "whereas", "though", "although"}  # "…, while Cruz said …", "…, though it noted …": a second statement
RANKS = {"speech": 2, "media": 2, "stance": 1, "thought": 1, "hope": 1, "plan": 1}


@Language.factory(
    "storyline_statements",
    assigns=["doc._.statements"],
    requires=["doc._.entities", "token.dep", "token.tag"],
)
def make_statements(nlp, name) -> StatementStage:  # noqa: ANN001 - see stages/__init__.py
    return StatementStage()


class StatementStage:
    def __init__(self, use_model: bool = True) -> None:
        register_extensions()
        self.verbs = {lemma: kind for lemma, kind in table("reporting_verbs.tsv")}
        # noun -> the contents it takes: "that" (a that-clause) and/or "prep" (a prepositional object)
        self.nouns = {row[0]: set(row[1].split()) for row in table("noun_cues.txt")}
        self.attitudes = words("attitude_nouns.txt")
        self.attitude_adjectives = words("attitude_adjectives.txt")
        self.experiencer_verbs = words("experiencer_verbs.txt")
        self.channels = words("channels.txt") | PLATFORMS
        self.no_comment = [re.compile(p, re.IGNORECASE) for p in lines("no_comment.txt")]
        self.no_comment_anywhere = [_anywhere(p) for p in self.no_comment]
        self.cue_model = cues.load() if use_model else None
        self.speakers = Speakers()

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quotes = find_quotes(text)
        found: list[_Found] = []
        taken: set[int] = set()  # cue tokens already used
        found.extend(self.speaker_lines(doc, quotes, taken))
        found.extend(self.signatures(doc, quotes, taken))
        # the patterns and words that no sentence of this article can hold are not tried per sentence
        lowered = text.lower()
        ascii_ = text.isascii()
        no_comment = [p for p, anywhere in zip(self.no_comment, self.no_comment_anywhere) if anywhere is None or (
            anywhere[1].search(lowered) if ascii_ else anywhere[0].search(text))]
        according = "according" in lowered
        hearsay = any(word in lowered for word in HEARSAY)
        pos = doc.to_array(POS).tolist()  # cues are verbs, nouns and adjectives
        for sent in doc.sents:
            found.extend(self.no_comments(doc, sent, taken, no_comment))
            found.extend(self.according_to(doc, sent, taken, quotes) if according else self.in_document(doc, sent, taken))
            if hearsay:
                found.extend(self.hearsay(doc, sent, taken))
            for i in range(sent.start, sent.end):
                if i in taken or (pos[i] != VERB and pos[i] != NOUN and pos[i] != ADJ):
                    continue
                token = doc[i]
                item = (self.verb_cue(doc, token, quotes, taken) or self.noun_cue(doc, token, taken) or
                        self.adjective_cue(doc, token, taken))
                if item:
                    found.append(item)
        found = _drop_nested(_cut_participles(doc, _split_paragraph_runs(doc, _split_runs(doc, _cut_sources(doc, found)))))
        doc._.statements = self.to_statements(doc, found, quotes)
        return doc

    def rule_kind(self, token: Token) -> str | None:
        """The class the rule lexicons give a word: a reporting verb's kind, "noun" for a noun cue."""
        if token.pos_ == "VERB":
            return self.verbs.get(token.lemma_.lower())
        if token.pos_ == "NOUN" and token.lower_ in self.nouns:
            return "noun"
        return None

    # 2. verb cues
    def verb_cue(self, doc: Doc, verb: Token, quotes: list[tuple[int, int]], taken: set[int]) -> _Found | None:
        if verb.pos_ != "VERB":
            return None
        if inside(verb.idx, quotes):
            return None  # a verb inside a quotation is no cue, whatever the model says (so it is not asked)
        kind = self.verbs.get(verb.lemma_.lower())
        if kind is None and verb.lemma_.lower() == "go" and _relay(verb, self.verbs) is not None:
            kind = LEARNED_KIND  # "went on to criticize X": a cue through the verb it goes on to
        p = 0.0
        if self.cue_model is not None:
            p = self.cue_model.probability(verb, False, kind)
            if kind is None and p >= ADMIT and not (_manner_of_cue(verb, self.verbs) or _counts_something(verb)):
                kind = LEARNED_KIND  # "Cruz hammered Rubio on immigration": a cue the lexicon lacks
            elif kind is not None and p < VETO:
                return None  # "I see the point": a lexicon verb that reports nothing here
        if kind is None:
            return None
        if kind in ("speech", "thought") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None  # "it is fair to say", "refused to say": not a statement made
        if kind == "stance" and verb.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None  # "rejected calls from business groups to order the workers back": a purpose, not a stance
        if verb.lemma_.lower() == "call" and verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and not any(
                c.lower_ in ("for", "on") for c in verb.children):
            return None  # "a group called Color of Change", "so-called primaries": a name, not a statement
        if verb.lemma_.lower() == "call" and verb.dep_ == "acl" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES
                                                                      for c in verb.children):
            return None  # "a group calling itself Black Lantern": a name too
        if verb.lemma_.lower() == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" or
                                                      c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
            return None  # "pointed out that", "pointed to his record", not "pointed at the door"
        cue_end = verb
        if verb.lemma_.lower() == "point":
            cue_end = next((c for c in verb.children if c.dep_ == "prt"), verb)
        content = None
        hedge_tokens: tuple[int, int] | None = None
        # "expressed hope for X": a noun of hoping or saying as object, its complement the content
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.lower_ in self.attitudes:
                for prep in obj.children:
                    if prep.i > obj.i and (prep.dep_ in ("acl", "ccomp") or prep.lower_ in ATTITUDE_PREPS):
                        content = _subtree(prep)
                        cue_end = obj
                        if self.verbs.get(obj.lemma_.lower()) in ("hope", "plan"):
                            hedge_tokens = (verb.i, obj.i + 1)
                        break
        relay = None if content is not None else _relay(verb, self.verbs)
        if relay is not None:  # "went on to say: “…”", "released a statement saying that …": what the relay says
            cue_end, kind = relay, self.verbs.get(relay.lemma_.lower(), "speech")
            content = self._content(doc, relay, kind)
        if content is None and relay is None:
            content = self._content(doc, verb, kind)
        looked, beside = False, None  # a quote beside the verb, looked for once
        if content is None and relay is None and p >= SURE and not _manner_of_cue(verb, self.verbs):
            if kind in ("speech", "media"):
                looked, beside = True, _adjacent_quote(doc, verb, quotes)
            if beside is None:  # a quote beside the verb is what it reports: “…,” she told AFP
                content = _any_complement(doc, verb)
        if content is not None:
            cue_end, content = _grow_cue(doc, verb, cue_end, content)
        # "the changes, which officials said will take effect": what was said is the noun and the clause
        relative = (content is not None and verb.dep_ == "relcl" and content[1] > verb.i and
                    doc[content[0]].lower_ in ("which", "that", "who") and doc[content[0]].dep_ in SUBJECTS)
        if relative:
            content = (verb.head.left_edge.i, content[1])
        # "The sale is expected to expand…": what is expected includes its subject
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        raised = content is not None and passive is not None and any(
            c.dep_ == "xcomp" and content[0] <= c.i < content[1] for c in verb.children)
        if raised:
            content = (passive.left_edge.i, content[1])
        extent = None
        if content is not None:
            start, end = _clean(doc, max(content[0], verb.sent.start), min(content[1], verb.sent.end))
            if start < end:
                extent = _widen_to_quotes(doc, _chars(doc, start, end), quotes)
        if extent is not None:
            extent = _same_paragraph(doc_text(doc), extent, verb.idx, quotes)
        if extent is None and kind in ("speech", "media"):
            extent = beside if looked else _adjacent_quote(doc, relay or verb, quotes)  # “…?” she said. / he said, “…”
            if extent is not None and cue_end is verb and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":":
                cue_end = doc[verb.i + 1]  # "Cruz continued:", as PolNeAR marks it
            elif extent is not None and cue_end is verb:
                cue_end = _in_a_statement(doc, verb) or cue_end  # “…,” she said in a statement.
        if extent is None:
            return None
        parenthetical = verb.dep_ in ("parataxis", "ccomp", "advcl") and extent[0] <= verb.head.idx < extent[1]
        if extent[0] <= verb.idx < extent[1] and not (parenthetical or relative or raised):  # not inside what it reports
            return None
        first_part = extent
        kind_ = "no_comment" if _refusal(verb) else _kind(doc_text(doc), _trim(doc_text(doc), *extent), quotes)
        extent, gap = _follow_quotes(doc_text(doc), extent, quotes)
        span = doc.char_span(*extent, alignment_mode="expand")
        start, end = (span.start, span.end) if span is not None else (verb.i, verb.i + 1)
        said = _pieces(doc, (start, end), gap)  # the content's tokens, less the cue clause of a split quote
        source_tok = None if _asker_unnamed(verb) or _raising(verb) else _subject(verb, self.verbs, quotes)
        if source_tok is None:  # '“…,” the 31-year-old said', parsed with "old" as the verb's modifier
            source_tok = next((c for c in verb.children if c.dep_ == "amod" and years_old(c) is not None), None)
        source = _source_chars(doc, source_tok) if source_tok is not None else None
        if source_tok is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            source_tok = verb.head  # "the super PACs supporting Kasich": the noun the participle describes
            source = _chars(doc, verb.head.left_edge.i, verb.head.i + 1)
        if source_tok is not None and source_tok.dep_ == "agent":
            source_tok = next((c for c in source_tok.children if c.dep_ == "pobj"), None)
            source = _subtree_chars(doc, source_tok) if source_tok is not None else None
        if source_tok is None and kind in ("speech", "media") and extent[1] <= verb.idx and verb.lemma_.lower() not in TELLING:
            source_tok, source = _speaker_after(doc, verb)  # (not "told reporters": they are who was told)
        if source_tok is None and passive is not None and relay is not None and _quoted(verb):
            source_tok, source = passive, _source_chars(doc, passive)  # "Patel was quoted as saying …"
        if verb.lemma_.lower() in self.experiencer_verbs:
            feeler, cause = _experiencer(verb)
            if feeler is not None:
                source_tok, source = feeler, _source_chars(doc, feeler)
                clause = next((c for c in feeler.children if c.dep_ in ("relcl", "acl", "ccomp") and c.i > feeler.i and
                               doc[_subtree(c)[0]].lower_ == "that"), None)
                if clause is not None:  # "convinced some activists that they can win", misread as a relative clause
                    source = _chars(doc, _subtree(feeler)[0], _subtree(clause)[0])
                    extent = _subtree_chars(doc, clause)
                elif cause is not None and source[0] < extent[1] and extent[0] < source[1]:
                    extent = _subtree_chars(doc, cause)  # what they feel about: the remark, not themselves
        # a title the parser made the subject, its name hung on the quote: "“…,” Daniel Kiptoo, lead counsel for
        # the petitioners, told reporters"
        first_word = _subtree(source_tok)[0] if source_tok is not None else 0
        named_before = entity_at(doc, doc[first_word - 2]) if first_word > 1 and doc[first_word - 1].text == "," else None
        titled = (named_before is not None and source_tok.pos_ == "NOUN" and entity_at(doc, source_tok) is None
                  and named_before.type == "PERSON" and doc[first_word - 2].dep_ not in SUBJECTS)
        if (source_tok is None or titled or inside(source_tok.idx, quotes)) and verb.dep_ in ("ROOT", "conj") and not _raising(verb):
            # none, or a word of the quote: "“We were wrong,” Ramos, 58, told AFP"
            named, chars = _name_before(doc, verb)
            if named is not None and titled and named.i >= first_word:
                named = None  # "critics like Huffman say": a name inside the subject is not its apposition
            if named is not None:
                source_tok, source = named, chars
                if first_part[0] < chars[0] < first_part[1]:
                    # the parser hung the speaker on the quote: “…,” Sipho Ndlovu, general secretary …, told
                    first_part = _trim(doc_text(doc), first_part[0], chars[0])
                    kind_ = _kind(doc_text(doc), first_part, quotes)
                    extent, gap = _follow_quotes(doc_text(doc), first_part, quotes)
                    span = doc.char_span(*extent, alignment_mode="expand")
                    start, end = (span.start, span.end) if span is not None else (verb.i, verb.i + 1)
                    said = _pieces(doc, (start, end), gap)
        if source is not None and source_tok is not None and source_tok.i < verb.i:
            first = _after_quotes(doc, source_tok, quotes)  # not the quote the parser hung on the speaker
            source = (max(source[0], doc[first].idx), source[1])
        for i in range(verb.i, cue_end.i + 1):
            taken.add(i)
        cue_tokens = (_cue_start(verb), cue_end.i + 1)
        if self.cue_model is not None:
            blocked = {i for piece in said for i in range(*piece)}
            if raised:  # "The sale is expected to": the words between subject and verb may be cue
                blocked -= set(range(_subtree(passive)[1], verb.i + 1))
            if source_tok is not None:
                blocked.update(range(*_subtree(source_tok)))
            cue_tokens = _no_dangling_preposition(doc, self.cue_extent(verb, cue_tokens, blocked), (start, end))
            if relay is not None:  # "went on to say:", "responded by saying": the relay is part of the cue
                after = relay.i + 2 if relay.i + 1 < len(doc) and doc[relay.i + 1].text == ":" else relay.i + 1
                cue_tokens = (cue_tokens[0], max(cue_tokens[1], after))
            if verb.lemma_.lower() == "put" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "it":
                cue_tokens = (cue_tokens[0], max(cue_tokens[1], verb.i + 2))  # "as he put it", as PolNeAR marks it
            taken.update(range(*cue_tokens))
        cue_chars = _chars(doc, *cue_tokens)
        content_chars = _trim(doc_text(doc), *extent)
        hedge = _chars(doc, *hedge_tokens) if hedge_tokens else self._hedge(doc, verb, kind, (start, end), cue_chars)
        return _Found(
            cue=cue_chars,
            content=content_chars,
            kind=kind_,
            source=source,
            speaker_token=source_tok.i if source_tok is not None else None,
            channel=self._channel(doc, verb, said, cue_end.i),
            hedge=hedge,
            rank=RANKS[kind],
            gap=gap,
        )

    def cue_extent(self, verb: Token, rule_cue: tuple[int, int], blocked: set[int]) -> tuple[int, int]:
        """The cue's words as PolNeAR marks them ("said in a statement", "would vote for", "called on"),
        by the cue model; ``rule_cue`` is the rules' guess, ``blocked`` the source and content."""
        return self.cue_model.extent(verb, rule_cue, blocked) if self.cue_model is not None else rule_cue

    def _aside(self, verb: Token) -> bool:
        """", Cruz said,": a reporting verb set off by commas with a subject and nothing it reports
        of its own, so the clause around it is what was said."""
        doc = verb.doc
        left, right = verb.left_edge.i, verb.right_edge.i
        return (self.verbs.get(verb.lemma_.lower()) in ("speech", "media") and
                any(c.dep_ == "nsubj" for c in verb.children) and
                not any(c.dep_ in ("ccomp", "xcomp", "parataxis", "dobj") for c in verb.children) and
                0 < left and doc[left].text == "," and doc[right].text == ",")

    def _content(self, doc: Doc, verb: Token, kind: str) -> tuple[int, int] | None:
        """The token range of what the verb reports, or None."""
        children = list(verb.children)
        if verb.lemma_.lower() == "put" and verb.head is not verb and any(c.dep_ == "dobj" and c.lower_ == "it" for c in children):
            # "…, as one diplomat put it, an “extreme makeover”": what was put is the clause around
            mine = {t.i for t in verb.subtree}
            rest = [t.i for t in verb.head.subtree if t.i not in mine and not t.is_punct]
            return (min(rest), max(rest) + 1) if rest else None
        # a clause after the verb before one the parser also hung before it: in "At a school that has been
        # turned into a camp, Selim said 2,300 people were sharing …" the relative clause is no content
        after = any(c.dep_ == "ccomp" and c.i > verb.i for c in children) and not any(
            c.dep_ in ("ccomp", "parataxis") and c.i < verb.i and any(t.tag_ in ("``", "''") for t in (
                *c.subtree, doc[max(c.left_edge.i - 1, 0)])) for c in children)  # (not the first half of a quote split by its cue: “A,” he said, “and B”)
        for child in sorted(children, key=lambda c: after and c.i < verb.i):  # "said that …", "“…,” he said"
            if child.dep_ == "parataxis" and self._aside(child):
                continue  # "CNN, Cruz said, called it significant": Cruz's words are what CNN called, not "Cruz said"
            if child.dep_ in ("ccomp", "parataxis") or (child.dep_ == "xcomp" and (
                    kind in ("hope", "plan", "thought", "stance") or verb.lemma_.lower() in DIRECTIVES or
                    (child.tag_ == "VBG" and child.i > verb.i))):  # "reported spending $1 million"
                # "said that …", "hopes to …", "urged voters to …"
                start, end = _before_second_cue(verb, child, self.verbs)
                addressee = next((c for c in children if c.dep_ == "dobj" and verb.i < c.i < child.i), None)
                if addressee is not None and child.dep_ == "xcomp" and verb.lemma_.lower() in OBJECT_DIRECTIVES:
                    start = _subtree(addressee)[0]  # "urged both sides to return": who was urged, and to do what
                return start, end
        for child in children:  # "asked workers if they planned to …": an if/whether clause parsed as adverbial
            if child.dep_ == "advcl" and child.i > verb.i and kind == "speech" and any(
                    c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children):
                return _subtree(child)
            mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "for"), None)
            if child.dep_ == "advcl" and mark is not None and mark.i == verb.i + 1 and kind in ("speech", "stance"):
                return (mark.i + 1, _subtree(child)[1])  # "called for the allies to send troops"
        if verb.lemma_.lower() == "ask":  # "Asked at a briefing about her role, …": the topic asked about
            about = next((t for t in verb.subtree if t.lower_ == "about" and t.dep_ == "prep" and t.i > verb.i and
                          _ancestors_to(t, verb, ("prep", "pobj"))), None)
            if about is not None:
                return _subtree(about)
        for child in children:  # "told reporters at a meeting that …" parsed as a relative clause
            if child.dep_ not in ("dobj", "dative", "prep", "npadvmod") or kind not in ("speech", "media"):
                continue
            for t in child.subtree:
                if t.lower_ == "that" and t.dep_ == "mark" and t.i > verb.i:
                    return (t.i, _subtree(t.head)[1])
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
        # a noun head when the parser lost the clause's verb: "The hashtag, Mr. Abboud said, accompanied …"
        if verb.dep_ in ("ccomp", "parataxis", "advcl") and own_subject and (
                verb.head.pos_ in ("VERB", "AUX") or verb.dep_ == "parataxis" and self._aside(verb)):
            # "…, Netanyahu said." / "Talks, he said, had stalled": the clause around the cue
            mine = {t.i for t in verb.subtree}
            left = min(t.i for t in verb.subtree if not t.is_punct)  # ", she said," owns its commas
            # "… added that both sides had agreed", "when he mentioned the wall": a clause of its own, not a
            # parenthetical cue; its content is found below, among its own dependents
            clause = any(c.dep_ == "mark" for c in verb.children) or (
                verb.i > verb.head.i and (left == 0 or not doc[left - 1].is_punct))
            adverbial = verb.dep_ == "advcl" and not (
                doc[verb.i - 1].is_punct or doc[min(verb.i + 1, len(doc) - 1)].is_punct)
            rest = [t.i for t in verb.head.subtree if t.i not in mine and not t.is_punct]
            if not (clause or adverbial) and rest and _span_is_clause(doc, min(rest), max(rest) + 1):
                return (min(rest), max(rest) + 1)
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i > verb.head.i and any(c.dep_ == "agent" for c in children):
            return (verb.head.left_edge.i, verb.head.i + 1)  # "a call echoed by Japan": the noun it describes
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in ("so", "no", "yes") and nxt.head == verb:
            return (nxt.i, nxt.i + 1)  # "55 percent said so", "Cruz apparently thinks so"
        inverted = _inverted_subjects(verb)
        if inverted is not None:  # "The treaty is dead, said Geert Wilders": what comes before the comma
            return (verb.sent.start, verb.i - 1)
        lemma = verb.lemma_.lower()
        agent = any(c.dep_ == "agent" for c in children)
        for child in children:  # "The plan was announced by the ministry": the subject was said
            if child.dep_ == "nsubjpass" and (agent or (verb.tag_ == "VBN" and kind in ("stance", "speech") and not any(
                    c.dep_ in ("xcomp", "ccomp", "oprd", "prep") and c.i > verb.i for c in children))):
                return _subtree(child)  # "The motion has since been denied", "His overtures were rebuffed"
        for child in children:  # "called him a liar": object and predicate together
            if child.dep_ == "oprd" or (child.dep_ == "ccomp" and child.pos_ in ("NOUN", "ADJ")):
                # "what Gingrich called “the loudest campaign”": the wh-object stays outside, it is the reporter's
                objects = [c for c in children if c.dep_ == "dobj" and c.i < child.i and c.i > verb.i]
                first = objects[0].i if objects else child.i
                return (first, _subtree(child)[1])
        if kind in ("speech", "media", "stance") and lemma not in NO_OBJECT_CONTENT:
            for child in children:  # "endorsed Clinton", "announced a plan", "denied the report"
                if child.dep_ in ("dobj", "attr") and not (child.pos_ == "PRON" and kind != "stance"):
                    target = _object_of_phrase(child, children)
                    if target is not None:  # "distanced himself from Bush", "takes aim at the plan"
                        return _subtree(target)
                    start, end = _subtree(child)
                    # "described him as a liar", "blamed Congress for the delay": the predicate goes too
                    more = next((c for c in children if c.dep_ == "prep" and c.i == end and c.lower_ in OBJECT_PREPS), None)
                    return (start, _subtree(more)[1]) if more is not None else (start, end)
        if lemma == "say":  # "three-quarters said the same of Sanders", "said little about the plan"
            for child in children:
                if child.dep_ == "dobj" and child.pos_ != "PRON" and child.i > verb.i:
                    return (child.i, max(_subtree(child)[1], max((_subtree(c)[1] for c in children if
                                                                  c.dep_ == "prep" and c.i > child.i), default=0)))
        # "referred to X", "railed against Y", "asked about Z"; "spoke to us about the strike": the topic first
        for child in sorted(children, key=lambda c: c.lower_ != "about"):
            if child.dep_ == "prep" and child.i > verb.i and (kind == "stance" or child.lower_ in ("about",) or
                                                               (lemma == "call" and child.lower_ in ("for", "on")) or
                                                               (lemma == "ask" and child.lower_ == "for")):
                pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and not pobj.ent_type_ in ("DATE", "TIME"):
                    return _subtree(pobj) if kind == "stance" else _subtree(child)
        return None

    def _hedge(self, doc: Doc, verb: Token, kind: str, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int] | None:
        """A modal on the reported clause ("could include"), or a cue of hoping ("hopes")."""
        for t in doc[content[0] : content[1]]:
            if t.dep_ == "aux" and t.lower_ in MODALS and t.head.i >= content[0] and t.head.pos_ in ("VERB", "AUX"):
                return _chars(doc, t.i, t.head.i + 1)
        if kind == "hope":
            return cue
        return None

    def _channel(self, doc: Doc, verb: Token, said: list[tuple[int, int]], cue_end: int) -> tuple[int, int] | None:
        """Where or to whom: "to reporters", "on X", "at a Cabinet meeting", "told reporters". ``said``:
        the token ranges of what was said."""
        candidates: list[Token] = []
        # "Writing on X, Netanyahu added": the channel sits on an adverbial clause of the verb
        for child in verb.children:
            if child.dep_ == "advcl" and child.i < verb.i and child.lemma_ in self.verbs:
                candidates.extend(c for c in child.children if c.dep_ == "prep")
        candidates.extend(c for c in verb.children if c.dep_ in ("prep", "dative") or
                          (c.dep_ == "dobj" and verb.lemma_.lower() == "tell"))
        for c in sorted(candidates, key=lambda t: t.i):
            if any(a <= c.i < b for a, b in said) or verb.i < c.i <= cue_end:
                continue  # part of what was said, or of the cue ("referred to")
            if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "to" and verb.lemma_.lower() != "point"):
                pass
            elif c.dep_ == "prep" and c.lower_ in CHANNEL_PREPS:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is None or pobj.lower_ not in self.channels:
                    continue
            else:
                continue
            start, end = _subtree(c)
            if c.dep_ in ("dobj", "dative") and c.i + 1 < len(doc) and doc[c.i + 1].dep_ == "prep":
                # "told reporters at a Cabinet meeting": the meeting says more than the audience
                nxt = doc[c.i + 1]
                pobj = next((g for g in nxt.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.lower_ in self.channels:
                    start, end = _subtree(nxt)
            content = next((piece for piece in said if piece[0] > start), None)
            end = min(end, content[0]) if content is not None else end
            while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ == "that"):
                end -= 1
            if end > start:
                return _chars(doc, start, end)
        return None

    # 2b. "Name: words" — a transcript line or a headline that gives its speaker before a colon
    def speaker_lines(self, doc: Doc, quotes: list[tuple[int, int]], taken: set[int]) -> list[_Found]:
        out = []
        for m in SPEAKER_LINE.finditer(doc_text(doc)):
            name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
            if name is None or colon is None or any(t.i in taken for t in colon):
                continue
            entity = line_speaker(doc, name)
            shouting = len(name) == 1 and name.text.isupper() and len(name.text) > 2
            # "Poll: Trump leads in Ohio", "Report: …" (8 of 10 such headlines are cues in PolNeAR train)
            document = entity is None and name[-1].lower_ in LINE_DOCUMENTS
            if (entity is None and not shouting and not document) or (entity is not None and entity.type not in ("PERSON", "ORG")):
                continue  # "WASHINGTON: …" is a dateline
            start, end = _trim(doc_text(doc), m.start(2), m.end(2))
            if end - start < 3:
                continue
            taken.update(t.i for t in colon)
            out.append(
                _Found(
                    cue=(colon[0].idx, colon[0].idx + 1),
                    content=(start, end),
                    kind=_kind(doc_text(doc), (start, end), quotes),
                    source=(name[0].idx, name[-1].idx + len(name[-1])),
                    speaker_token=name[-1].i,
                )
            )
        return out

    def signatures(self, doc: Doc, quotes: list[tuple[int, int]], taken: set[int]) -> list[_Found]:
        """2b. A quote paragraph signed by the next one: "“… pay zero taxes.”\n\n- Sanders."."""
        text, out = doc_text(doc), []
        for m in SIGNATURE.finditer(text):
            above = text[: m.start()].rstrip()
            quote = next((q for q in quotes if q[1] == len(above)), None)
            if quote is None or "\n" in text[quote[1] : m.start()].strip() or text[: quote[0]].rstrip(" \t")[-1:] not in ("", "\n"):
                continue  # the quote must be the whole paragraph right above
            name_end = m.start(2) + len(m.group(2).rstrip("."))
            name = doc.char_span(m.start(2), name_end, alignment_mode="expand")
            dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if name is None or dash is None or any(t.i in taken for t in dash):
                continue
            taken.update(t.i for t in dash)
            out.append(_Found(cue=(m.start(1), m.end(1)), content=quote, kind="direct",
                              source=(m.start(2), name_end), speaker_token=name[-1].i))
        return out

    # 3. according to X
    def according_to(self, doc: Doc, sent: Span, taken: set[int], quotes: list[tuple[int, int]]) -> list[_Found]:
        out = self.in_document(doc, sent, taken)
        text = doc_text(doc)
        for t in sent[:-1]:
            if t.lower_ != "according" or doc[t.i + 1].lower_ != "to":
                continue
            pobj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            # "That's according to X": the copula is part of the cue, as PolNeAR marks it (4 of 4 in train)
            first = t.i - 1 if t.i > sent.start and doc[t.i - 1].lower_ in ("'s", "’s", "is", "was") else t.i
            phrase = range(first, max(x.i for x in pobj.subtree) + 1)
            words = [x.i for x in sent if x.i not in phrase and not (x.is_punct or x.is_space)]
            if not words:
                continue
            if phrase.start > words[0]:  # "…, according to X": content is what comes before
                extent = (sent.start, phrase.start)
            else:
                extent = (phrase.stop, sent.end)
            # the quote marks around the content stay in it, as after a reporting verb
            content = _trim(text, *_chars(doc, *extent))
            if not any(ch.isalnum() for ch in text[content[0]:content[1]]):
                continue
            taken.update((t.i, t.i + 1))
            out.append(
                _Found(
                    cue=_chars(doc, first, t.i + 2),
                    content=content,
                    kind=_kind(text, content, quotes),
                    source=_subtree_chars(doc, pobj),
                    speaker_token=pobj.i,
                    relays=True,
                )
            )
        return out

    def hearsay(self, doc: Doc, sent: Span, taken: set[int]) -> list[_Found]:
        """3c. "The group is reportedly spending $1.5 million": a claim from unnamed reports, no source
        (PolNeAR marks 19 of the 29 "reportedly" in train; "allegedly", "apparently" far fewer)."""
        out = []
        for t in sent:
            if t.lower_ in HEARSAY and t.dep_ == "advmod" and t.head.pos_ in ("VERB", "AUX") and t.i not in taken:
                start, end = _clean(doc, *_subtree(t.head))
                if start < end:
                    taken.add(t.i)
                    out.append(_Found(cue=_chars(doc, t.i, t.i + 1), content=_chars(doc, start, end),
                                      kind="indirect", rank=1))
        return out

    def in_document(self, doc: Doc, sent: Span, taken: set[int]) -> list[_Found]:
        """3b. "In a Des Moines Register poll, Cruz had a 10-point lead": the poll is the source, when
        the sentence has no reporting verb of its own."""
        first = sent[0]
        if first.lower_ != "in" or first.dep_ != "prep" or first.head != sent.root:
            return []
        pobj = next((c for c in first.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in DOCUMENTS or sent.root.lemma_.lower() in self.verbs:
            return []
        phrase_end = max(t.i for t in first.subtree) + 1
        start, end = _clean(doc, phrase_end, sent.end)
        if start >= end:
            return []
        taken.add(first.i)
        return [_Found(cue=_chars(doc, first.i, first.i + 1), content=_chars(doc, start, end), kind="indirect",
                       source=_subtree_chars(doc, pobj), speaker_token=pobj.i)]

    # 4. noun cues
    def noun_cue(self, doc: Doc, noun: Token, taken: set[int]) -> _Found | None:
        if noun.pos_ != "NOUN" or noun.lower_ not in self.nouns:
            return None
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and
                       any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if clause is None and "prep" in self.nouns[noun.lower_]:  # "her criticism of the deal"
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in NOUN_PREPS), None)
            clause = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if clause is None:
            return None
        source_tok = next((c for c in noun.children if c.dep_ == "poss"), None)
        if source_tok is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            source_tok = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        start, end = _subtree(clause)
        taken.add(noun.i)
        return _Found(
            cue=_chars(doc, noun.i, noun.i + 1),
            content=_chars(doc, start, end),
            kind="indirect",
            source=_subtree_chars(doc, source_tok) if source_tok is not None else None,
            speaker_token=source_tok.i if source_tok is not None else None,
        )

    # 4b. adjectives of attitude
    def adjective_cue(self, doc: Doc, adj: Token, taken: set[int]) -> _Found | None:
        """ "Kasich was especially proud of the budget", "she is hopeful that …": the copula, the
        adjective and its preposition are the cue, what the adjective takes is the content."""
        if adj.pos_ != "ADJ" or adj.dep_ != "acomp" or adj.lemma_.lower() not in self.attitude_adjectives:
            return None
        copula = adj.head
        taken_by = next((c for c in adj.children if c.i > adj.i and (
            c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in NOUN_PREPS | {"at", "with", "in"}))), None)
        if taken_by is None or copula.pos_ not in ("AUX", "VERB"):
            return None
        if taken_by.dep_ == "prep":
            pobj = next((c for c in taken_by.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                return None
            cue_end, content = taken_by.i + 1, _subtree(pobj)
        elif taken_by.dep_ == "xcomp" and (obj := next((c for c in taken_by.children if c.dep_ == "dobj" and
                                                        c.i > taken_by.i), None)):  # not "which I am proud to say"
            content = _subtree(obj)  # "was quick to condemn the attack": the cue runs to the verb
            cue_end = content[0]
        else:
            cue_end, content = adj.i + 1, _subtree(taken_by)
        start = min(_cue_start(copula), copula.i)
        if any(i in taken for i in range(start, cue_end)):
            return None
        taken.update(range(start, cue_end))
        source_tok = _subject(copula)
        return _Found(
            cue=_chars(doc, start, cue_end),
            content=_chars(doc, *_clean(doc, *content)),
            kind="indirect",
            source=_source_chars(doc, source_tok) if source_tok is not None else None,
            speaker_token=source_tok.i if source_tok is not None else None,
            rank=1,
        )

    # 5. no comment
    def no_comments(self, doc: Doc, sent: Span, taken: set[int], patterns: list[re.Pattern[str]] | None = None) -> list[_Found]:
        out = []
        patterns = self.no_comment if patterns is None else patterns
        if not patterns:
            return out
        text = doc_text(doc)[sent.start_char : sent.end_char]  # sent.text would rebuild it per pattern
        for pattern in patterns:
            for m in pattern.finditer(text):
                start, end = sent.start_char + m.start(), sent.start_char + m.end()
                cue = doc.char_span(start, end, alignment_mode="expand")
                if cue is None or any(t.i in taken for t in cue):
                    continue
                taken.update(t.i for t in cue)
                verb = next((t for t in cue if t.pos_ == "VERB"), cue.root)
                # "Reyes could not be reached for comment": the passive's subject is the one silent
                source_tok = _subject(verb) or _subject(cue.root) or next(
                    (c for c in verb.children if c.dep_ == "nsubjpass"), None)
                # the topic: "declined to comment on whether …", "did not respond to requests for comment on …"
                after = [c for t in cue for c in t.children if c.dep_ == "prep" and c.i >= cue.end]
                content = _chars(doc, *_subtree(after[0])) if after else (start, end)
                cue_chars = (start, end)
                if "cue" in pattern.groupindex:  # "declined | to comment (on the report)": the verb is the cue
                    cue_chars = (sent.start_char + m.start("cue"), sent.start_char + m.end("cue"))
                    content = (cue_chars[1] + 1, max(content[1], end))
                out.append(
                    _Found(
                        cue=cue_chars,
                        content=content,
                        kind="no_comment",
                        source=_subtree_chars(doc, source_tok) if source_tok is not None else None,
                        speaker_token=source_tok.i if source_tok is not None else None,
                    )
                )
        return out

    # 6. speakers
    def to_statements(self, doc: Doc, found: list[_Found], quotes: list[tuple[int, int]] | None = None) -> list[Statement]:
        statements = []
        found.sort(key=lambda f: f.cue)
        by_id = {entity.id: entity for entity in doc._.entities or []}
        starts = [sent.start_char for sent in doc.sents if not sent.text.isspace()]  # (not a blank line's "sentence")
        # the entity that spoke last, the token that named it and the sentence its statement ended in
        previous, previous_head, previous_at, previous_content = None, None, -2, None
        ids = {id(item): f"S{n}" for n, item in enumerate(found, 1)}
        for item in found:
            begins = bisect.bisect_right(starts, min(item.cue[0], item.content[0])) - 1
            # only when this statement begins in that sentence or the next: further back, "the airline"
            # meets the outlet that reported the crash two paragraphs up
            near = begins - previous_at <= 1
            speaker, text = self.speakers.resolve(doc, item, previous if near else None, previous_head if near else None, quotes,
                                         previous_content if near else None)
            # the sentence the statement ends in: a quote over several sentences keeps its speaker near
            ends = bisect.bisect_right(starts, max(item.cue[0], item.content[1] - 1)) - 1
            previous, previous_head, previous_at, previous_content = by_id.get(speaker), item.speaker_token, ends, item.content
            time = None
            if governing_time is not None:
                cue = doc.char_span(*item.cue, alignment_mode="expand")
                try:
                    expr = governing_time(doc, cue) if cue is not None else None
                except Exception:  # noqa: BLE001 - a stage in progress must not break this one
                    expr = None
                time = expr.id if expr is not None else None
            statements.append(
                Statement(
                    id=ids[id(item)],
                    speaker=speaker,
                    speaker_text=text,
                    source=_span(doc, item.source),
                    cue=_span(doc, item.cue),  # type: ignore[arg-type]
                    content=_span(doc, item.content),  # type: ignore[arg-type]
                    content_parts=[_span(doc, part) for part in _parts(doc_text(doc), item.content, item.gap)],
                    kind=item.kind,  # type: ignore[arg-type]
                    time=time,
                    channel=_span(doc, item.channel),
                    hedge=_span(doc, item.hedge),
                    reported_by=ids[id(item.reported_by)] if item.reported_by is not None else None,
                )
            )
        return statements

def _anywhere(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """``pattern`` without its word boundaries: it finds, in the whole text, every place the pattern
    can match within a sentence (and more), so a text where it finds nothing needs no sentence search.
    Two forms: for any text, and for lower-cased ASCII text, where a case-sensitive search is as exact
    and several times faster. None for a pattern with other anchors, look-arounds, escapes or capitals,
    which the shortcut would not cover."""
    if re.search(r"\\[\\AZBG]|[$^A-Z]|\(\?<?[=!]|\[[^\]]*\\b", re.sub(r"\(\?P<\w+>", "(", pattern.pattern)):
        return None
    source = pattern.pattern.replace(r"\b", "")
    return re.compile(source, pattern.flags), re.compile(source, pattern.flags & ~re.IGNORECASE)


def _subtree(token: Token) -> tuple[int, int]:
    """The index of the first token of ``token.subtree`` and one past its last, without listing it: the
    subtree opens with the chain of first left children and closes with the chain of last right
    children (left_edge and right_edge differ from these where the parse is not projective)."""
    first = token
    while (child := next(first.lefts, None)) is not None:
        first = child
    last = token
    while True:
        child = None
        for child in last.rights:  # noqa: B007 - the last right child
            pass
        if child is None:
            break
        last = child
    return first.i, last.i + 1


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _source_chars(doc: Doc, token: Token) -> tuple[int, int]:
    """A subject's words; an apposition or relative clause set off by commas keeps its closing comma
    ("Ben Jealous, the former president of the NAACP, told …"), as PolNeAR marks it."""
    first, last = _subtree_chars(doc, token)
    end = _subtree(token)[1]
    # "Fiorina, speaking to Iowans, said": the participle says where, not who (18 of 20 in PolNeAR train);
    # "said Maria Lopez, the union's chair, on Tuesday": a date the parser hung on the speaker says when
    aside = [c for c in token.rights if not c.is_punct][-1:]
    if aside and (aside[0].dep_ == "acl" and aside[0].tag_ == "VBG" or aside[0].dep_ == "prep" and any(
            c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in aside[0].children)):
        start = _subtree(aside[0])[0]
        if start > token.i + 1 and doc[start - 1].text == ",":
            end, last = start, _trim(doc_text(doc), first, doc[start - 1].idx)[1]
    while end > token.i + 1 and doc[end - 1].is_punct:
        end -= 1
    if end > token.i + 1 and doc[end - 1].dep_ == "prep" and next(doc[end - 1].children, None) is None:
        # "Bill Sullivan of | Dean Witter Reynolds Inc.": the parser took the firm's name for the sentence's end
        end -= 1
        last = _trim(doc_text(doc), first, doc[end - 1].idx + len(doc[end - 1]))[1]
    if end < len(doc) and doc[end].text == "," and doc[end].idx >= last and any(
            t.text == "," for t in doc[token.i : end]):
        return first, doc[end].idx + 1
    return first, last


def _subtree_chars(doc: Doc, token: Token) -> tuple[int, int]:
    start, end = _subtree(token)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "case"):  # "the ministry’s"
        if _closes_bracket(doc, start, end):
            break  # "Sen. Ted Cruz (R-Texas)" keeps its bracket
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    first, last = _chars(doc, start, end)
    # a misparse may run over a paragraph break ("Lawbreaker?\n\nSenate Minority Leader …")
    cut = doc_text(doc).rfind("\n", first, token.idx)
    first = cut + 1 if cut >= 0 else first
    cut = doc_text(doc).find("\n", token.idx, last)
    last = cut if cut >= 0 else last
    return _trim(doc_text(doc), first, last)


def _closes_bracket(doc: Doc, start: int, end: int) -> bool:
    """The span's last token is a ")" opened inside it."""
    return doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1])


# a full stop that belongs to its word: "the U.S.", "N.Y.", "Joseph R. Biden Jr."
DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Jr|Sr)\.$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip the punctuation that closes a sentence but not a quote: "that X." → "that X"."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-—" or
                           (text[end - 1] == "." and not _in_quote_end(text, start, end) and
                            not DOTTED.search(text, start, end))):
        end -= 1
    while start < end and (text[start].isspace() or text[start] in ",;:—"):
        start += 1
    return start, end


def _in_quote_end(text: str, start: int, end: int) -> bool:
    return any(q in text[start:end] for q in QUOTE_CHARS) and text[start] in QUOTE_CHARS


def _span(doc: Doc, extent: tuple[int, int] | None) -> TextSpan | None:
    if extent is None:
        return None
    start, end = extent
    return TextSpan(text=span_text(doc, start, end), start=start, end=end)


def _cue_start(verb: Token) -> int:
    """The cue starts at a negation or auxiliary right before the verb: "has said", "did not say"."""
    start = verb.i
    for child in sorted(verb.children, key=lambda c: -c.i):
        if child.i == start - 1 and child.dep_ in ("aux", "neg", "auxpass", "advmod") and child.lower_ not in MODALS:
            if child.dep_ == "advmod" and (child.pos_ != "ADV" or any(child.children)) and child.lower_ not in (
                    "also", "not", "never"):
                break  # a lone adverb joins the cue ("has repeatedly said"); "when", "so far" do not
            start = child.i
    return start


def _raising(verb: Token) -> bool:
    """"The plan appears to be failing": the subject is what seems so, not who judges it (the writer,
    as PolNeAR marks it: no source)."""
    return verb.lemma_.lower() in RAISING and any(c.dep_ in ("xcomp", "acomp", "ccomp", "oprd") for c in verb.children)


def _asker_unnamed(verb: Token) -> bool:
    """A passive cue without its agent names no source: "Asked about the plan, she said …", "he was
    asked whether …" (who asked is not said; the subject is the one asked)."""
    if verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ != "advcl" or any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return False
    # the participle opens its sentence or follows "when"/"if" ("Asked about …", "when asked about …")
    return verb.i == verb.sent.start or any(c.dep_ in ("advmod", "mark") and c.i == verb.i - 1 for c in verb.children)


def _ancestors_to(token: Token, top: Token, deps: tuple[str, ...]) -> bool:
    """The token hangs from ``top`` through a chain of the given dependency labels only."""
    t = token
    while t.head is not t and t.head != top:
        t = t.head
        if t.dep_ not in deps:
            return False
    return t.head == top


def _before_second_cue(verb: Token, clause: Token, cues: dict[str, str]) -> tuple[int, int]:
    """The clause's tokens, up to a second cue that the parser hung inside it: "He said A and
    said that B", "She called on X to act and proposed Y", "Rubio said A, while Cruz said B" are
    two statements each."""
    start, end = _subtree(clause)
    for t in clause.rights:  # in subtree order, the first right child of the clause that is a cue
        if t.dep_ == "conj" and t.lemma_.lower() in cues and not any(c.dep_ in SUBJECTS for c in t.children):
            return start, _cut_before(t, start)
    for t in clause.subtree:  # a speaker of its own, joined by "and" or "while": "…, while Cruz said that …"
        if t.i > clause.i and t.dep_ in ("conj", "advcl") and cues.get(t.lemma_.lower()) in ("speech", "media") and any(
                c.dep_ == "nsubj" and c.i < t.i for c in t.children) and (
                t.dep_ == "conj" or any(c.dep_ == "mark" and c.lower_ in CONTRASTS for c in t.children)):
            return start, _cut_before(t, start)
    return start, end


def _no_dangling_preposition(doc: Doc, cue: tuple[int, int], content: tuple[int, int]) -> tuple[int, int]:
    """A cue does not end with a preposition whose object is the day or hour of saying, outside the
    cue: "reported on Sunday that …" is cued by "reported" ("called on X" keeps its own). "wrote on"
    takes its platform: "wrote on Twitter", as PolNeAR marks it (11 of 16 in train)."""
    start, end = cue
    last = doc[end - 1]
    if end - start > 1 and last.lower_ == "on" and last.dep_ == "prep" and end < len(doc):
        platform = doc[end]
        if platform.head == last and platform.lower_ in PLATFORMS and not content[0] <= platform.i < content[1]:
            return start, end + 1
    while end - start > 1:
        last = doc[end - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"]
        if last.dep_ != "prep" or not objects or not all(
                o.ent_type_ in ("DATE", "TIME") and not (start <= o.i < end or content[0] <= o.i < content[1]) for o in objects):
            break
        end -= 1
    return start, end


def _cut_before(t: Token, start: int) -> int:
    """Where a clause ends that stops before ``t``'s subtree, without the words that join them."""
    cut = min(x.i for x in t.subtree)
    while cut > start and (t.doc[cut - 1].dep_ in ("cc", "mark") or t.doc[cut - 1].is_punct):
        cut -= 1
    return cut


def _subject(verb: Token, cues: dict[str, str] | None = None, quotes: list[tuple[int, int]] | None = None
             ) -> Token | None:
    """The verb's subject; a participle or conjunct borrows its head's ("…, adding that"). A subject
    inside a quote is a misparse when another one is outside: "“The fact that he tried,” Huckabee said"."""
    outside = [c for c in verb.children if c.dep_ == "nsubj" and not inside(c.idx, quotes or [])]
    if quotes and outside and any(c.dep_ == "nsubj" and inside(c.idx, quotes) for c in verb.children):
        return outside[-1]
    inverted = _inverted_subjects(verb)
    if inverted is not None:
        return inverted
    seen = 0
    if (verb.dep_ == "conj" and verb.head.dep_ in ("ccomp", "xcomp") and verb.head.head.pos_ == "VERB" and
            verb.head.head.lemma_.lower() in (cues or {verb.lemma_.lower()}) and
            not any(c.dep_ in SUBJECTS for c in verb.children)):
        verb = verb.head.head  # "He said A and said that B", "called on X to act and proposed Y": his too
    shared = ("nsubj", "csubj")
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ == "agent":  # "was reported by Axios": the agent speaks
                return child
        for child in verb.children:
            if child.dep_ in shared:
                return child
        name = _modal_name(verb)
        if name is not None:
            return name
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            # "Mr. Trump was forced into damage control and said that …": a conjunct shares even a passive subject
            shared = ("nsubj", "csubj", "nsubjpass") if verb.dep_ == "conj" else ("nsubj", "csubj")
            verb = verb.head
            seen += 1
            continue
        return _lost_subject(verb)
    return None


def _lost_subject(verb: Token) -> Token | None:
    """A subject the parser gave to a clause before the verb: "Justice Agnes Nyambura, reading the judgment,
    said …" (with "reading" as what she said), and a headline's, which drops the subject of its second
    verb: "Kenyan court strikes down protest law, says curbs violate the constitution"."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    before = next((c for c in verb.children if c.dep_ in ("ccomp", "conj") and c.i < verb.i), None)
    subject = next((c for c in before.children if c.dep_ == "nsubj"), None) if before is not None else None
    if subject is None:
        return None
    aside = before.tag_ == "VBG" and doc[before.i - 1].text == ","  # ", reading the judgment,"
    headline = "\n" not in doc_text(doc)[: verb.idx]
    return subject if aside or headline else None


def _modal_name(verb: Token) -> Token | None:
    """"…, Will urged the electorate": a capitalised "Will" before a past or present tense verb is no
    modal (a modal takes the bare verb), but a name the parser misread."""
    if verb.tag_ not in ("VBD", "VBZ"):
        return None
    return next((c for c in verb.children if c.dep_ == "aux" and c.i == verb.i - 1 and c.text in MODAL_NAMES and
                 c.i > verb.sent.start), None)


def _inverted_subjects(verb: Token) -> Token | None:
    """The speaker of "…, said X" when the parser made subjects of both sides: the one after the verb."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    after = [c for c in subjects if c.i > verb.i]
    return after[0] if after and any(c.i < verb.i for c in subjects) else None


def _object_of_phrase(obj: Token, children: list[Token]) -> Token | None:
    """What a verb phrase with a reflexive or bare-noun object is about: "distanced *himself* from X",
    "takes *aim* at X", "offered *colorful language* about X" report X, not their object."""
    bare = obj.pos_ == "NOUN" and obj.head.lemma_.lower() in LIGHT_VERBS and not any(
        c.dep_ in ("det", "poss", "nummod", "compound") and c.lower_ != "no" for c in obj.children)
    if not (obj.lower_ in REFLEXIVES or bare):
        return None
    for prep in [c for c in obj.children if c.dep_ == "prep"] + [c for c in children if c.dep_ == "prep"]:
        if prep.i > obj.i and prep.lower_ in PHRASE_PREPS:
            target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if target is not None and target.ent_type_ not in ("DATE", "TIME"):
                return target
    return None


def _relay(verb: Token, cues: dict[str, str]) -> Token | None:
    """The verb of saying that carries what ``verb`` reports: "went on *to say*: “…”", "responded by
    *saying* …", "released a statement *saying* that …", "sent a letter *urging* …"."""
    lemma = verb.lemma_.lower()
    if lemma in ("decline", "refuse"):
        return None  # "declined | to say whether …": a refusal, its cue the verb alone, as PolNeAR marks it
    # "went on to criticize X": PolNeAR's cue runs through whatever verb of any class follows (18 of 18 in train)
    going_on = lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)
    classes = set(cues.values()) if going_on else ("speech", "media")
    # "urged Veridane to publish the data": what was urged, not a relay of it
    urged = lemma in DIRECTIVES and any(c.dep_ == "dobj" for c in verb.children)
    for child in verb.children:
        if urged:
            break
        if (child.dep_ == "xcomp" or going_on and child.dep_ == "advcl") and child.i > verb.i and cues.get(child.lemma_.lower()) in classes and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    for prep in verb.children:  # "responded by saying", "concluded by implying"; "was quoted as saying"
        if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > verb.i and _quoted(verb):
            act = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
            if act is not None and cues.get(act.lemma_.lower()) in ("speech", "media"):
                return act
        if prep.dep_ == "prep" and prep.lower_ == "by" and prep.i > verb.i:
            act = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
            if act is not None and cues.get(act.lemma_.lower()) in ("speech", "media", "stance", "thought"):
                return act
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in RELAY_NOUNS:
            for child in list(obj.children) + list(verb.children):
                if child.dep_ in ("acl", "advcl") and child.tag_ == "VBG" and child.i > obj.i and cues.get(
                        child.lemma_.lower()) in ("speech", "media", "stance"):
                    return child
    return None


def _quoted(verb: Token) -> bool:
    """"was quoted (as saying)": its passive subject is who spoke."""
    return verb.lemma_.lower() == "quote" and any(c.dep_ == "auxpass" for c in verb.children)


def _experiencer(verb: Token) -> tuple[Token | None, Token | None]:
    """Who feels what an experiencer verb reports, and what causes it: its object and subject when a
    thing is the subject ("The remark worried some analysts"), its passive subject and agent ("the
    Speaker is intrigued by the offer")."""
    children = list(verb.children)
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        agent = next((c for c in children if c.dep_ == "agent"), None)
        return passive, next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subject.lower_ in PERSONAL:
        return None, None
    return next((c for c in children if c.dep_ == "dobj"), None), subject


def _name_before(doc: Doc, verb: Token) -> tuple[Token | None, tuple[int, int] | None]:
    """"Stunned by the vote, Senator Harry Reid, the minority leader, said …": a name (and its
    apposition) just before a verb the parser left without a subject, having hung the name elsewhere."""
    index = entity_index(doc)
    i = verb.i - 1
    end = i + 1
    if i > verb.sent.start and doc[i].text == ",":
        j = i - 1  # over an apposition set off by commas, to the comma that opens it
        # "general secretary of the Maritime and Allied Workers Union (MAWU)": brackets too
        while j > verb.sent.start and i - j <= 14 and doc[j].text != "," and (
                doc[j].pos_ in APPOSITION_POS or doc[j].text in "()"):
            j -= 1
        if doc[j].text != "," or j == i - 1:
            return None, None
        end, i = verb.i, j - 1
    entity = index.get(i)
    if entity is None or entity.type not in ("PERSON", "ORG") or doc[i].dep_ in SUBJECTS:
        return None, None
    first = i
    while first - 1 >= verb.sent.start and (index.get(first - 1) is entity or (
            doc[first - 1].dep_ == "compound" and first <= doc[first - 1].head.i <= i)):  # "Senator Harry Reid"
        first -= 1
    start_char = doc[first].idx
    end_char = doc[end - 1].idx + len(doc[end - 1].text)
    return doc[i], (start_char, end_char)


def _speaker_after(doc: Doc, verb: Token) -> tuple[Token | None, tuple[int, int] | None]:
    """'“…,” opined Cleveland’s Plain Dealer.': the rest of the sentence names the speaker, though the
    parser took it for an object. The head is the first name in it, else its syntactic root."""
    end = verb.sent.end
    while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if _closes_bracket(doc, verb.i + 1, end):
            break  # "Elijah Cummings (D-Md.)"
        end -= 1
    tail = doc[verb.i + 1 : end]
    if not 0 < len(tail) <= 25 or not any(t.pos_ in ("PROPN", "NOUN") for t in tail) or any(
            t.text in QUOTE_CHARS or t.dep_ in SUBJECTS or t.lower_ in ("that", "to") for t in tail):
        return None, None
    head = next((t for t in tail if t.ent_type_ in ("PERSON", "ORG")), None) or tail.root
    return head, _trim(doc_text(doc), tail.start_char, tail.end_char)


def _grow_cue(doc: Doc, verb: Token, cue_end: Token, content: tuple[int, int]) -> tuple[Token, tuple[int, int]]:
    """The words the cue takes after its verb (PolNeAR's convention): a preposition whose object
    is the content ("called for", "referred to", "talked about"), "in a statement", a colon."""
    nxt = doc[cue_end.i + 1] if cue_end.i + 1 < len(doc) else None
    if nxt is not None and nxt.dep_ == "mark" and nxt.lower_ == "for" and content[0] == nxt.i + 1:
        return nxt, content  # "called for the allies to send troops": cue "called for"
    if nxt is None or nxt.head != verb:
        return cue_end, content
    if nxt.i < content[0] and (nxt.lower_ in WEEKDAYS or (nxt.dep_ == "advmod" and nxt.pos_ == "ADV" and
                                                          nxt.lower_.endswith("ly"))):
        return _grow_cue(doc, verb, nxt, content)  # "said Sunday", "said recently", "said sarcastically"
    if nxt.dep_ == "prep" and content[0] == nxt.i and nxt.lower_ in CUE_PREPS:
        return nxt, (nxt.i + 1, content[1])  # "asked about the plan": cue "asked about"
    if nxt.dep_ == "prep" and content[0] == nxt.i + 1:
        return nxt, content  # "referred to X" where X alone was taken as the content
    statement = _in_a_statement(doc, cue_end)
    if statement is not None and (statement.i < content[0] or content[1] <= verb.i):
        return _grow_cue(doc, verb, statement, content)  # "said in a statement"
    if nxt.lower_ == "about" and nxt.dep_ == "prep" and content[1] <= nxt.i:
        # "“…,” she said about the plan" (8 of 15 in PolNeAR train); "said of" stays out (36 of 63)
        return nxt, content
    if nxt.text == ":":
        return nxt, content
    return cue_end, content


def _in_a_statement(doc: Doc, cue_end: Token) -> Token | None:
    """"statement" in "said in a statement", which PolNeAR makes part of the cue (46 of 67 in train)."""
    nxt = doc[cue_end.i + 1] if cue_end.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "in" or nxt.head.i not in (cue_end.i, cue_end.head.i):
        return None
    return next((c for c in nxt.children if c.dep_ == "pobj" and c.lower_ == "statement"), None)


def _clean(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without edge punctuation, a dangling conjunction or a lone "that"-less comma."""
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_CHARS or
                           doc[end - 1].dep_ == "cc" or doc[end - 1].is_space):
        end -= 1
    while start < end and ((doc[start].is_punct and doc[start].text not in QUOTE_CHARS) or doc[start].is_space):
        start += 1
    return start, end


def _adjacent_quote(doc: Doc, verb: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quote right before the cue clause (“…,” she said) or right after it (he said: “…”)."""
    subject = _subject(verb, quotes=quotes)
    if subject is not None and inside(subject.idx, quotes):
        subject = None  # a word of the quote itself: "“We were wrong,” Ramos, 58, told AFP"
    left = min([verb.i] + ([_after_quotes(doc, subject, quotes)] if subject is not None and subject.i < verb.i else []))
    left_char = doc[left].idx
    if subject is None:
        named = _name_before(doc, verb)[1]
        left_char = named[0] if named is not None else left_char
    para_start = doc_text(doc).rfind("\n", 0, left_char) + 1
    para_end = doc_text(doc).find("\n", verb.idx)
    para_end = len(doc_text(doc)) if para_end < 0 else para_end
    before = [q for q in quotes if para_start < q[1] <= left_char and not doc_text(doc)[q[1]:left_char].strip(" ,—-")]
    if before:
        return before[-1]
    right_char = verb.idx + len(verb)
    text = doc_text(doc)
    if text[right_char:para_end].strip() == ":":  # "Cruz continued:\n\n“You look at …”"
        following = next((q for q in quotes if q[0] > para_end), None)
        if following is not None and not text[para_end : following[0]].strip():
            return following
    for qs, qe in quotes:
        if right_char <= qs < para_end:
            between = doc_text(doc)[right_char:qs]
            if len(between) <= 60 and not any(ch in between for ch in ".!?\"“”") and between.rstrip()[-1:] in (",", ":", ""):
                return (qs, qe)
            break
    return None


def _after_quotes(doc: Doc, token: Token, quotes: list[tuple[int, int]]) -> int:
    """The first token of ``token``'s subtree after any quotation in it before ``token``: in "“No office
    is above the law,” lead prosecutor Peter Lesiyo said" the parser hung the quote on "lead", but it
    is what was said, not who said it."""
    start = _subtree(token)[0]
    text = doc_text(doc)  # a quote that ends a clause ("…,”), not a title ("the “No Comparison” ad")
    ends = [e for s, e in quotes if doc[start].idx <= s and e <= token.idx and text[e - 2 : e - 1] in (",", ".", "?", "!")]
    if not ends:
        return start
    i = start
    while i < token.i and (doc[i].idx < max(ends) or doc[i].is_punct):
        i += 1
    return i


def _same_paragraph(text: str, extent: tuple[int, int], at: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Reported speech stays in its cue's paragraph (a misparse may run over a break), unless it is
    one quote running over paragraphs."""
    start, end = extent
    if "\n" not in text[start:end] or any(qs <= start and end <= qe for qs, qe in quotes):
        return extent
    if at < start:
        cut = text.find("\n", start)
        end = cut if cut >= 0 else end
    elif at >= end:
        cut = text.rfind("\n", start, end)
        start = cut + 1
    else:
        cut = text.rfind("\n", start, at)
        start = cut + 1 if cut >= 0 else start
        cut = text.find("\n", at, end)
        end = cut if cut >= 0 else end
    start, end = _trim(text, start, end)
    return (start, end) if start < end else None


def _follow_quotes(text: str, extent: tuple[int, int], quotes: list[tuple[int, int]]
                   ) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """A quote split around its cue is one statement: “…,” he said. “…” — the quotes that follow
    in the same paragraph join, as long as nothing but the cue clause or spaces lies between. Returns
    the extent and the words between the first quote and the next (the cue clause), if any."""
    start, end = extent
    gap_at = None
    if not any(q[0] == start or q[1] == end for q in quotes):
        return extent, gap_at
    first = True
    for qs, qe in quotes:
        if qs < end:
            continue
        gap = text[end:qs]
        line_end = text.find("\n", qe)
        whole_paragraph = text[qe : len(text) if line_end < 0 else line_end].strip() == "" and (
            text[text.rfind("\n", 0, qs) + 1 : qs].strip() == "")
        if ("\n" in gap and not whole_paragraph) or gap.count("\n") > 2:
            break  # over a paragraph break only into a paragraph that is all quote
        if (not first and gap.strip()) or any(ch in gap for ch in "\"“”"):
            break
        if first and (len(gap) > 200 or _sentence_ends(gap) > 1):
            break
        if first and gap.strip() and gap.rstrip()[-1] not in ",:;.!?—–-":
            break  # “…,” she said, adding that he is “the best”: a mixed quote of its own, not a continuation
        after = text[qe : (text.find("\n", qe) + 1 or len(text) + 1) - 1]
        if after.strip(" .") and any(ch.isalpha() for ch in after[:40]) and first is False:
            break  # the next quote has a cue of its own
        if first and any(ch.isalpha() for ch in gap):
            gap_at = (end, qs)
        end = qe
        first = False
    return (start, end), gap_at


# a capitalised abbreviation's full stop ends no sentence: "Mr.", "Sen.", "J."
ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.")


def _pieces(doc: Doc, content: tuple[int, int], gap: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The token ranges of a content, less the cue clause (``gap``, in characters) of a split quote."""
    span = doc.char_span(*gap, alignment_mode="expand") if gap is not None else None
    if span is None or not content[0] < span.start < span.end < content[1]:
        return [content]
    return [(content[0], span.start), (span.end, content[1])]


def _parts(text: str, content: tuple[int, int], gap: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The pieces of a quote split around its cue, when the cue clause still lies inside the content
    (a later stage may have cut the content short of it)."""
    if gap is None or not content[0] < gap[0] < gap[1] < content[1]:
        return []
    return [_trim(text, content[0], gap[0]), _trim(text, gap[1], content[1])]


def _sentence_ends(text: str) -> int:
    return sum(text.count(ch) for ch in ".!?") - len(ABBREVIATION.findall(text))


def _span_is_clause(doc: Doc, start: int, end: int) -> bool:
    """A stretch that has a verb of its own (content-first order: "Talks failed, he said")."""
    return any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])


def _widen_to_quotes(doc: Doc, extent: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Grow the content to the quotes it lies in or touches (“We have moved,” → marks included)."""
    start_c, end_c = extent
    for qs, qe in quotes:
        if qs < end_c and qe > start_c:
            start_c, end_c = min(start_c, qs), max(end_c, qe)
    return start_c, end_c


def _refusal(verb: Token) -> bool:
    """"declined to say whether …", "refused to discuss the matter", "would not say if …": a refusal
    to comment on something, a no-comment with its topic."""
    lemma = verb.lemma_.lower()
    if lemma in ("decline", "refuse"):
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in WITHHELD for c in verb.children)
    if lemma not in WITHHELD or not any(c.dep_ == "neg" for c in verb.children):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if auxes & {"would", "will", "could", "can", "wo", "ca"}:
        return True
    # "did not say how many …" withholds an answer; "did not say that …" denies a claim
    return bool(auxes & {"did", "does", "do"}) and any(
        c.dep_ == "ccomp" and _asks(c) for c in verb.children)


def _asks(clause: Token) -> bool:
    """The clause is an indirect question: "how many reached …", "whether she knew", "if it was"."""
    first = clause.doc[_subtree(clause)[0]]
    return first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB")


def _kind(text: str, content: tuple[int, int], quotes: list[tuple[int, int]]) -> str:
    inner = [(s, e) for s, e in quotes if content[0] <= s and e <= content[1] + 1]
    if not inner:
        return "indirect"
    body = text[content[0] : content[1]]
    quoted = sum(min(e, content[1]) - s for s, e in inner)
    letters = sum(ch.isalnum() for ch in body)
    outside = letters - sum(ch.isalnum() for s, e in inner for ch in text[s : min(e, content[1])])
    return "direct" if outside <= max(3, len(body) // 20) and quoted else "mixed"


def _split_runs(doc: Doc, found: list[_Found]) -> list[_Found]:
    """A content that runs into a later (or earlier) sentence holding a cue of its own stops at that
    sentence: "“…,” he said. He added, “…”" is two statements, not one quote with a cue inside."""
    text = doc_text(doc)
    sentences = {}
    for f in found:
        span = doc.char_span(*f.cue, alignment_mode="expand")
        sentences[id(f)] = (span.sent.start_char, span.sent.end_char) if span is not None else f.cue
    for o in found:
        o_sent = sentences[id(o)]
        for f in found:
            if f is o or not (o.content[0] <= f.cue[0] < o.content[1]) or o.kind == "no_comment":
                continue
            f_sent = sentences[id(f)]
            if f_sent[0] >= o_sent[1] and o.content[0] < f_sent[0]:  # the other cue's sentence comes after
                stop = f_sent[0]
                for part in (o.cue, o.source):  # “…,” he said. He added, “…”: stop before "he said"
                    if part is not None and o.content[0] < part[0] < stop:
                        stop = part[0]
                start, end = _trim(text, o.content[0], stop)
            elif f_sent[1] <= o_sent[0] and f_sent[1] < o.content[1]:  # … or before
                start, end = _trim(text, f_sent[1], o.content[1])
            else:
                continue
            if start < end:
                o.content = (start, end)
    return found


def _split_paragraph_runs(doc: Doc, found: list[_Found]) -> list[_Found]:
    """A quote that runs on over a paragraph break ("“… no room.¶“Our members …,” she added.") is
    split at the break when both paragraphs have a cue of their own: the earlier paragraph is the
    earlier statement's, the later one the later cue's. A quote whose only cue is in one paragraph
    keeps them all."""
    text = doc_text(doc)
    for f in found:
        start = text.rfind("\n", 0, f.cue[0]) + 1  # the paragraph of f's cue
        if not f.content[0] < start < f.content[1]:
            continue
        # statements cued before the break whose content runs into the earlier part of f's
        earlier = [o for o in found if o is not f and o.cue[1] <= start and o.content[0] < start and
                   o.content[1] > f.content[0]]
        if not earlier:
            continue
        for o in earlier:
            o.content = _trim(text, o.content[0], min(o.content[1], start))
        f.content = _trim(text, start, f.content[1])
    return found


def _cut_sources(doc: Doc, found: list[_Found]) -> list[_Found]:
    """A source stops before a clause that holds a cue of its own: in "Obama, who has denounced the
    attack, said …" the relative clause is a second statement, not part of who spoke (PolNeAR gives
    each word one role)."""
    text = doc_text(doc)
    for f in found:
        if f.source is None:
            continue
        for o in found:
            if o is f or not (f.source[0] < o.cue[0] < f.source[1]):
                continue
            cue = doc.char_span(*o.cue, alignment_mode="expand")
            if cue is None:
                continue
            clause = next((t for t in [cue[0], *cue[0].ancestors] if t.dep_ in ("relcl", "acl", "appos")), None)
            if clause is None or clause.left_edge.idx <= f.source[0]:
                continue
            start, end = _trim(text, f.source[0], clause.left_edge.idx)
            if start < end:
                f.source = (start, end)
    return found


def _cut_participles(doc: Doc, found: list[_Found]) -> list[_Found]:
    """A content stops before a participle clause that carries a cue of its own: in "Trump argued that
    a database would help, saying it is “all about management”", "saying" is a second statement, not
    part of what he argued (PolNeAR annotates two)."""
    text = doc_text(doc)
    for f in found:
        span = doc.char_span(*f.cue, alignment_mode="expand")
        if span is None or span[0].tag_ != "VBG" or span[0].i == 0 or doc[span[0].i - 1].text not in (",", "—", "--"):
            continue
        comma = doc[span[0].i - 1].idx
        for o in found:
            if o is not f and o.content[0] < comma and f.cue[0] < o.content[1] and o.cue[1] <= comma:
                start, end = _trim(text, o.content[0], comma)
                if start < end:
                    o.content = (start, end)
    return found


def _manner_of_cue(verb: Token, cues: dict[str, str]) -> bool:
    """A participle before a reporting verb says how it was said, not something else said:
    "Writing on X, Netanyahu added …"."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i < verb.head.i and verb.head.lemma_.lower() in cues


def _counts_something(verb: Token) -> bool:
    """A verb whose object or complement is a quantity reports a figure, not a stance ("issued seven
    million shares", "passed 2,000 contracts"); "according" belongs to the according-to rule."""
    if verb.lower_ == "according":
        return True
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "prep") and child.i > verb.i:
            words = [child] + [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            if any(w.ent_type_ in QUANTITIES or any(g.dep_ == "nummod" or g.ent_type_ in QUANTITIES for g in w.children)
                   for w in words):
                return True
    return False


def _any_complement(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """What a verb the cue model is sure of reports, when no rule says: the clause around "as X
    observed, …", else its first complement after it ("pointed to X", "hammered Rubio on taxes")."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        mine = {t.i for t in verb.subtree}
        rest = [t.i for t in verb.head.subtree if t.i not in mine and not t.is_punct]
        if rest:
            return min(rest), max(rest) + 1
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "xcomp", "ccomp", "attr", "acomp", "oprd", "prep", "advcl"):
            if child.dep_ == "prep":
                pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
                    continue
                return _subtree(pobj)
            return _subtree(child)
    return None


def _drop_nested(found: list[_Found]) -> list[_Found]:
    """A statement whose cue is inside another statement's content is part of that one — unless it
    is speech inside a stance or thought: "criticized what she said in 2010" is two statements, one
    inside the other, as PolNeAR marks them — or a speaker's statement that a report relays:
    "“…,” Sanders said, according to CNN" is Sanders's, known through CNN's report. A speech cue in the
    cue clause that splits a quote is outside the quote: "“…,” said Sosa, who said he would not vote
    for Cruz. “…”"."""
    dropped: set[int] = set()
    for i, f in enumerate(found):
        for j, o in enumerate(found):
            if i == j or i in dropped or j in dropped or o.kind == "no_comment":
                continue
            if o.content[0] <= f.cue[0] < o.content[1] and f.rank <= o.rank and not (
                    o.gap is not None and o.gap[0] <= f.cue[0] < o.gap[1] and f.rank == RANKS["speech"]):
                if o.relays and f.rank == RANKS["speech"] and f.source is not None and o.content[0] <= f.source[0] < o.content[1]:
                    f.reported_by = o
                else:
                    dropped.add(i)
    return [f for i, f in enumerate(found) if i not in dropped]
