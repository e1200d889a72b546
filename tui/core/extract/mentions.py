"""Mentions of actors: the model's named entities, cleaned ("the", brackets, titles and
letters after a name), completed where the model missed a first name, an untagged speaker or a
later occurrence, and given one type per name across the article."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..entity_types import ACTOR_CODES
from .headline import without_headline_nouns
from .lexicon import (
    BODY_NAME_ENDS,
    CAPITALS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    NAME_SUFFIXES,
    ORG_WORDS,
    PERSON_NOUNS,
    POSTNOMINALS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SYNONYM_OF,
)
from .mentions_places import not_people
from .mentions_spans import (
    clean,
    defined_abbreviation,
    hyphen_run,
    letters_after,
    names_someone,
    peerage_form,
    titled_person,
    widened,
)
from .people import people_by_evidence, people_in_context
from .syntax import POSSESSIVE, entity_list, token_list

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from .page import Page

#: The type a name keeps when its mentions are typed equally often, best first.
PREFERRED_TYPES = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")


@dataclass
class Mention:
    start: int  # token index
    end: int
    type: str  # the model's entity type, made consistent across the article
    key: str  # the name as written, cleaned
    written: str | None = None  # a fuller written form to keep as an alias ("Lord Goldsmith")
    roles: list[str] = field(default_factory=list)
    char_start: int = 0
    char_end: int = 0
    trim: int = 0  # characters of a possessive the tokenizer left on the last word ("Trump‘s")


def _entity_mentions(doc: Doc, ent: Span) -> list[Mention]:
    """The mention an entity of the model gives once cleaned and completed (and the short form
    defined after it in brackets), or none."""
    code = ent.label_
    if ent.start > 0 and doc[ent.start].text == "-" and not doc[ent.start - 1].whitespace_:
        return []  # "-Lavalin": the rest of a hyphenated name, taken with its first part
    s, e = clean(doc, ent.start, ent.end, code)
    e = hyphen_run(doc, e)
    e, code, roles = letters_after(doc, s, e, code)
    if s >= e or (e - s == 1 and doc[s].text in POSTNOMINALS):
        return []
    s, e = widened(doc, s, e, code)
    if code in ("ORG", "GPE", "NORP"):
        person = titled_person(doc, s, e)
        if person is not None:
            roles.insert(0, doc[s:person].text)
            s, code = person, "PERSON"
    key = doc[s:e].text
    trim = 2 if len(doc[e - 1]) > 3 and doc[e - 1].text[-2:] in ("'s", "’s", "‘s") else 0
    key = key[: len(key) - trim]
    if not names_someone(key):
        return []
    m = Mention(s, e, code, key, roles=roles, trim=trim)
    if code == "PERSON":
        m.written = peerage_form(doc, ent.start, s, e)
    found = [m]
    abbreviation = defined_abbreviation(doc, e)
    if abbreviation is not None and code in ("ORG", "GPE", "NORP", "FAC") and " " in key:
        found.append(Mention(abbreviation, abbreviation + 1, code, doc[abbreviation].text))
    return found


def _without_swallowed(mentions: list[Mention]) -> list[Mention]:
    """Drops a one-word entity swallowed by a longer name ("Lung" in "Lung and Kidney Foundation")."""
    spans = sorted((m.start, -m.end) for m in mentions)
    inside = set()
    reach = -1
    for start, neg_end in spans:
        if -neg_end <= reach:
            inside.add(start)
        reach = max(reach, -neg_end)
    return [m for m in mentions if not (m.start in inside and m.end - m.start == 1)]


def _raw_mentions(doc: Doc) -> list[Mention]:
    mentions = []
    for ent in entity_list(doc):
        if ent.label_ in ACTOR_CODES:
            mentions += _entity_mentions(doc, ent)
    return _without_swallowed(mentions)


def _untagged_speaker(token: Token, covered: bytearray) -> bool:
    """A capitalised proper noun, in no mention, subject of a speech verb."""
    return (
        token.dep_ == "nsubj"
        and token.pos_ == "PROPN"
        and not covered[token.i]
        and token.ent_type_ not in ACTOR_CODES
        and token.head.lemma_ in SPEECH_VERBS
        and (token.is_title or token.is_upper)
    )


def _name_start(doc: Doc, token: Token, covered: bytearray) -> int:
    """Where the name ending at `token` starts: its capitalised compounds and hyphenated parts, and
    a title-case owner of an organisation's word ("the Prime Minister's Office")."""
    start = token.i
    while start > 0 and not covered[start - 1]:
        prev = doc[start - 1]
        name_part = (
            prev.dep_ == "compound"
            and prev.pos_ == "PROPN"
            and (prev.is_title or prev.is_upper)
            and prev.lower_ not in HONORIFICS
            and prev.ent_type_ not in ACTOR_CODES
        )
        hyphen = prev.text == "-" and not prev.whitespace_ and start - 2 >= 0 and doc[start - 2].pos_ == "PROPN"
        if not (name_part or hyphen):
            break
        start -= 1
    owner = next((c for c in token.children if c.dep_ == "poss" and c.i < start), None)
    if (
        owner is not None
        and all(t.is_title or t.text in POSSESSIVE for t in doc[owner.left_edge.i : start])
        and not any(covered[owner.left_edge.i : start])
        and token.lower_ in ORG_WORDS
    ):
        start = owner.left_edge.i  # "the Prime Minister's Office": a title owns the name
        while start < token.i and doc[start].lower_ in ("the", "a", "an"):
            start += 1
    return start


def _unnamed_speakers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Capitalised names that are the subject of a speech verb but that the model did not tag
    ("Rei Shiratori ... told Reuters"): people, since organisations it tags far more reliably."""
    covered = bytearray(len(doc))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    found = []
    for token in token_list(doc):
        if not _untagged_speaker(token, covered):
            continue
        start = _name_start(doc, token, covered)
        words = doc[start : token.i + 1]
        if all(t.lower_ in PERSON_NOUNS or t.lower_ in HONORIFICS for t in words) or token.tag_ == "NNPS":
            continue  # "the Prime Minister said", "Man charged in ...", "Emails reveal ...": no name
        code = (
            "ORG"
            if any(t.lower_ in ORG_WORDS for t in words) or any(t.is_upper and len(t) > 1 for t in words)
            else "PERSON"
        )
        found.append(Mention(start, token.i + 1, code, words.text))
    return found


_NAME_GLUE = frozenset("of and & for the".split())


def _untagged_bodies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Capitalised names of charities, foundations and campaigns the model did not tag:
    title-case words ending in a body's word ("Harbour Cats Association")."""
    covered = bytearray(len(doc))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    found = []
    for token in token_list(doc):
        if (
            not token.is_title
            or token.lower_ not in BODY_NAME_ENDS
            or covered[token.i]
            or token.ent_type_
            or token.is_sent_start
        ):
            continue
        start = token.i
        while start > 0 and not covered[start - 1]:
            prev = doc[start - 1]
            glue = (
                prev.lower_ in _NAME_GLUE
                and start - 2 >= 0
                and doc[start - 2].is_title
                and not doc[start - 2].is_sent_start
            )
            if not ((prev.is_title and prev.pos_ in ("PROPN", "NOUN", "ADJ") and not prev.ent_type_) or glue):
                break
            start -= 1
        while start < token.i and (doc[start].lower_ in _NAME_GLUE or doc[start].lower_ in HONORIFICS):
            start += 1
        words = [t for t in doc[start : token.i + 1] if t.is_title]
        if len(words) >= 2 and doc[start].is_title:
            found.append(Mention(start, token.i + 1, "ORG", doc[start : token.i + 1].text))
            covered[start : token.i + 1] = b"\x01" * (token.i + 1 - start)
    return found


def _consistent_types(mentions: list[Mention]) -> None:
    """One type per name: a surname of a person is a person; otherwise the majority."""
    surnames = {m.key.split()[-1] for m in mentions if m.type == "PERSON" and len(m.key.split()) > 1}
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.key][m.type] += 1
    for m in mentions:
        if " " not in m.key and m.key in surnames and m.key not in CAPITALS and m.key not in SYNONYM_OF:
            m.type = "PERSON"
            continue
        if m.key in SYNONYM_OF and ("Party" in SYNONYM_OF[m.key] or "Democrats" in SYNONYM_OF[m.key]):
            m.type = "ORG"  # "Labour", "Tories": a party
            continue
        if m.key in CAPITALS or m.key in SYNONYM_OF:
            m.type = "GPE" if m.type != "ORG" or m.key in CAPITALS else m.type
            continue
        counts = votes[m.key]
        best = max(counts.values())
        winners = [t for t in PREFERRED_TYPES if counts.get(t) == best]
        m.type = winners[0]  # one type for every mention of the name, ties broken one way


def _cut_names(doc: Doc, mentions: list[Mention]) -> None:
    """ "Cloverdale Sport" taken for a person where the article names the "Cloverdale Sport and Ice
    Complex" elsewhere, and the words after it here are the rest of that name: the longer name."""
    longer: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for m in mentions:
        if m.type != "PERSON" and m.end - m.start >= 3:
            words = tuple(t.text for t in doc[m.start : m.end])
            longer[words[0]].append((words, m.type))
    for m in mentions:
        if m.type != "PERSON" or doc[m.start].text not in longer:
            continue
        for words, code in longer[doc[m.start].text]:
            end = m.start + len(words)
            if end > m.end and end <= len(doc) and tuple(t.text for t in doc[m.start : end]) == words:
                m.end, m.type, m.key = end, code, doc[m.start : end].text
                break


def _split_pairs(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Sandmann and Phillips" taken for one name: two people the article names elsewhere."""
    people = {m.key for m in mentions if m.type == "PERSON"}
    people |= {k.split()[-1] for k in people}
    out = []
    for m in mentions:
        joint = next((k for k in range(m.start + 1, m.end - 1) if doc[k].lower_ in ("and", "&")), None)
        if joint is not None and (m.type != "PERSON" or m.key not in people):
            left, right = doc[m.start : joint].text, doc[joint + 1 : m.end].text
            if left in people and right in people:
                out.append(Mention(m.start, joint, "PERSON", left))
                out.append(Mention(joint + 1, m.end, "PERSON", right))
                continue
        out.append(m)
    return out


def _institutions(doc: Doc, mentions: list[Mention]) -> None:
    """A nationality or country heading an institution is one actor: "the Kenyan government"."""
    for m in mentions:
        if m.type not in ("NORP", "GPE"):
            continue
        head = doc[m.end - 1].head
        if head.i < m.end or head.lower_ not in INSTITUTION_NOUNS or head.pos_ != "NOUN":
            continue
        between = doc[m.end : head.i]
        if all(t.dep_ in ("compound", "amod") and t.is_lower for t in between) and len(between) <= 2:
            m.end, m.type = head.i + 1, "ORG"
            m.key = doc[m.start : m.end].text


def _full_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "For Carole Laurin, a series of strokes ..." left untagged, "Laurin said" tagged later: a
    person the model knows by one name only is named in full where the story introduces them, a
    first name before that name ahead of its first tagged use (one such form only: not "North
    Surrey" and "Safe Surrey")."""
    covered = {k for m in mentions for k in range(m.start, m.end)}
    first_use: dict[str, int] = {}
    for m in mentions:
        if m.type == "PERSON" and " " not in m.key:
            first_use.setdefault(m.key, m.start)
    for m in mentions:
        if m.type == "PERSON" and " " in m.key:
            first_use.pop(m.key.split()[-1], None)
    forms: dict[str, list[Mention]] = defaultdict(list)
    names = {doc.vocab.strings[name] for name in first_use}  # spaCy's ids: cheaper than each token's text
    for token in token_list(doc):
        if token.orth not in names or not 0 < token.i < first_use[token.text]:
            continue
        first = doc[token.i - 1]
        if (
            token.i not in covered
            and token.i - 1 not in covered
            and first.pos_ == "PROPN"
            and first.is_title
            and first.dep_ == "compound"
            and first.head.i == token.i
            and not first.ent_type_
            and first.lower_.rstrip(".") not in HONORIFICS
            and first.lower_ not in ROLE_NOUNS
            and first.lower_ not in PERSON_NOUNS
        ):
            forms[token.text].append(Mention(token.i - 1, token.i + 1, "PERSON", f"{first.text} {token.text}"))
    return [found[0] for found in forms.values() if len({m.key for m in found}) == 1]


def _extra_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Occurrences of a name the model missed elsewhere in the article."""
    covered = bytearray(len(doc))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    forms: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    surnames: set[str] = set()
    for m in mentions:
        if m.type in ("PERSON", "ORG", "GPE") and m.key[:1].isupper():
            words = tuple(t.text for t in doc[m.start : m.end])
            forms[words[0]][words] = m.type
            if m.type == "PERSON" and len(words) >= 2 and words[-1][:1].isupper() and words[-1] not in NAME_SUFFIXES:
                surnames.add(words[-1])  # "Okafor" after "Ben Okafor", untagged: the same person
    surnames = {name for name in surnames if (name,) not in forms[name]}  # never tagged alone
    for name in surnames:
        forms[name][(name,)] = "PERSON"
    extra = []
    firsts = {doc.vocab.strings[word] for word in forms}  # spaCy's ids: cheaper than each token's text
    for token in token_list(doc):
        if covered[token.i] or token.orth not in firsts:
            continue
        if token.text in surnames and (token.pos_ != "PROPN" or token.ent_type_) and len(forms[token.text]) == 1:
            continue  # a surname that is a word or another name here: "Young people", "May 5"
        for words, code in sorted(forms[token.text].items(), key=lambda kv: -len(kv[0])):
            end = token.i + len(words)
            if (
                end <= len(doc)
                and not any(covered[token.i : end])
                and tuple(t.text for t in doc[token.i : end]) == words
            ):
                extra.append(Mention(token.i, end, code, doc[token.i : end].text))
                covered[token.i : end] = b"\x01" * len(words)
                break
    return extra


def named_mentions(doc: Doc, page: Page | None = None) -> list[Mention]:
    """The article's named actors in text order, one type per name; none from page furniture
    or credits (a photographer is not in the story)."""
    mentions = _raw_mentions(doc)
    surnames = {m.key.split()[-1] for m in mentions if " " in m.key}
    # "Director", "WITNESS", "Man": a word for a person alone names no one (unless it is the
    # surname of someone named in full: "Robert Major ... Major said")
    mentions = [
        m
        for m in mentions
        if " " in m.key or m.key in surnames or (m.key.lower() not in PERSON_NOUNS and m.key.lower() not in HONORIFICS)
    ]
    mentions += _unnamed_speakers(doc, mentions)
    mentions += _untagged_bodies(doc, mentions)
    if page is not None:
        mentions = [m for m in mentions if not page.hides_names(doc[m.start].idx)]
    mentions.sort(key=lambda m: m.start)
    mentions = without_headline_nouns(doc, mentions)
    _cut_names(doc, mentions)
    _consistent_types(mentions)
    mentions = _split_pairs(doc, mentions)
    not_people(doc, mentions)
    people_by_evidence(doc, mentions)
    people_in_context(doc, mentions)
    return mentions


def complete_mentions(doc: Doc, mentions: list[Mention], page: Page | None = None) -> list[Mention]:
    """Institutions of a country joined up and occurrences the model missed added; in text
    order, with character offsets."""
    _institutions(doc, mentions)
    mentions = mentions + _full_names(doc, mentions)
    extra = _extra_mentions(doc, mentions)
    if page is not None:
        extra = [m for m in extra if not page.hides_names(doc[m.start].idx)]
    mentions = mentions + extra
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        m.char_start = doc[m.start].idx
        m.char_end = doc[m.end - 1].idx + len(doc[m.end - 1].text) - m.trim
    return mentions
