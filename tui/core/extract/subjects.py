"""Who speaks, as a token of the sentence: the subject of a speech verb, wherever the parse put
it (after a quotation, after a comma, the verb the act goes on from, the object an infinitive's
verb controls)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import SPEECH_VERBS
from .speakers import can_speak
from .syntax import CLOSING_MARKS, SUBJECT_DEPS, agent_of, told_in_passive

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

_SUBORDINATE = {"ccomp", "acl", "relcl", "xcomp", "advcl", "pcomp"}


_OPENING_MARKS = frozenset(("“", '"', "``", "‘"))
#: What a name and the words before it may be made of: "Oilers coach Ken Hitchcock", "Heart and
#: Stroke's Erin Kim".
_NAME_PHRASE_TAGS = frozenset(("NNP", "NN", "NNS", "POS", "CC", "HYPH"))


def subject_of(verb: Token) -> Token | None:
    """Who a speech verb's speaker is, as a token of the sentence: its subject, wherever the parse
    put it; None when there is none."""
    for child in verb.children:  # "Smith, who said ...": the relative pronoun stands for Smith
        if child.dep_ in SUBJECT_DEPS and child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
    after_quote = _named_after_quote(verb) or named_after_comma(verb)
    if after_quote is not None:
        return after_quote
    agent = agent_of(verb)  # "by X"
    if told_in_passive(verb):  # "was told he had three months": whom it was told, not who told
        return agent
    if agent is not None and any(c.dep_ == "auxpass" for c in verb.children):
        return agent  # "“River Blues” was written by Calloway": who wrote it
    found = _own_or_governing_subject(verb, _whose_act(verb)) or agent
    if found is not None:
        return _not_a_title(verb, found)
    appositive = _speaker_as_appositive(verb)
    if appositive is not None:
        return appositive
    if verb.i > 0:  # "..., DeBoer said" with the name misparsed: the name just before the verb
        near = verb.doc[verb.i - 1]
        if (
            (near.pos_ in ("PROPN", "PRON") or near.tag_ == "NNP")
            and near.dep_ not in ("dobj", "pobj", "poss")
            and near.lower_ not in ("it", "that", "this", "which", "what")
        ):
            return near
    return None


def _speaker_as_appositive(verb: Token) -> Token | None:
    """ "... traded to the Pacers, a person familiar with the deal says.": a verb of saying with no
    subject, right after a phrase the parse set beside the noun before its comma, is that phrase's
    when it can speak."""
    doc = verb.doc
    if verb.i < 2 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    phrase = next((t for t in doc[verb.i - 1].ancestors if t.dep_ == "appos" and t.right_edge.i == verb.i - 1), None)
    if phrase is None and doc[verb.i - 1].dep_ == "appos":
        phrase = doc[verb.i - 1]
    if phrase is None or phrase.left_edge.i < 1 or doc[phrase.left_edge.i - 1].text != ",":
        return None
    return phrase if can_speak(phrase) else None


def before_speaker(tokens: list[Token], subject: Token | None, verb: Token) -> list[Token]:
    """What a verb reports ends at the comma before its speaker, when the parse took the speaker
    for a phrase beside the report's last noun ("..., a person familiar with the deal says")."""
    if subject is None or subject.dep_ != "appos" or subject.right_edge.i != verb.i - 1:
        return tokens
    return [t for t in tokens if t.i < subject.left_edge.i - 1]


def _not_a_title(verb: Token, found: Token) -> Token:
    """ "“...,” Ruiz, a former deputy, said Friday on Channel Nine's “Good Morning Valley.”": a
    subject after the verb that opens a quotation is a title the parse misread; the speaker is the
    name between the quotation before and the verb."""
    doc = verb.doc
    if found.i < verb.i or found.left_edge.i == 0 or doc[found.left_edge.i - 1].text not in _OPENING_MARKS:
        return found
    k = verb.i - 1
    while k > 0 and doc[k].text not in CLOSING_MARKS:
        k -= 1
    return next((t for t in doc[k + 1 : verb.i] if t.pos_ == "PROPN" and t.dep_ != "compound"), found)


def _named_after_quote(verb: Token) -> Token | None:
    """ "“...,” said James Acton, a physicist ...": after a quotation the speaker comes after the
    verb, whatever word of the quotation the parse hung on it as a subject."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in CLOSING_MARKS:
        return None
    later = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > verb.i), None)
    if later is not None:
        return later
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is None or after.tag_ != "NNP" or after.ent_type_ in ("DATE", "TIME"):
        return None
    # the last name of the phrase: "said Oilers coach Ken Hitchcock"
    last = k = after.i
    while k + 1 < len(doc) and doc[k + 1].tag_ in _NAME_PHRASE_TAGS:
        k += 1
        if doc[k].tag_ == "NNP":
            last = k
    return doc[last]


def named_after_comma(verb: Token) -> Token | None:
    """ "That is not just a problem for the town, argued Antunes.": a verb of saying after a comma,
    then a name that ends the sentence, is that name's, however the parse read the name (an
    object, a plural noun); the name's last word, or None."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    k = verb.i + 1
    while k < len(doc) and k < verb.i + 5 and doc[k].is_title and doc[k].ent_type_ not in ("DATE", "TIME"):
        k += 1
    if k == verb.i + 1 or (k < len(doc) and doc[k].text not in (".", ",", ";") and not doc[k].is_space):
        return None
    return doc[k - 1]


def _whose_act(verb: Token) -> Token:
    """The verb whose subject speaks: the verb itself, or the speech verb it goes on from ("said
    X was ... and voiced concern"; "said the plan was too costly, arguing that ...")."""
    own_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    if verb.dep_ == "conj" and verb.lemma_ in SPEECH_VERBS and verb.head.dep_ in _SUBORDINATE and not own_subject:
        # the speech verbs are the coordinated ones (not "said X was ..., and rights groups
        # warned": those have a subject of their own)
        climb = verb.head
        for _ in range(8):
            if (
                climb.dep_ == "ROOT"
                or (climb.lemma_ in SPEECH_VERBS and climb.pos_ == "VERB")
                or climb.head.i == climb.i
            ):
                break
            climb = climb.head
        return climb if climb.pos_ in ("VERB", "AUX") else verb
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not own_subject:
        # who said it goes on arguing, whatever the reported clause's own subject
        climb = verb.head
        for _ in range(4):
            if climb.dep_ == "relcl":
                # "defensive about a plumber who said he was never paid, saying “...”": not the
                # relative clause's subject but the sentence's
                return climb.sent.root
            if climb.lemma_ in SPEECH_VERBS and climb.pos_ == "VERB":
                return climb
            if climb.head.i == climb.i:
                break
            climb = climb.head
    return verb


def _own_or_governing_subject(verb: Token, node: Token) -> Token | None:
    """The subject of `node`, or of the verb it hangs on ("he was quoted as saying")."""
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # two: "The museum, Keller said, would ...": the speaker is the one nearest
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        controller = _object_control(node)
        if controller is not None:
            return controller
        if (node.dep_ in ("conj", "xcomp", "advcl") or _joined_saying(node)) and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head  # "he was quoted as saying", "she replied by saying": its subject
            continue
        break
    return None


def _object_control(node: Token) -> Token | None:
    """ "forced Stumpf to admit that ...": who does what an infinitive says is its verb's object."""
    if node.dep_ != "xcomp" or not any(c.tag_ == "TO" for c in node.children):
        return None
    return next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)


def _joined_saying(verb: Token) -> bool:
    """ "said she thinks it should be released but said “...”": a verb of saying after "and" or
    "but", with no subject, that the parse hung on the verb before as its clause; it goes on
    from that verb, and so does its speaker."""
    return (
        verb.dep_ == "ccomp"
        and verb.lemma_ in SPEECH_VERBS
        and verb.i > 0
        and verb.doc[verb.i - 1].pos_ == "CCONJ"
        and verb.head.lemma_ in SPEECH_VERBS
    )
