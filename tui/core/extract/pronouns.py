"""Who "he", "she" and "they" are: a person pronoun stands for the person the story is about at
that point (the last person who was a subject, or who was just introduced: centering), never for
someone of the other gender as the article itself shows it (an honorific, a family word, a
pronoun that can only be theirs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .lexicon import (
    FEMALE_PRONOUNS,
    FEMALE_WORDS,
    MALE_PRONOUNS,
    MALE_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    SPEECH_VERBS,
)
from .syntax import CLOSING_MARKS, SUBJECT_DEPS, sentence_start, token_list

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..model import Actor


class Resolver(Protocol):
    """What reading references needs of the cast (cast.Cast provides it)."""

    doc: Doc
    actors: list[Actor]
    token_actor: list[int]

    def actor_in(self, tokens) -> Actor | None: ...

    def confident_pronoun(self, token: Token) -> Actor | None: ...

    def aside(self, char: int) -> bool: ...


@dataclass
class References:
    """What the pronouns and subjects of an article point to, in text order."""

    pronouns: dict[int, int] = field(default_factory=dict)  # token index -> actor index
    unnamed: dict[int, int] = field(default_factory=dict)  # pronoun token -> unnamed subject token
    speech_subjects: list[tuple[int, int]] = field(default_factory=list)  # (char, actor) of speech verbs
    plural_subjects: list[tuple[int, int]] = field(default_factory=list)  # (char, token index)
    centers: list[tuple[int, int]] = field(default_factory=list)  # (char, person) the story is about
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (actor, start, end) of pronouns
    gender: dict[int, str] = field(default_factory=dict)  # person -> "m" | "f", where the text shows it
    neuter: set[int] = field(default_factory=set)  # names the text calls "its": not people


def pronoun_gender(word: str) -> str | None:
    low = word.lower()
    return "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None


def read_references(cast: Resolver, window: int = 1500) -> References:
    """Resolve the person pronouns of the article and note its centers and speech subjects."""
    return _Reader(cast, window).read()


class _Reader:
    """One pass over the article's tokens, keeping who the story is about as it goes."""

    def __init__(self, cast: Resolver, window: int) -> None:
        shown = _genders(cast)
        self.cast, self.window = cast, window
        self.refs = References(
            gender={i: g for i, g in shown.items() if g != "n"}, neuter={i for i, g in shown.items() if g == "n"}
        )
        self.index = {id(a): i for i, a in enumerate(cast.actors)}
        self.recent: list[tuple[int, int]] = []  # centers, most recent last
        self.introduced: dict[int, int] = {}  # person -> char of their first name in this sentence
        self.person_subject = False  # whether this sentence has a person as the subject of its main clause

    def read(self) -> References:
        for token in token_list(self.cast.doc):
            if token.is_sent_start:
                _introduce(self.introduced, self.person_subject, self.recent, self.refs)
                self.introduced, self.person_subject = {}, False
            self._token(token)
        _introduce(self.introduced, self.person_subject, self.recent, self.refs)
        return self.refs

    def _token(self, token: Token) -> None:
        dep = token.dep_
        is_subject = (dep in SUBJECT_DEPS and not _imperative_object(token)) or (
            dep == "pobj" and token.head.dep_ == "agent"
        )
        idx = self.cast.token_actor[token.i]
        if (
            not is_subject
            and idx < 0
            and (token.pos_ != "PRON" or token.lower_ not in PERSON_PRONOUNS)
            and not (dep == "ROOT" and token.pos_ == "PROPN")
        ):
            return  # nothing here refers to anyone
        if idx < 0 and is_subject:
            idx = self._subject_actor(token)
        if idx >= 0 and is_subject and token.head.lemma_ in SPEECH_VERBS:
            self.refs.speech_subjects.append((token.idx, idx))
        if is_subject and idx < 0 and token.tag_ in ("NNS", "NNPS") and salient(token):
            self.refs.plural_subjects.append((token.idx, token.i))
        person = idx >= 0 and self.cast.actors[idx].type == "PERSON"
        if person:
            self._person(token, idx, is_subject)
        elif is_subject and token.pos_ == "NOUN" and token.lower_ in PERSON_NOUNS and salient(token):
            self.person_subject = True  # "the star picked apart ...": about a person
        if idx < 0 and is_subject:
            self._unnamed_subject(token)
        if not person and token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
            self._pronoun(token, is_subject)

    def _subject_actor(self, token: Token) -> int:
        """The actor a subject in no mention stands for: a name inside its phrase ("the British aid
        group Gatsby"), or what "who" refers to ("Bortis, who noted ...": Bortis speaks)."""
        idx = -1
        if token.pos_ in ("NOUN", "PROPN"):
            named = self.cast.actor_in(list(token.subtree))
            idx = self.index[id(named)] if named is not None and named.type in ("PERSON", "ORG") else -1
        if idx < 0 and token.lower_ == "who" and token.head.dep_ == "relcl":
            idx = self.cast.token_actor[token.head.head.i]
        return idx

    def _person(self, token: Token, idx: int, is_subject: bool) -> None:
        """A person named here: introduced in full, a center when the subject of the main clause."""
        cast, refs = self.cast, self.refs
        if not cast.aside(token.idx) and _full_name_at(cast.token_actor, token):
            self.introduced.setdefault(idx, token.idx)
        elif is_subject and (salient(token) or (self.recent and self.recent[-1][1] == idx)):
            # of the main clause, or the person the story is about ("after Poulter led Europe"),
            # not another in a clause aside ("While Obama had ..., which concerns Henry Crespo, ...")
            self.person_subject = True
        several = is_subject and _several(token)  # one of several is no center
        if several and salient(token) and not cast.aside(token.idx):
            refs.plural_subjects.append((token.idx, token.i))  # "Ann Roe and Bo Li said": a "they"
        if not several and (is_subject and salient(token) or _fragment_head(token)) and not cast.aside(token.idx):
            # a subject of the main clause, or a name heading a caption
            self.person_subject = self.person_subject or is_subject
            recent = self.recent
            if not recent or recent[-1][1] != idx or token.idx - recent[-1][0] > 200:
                recent.append((token.idx, idx))
                refs.centers.append((token.idx, idx))

    def _unnamed_subject(self, token: Token) -> None:
        """ "a senior official said": someone, unnamed, the story is about."""
        if (
            salient(token)
            and token.head.lemma_ in SPEECH_VERBS
            and _unnamed_person(token)
            and not self.cast.aside(token.idx)
        ):
            self.recent.append((token.idx, -1 - token.i))
            self.person_subject = True

    def _pronoun(self, token: Token, is_subject: bool) -> None:
        """A person pronoun: the center it agrees with, else the cast's confident reading."""
        refs, cast = self.refs, self.cast
        wanted = pronoun_gender(token.text)
        target = None
        if is_subject:
            target = _center_for(self.recent, refs.gender, wanted, token.idx, self.window)
        confident = cast.confident_pronoun(token) if target is None else None
        if confident is not None and refs.gender.get(self.index[id(confident)], wanted) != wanted:
            confident = None
        if target is None and confident is not None:
            target = self.index[id(confident)]
        if target is not None and target < 0:
            refs.unnamed[token.i] = -1 - target
            return
        if target is None:
            return
        refs.pronouns[token.i] = target
        if (
            wanted is not None
            and is_subject
            and token.head.lemma_ in SPEECH_VERBS
            and target not in refs.gender
            and target not in refs.neuter
            and not cast.aside(token.idx)  # a "he" inside quoted words is whom the speaker talks about
        ):
            # "“...,” he said" for Tom Baker: the speaker is a man from now on, so a later "she
            # said" is not him but the last woman the story turned to
            refs.gender[target] = wanted
        if is_subject and salient(token) and not cast.aside(token.idx):
            self.person_subject = True
            self.recent.append((token.idx, target))
            refs.centers.append((token.idx, target))
        if confident is not None or is_subject:
            refs.mentions.append((target, token.idx, token.idx + len(token.text)))


def _introduce(
    introduced: dict[int, int], person_subject: bool, recent: list[tuple[int, int]], refs: References
) -> None:
    """ "Exercise also paid off for Toronto accountant Ann Roe, 50. “...,” she says.": a sentence
    whose main clause is about no person, naming one person, turns the story to that person, so
    the next "she" is hers (not the last person who was a subject)."""
    if person_subject or len(introduced) != 1:
        return
    idx, char = next(iter(introduced.items()))
    if recent and recent[-1][1] == idx:
        return
    recent.append((char, idx))
    refs.centers.append((char, idx))


def _full_name_at(token_actor: list[int], token: Token) -> bool:
    """A person named in full here (first and last name), as a story introduces someone; not a
    possessive ("Stella's Cafe"), which names a thing after them, nor an object."""
    doc, i, idx = token.doc, token.i, token_actor[token.i]
    if i > 0 and token_actor[i - 1] == idx:
        return False  # inside the name: its first word decides
    end = i
    while end + 1 < len(doc) and token_actor[end + 1] == idx:
        end += 1
    if end == i or (end + 1 < len(doc) and doc[end + 1].tag_ == "POS"):
        return False
    # whom something is done to ("the champ stopped Ann Roe") is not whom the story turns to,
    # unless introduced with who they are ("which concerns Henry Crespo, president of ...")
    return not any(
        doc[k].dep_ == "dobj" and not i <= doc[k].head.i <= end and not any(c.dep_ == "appos" for c in doc[k].children)
        for k in range(i, end + 1)
    )


def _imperative_object(token: Token) -> bool:
    """ "(think Brexit, for example)": a name after a verb in the imperative, which the parse
    took for its subject; not "“...,” say experts", whose subject follows the quotation."""
    head = token.head
    if token.i < head.i or head.tag_ not in ("VB", "VBP"):
        return False
    return head.i > 0 and token.doc[head.i - 1].text not in CLOSING_MARKS and token.doc[head.i - 1].text != ","


def _unnamed_person(token: Token) -> bool:
    """A singular common noun for a person as a subject: "a senior official", "the spokeswoman"."""
    return token.pos_ == "NOUN" and token.tag_ == "NN" and token.lower_ in PERSON_NOUNS


def _several(token: Token) -> bool:
    """A subject naming several people: "the owners, Tom and Lena, said", "Ann and Bo said"."""
    if token.tag_ in ("NNS", "NNPS"):
        return True
    for child in token.children:
        if child.dep_ == "conj" or (
            child.dep_ == "appos" and any(g.dep_ == "conj" for g in child.children) and child.pos_ == "PROPN"
        ):
            return True  # not "Ann Roe, a nurse and director of the fund, said": one person's roles
    return False


def _center_for(
    recent: list[tuple[int, int]], gender: dict[int, str], wanted: str | None, char: int, window: int
) -> int | None:
    """The most recent center within `window` whose gender does not contradict the pronoun."""
    for at, idx in reversed(recent[-12:]):
        if char - at > window:
            return None
        if wanted is None or idx < 0 or gender.get(idx, wanted) == wanted:
            return idx
    return None


def salient(token: Token) -> bool:
    """A subject of the main clause, of a speech verb, or the agent of a passive."""
    head = token.head
    if token.lower_ in ("who", "whom", "that") and head.dep_ == "relcl":
        # "she said ..., and a reason was the rise of Donald Trump, who had talked about ...":
        # whom a relative clause is about is the story's subject only if the one it describes is
        # ("Bortis, who noted it, said"), or if no one named is ("None more so than Henson, who
        # can now expect ...")
        root = token.sent.root
        named = any(c.dep_ in SUBJECT_DEPS and c.pos_ in ("PROPN", "PRON") for c in root.children)
        return (head.head.dep_ in SUBJECT_DEPS and salient(head.head)) or (not named and head.lemma_ in SPEECH_VERBS)
    if token.dep_ == "pobj":  # the agent of a passive clause ("was overseen by Kofi Tanu"), not
        # of a participle's phrase ("a commission, overseen by Kofi Tanu, ..."): no one the story turns to
        return any(c.dep_ == "auxpass" for c in head.head.children)
    if head.dep_ == "ROOT" or head.lemma_ in SPEECH_VERBS or (head.dep_ == "conj" and head.head.dep_ == "ROOT"):
        return True
    # a subject that opens its sentence, whatever the parse made of the rest ("Martell, the
    # doctor, is more blunt: “...”" parsed as the quote's clause)
    return token.pos_ == "PROPN" and token.left_edge.i == sentence_start(token) and head.i > token.i


def _fragment_head(token: Token) -> bool:
    """A name heading a sentence without a verb: a caption, or a parse that lost its verb."""
    return token.dep_ == "ROOT" and token.pos_ == "PROPN"


def _genders(cast: Resolver) -> dict[int, str]:
    """A person's gender where the article shows it: "Mr", "Ms", "her son Kody", "his wife,
    Ana", or a pronoun in the sentence where they are the only person and the subject."""
    people = {i for i, a in enumerate(cast.actors) if a.type == "PERSON"}
    votes: dict[int, list[str]] = {}
    for idx in people:
        for role in cast.actors[idx].roles:
            _vote_words(votes, idx, set(role.lower().split()))
    _text_votes(cast, people, votes)
    gender = {}
    for idx, vs in votes.items():
        m, f, n = vs.count("m"), vs.count("f"), vs.count("n")
        if n >= 2 and n > m + f:
            gender[idx] = "n"
        elif m != f:
            gender[idx] = "m" if m > f else "f"
    return gender


def _vote_words(votes: dict[int, list[str]], idx: int, words: set[str]) -> None:
    """A vote for the gender a word for a man or a woman shows ("Mr", "wife")."""
    if words & MALE_WORDS:
        votes.setdefault(idx, []).append("m")
    elif words & FEMALE_WORDS:
        votes.setdefault(idx, []).append("f")


def _text_votes(cast: Resolver, people: set[int], votes: dict[int, list[str]]) -> None:
    """Votes from the words around each person's first name in a sentence, and from the pronouns
    of a sentence where they are the only person and the subject."""
    doc = cast.doc
    named: set[int] = set()
    subject: int | None = None
    for token in token_list(doc):
        if token.is_sent_start:
            named, subject = set(), None
        idx = cast.token_actor[token.i]
        if idx in people:
            if idx not in named:
                named.add(idx)
                _name_votes(cast, token, idx, votes)
            if token.dep_ in SUBJECT_DEPS and salient(token):
                subject = idx
        elif subject is not None and len(named) == 1 and token.pos_ == "PRON":
            g = "n" if token.lower_ == "its" else pronoun_gender(token.text)
            if g:  # "Facebook said it would ...": a company the model took for a person
                votes.setdefault(subject, []).append(g)


def _name_votes(cast: Resolver, token: Token, idx: int, votes: dict[int, list[str]]) -> None:
    """ "Mr Roe", "her son Kody", "his wife, Ana": the word before a name or in apposition to it."""
    doc = cast.doc
    word = ""
    if token.i > 0 and cast.token_actor[token.i - 1] != idx:
        word = doc[token.i - 1].lower_.rstrip(".")
    for w in (word, token.head.lower_ if token.dep_ in ("appos", "compound") else ""):
        _vote_words(votes, idx, {w})
    for child in token.children:
        if child.dep_ in ("appos", "compound") and child.lower_ in MALE_WORDS | FEMALE_WORDS:
            votes.setdefault(idx, []).append("m" if child.lower_ in MALE_WORDS else "f")
