"""A transcript's speaker labels: "PENCE: Well, look, ..." is Pence's line, whoever the story
named last."""

from __future__ import annotations

import re
import string
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Actor, Quote

#: One to three words in capitals and a colon opening a line: "WALLACE:", "MR. TRUMP:", "ANN ROE:".
_LABEL = re.compile(r"((?:[A-Z][A-Z'’.-]+ ){0,2}[A-Z][A-Z'’-]+):\s+")


def _labelled(actors: list[Actor], label: str) -> Actor | None:
    """The one person of the story the label names by their surname (or full name)."""
    words = label.replace(".", " ").casefold().split()
    found = [
        a
        for a in actors
        if a.type == "PERSON"
        and any(name.casefold().split()[-1:] == words[-1:] for name in [a.name, *a.aliases] if name.split())
    ]
    return found[0] if len(found) == 1 else None


def label_transcript_lines(quotes: list[Quote], actors: list[Actor]) -> set[int]:
    """A direct quote that opens with a speaker's label in capitals is that speaker's line, the
    label no part of it: "“KELLER: We will rebuild the harbour.”" is Keller's. A label that names
    no one in the story is still a speaker when it labels two lines or more ("WALLACE:", the host
    the story never names): the label, as a name. One that labels one line and names no one
    ("UPDATE:", "WASHINGTON:") changes nothing. The positions of the quotes labelled."""
    lines = [(n, match) for n, q in enumerate(quotes) if (match := _line_label(q)) is not None]
    counts = Counter(match.group(1) for _, match in lines)
    labelled: set[int] = set()
    for n, match in lines:
        q, label = quotes[n], match.group(1)
        actor = _labelled(actors, label)
        if actor is None and counts[label] < 2:
            continue
        q.start += match.end()
        q.text = q.text[match.end() :]
        if actor is not None:
            q.speaker, q.speaker_actor = actor.name, actor.id
        else:
            q.speaker, q.speaker_actor = string.capwords(label.casefold()), None
        q.anonymous = False
        q.cue = match.group(0).strip()
        labelled.add(n)
    return labelled


def _line_label(q: Quote) -> re.Match[str] | None:
    match = _LABEL.match(q.text) if q.kind == "direct" else None
    return match if match is not None and q.text[match.end() :].strip() else None
