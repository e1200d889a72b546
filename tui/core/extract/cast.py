"""The cast of one article: its actors, and how to resolve a word to one of them (a name, a
pronoun, a role, a description). Built by `actors.find_actors`; read by the quote rules."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, Entity
from .grouping import slug
from .lexicon import GROUP_PRONOUNS, PERSON_NOUNS, PERSON_PRONOUNS, ROLE_NOUNS
from .pronouns import References, pronoun_gender, read_references
from .roles import role_key
from .syntax import SUBJECT_DEPS, sentence_start

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


@dataclass
class Cast:
    """The actors of one article, and what is needed to resolve a word to one of them."""

    doc: Doc
    text: str
    entities: list[Entity]
    actors: list[Actor]
    token_actor: list[int] = field(default_factory=list)  # token index -> actor index, or -1
    #: where the story is not telling in its own voice (inside quote marks, a video's blurb)
    off_story: Callable[[int], bool] | None = None
    _person_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _person_ids: list[int] = field(default_factory=list, init=False, repr=False)
    _group_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _group_ids: list[int] = field(default_factory=list, init=False, repr=False)
    _role_index: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _refs: References = field(default_factory=References, init=False, repr=False)
    _subject_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _plural_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _center_starts: list[int] = field(default_factory=list, init=False, repr=False)

    def claim(self, idx: int, tokens: list[Token], over_nouns: bool = False) -> None:
        """Record `tokens` as a mention of actor `idx`: in its mentions, and for each token not
        already another actor's (or, with `over_nouns`, that is a common noun) as this actor's."""
        self.actors[idx].mentions.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
        for t in tokens:
            if self.token_actor[t.i] < 0 or (over_nouns and t.pos_ == "NOUN"):
                self.token_actor[t.i] = idx

    def add_actor(self, name: str, code: str, uses: list[list[Token]]) -> int:
        """Add an actor the article never names and refers to only by `uses` (token runs), and
        return its index."""
        taken = {a.id for a in self.actors}
        actor = Actor(id=slug(name, taken), name=name, type=code, unnamed=True)
        idx = len(self.actors)
        self.actors.append(actor)
        for tokens in uses:
            written = self.doc[tokens[0].i : tokens[-1].i + 1].text
            if written != name and written not in actor.aliases:
                actor.aliases.append(written)
            self.claim(idx, tokens)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            self.entities.append(Entity(start, end, self.text[start:end], code, actor.id))
        return idx

    def aside(self, char: int) -> bool:
        """Whether `char` is in a quotation or an aside: a name there is not whom the story turns
        to, so never what a later "he" or "she" stands for."""
        return self.off_story is not None and self.off_story(char)

    def actor_of_token(self, token: Token) -> Actor | None:
        idx = self.token_actor[token.i]
        return self.actors[idx] if idx >= 0 else None

    def actor_in(self, tokens) -> Actor | None:
        """The actor a phrase names: its head, else a name in apposition or compound with it
        ("the British aid group Gatsby"), never a modifier ("Western officials")."""
        tokens = list(tokens)
        for t in tokens:
            if t.head not in tokens or t.head.i == t.i:
                hit = self.actor_of_token(t)
                if hit:
                    return hit
        heads = [t for t in tokens if t.head not in tokens or t.head.i == t.i]
        for t in tokens:
            hit = self.actor_of_token(t)
            if hit and hit.type != "NORP" and t.dep_ in ("appos", "compound", "flat") and t.head in heads:
                if t.dep_ == "compound" and t.head.tag_ == "NNS":
                    continue  # "Brexit backers", "UK carmakers": people named after something else
                if t.dep_ == "compound" and hit.type in ("GPE", "LOC", "FAC") and t.head.pos_ == "NOUN":
                    continue  # "a Vancouver hockey coach", "the Halden police": from there, not the place
                return hit
        return None

    def last_subject(self, char: int, window: int = 1500) -> Actor | None:
        """The actor who last spoke before `char`: whose statement, report or release it is."""
        pos = bisect_left(self._subject_starts, char) - 1
        if pos < 0 or char - self._subject_starts[pos] > window:
            return None
        return self.actors[self._refs.speech_subjects[pos][1]]

    def group_mention_before(self, token: Token, window: int = 1500) -> int | None:
        """Where the nearest organisation, group or country was named before `token`."""
        pos = bisect_left(self._group_starts, token.idx) - 1
        if pos < 0 or token.idx - self._group_starts[pos] > window:
            return None
        return self._group_starts[pos]

    def plural_antecedent(self, token: Token, window: int = 600) -> Token | None:
        """For "they": the nearest plural common-noun subject before it ("political analysts")."""
        pos = bisect_left(self._plural_starts, token.idx) - 1
        if pos < 0 or token.idx - self._plural_starts[pos] > window:
            return None
        return self.doc[self._refs.plural_subjects[pos][1]]

    def by_role(self, phrase: str, at: int | None = None, window: int = 1500) -> Actor | None:
        """The one actor who holds the role `phrase` names: as written ("NATO chief"), or by its
        last word alone ("the minister" when one person named in the story is a minister). When
        several hold it, the one the story turned to last before `at` ("Foreign Minister Ada
        Holm" after "Prime Minister Bo Li"), if the story is still about them."""
        key = role_key(phrase)
        idx = self._role_index.get(key)
        if idx is None and key in ROLE_NOUNS:
            holders = {
                i for k, i in self._role_index.items() if k.split()[-1] == key and self.actors[i].type == "PERSON"
            }
            if len(holders) == 1:
                idx = holders.pop()
            elif holders and at is not None:
                pos = bisect_left(self._center_starts, at) - 1
                if pos >= 0 and at - self._center_starts[pos] <= window and self._refs.centers[pos][1] in holders:
                    idx = self._refs.centers[pos][1]
        return self.actors[idx] if idx is not None else None

    def resolve_pronoun(self, token: Token, window: int = 1500, other_than: Actor | None = None) -> Actor | None:
        """The actor a pronoun most likely stands for: the nearest fitting actor before it (and
        not `other_than`: "his father, Henrik Lind" is not Henrik Lind's own)."""
        skip = self.actors.index(other_than) if other_than is not None else -1
        if token.i in self._refs.pronouns and self._refs.pronouns[token.i] != skip:
            return self.actors[self._refs.pronouns[token.i]]
        word = token.lower_
        if word in PERSON_PRONOUNS:
            starts, ids = self._person_starts, self._person_ids
            wanted = pronoun_gender(word)
            pos = bisect_left(starts, token.idx) - 1
            while pos >= 0 and token.idx - starts[pos] <= window:
                if ids[pos] != skip and self._refs.gender.get(ids[pos], wanted) == wanted:
                    return self.actors[ids[pos]]
                pos -= 1
            return None
        elif word in GROUP_PRONOUNS:
            starts, ids = self._group_starts, self._group_ids
        else:
            return None
        if word == "it" and token.dep_ in SUBJECT_DEPS:
            # "It said ...": the organisation the story last had speaking, not the nearest place
            pos = bisect_left(self._subject_starts, token.idx) - 1
            while pos >= 0 and token.idx - self._subject_starts[pos] <= window:
                actor = self.actors[self._refs.speech_subjects[pos][1]]
                if actor.type == "ORG":
                    return actor
                pos -= 1
        pos = bisect_left(starts, token.idx) - 1
        if pos < 0 or token.idx - starts[pos] > window:
            return None
        return self.actors[ids[pos]]

    def center_for(self, token: Token, window: int = 1500) -> Actor | None:
        """The person the story is about where a person pronoun stands ("her statement read"):
        the last center within `window` whose gender the pronoun does not contradict."""
        wanted = pronoun_gender(token.lower_)
        pos = bisect_left(self._center_starts, token.idx) - 1
        while pos >= 0 and token.idx - self._center_starts[pos] <= window:
            idx = self._refs.centers[pos][1]
            if self.actors[idx].type == "PERSON" and self._refs.gender.get(idx, wanted) == wanted:
                return self.actors[idx]
            pos -= 1
        return None

    def confident_pronoun(self, token: Token) -> Actor | None:
        """Resolve a person pronoun only when a single person is named since the previous sentence."""
        if token.lower_ not in PERSON_PRONOUNS:
            return None
        start = sentence_start(token)
        if start > 0:
            start = sentence_start(self.doc[start - 1])
        prev_start = self.doc[start].idx
        lo = bisect_left(self._person_starts, prev_start)
        hi = bisect_left(self._person_starts, token.idx)
        found = {self._person_ids[i] for i in range(lo, hi)}
        if len(found) != 1:
            return None
        return self.actors[found.pop()]

    def unnamed_antecedent(self, token: Token) -> Token | None:
        """For a pronoun that stands for an unnamed person ("a senior official ... he said"), the
        subject that introduced them."""
        i = self._refs.unnamed.get(token.i)
        return self.doc[i] if i is not None else None

    def centers_between(self, lo: int, hi: int) -> list[tuple[int, Actor]]:
        """The people the story turned to between two characters: (where, who), in text order."""
        a, b = bisect_left(self._center_starts, lo), bisect_left(self._center_starts, hi)
        return [(c, self.actors[i]) for c, i in self._refs.centers[a:b]]

    def gender(self, actor: Actor) -> str | None:
        """ "m" or "f" where the article shows it, else None."""
        return self._refs.gender.get(self.actors.index(actor))

    def role_owners(self) -> dict[str, int]:
        """Each role (as `role_key` writes it) held by exactly one actor, with that actor's index."""
        return dict(self._role_index)

    def index_roles(self) -> None:
        """Index the roles held by one actor only, for `by_role` and `role_owners`."""
        counts: Counter = Counter()
        owner: dict[str, int] = {}
        for idx, actor in enumerate(self.actors):
            for role in actor.roles:
                key = role_key(role)
                counts[key] += 1
                owner[key] = idx
        self._role_index = {k: v for k, v in owner.items() if counts[k] == 1 and len(k) > 2}

    def index_mentions(self) -> None:
        """Index where people and groups are named, resolve subject pronouns, then put the
        entities and each actor's mentions in text order."""
        self._index_pronoun_targets()
        self._refs = read_references(self)
        for idx, start, end in self._refs.mentions:
            self.actors[idx].mentions.append((start, end))
        self._subject_starts = [c for c, _ in self._refs.speech_subjects]
        self._plural_starts = [c for c, _ in self._refs.plural_subjects]
        self._center_starts = [c for c, _ in self._refs.centers]
        self._settle_people()
        self.entities.sort(key=lambda e: e.start)
        for actor in self.actors:
            actor.mentions.sort()

    def _settle_people(self) -> None:
        """A lone name the model called a person, with no sign in the article that it is one (no
        title or role, no he or she, never speaking, never named in full), or that the article
        calls "it", is taken for an organisation: "Brexit", "Twitter", "Facebook said it ..."."""
        speakers = {idx for _, idx in self._refs.speech_subjects}
        listed = self._people_in_company()
        for idx, actor in enumerate(self.actors):
            if actor.type != "PERSON" or " " in actor.name or any(" " in a for a in actor.aliases):
                continue
            if idx not in self._refs.neuter and (
                actor.roles
                or idx in self._refs.gender
                or idx in speakers
                or idx in listed
                or idx in self._refs.pronouns.values()
            ):
                continue
            actor.type = "ORG"
            for entity in self.entities:
                if entity.actor == actor.id:
                    entity.type = "ORG"

    def _people_in_company(self) -> set[int]:
        """People named beside other people ("Demi, Bri and Tracy") or with a family or person
        word of their own ("Jim's father")."""
        found: set[int] = set()
        for entity in self.entities:
            if entity.type != "PERSON":
                continue
            span = self.doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            idx = self.token_actor[root.i]
            if idx < 0:
                continue
            near = [root.head] if root.dep_ in ("conj", "appos") else []
            near += [c for c in root.children if c.dep_ in ("conj", "appos")]
            if any(
                self.token_actor[t.i] >= 0
                and self.actors[self.token_actor[t.i]].type == "PERSON"
                and self.token_actor[t.i] != idx
                for t in near
            ):
                found.add(idx)
            if root.dep_ == "poss" and root.head.lower_ in PERSON_NOUNS:
                found.add(idx)
        return found

    def _index_pronoun_targets(self) -> None:
        people: list[tuple[int, int]] = []
        groups: list[tuple[int, int]] = []
        for idx, actor in enumerate(self.actors):
            target = people if actor.type == "PERSON" else groups if actor.type in ("ORG", "NORP", "GPE") else None
            if target is not None:
                target.extend((start, idx) for start, _ in actor.mentions)
        people.sort()
        groups.sort()
        self._person_starts = [s for s, _ in people]
        self._person_ids = [i for _, i in people]
        self._group_starts = [s for s, _ in groups]
        self._group_ids = [i for _, i in groups]
