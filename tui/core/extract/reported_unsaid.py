"""Verbs of saying that report nothing said: the writer's asides and imperatives, what was
refused or denied, and what is only needed, wanted or planned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import SPEECH_VERBS
from .syntax import ANY_SUBJECT_DEPS, SUBJECT_DEPS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


def aside(verb: Token) -> bool:
    """ "It is worth noting that ...", "It goes without saying that ...": the writer's own aside,
    no one reported."""
    head = verb.head
    return verb.tag_ == "VBG" and (
        (head.lower_ == "worth" and verb.dep_ in ("xcomp", "pcomp", "acomp"))
        or (head.lower_ == "without" and head.head.lemma_ == "go")
    )


def imperative(verb: Token) -> bool:
    """A verb in the imperative: its bare form, no subject, heading its sentence."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "ROOT"
        and not any((c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass")) for c in verb.children)
    )


#: Verbs whose verb of saying is left unsaid: "declined to say why", "refused to confirm that".
_REFUSING = frozenset("decline refuse fail neglect".split())

#: Verbs under which a verb of saying is only needed, wanted, asked for or planned, not done:
#: "needs to tell the truth", "would require police to tell the state", "is expected to announce".
_NOT_YET = frozenset(
    """need want wish hope plan intend try attempt seek require ask urge expect allow permit
    encourage invite have ought prepare aim mean like love prefer dare deserve hesitate forget
    promise vow pledge threaten agree""".split()
)

#: Words after which an infinitive of saying was said: "the first to say that ...".
_DONE_BY = frozenset("first last only second".split())


def unsaid(verb: Token) -> bool:
    """ "has not said he would veto it", "declined to say why it lost the certificate", "higher
    than the city says it is", "needs to tell the truth", "a majority to confirm judges", "pleaded
    guilty": nothing said (yet)."""
    return (
        _not_done(verb)
        or _plea(verb)
        or (verb.dep_ in ("conj", "dep") and verb.i > verb.head.i and _not_done(verb.head, verb))
        or any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ == "than") for c in verb.children)
    )


def _plea(verb: Token) -> bool:
    """ "pleaded guilty to the charge", "pleads not guilty", "pleaded no contest": a plea in court,
    not words reported."""
    return verb.lemma_ == "plead" and any(
        t.lower_ in ("guilty", "innocent", "contest") for t in verb.doc[verb.i + 1 : verb.i + 4]
    )


def _not_done(verb: Token, joined: Token | None = None) -> bool:
    """A verb refused, or one in the infinitive that is only needed or planned; with `joined`, a
    verb joined to it: refused with it, or the refusing verb's own bare form ("declined to
    threaten the union or declare ...")."""
    refused = verb.dep_ == "xcomp" and verb.head.lemma_ in _REFUSING
    if joined is not None:  # (not "refused to confirm it, but said ...")
        return refused or (verb.lemma_ in _REFUSING and joined.tag_ in ("VB", "VBP"))
    if refused:
        return True
    if not any(c.tag_ == "TO" for c in verb.children):
        return False
    if verb.dep_ == "xcomp":
        return verb.head.pos_ in ("VERB", "AUX") and verb.head.lemma_ in _NOT_YET
    return verb.dep_ == "acl" and verb.head.lower_ not in _DONE_BY and verb.head.pos_ == "NOUN"


#: Words for what is said, which a verb of saying after them leaves to the sentence around it:
#: "Everything Keller says is a lie".
_WHAT_IS_SAID = frozenset("everything anything nothing something whatever what all much little".split())


def relative_object(verb: Token, clause: Token) -> bool:
    """ "Everything Keller says is a lie": a clause right after the verb with no subject of its own
    is the predicate of "everything" that opens the sentence, the verb's object, not what was said."""
    if clause.i < verb.i or clause.left_edge.i != verb.i + 1:
        return False
    if any(c.dep_ in ANY_SUBJECT_DEPS for c in clause.children):
        return False
    # (the sentence's subject: "reverse what he said is New York's decline" reports that)
    first = next((t for t in verb.sent if not t.is_punct and not t.is_space and t.dep_ != "cc"), None)
    return first is not None and first.i < verb.i and first.lower_ in _WHAT_IS_SAID


def not_its_report(doc: Doc, verb: Token, clause: Token) -> bool:
    """A clause before the verb that is a sentence of its own, before a semicolon ("X said ...; the
    crew agreed to ..."), or one the verb's own object stands for ("Every time a zone runs short,
    they tweet it out": when, not what), or another attribution ("“You winning?” she said, but
    Kevin was drifting off, and ... Melanie said yes")."""
    if any(t.text == ";" for t in doc[clause.right_edge.i + 1 : verb.i]):
        return True
    if attributes_a_quotation(clause):
        return True
    return verb.lemma_ != "tell" and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)


def attributes_a_quotation(verb: Token) -> bool:
    """ "“You winning?” she said": a verb of saying whose phrase starts right after a closing quote
    mark attributes that quotation."""
    first = verb.left_edge.i
    return verb.lemma_ in SPEECH_VERBS and first > 0 and verb.doc[first - 1].text in ("”", '"', "’")
