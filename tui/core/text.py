"""Positions in article text: sentences, paragraphs and words, for moving a cursor through it.

Regex-based, so the reader can move by sentence before spaCy has finished.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*\s+(?=[“\"‘'(\[]?[A-Z0-9])|\n+")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|Rev|No|vs|U\.S|U\.K|U\.N|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$")


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


def sentence_at(text: str, starts: list[int], offset: int) -> tuple[int, int]:
    """The sentence containing `offset`, as (start, end) without trailing white space."""
    i = bisect_right(starts, offset) - 1
    start = starts[i] if i >= 0 else 0
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
