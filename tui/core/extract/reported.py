"""Reported speech without quote marks: what a speech verb reports (a clause, an object with its
phrase, a topic), attributions set between commas, and "according to X"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Quote
from .lexicon import (
    COGNITION_VERBS,
    NAMING_VERBS,
    NOTING_VERBS,
    OBJECT_REPORT_VERBS,
    OBJECT_SPEECH_VERBS,
    QUESTION_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
)
from .marks import Quotations, QuoteMask, is_direct
from .reported_cleft import cleft_report
from .reported_commas import around_attribution, points_out
from .reported_ends import before_next_act, past_false_break
from .reported_objects import (
    _BLAME_VERBS,
    _NAMING_ONLY,
    _TOPIC_PREPS,
    _called_on,
    _expressed,
    _named_as,
    _object_and_phrase,
    object_report,
)
from .reported_unsaid import aside, imperative, not_its_report, relative_object, unsaid
from .reported_when import clause_after_when, past_when, that_after_when
from .speakers import NOBODY, speaker_of
from .subjects import before_speaker, subject_of
from .syntax import ANY_SUBJECT_DEPS, FINITE_TAGS, SUBJECT_DEPS, SUBJECT_OR_EXPLETIVE_DEPS, sentence_bounds, token_list

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .cast import Cast
    from .page import Page

_TOPIC_VERBS = frozenset("complain warn speak talk worry express voice raise caution".split())


#: A wire story's dateline opening its first paragraph: "TORONTO -- ", "TOKYO, March 2 - ",
#: "LAKE BUENA VISTA, Fla. – ": where the story was filed, not words anyone reported.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,}(?:,(?: [A-Z][\w.]*| \d{1,2},?| \d{4}){1,4})?\s*(?:—|–|--|-)\s+")


def clause_span(doc: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    tokens = [t for t in tokens if not t.is_space]
    first = tokens[0].i if tokens else 0
    if tokens and (first == 0 or doc[first - 1].text_with_ws.endswith("\n")):
        # (the words at hand, never doc.text: spaCy joins the whole article to make that)
        dateline = _DATELINE.match(doc[first : first + 16].text)
        if dateline is not None:
            tokens = [t for t in tokens if t.idx >= tokens[0].idx + dateline.end()]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ == "that" and tokens[0].dep_ in ("mark", "advmod")):
        tokens.pop(0)
    # (nor does it end on the "and" that joins the next clause to it)
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”’\"'" or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if len(tokens) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


#: Verbs whose report is a clause after them: when the parse loses it ("said having X back
#: was a boost", "told HuffPost the laws favour owners"), the words after the verb are it.
_CLAUSE_VERBS = frozenset(
    """say tell add explain claim argue insist state write note warn acknowledge admit allege
    confirm testify stress contend maintain concede""".split()
)


def _statement(verb: Token, clause: Token) -> Token | None:
    """What "say" and its kind report is a finite clause with words of its own, not "his voice
    breaking with emotion" (but the "that ..." clause such a phrase may carry), not "they are"."""
    if verb.lemma_ not in _CLAUSE_VERBS:
        return clause
    if _discern(verb):
        return None
    if not _finite(clause):
        inner = next(
            (
                t
                for t in clause.subtree
                if t.i != clause.i and _finite(t) and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
            ),
            None,
        )
        if inner is None and clause.pos_ in ("NOUN", "PROPN") and clause.i < verb.i + 8:
            # "told BBC Radio's Today programme the US had ...": whom it told, parsed as the
            # clause, with the real clause hung on it
            inner = next(
                (
                    c
                    for c in clause.children
                    if c.dep_ == "ccomp"
                    and c.i > clause.i
                    and _finite(c)
                    and any(g.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for g in c.children)
                ),
                None,
            )
        if inner is None:
            return None
        clause = inner
    return clause if len([t for t in clause.subtree if not t.is_punct]) >= 3 else None


def _discern(verb: Token) -> bool:
    """ "too early to tell whether ...", "could tell that ...": "tell" with no one told, in its
    bare form, is to make out, not to say."""
    return (
        verb.lemma_ == "tell"
        and verb.tag_ == "VB"
        and not any(
            c.dep_ in ("dative", "dobj", "iobj") or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children
        )
    )


def _lost_subject(doc: Doc, verb: Token, clause: Token) -> int | None:
    """ "said Thursday one of the plans, to build higher, could save money": a reported clause
    with no subject, after words the parse hung on the verb instead, starts with those words
    (a date or a time before them is when it was said)."""
    if verb.lemma_ not in _CLAUSE_VERBS or clause.i < verb.i or clause.head.i != verb.i:
        return None
    if any(c.dep_ in ANY_SUBJECT_DEPS for c in clause.children):
        return None
    start, edge = verb.i + 1, clause.left_edge.i
    while start < edge and (doc[start].ent_type_ in ("DATE", "TIME") or doc[start].is_punct):
        start += 1
    hearer = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.left_edge.i == start), None)
    if verb.lemma_ == "tell" and hearer is not None:
        # "told the radio programme what was needed was ...": whom it told is no part of it
        if any(c.dep_ == "relcl" and c.left_edge.i == hearer.i + 1 for c in hearer.children):
            start = hearer.i + 1
        elif hearer.right_edge.i + 1 < edge:
            start = hearer.right_edge.i + 1
    gap = [t for t in doc[start:edge] if not t.is_punct]
    if not gap or not any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in gap):
        return None
    if any(t.is_space or t.head.i < verb.i for t in doc[start:edge]):
        return None
    return start


def _finite(head: Token) -> bool:
    return (
        head.tag_ in FINITE_TAGS
        or head.lower_.replace("’", "'") in _CONTRACTED
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in head.children)
        or _past_with_subject(head)
    )


def _past_with_subject(head: Token) -> bool:
    """ "said that claim smacked of hypocrisy": a participle with a subject of its own and no
    auxiliary is a past tense the tagger took for a participle."""
    children = list(head.children)
    return (
        head.tag_ == "VBN"
        and any(c.dep_ == "nsubj" for c in children)
        and not any(c.dep_ in ("aux", "auxpass") for c in children)
    )


#: A verb contracted onto its subject, which the tagger may take for a closing quote mark when
#: the apostrophe is curly ("he’s “amazed”").
_CONTRACTED = frozenset("'s 're 'm 've 'll 'd".split())


#: Words after "said" that start no reported clause: "said to be", "said so", "said in a
#: statement" (its clause is elsewhere).
_NO_CLAUSE_AFTER = frozenset(
    "to so yes no in on at during after before about of something anything nothing everything little much".split()
)


def _opens_clause(first: Token) -> bool:
    """A word after a reporting verb that can start its reported clause; not "said quietly",
    "said, eyes welling up", "said to be"."""
    if first.lower_ in _NO_CLAUSE_AFTER:
        return False
    return (
        first.pos_ in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ", "SCONJ")
        or first.lower_ == "that"
        or first.tag_ == "VBG"
    )


def _told_end(verb: Token) -> int | None:
    """The last token of whom "told" told ("told reporters", "told HuffPost Canada"), or None."""
    hearer = [c for c in verb.children if c.dep_ in ("dative", "dobj", "npadvmod") and c.i > verb.i]
    if not hearer:
        return None
    # "told the station's Morning programme the council had cut ...": a clause the parse hung on
    # the hearer as a relative clause is what was told
    told = {t.i for h in hearer for c in h.children if c.dep_ == "relcl" and c.i > h.i for t in c.subtree}
    return max(t.i for h in hearer for t in h.subtree if t.i not in told)


def _clause_after(verb: Token) -> list[Token] | None:
    """The rest of the sentence after a reporting verb (and its hearer), when it holds a
    finite verb with something before it: what the verb reports, though unparsed."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.dep_ in ("relcl", "acl", "amod"):
        return None
    if verb.lemma_ != "tell" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children):
        return None  # "said a prayer" (whom "told" has is whom it told)
    rest = token_list(verb.doc)[verb.i + 1 : sentence_bounds(verb)[1]]
    end = _told_end(verb) if verb.lemma_ == "tell" else None
    if end is not None:  # "told reporters", "told HuffPost Canada": the hearer first
        rest = [t for t in rest if t.i > end]
    if not rest or rest[0].is_punct:
        return None  # "..., she said, but ...": an attribution between commas, read around it
    if not _opens_clause(rest[0]):
        return None
    finite = _first_finite(rest)
    if finite is None:
        return None
    cut = next(
        (
            k
            for k, t in enumerate(rest)
            if k > finite and t.text in ("”", '"') and k + 1 < len(rest) and rest[k + 1].lemma_ in SPEECH_VERBS
        ),
        len(rest),
    )
    return rest[:cut]


def _first_finite(rest: list[Token]) -> int | None:
    """Where the first finite verb is in the words after a reporting verb, if they lead to it as a
    clause would: soon, with no break, and not after "because" ("write this because I know ...":
    why, not what)."""
    finite = next((k for k, t in enumerate(rest) if t.tag_ in FINITE_TAGS and t.pos_ in ("VERB", "AUX")), None)
    if finite is None or finite == 0 or finite > 10:
        return None
    lead = rest[:finite]
    if any(t.text in ",;:—–" or (t.pos_ == "SCONJ" and t.lower_ != "that") for t in lead):
        return None
    return finite


def report_of(doc: Doc, verb: Token) -> tuple[list[Token], str] | None:
    """What a speech verb reports, and its cue: a clause, an object with its phrase, or a topic."""
    cleft = cleft_report(verb)
    if cleft:
        return cleft, verb.text
    children = list(verb.children)
    complement = _complement(doc, verb, children)
    if complement is not None:
        return complement if complement[0] else None
    lemma = verb.lemma_
    if lemma in _CLAUSE_VERBS:
        after = _clause_after(verb)
        if after:
            return after, verb.text
    objs = [c for c in children if c.dep_ in ("dobj", "dative")]
    if lemma in ("express", "voice", "raise") and objs and objs[0].lemma_ in SPEECH_NOUNS:
        return _expressed(verb, objs[0])
    if lemma in NAMING_VERBS or lemma in _BLAME_VERBS:
        named = _named_as(verb, children)
        if named is not None or lemma in _NAMING_ONLY:
            return named
    if lemma == "call":
        return _called_on(verb, children)
    if lemma in WEAK_SPEECH_VERBS and lemma not in NOTING_VERBS:
        return None
    if lemma in OBJECT_SPEECH_VERBS and objs:
        return _object_and_phrase(verb, children, objs[0])
    if lemma in OBJECT_REPORT_VERBS or lemma in NOTING_VERBS:
        tokens = object_report(doc, verb, children, objs)
        if tokens is not None:
            return tokens, verb.text
    if lemma in _TOPIC_VERBS:
        for child in children:
            if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS:
                return list(child.subtree), verb.text
    return None


def _complement(doc: Doc, verb: Token, children: list[Token]) -> tuple[list[Token], str] | None:
    """The clause a verb reports as its complement ("said that ..."), or None to look further; no
    words when the clause is elided ("higher than the city says it is": nothing more to find)."""
    clauses = [
        c
        for c in children
        if (
            c.dep_ == "ccomp"
            or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children))
        )
        and not (c.i < verb.i and not_its_report(doc, verb, c))
    ]
    if not clauses:
        when = that_after_when(verb) or clause_after_when(verb)
        return (when, verb.text) if when else None
    subtrees = {c.i: list(c.subtree) for c in clauses}
    clauses.sort(key=lambda c: (c.i < verb.i, -len(subtrees[c.i])))  # after the verb first, the longest
    if len(subtrees[clauses[0].i]) < 2:
        return None
    clause = _statement(verb, clauses[0])
    if clause is not None and relative_object(verb, clause):
        return [], verb.text
    if clause is not None:
        start = _lost_subject(doc, verb, clause)
        if start is not None:
            return [doc[k] for k in range(start, clause.right_edge.i + 1)], verb.text
        return subtrees.get(clause.i) or list(clause.subtree), verb.text
    if verb.lemma_ in _CLAUSE_VERBS and _finite(clauses[0]):
        return [], verb.text
    return None


def find_reported(doc: Doc, text: str, cast: Cast, mask: QuoteMask, page: Page | None = None) -> list[Quote]:
    """Reported speech without quote marks, in text order; none in page furniture."""
    found: list[Quote] = []
    according_word = doc.vocab.strings["according"]  # spaCy's id: cheaper than each token's text
    for token in token_list(doc):
        according = token.lower == according_word
        if not according and (token.pos_ != "VERB" or (token.lemma_ not in SPEECH_VERBS and not points_out(token))):
            continue
        if (page is not None and page.covers(token.idx)) or mask.find(token.idx) is not None:
            continue
        if according:
            found.extend(_according(doc, text, cast, token))
            continue
        if _reports_nothing(token):
            continue
        reported = report_of(doc, token)
        if reported is not None:
            clause = before_next_act(token, _unattached_rest(doc, token, past_when(token, reported[0])), mask)
            quotations = Quotations(text, mask)
            parts = [clause + _said_too(doc, token, clause, quotations), *_said_after(doc, token, clause, quotations)]
            cue = reported[1]
        elif token.lemma_ not in WEAK_SPEECH_VERBS or token.lemma_ in _SAYING:
            parts, cue = around_attribution(doc, token), token.text
        else:
            continue
        subject = subject_of(token)
        for tokens in (before_speaker(p, subject, token) for p in parts):
            span = clause_span(doc, past_false_break(doc, tokens))
            if span is None or (subject is not None and subject in tokens):
                continue  # (who speaks is no part of what they say: "..., said Ann Roe, a physicist")
            start, end = span
            inside = [(m := mask.find(t.idx)) is not None and is_direct(text, m) for t in tokens]
            if sum(inside) > len(tokens) / 2 and not _own_clause_before(tokens, inside):
                continue  # the clause is a direct quote, already listed
            voice = speaker_of(cast, subject)
            if voice.name is None and _no_speaker(subject, token, tokens):
                continue
            found.append(Quote(start, end, text[start:end], "indirect", voice.name, voice.actor, cue, voice.anonymous))
    return found


def _reports_nothing(verb: Token) -> bool:
    """What someone thinks or asks; "people believed to have been ...", a participle describing;
    "Note that ...", "It is worth noting that ...", the writer to the reader; what was not said."""
    if verb.lemma_ in COGNITION_VERBS or verb.lemma_ in QUESTION_VERBS:
        return True
    return (verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN") or imperative(verb) or aside(verb) or unsaid(verb)


def _no_speaker(subject: Token | None, verb: Token, tokens: list[Token]) -> bool:
    """ "The section of the hearing revealed a deep gulf": a thing no one in the story, which
    reveals or confirms a thing (no clause), has said nothing."""
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and verb.lemma_ in OBJECT_REPORT_VERBS
        and not any(t.pos_ in ("VERB", "AUX") and _finite(t) for t in tokens)
    )


#: Weak verbs that are still verbs of saying when set between commas ("..., she added, ...").
_SAYING = frozenset(("add", "note"))


def _unattached_rest(doc: Doc, verb: Token, clause: list[Token]) -> list[Token]:
    """ "said a man shot his girlfriend, her two children and her mother": words right after the
    reported clause that the parse could not attach (hung on the speech verb as "dep") are still
    part of it."""
    if not clause or verb.lemma_ not in _CLAUSE_VERBS:
        return clause
    last = max(t.i for t in clause)
    for child in verb.children:
        if child.dep_ != "dep" or child.i <= last or child.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            continue
        rest = [t for t in child.subtree if not t.is_space]
        if all(t.is_punct for t in doc[last + 1 : rest[0].i]) and not any(t.text in '“”"' for t in rest):
            return clause + list(doc[last + 1 : rest[0].i]) + rest
    return clause


def _said_after(doc: Doc, verb: Token, clause: list[Token], quotations: Quotations) -> list[list[Token]]:
    """ "Prices rose 8 percent, the agency said in a June report, and rents rose 1 percent": what
    a verb reports before it goes on after its attribution, in a clause of its own joined to the
    verb (a piece of the same report, cut by the attribution). After a quotation ("“He loves
    us,” she said, and soon the balloons were dropping") the story goes on in the writer's words."""
    if not clause or max(t.i for t in clause) > verb.i or quotations.inside(clause[0]):
        return []
    clause_ids = {t.i for t in clause}
    own = [t for c in verb.children if c.dep_ != "conj" and c.i not in clause_ids for t in c.subtree]
    end = max([verb.i] + [t.i for t in own if t.i > verb.i and not t.is_punct and t.dep_ != "cc"])
    rest = _said_too(doc, verb, clause, quotations, end)
    while rest and (rest[0].is_punct or rest[0].dep_ == "cc"):
        rest = rest[1:]
    return [rest] if rest else []


def _said_too(
    doc: Doc, verb: Token, clause: list[Token], quotations: Quotations, last: int | None = None
) -> list[Token]:
    """ "said burnout is critical among its members, and members are tired", "said it was too
    early to tell, and there was “no evidence” yet": a clause of its own joined to the speech verb
    after what it reports (or after `last`, where the verb's own words end) goes on with the
    report, quoted words and all (not one with no subject of its own, a person's doing: "and she
    left", a verb of saying of the reporter's, or a quotation of its own: "and “I promise ...”")."""
    if not clause or verb.lemma_ not in _CLAUSE_VERBS:
        return []
    last = max(t.i for t in clause) if last is None else last
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= last or conj.pos_ not in ("VERB", "AUX") or not _finite(conj):
            continue
        subject = next((c for c in conj.children if c.dep_ in SUBJECT_OR_EXPLETIVE_DEPS), None)
        tokens = list(conj.subtree)
        while tokens and tokens[-1].is_space:
            tokens.pop()
        if (
            subject is None
            or subject.tag_ == "PRP"
            and subject.lower_ not in ("it", "there", "they")
            or any(t.lemma_ in SPEECH_VERBS and not quotations.inside(t) or quotations.quotation(t) for t in tokens)
        ):
            return []
        between = doc[last + 1 : tokens[0].i]
        if any(t.text not in (",", ";") and t.dep_ != "cc" for t in between) or any("\n" in t.text for t in tokens):
            return []
        return list(between) + tokens
    return []


def _own_clause_before(tokens: list[Token], inside: list[bool]) -> bool:
    """ "said Ms. Lee will likely try once more, “hoping that ...”": a clause of the reporter's
    own (a subject, a finite verb, some words) before the quotation it ends with."""
    lead = tokens[: inside.index(True)] if True in inside else tokens
    words = [t for t in lead if not t.is_punct]
    if len(words) < 4 or any(t.lemma_ in SPEECH_VERBS for t in lead):
        return False  # "if the president is now saying, “...”": the quotation is that verb's
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    # the clause's own verb is in the lead, the quotation hangs on it (not "even though X
    # believes it, “...”", where the quotation is the clause)
    return (
        len(roots) == 1
        and roots[0] in lead
        and _finite(roots[0])
        and any(c.dep_ in SUBJECT_DEPS for c in roots[0].children)
    )


def _according(doc: Doc, text: str, cast: Cast, token: Token) -> list[Quote]:
    """ "..., according to X": the rest of the sentence is what X reported."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        to = doc[token.i + 1]
    if to is None:
        return []
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree} | {token.i}
    sent = token.sent
    root = sent.root
    if root.i > token.i and root.i not in phrase and not any(c.dep_ in ANY_SUBJECT_DEPS for c in root.children):
        # "According to figures from the agency, the rate of young people is ...": the parse hung
        # the subject on the source; the source ends at its comma
        comma = next((t.i for t in doc[to.i : root.i] if t.text == ","), None)
        if comma is not None:
            phrase = set(range(token.i, comma + 1))
    elif root.i == token.i and token.i == sent.start:
        # "According to Rush Limberg, the move reeks of ...": a parse that found no verb after the
        # source hung the rest on it; the source ends at its comma
        comma = next((t.i for t in doc[to.i : sent.end] if t.text == ","), None)
        phrase = set(range(token.i, comma + 1)) if comma is not None else phrase
    tokens = [t for t in sent if t.i not in phrase]
    span = clause_span(doc, tokens)
    if span is None:
        return []
    start, end = span
    # unnamed sources ("Western officials") stay as written
    voice = speaker_of(cast, pobj) if pobj is not None else NOBODY
    return [Quote(start, end, text[start:end], "indirect", voice.name, voice.actor, "according to", voice.anonymous)]
