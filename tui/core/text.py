"""Positions in article text: sentences, paragraphs and words, for moving a cursor through it.

Regex-based, so the reader can move by sentence before spaCy has finished. Words are vim's: a run
of letters and digits, or a run of other non-blank characters; but an abbreviation ("B.C.",
"U.S.", "Mr."), a figure ("92,000", "3.5") and a word with an apostrophe or a hyphen inside
("don't", "well-known") are one word, so a reader's `w` never stops half-way through them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*\s+(?=[“\"‘'(\[]?[A-Z0-9])|\n+")
_TITLES = r"Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|Rev|No|vs|Inc|Ltd|Corp|Co|Mt|Ft"
_ABBREV = re.compile(rf"\b(?:{_TITLES}|U\.S|U\.K|U\.N|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$")
_WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # initials and abbreviations: B.C., U.S., e.g.
    rf"|\b(?:{_TITLES})\.(?=\s+[A-Z])"  # a title before a name: Mr. Smith
    r"|\w+(?:['’.,\-‐–]\w+)*"  # words and figures, with what joins them inside
    r"|[^\w\s]+"  # a run of punctuation is a word of its own, as in vim
)


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (paragraph starts included)."""
    starts = [0] if text.strip() else []
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith("\n") or not _ABBREV.search(text[max(0, match.start() - 6) : match.start() + 1]):
            if match.end() < len(text) and not text[match.end()].isspace():
                starts.append(match.end())
    return sorted(set(starts))


def paragraph_starts(text: str) -> list[int]:
    starts = [0] if text.strip() else []
    starts += [m.end() for m in re.finditer(r"\n+", text) if m.end() < len(text)]
    return starts


def next_boundary(starts: list[int], offset: int) -> int | None:
    i = bisect_right(starts, offset)
    return starts[i] if i < len(starts) else None


def prev_boundary(starts: list[int], offset: int) -> int | None:
    i = bisect_left(starts, offset) - 1
    return starts[i] if i >= 0 else None


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def sentence_at(text: str, starts: list[int], offset: int) -> tuple[int, int]:
    """The sentence containing `offset`, as (start, end) without trailing white space."""
    i = bisect_right(starts, offset) - 1
    start = starts[i] if i >= 0 else 0
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    return start, _trimmed_end(text, start, end)


def block_ends(text: str, starts: list[int]) -> list[int]:
    """Where each block (sentence or paragraph) that starts at `starts` ends, white space left
    out: a selection stretched to it stops at the text, never on the blank lines after it."""
    ends = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        end = _trimmed_end(text, start, end)
        if end > start:
            ends.append(end)
    return ends


def next_end(ends: list[int], offset: int) -> int | None:
    """The last character of the next block that ends after `offset` (inclusive positions, as
    a visual selection takes them)."""
    i = bisect_right(ends, offset + 1)
    return ends[i] - 1 if i < len(ends) else None


@dataclass(frozen=True)
class Words:
    """The words of a text, for vim's w, b and e."""

    starts: list[int]
    ends: list[int]  # exclusive

    @classmethod
    def of(cls, text: str) -> Words:
        starts, ends = [], []
        for match in _WORD.finditer(text):
            starts.append(match.start())
            ends.append(match.end())
        return cls(starts, ends)

    def next_start(self, offset: int) -> int | None:
        """w: the start of the next word after `offset`."""
        return next_boundary(self.starts, offset)

    def prev_start(self, offset: int) -> int | None:
        """b: the start of the word before `offset` (or of the word `offset` is inside)."""
        return prev_boundary(self.starts, offset)

    def next_end(self, offset: int) -> int | None:
        """e: the last character of the word that ends after `offset`."""
        i = bisect_right(self.ends, offset + 1)
        return self.ends[i] - 1 if i < len(self.ends) else None

    def at(self, offset: int) -> tuple[int, int] | None:
        """The word `offset` is in, or None on white space."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return self.starts[i], self.ends[i]
        return None


def find_all(text: str, query: str, limit: int) -> tuple[list[tuple[int, int]], bool]:
    """Where `query` is in `text`, case aside: at most `limit` spans, and whether there are more."""
    found: list[tuple[int, int]] = []
    for match in re.finditer(re.escape(query), text, re.IGNORECASE):
        if len(found) == limit:
            return found, True
        found.append(match.span())
    return found, False


def counted(n: int, word: str) -> str:
    """ "1 quote", "2,300 quotes"."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"
