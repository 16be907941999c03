"""Line and paragraph breaks end sentences: a component that runs before the parser.

spaCy's parser, trained on running text, carries a sentence over a blank line: in a live blog,
"4:40 p.m.\\n\\nMarco Rubio says …" became one sentence whose subject is "p.m.", and a headline ran
into its first paragraph ("… Over Zika Virus\\nChris Christie said …"). The parser keeps the sentence
starts set before it, so we set one after every paragraph break, and after every line break unless the
text is hard-wrapped (Reuters wire copy breaks lines inside sentences: "the company said\\nit would").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.stages import doc_text

# a text is hard-wrapped when this share of its line breaks fall before a lowercase word
WRAPPED = 0.2


@Language.component("storyline_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    wrapped = _hard_wrapped(doc_text(doc))
    for token in doc[:-1]:
        if not (token.is_space and "\n" in token.text):
            continue
        following = doc[token.i + 1]
        if following.is_space:
            continue
        paragraph = token.text.count("\n") > 1 or token.text.endswith((" ", "\t"))  # blank line or indent
        if paragraph or not wrapped:
            following.is_sent_start = True
    return doc


def _hard_wrapped(text: str) -> bool:
    lines = text.split("\n")
    breaks = [nxt for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip() and nxt[:1] != " "]
    lowercase = sum(1 for nxt in breaks if nxt[0].islower())
    return bool(breaks) and lowercase / len(breaks) >= WRAPPED
