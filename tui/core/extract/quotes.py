"""Who said what: direct quotes, partial quotes and reported speech, each with its speaker.

Quote marks are paired per paragraph, in every style (straight, curly, single), tolerating
unbalanced marks: a quote left open runs to the end of its paragraph, the newspaper convention
for a quote that goes on in the next one. Speakers come from the parse: the subject of the
speech verb that governs the quote, resolved to an actor when it is a name or a pronoun.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .actors import Cast, _np_core, _span_text
from .lexicon import (
    DOCUMENT_NOUNS,
    OBJECT_REPORT_VERBS,
    OBJECT_SPEECH_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
)
from ..model import Quote

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_DIRECT_LEAD = set(":,;—–-([")
_SUBJECTS = ("nsubj", "nsubjpass")
_TOPIC_PREPS = {"about", "over", "against", "of", "on"}
#: Verbs of thought that report a clause but do not attribute a quotation ("was expected").
_NOT_ATTRIBUTION = WEAK_SPEECH_VERBS - {"add", "note"}
_SUBORDINATE = {"ccomp", "acl", "relcl", "xcomp", "advcl", "pcomp"}
_TOPIC_VERBS = frozenset("complain warn speak talk worry express voice raise caution".split())


@dataclass
class Marked:
    """A quoted passage: `start`/`end` are the text inside the marks."""

    open: int
    close: int  # index just past the closing mark (or the paragraph end)
    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ".…"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_marks(text: str) -> list[Marked]:
    """Pair quote marks paragraph by paragraph; unbalanced marks never stop the search."""
    found: list[Marked] = []
    pos = 0
    for para in text.split("\n"):
        base, pos = pos, pos + len(para) + 1
        open_at: int | None = None
        single_at: int | None = None
        n = len(para)
        for i, ch in enumerate(para):
            prev = para[i - 1] if i else " "
            nxt = para[i + 1] if i + 1 < n else " "
            if ch == '"':
                # a straight mark opens or closes by what stands beside it, never by counting
                ch = _straight_role(prev, nxt, open_at is not None)
            if ch in _OPEN_DOUBLE:
                if open_at is not None:  # an opening mark inside an open quote: the old one ran on
                    found.append(_mark(text, base + open_at, base + i, closed=False))
                open_at, single_at = i, None
            elif ch in _CLOSE_DOUBLE:
                if open_at is None:
                    if i > 0:  # a close with no open: the quote ran from the paragraph start
                        found.append(_mark(text, base, base + i + 1, closed=True, opened=False))
                    continue
                found.append(_mark(text, base + open_at, base + i + 1, closed=True))
                open_at = None
            elif open_at is None and ch in "‘'" and not prev.isalnum() and nxt.isalnum() and single_at is None:
                single_at = i
            elif open_at is None and single_at is not None and ch in "’'" and not nxt.isalnum() and not prev.isspace():
                if i - single_at > 1:
                    found.append(_mark(text, base + single_at, base + i + 1, closed=True))
                single_at = None
        if open_at is not None and n - open_at > 1:
            found.append(_mark(text, base + open_at, base + n, closed=False))
    return [m for m in found if m.end > m.start]


def _straight_role(prev: str, nxt: str, is_open: bool) -> str:
    """Whether a straight double mark opens (“) or closes (”) a quote, from its neighbours."""
    opens = (prev.isspace() or prev in "([{—–-/“‘") and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or (not nxt.isalnum() and nxt not in "\"“‘"))
    if opens and not closes:
        return "“"
    if closes and not opens:
        return "”"
    return "”" if is_open else "“"


def _mark(text: str, open_: int, close: int, closed: bool, opened: bool = True) -> Marked:
    start = open_ + 1 if opened else open_
    end = close - 1 if closed else close
    start, end = _trimmed(text, start, end)
    return Marked(open_, close, start, end)


def _is_direct(text: str, m: Marked) -> bool:
    para_start = text.rfind("\n", 0, m.open) + 1
    before = text[para_start : m.open].rstrip()
    inner = text[m.start : m.end]
    if not before or before[-1] in _DIRECT_LEAD or before[-1] in ".!?":
        return True
    words = inner.split()
    return len(words) >= 5 and inner[:1].isupper() and inner.rstrip()[-1:] in ".!?"


class _QuoteMask:
    def __init__(self, marks: list[Marked]):
        self.starts = [m.open for m in marks]
        self.marks = marks

    def find(self, char: int) -> Marked | None:
        i = bisect_right(self.starts, char) - 1
        if i >= 0 and self.marks[i].open <= char < self.marks[i].close:
            return self.marks[i]
        return None


def _subject(verb: "Token") -> "Token | None":
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
    return None


def _speaker(cast: Cast, subject: "Token | None") -> tuple[str | None, str | None]:
    if subject is None:
        return None, None
    if subject.pos_ == "PRON" and subject.lower_ in ("they", "we"):
        plural = cast.plural_antecedent(subject)
        group_at = cast.group_mention_before(subject)
        near = plural is not None and (plural.sent.start == subject.sent.start or plural.sent.end == subject.sent.start)
        if plural is not None and (near or group_at is None or plural.idx > group_at):
            core = _np_core(cast.doc, plural, rights=("prep", "compound", "amod"), preps=("of",))
            return _span_text(cast.doc, core), None
    if subject.pos_ == "PRON":
        actor = cast.resolve_pronoun(subject)
        return (actor.name, actor.id) if actor else (None, None)
    conjuncts = [subject] + [t for t in subject.subtree if t.dep_ == "conj" and t.head.i in (subject.i,) or
                             (t.dep_ == "conj" and t.head.dep_ == "conj")]
    if len(conjuncts) > 1:
        names = []
        for c in conjuncts:
            hit = cast.actor_of_token(c)
            names.append(hit.name if hit else _span_text(cast.doc, _np_core(cast.doc, c, rights=("prep", "compound", "amod"))))
        return " and ".join(names), None
    if subject.lemma_ in DOCUMENT_NOUNS:
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None:
            return _speaker(cast, owner)
        actor = cast.last_subject(subject.idx)
        if actor is not None:
            return actor.name, actor.id
    actor = cast.actor_of_token(subject) or cast.actor_in(list(subject.subtree))
    if actor is not None:
        return actor.name, actor.id
    core = _np_core(cast.doc, subject, rights=("prep", "compound", "amod", "acl", "relcl"), preps=("of",))
    cue_clause = next((c for c in subject.rights if c.dep_ == "relcl" and c.lemma_ in SPEECH_VERBS), None)
    if cue_clause is not None:  # "Smith, who said ...": the name without the clause that speaks
        core = [t for t in core if t.i < cue_clause.left_edge.i]
        while core and core[-1].is_punct:
            core.pop()
    phrase = _span_text(cast.doc, core) if core else subject.text
    actor = cast.by_role(phrase)
    if actor is not None:
        return actor.name, actor.id
    return phrase, None


def _cue_text(verb: "Token") -> str:
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_ in SPEECH_NOUNS:
            return f"{verb.text} {child.text}"
    return verb.text


def _governing_verb(token: "Token", mask: _QuoteMask, inside: Marked) -> "Token | None":
    """Walk up from a token inside a quote to the speech verb outside it that governs it."""
    node, first_verb = token, None
    for _ in range(10):
        if node.head.i == node.i:
            break
        node = node.head
        if inside.open <= node.idx < inside.close:
            continue
        if node.pos_ in ("VERB", "AUX") and node.is_alpha:
            if node.lemma_ in SPEECH_VERBS:
                return node
            first_verb = first_verb or node
    return first_verb


def _nearest_cue(doc: "Doc", text: str, mask: _QuoteMask, m: Marked) -> "Token | None":
    """The speech verb outside any quote nearest to a direct quote, in its sentence(s)."""
    first = doc.char_span(m.start, m.end, alignment_mode="expand")
    if first is None or not len(first):
        return None
    sents = {first[0].sent.start: first[0].sent, first[-1].sent.start: first[-1].sent}
    candidates: list["Token"] = []
    for sent in sents.values():
        candidates.extend(t for t in sent if t.lemma_ in SPEECH_VERBS and t.lemma_ not in _NOT_ATTRIBUTION
                          and t.pos_ == "VERB" and t.is_alpha and mask.find(t.idx) is None)
    if not candidates:
        last = first[-1].sent
        if last.end < len(doc):
            nxt = doc[last.end].sent
            if 0 <= nxt.start_char - m.close <= 3 and "\n" not in text[m.close : nxt.start_char]:
                # "... ." Smith said. -- an attribution, not a new statement of its own
                candidates.extend(t for t in nxt if t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB"
                                  and t.lemma_ not in _NOT_ATTRIBUTION and t.is_alpha
                                  and mask.find(t.idx) is None and _reported(doc, t) is None
                                  and not any(c.dep_ in ("ccomp", "dobj") for c in t.children))
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - m.open), abs(t.idx - m.close)))


def _clause_span(doc: "Doc", tokens: list["Token"]) -> tuple[int, int] | None:
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ == "that" and tokens[0].dep_ == "mark"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in "”’\"'":
        tokens.pop()
    if len(tokens) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _reported(doc: "Doc", verb: "Token") -> tuple[list["Token"], str] | None:
    """What a speech verb reports, and its cue: a clause, an object with its phrase, or a topic."""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp" or (child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)):
            return list(child.subtree), verb.text
    lemma = verb.lemma_
    objs = [c for c in children if c.dep_ in ("dobj", "dative")]
    if lemma in ("express", "voice", "raise") and objs and objs[0].lemma_ in SPEECH_NOUNS:
        noun = objs[0]
        for child in noun.children:
            if child.dep_ in ("acl", "ccomp", "relcl") or (child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS):
                return list(child.subtree), f"{verb.text} {noun.text}"
        return None
    if lemma in WEAK_SPEECH_VERBS:
        return None
    if lemma in OBJECT_SPEECH_VERBS and objs:
        rest = [c for c in children if c.i > objs[0].i and c.dep_ in ("prep", "xcomp", "advcl", "ccomp", "oprd")]
        if lemma in ("accuse", "charge", "blame", "criticise", "criticize", "condemn", "praise"):
            preps = rest[:1] + [c for c in objs[0].children if c.dep_ == "prep" and c.lower_ in ("of", "for")]
            for prep in preps:
                pcomps = [g for g in prep.children if g.dep_ in ("pcomp", "pobj")]
                if pcomps:
                    return list(pcomps[0].subtree), verb.text
        if rest:
            tokens = list(objs[0].subtree)
            for c in rest:
                tokens.extend(c.subtree)
            return sorted(tokens, key=lambda t: t.i), verb.text
        return None
    if lemma in OBJECT_REPORT_VERBS and objs and objs[0].pos_ in ("NOUN", "PROPN") and verb.dep_ != "xcomp":
        tokens = _np_core(doc, objs[0], rights=("prep", "compound", "amod", "nummod", "cc", "conj"))
        clauses = {t.i for t in tokens if t.dep_ in ("relcl", "acl") for t in t.subtree}
        cut = next((k for k, t in enumerate(tokens) if t.i in clauses), len(tokens))
        tokens = tokens[:cut]
        if tokens and objs[0].left_edge.i < tokens[0].i:  # keep "the" in "the end of the siege"
            tokens = [doc[k] for k in range(objs[0].left_edge.i, tokens[-1].i + 1)]
        for child in children:  # "vowed retribution against Kenya for sending troops ..."
            if (tokens and child.dep_ == "prep" and child.lower_ in ("for", "against", "over", "about")
                    and child.i == tokens[-1].i + 1):
                tokens = tokens + list(child.subtree)
        if tokens:
            # "denied his statement ... was drafted by ...": a clause the parser split after the object
            for child in children:
                if (child.dep_ == "conj" and child.i > tokens[-1].i
                        and any(c.dep_ in ("auxpass", "aux") for c in child.lefts)
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)):
                    tokens = [doc[k] for k in range(tokens[0].i, child.right_edge.i + 1)]
        if len([t for t in tokens if not t.is_punct]) >= 3:  # "demand disabled people" says nothing
            return tokens, verb.text
    if lemma in _TOPIC_VERBS:
        for child in children:
            if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS:
                return list(child.subtree), verb.text
    return None


def find_quotes(doc: "Doc", cast: Cast) -> list[Quote]:
    text = cast.text
    marks = find_marks(text)
    mask = _QuoteMask(marks)
    quotes: list[Quote] = []
    last_direct: Quote | None = None
    for m in marks:
        direct = _is_direct(text, m)
        verb = None
        if direct:
            verb = _nearest_cue(doc, text, mask, m)
        else:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                verb = _governing_verb(span.root, mask, m)
        speaker, actor_id, cue = None, None, None
        if verb is not None:
            speaker, actor_id = _speaker(cast, _subject(verb))
            cue = _cue_text(verb)
        elif last_direct is not None:
            # no attribution of its own: the speaker of the quote just before goes on (a direct
            # quote within the next paragraph, a fragment within the same one)
            para_gap = text.count("\n", last_direct.end, m.open)
            whole_paragraph = m.open == 0 or text[m.open - 1] == "\n"
            if para_gap <= (6 if direct and whole_paragraph else 2 if direct else 0):
                speaker, actor_id, cue = last_direct.speaker, last_direct.speaker_actor, last_direct.cue
        quote = Quote(m.start, m.end, text[m.start : m.end], "direct" if direct else "partial", speaker, actor_id, cue)
        quotes.append(quote)
        if quote.speaker:
            last_direct = quote
    quotes.extend(_indirect(doc, text, cast, mask))
    quotes.sort(key=lambda q: (q.start, q.kind))
    return quotes


def _around_attribution(doc: "Doc", verb: "Token") -> list[list["Token"]]:
    """"Macharia hid under desks, he said, but one person ran to the roof": an attribution set
    between commas reports the sentence around it, on either side."""
    if any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    lo, hi = min(subject.left_edge.i, verb.i), max(verb.i, subject.right_edge.i)
    sent = verb.sent
    if lo <= sent.start or doc[lo - 1].text not in (",", "—", "–"):
        return []
    parts = [[t for t in doc[sent.start : lo - 1]]]
    after = [t for t in doc[hi + 1 : sent.end] if not t.is_space]
    if after and after[0].is_punct:
        after = after[1:]
    while after and after[0].dep_ == "cc":
        after = after[1:]
    if len([t for t in after if not t.is_punct]) >= 3:
        parts.append(after)
    return [p for p in parts if len([t for t in p if not t.is_punct]) >= 3]


def _indirect(doc: "Doc", text: str, cast: Cast, mask: _QuoteMask) -> list[Quote]:
    found: list[Quote] = []
    for token in doc:
        if token.lower_ == "according" and mask.find(token.idx) is None:
            found.extend(_according(doc, text, cast, token))
            continue
        if token.pos_ != "VERB" or token.lemma_ not in SPEECH_VERBS or mask.find(token.idx) is not None:
            continue
        if token.dep_ in ("acl", "amod") and token.tag_ == "VBN":
            continue  # "people believed to have been ...": a participle describing, not a report
        reported = _reported(doc, token)
        if reported is not None:
            parts, cue = [reported[0]], reported[1]
        elif token.lemma_ not in WEAK_SPEECH_VERBS:
            parts, cue = _around_attribution(doc, token), token.text
        else:
            continue
        for tokens in parts:
            span = _clause_span(doc, tokens)
            if span is None:
                continue
            start, end = span
            quoted = sum(1 for t in tokens if (m := mask.find(t.idx)) is not None and _is_direct(text, m))
            if quoted > len(tokens) / 2:
                continue  # the clause is a direct quote, already listed
            speaker, actor_id = _speaker(cast, _subject(token))
            found.append(Quote(start, end, text[start:end], "indirect", speaker, actor_id, cue))
    return found


def _according(doc: "Doc", text: str, cast: Cast, token: "Token") -> list[Quote]:
    """"..., according to X": the rest of the sentence is what X reported."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        to = doc[token.i + 1]
    if to is None:
        return []
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree} | {token.i}
    sent = token.sent
    tokens = [t for t in sent if t.i not in phrase]
    span = _clause_span(doc, tokens)
    if span is None:
        return []
    start, end = span
    # unnamed sources ("Western officials") stay as written
    speaker, actor_id = _speaker(cast, pobj) if pobj is not None else (None, None)
    return [Quote(start, end, text[start:end], "indirect", speaker, actor_id, "according to")]
