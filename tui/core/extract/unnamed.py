"""Actors the story never names but keeps referring to by a definite description: "the
government", "the state police", "the Prime Minister's Office", "China's ambassador to Canada".
A description used twice, or once as the subject of a speech verb, is an actor of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import BODY_DESCRIPTION_HEADS, INSTITUTION_NOUNS, SPEECH_VERBS
from .roles import role_key
from .syntax import SUBJECT_DEPS, np_core, span_text, token_list

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .cast import Cast

#: Heads of a person the story may refer to by post, with whose post it is ("China's
#: ambassador to Canada", "the head of the army"); a bare "the minister" could be anyone.
_POST_HEADS = frozenset(
    """ambassador envoy head chief spokesperson spokesman spokeswoman commander director
    minister secretary president chairman chairwoman chair leader""".split()
)


def add_unnamed_actors(cast: Cast) -> None:
    """Make an actor of each definite description the article keeps using for someone it never
    names."""
    doc = cast.doc
    uses: dict[str, list[list[Token]]] = {}
    kinds: dict[str, str] = {}
    speaking: set[str] = set()
    for token in token_list(doc):
        found = _description(cast, token)
        if found is None:
            continue
        core, kind = found
        key = role_key(span_text(doc, core))
        uses.setdefault(key, []).append(core)
        kinds[key] = kind
        if token.dep_ in SUBJECT_DEPS and token.head.lemma_ in SPEECH_VERBS:
            speaking.add(key)
    # a bare "the police" repeated is the story's police, unless the story names an institution
    # already ("Kenyan security forces"), which it may be part of: then only when it speaks
    named_institution = any(" " in a.name and a.name.split()[-1].lower() in INSTITUTION_NOUNS for a in cast.actors)
    for key, found_cores in uses.items():
        bare = " " not in key
        if key not in speaking and (
            len(found_cores) < 2 or (bare and (named_institution or key not in INSTITUTION_NOUNS))
        ):
            continue
        if cast.by_role(key) is not None:
            continue  # "the prime minister": a role someone named holds
        name = max((span_text(doc, core) for core in found_cores), key=len)
        cast.add_actor(name, kinds[key], found_cores)


def _description(cast: Cast, token: Token) -> tuple[list[Token], str] | None:
    """The words of a definite description of a body or a post headed by `token` that names no
    person, and the kind of actor it is ("ORG" or "PERSON"); None if it is none."""
    if token.pos_ != "NOUN" or cast.token_actor[token.i] >= 0:
        return None
    low = token.lower_
    body = low in BODY_DESCRIPTION_HEADS and token.tag_ in ("NN", "NNS")
    post = low in _POST_HEADS and token.tag_ == "NN"
    if not (body or post) or not _definite(token):
        return None
    owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "to", "for")) for c in token.children)
    if post and not owned:
        return None
    core = np_core(cast.doc, token, rights=("prep", "compound"), preps=("of", "to", "for"))
    core = [t for t in core if t.dep_ != "det"]
    if not core or any(
        cast.token_actor[t.i] >= 0 and cast.actors[cast.token_actor[t.i]].type == "PERSON" for t in core
    ):
        return None
    if len(core) > 8 or any(t.dep_ in ("relcl", "acl") for t in core):
        return None
    return core, "ORG" if body else "PERSON"


def _definite(token: Token) -> bool:
    """ "the government", "China's ambassador": a description of one particular body or post."""
    for child in token.children:
        if child.dep_ == "poss":
            return child.pos_ != "PRON"  # "his office" is whoever "his" is
        if child.dep_ == "det":
            return child.lower_ == "the"
    return False
