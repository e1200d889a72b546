"""Which mentions are one actor: a surname and its full name, an acronym and its long form, a
capital used as an agent and its country, "Crimean Peninsula" and "Crimea". Makes the actors."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..model import Actor, Entity
from .lexicon import CAPITALS, GEO_NOUNS, KINSHIP, NAME_SUFFIXES, SYNONYM_OF
from .mentions import PREFERRED_TYPES, Mention
from .syntax import SUBJECT_DEPS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Words a company's full legal name adds to the name it goes by.
_CORPORATE = frozenset("plc inc ltd llc corp co group holdings ag gmbh sa nv limited corporation company".split())
_STOP_INITIALS = {"of", "the", "and", "for", "de", "du", "la", "le", "on", "in", "&"}
_AGENT_DEPS = frozenset((*SUBJECT_DEPS, "poss", "agent"))
_INITIAL = re.compile(r"^[A-Z]\.?$")
#: Words before a surname two people share that tell which of them it is ("the senior Mr. Giuliani").
_ELDER = frozenset("senior elder older".split())
_YOUNGER = frozenset("younger junior".split())
_KIN_GENERATION = {"father": -1, "mother": -1, "son": 1, "daughter": 1}


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _STOP_INITIALS]
    return "".join(w[0] for w in words if w[0].isupper())


def _acronym(name: str) -> str | None:
    bare = name.replace(".", "")
    return bare if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() and " " not in name else None


#: Words that show a person is a man or a woman: an honorific, or a word for kin ("his wife,
#: Anna Baker"); not a role ("the company's chairman, Mary Barra").
_MAN = frozenset("mr sir lord husband father son brother widower boyfriend".split())
_WOMAN = frozenset("mrs ms miss dame lady wife mother daughter sister widow girlfriend".split())


def _word_gender(doc: Doc, k: int) -> str | None:
    """ "m" or "f" for a word for a man or a woman at `k` ("Mr.", "wife"), else None."""
    if not 0 <= k < len(doc):
        return None
    word = doc[k].lower_.rstrip(".")
    return "m" if word in _MAN else "f" if word in _WOMAN else None


def slug(name: str, taken: set[str]) -> str:
    """A unique id for an actor named `name`, recorded in `taken`."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _person_identity(key: str) -> tuple[str, str] | None:
    """(first name's start, surname) of a full name, ignoring middle initials and suffixes."""
    parts = [p for p in key.split() if not _INITIAL.match(p) and p not in NAME_SUFFIXES]
    if len(parts) < 2:
        return None
    return parts[0][:3].lower(), parts[-1].lower()


class _Grouper:
    """Decides which actor each mention belongs to."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.doc = doc
        self.identities: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.type == "PERSON":
                ident = _person_identity(m.key)
                if ident:
                    self.identities[ident].append(m)
        self.by_surname: dict[str, list[tuple[int, tuple[str, str]]]] = defaultdict(list)
        self.by_first: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for ident, ms in self.identities.items():
            for m in ms:
                self.by_surname[m.key.split()[-1]].append((m.start, ident))
                self.by_first[m.key.split()[0]].add(ident)
        for v in self.by_surname.values():
            v.sort()
        #: -1 for a person the article calls someone's parent, 1 for someone's child
        self._generation = self._generations()
        self.keys = {m.key for m in mentions}
        #: surname -> the genders its honorifics show where it stands alone ("Mr. Baker")
        self.bare: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            shown = _word_gender(doc, m.start - 1) if m.type == "PERSON" and " " not in m.key else None
            if shown is not None:
                self.bare[m.key].add(shown)
        self._genders: dict[tuple[str, str], str | None] = {}
        #: "House" -> ["House of Commons"]: the keys that are a one-word key "of" something
        self.of_keys: dict[str, list[str]] = defaultdict(list)
        for key in self.keys:
            head = key.split(" of ", 1)[0]
            if head != key and " " not in head:
                self.of_keys[head].append(key)
        self.acronyms = self._acronyms(mentions)
        self.agentive = {
            m.key
            for m in mentions
            if m.key in CAPITALS and any(doc[k].dep_ in _AGENT_DEPS for k in range(m.start, m.end))
        }
        self.adjective_of = self._adjectives()

    def _generations(self) -> dict[tuple[str, str], int]:
        """ "his son, Andrew Giuliani", "son Andrew"; "Andrew Giuliani, the son of ...": who is
        someone's parent (-1) or child (1)."""
        generation: dict[tuple[str, str], int] = {}
        for ident, ms in self.identities.items():
            for m in ms:
                last = self.doc[m.end - 1]
                kin = [last.head] if last.dep_ in ("appos", "compound") else []
                kin += [c for c in last.children if c.dep_ == "appos"]
                for word in kin:
                    if word.lower_ in _KIN_GENERATION:
                        generation[ident] = _KIN_GENERATION[word.lower_]
        return generation

    def _acronyms(self, mentions: list[Mention]) -> dict[str, str]:
        """Short forms -> full names: one the article defines ("the Group of Eight (G8)"), else the
        initials of a name of several words."""
        doc, keys = self.doc, self.keys
        acronyms: dict[str, str] = {}
        for m in mentions:
            if (
                " " in m.key
                and m.end + 2 < len(doc)
                and doc[m.end].text == "("
                and doc[m.end + 2].text == ")"
                and doc[m.end + 1].text in keys
                and " " not in doc[m.end + 1].text
            ):
                acronyms.setdefault(doc[m.end + 1].text.replace(".", ""), m.key)
        for key in keys:
            if " " in key:
                initials = _initials(key)
                if len(initials) >= 2:
                    acronyms.setdefault(initials, key)
        return acronyms

    def _adjectives(self) -> dict[str, str]:
        """ "Korean Peninsula": a place's adjective with a geographic noun -> the place ("Korea")."""
        singles = {k.lower(): k for k in self.keys if " " not in k}
        adjective_of: dict[str, str] = {}
        for key in self.keys:
            words = key.split()
            if len(words) >= 2 and all(w.lower() in GEO_NOUNS for w in words[1:]):
                for low, base in singles.items():
                    if len(base) >= 4 and words[0].lower().startswith(low[:-1]) and len(words[0]) - len(base) <= 3:
                        adjective_of[key] = base
        return adjective_of

    def group(self, m: Mention) -> tuple[str, str]:
        """(group key, kind) for a mention."""
        if m.type == "PERSON":
            ident = _person_identity(m.key)
            if ident:
                return "P:" + "|".join(ident), "PERSON"
            if " " not in m.key:
                candidates = self.by_surname.get(m.key)
                if candidates:
                    bearer = self._bearer(m, candidates)
                    return ("P:" + "|".join(bearer) if bearer else "N:" + m.key.lower()), "PERSON"
                firsts = self.by_first.get(m.key)
                token = self.doc[m.start]
                kin = token.dep_ == "appos" and token.head.lower_ in KINSHIP
                if firsts and len(firsts) == 1 and not kin:
                    return "P:" + "|".join(next(iter(firsts))), "PERSON"
            return "N:" + m.key.lower(), "PERSON"
        return "N:" + self.canonical_name(m.key).lower(), "OTHER"

    def _bearer(self, m: Mention, candidates: list[tuple[int, tuple[str, str]]]) -> tuple[str, str] | None:
        """Who a bare surname ("Mr. Giuliani") is. With one person of that name, the one named
        before it. With several (a father and a son): "the senior / older / elder" one is the one
        introduced first, "the younger / junior" one the one introduced next; else the one last
        named in full in the same paragraph, else the one introduced first (the story's subject),
        never just whoever was named last. None when the one person of that name is shown to be of
        the other gender than the surname's honorific ("Mr. Baker", "his wife, Anna Baker")."""
        people = list(dict.fromkeys(ident for _, ident in candidates))
        doc = self.doc
        if len(people) == 1:
            return self._one_bearer(m, people[0], candidates)
        # "his son, Andrew Giuliani" introduced first: the elder is the one not called a son
        by_age = sorted(people, key=lambda ident: self._generation.get(ident, 0))
        before = m.start - 1
        while before > 0 and doc[before].lower_ in ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."):
            before -= 1
        if before >= 0 and doc[before].lower_ in _ELDER:
            return by_age[0]
        if before >= 0 and doc[before].lower_ in _YOUNGER:
            return by_age[1]
        own = _word_gender(doc, m.start - 1)  # "Mrs. Baker" beside "Tom Baker" and "Anna Baker"
        matching = [ident for ident in people if own is not None and self._gender_of(ident) == own]
        if len(matching) == 1 and all(self._gender_of(ident) is not None for ident in people):
            return matching[0]  # (each shown a man or a woman: not a father and his son)
        here = self._named_in_paragraph(m, candidates)
        return here[-1] if here else people[0]

    def _named_in_paragraph(self, m: Mention, candidates: list[tuple[int, tuple[str, str]]]) -> list[tuple[str, str]]:
        """Who of `candidates` is named in full in the paragraph before the mention."""
        doc, start = self.doc, m.start
        while start > 0 and not (doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_):
            start -= 1
        return [ident for at, ident in candidates if start <= at < m.start]

    def _one_bearer(
        self, m: Mention, person: tuple[str, str], candidates: list[tuple[int, tuple[str, str]]]
    ) -> tuple[str, str] | None:
        """A surname one person named in full bears, unless the article shows a second person of
        the other gender by that surname alone ("Mr. Baker" beside "his wife, Anna Baker"): then
        the surname is hers only with her honorific or her full name in the paragraph before,
        else his (None: a person of their own)."""
        shown = self._gender_of(person)
        if shown is None:
            return person
        if not self.bare[m.key] - {shown}:
            return person
        own = _word_gender(self.doc, m.start - 1)
        if own is not None:
            return person if own == shown else None
        return person if self._named_in_paragraph(m, candidates) else None

    def _gender_of(self, ident: tuple[str, str]) -> str | None:
        """ "m" or "f" where a person named in full is shown to be one: an honorific before the
        name, or a word for kin beside it ("his wife, Anna Baker")."""
        if ident not in self._genders:
            self._genders[ident] = self._shown_gender(ident)
        return self._genders[ident]

    def _shown_gender(self, ident: tuple[str, str]) -> str | None:
        for m in self.identities[ident]:
            last = self.doc[m.end - 1]
            words = [m.start - 1] + ([last.head.i] if last.dep_ in ("appos", "compound") else [])
            words += [c.i for c in last.children if c.dep_ == "appos"]
            for k in words:
                shown = _word_gender(self.doc, k)
                if shown is not None:
                    return shown
        return None

    def canonical_name(self, key: str) -> str:
        if key in SYNONYM_OF:
            return SYNONYM_OF[key]
        acr = _acronym(key) or (key if " " not in key and key in self.acronyms else None)
        if acr and acr in self.acronyms:
            return self.acronyms[acr]
        if key in self.agentive:
            return self.canonical_name(CAPITALS[key]) if CAPITALS[key] in SYNONYM_OF else CAPITALS[key]
        if key in self.adjective_of:
            return self.adjective_of[key]
        if " of " in key:  # "Heart and Stroke Foundation of Canada" is the Heart and Stroke Foundation
            prefix = key.rsplit(" of ", 1)[0]
            if prefix in self.keys and " " in prefix:
                return self.canonical_name(prefix)
        if " " not in key:  # "the House", once "the House of Commons" is named
            longer = self.of_keys.get(key, [])
            if len(longer) == 1:
                return self.canonical_name(longer[0])
        words = key.split()
        for cut in range(len(words) - 1, 1, -1):  # "Jaguar Land Rover Automotive PLC"
            if all(w.strip(".,").lower() in _CORPORATE for w in words[cut:]) or (
                len(words) - cut <= 2 and words[-1].strip(".,").lower() in _CORPORATE
            ):
                shorter = " ".join(words[:cut])
                if shorter in self.keys:
                    return self.canonical_name(shorter)
        return key

    def display_name(self, members: list[Mention], kind: str) -> str:
        if kind == "PERSON":
            full = [m.key for m in members if _person_identity(m.key)]
            if full:
                return max(full, key=lambda k: (len(k.split()), len(k)))
            written = [m.written for m in members if m.written]
            if written:
                return written[0]
            return members[0].key
        canonical = self.canonical_name(members[0].key)
        if canonical in {m.key for m in members} or canonical in SYNONYM_OF.values() or canonical in CAPITALS.values():
            return canonical
        forms = Counter(m.key for m in members)
        return max(forms, key=lambda k: (forms[k], -members.index(next(x for x in members if x.key == k))))


def build_actors(doc: Doc, mentions: list[Mention], text: str) -> tuple[list[Actor], list[Entity], list[int]]:
    """Group the mentions into actors, most mentioned first. Returns the actors, one entity per
    mention, and for each token the index of the actor it names (-1 for none)."""
    grouper = _Grouper(doc, mentions)
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[grouper.group(m)].append(m)

    actors: list[Actor] = []
    taken: set[str] = set()
    token_actor = [-1] * len(doc)
    entities: list[Entity] = []
    order = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
    for (_key, kind), members in order:
        name = grouper.display_name(members, kind)
        types = Counter(m.type for m in members)
        places = types.get("GPE", 0) + types.get("LOC", 0)
        if types.get("ORG", 0) and places >= types["ORG"] and kind != "PERSON":
            # "Crimea" (ORG) and "Crimean Peninsula" (LOC): a place the model once took for a body
            types["ORG"] = 0
        code = max(PREFERRED_TYPES, key=lambda t: (types.get(t, 0), -PREFERRED_TYPES.index(t)))
        if name in CAPITALS.values():
            code = "GPE"
        aliases: list[str] = []
        roles: list[str] = []
        for m in members:
            for form in (m.key, m.written):
                if form and form != name and form not in aliases:
                    aliases.append(form)
            for r in m.roles:
                if r.lower() not in {x.lower() for x in roles}:
                    roles.append(r)
        actor = Actor(
            id=slug(name, taken),
            name=name,
            type=code,
            roles=roles,
            aliases=aliases,
            mentions=[(m.char_start, m.char_end) for m in members],
        )
        idx = len(actors)
        actors.append(actor)
        for m in members:
            for k in range(m.start, m.end):
                token_actor[k] = idx
            entities.append(Entity(m.char_start, m.char_end, text[m.char_start : m.char_end], m.type, actor.id))
    return actors, entities, token_actor
