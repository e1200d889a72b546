"""Attributions set between commas ("..., he said, but ...", "As the mayor noted, ..."): the
sentence around them is what they report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import SPEECH_VERBS
from .reported_unsaid import attributes_a_quotation
from .subjects import named_after_comma
from .syntax import SUBJECT_DEPS, sentence_bounds

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


def _reports_itself(verb: Token, named: Token | None) -> bool:
    """A verb with its own report: a clause, an object (whom "told" has is whom it told: "..., a
    guard told Reuters."; not `named`, the speaker the parse took for an object: ", argued
    Antunes."), an infinitive ("agreed to pay the workers": what it binds itself to, not what it
    said), or an inner verb of speech ("replied by saying ...")."""
    if any(
        c.dep_ == "ccomp"
        or (c.dep_ == "dobj" and verb.lemma_ != "tell" and c != named)
        or (c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children))
        for c in verb.children
    ):
        return True
    return any(
        c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.lemma_ in SPEECH_VERBS for g in c.children)
        for c in verb.children
    )


def around_attribution(doc: Doc, verb: Token) -> list[list[Token]]:
    """ "Macharia hid under desks, he said, but one person ran to the roof": an attribution set
    between commas reports the sentence around it, on either side."""
    named = named_after_comma(verb)
    if _reports_itself(verb, named):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or ([named] if named is not None else [])
    if not subjects:
        return []
    # two ("The museum, Keller said, would ..."): the speaker is the nearest, the other the
    # subject of the words after, which the parse hung on the verb of saying
    lo, hi = _bounds(verb, min(subjects, key=lambda c: abs(c.i - verb.i)))
    sent_start, sent_end = sentence_bounds(verb)
    if lo <= sent_start:
        return _opening_attribution(verb, hi)
    if doc[lo - 1].text not in (",", "—", "–"):
        return []
    before = [t for t in doc[sent_start : lo - 1]]
    parts = [] if _modifier_of(before, verb) else [before]
    after = [t for t in doc[hi + 1 : sent_end] if not t.is_space]
    if after and after[0].is_punct:
        after = after[1:]
    while after and after[0].dep_ == "cc":
        after = after[1:]
    if len([t for t in after if not t.is_punct]) >= 3:
        parts.append(after)
    return [
        p
        for p in parts
        if (len([t for t in p if not t.is_punct]) >= 3 or (p is before and _subject_of(p, after, verb)))
        and not _attributes_a_quotation(p)
    ]


def _bounds(verb: Token, subject: Token) -> tuple[int, int]:
    """Where the attribution's words begin and end: its subject and verb, with whom it was told
    ("..., she told reporters on Friday"), or all of "as the mayor noted last week"."""
    marked = _as_said(verb)
    if marked is not None:
        return marked.i, verb.right_edge.i
    lo, hi = min(subject.left_edge.i, verb.i), max(verb.i, subject.right_edge.i)
    for hearer in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
        hi = max(hi, hearer.right_edge.i)
    return lo, hi


def _attributes_a_quotation(tokens: list[Token]) -> bool:
    """ "“You winning?” she said, but Tom was drifting off, ..., Anna Keller said yes": words
    holding a quotation's own attribution are no piece of another's report."""
    return any(attributes_a_quotation(t) for t in tokens if t.pos_ == "VERB")


def _opening_attribution(verb: Token, hi: int) -> list[list[Token]]:
    """ "Brask admits in this instance, there were deaths": an attribution opening its sentence
    that the parse hung on the clause after it, as if set between commas; that clause is its report."""
    head, doc = verb.head, verb.doc
    opening = verb.dep_ in ("ccomp", "parataxis") or _as_said(verb) is not None
    if not opening or head.i <= hi or head.lemma_ in SPEECH_VERBS:
        return []
    edge = verb.right_edge.i
    if not (doc[edge].text == "," or (edge + 1 < len(doc) and doc[edge + 1].text == ",")):
        return []  # (the attribution ends at its comma: not "she said, but Kevin was ...")
    if attributes_a_quotation(verb):
        return []  # ("“You winning?” she said ...")
    own = {t.i for t in verb.subtree}
    tokens = [t for t in head.subtree if t.i > hi and t.i not in own and not t.is_space]
    return [tokens] if len([t for t in tokens if not t.is_punct]) >= 3 else []


#: Verbs of stating that "as" turns into an attribution of the clause it modifies ("As the mayor
#: said, the bridge is older than the city"); not verbs of a sound or a manner ("As the crowd
#: shouted, the police moved in": when, not what).
_AS_VERBS = frozenset(
    "say note tell write explain report mention argue observe remark state acknowledge admit claim predict warn point".split()
)


def points_out(verb: Token) -> bool:
    """ "pointed out that ...": a verb of saying no list of single verbs holds."""
    return verb.lemma_ == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _as_said(verb: Token) -> Token | None:
    """The "as" of "As X said, ...", "..., as X noted last week, ...": a verb of stating with no
    object of its own ("As he said goodbye, ..." is when), or None."""
    if verb.dep_ != "advcl" or verb.lemma_ not in _AS_VERBS or (verb.lemma_ == "point" and not points_out(verb)):
        return None
    if any(
        c.dep_ == "dobj" and not (verb.lemma_ == "tell" and c.pos_ in ("PRON", "PROPN", "NOUN") and c.tag_ != "NN")
        for c in verb.children
    ):
        return None  # "As Smith told the story, ...": when (whom "told" told may stay: "told reporters")
    return next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i), None)


def _subject_of(before: list[Token], after: list[Token], verb: Token) -> bool:
    """ "Climate change, she often says, is ...": words before the attribution holding the subject
    of the words after it are a piece of what was said, however short (the parse may hang that
    subject on the verb of saying)."""
    later = {t.i for t in after}
    return any(t.dep_ in SUBJECT_DEPS and (t.head.i in later or t.head.i == verb.i) for t in before)


def _modifier_of(tokens: list[Token], verb: Token) -> bool:
    """ "Asked about the vote, she ...", "In the end, the company agreed ...": a participle's
    phrase or a phrase of time or place that modifies the verb, not its report."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside]
    if len(heads) != 1 or heads[0].head.i != verb.i:
        return False
    head = heads[0]
    if head.dep_ in ("prep", "npadvmod", "advmod"):
        return not any(t.pos_ in ("VERB", "AUX") for t in tokens)
    return (
        head.dep_ == "advcl" and head.tag_ in ("VBN", "VBG") and not any(c.dep_ in SUBJECT_DEPS for c in head.children)
    )
