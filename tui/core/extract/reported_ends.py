"""Where a reported clause ends: at the next act of saying (the speaker's own or another's), and
not where the parse ends a sentence after an abbreviation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import COGNITION_VERBS, OBJECT_SPEECH_VERBS, SPEECH_VERBS
from .speakers import can_speak
from .syntax import FINITE_TAGS, SUBJECT_DEPS, sentence_bounds

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .marks import QuoteMask


def past_false_break(doc: Doc, tokens: list[Token]) -> list[Token]:
    """ "says he's lost 16 lbs. since he signed up": a clause that ends where the parse ends a
    sentence, after an abbreviation's full stop, goes on when the next sentence begins in
    lower case in the same paragraph (no sentence does)."""
    if not tokens:
        return tokens
    _, end = sentence_bounds(tokens[-1])
    last = max(t.i for t in tokens)
    if end >= len(doc) or any(not (t.is_punct or t.is_space) for t in doc[last + 1 : end]):
        return tokens
    first = doc[end]
    if not (first.is_alpha and first.is_lower) or "\n" in doc[last:end].text_with_ws:
        return tokens
    _, hi = sentence_bounds(first)
    return tokens + [t for t in doc[last + 1 : hi]]


def before_next_act(verb: Token, clause: list[Token], mask: QuoteMask) -> list[Token]:
    """ "said he did not believe it, arguing that ...", "said the factors mattered, citing ...",
    "emphasized that the reforms were not complete, and rights groups warned that ...": a reported
    clause ends at the comma where another act of saying follows it, the speaker's own next one (a
    participle) or someone else's (a verb of saying with a subject of its own: "what she says the
    plan would do and how experts say it would work" ends at the "and", comma or not)."""
    at = {t.i: k for k, t in enumerate(clause)}
    for t in clause[2:]:
        saying = t.lemma_ == "cite" or (t.lemma_ in SPEECH_VERBS and t.lemma_ not in COGNITION_VERBS)
        if t.pos_ != "VERB" or not saying or mask.find(t.idx) is not None:
            continue
        k = at.get(t.left_edge.i, at[t.i])  # (where its subject starts, when it has one)
        joined = k >= 2 and clause[k - 1].dep_ == "cc"
        before = k - 2 if joined else k - 1
        other = t.dep_ == "conj" and (any(c.dep_ in SUBJECT_DEPS for c in t.children) or _second_act(verb, t))
        if joined and other and before >= 1 and any(c.dep_ in ("ccomp", "dobj") and c.i > t.i for c in t.children):
            return clause[: before + 1]  # (what the other reports after: not "and the team responded")
        if before < 1 or clause[before].text not in (",", ";"):
            continue
        own = t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp")
        if own or other or _conceded(t):
            return clause[:before]
    return clause


def _second_act(verb: Token, t: Token) -> bool:
    """ "The suit says Roe was involved in 70 fights and alleges that ...", "said the port was
    closed and warned shippers to ...": a verb of saying with no subject and a report of its own,
    joined inside the clause in the tense of the verb that reports it, is the speaker's next act,
    when the clause it is joined to is in another tense or has a subject that cannot speak (not
    "said the suspect was arrested and told police he acted alone": the suspect told)."""
    reports = any(c.dep_ == "ccomp" for c in t.children) or (
        t.lemma_ in OBJECT_SPEECH_VERBS and any(c.dep_ == "dobj" for c in t.children)
    )
    if t.tag_ != verb.tag_ or not reports:
        return False
    head = t.head
    aux = next((c for c in head.children if c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS), None)
    # (a participle with no auxiliary is a past tense the tagger misread: "police located her and told ...")
    tense = aux.tag_ if aux is not None else "VBD" if head.tag_ == "VBN" else head.tag_
    if tense != verb.tag_:
        return True
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.pos_ == "NOUN" and not can_speak(subject)


#: Words that set one statement against another: "..., although she noted ...".
_CONCESSIVE = frozenset("although though while whereas".split())


def _conceded(t: Token) -> bool:
    """ "said the trial would go ahead, although she noted the defence had asked ...": a verb of
    saying with a subject of its own, set against the clause before, is a statement of its own."""
    return (
        t.dep_ == "advcl"
        and any(c.dep_ in SUBJECT_DEPS for c in t.children)
        and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in t.children)
    )
