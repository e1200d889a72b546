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
    COURTESY,
    GEO_NOUNS,
    GROUP_ROLE_NOUNS,
    GROUP_PRONOUNS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    KINSHIP,
    ORG_WORDS,
    NAME_SUFFIXES,
    PEERAGE,
    PERSON_PRONOUNS,
    POSTNOMINALS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SYNONYMS,
)
from ..entity_types import ACTOR_CODES
from ..model import Actor, Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_POSSESSIVE = {"'s", "’s", "'", "’"}
_STOP_INITIALS = {"of", "the", "and", "for", "de", "du", "la", "le", "on", "in", "&"}
_AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_BREAKS = {",", ";", ":", "(", ")", "—", "–", '"', "“", "”", "‘", "’", "'", "[", "]"}
_SYNONYM_OF = {form: group[0] for group in SYNONYMS for form in group}
_PREFERRED_LABEL = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")
_INITIAL = re.compile(r"^[A-Z]\.?$")


@dataclass
class Mention:
    start: int  # token index
    end: int
    label: str
    key: str  # the name as written, cleaned
    written: str | None = None  # a fuller written form to keep as an alias ("Lord Goldsmith")
    roles: list[str] = field(default_factory=list)
    char_start: int = 0
    char_end: int = 0


@dataclass
class Cast:
    """The actors of one article, and what is needed to resolve a word to one of them."""

    doc: "Doc"
    text: str
    entities: list[Entity]
    actors: list[Actor]
    token_actor: list[int] = field(default_factory=list)
    _person_starts: list[int] = field(default_factory=list)
    _person_ids: list[int] = field(default_factory=list)
    _group_starts: list[int] = field(default_factory=list)
    _group_ids: list[int] = field(default_factory=list)
    _role_index: dict[str, int] = field(default_factory=dict)
    pronouns: dict[int, int] = field(default_factory=dict)  # token index -> actor index
    _subject_starts: list[int] = field(default_factory=list)
    _plural_subjects: list[tuple[int, int]] = field(default_factory=list)  # (char, token index)
    _subject_ids: list[int] = field(default_factory=list)

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
        idx = self._role_index.get(_role_key(phrase))
        return self.actors[idx] if idx is not None else None

    def resolve_pronoun(self, token: "Token", window: int = 1500) -> Actor | None:
        """The actor a pronoun most likely stands for: the nearest fitting actor before it."""
        if token.i in self.pronouns:
            return self.actors[self.pronouns[token.i]]
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
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    # "Group of Eight (G8": the model ran into a bracket
    for k in range(start + 1, end):
        if doc[k].text in ("(", "[", "/"):
            end = k
            break
    # "Mr Brown's International Finance Facility": the owner is not part of the name
    if label in ("ORG", "FAC"):
        for k in range(start + 1, end - 2):
            if doc[k].text in _POSSESSIVE and all(t.is_title or t.is_upper for t in doc[k + 1 : end]):
                start = k + 1
                break
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
        if node.head.i == node.i or not lo <= node.head.i < hi or node.head.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return False


def _is_role(tokens: list["Token"], limit: int = 10) -> bool:
    words = [t for t in tokens if any(ch.isalpha() for ch in t.text)]
    if not words or len(tokens) > limit or all(t.lower_ in COURTESY for t in words):
        return False
    if any("/" in t.text for t in tokens):
        return False  # a photo credit run into the text, not a title
    return any(
        t.lower_ in ROLE_NOUNS or t.lower_ in HONORIFICS or (t.pos_ == "NOUN" and t.is_lower) for t in words
    )


_ROLE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ive", "ate", "man", "woman", "ee", "ess")


def _role_head(token: "Token") -> bool:
    """Whether a noun can head a role: a known role noun, or one that names a doer."""
    low = token.lower_
    return low in ROLE_NOUNS or low in HONORIFICS or low.endswith(_ROLE_SUFFIXES)


def _span_text(doc: "Doc", tokens: list["Token"]) -> str:
    if not tokens:
        return ""
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def role_before(doc: "Doc", start: int, end: int) -> tuple[int, str] | None:
    """The title written before a name ("NATO Secretary-General Jens Stoltenberg")."""
    root = doc[start:end].root
    sent_start = doc[start].sent.start
    if start > 0 and doc[start - 1].text in _POSSESSIVE:
        return None  # "Mr Brown's International Finance Facility": an owner, not a title
    j, first = start - 1, start
    while j >= sent_start:
        t = doc[j]
        if t.text in _BREAKS or t.pos_ in ("VERB", "AUX", "DET", "PRON", "SCONJ", "CCONJ", "NUM"):
            break
        if t.ent_type_ in ("DATE", "TIME", "CARDINAL") or (t.text in "-–—" and (t.whitespace_ or doc[j - 1].whitespace_)):
            break
        if t.pos_ == "ADP" and t.lower_ != "of":
            break
        if not _descends_within(t, root, sent_start, end):
            break
        first = j
        j -= 1
    tokens = [doc[k] for k in range(first, start)]
    while tokens and (tokens[0].pos_ in ("ADP", "PUNCT") or tokens[0].text in _POSSESSIVE):
        tokens.pop(0)
    while tokens and tokens[-1].lower_ in COURTESY:
        tokens.pop()
    if tokens and _is_role(tokens):
        return tokens[0].i, _span_text(doc, tokens)
    return None


def _np_core(doc: "Doc", head: "Token", rights: tuple[str, ...] = ("prep", "compound", "amod", "nummod", "poss", "cc", "conj", "relcl"), preps: tuple[str, ...] | None = None) -> list["Token"]:
    """A noun phrase without determiners, clauses after it and trailing punctuation."""
    keep = {head.i}
    for child in head.lefts:
        if child.dep_ not in ("det", "punct", "predet"):
            keep.update(t.i for t in child.subtree)
    for child in head.rights:
        if child.dep_ in rights and (preps is None or child.dep_ != "prep" or child.lower_ in preps):
            keep.update(t.i for t in child.subtree)
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
    appos = [c for c in root.rights if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN", "ADJ") and not c.ent_type_]
    if appos and not any(_role_head(c) for c in appos):
        appos = []
    if appos:
        tokens = sorted({t for c in appos for t in _np_core(doc, c)}, key=lambda t: t.i)
        tokens = [doc[k] for k in range(tokens[0].i, tokens[-1].i + 1)]
        cut = next((k for k, t in enumerate(tokens) if t.ent_type_ == "PERSON"), len(tokens))
        tokens = tokens[:cut]
        while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
            tokens.pop()
        if _is_role(tokens, limit=25):
            found.append(_span_text(doc, tokens))
    head = root.head
    if (root.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in ACTOR_CODES
            and head.i < start and _role_head(head)):
        tokens = [t for t in _np_core(doc, head) if t.i < start]
        if tokens and _is_role(tokens, limit=25):
            found.append(_span_text(doc, tokens))
    if root.dep_ == "nsubj" and head.lemma_ == "be":
        for child in head.rights:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                tokens = _np_core(doc, child)
                if tokens and _is_role(tokens, limit=25):
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
        if ent.label_ not in ACTOR_CODES:
            continue
        label = ent.label_
        s, e = _clean(doc, ent.start, ent.end, label)
        roles: list[str] = []
        # Letters after a name: a role, not part of the name ("Philippe Sands QC").
        while e - s > 1 and (doc[e - 1].text in POSTNOMINALS or doc[e - 1].text in NAME_SUFFIXES):
            if doc[e - 1].text in POSTNOMINALS:
                roles.append(doc[e - 1].text)
                if label == "ORG" and 2 <= e - 1 - s <= 3 and all(t.is_title for t in doc[s : e - 1]):
                    label = "PERSON"
            e -= 1
        if s >= e or (e - s == 1 and doc[s].text in POSTNOMINALS):
            continue
        # A capitalised word the model left out of a party or group: "Liberal Democrats".
        if label in ("ORG", "NORP") and s > 0:
            prev = doc[s - 1]
            if (prev.is_title and not prev.is_sent_start and prev.pos_ in ("PROPN", "ADJ") and not prev.ent_type_
                    and prev.head.i in range(s, e) and prev.lower_ not in HONORIFICS):
                s -= 1
        # A first name the model left out: "Mamadou Dia" tagged as "Dia".
        while label == "PERSON" and s > 0:
            prev = doc[s - 1]
            if (prev.is_title and prev.pos_ == "PROPN" and prev.dep_ == "compound" and not prev.ent_type_
                    and prev.head.i in range(s, e) and prev.lower_ not in HONORIFICS and prev.lower_ not in ROLE_NOUNS
                    and prev.lower_ not in PEERAGE):
                s -= 1
            else:
                break
        key = doc[s:e].text
        if not any(ch.isalpha() for ch in key) or not any(ch.isupper() for ch in key) or "/" in key or "@" in key:
            continue
        m = Mention(s, e, label, key, roles=roles)
        if label == "PERSON":
            first = ent.start if ent.start < s and doc[ent.start].lower_ in PEERAGE else s - 1
            if first >= 0 and doc[first].lower_ in PEERAGE and doc[first].is_title:
                written = doc[first:e].text
                if e + 1 < len(doc) and doc[e].lower_ == "of" and doc[e + 1].pos_ == "PROPN":
                    written = doc[first : e + 2].text
                m.written = written
        mentions.append(m)
    return mentions


def _unnamed_speakers(doc: "Doc", mentions: list[Mention]) -> list[Mention]:
    """Capitalised names that are the subject of a speech verb but that the model did not tag
    ("Rei Shiratori ... told Reuters"): people, since organisations it tags far more reliably."""
    covered = bytearray(len(doc))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    found = []
    for token in doc:
        if (token.dep_ != "nsubj" or token.pos_ != "PROPN" or covered[token.i] or token.ent_type_ in ACTOR_CODES
                or token.head.lemma_ not in SPEECH_VERBS or not (token.is_title or token.is_upper)):
            continue
        start = token.i
        while start > 0 and not covered[start - 1]:
            prev = doc[start - 1]
            name_part = (prev.dep_ == "compound" and prev.pos_ == "PROPN" and (prev.is_title or prev.is_upper)
                         and prev.lower_ not in HONORIFICS and prev.ent_type_ not in ACTOR_CODES)
            hyphen = prev.text == "-" and not prev.whitespace_ and start - 2 >= 0 and doc[start - 2].pos_ == "PROPN"
            if not (name_part or hyphen):
                break
            start -= 1
        words = doc[start : token.i + 1]
        label = "ORG" if any(t.lower_ in ORG_WORDS for t in words) or any(t.is_upper and len(t) > 1 for t in words) else "PERSON"
        found.append(Mention(start, token.i + 1, label, words.text))
    return found


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
        if m.key in CAPITALS or (m.key in _SYNONYM_OF and "Party" not in _SYNONYM_OF[m.key]
                                 and "Democrats" not in _SYNONYM_OF[m.key]):
            m.label = "GPE" if m.label != "ORG" or m.key in CAPITALS else m.label
            continue
        counts = votes[m.key]
        best = max(counts.values())
        winners = [lab for lab in _PREFERRED_LABEL if counts.get(lab) == best]
        if m.label not in winners:
            m.label = winners[0]


def _institutions(doc: "Doc", mentions: list[Mention]) -> None:
    """A nationality or country heading an institution is one actor: "the Kenyan government"."""
    for m in mentions:
        if m.label not in ("NORP", "GPE"):
            continue
        head = doc[m.end - 1].head
        if head.i < m.end or head.lower_ not in INSTITUTION_NOUNS or head.pos_ != "NOUN":
            continue
        between = doc[m.end : head.i]
        if all(t.dep_ in ("compound", "amod") and t.is_lower for t in between) and len(between) <= 2:
            m.end, m.label = head.i + 1, "ORG"
            m.key = doc[m.start : m.end].text


def _extra_mentions(doc: "Doc", mentions: list[Mention]) -> list[Mention]:
    """Occurrences of a name the model missed elsewhere in the article."""
    covered = bytearray(len(doc))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    forms: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    for m in mentions:
        if m.label in ("PERSON", "ORG", "GPE") and m.key[:1].isupper():
            words = tuple(t.text for t in doc[m.start : m.end])
            forms[words[0]][words] = m.label
    extra = []
    for token in doc:
        if covered[token.i] or token.text not in forms:
            continue
        for words, label in sorted(forms[token.text].items(), key=lambda kv: -len(kv[0])):
            end = token.i + len(words)
            if end <= len(doc) and not any(covered[token.i : end]) and tuple(t.text for t in doc[token.i : end]) == words:
                extra.append(Mention(token.i, end, label, doc[token.i : end].text))
                covered[token.i : end] = b"\x01" * len(words)
                break
    return extra


def _person_identity(key: str) -> tuple[str, str] | None:
    """(first name's start, surname) of a full name, ignoring middle initials and suffixes."""
    parts = [p for p in key.split() if not _INITIAL.match(p) and p not in NAME_SUFFIXES]
    if len(parts) < 2:
        return None
    return parts[0][:3].lower(), parts[-1].lower()


class _Grouper:
    """Decides which actor each mention belongs to."""

    def __init__(self, doc: "Doc", mentions: list[Mention]):
        self.doc = doc
        self.identities: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.label == "PERSON":
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
        keys = {m.key for m in mentions}
        self.keys_lower = {k.lower(): k for k in keys}
        self.acronyms: dict[str, str] = {}
        for key in keys:
            if " " in key:
                initials = _initials(key)
                if len(initials) >= 2:
                    self.acronyms.setdefault(initials, key)
        self.agentive = {
            m.key for m in mentions
            if m.key in CAPITALS and any(doc[k].dep_ in _AGENT_DEPS for k in range(m.start, m.end))
        }
        singles = {k.lower(): k for k in keys if " " not in k}
        self.adjective_of: dict[str, str] = {}
        for key in keys:
            words = key.split()
            if len(words) >= 2 and all(w.lower() in GEO_NOUNS for w in words[1:]):
                for low, base in singles.items():
                    if len(base) >= 4 and words[0].lower().startswith(low[:-1]) and len(words[0]) - len(base) <= 3:
                        self.adjective_of[key] = base

    def group(self, m: Mention) -> tuple[str, str]:
        """(group key, kind) for a mention."""
        if m.label == "PERSON":
            ident = _person_identity(m.key)
            if ident:
                return "P:" + "|".join(ident), "PERSON"
            if " " not in m.key:
                candidates = self.by_surname.get(m.key)
                if candidates:
                    before = [ident for start, ident in candidates if start < m.start]
                    return "P:" + "|".join(before[-1] if before else candidates[0][1]), "PERSON"
                firsts = self.by_first.get(m.key)
                token = self.doc[m.start]
                kin = token.dep_ == "appos" and token.head.lower_ in KINSHIP
                if firsts and len(firsts) == 1 and not kin:
                    return "P:" + "|".join(next(iter(firsts))), "PERSON"
            return "N:" + m.key.lower(), "PERSON"
        return "N:" + self.canonical_name(m.key).lower(), "OTHER"

    def canonical_name(self, key: str) -> str:
        if key in _SYNONYM_OF:
            return _SYNONYM_OF[key]
        acr = _acronym(key)
        if acr and acr in self.acronyms:
            return self.acronyms[acr]
        if key in self.agentive:
            return self.canonical_name(CAPITALS[key]) if CAPITALS[key] in _SYNONYM_OF else CAPITALS[key]
        if key in self.adjective_of:
            return self.adjective_of[key]
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
        if canonical in {m.key for m in members} or canonical in _SYNONYM_OF.values() or canonical in CAPITALS.values():
            return canonical
        forms = Counter(m.key for m in members)
        return max(forms, key=lambda k: (forms[k], -members.index(next(x for x in members if x.key == k))))


def find_actors(doc: "Doc") -> Cast:
    mentions = _raw_mentions(doc)
    mentions += _unnamed_speakers(doc, mentions)
    mentions.sort(key=lambda m: m.start)
    _consistent_labels(mentions)
    # Roles, and names inside a title dropped ("State" in "Secretary of State Antony Blinken").
    inside_role = bytearray(len(doc))
    for m in mentions:
        if m.label in ("PERSON", "ORG"):
            before = role_before(doc, m.start, m.end)
            if before:
                inside_role[before[0] : m.start] = b"\x01" * (m.start - before[0])
                m.roles.insert(0, before[1])
            m.roles.extend(roles_around(doc, m.start, m.end))
    kept = [m for m in mentions if not (inside_role[m.start] and m.label not in ("GPE", "NORP"))]
    _institutions(doc, kept)
    kept.extend(_extra_mentions(doc, kept))
    kept.sort(key=lambda m: m.start)
    for m in kept:
        m.char_start = doc[m.start].idx
        m.char_end = doc[m.end - 1].idx + len(doc[m.end - 1].text)

    grouper = _Grouper(doc, kept)
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in kept:
        groups[grouper.group(m)].append(m)

    actors: list[Actor] = []
    taken: set[str] = set()
    token_actor = [-1] * len(doc)
    entities: list[Entity] = []
    order = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
    for (_key, kind), members in order:
        name = grouper.display_name(members, kind)
        labels = Counter(m.label for m in members)
        places = labels.get("GPE", 0) + labels.get("LOC", 0)
        if labels.get("ORG", 0) and places >= labels["ORG"] and kind != "PERSON":
            # "Crimea" (ORG) and "Crimean Peninsula" (LOC): a place the model once took for a body
            labels["ORG"] = 0
        label = max(_PREFERRED_LABEL, key=lambda lab: (labels.get(lab, 0), -_PREFERRED_LABEL.index(lab)))
        if name in CAPITALS.values():
            label = "GPE"
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
            id=_slug(name, taken),
            name=name,
            type=label,
            roles=roles,
            aliases=aliases,
            mentions=[(m.char_start, m.char_end) for m in members],
        )
        idx = len(actors)
        actors.append(actor)
        for m in members:
            for k in range(m.start, m.end):
                token_actor[k] = idx
            entities.append(Entity(m.char_start, m.char_end, doc[m.start : m.end].text, m.label, actor.id))

    cast = Cast(doc=doc, text=doc.text, entities=entities, actors=actors, token_actor=token_actor)
    _delayed_names(cast)
    _index_roles(cast)
    _add_descriptions(cast)
    _index_pronoun_targets(cast)
    _resolve_subject_pronouns(cast)
    cast.entities.sort(key=lambda e: e.start)
    for actor in actors:
        actor.mentions.sort()
    return cast


_OWNER_WORDS = {"its", "his", "her", "their", "the"}


def _delayed_names(cast: Cast, reach: int = 800) -> None:
    """News often names a person after describing them: "The attorney general has denied ...
    Lord Goldsmith said ...". A definite, singular role description that is a subject and names
    no one is the next person named after it who has no role of their own."""
    doc = cast.doc
    people = sorted((start, idx) for idx, a in enumerate(cast.actors) if a.type == "PERSON" for start, _ in a.mentions)
    starts = [s for s, _ in people]
    taken: set[int] = set()
    linked: dict[str, int] = {}
    title_end = cast.text.find("\n") if "\n" in cast.text else len(cast.text)
    for token in doc:
        if (token.dep_ not in _SUBJECT_DEPS or token.pos_ != "NOUN" or token.tag_ != "NN"
                or cast.token_actor[token.i] >= 0 or token.lower_ not in ROLE_NOUNS
                or token.lower_ in GROUP_ROLE_NOUNS or token.lower_ in KINSHIP):
            continue
        if any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in token.children):
            continue  # "Canada's foreign minister Chrystia Freeland": named on the spot
        owners = [c for c in token.children if c.dep_ in ("det", "poss")]
        if not owners or not (owners[0].lower_ in _OWNER_WORDS or owners[0].dep_ == "poss"):
            continue
        core = [t for t in _np_core(doc, token, rights=("prep",), preps=("of",)) if t.i >= owners[0].i]
        while core and (core[0].lower_ in _OWNER_WORDS or core[0].dep_ == "det"):
            core.pop(0)
        if not core or any(cast.token_actor[t.i] >= 0 and cast.actors[cast.token_actor[t.i]].type == "PERSON" for t in core):
            continue
        phrase = _span_text(doc, core)
        if len(core) < 2:
            continue  # a bare "minister" could be anyone
        if _role_key(phrase) in linked:  # the same description again: the same person
            cast.claim(linked[_role_key(phrase)], core)
            continue
        pos = bisect_left(starts, token.idx + len(token.text))
        while pos < len(people) and people[pos][0] - token.idx <= reach:
            idx = people[pos][1]
            actor = cast.actors[idx]
            first_seen = min(start for start, _ in actor.mentions)
            introduced_later = first_seen > token.idx or first_seen < title_end
            if not actor.roles and idx not in taken and introduced_later:
                taken.add(idx)
                linked[_role_key(phrase)] = idx
                actor.roles.append(phrase)
                if phrase not in actor.aliases:
                    actor.aliases.append(phrase)
                cast.claim(idx, core)
                break
            pos += 1


def _index_roles(cast: Cast) -> None:
    counts: Counter = Counter()
    owner: dict[str, int] = {}
    for idx, actor in enumerate(cast.actors):
        for role in actor.roles:
            key = _role_key(role)
            counts[key] += 1
            owner[key] = idx
    cast._role_index = {k: v for k, v in owner.items() if counts[k] == 1 and len(k) > 2}


def _add_descriptions(cast: Cast) -> None:
    """Definite descriptions the article uses for an actor ("the NATO chief", "the government"
    for the only government named) become mentions and aliases."""
    doc = cast.doc
    descriptions = dict(cast._role_index)
    heads = Counter(a.name.split()[-1].lower() for a in cast.actors if a.name.split()[-1].lower() in INSTITUTION_NOUNS)
    for idx, actor in enumerate(cast.actors):
        head = actor.name.split()[-1].lower()
        if " " in actor.name and heads.get(head) == 1:
            descriptions.setdefault(head, idx)
    if not descriptions:
        return
    text = cast.text.replace("’", "'")
    pattern = re.compile(r"\bthe (" + "|".join(re.escape(r) for r in sorted(descriptions, key=len, reverse=True)) + r")\b", re.I)
    by_char = {t.idx: t.i for t in doc}
    for match in pattern.finditer(text):
        start, end = match.start(1), match.end(1)
        first = by_char.get(start)
        if first is None:
            continue
        nxt = text[end : end + 2]
        if nxt[:1] == " " and nxt[1:2].isupper():
            continue  # the role before a name, already counted
        idx = descriptions[_role_key(match.group(1))]
        actor = cast.actors[idx]
        written = cast.text[start:end]
        if written not in actor.aliases:
            actor.aliases.append(written)
        last = first
        while last + 1 < len(doc) and doc[last + 1].idx < end:
            last += 1
        cast.claim(idx, list(doc[first : last + 1]), over_nouns=True)


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


def _resolve_subject_pronouns(cast: Cast, window: int = 1500) -> None:
    """A person pronoun that is a subject stands for the last person who was a subject: the one
    the story is about (centering), not merely the last name mentioned. Confident ones become
    mentions."""
    last: tuple[int, int] | None = None  # (char, actor index)
    subjects: list[tuple[int, int]] = []
    for token in cast.doc:
        is_subject = token.dep_ in _SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.dep_ == "agent")
        idx = cast.token_actor[token.i]
        if idx < 0 and is_subject and token.pos_ in ("NOUN", "PROPN"):
            named = cast.actor_in(list(token.subtree))  # "the British aid group Gatsby"
            idx = cast.actors.index(named) if named is not None and named.type in ("PERSON", "ORG") else -1
        if idx >= 0 and is_subject and token.head.lemma_ in SPEECH_VERBS:
            subjects.append((token.idx, idx))
        if is_subject and idx < 0 and token.tag_ in ("NNS", "NNPS") and _salient(token):
            cast._plural_subjects.append((token.idx, token.i))
        if idx >= 0 and is_subject and cast.actors[idx].type == "PERSON" and _salient(token):
            last = (token.idx, idx)
        elif token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
            target = None
            if is_subject and last is not None and token.idx - last[0] <= window:
                target = last[1]
            confident = cast.confident_pronoun(token)
            if target is None and confident is not None:
                target = cast.actors.index(confident)
            if target is not None:
                cast.pronouns[token.i] = target
                if is_subject and _salient(token):
                    last = (token.idx, target)
                if confident is not None or is_subject:
                    cast.actors[target].mentions.append((token.idx, token.idx + len(token.text)))
    cast._subject_starts = [c for c, _ in subjects]
    cast._subject_ids = [i for _, i in subjects]


def _salient(token: "Token") -> bool:
    """A subject of the main clause, of a speech verb, or the agent of a passive."""
    head = token.head
    if token.dep_ == "pobj":
        return True
    return head.dep_ == "ROOT" or head.lemma_ in SPEECH_VERBS or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
