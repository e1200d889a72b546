"""What counts as one act of speech: the one rule every count of quotes uses.

A quote that lies inside another is part of it, not a quote of its own: the verbatim fragment of a
reported clause ("She said the plan was 'dead on arrival'") is one act of speech, and so is a quote
found twice over the same words. "Inside" means: within the other's span and by the same speaker.
Someone else's words quoted inside a reported clause ("Ann Roe said Bo Li had called the plan 'a
blank cheque'") are that other person's quote, counted for them. The reader's Quotes tab, its Voices tab, `byline quotes`, `byline voices`, the
brief, the exports and the library's counts all fold quotes with `acts()`, so they agree.

Works on anything with `start`, `end`, `kind` and `speaker` (a Quote, or the library's QuoteRef);
quotes of several articles are kept apart by their `article` when they have one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

_WORD = re.compile(r"\w+(?:['’]\w+)*")


class Spoken(Protocol):
    start: int
    end: int
    kind: str

    @property
    def speaker(self) -> str | None: ...


Q = TypeVar("Q", bound=Spoken)


def _article(q: object) -> str:
    return getattr(q, "article", "") or ""


def _speaker_key(q: object) -> str:
    """Who a quote is by, for this rule: its actor when it has one, else its speaker's words."""
    actor = getattr(q, "speaker_actor", None)
    if actor:
        return "actor:" + str(actor)
    return "name:" + " ".join(str(getattr(q, "speaker", "") or "").split()).casefold()


def part_of(q: Spoken, carrier: Spoken) -> bool:
    """Whether `q` is part of the act of speech `carrier` (see the module's docstring)."""
    if q is carrier or _article(q) != _article(carrier):
        return False
    if not (carrier.start <= q.start and q.end <= carrier.end):
        return False
    return _speaker_key(q) == _speaker_key(carrier)


def acts(quotes: Sequence[Q]) -> list[tuple[Q, list[Q]]]:
    """Each act of speech, in the order of `quotes`: the quote that carries it, with the quotes
    that are part of it. Longer quotes carry shorter ones; of two over the same span, the first."""
    order = sorted(range(len(quotes)), key=lambda i: (_article(quotes[i]), quotes[i].start, -quotes[i].end, i))
    carriers: list[int] = []
    parts: dict[int, list[Q]] = {}
    open_: list[int] = []  # carriers whose span may still hold the next quotes, per article
    for i in order:
        q = quotes[i]
        open_ = [c for c in open_ if _article(quotes[c]) == _article(q) and quotes[c].end > q.start]
        home = next((c for c in open_ if part_of(q, quotes[c])), None)
        if home is None:
            carriers.append(i)
            parts[i] = []
            open_.append(i)
        else:
            parts[home].append(q)
    return [(quotes[i], parts[i]) for i in sorted(carriers)]


def count_words(text: str, spans: Sequence[tuple[int, int]]) -> int:
    """Words in the union of `spans` of `text` (overlapping quotes counted once)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return sum(len(_WORD.findall(text[start:end])) for start, end in merged)


def words_of(text: str) -> int:
    return len(_WORD.findall(text))
