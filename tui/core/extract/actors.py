"""Who is in the story: entities made consistent across the article and merged into actors.

spaCy labels each mention on its own, so one person can come out as a PERSON, an ORG and a GPE.
These rules read the article as a whole: one type per name (mentions.py), roles from the words
around a name (roles.py), surnames and titles joined to the full name, acronyms to long forms, a
capital used as an agent to its country (grouping.py), and descriptions that stand for an actor
(descriptions.py). The result is a Cast (cast.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cast import Cast
from .descriptions import add_descriptions, link_delayed_names
from .grouping import build_actors
from .kinship import name_kin
from .marks import QuoteMask, find_marks
from .mentions import complete_mentions, named_mentions
from .roles import with_roles
from .unnamed import add_unnamed_actors

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .page import Page


def find_actors(doc: Doc, page: Page | None = None, text: str | None = None) -> Cast:
    """The actors of a parsed article, with everything needed to resolve a word to one; none
    from the page's furniture and credits."""
    text = doc.text if text is None else text
    mentions = complete_mentions(doc, with_roles(doc, named_mentions(doc, page)), page)
    actors, entities, token_actor = build_actors(doc, mentions, text)
    quoted = QuoteMask(find_marks(text))

    def off_story(char: int) -> bool:
        return quoted.find(char) is not None or (page is not None and (page.covers(char) or page.in_tweet(char)))

    cast = Cast(doc=doc, text=text, entities=entities, actors=actors, token_actor=token_actor, off_story=off_story)
    link_delayed_names(cast)
    cast.index_roles()
    add_descriptions(cast)
    add_unnamed_actors(cast)
    cast.index_mentions()
    name_kin(cast)
    return cast
