"""A reported clause the parse hung on when or where it was said: "said on Tuesday that ...",
"tweeted in the early morning hours that ..." read as a relative clause of the day or the hour,
"said in a statement that ..." as a clause of the statement, "told NBC's show that ..." as one
of the show, "said after the convention he would not ..." as a clause of when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syntax import SUBJECT_DEPS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: Nouns of a time of day or a period, which the tagger may not mark as a date ("the early
#: morning hours").
_TIME_NOUNS = frozenset("hour morning afternoon evening night day week month year weekend".split())

#: What a clause's verb has beside its subject when "that" cannot be its object or subject.
_COMPLEMENTS = frozenset("acomp attr ccomp xcomp oprd dobj auxpass".split())

#: Prepositions of time ("after the convention").
_TIME_PREPS = frozenset("after before during since following".split())

#: Where something was said, which the parse may hang the reported clause on ("in a statement").
_MEDIA = frozenset("statement interview release letter email post tweet speech briefing filing video".split())


def _when(child: Token) -> Token | None:
    """The time a verb's child says the verb happened at ("on Tuesday", "in the morning hours",
    "Tuesday"), or None."""
    time: Token | None = None
    if child.dep_ in ("npadvmod", "tmod"):
        time = child
    elif child.dep_ == "prep":
        time = next((g for g in child.children if g.dep_ == "pobj"), None)
    if time is None:
        return None
    if time.ent_type_ in ("DATE", "TIME") or time.lemma_ in _TIME_NOUNS or time.lemma_ in _MEDIA:
        return time
    return None


def _hearer(verb: Token, child: Token) -> Token | None:
    """Whom a speaker told, named, which the parse may hang the clause told on ("told NBC’s
    “Today” show on Wednesday that he ..."); not what was told ("tells so many lies that ...")."""
    if verb.lemma_ != "tell" or child.dep_ not in ("dobj", "dative"):
        return None
    return child if any(t.pos_ == "PROPN" for t in child.subtree if t.i <= child.i) else None


def that_after_when(verb: Token) -> list[Token] | None:
    """ "Roe tweeted in the early morning hours that Li was “disgusting”": the "that" clause after
    when something was said is what was said, when "that" fills no gap in it (its verb has its
    own subject and complement: not "said on the day that the ferry sank", a day)."""
    for child in verb.children:
        time = (_when(child) or _hearer(verb, child)) if child.i > verb.i else None
        if time is None:
            continue
        for clause in (c for c in time.children if c.dep_ in ("relcl", "acl")):
            that = clause.doc[clause.left_edge.i]
            if that.lower_ != "that" or time.left_edge.i > that.i - 1:
                continue  # ("that" right after the time's words)
            if that.dep_ in SUBJECT_DEPS or not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
                continue
            if any(c.dep_ in _COMPLEMENTS and c.i != that.i for c in clause.children):
                tokens = [t for t in clause.subtree if t.i != that.i]
                # "that Li was “disgusting” and “a con”": what the parse joined to the time instead
                for joined in (c for c in time.children if c.dep_ == "conj" and c.i > clause.right_edge.i):
                    tokens += list(clause.doc[tokens[-1].i + 1 : joined.right_edge.i + 1])
                return tokens
    return None


def clause_after_when(verb: Token) -> list[Token] | None:
    """ "Keller said after the convention he would not accept ...": a clause after the verb that
    the parse read as the verb's circumstance, with the time at its head ("after the convention")
    and no word that subordinates it (not "if", "because"), is what was said, from its subject."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i or clause.pos_ not in ("VERB", "AUX"):
            continue
        children = list(clause.children)
        subject = next((c for c in children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or any(c.dep_ == "mark" for c in children):
            continue
        if not any(c.i < subject.i and (_when(c) is not None or c.lower_ in _TIME_PREPS) for c in children):
            continue
        return [t for t in clause.subtree if t.i >= subject.left_edge.i]
    return None


def past_when(verb: Token, clause: list[Token]) -> list[Token]:
    """ "The Trust said on Monday it would close the pier": a time right after the verb, before
    the reported clause's subject, is when it was said, whatever the parse hung it on; the clause
    begins after it (not "said that on Monday ...": that time is the clause's)."""
    if not clause or clause[0].i != verb.i + 1:
        return clause
    k = 0
    while k < len(clause) and (
        clause[k].ent_type_ in ("DATE", "TIME")
        or (clause[k].dep_ == "prep" and _when(clause[k]) is not None)
        or (k and clause[k].text == ",")  # ("As Hale said last week, the pier ...")
    ):
        k += 1
    rest = clause[k:]
    subject_first = any(t.dep_ in SUBJECT_DEPS and t.left_edge.i == rest[0].i for t in rest) if rest else False
    return rest if k and subject_first else clause
