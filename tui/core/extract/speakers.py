"""Who is speaking: the subject of a speech verb, and the actor or phrase it stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import DOCUMENT_NOUNS, SPEECH_VERBS
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
            core = np_core(cast.doc, plural, rights=("prep", "compound", "amod"), preps=("of",))
            return span_text(cast.doc, core), None
    if subject.pos_ == "PRON":
        actor = cast.resolve_pronoun(subject)
        return (actor.name, actor.id) if actor else (None, None)
    conjuncts = [subject] + [t for t in subject.subtree if t.dep_ == "conj" and t.head.i in (subject.i,) or
                             (t.dep_ == "conj" and t.head.dep_ == "conj")]
    if len(conjuncts) > 1:
        names = []
        for c in conjuncts:
            hit = cast.actor_of_token(c)
            names.append(hit.name if hit else span_text(cast.doc, np_core(cast.doc, c, rights=("prep", "compound", "amod"))))
        return " and ".join(names), None
    if subject.lemma_ in DOCUMENT_NOUNS:
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None:
            return speaker_of(cast, owner)
        actor = cast.last_subject(subject.idx)
        if actor is not None:
            return actor.name, actor.id
    actor = cast.actor_of_token(subject) or cast.actor_in(list(subject.subtree))
    if actor is not None:
        return actor.name, actor.id
    core = np_core(cast.doc, subject, rights=("prep", "compound", "amod", "acl", "relcl"), preps=("of",))
    cue_clause = next((c for c in subject.rights if c.dep_ == "relcl" and c.lemma_ in SPEECH_VERBS), None)
    if cue_clause is not None:  # "Smith, who said ...": the name without the clause that speaks
        core = [t for t in core if t.i < cue_clause.left_edge.i]
        while core and core[-1].is_punct:
            core.pop()
    phrase = span_text(cast.doc, core) if core else subject.text
    actor = cast.by_role(phrase)
    if actor is not None:
        return actor.name, actor.id
    return phrase, None
