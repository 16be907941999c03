"""Quotations: where the article's quotation marks open and close.

Straight and curly double marks, guillemets, „…“, ‘…’ when it is not an apostrophe, and the two
single marks of ''…'' (NYT style); a paragraph that leaves its quote open continues into the next
one that opens a quote again.
"""

from __future__ import annotations

import re

OPENERS = {"“": "”", "«": "»", "„": "“"}
QUOTE_MARK = re.compile("[\"“”«»„‘’]")  # every character find_quotes acts on


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character extents of quotations, marks included.

    A paragraph that leaves its quote open continues when the next paragraph opens a quote again
    (the convention for multi-paragraph quotes); otherwise the quote ends with its paragraph.
    """
    text = text.replace("''", '"\x00').replace("``", '"\x00')  # ''…'' (NYT style) and ``…'' are "…"
    quotes: list[tuple[int, int]] = []
    open_at: int | None = None
    closer, last_end, pos = "", 0, 0
    for para in text.split("\n"):
        body = para.lstrip()
        if not body:
            pos += len(para) + 1
            continue
        begin = 0
        if open_at is not None:
            if body[0] in OPENERS or body[0] in "\"‘":
                begin = len(para) - len(body) + 1  # the mark that continues the quote
            else:
                quotes.append((open_at, last_end))
                open_at = None
        for mark in QUOTE_MARK.finditer(para, begin):  # no other character opens or closes a quote
            i = mark.start()
            ch, at = para[i], pos + i
            if open_at is None:
                if ch in OPENERS or ch == '"':
                    open_at, closer = at, OPENERS.get(ch, '"')
                elif ch == "‘" and (i == 0 or not para[i - 1].isalnum()):
                    open_at, closer = at, "’"
            elif ch == closer or (closer == '"' and ch == "”") or (closer == "”" and (ch == '"' or (
                    ch == "“" and i > 0 and para[i - 1] in ",.?!" and (i + 1 == len(para) or para[i + 1].isspace())))):
                # “…" and “…,“ (a slip of the keyboard) close as well
                if closer == "’" and i + 1 < len(para) and para[i + 1].isalpha():
                    continue  # an apostrophe: don’t
                quotes.append((open_at, at + 2 if para[i + 1 : i + 2] == "\x00" else at + 1))
                open_at = None
        last_end = pos + len(para.rstrip())
        pos += len(para) + 1
    if open_at is not None:
        quotes.append((open_at, last_end))
    return [(s, e) for s, e in quotes if e - s > 2]


def inside(char: int, quotes: list[tuple[int, int]]) -> bool:
    """The character is inside one of the quotations (not on its marks)."""
    return any(s < char < e for s, e in quotes)
