"""A transcript's speaker labels: "PENCE: Well, look, ..." is Pence's line, whoever the story
named last."""

from __future__ import annotations

import re
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


def label_transcript_lines(quotes: list[Quote], actors: list[Actor]) -> None:
    """A direct quote that opens with a speaker's label in capitals is that speaker's line, the
    label no part of it: "“KELLER: We will rebuild the harbour.”" is Keller's. Labels that name
    no one in the story ("UPDATE:", "WASHINGTON:") change nothing."""
    for q in quotes:
        match = _LABEL.match(q.text) if q.kind == "direct" else None
        if match is None or not q.text[match.end() :].strip():
            continue
        actor = _labelled(actors, match.group(1))
        if actor is None:
            continue
        q.start += match.end()
        q.text = q.text[match.end() :]
        q.speaker, q.speaker_actor, q.anonymous = actor.name, actor.id, False
        q.cue = match.group(0).strip()
