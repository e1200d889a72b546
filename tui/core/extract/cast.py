"""The cast of one article: its actors, and how to resolve a word to one of them (a name, a
pronoun, a role, a description). Built by `actors.find_actors`; read by the quote rules."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import GROUP_PRONOUNS, PERSON_PRONOUNS, SPEECH_VERBS
from .roles import role_key
from .syntax import SUBJECT_DEPS
from ..model import Actor, Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


@dataclass
class Cast:
    """The actors of one article, and what is needed to resolve a word to one of them."""

    doc: "Doc"
    text: str
    entities: list[Entity]
    actors: list[Actor]
    token_actor: list[int] = field(default_factory=list)  # token index -> actor index, or -1
    _person_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _person_ids: list[int] = field(default_factory=list, init=False, repr=False)
    _group_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _group_ids: list[int] = field(default_factory=list, init=False, repr=False)
    _role_index: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _pronouns: dict[int, int] = field(default_factory=dict, init=False, repr=False)  # token -> actor
    _subject_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _plural_subjects: list[tuple[int, int]] = field(default_factory=list, init=False, repr=False)  # (char, token)
    _subject_ids: list[int] = field(default_factory=list, init=False, repr=False)

    def claim(self, idx: int, tokens: list["Token"], over_nouns: bool = False) -> None:
        """Record `tokens` as a mention of actor `idx`: in its mentions, and for each token not
        already another actor's (or, with `over_nouns`, that is a common noun) as this actor's."""
        self.actors[idx].mentions.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
        for t in tokens:
            if self.token_actor[t.i] < 0 or (over_nouns and t.pos_ == "NOUN"):
                self.token_actor[t.i] = idx

    def actor_of_token(self, token: "Token") -> Actor | None:
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
                return hit
        return None

    def last_subject(self, char: int, window: int = 1500) -> Actor | None:
        """The actor who last spoke before `char`: whose statement, report or release it is."""
        pos = bisect_left(self._subject_starts, char) - 1
        if pos < 0 or char - self._subject_starts[pos] > window:
            return None
        return self.actors[self._subject_ids[pos]]

    def group_mention_before(self, token: "Token", window: int = 1500) -> int | None:
        """Where the nearest organisation, group or country was named before `token`."""
        pos = bisect_left(self._group_starts, token.idx) - 1
        if pos < 0 or token.idx - self._group_starts[pos] > window:
            return None
        return self._group_starts[pos]

    def plural_antecedent(self, token: "Token", window: int = 600) -> "Token | None":
        """For "they": the nearest plural common-noun subject before it ("political analysts")."""
        pos = bisect_left(self._plural_subjects, (token.idx, -1)) - 1
        if pos < 0 or token.idx - self._plural_subjects[pos][0] > window:
            return None
        return self.doc[self._plural_subjects[pos][1]]

    def by_role(self, phrase: str) -> Actor | None:
        idx = self._role_index.get(role_key(phrase))
        return self.actors[idx] if idx is not None else None

    def resolve_pronoun(self, token: "Token", window: int = 1500) -> Actor | None:
        """The actor a pronoun most likely stands for: the nearest fitting actor before it."""
        if token.i in self._pronouns:
            return self.actors[self._pronouns[token.i]]
        word = token.lower_
        if word in PERSON_PRONOUNS:
            starts, ids = self._person_starts, self._person_ids
        elif word in GROUP_PRONOUNS:
            starts, ids = self._group_starts, self._group_ids
        else:
            return None
        pos = bisect_left(starts, token.idx) - 1
        if pos < 0 or token.idx - starts[pos] > window:
            return None
        return self.actors[ids[pos]]

    def confident_pronoun(self, token: "Token") -> Actor | None:
        """Resolve a person pronoun only when a single person is named since the previous sentence."""
        if token.lower_ not in PERSON_PRONOUNS:
            return None
        sent = token.sent
        prev_start = sent.start_char
        if sent.start > 0:
            prev_start = self.doc[sent.start - 1].sent.start_char
        lo = bisect_left(self._person_starts, prev_start)
        hi = bisect_left(self._person_starts, token.idx)
        found = {self._person_ids[i] for i in range(lo, hi)}
        if len(found) != 1:
            return None
        return self.actors[found.pop()]


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
        self._resolve_subject_pronouns()
        self.entities.sort(key=lambda e: e.start)
        for actor in self.actors:
            actor.mentions.sort()

    def _index_pronoun_targets(self) -> None:
        people, groups = [], []
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

    def _resolve_subject_pronouns(self, window: int = 1500) -> None:
        """A person pronoun that is a subject stands for the last person who was a subject: the one
        the story is about (centering), not merely the last name mentioned. Confident ones become
        mentions."""
        last: tuple[int, int] | None = None  # (char, actor index)
        subjects: list[tuple[int, int]] = []
        for token in self.doc:
            is_subject = token.dep_ in SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.dep_ == "agent")
            idx = self.token_actor[token.i]
            if idx < 0 and is_subject and token.pos_ in ("NOUN", "PROPN"):
                named = self.actor_in(list(token.subtree))  # "the British aid group Gatsby"
                idx = self.actors.index(named) if named is not None and named.type in ("PERSON", "ORG") else -1
            if idx >= 0 and is_subject and token.head.lemma_ in SPEECH_VERBS:
                subjects.append((token.idx, idx))
            if is_subject and idx < 0 and token.tag_ in ("NNS", "NNPS") and _salient(token):
                self._plural_subjects.append((token.idx, token.i))
            if idx >= 0 and is_subject and self.actors[idx].type == "PERSON" and _salient(token):
                last = (token.idx, idx)
            elif token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
                target = None
                if is_subject and last is not None and token.idx - last[0] <= window:
                    target = last[1]
                confident = self.confident_pronoun(token)
                if target is None and confident is not None:
                    target = self.actors.index(confident)
                if target is not None:
                    self._pronouns[token.i] = target
                    if is_subject and _salient(token):
                        last = (token.idx, target)
                    if confident is not None or is_subject:
                        self.actors[target].mentions.append((token.idx, token.idx + len(token.text)))
        self._subject_starts = [c for c, _ in subjects]
        self._subject_ids = [i for _, i in subjects]


def _salient(token: "Token") -> bool:
    """A subject of the main clause, of a speech verb, or the agent of a passive."""
    head = token.head
    if token.dep_ == "pobj":
        return True
    return head.dep_ == "ROOT" or head.lemma_ in SPEECH_VERBS or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
