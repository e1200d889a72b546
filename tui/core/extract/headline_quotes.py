"""What a headline attributes: "Keller: Harbour Plan Is a Gamble" and "Harbour Plan Is a Gamble,
Keller Says" put words in someone's mouth the way a sentence's verb of saying does, in the
headline's own shorthand: the speaker before a colon, or the attribution after a comma at the end."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Quote
from .lexicon import SPEECH_VERB_FORMS
from .speakers import speaker_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .cast import Cast

#: Longest headline read, in words.
_HEADLINE_WORDS = 30
#: "Name: what they said" (a name of one to four capitalised words before the colon).
_COLON = re.compile(r"(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}):\s+(?P<said>\S.*?)[\s.]*$")
#: "What they said, Name Says" (the attribution after the last comma, its verb last).
_SAYS = re.compile(r"(?P<said>\S.*\S),\s+(?P<name>[A-Z][^,]{1,60}?)\s+(?P<verb>[A-Za-z]+)[\s.]*$")


def headline_quotes(doc: Doc, cast: Cast) -> list[Quote]:
    """The words the article's first line, when it is a headline, attributes to someone."""
    text = cast.text
    end = text.find("\n")
    line = text[: end if end >= 0 else len(text)]
    if not line.strip() or len(line.split()) > _HEADLINE_WORDS:
        return []
    found = _SAYS.match(line)
    if found is not None and found["verb"].lower() in SPEECH_VERB_FORMS:
        return _quote(doc, cast, found.span("name"), found.span("said"), found["verb"], named=False)
    found = _COLON.match(line)
    if found is not None:
        return _quote(doc, cast, found.span("name"), found.span("said"), ":", named=True)
    return []


def _quote(doc: Doc, cast: Cast, name: tuple[int, int], said: tuple[int, int], cue: str, named: bool) -> list[Quote]:
    """The quote, when who is named is someone: before a colon, only an actor the article names
    ("Poll:", "Update:", "Brexit:" name no one who speaks); before "says", also a description
    ("Former Aide Says")."""
    span = doc.char_span(*name, alignment_mode="expand")
    if span is None or not len(span):
        return []
    actor = cast.actor_in(list(span))
    if named and (actor is None or actor.type != "PERSON"):
        return []
    voice = speaker_of(cast, span.root)
    if voice.name is None:
        return []
    start, end = said
    quote = Quote(start, end, cast.text[start:end], "indirect", voice.name, voice.actor, cue, voice.anonymous)
    return [quote]
