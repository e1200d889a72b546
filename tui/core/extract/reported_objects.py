"""Reported speech: what a verb reports in its object (a named thing, a quoted description, a
demand, a blame) and quoted words that are no one's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import (
    NAMING_VERBS,
)
from .syntax import (
    SUBJECT_DEPS,
    np_core,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


_TOPIC_PREPS = {"about", "over", "against", "of", "on"}


_QUOTE_MARKS = frozenset(("“", "”", '"', "‘", "’", "'", "`", "''", "``"))


def _naming_complements(verb: Token) -> list[Token]:
    """What a verb of naming names its object as ("called Trump a “liar”": liar; "described it as
    “a disgrace”": as), none when the verb is in the passive ("has been called a charlatan"): it
    names whoever it is about, and its speaker is no subject."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    # ("described the ferry as ...": the parse may hang the "as" on the object)
    return [
        c
        for c in [*verb.children, *(g for o in objects for g in o.children)]
        if c.i > verb.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"))
    ]


def _named_as(verb: Token, children: list[Token]) -> tuple[list[Token], str] | None:
    """ "Cruz called Trump a “liar” who is “utterly amoral”", "Ham described Clinton as “a
    politician” who “has never had a real job”": a description a speaker gave, told in the
    reporter's words around several quoted pieces of the speaker's own, is reported speech with
    quotations in it: the object with what it is named. One quoted name ("described it as
    “unusual”") is a partial quote, and a name without quote marks ("called the vote close") the
    reporter's summary: neither makes a reported clause."""
    complement = next((c for c in _naming_complements(verb) if _quoted(c)), None)
    if complement is None:
        objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
        # "called the pageant winner “Miss Piggy”": the name the parse set beside the object
        if objects and any(g.dep_ == "appos" for g in objects[0].children):
            tokens = list(objects[0].subtree)
            return (tokens, verb.text) if _several_quoted(tokens) else None
        return None
    # from what it names (an object, or a name the parse took for a second complement) on
    named = [c.left_edge.i for c in children if c.dep_ in ("dobj", "oprd") and verb.i < c.i < complement.i]
    first = min(named, default=complement.left_edge.i)
    last = complement.right_edge.i
    for c in children:  # "... as “provocative” and a “grave threat”": more names, coordinated
        if c.dep_ == "conj" and c.i > last and c.pos_ in ("NOUN", "PROPN", "ADJ") and _quoted(c):
            last = c.right_edge.i
    tokens = [verb.doc[k] for k in range(first, last + 1)]
    return (tokens, verb.text) if _several_quoted(tokens) else None


def _several_quoted(tokens: list[Token]) -> bool:
    """More than one quoted piece among the words (the closing mark of the last may lie past them)."""
    return sum(t.text in _QUOTE_MARKS for t in tokens) >= 3


def _quoted(token: Token) -> bool:
    return any(t.text in _QUOTE_MARKS for t in token.subtree)


def _called_on(verb: Token, children: list[Token]) -> tuple[list[Token], str] | None:
    """ "called on the administration to act": a demand, whom it was made of with what to do."""
    prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i == verb.i + 1), None)
    todo = next((c for c in children if c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)), None)
    if prep is None or todo is None or todo.i < prep.i:
        return None
    return [verb.doc[k] for k in range(prep.i + 1, todo.right_edge.i + 1)], f"{verb.text} {prep.text}"


def _expressed(verb: Token, noun: Token) -> tuple[list[Token], str] | None:
    """ "expressed concern that ...", "raised fears over ...": what the noun of speech is about."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") or (child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS):
            return list(child.subtree), f"{verb.text} {noun.text}"
    return None


_BLAME_VERBS = frozenset("accuse charge blame criticise criticize condemn praise".split())
#: Verbs of naming that report nothing but what they name someone.
_NAMING_ONLY = NAMING_VERBS - {"call"}


def _object_and_phrase(verb: Token, children: list[Token], obj: Token) -> tuple[list[Token], str] | None:
    """ "urged the government to act", "accused him of lying": the object with the phrase after it
    (for a verb of blame, what it blames for)."""
    lemma = verb.lemma_
    rest = [c for c in children if c.i > obj.i and c.dep_ in ("prep", "xcomp", "advcl", "ccomp", "oprd")]
    if lemma == "tell":  # "told reporters on Thursday" says nothing; "told them about ..." does
        rest = [c for c in rest if c.dep_ != "prep" or c.lower_ in ("about", "of")]
    if lemma in _BLAME_VERBS:
        # "accused him of lying", "blamed the shootings on “implicit bias”": what it blames for
        # (an object "charged" is charged with a crime or for a price: "charged ... for the Life";
        # what it says is its clause: "charged that the council had lied")
        blamed_for = {"blame": ("of", "for", "on"), "charge": ()}.get(lemma, ("of", "for"))
        preps = [c for c in rest if c.dep_ == "prep" and c.lower_ in blamed_for]
        preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in blamed_for]
        preps += rest[:1] if blamed_for else []
        for prep in preps:
            pcomps = [g for g in prep.children if g.dep_ in ("pcomp", "pobj")]
            if pcomps:
                return list(pcomps[0].subtree), verb.text
    if not rest or lemma == "charge":
        return None
    tokens = list(obj.subtree)
    for c in rest:
        tokens.extend(c.subtree)
    return sorted(tokens, key=lambda t: t.i), verb.text


def _reported_object(doc: Doc, children: list[Token], obj: Token) -> list[Token]:
    """ "denied the claims", "vowed retribution against Kenya for ...": the object's phrase, with a
    phrase of cause after it and a clause the parser split off after it."""
    tokens = np_core(doc, obj, rights=("prep", "compound", "amod", "nummod", "cc", "conj"))
    clauses = {t.i for t in tokens if t.dep_ in ("relcl", "acl") for t in t.subtree}
    cut = next((k for k, t in enumerate(tokens) if t.i in clauses), len(tokens))
    tokens = tokens[:cut]
    if tokens and obj.left_edge.i < tokens[0].i:  # keep "the" in "the end of the siege"
        tokens = [doc[k] for k in range(obj.left_edge.i, tokens[-1].i + 1)]
    for child in children:  # "vowed retribution against Kenya for sending troops ..."
        if (
            tokens
            and child.dep_ == "prep"
            and child.lower_ in ("for", "against", "over", "about")
            and child.i == tokens[-1].i + 1
        ):
            tokens = tokens + list(child.subtree)
    if not tokens:
        return tokens
    # "denied his statement ... was drafted by ...": a clause the parser split after the object
    for child in children:
        if (
            child.dep_ == "conj"
            and child.i > tokens[-1].i
            and any(c.dep_ in ("auxpass", "aux") for c in child.lefts)
            and not any(c.dep_ in SUBJECT_DEPS for c in child.children)
        ):
            tokens = [doc[k] for k in range(tokens[0].i, child.right_edge.i + 1)]
    return tokens


#: What is denied when it is refused ("denied a request", "denied bail"), not disputed.
_GRANTED = frozenset(
    """request application permit permission access entry bail visa appeal motion petition approval
    licence license asylum parole service benefit coverage funding leave passage""".split()
)

#: Whom a vote confirms in office.
_APPOINTED = frozenset("nominee appointee appointment pick judge justice candidate".split())


#: Verbs whose object, a gerund, is what they report: "admitted using the city's car".
_GERUND_REPORTS = frozenset("deny admit acknowledge".split())


def object_report(doc: Doc, verb: Token, children: list[Token], objs: list[Token]) -> list[Token] | None:
    """ "denied the claims", "revealed the new budget": the object reported, not "admitting Finland
    to the alliance", not whom a vote confirmed, nor "demand disabled people" (too few words to
    say anything)."""
    gerund = next((c for c in children if c.dep_ in ("dobj", "xcomp") and c.tag_ == "VBG" and c.i > verb.i), None)
    if gerund is not None and verb.lemma_ in _GERUND_REPORTS and verb.dep_ != "xcomp":
        return list(gerund.subtree)  # "denied taking any payments": what was denied
    if not objs or objs[0].pos_ not in ("NOUN", "PROPN") or verb.dep_ == "xcomp":
        return None
    if verb.lemma_ == "admit" and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in children):
        return None
    if verb.lemma_ == "confirm" and (objs[0].ent_type_ == "PERSON" or objs[0].lemma_ in _APPOINTED):
        return None  # "the Senate confirmed Smith", "confirming the president's judicial nominees"
    if verb.lemma_ == "deny" and (objs[0].lemma_ in _GRANTED or any(c.dep_ == "dative" for c in children)):
        return None  # "denied a request by the district", "denied him bail": refused, not said
    tokens = _reported_object(doc, children, objs[0])
    return tokens if len([t for t in tokens if not t.is_punct]) >= 3 else None
