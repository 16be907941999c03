"""Entities within one article: the people, organisations and places, each once, with all mentions.

The statistical NER gives name spans; this stage turns them into entities in six steps:

1. Repair the spans the model gets systematically wrong: a possessive inside a span splits it
   ("Trump’s Middle East" → "Trump" + "Middle East"); a NORP that is no nationality or group is an
   ORG ("According to Axios"); a leading "the" and a trailing "’s" or "of" are not part of a name.
2. Cluster name variants: a surname joins the nearest full name with that surname ("Netanyahu" →
   "Benjamin Netanyahu"), whatever label the model gave it ("Trump’s" tagged ORG); places join by
   country ("U.S." = "the United States"); organisations by name and acronym.
3. Find the occurrences the model missed: every known name form, matched token by token.
4. Titles: the capitalised run before a name ("Israeli Prime Minister Benjamin Netanyahu"), and
   appositions ("Steve Witkoff, Trump’s special envoy to the Middle East").
5. Descriptors that a title defines elsewhere join that person ("Trump’s Middle East envoy").
6. Countries from the project's tables and pycountry, for places, nationalities, institutions and
   for people through their titles.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from spacy.attrs import DEP, IDX, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline import countries
from storyline.model import Entity, Mention
from storyline.resources import words
from storyline.stages import doc_text, register_extensions, span_text
from storyline.stages.paragraphs import DATELINE

KEEP = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
POSSESSIVE = {"'s", "’s", "'", "’"}
DETERMINERS = {"the", "a", "an"}
# words that may stand in a title before a name without being capitalised ("former President")
NOT_COMPANIES = {"Times", "News", "Affairs", "Games", "States", "Nations", "Islands", "Forces", "Democrats",
                 "Republicans", "Borders", "Rights", "Services"}  # plurals that end other names
LOCATIVES = {"in", "at", "from", "near", "to", "of", "downtown", "across", "outside", "around"}  # "in Alaska"
TITLE_MODIFIERS = {"former", "acting", "deputy", "vice", "then", "outgoing", "incoming", "late"}
PLACE_KINDS = {"country": "GPE", "territory": "GPE", "capital": "GPE", "city": "GPE", "region": "LOC",
               "institution": "ORG"}

CALENDAR_WORDS = {w.lower() for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr) if w}

INDEX_KEY = "storyline_entity_index"  # the same dict as doc._.entity_index, for entity_at
if not Doc.has_extension("entity_index"):
    Doc.set_extension("entity_index", default=None)  # token index -> Entity, for later stages


def _join_split_names(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two one-word person names side by side are one the tagger split: "Oleksandr | Prokudin", a name it
    had not seen, came out as two people. Longer runs are left alone: in a title-case headline they are
    other words ("McCain Challenger | Kelli Ward")."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if joined and label == "PERSON" and joined[-1][2] == "PERSON" and joined[-1][1] == start == end - 1 \
                and joined[-1][0] == start - 1 and doc[start - 1].whitespace_ == " ":
            joined[-1] = (joined[-1][0], end, label)
        else:
            joined.append((start, end, label))
    return joined


@dataclass
class _Cluster:
    label: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end, kind
    titles: list[str] = field(default_factory=list)
    title_heads: dict[str, int | None] = field(default_factory=dict)  # head word -> possessor cluster
    country: str | None = None
    votes: dict[str, int] = field(default_factory=dict)  # the tagger's label for each name mention

    @property
    def first(self) -> int:
        return min(start for start, _, _ in self.mentions)


@Language.factory(
    "storyline_entities",
    assigns=["doc._.entities", "doc._.entity_index"],
    requires=["doc.ents", "token.dep", "token.tag"],
)
def make_entities(nlp, name) -> EntityStage:  # noqa: ANN001 - see stages/__init__.py
    return EntityStage()


class EntityStage:
    def __init__(self) -> None:
        register_extensions()
        self.titles = words("titles.txt")
        self.groups = words("groups.txt")
        self.name_starters = words("name_starters.txt")
        self.company_suffixes = words("company_suffixes.txt")
        self.club_prefixes = words("club_prefixes.txt")
        self.organisation_nouns = words("organisation_nouns.txt")
        self.generic_organisations = words("generic_organisation_nouns.txt")

    def __call__(self, doc: Doc) -> Doc:
        tokens = _Tokens(doc)
        ents = doc.ents  # each access builds every Span again
        names = {tokens.text(ent.start, ent.end) for ent in ents}
        datelines = {m.start() + len(m.group()) - len(m.group().lstrip()) for m in DATELINE.finditer(tokens.doc_text)}
        spans = _join_split_names(doc, [part for ent in ents if ent.label_ in KEEP
                                        for part in self.repair(doc, ent, names, datelines)])
        clusters = self.cluster(doc, spans, {tokens.first_at[c] for c in datelines if c in tokens.first_at})
        common = {word for word in tokens.words if word.islower()}  # the article's common words
        self.adopt_short_names(doc, clusters, common)
        self.add_missed(doc, clusters, tokens.words, common)
        owner = _owner_map(clusters)  # name mentions are final from here on: later steps add descriptors
        for index, cluster in enumerate(clusters):
            if cluster.label == "PERSON":
                self.find_titles(doc, clusters, index, owner)
                if cluster.titles and all(self.names_an_organisation(title) for title in cluster.titles):
                    # "its operator, Poltava Naftotrans" tagged PERSON: what it is called makes it an organisation
                    cluster.label, cluster.titles, cluster.title_heads = "ORG", [], {}
        self.add_descriptors(doc, clusters, owner)
        entities = self.to_entities(doc, clusters, tokens)
        doc._.entities = entities
        doc._.entity_index = doc.user_data[INDEX_KEY] = {
            i: entity
            for entity in entities
            for mention in entity.mentions
            for i in tokens.range(doc, mention.start, mention.end)
        }
        return doc

    # 1. repair
    def repair(self, doc: Doc, ent: Span, names: set[str], datelines: set[int] = frozenset()) -> list[tuple[int, int, str]]:
        start, end, label = ent.start, ent.end, ent.label_
        if ent.start_char in datelines and ent.text.isupper():
            label = "GPE"  # "DURBAN, March 12 (Reuters) -" tagged ORG: a dateline opens with a place
        elif (label in ("ORG", "GPE", "NORP") and 2 <= end - start <= 3 and start > 0
              and doc[start - 1].lower_ in self.titles and all(t.is_alpha and t.is_title for t in ent)
              and ent[-1].text not in self.company_suffixes):
            label = "PERSON"  # "Portuguese lawmaker Helena Sarmento" tagged ORG: a title names a person
        if start > 0 and doc[start - 1].text in self.club_prefixes and ent[0].text[:1].isupper():
            start, label = start - 1, "ORG"  # "FC Ribamar" with only "Ribamar" tagged, as a PERSON
        elif ent[0].text in self.club_prefixes:
            label = "ORG"
        if label != "PERSON":
            split = self.titled_person(doc, start, end, label if label in ("ORG", "GPE", "NORP", "LOC") else "ORG")
            if split is not None:
                return split  # "Northbridge Chief Executive Tomasz Wierzbicki" as one WORK_OF_ART
        if any(t.like_num for t in ent) and any(t.lower_.rstrip(".") in CALENDAR_WORDS for t in ent):
            return []  # "Sun Feb 20 , 2011" tagged ORG in a dateline is a date
        if not any(t.text[:1].isupper() for t in ent):
            return []  # a name has a capital: "dlrs vs" in a table of figures is no one
        if label == "PERSON" and any(t.like_num for t in ent):
            return []  # "Revs 2.6 mln vs" in an earnings table is no person
        while start < end and doc[start].lower_ in DETERMINERS:
            start += 1
        # nor is a lowercase preposition at the end: "Marek Zielinski of | ING Bank" tagged as one PERSON
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or
                               doc[end - 1].pos_ == "ADP" and doc[end - 1].is_lower):
            end -= 1
        if start >= end:
            return []
        for i in range(start, end - 1):  # "Trump’s Middle East" → "Trump" + "Middle East"
            if doc[i].text in POSSESSIVE:
                right = doc[i + 1 : end]
                found = countries.place(right.text)
                if not (label == "PERSON" or found or doc[start:i].text in names):
                    continue  # "General People's Congress": the possessive is part of the name
                parts = [(start, i, label)]
                if found:
                    parts.append((i + 1, end, PLACE_KINDS[found[1]]))
                elif label != "PERSON":
                    parts.append((i + 1, end, label))
                return [p for p in parts if p[0] < p[1]]
        if label == "NORP":
            text = doc[start:end].text
            if countries.country_of_demonym(text) is None and text not in self.groups:
                label = "ORG"  # "According to Axios": an outlet, not a nationality
        return [(start, end, label)]

    def titled_person(self, doc: Doc, start: int, end: int, before: str) -> list[tuple[int, int, str]] | None:
        """A name the tagger ran together with a title and its holder: "Northbridge Chief Executive Tomasz
        Wierzbicki" is Northbridge (``before``: the label the words before the title keep) and Tomasz
        Wierzbicki (PERSON)."""
        last = max((i for i in range(start, end - 1) if doc[i].lower_ in self.titles), default=None)
        if last is None or not 2 <= end - last - 1 <= 3 or not all(t.is_alpha and t.is_title for t in doc[last + 1 : end]):
            return None
        if doc[end - 1].text in self.company_suffixes or doc[end - 1].lower_ in self.organisation_nouns:
            return None  # "General Motors Corp", "General Accounting Office": a name, not a general
        first = last
        while first > start and (doc[first - 1].lower_ in self.titles or doc[first - 1].lower_ in TITLE_MODIFIERS):
            first -= 1
        return ([(start, first, before)] if first > start else []) + [(last + 1, end, "PERSON")]

    # 2. cluster
    def cluster(self, doc: Doc, spans: list[tuple[int, int, str]], datelines: set[int] = frozenset()) -> list[_Cluster]:
        clusters: list[_Cluster] = []
        persons: dict[str, int] = {}  # casefolded full name -> cluster
        others: dict[tuple[str, str], int] = {}
        surnames: dict[str, list[int]] = {}
        places: dict[str, int] = {}  # casefolded dateline place -> cluster

        def new(label: str) -> int:
            clusters.append(_Cluster(label))
            return len(clusters) - 1

        # full person names first, so a bare surname anywhere can find its person
        spans = sorted(spans, key=lambda s: (s[2] != "PERSON", -(s[1] - s[0]), s[0]))
        for start, end, label in spans:
            tokens = [t.text for t in doc[start:end]]
            while label == "PERSON" and len(tokens) > 1 and tokens[0].lower() in self.titles:
                tokens.pop(0)  # "Mr. Smith": the title is not the name
                start += 1
            key = " ".join(tokens).casefold()
            index = None
            if len(tokens) == 1 and key in surnames:
                index = _nearest(clusters, surnames[key], start)
            elif label == "PERSON":
                index = persons.get(key)
                if index is None:  # "Saif al-Islam" is "Saif al-Islam Gaddafi" named in part
                    longer = [i for k, i in persons.items() if f" {key} " in f" {k} "]
                    index = _nearest(clusters, longer, start) if longer else None
                if index is None:
                    index = persons[key] = new("PERSON")
                    for part in (tokens[-1], tokens[0]) if len(tokens) > 1 else (tokens[0],):
                        surnames.setdefault(part.casefold(), []).append(index)
            elif key in persons:
                index = persons[key]
            elif key in places:
                index = places[key]  # "Durban" tagged ORG after "DURBAN, March 12 (Reuters) -"
            if index is None:
                group, name = _other_key(doc[start:end], label)
                index = others.get((group, name))
                if index is None:
                    index = others[(group, name)] = new(label)
            clusters[index].mentions.append((start, end, "name"))
            if start in datelines:
                places[key] = index
            # a dateline's place outweighs the tagger's other guesses for that word
            clusters[index].votes[label] = clusters[index].votes.get(label, 0) + (2 if start in datelines else 1)
        for cluster in clusters:
            # a one-word name the tagger calls an organisation or a place more often than a person is one:
            # "Zipro" (a person named in full has two words somewhere), "Durban" after "DURBAN (Reuters) -"
            best = max(("ORG", "GPE"), key=lambda label: cluster.votes.get(label, 0))
            if (cluster.label == "PERSON" and cluster.votes.get(best, 0) > cluster.votes.get("PERSON", 0)
                    and all(end - start == 1 for start, end, _ in cluster.mentions)):
                cluster.label = best
        _merge_acronyms(doc, clusters)
        _merge_national(doc, clusters)
        return [c for c in clusters if c.mentions]

    # 3. missed occurrences
    def add_missed(self, doc: Doc, clusters: list[_Cluster], words: list[str] | None = None,
                   common: set[str] | None = None) -> None:
        taken = {i for c in clusters for s, e, _ in c.mentions for i in range(s, e)}
        words = words if words is not None else _Tokens(doc).words
        common = common if common is not None else {word for word in words if word.islower()}
        forms: dict[tuple[str, ...], int | None] = {}
        for index, cluster in enumerate(clusters):
            for start, end, _ in cluster.mentions:
                names = [tuple(words[start:end])]
                if cluster.label == "PERSON" and end - start > 1:
                    names.append((words[end - 1],))
                elif cluster.label == "ORG" and end - start > 1 and self.short_form(doc[start:end], common):
                    names.append((words[start],))  # "Corvane plans …" after "Corvane Systems"
                for name in names:
                    # a form shared by two clusters names neither for sure
                    forms[name] = None if forms.get(name, index) != index else index
        by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for form, index in forms.items():
            if index is not None:
                by_first.setdefault(form[0], []).append((form, index))
        for candidates in by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))
        i = 0
        while i < len(words):
            for form, index in by_first.get(words[i], ()):
                end = i + len(form)
                if end > len(words) or tuple(words[i:end]) != form:
                    continue
                if clusters[index].label == "ORG" and end < len(words) and words[end].rstrip(".") in self.company_suffixes:
                    end += 1  # "Kestrel Terminals Ltd" where the tagger saw no name: "Kestrel Terminals" with its suffix
                if any(j in taken for j in range(i, end)) or _inside_other_name(doc, i, end):
                    continue
                if len(form) == 1 and clusters[index].label == "ORG" and not _alone(doc, i):
                    continue  # the first word of another name: "Corvane Cloud", "the Corvane Systems unit"
                clusters[index].mentions.append((i, end, "name"))
                taken.update(range(i, end))
                i = end - 1
                break
            i += 1

    def adopt_short_names(self, doc: Doc, clusters: list[_Cluster], common: set[str]) -> None:
        """A one-word person or organisation that is the first word of a company named in full is that
        company: "Corvane plans …" tagged PERSON after "Corvane Systems" (a place is not: "Texas", "Texas
        Instruments")."""
        firsts: dict[str, list[_Cluster]] = {}
        org_firsts: dict[str, list[_Cluster]] = {}  # any organisation's first word, for a one-word organisation
        for cluster in clusters:
            if cluster.label == "ORG":
                for start, end, _ in cluster.mentions:
                    if end - start == 2 and doc[start].text in self.club_prefixes:
                        firsts.setdefault(doc[start + 1].text, []).append(cluster)  # "Ribamar" of "FC Ribamar"
                    elif end - start > 1 and self.short_form(doc[start:end], common, company=False):
                        org_firsts.setdefault(doc[start].text, []).append(cluster)
                        if self.short_form(doc[start:end], common):
                            firsts.setdefault(doc[start].text, []).append(cluster)
        for cluster in clusters:
            if cluster.label not in ("PERSON", "PRODUCT", "ORG", "GPE") or any(end - start != 1 for start, end, _ in cluster.mentions):
                continue
            word = doc[cluster.mentions[0][0]].text
            if cluster.label == "GPE" and (countries.place(word) or any(_used_as_place(doc, start) for start, _, _ in cluster.mentions)):
                continue  # "Ligurmare" tagged a place beside Ligurmare Terminals SpA is the company; Texas is Texas
            owners = {id(c): c for c in firsts.get(word, ())}
            # "Calderwood declined to comment", both tagged ORG, is Calderwood Nutrition whatever its last word
            if not owners and cluster.label == "ORG" and not word.isupper() and not countries.place(word):
                owners = {id(c): c for c in org_firsts.get(word, ())}
            if len(owners) == 1 and all(owner is not cluster for owner in owners.values()):
                [owner] = owners.values()
                owner.mentions.extend(cluster.mentions)
                cluster.mentions = []
        clusters[:] = [c for c in clusters if c.mentions]

    def short_form(self, name: Span, common: set[str], company: bool = True) -> bool:
        """The first word of a company's name can name it alone: a capitalised word of three letters or
        more that is no common starter of names ("Corvane" of "Corvane Systems", not "National" or
        "Swiss") nor a word the article also writes in lowercase (``common``: "Doctors" of "Doctors Without
        Borders"), in a name that ends like a company's ("Systems", "Ltd", a plural: "Kestrel Terminals";
        not "Harwick Tribune" nor "Harwick Times"; any end when not ``company``) and has no figures."""
        first, last = name[0], "".join(ch for ch in name[-1].text if ch.isalnum())
        return (first.tag_ == "NNP" and first.text.isalpha() and len(first.text) >= 3 and first.text[0].isupper()
                and first.text not in self.name_starters and countries.country_of_demonym(first.text) is None
                and (not company or last in self.company_suffixes or (_plural(name[-1]) and last not in NOT_COMPANIES))
                and not any(ch.isdigit() for ch in name.text) and first.lower_ not in common)

    def names_an_organisation(self, title: str) -> bool:
        """A title that calls its holder an organisation: "operator", "the rival company"."""
        words = title.lower().split()
        if any(w in self.titles for w in words) or any(w[:1].isupper() and not w.endswith("-based") for w in title.split()):
            return False  # "analyst with Sutro Group"; "INFE export institute" (the name of another)
        cut = next((i for i, w in enumerate(words) if w in ("of", "for", "in", "at", "to", "with", "from", "on")), len(words))
        return cut > 0 and (words[cut - 1] in self.organisation_nouns or words[cut - 1] in self.generic_organisations)

    # 4. titles
    def find_titles(self, doc: Doc, clusters: list[_Cluster], index: int, owner: dict[int, int]) -> None:
        cluster = clusters[index]
        for start, end, kind in list(cluster.mentions):
            if kind != "name":
                continue
            # the capitalised run before the name: "Israeli Prime Minister", "U.S. President"
            j = start - 1
            while j >= 0 and doc[j].head.i in range(j + 1, end) and doc[j].dep_ in ("compound", "amod", "nmod"):
                if not (doc[j].is_title or doc[j].is_upper or doc[j].lower_ in TITLE_MODIFIERS or doc[j].lower_ in self.titles):
                    break
                j -= 1
            run = [t for t in doc[j + 1 : start]]
            country_tokens = [t for t in run if owner.get(t.i) is not None and clusters[owner[t.i]].label in ("GPE", "NORP")]
            title_tokens = [t for t in run if t not in country_tokens]
            if country_tokens and cluster.country is None:
                cluster.country = _country(doc, clusters[owner[country_tokens[0].i]])
            if title_tokens and title_tokens[-1].lower_ in self.titles:
                self._add_title(cluster, doc[title_tokens[0].i : title_tokens[-1].i + 1].text, title_tokens[-1], None)
            root = doc[start:end].root
            # "Steve Witkoff, Trump’s special envoy to the Middle East"
            for child in root.children:
                if child.dep_ == "appos" and child.tag_ in ("NN", "NNS") and owner.get(child.i) is None:
                    self._title_from_phrase(doc, clusters, owner, cluster, child, list(child.subtree))
            # "Trump’s Middle East envoy, Steve Witkoff"
            if root.dep_ == "appos" and root.head.tag_ in ("NN", "NNS") and owner.get(root.head.i) is None:
                phrase = [t for t in root.head.subtree if t.i < root.i and t.i not in range(start, end)]
                self._title_from_phrase(doc, clusters, owner, cluster, root.head, phrase)

    def _title_from_phrase(
        self, doc: Doc, clusters: list[_Cluster], owner: dict[int, int], cluster: _Cluster, head: Token,
        phrase: list[Token],
    ) -> None:
        possessor = None
        drop: set[int] = set()
        for child in head.children:
            if child.dep_ in ("poss", "det") and child.i < head.i:
                drop.update(t.i for t in child.subtree)
                if child.dep_ == "poss":
                    possessor = owner.get(child.i)
        kept = [t for t in phrase if t.i not in drop and not t.is_punct]
        while kept and kept[-1].is_punct:
            kept.pop()
        if not kept:
            return
        self._add_title(cluster, doc[kept[0].i : kept[-1].i + 1].text, head, possessor)
        if cluster.country is None and possessor is not None:
            cluster.country = _country(doc, clusters[possessor])

    def _add_title(self, cluster: _Cluster, text: str, head: Token, possessor: int | None) -> None:
        if text not in cluster.titles:
            cluster.titles.append(text)
        cluster.title_heads.setdefault(head.lower_, possessor)

    # 5. descriptors
    def add_descriptors(self, doc: Doc, clusters: list[_Cluster], owner: dict[int, int]) -> None:
        persons = [(i, c) for i, c in enumerate(clusters) if c.label == "PERSON" and c.titles]
        if not persons:
            return
        # a word that heads no person's title is no descriptor: those are skipped by their string ids
        strings = doc.vocab.strings
        nouns = {strings["NN"], strings["NNP"]}
        compound = strings["compound"]
        heads = {strings[word] for _, cluster in persons for word in cluster.title_heads}
        tags, deps, lowers = (doc.to_array(a).tolist() for a in (TAG, DEP, LOWER))
        for i, (tag, dep, lower) in enumerate(zip(tags, deps, lowers)):
            if tag not in nouns or i in owner or dep == compound or lower not in heads:
                continue
            token = doc[i]
            if token.head.i in owner and token.dep_ in ("appos",):
                continue  # the apposition that defined the title
            left = [t for t in token.subtree if t.i <= token.i]
            poss = [c for c in token.children if c.dep_ == "poss" and c.i < token.i]
            definite = poss or any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            if not definite:
                continue
            possessor = owner.get(poss[0].i) if poss else None
            words_ = {t.lower_ for t in left if t.dep_ not in ("det", "poss", "case") and t not in poss}
            exact, loose = [], []
            for index, cluster in persons:
                if token.lower_ not in cluster.title_heads:
                    continue
                wanted = cluster.title_heads[token.lower_]
                if possessor is not None and wanted is not None and possessor != wanted:
                    continue
                title_words = {w.lower() for t in cluster.titles for w in t.replace("-", " ").split()}
                if not words_ <= title_words:
                    continue
                if any(t.lower() == " ".join(w.lower_ for w in left if w.lower_ in words_) for t in cluster.titles):
                    exact.append(index)
                else:
                    loose.append(index)
            chosen = exact if exact else loose
            if len(chosen) == 1:
                start = next((t.i for t in left if t.dep_ != "det"), token.i)
                clusters[chosen[0]].mentions.append((start, token.i + 1, "descriptor"))

    # 6. entities
    def to_entities(self, doc: Doc, clusters: list[_Cluster], tokens: _Tokens | None = None) -> list[Entity]:
        tokens = tokens or _Tokens(doc)
        entities = []
        for cluster in sorted(clusters, key=lambda c: c.first):
            mentions = sorted(set(cluster.mentions))
            names = [tokens.text(s, e) for s, e, kind in mentions if kind == "name"]
            if not names:
                continue
            # the longest name, written as in running text where a dateline has it in capitals ("Durban")
            name = max(names, key=lambda n: (len(n.split()), not n.isupper(), len(n), -names.index(n)))
            country = cluster.country if cluster.label == "PERSON" else _country(doc, cluster)
            entities.append(
                Entity(
                    id=f"E{len(entities) + 1}",
                    name=name,
                    type=cluster.label,  # type: ignore[arg-type]
                    titles=cluster.titles,
                    country=country,
                    mentions=[
                        Mention(text=span_text(doc, tokens.starts[s], tokens.ends[e - 1]), start=tokens.starts[s],
                                end=tokens.ends[e - 1], kind=kind)
                        for s, e, kind in mentions
                    ],
                )
            )
        return entities


class _Tokens:
    """Each token's text and character offsets, read once from the Doc's arrays: ``doc[i]`` builds a
    new Token, and ``doc[s:e].text`` joins the span's tokens again, on every call."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        self.words = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
        self.starts = doc.to_array(IDX).tolist()
        self.ends = [start + len(word) for start, word in zip(self.starts, self.words)]
        self.first_at = {start: i for i, start in enumerate(self.starts)}  # tokens never share a start or end
        self.last_at = {end: i for i, end in enumerate(self.ends)}
        self.doc_text = doc_text(doc)

    def text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        return self.doc_text[self.starts[start] : self.ends[end - 1]] if end > start else ""

    def range(self, doc: Doc, start_char: int, end_char: int) -> range:
        """:func:`_token_range`, looked up directly when the characters are token bounds (a mention's)."""
        first, last = self.first_at.get(start_char), self.last_at.get(end_char)
        if first is None or last is None or last < first:
            return _token_range(doc, start_char, end_char)
        return range(first, last + 1)


def _nearest(clusters: list[_Cluster], candidates: list[int], start: int) -> int:
    """Of several people with one surname, the one named last before ``start`` (else first after)."""

    def distance(index: int) -> tuple[int, int]:
        before = [s for s, _, _ in clusters[index].mentions if s <= start]
        if before:
            return (0, start - max(before))
        return (1, min(s for s, _, _ in clusters[index].mentions) - start)

    return min(candidates, key=distance)


def _other_key(span: Span, label: str) -> tuple[str, str]:
    """Names of places that are one country join; other names join when they are spelled alike."""
    if label in ("GPE", "LOC"):
        found = countries.place(span.text)
        if found and found[0] and found[1] == "country":
            return ("country", found[0])
    if label == "NORP":
        code = countries.country_of_demonym(span.text)
        if code:
            return ("NORP", code)
    return (label, span.text.casefold().replace("’", "'"))


def _acronym(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isupper() and w.lower() not in ("of", "the", "and", "for"))


def _merge_acronyms(doc: Doc, clusters: list[_Cluster]) -> None:
    """"United Nations" and "UN" (or "U.N.") are one organisation."""
    full = {}
    for index, cluster in enumerate(clusters):
        if cluster.label == "ORG":
            for s, e, _ in cluster.mentions:
                if e - s > 1:
                    full.setdefault(_acronym(doc[s:e].text), index)
                    # "AOSIS" keeps the "of" of the Alliance of Small Island States
                    full.setdefault("".join(w[0].upper() for w in doc[s:e].text.split() if w[0].isalpha()), index)
                    first, *rest = doc[s:e].text.split()
                    if len(rest) > 1 and (countries.country_of_place(first) or countries.country_of_demonym(first)):
                        full.setdefault(_acronym(" ".join(rest)), index)  # "FDA" of the US Food and Drug Administration
    for index, cluster in enumerate(clusters):
        if cluster.label != "ORG" or not cluster.mentions:
            continue
        s, e, _ = cluster.mentions[0]
        short = doc[s:e].text.replace(".", "")
        if e - s == 1 and short.isupper() and len(short) > 1 and full.get(short, index) != index:
            clusters[full[short]].mentions.extend(cluster.mentions)
            cluster.mentions = []


def _merge_national(doc: Doc, clusters: list[_Cluster]) -> None:
    """"the National Police" after "the Peruvian National Police" is that force: an organisation named
    again without the country's adjective or name before it, when only one such organisation has it and
    the article names no other country (the Foreign Ministry of a story about Ukraine and Russia may be
    either's)."""
    named = {code for cluster in clusters if cluster.label in ("GPE", "NORP") and (code := _country(doc, cluster))}
    national: dict[str, set[int]] = {}
    for index, cluster in enumerate(clusters):
        if cluster.label == "ORG":
            for s, e, _ in cluster.mentions:
                first = doc[s].text
                code = countries.country_of_demonym(first) or countries.country_of_place(first)
                if e - s > 2 and code and named <= {code}:
                    national.setdefault(doc[s + 1 : e].text.casefold(), set()).add(index)
    for index, cluster in enumerate(clusters):
        names = {doc[s:e].text.casefold() for s, e, _ in cluster.mentions}
        if cluster.label != "ORG" or len(names) != 1:
            continue
        owners = national.get(next(iter(names)), set()) - {index}
        if len(owners) == 1:
            clusters[owners.pop()].mentions.extend(cluster.mentions)
            cluster.mentions = []


def _owner_map(clusters: list[_Cluster]) -> dict[int, int]:
    return {i: index for index, c in enumerate(clusters) for s, e, kind in c.mentions if kind == "name" for i in range(s, e)}


def _country(doc: Doc, cluster: _Cluster) -> str | None:
    if cluster.label == "PERSON":
        return cluster.country
    for s, e, kind in cluster.mentions:
        if kind != "name":
            continue
        text = doc[s:e].text
        code = countries.country_of_demonym(text) if cluster.label == "NORP" else countries.country_of_place(text)
        if code:
            return code
    return None


def _used_as_place(doc: Doc, i: int) -> bool:
    """The word at ``i`` is written as a place ("in Alaska", "downtown Norfolk") or begins a longer name
    ("its Toronto Argonaut Football Club")."""
    before = doc[i - 1].lower_ if i > 0 else ""
    after = next((t for t in doc[i + 1 : i + 3] if not t.is_space), None)
    return before in LOCATIVES or (after is not None and after.text[:1].isupper() and after.is_alpha)


def _plural(token: Token) -> bool:
    """A capitalised plural ending a name: "Terminals", "Brothers" (the tagger often calls it NNP)."""
    return token.tag_ == "NNPS" or (token.text[:1].isupper() and token.text.endswith("s") and not token.text.endswith("ss")
                                    and len(token.text) > 3)


def _alone(doc: Doc, i: int) -> bool:
    """A word with no proper noun beside it that modifies no noun after it ("the Erie system"); the
    tagger may take an unknown name that opens a sentence for a common noun: "Corvane plans …"."""
    return doc[i].dep_ not in ("compound", "amod") and not any(
        0 <= j < len(doc) and doc[j].tag_ in ("NNP", "NNPS") for j in (i - 1, i + 1))


def _inside_other_name(doc: Doc, start: int, end: int) -> bool:
    """A known name inside a longer proper name is not that entity ("Trump Tower", "Ivanka Trump")."""
    last = doc[end - 1]
    if last.dep_ == "compound" and last.head.i >= end and last.head.tag_ == "NNP":
        return True
    before = doc[start - 1] if start > 0 else None
    return (
        before is not None
        and before.tag_ == "NNP"
        and before.dep_ == "compound"
        and before.head.i in range(start, end)
        and before.lower_ not in TITLE_MODIFIERS
        and before.lower_ not in words("titles.txt")
    )


def _token_range(doc: Doc, start_char: int, end_char: int) -> range:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def entity_index(doc: Doc) -> dict[int, Entity]:
    """Token index -> entity (``doc._.entity_index``), read from ``user_data`` directly: ``doc._``
    builds a new object on every access, and later stages ask for thousands of tokens."""
    index = doc.user_data.get(INDEX_KEY)
    if index is None:
        index = doc._.entity_index or {}
    return index


def entity_at(doc: Doc, token: Token) -> Entity | None:
    """The entity a token belongs to, for later stages."""
    return entity_index(doc).get(token.i)
