"""Who said what: direct quotes, partial quotes and reported speech, each with its speaker.

Quoted passages come from marks.py; speakers from the parse: the subject of the speech verb that
governs the quote (speakers.py), resolved to an actor when it is a name or a pronoun. Reported
speech without marks is reported.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import SPEECH_NOUNS, SPEECH_VERBS, WEAK_SPEECH_VERBS
from .marks import Marked, QuoteMask, find_marks, is_direct
from .reported import find_reported, report_of
from .speakers import speaker_of, subject_of
from ..model import Quote

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .cast import Cast

#: Verbs of thought that report a clause but do not attribute a quotation ("was expected").
_NOT_ATTRIBUTION = WEAK_SPEECH_VERBS - {"add", "note"}


def _cue_text(verb: "Token") -> str:
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_ in SPEECH_NOUNS:
            return f"{verb.text} {child.text}"
    return verb.text


def _governing_verb(token: "Token", mask: QuoteMask, inside: Marked) -> "Token | None":
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


def _nearest_cue(doc: "Doc", text: str, mask: QuoteMask, m: Marked) -> "Token | None":
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
                                  and mask.find(t.idx) is None and report_of(doc, t) is None
                                  and not any(c.dep_ in ("ccomp", "dobj") for c in t.children))
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - m.open), abs(t.idx - m.close)))


def find_quotes(doc: "Doc", cast: Cast) -> list[Quote]:
    text = cast.text
    marks = find_marks(text)
    mask = QuoteMask(marks)
    quotes: list[Quote] = []
    last_direct: Quote | None = None
    for m in marks:
        direct = is_direct(text, m)
        verb = None
        if direct:
            verb = _nearest_cue(doc, text, mask, m)
        else:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                verb = _governing_verb(span.root, mask, m)
        speaker, actor_id, cue = None, None, None
        if verb is not None:
            speaker, actor_id = speaker_of(cast, subject_of(verb))
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
    quotes.extend(find_reported(doc, text, cast, mask))
    quotes.sort(key=lambda q: (q.start, q.kind))
    return quotes
