"""Line and paragraph breaks end sentences: a component that runs before the parser.

spaCy's parser, trained on running text, carries a sentence over a blank line: in a live blog,
"4:40 p.m.\\n\\nMarco Rubio says …" became one sentence whose subject is "p.m.", and a headline ran
into its first paragraph ("… Over Zika Virus\\nChris Christie said …"). The parser keeps the sentence
starts set before it, so we set one after every paragraph break, and after every line break unless the
text is hard-wrapped (Reuters wire copy breaks lines inside sentences: "the company said\\nit would").

:func:`unwrap` goes further for the pipeline (``make_doc``): in hard-wrapped text, the line breaks inside
a paragraph reach the tokenizer as spaces, so they neither become tokens the parser reads as words nor
look like paragraph breaks to the stages (a statement's content stopped at "said it has\\n").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from storyline.stages import doc_text

# a text is hard-wrapped when this share of its line breaks fall before a lowercase word
WRAPPED = 0.2
# "WASHINGTON (AP) — ", "MANCHESTER, N.H. - ", "New York (AFP) – ", "ROTTERDAM, March 4 (Reuters) - ",
# "VANCOUVER, British Columbia (AP) — ": a dateline opening a paragraph. The parser reads it into the
# first sentence, and then splits that sentence elsewhere ("… voted to end the strike | , the union
# said, …"): the story starts a sentence.
DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z.'’]+(?:[ ,]+[A-Z][A-Z.'’]*)*|[A-Z][a-z]+(?: [A-Z][a-z]+)*(?=[ \t]*\((?:AP|AFP|Reuters|UPI)\)))"
    r"(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)*(?=[ \t]*\((?:AP|AFP|Reuters|UPI)\)))?"  # "LIMA, Peru (AP) —"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?(?:[ \t]*\([A-Za-z. ]{2,20}\))?[ \t]*(?:--|[—–-])[ \t]+(?=\S)",
    re.MULTILINE,
)
# A quote that opens after an abbreviation's full stop starts a sentence: the parser reads the stop as the
# abbreviation's and runs on ("… said Bill Sullivan of Dean Witter Reynolds Inc. \"The economy …",
# 36 times in Reuters-21578; "shortly after 4 a.m. \"The windows shook …"). Not after "U.S.", which
# also stands before a quoted name ("a U.S. \"action program\"").
QUOTE_AFTER_ABBREVIATION = re.compile(r"\b(?:a\.m|p\.m|Inc|Co|Corp|Ltd|Jr|Sr|etc)\.\s+([\"“])(?=[A-Z])")
# a line break between two printed characters: inside a paragraph (a blank line or an indent starts one)
SOFT_BREAK = re.compile(r"(\S[ \t]*)\n(?=\S)")


@Language.component("storyline_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    text = doc_text(doc)
    wrapped = _hard_wrapped(text)
    for token in doc[:-1]:
        if not (token.is_space and "\n" in token.text):
            continue
        following = doc[token.i + 1]
        if following.is_space:
            continue
        paragraph = token.text.count("\n") > 1 or token.text.endswith((" ", "\t"))  # blank line or indent
        if paragraph or not wrapped:
            following.is_sent_start = True
            after = doc[following.i + 1] if following.i + 1 < len(doc) else None
            if after is not None and following.is_alpha and after.is_alpha:
                # nor does the next word: the parser once cut "Brightwell | Foods will cut 1,200 jobs"
                after.is_sent_start = False
    for m in QUOTE_AFTER_ABBREVIATION.finditer(text):
        mark = doc.char_span(m.start(1), m.end(1))
        if mark is not None:
            mark[0].is_sent_start = True
    for m in DATELINE.finditer(text):
        story = doc.char_span(m.end(), len(text), alignment_mode="expand")
        if story is not None and len(story) > 1:
            story[0].is_sent_start = True
    return doc


def _hard_wrapped(text: str) -> bool:
    lines = text.split("\n")
    breaks = [nxt for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip() and nxt[:1] != " "]
    lowercase = sum(1 for nxt in breaks if nxt[0].islower())
    return bool(breaks) and lowercase / len(breaks) >= WRAPPED


def unwrap(text: str) -> str:
    """``text`` with the line breaks inside its paragraphs made spaces if it is hard-wrapped, one
    character for one (every offset still holds); other text as it is."""
    if not _hard_wrapped(text):
        return text
    return SOFT_BREAK.sub(lambda m: m.group(1) + " ", text)
