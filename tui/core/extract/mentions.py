"""Mentions of actors: the model's named entities, cleaned ("the", brackets, titles and
letters after a name), completed where the model missed a first name, an untagged speaker or a
later occurrence, and given one type per name across the article."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..entity_types import ACTOR_CODES
from .headline import without_headline_nouns
from .lexicon import (
    BODY_NAME_ENDS,
    CAPITALS,
    FACILITY_WORDS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    NAME_SUFFIXES,
    ORG_WORDS,
    PEERAGE,
    PERSON_NOUNS,
    POSTNOMINALS,
    ROLE_NOUNS,
    SPEECH_VERB_FORMS,
    SPEECH_VERBS,
    SYNONYM_OF,
    TITLE_SMALL_WORDS,
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


def _clean(doc: Doc, start: int, end: int, code: str) -> tuple[int, int]:
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    # "Group of Eight (G8": the model ran into a bracket
    for k in range(start + 1, end):
        if doc[k].text in ("(", "[", "/"):
            end = k
            break
    # "Mr Brown's International Finance Facility": the owner is not part of the name, but is
    # the person when the model took it all for one ("Elizabeth May's Greens")
    for k in range(start + 1, end - 1):
        if doc[k].text in POSSESSIVE and all(t.is_title or t.is_upper for t in doc[k + 1 : end]):
            if code == "PERSON":
                end = k
            else:
                start = k + 1
            break
    while end > start and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text != ".")
        or (
            end - start > 1
            and doc[end - 1].is_lower  # "Canadian Press that": a name
            and doc[end - 1].pos_ in ("SCONJ", "PRON", "DET", "ADP", "CCONJ")
        )
    ):  # ends in no "that"
        end -= 1
    if code == "PERSON":  # "Councillor Ruth Ames", "Organizer Dwayne Roe": a title, not the name
        while end - start > 1 and (doc[start].lower_ in HONORIFICS or doc[start].lower_ in ROLE_NOUNS):
            start += 1
        # "Clinton Said" in a title-case heading: the verb after the name is no part of it
        while (
            end - start > 1
            and doc[end - 1].is_title
            and doc[end - 1].lower_ in SPEECH_VERB_FORMS
            and _title_case_line(doc, end - 1)
        ):
            end -= 1
    return start, end


def _title_case_line(doc: Doc, i: int) -> bool:
    """Whether token `i` stands in a short line of its own with every word capitalised: a
    heading ("Ann Roe Warns Of A Long Winter"), where "Said" is a verb; in a sentence it may be a
    name ("Dr. Omar Said, a local surgeon")."""
    lo = i
    while lo > 0 and "\n" not in doc[lo - 1].text_with_ws and i - lo < 20:
        lo -= 1
    hi = i
    while hi + 1 < len(doc) and "\n" not in doc[hi].text_with_ws and hi - i < 20:
        hi += 1
    words = [t for t in doc[lo : hi + 1] if t.is_alpha]
    if (lo > 0 and "\n" not in doc[lo - 1].text_with_ws) or len(words) > 15:
        return False
    return all(t.is_title or t.is_upper or t.lower_ in TITLE_SMALL_WORDS for t in words)


_ATTITUDE = re.compile(r"(?:anti|pro|non|un|pan|post|pre|ex|neo|pseudo|semi)-[A-Z]")


def _defined_abbreviation(doc: Doc, end: int) -> int | None:
    """ "the Group of Eight (G8)": the short form a name is given in brackets right after it (the
    token index of "G8"), whatever its letters."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        short = doc[end + 1].text
        if (
            2 <= len(short) <= 8
            and short[0].isupper()
            and short.replace(".", "").replace("-", "").isalnum()
            and sum(ch.isupper() or ch.isdigit() for ch in short) >= 2
        ):
            return end + 1
    return None


def _hyphen_run(doc: Doc, e: int) -> int:
    """ "SNC-Lavalin" tagged as "SNC": the name runs on past its hyphen."""
    while (
        e + 1 < len(doc)
        and doc[e].text == "-"
        and not doc[e - 1].whitespace_
        and not doc[e].whitespace_
        and doc[e + 1].is_title
        and doc[e + 1].pos_ == "PROPN"
    ):
        e += 2
    return e


def _letters_after(doc: Doc, s: int, e: int, code: str) -> tuple[int, str, list[str]]:
    """Letters after a name: a role, not part of the name ("Philippe Sands QC"); a short title-case
    "organisation" with such letters is a person."""
    roles: list[str] = []
    while e - s > 1 and (doc[e - 1].text in POSTNOMINALS or doc[e - 1].text in NAME_SUFFIXES):
        if doc[e - 1].text in POSTNOMINALS:
            roles.append(doc[e - 1].text)
            if code == "ORG" and 2 <= e - 1 - s <= 3 and all(t.is_title for t in doc[s : e - 1]):
                code = "PERSON"
        e -= 1
    return e, code, roles


def _group_word_before(doc: Doc, s: int, e: int) -> int:
    """A capitalised word the model left out of a party or group: "Liberal Democrats"."""
    prev = doc[s - 1]
    if (
        prev.is_title
        and not prev.is_sent_start
        and prev.pos_ in ("PROPN", "ADJ")
        and not prev.ent_type_
        and prev.head.i in range(s, e)
        and prev.lower_ not in HONORIFICS
    ):
        return s - 1
    return s


def _joined_by_and(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """ "Heart and Stroke Foundation" tagged as "Stroke Foundation", "Society of Motor Manufacturers
    and Traders" tagged without "and Traders": a body's name joined by "and"."""
    while (
        s > 1
        and doc[s - 1].lower_ in ("and", "&")
        and doc[s - 2].is_title
        and (not doc[s - 2].ent_type_ or doc[s - 2].ent_iob_ == "B")
        and not doc[s - 2].is_sent_start
        and doc[s - 2].pos_ in ("PROPN", "NOUN")
    ):
        s -= 2
    if (
        e + 1 < len(doc)
        and doc[e].lower_ in ("and", "&")
        and doc[e + 1].is_title
        and not doc[e + 1].ent_type_
        and doc[e + 1].pos_ in ("PROPN", "NOUN")
        and (e + 2 >= len(doc) or not doc[e + 2].is_title)
    ):
        e += 2
    return s, e


def _first_name_before(doc: Doc, s: int, e: int) -> int:
    """A first name the model left out: "Mamadou Dia" tagged as "Dia"."""
    while s > 0:
        prev = doc[s - 1]
        if not (
            prev.is_title
            and prev.pos_ == "PROPN"
            and prev.dep_ == "compound"
            and not prev.ent_type_
            and prev.head.i in range(s, e)
            and prev.lower_ not in HONORIFICS
            and prev.lower_ not in ROLE_NOUNS
            and prev.lower_ not in PEERAGE
        ):
            break
        s -= 1
    return s


def _titled_person(doc: Doc, s: int, e: int) -> int | None:
    """ "Wet'suwet'en Hereditary Chief Na'moks" tagged as a group: where the person's name starts
    after the title, or None."""
    title = next((k for k in range(s + 1, e - 1) if doc[k].lower_ in HONORIFICS), None)
    if title is None:
        return None
    tail = doc[title + 1 : e]
    if len(tail) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in ORG_WORDS for t in tail):
        return title + 1
    return None


def _widened(doc: Doc, s: int, e: int, code: str) -> tuple[int, int]:
    """The span of a name grown over the words the model left out of it."""
    if code in ("ORG", "NORP") and s > 0:
        s = _group_word_before(doc, s, e)
    if code == "ORG":
        s, e = _joined_by_and(doc, s, e)
    if code == "PERSON":
        s = _first_name_before(doc, s, e)
    return s, e


def _peerage_form(doc: Doc, ent_start: int, s: int, e: int) -> str | None:
    """ "Lord Goldsmith", "Baroness Smith of Leigh": the fuller written form of a peer's name."""
    first = ent_start if ent_start < s and doc[ent_start].lower_ in PEERAGE else s - 1
    if first < 0 or doc[first].lower_ not in PEERAGE or not doc[first].is_title:
        return None
    if e + 1 < len(doc) and doc[e].lower_ == "of" and doc[e + 1].pos_ == "PROPN":
        return doc[first : e + 2].text
    return doc[first:e].text


def _names_someone(key: str) -> bool:
    """A cleaned entity text that can name an actor: letters, a capital, no address or path, no
    stance ("anti-Russian", "un-Canadian", "pro-Brexit")."""
    if not any(ch.isalpha() for ch in key) or not any(ch.isupper() for ch in key) or "/" in key or "@" in key:
        return False
    return not _ATTITUDE.match(key)


def _entity_mentions(doc: Doc, ent: Span) -> list[Mention]:
    """The mention an entity of the model gives once cleaned and completed (and the short form
    defined after it in brackets), or none."""
    code = ent.label_
    if ent.start > 0 and doc[ent.start].text == "-" and not doc[ent.start - 1].whitespace_:
        return []  # "-Lavalin": the rest of a hyphenated name, taken with its first part
    s, e = _clean(doc, ent.start, ent.end, code)
    e = _hyphen_run(doc, e)
    e, code, roles = _letters_after(doc, s, e, code)
    if s >= e or (e - s == 1 and doc[s].text in POSTNOMINALS):
        return []
    s, e = _widened(doc, s, e, code)
    if code in ("ORG", "GPE", "NORP"):
        person = _titled_person(doc, s, e)
        if person is not None:
            roles.insert(0, doc[s:person].text)
            s, code = person, "PERSON"
    key = doc[s:e].text
    trim = 2 if len(doc[e - 1]) > 3 and doc[e - 1].text[-2:] in ("'s", "’s", "‘s") else 0
    key = key[: len(key) - trim]
    if not _names_someone(key):
        return []
    m = Mention(s, e, code, key, roles=roles, trim=trim)
    if code == "PERSON":
        m.written = _peerage_form(doc, ent.start, s, e)
    found = [m]
    abbreviation = _defined_abbreviation(doc, e)
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
            token.lower_ not in BODY_NAME_ENDS
            or not token.is_title
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


_PLACE_PREPS = frozenset("in at from near outside throughout across around downtown".split())
_MEDIUM_PREPS = frozenset("on via".split())


def _not_people(doc: Doc, mentions: list[Mention]) -> None:
    """Names the model took for people that the article shows are not: a name with a digit or
    ending in an organisation's or a building's word ("Levada Center", "Bill C-74"), an acronym,
    and a lone name only ever used as a place ("in Surrey", "Mississauga, Ont.") or a medium ("on
    Twitter"). A surname of someone named in full stays a person."""
    surnames = {m.key.split()[-1] for m in mentions if m.type == "PERSON" and " " in m.key}
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.type == "PERSON":
            by_key[m.key].append(m)
    for key, ms in by_key.items():
        words = key.split()
        last = words[-1].lower().strip(".")
        code = None
        if any(ch.isdigit() for ch in key) or last in ORG_WORDS or last in FACILITY_WORDS:
            code = "ORG"
        elif len(words) == 1 and key not in surnames:
            if key.isupper() and len(key) > 1:
                code = "ORG"
            elif all(_abbreviated_region(doc, m) for m in ms):
                code = "GPE"  # "Milton, Ont.": the province after a town
            else:
                places = sum(_used_as_place(doc, m) for m in ms)
                media = sum(doc[m.start - 1].lower_ in _MEDIUM_PREPS for m in ms if m.start > 0)
                if places and places + media >= len(ms) / 2:
                    code = "GPE"
                elif media and media >= len(ms) / 2:
                    code = "ORG"
        if code:
            for m in ms:
                m.type = code


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


def _abbreviated_region(doc: Doc, m: Mention) -> bool:
    """ "Ont." in "Milton, Ont.,": a short word cut off by a full stop, after a comma."""
    return (
        m.end - m.start == 1
        and len(doc[m.start]) <= 4
        and m.start > 0
        and doc[m.start - 1].text == ","
        and m.end < len(doc)
        and doc[m.end].text == "."
        and not doc[m.start].whitespace_
    )


def _used_as_place(doc: Doc, m: Mention) -> bool:
    """ "in Surrey", "Mississauga, Ont.": a name used where a place goes."""
    after = doc[m.end : m.end + 2]
    if (
        len(after) == 2
        and after[0].text == ","
        and (
            (after[1].is_title and after[1].text.endswith("."))
            or (after[1].is_upper and 2 <= len(after[1]) <= 4)
            or (
                after[1].is_title
                and len(after[1]) <= 4
                and m.end + 2 < len(doc)
                and doc[m.end + 2].text == "."
                and not after[1].whitespace_
            )
        )
    ):
        return True
    if _listed_with_places(doc, m):
        return True
    return (
        m.start > 0
        and doc[m.start - 1].lower_ in _PLACE_PREPS
        and not (m.end < len(doc) and doc[m.end].text in POSSESSIVE)
    )


def _listed_with_places(doc: Doc, m: Mention) -> bool:
    """ "in Halden, Larvik, Moss and Sundvik": a name listed after a preposition of place with
    other places, most of the list, is one more place."""
    root = doc[m.end - 1]
    node = root
    for _ in range(6):
        if node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head
    else:
        return False
    if node is root or node.dep_ != "pobj" or node.head.lower_ not in _PLACE_PREPS:
        return False
    heads = [t for t in node.subtree if t.dep_ == "conj" or t.i == node.i]
    others = [t for t in heads if not m.start <= t.i < m.end]
    places = sum(t.ent_type_ in ("GPE", "LOC") for t in others)
    return places >= 2 and places * 2 >= len(others) and not any(t.ent_type_ in ("PERSON", "NORP") for t in others)


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
    for token in token_list(doc):
        if token.text not in first_use or not 0 < token.i < first_use[token.text]:
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
    for token in token_list(doc):
        if covered[token.i] or token.text not in forms:
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
    _not_people(doc, mentions)
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
