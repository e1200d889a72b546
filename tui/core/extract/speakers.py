"""Who is speaking: the actor or phrase a speech verb's subject stands for (a name, a pronoun, a text
and its maker, a description; subjects.py finds the subject)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .lexicon import (
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    KINSHIP,
    ORG_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    SOURCE_TEXT_NOUNS,
    SPEECH_VERBS,
)
from .syntax import np_core, sentence_bounds, sentence_start, span_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..model import Actor
    from .cast import Cast


class Voice(NamedTuple):
    """Who speaks: a name as the panel shows it, the actor's id if it is one, and whether it is
    an unnamed person or group ("a senior official", "two people familiar with the talks")."""

    name: str | None = None
    actor: str | None = None
    anonymous: bool = False


NOBODY = Voice()

#: The story's own writer, speaking in the first person.
WRITER = Voice("the writer")


def speaker_of(cast: Cast, subject: Token | None) -> Voice:
    """The voice a speech verb's subject stands for."""
    if subject is None:
        return NOBODY
    subject = _past_dateline(subject)
    voice = _pronoun_voice(cast, subject)
    if voice is not None:
        return voice
    listed = next(
        (c for c in subject.children if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)), None
    )
    if listed is not None and cast.actor_of_token(listed) is not None:
        subject = listed  # "the owners, Ann Roe and Bo Li, said": the people it lists
    conjuncts = [subject] + [
        t
        for t in subject.subtree
        if t.dep_ == "conj" and t.head.i in (subject.i,) or (t.dep_ == "conj" and t.head.dep_ == "conj")
    ]
    conjuncts = list({t.i: t for t in conjuncts}.values())
    one = _one_named(cast, subject, conjuncts) if len(conjuncts) > 1 else None
    if one is not None:
        subject, conjuncts = one, [one]
    if len(conjuncts) > 1:
        return _conjunct_voice(cast, subject, conjuncts)
    voice = _text_voice(cast, subject)
    if voice is not None:
        return voice
    actor = cast.actor_of_token(subject) or cast.actor_in(list(subject.subtree))
    if actor is None and subject.dep_ == "appos" and not _speaks_next(subject):
        actor = cast.actor_of_token(subject.head)  # "Nunes, the brawler who calls herself ..."
    if actor is not None:
        return Voice(actor.name, actor.id)
    if not can_speak(subject):
        return NOBODY  # "the figures", "fear": no one, so the quote stays unattributed
    return _phrase_voice(cast, subject)


def _speaks_next(phrase: Token) -> bool:
    """ "..., a person familiar with the deal says": a phrase right before its verb of saying is
    the speaker itself, not a description of the noun the parse hung it on."""
    doc, after = phrase.doc, phrase.right_edge.i + 1
    return after < len(doc) and doc[after].pos_ == "VERB" and doc[after].lemma_ in SPEECH_VERBS


def _past_dateline(subject: Token) -> Token:
    """ "WASHINGTON -- President Obama, opening the museum, said ...": the parse took the dateline
    opening the paragraph for the subject and the speaker for what it names; the speaker."""
    doc = subject.doc
    at_start = subject.i == 0 or doc[subject.i - 1].text_with_ws.endswith("\n") or doc[subject.i - 1].is_space
    if not (at_start and subject.text.isupper() and subject.i + 1 < len(doc) and doc[subject.i + 1].text in _DASHES):
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i + 1), subject)


_DASHES = frozenset(("--", "-", "—", "–"))


def _one_named(cast: Cast, subject: Token, conjuncts: list[Token]) -> Token | None:
    """ "the former secretary of state and current nominee Hillary Clinton said", "the former
    secretary of state and current nominee said": titles joined by "and" under one article are
    one person's, the one a name after them or one of the titles stands for; that token, or None."""
    if any(c.pos_ != "NOUN" for c in conjuncts):
        return None
    names = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > conjuncts[-1].i]
    if len(names) == 1 and not any(g.dep_ == "conj" for g in names[0].children):
        actor = cast.actor_of_token(names[0])
        return names[0] if actor is not None and actor.type == "PERSON" else None
    if names or any(g.dep_ in ("det", "poss") for c in conjuncts[1:] for g in c.children):
        return None  # "the mayor and the senator": two people
    people = [c for c in conjuncts if (a := cast.actor_of_token(c)) is not None and a.type == "PERSON"]
    return people[0] if len(people) == 1 else None


def _pronoun_voice(cast: Cast, subject: Token) -> Voice | None:
    """The voice of a pronoun subject ("they", "it", "she"), or None when the subject is none."""
    if subject.pos_ == "PRON" and subject.text == "I" and not cast.aside(subject.idx):
        return WRITER  # "“It could be,” I said.": the one who writes the story, not its last speaker
    if subject.pos_ == "PRON" and subject.lower_ in ("they", "we"):
        voice = _plural_voice(cast, subject)
        if voice is not None:
            return voice
    if subject.lower_ == "it" and subject.dep_ == "nsubj":
        body = _body_subject_before(subject)
        if body is not None:  # "The ministry's consular office published a notice. It urged ..."
            return speaker_of(cast, body)
    if subject.pos_ == "PRON" and subject.lower_ not in _QUANTIFIERS:
        unnamed = cast.unnamed_antecedent(subject)
        if unnamed is not None:  # "a senior official said ... He added ...": still unnamed
            return speaker_of(cast, unnamed)
        actor = cast.resolve_pronoun(subject)
        return Voice(actor.name, actor.id) if actor else NOBODY
    return None


def _plural_voice(cast: Cast, subject: Token) -> Voice | None:
    """ "they" or "we": the plural subject before it, when nearer than a group's name."""
    plural = cast.plural_antecedent(subject)
    if plural is None:
        return None
    group_at = cast.group_mention_before(subject)
    (plural_start, plural_end), subject_start = sentence_bounds(plural), sentence_start(subject)
    near = plural_start == subject_start or plural_end == subject_start
    if not (near or group_at is None or plural.idx > group_at):
        return None
    if plural.pos_ == "PROPN" or cast.actor_in(list(plural.subtree)) is not None:
        return speaker_of(cast, plural)  # "Ann Roe and Bo Li", "the owners, Ann Roe and Bo Li"
    if can_speak(plural):
        return _phrase_voice(cast, plural)
    return None


def _conjunct_voice(cast: Cast, subject: Token, conjuncts: list[Token]) -> Voice:
    """The voice of a subject of several conjuncts: the one who can speak, the body it names, or
    all of them together."""
    hits = [cast.actor_of_token(c) for c in conjuncts]
    named = [h for h in hits if h is not None]
    others = [c for h, c in zip(hits, conjuncts, strict=False) if h is None]
    if len(named) == 1 and not any(can_speak(c) for c in others):
        return Voice(named[0].name, named[0].id)  # "Kenya and the attacks": the one who can speak
    if not named and not any(can_speak(c) for c in conjuncts):
        return NOBODY
    if not named:  # "their allies and members of the Unionist Party": the body it names
        embedded = {
            a.id: a
            for t in subject.subtree
            if (a := cast.actor_of_token(t)) is not None and a.type in ("ORG", "PERSON")
        }
        if len(embedded) == 1:
            actor = next(iter(embedded.values()))
            return Voice(actor.name, actor.id)
    names = list(
        dict.fromkeys(
            h.name if h else span_text(cast.doc, np_core(cast.doc, c, rights=("prep", "compound", "amod")))
            for h, c in zip(hits, conjuncts, strict=False)
        )
    )
    return Voice(" and ".join(names), None, not named and all(_is_person(c) for c in conjuncts))


def _text_voice(cast: Cast, subject: Token) -> Voice | None:
    """A statement, report or figures as the subject: the voice of who made it, or None when the
    subject is no text or its maker is not found."""
    document = subject.lemma_ in DOCUMENT_NOUNS
    if not document and not (
        subject.pos_ == "NOUN" and (subject.lemma_ in SOURCE_TEXT_NOUNS or subject.lower_ in SOURCE_TEXT_NOUNS)
    ):
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is not None and not document and cast.actor_in(list(owner.subtree)) is None:
        owner = None  # "the study's authors" is no one named
    if owner is None:  # "a release (sent to media) from the union", "figures released by the society"
        owner = _author(cast, subject, ("from", "by", "in") if document else ("from", "by"))
    if owner is None and document:  # "the parole board decision", "the Globe report": the body it is named by
        owner = next(
            (
                c
                for c in subject.children
                if c.dep_ == "compound"
                and c.i < subject.i
                and (cast.actor_in(list(c.subtree)) is not None or c.lower_ in BODY_NOUNS)
            ),
            None,
        )
    if owner is not None and owner.pos_ == "PRON" and owner.lower_ in PERSON_PRONOUNS:
        center = cast.center_for(owner)  # "her statement read": hers is whom the story is about
        if center is not None:
            return Voice(center.name, center.id)
    if owner is not None:
        return speaker_of(cast, owner)
    return _unowned_text_voice(cast, subject) if document else None


def _unowned_text_voice(cast: Cast, subject: Token) -> Voice | None:
    """A text whose maker its phrase does not name: who sent or wrote it before ("fishermen sent
    a letter to the Trust. ... “...,” the letter reads."), else the one who last spoke; None for
    texts in general ("Reports say ...": no one's in particular)."""
    sent = _sent_before(subject)
    if sent is not None:
        return _sender_voice(cast, sent)
    if subject.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in subject.children):
        return None
    actor = cast.last_subject(subject.idx)
    return Voice(actor.name, actor.id) if actor is not None else None


def _sent_before(text_noun: Token) -> Token | None:
    """The verb by which the same kind of text was sent or written before, as its object, within
    a few sentences ("a group of fishermen sent a letter to the Trust"), or None."""
    doc = text_noun.doc
    for t in reversed(doc[max(0, text_noun.i - 150) : text_noun.i]):
        if t.lemma_ == text_noun.lemma_ and t.dep_ == "dobj" and t.head.lemma_ in _AUTHORING:
            return t.head  # (not "received a letter", "rejected the report": whom it reached)
    return None


def _sender_voice(cast: Cast, verb: Token) -> Voice | None:
    """Who sent or wrote the text, when the story names them; else None, so the text speaks for
    itself ("the letter"), not whom it was sent to, nor the last speaker."""
    sender = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    actor = cast.actor_in(list(sender.subtree)) if sender is not None else None
    return Voice(actor.name, actor.id) if actor is not None else None


#: Verbs that make a text (its maker is its voice): "figures released by", "a poll conducted by";
#: not "emails obtained by", "a report seen by", whose makers are someone else.
_AUTHORING = frozenset(
    "release publish issue conduct commission compile prepare produce write send post file sign author pen draft submit deliver".split()
)


def _author(cast: Cast, text_noun: Token, preps: tuple[str, ...]) -> Token | None:
    """Who made a statement, report or set of figures: a named actor or a body after "from",
    "by" (or "in") that goes with the noun, or with a verb of making it."""
    for t in text_noun.subtree:
        if t.lower_ not in preps:
            continue
        on_noun = t.dep_ == "prep" and (
            t.head.i == text_noun.i or (t.head.dep_ == "acl" and t.head.head.i == text_noun.i)
        )
        made_by = (
            t.dep_ == "agent" and t.head.dep_ == "acl" and t.head.head.i == text_noun.i and t.head.lemma_ in _AUTHORING
        )
        if not (on_noun or made_by):
            continue
        pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if cast.actor_in(list(pobj.subtree)) is not None or pobj.lower_ in BODY_NOUNS or pobj.lemma_ in BODY_NOUNS:
            return pobj
    return None


def _body_subject_before(it: Token) -> Token | None:
    """For "It" opening a sentence: the subject of the sentence before, when that is a body or a
    text named by a common noun ("The foreign ministry's consular office also published a
    notice ... It urged citizens to ..."); the story is still about it, whatever was named since."""
    doc = it.doc
    start = sentence_start(it)
    if it.i != start or start == 0:
        return None
    root = doc[start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN":
        return None
    words = (subject.lower_, subject.lemma_.lower())
    if any(w in BODY_NOUNS or w in ORG_WORDS or w in DOCUMENT_NOUNS or w in SOURCE_TEXT_NOUNS for w in words):
        return subject
    return None


def _phrase_voice(cast: Cast, head: Token) -> Voice:
    """An unnamed speaker as a short noun phrase: "senior Western official", "two people familiar
    with the matter", "spokesperson" (without "who asked not to be named"); a role only one
    actor holds is that actor."""
    preps = None if head.lower_ in _QUANTIFIERS else ("of", "with", "for", "from", "in", "at", "on")
    core = np_core(cast.doc, head, rights=("prep", "compound", "amod", "acl", "nummod"), preps=preps)
    for child in head.rights:  # "police on Sunday": when is not who
        if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
            core = [t for t in core if t.i < child.i]
    cut = next(
        (
            k
            for k, t in enumerate(core)
            if t.i > head.i
            and (
                t.text in (",", "(", "—", "–", "“", '"')
                or (
                    t.dep_ == "cc" and not (t.head.pos_ == "PROPN" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].is_title)
                )
                or t.lower_ in ("who", "which", "that", "whose", "what")
            )
        ),
        len(core),
    )
    core = core[:cut]
    while core and (
        core[-1].is_punct or core[-1].dep_ in ("cc", "prep", "det") or (core[-1].pos_ == "ADJ" and core[-1].i > head.i)
    ):  # "a guard present (during ...)"
        core.pop()
    phrase = span_text(cast.doc, core) if core else head.text
    kin = _named_kin(cast, head)
    if kin is not None:  # "her father", named as "Tom Roe, Ann Roe's father": that person
        return Voice(kin.name, kin.id)
    # "a spokesman said" is someone new, never the spokesman the story named before
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)
    actor = None if indefinite else cast.by_role(phrase, head.idx)
    if actor is not None:
        return Voice(actor.name, actor.id)
    return Voice(phrase, None, _is_person(head))


def _named_kin(cast: Cast, head: Token) -> Actor | None:
    """ "her father", "Ann Roe's son": the person the article names as that kin of that owner."""
    if head.lower_ not in KINSHIP:
        return None
    owner_word = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner_word is None:
        return None
    if owner_word.pos_ == "PRON":
        owner = cast.resolve_pronoun(owner_word)
    else:
        owner = cast.actor_in(list(owner_word.subtree))
    if owner is None:
        return None
    for role in (f"{head.lower_} of {owner.name}", f"{owner.name}'s {head.lower_}"):
        kin = cast.by_role(role)
        if kin is not None and kin is not owner:
            return kin
    return None


def _is_person(head: Token) -> bool:
    """Whether an unnamed speaker is a person or a group of people (not a body or a text)."""
    if head.pos_ == "NUM" or head.lower_ in _QUANTIFIERS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from")), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return pobj is None or _is_person(pobj)
    if head.pos_ == "PROPN" or head.ent_type_:
        return False
    words = (head.lower_, head.lemma_.lower())
    if any(w in BODY_NOUNS or w in DOCUMENT_NOUNS or w in SOURCE_TEXT_NOUNS or w in ORG_WORDS for w in words):
        return False
    return any(w in PERSON_NOUNS for w in words) or (head.pos_ == "NOUN" and head.lower_.endswith(_DOERS))


#: Pronouns that pick some of a group ("some in the community", "many of them"): a phrase.
_QUANTIFIERS = frozenset("some many most several others all few none both one those these".split())
_DOERS = ("ist", "ists", "er", "ers", "or", "ors", "ian", "ians", "ant", "ants", "ent", "ents", "ee", "ees")


def can_speak(head: Token) -> bool:
    """Whether a noun phrase with this head can be a speaker: a person ("critics", "a local
    man", "extremists"), a body ("the ministry", "the company") or a text that speaks for one
    ("a statement", "the study")."""
    if head.pos_ == "NUM" or head.lower_ in _QUANTIFIERS:
        # "one of the players", "some in the community": the group it is taken from
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from")), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return pobj is None or can_speak(pobj)
    for word in (head.lower_, head.lemma_.lower()):
        if (
            word in PERSON_NOUNS
            or word in BODY_NOUNS
            or word in DOCUMENT_NOUNS
            or word in ORG_WORDS
            or word in SOURCE_TEXT_NOUNS
        ):
            return True
    if head.pos_ == "NOUN" and head.lower_.endswith(_DOERS):
        return True  # a doer: "defenders", "extremists", "economists"
    if head.lower_ == "old" and head.i >= 2 and head.doc[head.i - 1].text == "-":
        return True  # "my two-year-old"
    return head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
