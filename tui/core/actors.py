"""Who is in the story: entities made consistent across the article and merged into actors.

spaCy labels each mention on its own, so one person can come out as a PERSON, an ORG and a GPE.
These rules read the article as a whole: one label per name, surnames and titles joined to the
full name, acronyms to long forms, a capital used as an agent to its country, and roles taken
from the words around a name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import (
    CAPITALS,
    COUNTRY_SYNONYMS,
    GROUP_PRONOUNS,
    HONORIFICS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
)
from .model import ACTOR_LABELS, Actor, Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

_POSSESSIVE = {"'s", "’s", "'", "’"}
_STOP_INITIALS = {"of", "the", "and", "for", "de", "du", "la", "le", "on", "in", "&"}
_AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
_BREAKS = {",", ";", ":", "(", ")", "—", "–", '"', "“", "”", "‘", "’", "'", "[", "]"}
_SYNONYM_OF = {form: group for group in COUNTRY_SYNONYMS for form in group}
_PREFERRED_LABEL = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")


@dataclass
class Mention:
    start: int  # token index
    end: int
    label: str
    key: str  # the name as written, cleaned
    char_start: int = 0
    char_end: int = 0


@dataclass
class Cast:
    """The actors of one article, and what is needed to resolve a word to one of them."""

    doc: "Doc"
    entities: list[Entity]
    actors: list[Actor]
    token_actor: list[int] = field(default_factory=list)
    _person_starts: list[int] = field(default_factory=list)
    _person_ids: list[int] = field(default_factory=list)
    _group_starts: list[int] = field(default_factory=list)
    _group_ids: list[int] = field(default_factory=list)
    _role_index: dict[str, int] = field(default_factory=dict)

    def actor_of_token(self, token: "Token") -> Actor | None:
        idx = self.token_actor[token.i]
        return self.actors[idx] if idx >= 0 else None

    def actor_in(self, tokens) -> Actor | None:
        """The actor named in a phrase: its head first, else any name in it."""
        tokens = list(tokens)
        for t in tokens:
            if t.dep_ in ("nsubj", "nsubjpass") or t.head not in tokens:
                hit = self.actor_of_token(t)
                if hit:
                    return hit
        for t in tokens:
            hit = self.actor_of_token(t)
            if hit and t.dep_ not in ("poss", "pobj", "compound", "nmod"):
                return hit
        return None

    def by_role(self, phrase: str) -> Actor | None:
        idx = self._role_index.get(_role_key(phrase))
        return self.actors[idx] if idx is not None else None

    def resolve_pronoun(self, token: "Token", window: int = 1500) -> Actor | None:
        """The actor a pronoun most likely stands for: the nearest fitting actor before it."""
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


def _role_key(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"\s+", " ", text.replace("’", "'")).lower()


def _clean(doc: "Doc", start: int, end: int, label: str) -> tuple[int, int]:
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or (doc[end - 1].is_punct and doc[end - 1].text != ".")):
        end -= 1
    if label == "PERSON":
        while end - start > 1 and doc[start].lower_ in HONORIFICS:
            start += 1
    return start, end


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _STOP_INITIALS]
    return "".join(w[0] for w in words if w[0].isupper())


def _acronym(name: str) -> str | None:
    bare = name.replace(".", "")
    return bare if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() and " " not in name else None


def _descends_within(token: "Token", root: "Token", lo: int, hi: int) -> bool:
    node = token
    for _ in range(12):
        if node.i == root.i:
            return True
        if node.head.i == node.i or not lo <= node.head.i < hi:
            return False
        node = node.head
    return False


def _is_role(tokens: list["Token"]) -> bool:
    words = [t for t in tokens if t.is_alpha]
    if not words or len(tokens) > 10:
        return False
    return any(
        t.lower_ in ROLE_NOUNS or t.lower_ in HONORIFICS or (t.pos_ == "NOUN" and t.is_lower) for t in words
    )


def _span_text(doc: "Doc", tokens: list["Token"]) -> str:
    if not tokens:
        return ""
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def role_before(doc: "Doc", start: int, end: int) -> tuple[int, str] | None:
    """The title written before a name ("NATO Secretary-General Jens Stoltenberg")."""
    root = doc[start:end].root
    j, first = start - 1, start
    while j >= 0:
        t = doc[j]
        if t.text in _BREAKS or t.is_sent_end or t.pos_ in ("VERB", "AUX", "DET", "PRON", "SCONJ", "CCONJ"):
            break
        if t.pos_ == "ADP" and t.lower_ != "of":
            break
        if not _descends_within(t, root, j, end):
            break
        first = j
        j -= 1
    tokens = [doc[k] for k in range(first, start)]
    while tokens and (tokens[0].pos_ in ("ADP", "PUNCT") or tokens[0].text in _POSSESSIVE):
        tokens.pop(0)
    if tokens and _is_role(tokens):
        return tokens[0].i, _span_text(doc, tokens)
    return None


def _np_core(doc: "Doc", head: "Token") -> list["Token"]:
    """A noun phrase without determiners, relative clauses and trailing punctuation."""
    keep = {head.i}
    for child in head.lefts:
        if child.dep_ not in ("det", "punct", "predet"):
            keep.update(t.i for t in child.subtree)
    for child in head.rights:
        if child.dep_ in ("prep", "compound", "amod", "nummod", "poss", "cc", "conj"):
            keep.update(t.i for t in child.subtree if t.dep_ not in ("relcl", "acl") or t.i == child.i)
    lo, hi = min(keep), max(keep)
    tokens = [doc[k] for k in range(lo, hi + 1)]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc",)):
        tokens.pop()
    while tokens and tokens[0].pos_ in ("DET", "PUNCT"):
        tokens.pop(0)
    return tokens


def roles_around(doc: "Doc", start: int, end: int) -> list[str]:
    """Roles stated beside a name: apposition either side, and "X is/was the ..."."""
    root = doc[start:end].root
    found = []
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and not child.ent_type_:
            tokens = _np_core(doc, child)
            if tokens and _is_role(tokens):
                found.append(_span_text(doc, tokens))
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and not head.ent_type_ and head.i < start:
        tokens = _np_core(doc, head)
        tokens = [t for t in tokens if t.i < start]
        if tokens and _is_role(tokens):
            found.append(_span_text(doc, tokens))
    if root.dep_ == "nsubj" and head.lemma_ == "be":
        for child in head.rights:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                tokens = _np_core(doc, child)
                if tokens and _is_role(tokens):
                    found.append(_span_text(doc, tokens))
    return found


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _raw_mentions(doc: "Doc") -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        s, e = _clean(doc, ent.start, ent.end, ent.label_)
        if s >= e:
            continue
        key = doc[s:e].text
        if not any(ch.isalpha() for ch in key) or not key[0].isupper() and not key[0].isdigit():
            continue
        mentions.append(Mention(s, e, ent.label_, key))
    return mentions


def _consistent_labels(mentions: list[Mention]) -> None:
    """One label per name: a surname of a person is a person; otherwise the majority."""
    surnames = {m.key.split()[-1] for m in mentions if m.label == "PERSON" and len(m.key.split()) > 1}
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.key][m.label] += 1
    for m in mentions:
        if " " not in m.key and m.key in surnames and m.key not in CAPITALS and m.key not in _SYNONYM_OF:
            m.label = "PERSON"
            continue
        if m.key in CAPITALS or m.key in _SYNONYM_OF:
            m.label = "GPE"
            continue
        counts = votes[m.key]
        best = max(counts.values())
        winners = [lab for lab in _PREFERRED_LABEL if counts.get(lab) == best]
        if m.label not in winners:
            m.label = winners[0]


def _extra_mentions(doc: "Doc", mentions: list[Mention]) -> list[Mention]:
    """Occurrences of a name the model missed elsewhere in the article."""
    covered = bytearray(len(doc))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    forms: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    for m in mentions:
        if m.label in ("PERSON", "ORG", "GPE"):
            words = tuple(t.text for t in doc[m.start : m.end])
            forms[words[0]][words] = m.label
    extra = []
    for token in doc:
        if covered[token.i] or token.text not in forms or not token.text[:1].isupper():
            continue
        for words, label in sorted(forms[token.text].items(), key=lambda kv: -len(kv[0])):
            end = token.i + len(words)
            if end <= len(doc) and not any(covered[token.i : end]) and tuple(t.text for t in doc[token.i : end]) == words:
                extra.append(Mention(token.i, end, label, " ".join(words) if len(words) == 1 else doc[token.i : end].text))
                covered[token.i : end] = b"\x01" * len(words)
                break
    return extra


def find_actors(doc: "Doc") -> Cast:
    mentions = _raw_mentions(doc)
    _consistent_labels(mentions)
    # Drop names inside a person's title ("State" in "Secretary of State Antony Blinken").
    role_spans: list[tuple[int, int]] = []
    person_roles: dict[int, list[str]] = defaultdict(list)
    for idx, m in enumerate(mentions):
        if m.label in ("PERSON", "ORG"):
            before = role_before(doc, m.start, m.end)
            if before:
                role_spans.append((before[0], m.start))
                person_roles[idx].append(before[1])
            person_roles[idx].extend(roles_around(doc, m.start, m.end))
    inside_role = bytearray(len(doc))
    for lo, hi in role_spans:
        inside_role[lo:hi] = b"\x01" * (hi - lo)
    kept = [
        (m, person_roles.get(i, []))
        for i, m in enumerate(mentions)
        if not (inside_role[m.start] and m.label not in ("GPE", "NORP"))
    ]
    extra = _extra_mentions(doc, [m for m, _ in kept])
    kept.extend((m, []) for m in extra)
    kept.sort(key=lambda pair: pair[0].start)
    for m, _ in kept:
        m.char_start = doc[m.start].idx
        m.char_end = doc[m.end - 1].idx + len(doc[m.end - 1].text)

    # Group mentions under a canonical key.
    group_of: list[str] = []
    full_names = [m for m, _ in kept if m.label == "PERSON" and len(m.key.split()) > 1]
    by_surname: dict[str, list[Mention]] = defaultdict(list)
    by_first: dict[str, set[str]] = defaultdict(set)
    for m in full_names:
        by_surname[m.key.split()[-1]].append(m)
        by_first[m.key.split()[0]].add(m.key)
    keys = {m.key for m, _ in kept}
    acronyms: dict[str, str] = {}
    for key in keys:
        if " " in key:
            initials = _initials(key)
            if len(initials) >= 2:
                acronyms.setdefault(initials, key)
    agentive: set[str] = set()
    for m, _ in kept:
        if m.key in CAPITALS and any(doc[k].dep_ in _AGENT_DEPS for k in range(m.start, m.end)):
            agentive.add(m.key)

    def canonical(m: Mention) -> str:
        if m.label == "PERSON":
            if " " not in m.key:
                candidates = by_surname.get(m.key)
                if candidates:
                    before = [c for c in candidates if c.start < m.start]
                    return (before[-1] if before else candidates[0]).key
                firsts = by_first.get(m.key)
                if firsts and len(firsts) == 1:
                    return next(iter(firsts))
            return m.key
        key = m.key
        if key in _SYNONYM_OF:
            group = _SYNONYM_OF[key]
            present = sorted((k for k in keys if k in group), key=len, reverse=True)
            longest = max(group, key=lambda g: (len(g.split()), -len(g)))
            return present[0] if present and " " in present[0] else longest
        acr = _acronym(key)
        if acr and acr in acronyms:
            return acronyms[acr]
        if key in agentive:
            country = CAPITALS[key]
            country = canonical(Mention(0, 0, "GPE", country)) if country in _SYNONYM_OF else country
            return country
        return key

    groups: dict[str, list[tuple[Mention, list[str]]]] = defaultdict(list)
    for m, roles in kept:
        name = canonical(m)
        group_of.append(name)
        groups[(name, "PERSON" if m.label == "PERSON" else "OTHER")].append((m, roles))

    actors: list[Actor] = []
    taken: set[str] = set()
    token_actor = [-1] * len(doc)
    entities: list[Entity] = []
    order = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0].start))
    for (name, _kind), members in order:
        labels = Counter(m.label for m, _ in members)
        label = max(_PREFERRED_LABEL, key=lambda lab: (labels.get(lab, 0), -_PREFERRED_LABEL.index(lab)))
        if name in CAPITALS.values() or name in _SYNONYM_OF:
            label = "GPE" if label in ("GPE", "LOC") or name in CAPITALS.values() else label
        aliases, roles = [], []
        for m, rs in members:
            if m.key != name and m.key not in aliases:
                aliases.append(m.key)
            for r in rs:
                if r.lower() not in {x.lower() for x in roles}:
                    roles.append(r)
        actor = Actor(
            id=_slug(name, taken),
            name=name,
            type=label,
            roles=roles,
            aliases=aliases,
            mentions=[(m.char_start, m.char_end) for m, _ in members],
        )
        idx = len(actors)
        actors.append(actor)
        for m, _ in members:
            for k in range(m.start, m.end):
                token_actor[k] = idx
            entities.append(Entity(m.char_start, m.char_end, doc[m.start : m.end].text, m.label, actor.id))

    cast = Cast(doc=doc, entities=entities, actors=actors, token_actor=token_actor)
    _index_roles(cast)
    _add_descriptions(cast)
    _index_pronoun_targets(cast)
    _add_pronoun_mentions(cast)
    cast.entities.sort(key=lambda e: e.start)
    for actor in actors:
        actor.mentions.sort()
    return cast


def _index_roles(cast: Cast) -> None:
    counts: Counter = Counter()
    owner: dict[str, int] = {}
    for idx, actor in enumerate(cast.actors):
        for role in actor.roles:
            key = _role_key(role)
            counts[key] += 1
            owner[key] = idx
            # "NATO Secretary-General" also answers to its last words ("the secretary-general").
    cast._role_index = {k: v for k, v in owner.items() if counts[k] == 1}


def _add_descriptions(cast: Cast) -> None:
    """Definite descriptions the article uses for an actor ("the NATO chief") become mentions."""
    if not cast._role_index:
        return
    doc = cast.doc
    text = doc.text
    roles = sorted(cast._role_index, key=len, reverse=True)
    pattern = re.compile(r"\bthe (" + "|".join(re.escape(r) for r in roles) + r")\b", re.I)
    by_char = {t.idx: t.i for t in doc}
    for match in pattern.finditer(text.replace("’", "'")):
        start, end = match.start(1), match.end(1)
        first = by_char.get(start)
        if first is None or cast.token_actor[first] >= 0:
            continue
        nxt = text[end : end + 2]
        if nxt[:1] == " " and nxt[1:2].isupper():
            continue  # the role before a name, already counted
        idx = cast._role_index[_role_key(match.group(1))]
        actor = cast.actors[idx]
        written = text[start:end]
        if written not in actor.aliases:
            actor.aliases.append(written)
        actor.mentions.append((start, end))
        k = first
        while k < len(doc) and doc[k].idx < end:
            cast.token_actor[k] = idx
            k += 1


def _index_pronoun_targets(cast: Cast) -> None:
    people, groups = [], []
    for idx, actor in enumerate(cast.actors):
        target = people if actor.type == "PERSON" else groups if actor.type in ("ORG", "NORP", "GPE") else None
        if target is not None:
            target.extend((start, idx) for start, _ in actor.mentions)
    people.sort()
    groups.sort()
    cast._person_starts = [s for s, _ in people]
    cast._person_ids = [i for _, i in people]
    cast._group_starts = [s for s, _ in groups]
    cast._group_ids = [i for _, i in groups]


def _add_pronoun_mentions(cast: Cast) -> None:
    for token in cast.doc:
        if token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
            actor = cast.confident_pronoun(token)
            if actor is not None:
                actor.mentions.append((token.idx, token.idx + len(token.text)))
