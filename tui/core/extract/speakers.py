"""Who is speaking: the subject of a speech verb, and the actor or phrase it stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import BODY_NOUNS, DOCUMENT_NOUNS, ORG_WORDS, PERSON_NOUNS, SOURCE_TEXT_NOUNS, SPEECH_VERBS
from .syntax import np_core, span_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .cast import Cast

_SUBJECTS = ("nsubj", "nsubjpass")
_SUBORDINATE = {"ccomp", "acl", "relcl", "xcomp", "advcl", "pcomp"}


def subject_of(verb: "Token") -> "Token | None":
    for child in verb.children:  # "Smith, who said ...": the relative pronoun stands for Smith
        if child.dep_ in _SUBJECTS and child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
    node = verb
    if verb.dep_ == "conj" and verb.lemma_ in SPEECH_VERBS and verb.head.dep_ in _SUBORDINATE:
        # "said X was ... and voiced concern": the speech verbs are the coordinated ones.
        climb = verb.head
        for _ in range(8):
            if climb.dep_ == "ROOT" or (climb.lemma_ in SPEECH_VERBS and climb.pos_ == "VERB") or climb.head.i == climb.i:
                break
            climb = climb.head
        if climb.pos_ in ("VERB", "AUX"):
            node = climb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in _SUBJECTS:
                return child
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
            node = node.head
            continue
        break
    for child in verb.children:  # "according to X"
        if child.dep_ == "agent":
            for pobj in child.children:
                return pobj
    if verb.i > 0:  # "..., DeBoer said" with the name misparsed: the name just before the verb
        near = verb.doc[verb.i - 1]
        if (near.pos_ in ("PROPN", "PRON") or near.tag_ == "NNP") and near.dep_ not in ("dobj", "pobj", "poss") and near.lower_ not in ("it", "that", "this", "which", "what"):
            return near
    return None


def speaker_of(cast: Cast, subject: "Token | None") -> tuple[str | None, str | None]:
    if subject is None:
        return None, None
    if subject.pos_ == "PRON" and subject.lower_ in ("they", "we"):
        plural = cast.plural_antecedent(subject)
        group_at = cast.group_mention_before(subject)
        near = plural is not None and (plural.sent.start == subject.sent.start or plural.sent.end == subject.sent.start)
        if plural is not None and (near or group_at is None or plural.idx > group_at):
            if _can_speak(plural):
                core = np_core(cast.doc, plural, rights=("prep", "compound", "amod"), preps=("of",))
                return span_text(cast.doc, core), None
    if subject.pos_ == "PRON" and subject.lower_ not in _QUANTIFIERS:
        actor = cast.resolve_pronoun(subject)
        return (actor.name, actor.id) if actor else (None, None)
    conjuncts = [subject] + [t for t in subject.subtree if t.dep_ == "conj" and t.head.i in (subject.i,) or
                             (t.dep_ == "conj" and t.head.dep_ == "conj")]
    if len(conjuncts) > 1:
        hits = [cast.actor_of_token(c) for c in conjuncts]
        named = [h for h in hits if h is not None]
        others = [c for h, c in zip(hits, conjuncts) if h is None]
        if len(named) == 1 and not any(_can_speak(c) for c in others):
            return named[0].name, named[0].id  # "Kenya and the attacks": the one who can speak
        if not named and not any(_can_speak(c) for c in conjuncts):
            return None, None
        names = [h.name if h else span_text(cast.doc, np_core(cast.doc, c, rights=("prep", "compound", "amod")))
                 for h, c in zip(hits, conjuncts)]
        return " and ".join(names), None
    if subject.lemma_ in DOCUMENT_NOUNS:
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None:
            return speaker_of(cast, owner)
        actor = cast.last_subject(subject.idx)
        if actor is not None:
            return actor.name, actor.id
    actor = cast.actor_of_token(subject) or cast.actor_in(list(subject.subtree))
    if actor is None and subject.dep_ == "appos":  # "Nunes, the brawler who calls herself ..."
        actor = cast.actor_of_token(subject.head)
    if actor is not None:
        return actor.name, actor.id
    preps = None if subject.lower_ in _QUANTIFIERS else ("of",)  # "some in the community"
    core = np_core(cast.doc, subject, rights=("prep", "compound", "amod", "acl", "relcl"), preps=preps)
    cue_clause = next((c for c in subject.rights if c.dep_ == "relcl" and c.lemma_ in SPEECH_VERBS), None)
    if cue_clause is not None:  # "Smith, who said ...": the name without the clause that speaks
        core = [t for t in core if t.i < cue_clause.left_edge.i]
        while core and core[-1].is_punct:
            core.pop()
    phrase = span_text(cast.doc, core) if core else subject.text
    actor = cast.by_role(phrase)
    if actor is not None:
        return actor.name, actor.id
    if not _can_speak(subject):
        return None, None  # "the figures", "fear": no one, so the quote stays unattributed
    return phrase, None


#: Pronouns that pick some of a group ("some in the community", "many of them"): a phrase.
_QUANTIFIERS = frozenset("some many most several others all few none both one those these".split())
_DOERS = ("ist", "ists", "er", "ers", "or", "ors", "ian", "ians", "ant", "ants", "ent", "ents", "ee", "ees")


def _can_speak(head: "Token") -> bool:
    """Whether a noun phrase with this head can be a speaker: a person ("critics", "a local
    man", "extremists"), a body ("the ministry", "the company") or a text that speaks for one
    ("a statement", "the study")."""
    if head.pos_ == "NUM" or head.lower_ in _QUANTIFIERS:
        # "one of the players", "some in the community": the group it is taken from
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from")), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return pobj is None or _can_speak(pobj)
    for word in (head.lower_, head.lemma_.lower()):
        if (word in PERSON_NOUNS or word in BODY_NOUNS or word in DOCUMENT_NOUNS or word in ORG_WORDS
                or word in SOURCE_TEXT_NOUNS):
            return True
    if head.pos_ == "NOUN" and head.lower_.endswith(_DOERS):
        return True  # a doer: "defenders", "extremists", "economists"
    if head.lower_ == "old" and head.i >= 2 and head.doc[head.i - 1].text == "-":
        return True  # "my two-year-old"
    return head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
