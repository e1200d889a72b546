"""Quote marks: pairing them into quoted passages and telling a quotation from a fragment.

Marks are paired per paragraph, in every style (straight, curly, single, and the two-character
marks of typewritten and converted text: ``like this'' or ''like this''), tolerating unbalanced
marks: a quote left open runs to the end of its paragraph, the newspaper convention for a quote
that goes on in the next one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_DIRECT_LEAD = set(":,;—–-([")
_QUOTE_CHARS = re.compile("''|``|‘’(?=\\w)|[\"“”„«»‘’']")
#: Where a sentence ends inside a paragraph: after it, a quote whose opening mark was lost begins.
_SENTENCE_END = re.compile(r"(\S+)[.!?]\s+(?=[A-Z])")
#: Words an abbreviation's full stop follows, which ends no sentence ("Sen. Ana Ruiz").
_ABBREVIATED = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt cpl det st jr sr prof rev hon pres supt insp u.s u.k no vs".split()
)


@dataclass
class Marked:
    """A quoted passage: `start`/`end` are the text inside the marks."""

    open: int
    close: int  # index just past the closing mark (or the paragraph end)
    start: int
    end: int
    close_mark: int = 1  # characters of the closing mark: 2 for '' (0 for a quote left open)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ".…”"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


@lru_cache(maxsize=2)
def find_marks(text: str) -> list[Marked]:
    """Pair quote marks paragraph by paragraph; unbalanced marks never stop the search. The list
    is kept for the next call with the same text (the actors' rules, then the quotes'): callers
    read it and never change it."""
    found: list[Marked] = []
    pos = 0
    for para in text.split("\n"):
        base, pos = pos, pos + len(para) + 1
        found += _paragraph_marks(text, base, para)
    return [m for m in found if m.end > m.start]


def _mark_role(ch: str, prev: str, nxt: str, is_open: bool) -> str:
    """The mark as it is meant: a straight mark opens or closes by what stands beside it, never by
    counting; a closing mark typed where a quote opens opens it ("(”This guy is ...”)")."""
    if ch in ('"', "''"):  # two apostrophes: a straight double mark, typewriter style
        return _straight_role(prev, nxt, is_open)
    if ch == "``" or (ch == "‘’" and not prev.isalnum()):
        return "“"  # "‘’It’s not ...”": two single marks typed as one double
    if ch == "”" and not is_open and (prev.isspace() or prev in "([{—–") and nxt.isalnum():
        return "“"
    return ch


def _paragraph_marks(text: str, base: int, para: str) -> list[Marked]:
    """The quotes of one paragraph starting at `base` in `text`."""
    pairing = _Pairing(text, base, para)
    n = len(para)
    for hit in _QUOTE_CHARS.finditer(para):  # only marks change anything: skip the rest
        i, j = hit.span()
        mark = hit.group()
        pairing.closes_left -= mark == "”"
        pairing.opens_left -= mark == "“"
        prev = para[i - 1] if i else " "
        nxt = para[j] if j < n else " "
        ch = _mark_role(mark, prev, nxt, pairing.open_at is not None)
        if ch in _OPEN_DOUBLE:
            pairing.opening(i, mark)
        elif ch in _CLOSE_DOUBLE:
            pairing.closing(i, j, mark)
        elif pairing.open_at is None:
            pairing.single(i, ch, prev, nxt)
    if pairing.open_at is not None and n - pairing.open_at > 1:
        pairing.found.append(_mark(text, base + pairing.open_at, base + n, closed=False))
    return pairing.found


class _Pairing:
    """Marks of one paragraph paired as they come: the quote open, the single quote open, how many
    quotes nest in it, where the last quote closed and with what mark."""

    def __init__(self, text: str, base: int, para: str) -> None:
        self.text, self.base, self.para = text, base, para
        self.found: list[Marked] = []
        self.open_at: int | None = None
        self.single_at: int | None = None
        self.nested = 0
        self.last_close, self.last_mark = 0, ""
        self.last_straight: int | None = None  # where the paragraph's last straight mark is
        # curly marks still to come: "closes two more than it opens" (a quote nests) in constant time
        self.closes_left, self.opens_left = para.count("”"), para.count("“")

    def opening(self, i: int, mark: str) -> None:
        open_at, para = self.open_at, self.para
        if open_at is not None and mark == "“":
            if self.closes_left - self.opens_left >= 2 or (para[open_at] == '"' and self._straight_holds(open_at)):
                # "“... what he calls “hell” than ...”": a quote inside the quote, when the rest of
                # the paragraph closes two quotes more than it opens (this one and the one around
                # it), or inside straight marks ("... the question: “Do you think ...?” ...")
                self.nested += 1
                return
            if para[open_at] == "“" and self.closes_left > self.opens_left and para[open_at:i].rstrip()[-1:] == ".":
                # "“That’s dangerous. “It really ...”": a stray mark between the sentences of one
                # quote, which closes once (unclosed straight marks open each sentence: BBC style)
                return
        if open_at is not None:  # an opening mark inside an open quote: the old one ran on
            self.found.append(_mark(self.text, self.base + open_at, self.base + i, closed=False))
        self.open_at, self.single_at = i, None

    def _straight_holds(self, open_at: int) -> bool:
        """Whether a straight quote open at `open_at` holds the curly ones after it: it opens the
        paragraph (a quoted passage, closed or not) or a straight mark closes later ("The union
        called it "a betrayal. “We are flooded,” Jones said.": a stray, which holds nothing)."""
        if not self.para[:open_at].strip():
            return True
        if self.last_straight is None:
            self.last_straight = self.para.rfind('"')
        return self.last_straight > open_at and self.para[self.last_straight - 1 : self.last_straight] != " "

    def closing(self, i: int, j: int, mark: str) -> None:
        if self.open_at is not None and self.nested:
            self.nested -= 1
        elif self.open_at is not None:
            self.found.append(_mark(self.text, self.base + self.open_at, self.base + j, closed=True))
            self.open_at, self.last_close, self.last_mark = None, j, mark
        elif i > 0 and j - i == 1:
            # a close with no open: the quote ran from the paragraph start (not two apostrophes,
            # which only close what they opened: "the workers'' pay"), or after a quote closed
            # before it, from the next sentence on ("“…,” Jones said. It was never about ...”":
            # its opening mark was lost)
            same = self.last_mark in ("", mark)  # (a close in other marks than the last is a stray)
            lost = _lost_opening(self.para, self.last_close if same else -1, i)
            if lost is not None:
                self.found.append(_mark(self.text, self.base + lost, self.base + j, closed=True, opened=False))
            if same:  # the next lost opening comes after this close
                self.last_close, self.last_mark = j, mark

    def single(self, i: int, ch: str, prev: str, nxt: str) -> None:
        if ch in "‘'" and not prev.isalnum() and nxt.isalnum() and self.single_at is None:
            self.single_at = i
        elif self.single_at is not None and ch in "’'" and not nxt.isalnum() and not prev.isspace():
            if i - self.single_at > 1:
                self.found.append(_mark(self.text, self.base + self.single_at, self.base + i + 1, closed=True))
            self.single_at = None


def _lost_opening(para: str, last_close: int, close: int) -> int | None:
    """Where a quote closed at `close` with no opening mark began: the paragraph's start, or the
    first sentence after the last quote closed before it in the same marks (none if no sentence
    begins there, or a quote in other marks closed before it: this mark is a stray)."""
    if last_close <= 0:
        return None if last_close else 0
    for end in _SENTENCE_END.finditer(para, last_close, close):
        word = end.group(1).lower().lstrip("(“\"‘'")
        if word not in _ABBREVIATED and not (len(word) == 1 and word.isalpha()):  # (nor an initial)
            return end.end()
    return None


def _straight_role(prev: str, nxt: str, is_open: bool) -> str:
    """Whether a straight double mark opens (“) or closes (”) a quote, from its neighbours."""
    opens = (prev.isspace() or prev in "([{—–-/“‘") and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or (not nxt.isalnum() and nxt not in '"“‘'))
    if opens and not closes:
        return "“"
    if closes and not opens:
        return "”"
    return "”" if is_open else "“"


def _mark(text: str, open_: int, close: int, closed: bool, opened: bool = True) -> Marked:
    width = 2 if text[close - 2 : close] == "''" and closed else int(closed)
    start = open_ + (2 if text[open_ : open_ + 2] in ("''", "``", "‘’") else 1) if opened else open_
    start, end = _trimmed(text, start, close - width)
    return Marked(open_, close, start, end, width)


def is_direct(text: str, m: Marked) -> bool:
    """A quotation of its own (it opens a paragraph, follows a colon or comma, or is a whole
    sentence), rather than a fragment inside the reporter's sentence."""
    para_start = text.rfind("\n", 0, m.open) + 1
    before = text[para_start : m.open].rstrip()
    inner = text[m.start : m.end]
    if not before or before[-1] in _DIRECT_LEAD or before[-1] in ".!?":
        return True
    if before[-1] in "”\"'’" and before.rstrip("”\"'’")[-1:] in (".", "!", "?"):
        return True  # after a sentence that ended inside quote marks: "... on “Good Morning.” “People ...”"
    words = inner.split()
    return len(words) >= 5 and inner[:1].isupper() and inner.rstrip()[-1:] in ".!?"


class QuoteMask:
    """Which quoted passage, if any, a character falls in."""

    def __init__(self, marks: list[Marked]):
        self.starts = [m.open for m in marks]
        self.marks = marks

    def find(self, char: int) -> Marked | None:
        i = bisect_right(self.starts, char) - 1
        if i >= 0 and self.marks[i].open <= char < self.marks[i].close:
            return self.marks[i]
        return None


class Quotations(NamedTuple):
    """The article's quote marks, to tell a quotation of its own from quoted words (is_direct)."""

    text: str
    mask: QuoteMask

    def inside(self, token: Token) -> bool:
        return self.mask.find(token.idx) is not None

    def quotation(self, token: Token) -> bool:
        m = self.mask.find(token.idx)
        return m is not None and is_direct(self.text, m)
