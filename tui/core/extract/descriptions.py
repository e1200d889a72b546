"""Descriptions that stand for an actor: "the attorney general" named later as Lord Goldsmith,
"the NATO chief" for the only NATO chief, "the government" for the only government named."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from .lexicon import BODY_DESCRIPTION_HEADS, GROUP_ROLE_NOUNS, KINSHIP, ROLE_NOUNS
from .roles import role_key
from .syntax import SUBJECT_DEPS, np_core, span_text, token_list

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .cast import Cast


_OWNER_WORDS = {"its", "his", "her", "their", "the"}


def link_delayed_names(cast: Cast, reach: int = 800) -> None:
    """News often names a person after describing them: "The attorney general has denied ...
    Lord Goldsmith said ...". A definite, singular role description that is a subject and names
    no one is the next person named after it who has no role of their own."""
    _DelayedNames(cast, reach).link()


class _DelayedNames:
    """The people of the article in text order, and the descriptions already linked to them."""

    def __init__(self, cast: Cast, reach: int) -> None:
        self.cast, self.reach = cast, reach
        self.people = sorted(
            (start, idx) for idx, a in enumerate(cast.actors) if a.type == "PERSON" for start, _ in a.mentions
        )
        self.starts = [s for s, _ in self.people]
        self.taken: set[int] = set()
        self.linked: dict[str, int] = {}
        self.held: dict[str, list[int]] = defaultdict(list)  # a role as written before a name -> who holds it
        for idx, a in enumerate(cast.actors):
            for role in a.roles:
                self.held[role_key(role)].append(idx)
        self.title_end = cast.text.find("\n") if "\n" in cast.text else len(cast.text)
        self.first_seen = {
            idx: min(start for start, _ in a.mentions) for idx, a in enumerate(cast.actors) if a.mentions
        }

    def link(self) -> None:
        cast = self.cast
        for token in token_list(cast.doc):
            if not _role_subject(cast, token):
                continue
            owners = [c for c in token.children if c.dep_ in ("det", "poss")]
            if not owners or not (owners[0].lower_ in _OWNER_WORDS or owners[0].dep_ == "poss"):
                continue
            core = [t for t in np_core(cast.doc, token, rights=("prep",), preps=("of",)) if t.i >= owners[0].i]
            while core and (core[0].lower_ in _OWNER_WORDS or core[0].dep_ == "det"):
                core.pop(0)
            if not core or any(
                cast.token_actor[t.i] >= 0 and cast.actors[cast.token_actor[t.i]].type == "PERSON" for t in core
            ):
                continue
            if len(core) < 2:
                continue  # a bare "minister" could be anyone
            self._description(token, owners[0].i, core)

    def _description(self, token: Token, first: int, core: list[Token]) -> None:
        """A description with no name in it: the title of the name just before it, the person
        the same description was linked to, whoever holds that role, or the next person named."""
        cast, doc = self.cast, self.cast.doc
        phrase = span_text(doc, core)
        if first >= 2 and doc[first - 1].text in ("–", "—", "-", ",") and cast.token_actor[first - 2] >= 0:
            named = cast.actors[cast.token_actor[first - 2]]  # "Schuh – the chair of ... –": his title
            if named.type == "PERSON" and phrase not in named.roles:
                named.roles.append(phrase)
            return
        key = role_key(phrase)
        if key in self.linked:  # the same description again: the same person
            cast.claim(self.linked[key], core)
            return
        if len(self.held.get(key, ())) == 1:  # "the prime minister": whoever is Prime Minister
            cast.claim(self.held[key][0], core)
            return
        self._next_person(token, phrase, core)

    def _next_person(self, token: Token, phrase: str, core: list[Token]) -> None:
        """The next person named within reach, outside quoted words, who has no role of their own
        and was not introduced before the description."""
        cast = self.cast
        pos = bisect_left(self.starts, token.idx + len(token.text))
        while pos < len(self.people) and self.people[pos][0] - token.idx <= self.reach:
            idx = self.people[pos][1]
            actor = cast.actors[idx]
            introduced_later = self.first_seen[idx] > token.idx or self.first_seen[idx] < self.title_end
            quoted = cast.aside(self.people[pos][0])  # (a name in someone's quoted words names no speaker)
            if not actor.roles and idx not in self.taken and introduced_later and not quoted:
                self.taken.add(idx)
                self.linked[role_key(phrase)] = idx
                actor.roles.append(phrase)
                if phrase not in actor.aliases:
                    actor.aliases.append(phrase)
                cast.claim(idx, core)
                return
            pos += 1


def _role_subject(cast: Cast, token: Token) -> bool:
    """A singular role noun, in no mention, subject of its verb, with no name beside it ("Canada's
    foreign minister Chrystia Freeland" is named on the spot)."""
    if (
        token.dep_ not in SUBJECT_DEPS
        or token.pos_ != "NOUN"
        or token.tag_ != "NN"
        or cast.token_actor[token.i] >= 0
        or token.lower_ not in ROLE_NOUNS
        or token.lower_ in GROUP_ROLE_NOUNS
        or token.lower_ in KINSHIP
    ):
        return False
    return not any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in token.children)


def add_descriptions(cast: Cast) -> None:
    """Definite descriptions the article uses for an actor ("the NATO chief", "the government"
    for the only government named) become mentions and aliases."""
    doc = cast.doc
    descriptions = cast.role_owners()
    heads = Counter(
        a.name.split()[-1].lower() for a in cast.actors if a.name.split()[-1].lower() in BODY_DESCRIPTION_HEADS
    )
    for idx, actor in enumerate(cast.actors):
        head = actor.name.split()[-1].lower()
        if " " in actor.name and heads.get(head) == 1:
            descriptions.setdefault(head, idx)
    if not descriptions:
        return
    text = cast.text.replace("’", "'")
    pattern = re.compile(
        r"\bthe (" + "|".join(re.escape(r) for r in sorted(descriptions, key=len, reverse=True)) + r")\b", re.I
    )
    for match in pattern.finditer(text):
        start, end = match.start(1), match.end(1)
        span = doc.char_span(start, end)
        if span is None:  # not on token boundaries
            continue
        nxt = text[end : end + 2]
        if nxt[:1] == " " and nxt[1:2].isupper():
            continue  # the role before a name, already counted
        idx = descriptions[role_key(match.group(1))]
        actor = cast.actors[idx]
        written = cast.text[start:end]
        if written not in actor.aliases:
            actor.aliases.append(written)
        cast.claim(idx, list(span), over_nouns=True)
