"""What kind of source each quote has, as researchers of sourcing count them apart: a named actor;
an unnamed one, described by role or institution ("fire officials", "the ministry"); or one granted
anonymity, or whose anonymity the story states ("a nurse who asked not to be named", "speaking on
condition of anonymity", "a source familiar with the talks")."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .lexicon import ANONYMOUS_SOURCE_NOUNS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..model import Actor, Quote

#: What a story writes of a source it does not name because the source asked or was allowed not
#: to be: anonymity stated ("on condition of anonymity", "spoke anonymously"), a name withheld
#: ("asked not to be named", "declined to be identified"), no leave to speak ("was not authorized
#: to speak publicly"), or knowledge that marks an insider ("familiar with", "briefed on").
_ANONYMITY = re.compile(
    r"\banonym\w*"
    r"|\bnot\s+(?:to\s+)?be(?:ing)?\s+(?:named|identified)"
    r"|\b(?:declined|refused)\s+to\s+be\s+(?:named|identified)"
    r"|\bwithout\s+being\s+(?:named|identified)"
    r"|\bnot\s+authori[sz]ed\s+to\s+(?:speak|comment|discuss|talk|disclose|release)"
    r"|\bon\s+background\b"
    r"|\b(?:familiar|acquainted)\s+with\b"
    r"|\bbriefed\s+(?:on|about)\b"
    r"|\bwith\s+(?:direct\s+)?knowledge\s+of\b",
    re.IGNORECASE,
)
#: An insider described by whom they are near: "people close to the minister".
_CLOSE_TO = re.compile(r"\bclose\s+to\b", re.IGNORECASE)


def mark_sources(doc: Doc, text: str, quotes: list[Quote], actors: list[Actor]) -> None:
    """Set each quote's `source`: named when its speaker is an actor the article names, anonymous
    when the speaker's words or the sentence that introduces the quote grant anonymity, unnamed
    for any other description. An unnamed speaker keeps being anonymous wherever the story quotes
    the same phrase again ("A senior official, who asked not to be named, said ... He added ...")."""
    unnamed_ids = {a.id for a in actors if a.unnamed}
    sentence_starts = [s.start_char for s in doc.sents]
    described: list[Quote] = []
    for q in quotes:
        if not q.speaker:
            q.source = None
        elif q.speaker_actor is not None and q.speaker_actor not in unnamed_ids:
            q.source = "named"
        else:
            q.source = "anonymous" if _granted(text, q, sentence_starts) else "unnamed"
            described.append(q)
    # the same source quoted again, in the same or fewer words ("the official" after "a senior
    # official, who asked not to be named")
    granted: list[set[str]] = []
    for q in described:
        words = _phrase_words(q.speaker)
        if q.source == "anonymous":
            granted.append(words)
        elif words and any(words <= earlier for earlier in granted):
            q.source = "anonymous"


def _granted(text: str, q: Quote, sentence_starts: list[int]) -> bool:
    """Whether the speaker's phrase or the sentences the quote sits in state its anonymity."""
    speaker = q.speaker or ""
    if _ANONYMITY.search(speaker) or _CLOSE_TO.search(speaker):
        return True
    if any(w.strip(",.") in ANONYMOUS_SOURCE_NOUNS for w in speaker.lower().split()):
        return True  # "a source", "Pentagon sources", "an insider"
    first = max(0, bisect_right(sentence_starts, q.start) - 1)
    last = max(first, bisect_right(sentence_starts, q.end) - 1)
    # the attribution may follow a quote that ends its own sentence: "“...,” said an official who
    # ..."; a reported clause that ends its sentence is followed by someone else's words
    if last + 1 < len(sentence_starts):
        gap = text[q.end : sentence_starts[last + 1]]
        if not gap.strip(" \"”’'.,") and any(mark in gap for mark in "\"”’'"):
            last += 1
    lo = sentence_starts[first]
    hi = sentence_starts[last + 1] if last + 1 < len(sentence_starts) else len(text)
    # what was said is not about who said it ("“I won't be named,” she said")
    inside = text[lo : max(lo, q.start)] + " " + text[min(hi, q.end) : hi]
    return _ANONYMITY.search(inside) is not None


def _phrase_words(phrase: str | None) -> set[str]:
    return {w for w in (phrase or "").lower().split() if w not in ("the", "a", "an")}
