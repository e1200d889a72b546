"""Who said what: direct quotes, partial quotes and reported speech, each with its speaker.

Quoted passages come from marks.py; speakers from the parse: the subject of the speech verb that
governs the quote (speakers.py), resolved to an actor when it is a name or a pronoun. Reported
speech without marks is reported.py's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from ..model import Quote
from .floating import attribute_floating
from .headline_quotes import headline_quotes
from .lexicon import (
    COGNITION_VERBS,
    NAMING_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
)
from .marks import Marked, QuoteMask, find_marks, is_direct
from .pull_quotes import with_pull_quotes
from .quote_kinds import WORD, handed_on, is_title, signed, titled, whole_clause, work_named_before
from .reported import find_reported, report_of
from .reported_nouns import noun_reports
from .sourcing import mark_sources
from .speakers import speaker_of
from .subjects import subject_of
from .syntax import SUBJECT_DEPS, sentence_bounds, token_list
from .transcript import label_transcript_lines

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .cast import Cast
    from .page import Page

#: Verbs of thought that report a clause but do not attribute a quotation ("was expected").
_NOT_ATTRIBUTION = WEAK_SPEECH_VERBS - {"add", "note"}
_DANGLING = re.compile(r"\b(?:on|of|about|as|for|to|with|from|into|against|like)$", re.IGNORECASE)
_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)


def _cue_text(verb: Token) -> str:
    """The words that attribute a quote, as the panel shows them: "said", "voiced concern"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_ in SPEECH_NOUNS:
            return f"{verb.text} {child.text}"
    return verb.text


def _governing_verb(token: Token, inside: Marked) -> Token | None:
    """Walk up from a token inside a quoted fragment to the speech verb outside it that governs
    it. None when no speech act does: the marks are then scare quotes, a term or a title."""
    node = token
    for _ in range(10):
        if node.head.i == node.i:
            break
        below, node = node, node.head
        if inside.open <= node.idx < inside.close:
            continue
        if (
            node.pos_ in ("VERB", "AUX")
            and node.is_alpha
            and node.lemma_ in SPEECH_VERBS
            and node.lemma_ not in COGNITION_VERBS
        ):
            # what a speaker says, not how the speaker is described ("critics of the 'backstop' argue"),
            # nor whom they tell ("told NBC's 'Today'")
            if (below.dep_ in SUBJECT_DEPS or below.dep_ == "dative") or (
                node.lemma_ == "tell" and below.dep_ == "dobj"
            ):
                return None
            if node.lemma_ in NAMING_VERBS and not _named_by(node, below, token):
                return None
            if below.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _WHEN_MARKS for c in below.children):
                # "said yes as Trump went on about “...”": words in a clause of when or why are
                # not what the verb reports
                return None
            return node
    return None


#: What opens a clause of when, why or despite what: no report of the verb it hangs on.
_WHEN_MARKS = frozenset("as when while whilst because since after before until although though whenever".split())


def _named_by(verb: Token, below: Token, word: Token) -> bool:
    """Whether words under a verb of naming are what it names someone ("called him a “liar”",
    "called the winner “Miss Piggy”", "described it as “a disgrace”", "called it “bold” and based
    on “one giant assumption”"), not words beside it ("has been called a charlatan for promoting
    “quack” cures": the writer's marks), nor the thing it calls ("call a “special meeting”":
    convene)."""
    if below.dep_ == "dobj":
        return word.i != below.i or any(c.dep_ == "oprd" for c in verb.children)
    return below.dep_ in ("oprd", "attr", "ccomp", "xcomp", "conj", "appos") or (
        below.dep_ == "prep" and below.lower_ == "as"
    )


def _fragment_verb(doc: Doc, text: str, m: Marked) -> tuple[bool, Token | None]:
    """Whether a quoted fragment can be a quote at all, and the verb of saying that governs it:
    a so-called word is the writer's distance from it ("the so-called “reform”"), and the name of
    a work a verb of saying governs from afar is no one's words."""
    if _SO_CALLED.search(text[max(0, m.open - 12) : m.open]):
        return False, None
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return True, None
    verb = _governing_verb(span.root, m)
    if (
        verb is not None
        and is_title(text[m.start : m.end])
        and (_names_a_work(span.root, verb) or work_named_before(text, m))
    ):
        return False, None
    return True, verb


def _names_a_work(root: Token, verb: Token) -> bool:
    """A title-case fragment a verb of saying governs only from afar is the name of a work, not
    words anyone said: after a preposition or an owner ("spoke on CBS's “Face the Nation”"), or
    the object of another verb ("recalled reading “The Long Road Home”"). What the verb itself
    names someone ("called her “A Disgrace”") stays their words."""
    if any(c.dep_ == "poss" for c in root.children):
        return True
    node = root  # up through the nouns it names ("CBS's “Morning Hour” programme")
    for _ in range(4):
        if node.dep_ == "pobj":
            return True
        if node.head.i == verb.i or node.head.i == node.i:
            return False
        if node.head.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def _words(text: str) -> str:
    return " " + " ".join(w.lower() for w in WORD.findall(text)) + " "


def _sources_of_fragments(fragments: list[Quote], quotes: list[Quote]) -> list[Quote | None]:
    """A fragment no speech verb governs is still a quote when it sits inside someone's reported
    speech, or repeats words someone is quoted saying; for each fragment, that quote, if any."""
    reported = sorted((q for q in quotes if q.kind == "indirect" and q.speaker), key=lambda q: q.start)
    starts = [q.start for q in reported]
    said = [(q, _words(q.text)) for q in quotes if q.kind == "direct" and q.speaker] if fragments else []
    found: list[Quote | None] = []
    for fragment in fragments:
        source = None
        pos = bisect_right(starts, fragment.start) - 1
        while pos >= 0 and source is None and fragment.start - starts[pos] < 2000:
            q = reported[pos]
            if fragment.end <= q.end + 2:
                source = q
            pos -= 1
        words = _words(fragment.text)
        if source is None and len(words.split()) >= 2:
            source = next((q for q, w in said if words in w), None)
        found.append(source)
    return found


def _may_attribute(t: Token, mask: QuoteMask) -> bool:
    """A verb of saying outside any quote, which could say who said a quotation."""
    if _as_put(t):
        return mask.find(t.idx) is None
    return (
        t.lemma_ in SPEECH_VERBS
        and t.lemma_ not in _NOT_ATTRIBUTION
        and t.pos_ == "VERB"
        and t.is_alpha
        and mask.find(t.idx) is None
    )


def _as_put(t: Token) -> bool:
    """ "as the Evening Post put it, “the fixer.”", "as critics called them, “empty promises”":
    whose words follow."""
    return (
        t.lemma_ in ("put", "call")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children)
        and any(c.dep_ == "dobj" and c.lower_ in ("it", "them", "him", "her", "this") for c in t.children)
    )


def _nearest_cue(doc: Doc, text: str, mask: QuoteMask, m: Marked) -> Token | None:
    """The speech verb outside any quote nearest to a direct quote, in its sentence(s)."""
    first = doc.char_span(m.start, m.end, alignment_mode="expand")
    if first is None or not len(first):
        return None
    tokens = token_list(doc)
    candidates: list[Token] = []
    for lo, hi in sorted({sentence_bounds(first[0]), sentence_bounds(first[-1])}):
        candidates.extend(t for t in tokens[lo:hi] if _may_attribute(t, mask))
    if not candidates:
        _, last_end = sentence_bounds(first[-1])
        if last_end < len(doc):
            lo, hi = sentence_bounds(tokens[last_end])
            opens = tokens[lo].idx
            if 0 <= opens - m.close <= 3 and "\n" not in text[m.close : opens]:
                # "... ." Smith said. -- an attribution, not a new statement of its own
                candidates.extend(
                    t
                    for t in tokens[lo:hi]
                    if _may_attribute(t, mask)
                    and report_of(doc, t) is None
                    and not any(c.dep_ in ("ccomp", "dobj", "neg") for c in t.children)
                )
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - m.open), abs(t.idx - m.close)))


def _attribution_after(doc: Doc, text: str, m: Marked) -> Token | None:
    """ "“That is not true,” Ann Roe interjected.", "“...,” she shot back.": a quote cut off by a
    comma goes on in its attribution, so the one verb of the short clause after it is a verb of
    saying, even one no list knows. A question or an exclamation hands over only to a clause that
    goes on in lower case ("“Why?” she asked", not "“Why?” Ann walked out")."""
    inner = text[m.start : m.close - m.close_mark].rstrip()  # (the marks' content trimmed of its comma)
    if not inner or inner[-1] not in ",?!" or m.close >= len(text):
        return None
    words = _sentence_rest(doc, text, m.close)
    if not words or (inner[-1] in "?!" and not words[0].is_lower):
        return None
    verbs = [t for t in words if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP")]
    if len(verbs) != 1:
        return None
    verb = verbs[0]
    inside = {t.i for t in words}
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i in inside), None)
    if subject is None or subject.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") and c.idx >= m.close for c in verb.children):
        return None  # "“...,” she wrote a letter" goes on about something else
    return verb


def _sentence_rest(doc: Doc, text: str, at: int) -> list[Token] | None:
    """The words from `at` to the end of their sentence, when that comes within eight words."""
    after = doc.char_span(at, min(len(text), at + 160), alignment_mode="expand")
    if after is None or not len(after):
        return None
    clause = []
    for t in after:
        clause.append(t)
        if t.text in (".", ";", ":", "\u201c", '"') or "\n" in t.text_with_ws:
            break
    words = [t for t in clause if not t.is_punct and not t.is_space]
    ends = clause[-1].text == "." or "\n" in clause[-1].text_with_ws
    return words if words and len(words) <= 8 and ends else None


def _attribute_fragments(speakerless: list[Quote], ungoverned: list[Quote], quotes: list[Quote]) -> None:
    """Quoted fragments with no speaker of their own take the speaker of the quote they sit in
    or repeat (_sources_of_fragments); one no verb governs is a quote only then."""
    for part, source in zip(speakerless, _sources_of_fragments(speakerless, quotes), strict=False):
        if source is not None:
            part.speaker, part.speaker_actor, part.anonymous = source.speaker, source.speaker_actor, source.anonymous
    for part, source in zip(ungoverned, _sources_of_fragments(ungoverned, quotes), strict=False):
        if source is not None:
            part.speaker, part.speaker_actor, part.cue = source.speaker, source.speaker_actor, source.cue
            part.anonymous = source.anonymous
            quotes.append(part)


def _add_headline_quotes(doc: Doc, cast: Cast, quotes: list[Quote]) -> None:
    """What the headline attributes, unless a rule found it already."""
    for said in headline_quotes(doc, cast):
        if not any(q.start < said.end and said.start < q.end and q.kind == "indirect" for q in quotes):
            quotes.append(said)


def _within_marks(q: Quote, mask: QuoteMask, marked: set[tuple[int, int]]) -> bool:
    m = mask.find(q.start)
    return m is not None and m.start <= q.start and q.end <= m.end + 1 and (m.start, m.end) in marked


def _heading(text: str, m: Marked) -> bool:
    """A short quote that is a whole paragraph with no sentence end: a subheading that repeats a
    quote from the story ("'Not a lot of units available'"), not a quote of its own."""
    para_start = text.rfind("\n", 0, m.open) + 1
    para_end = text.find("\n", m.close)
    para_end = len(text) if para_end < 0 else para_end
    if text[para_start : m.open].strip() or text[m.close : para_end].strip(" .") or m.close < para_end - 2:
        return False
    inner = text[m.start : m.end].rstrip()
    return len(inner.split()) <= 8 and inner[-1:] not in ".!?…"


def _introducing_verb(doc: Doc, text: str, m: Marked) -> Token | None:
    """ "Martell is more blunt: “...”": a colon hands the sentence over to a quote, whose
    speaker is the subject of the clause before it, in the quote's paragraph or as a short one
    of its own before it ("Sanders made the following comment:")."""
    line = text.rfind("\n", 0, m.open) + 1
    before = text[line : m.open].rstrip()
    if before.endswith(":"):
        at = text.rfind(":", 0, m.open)
    elif not before:  # "The governor added:" as a short paragraph of its own, the quotation next
        lo, at = max(0, line - 400), line - 1
        while at >= lo and text[at].isspace():
            at -= 1
        if at < lo or text[at] != ":" or len(text[text.rfind("\n", 0, at) + 1 : at].split()) > 25:
            return None
    else:
        return None
    colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    # the clause before the colon: its verb nearest the colon, outside the quote (the parse may
    # make the quote's own verb the sentence's root: "X is more blunt: “... I think ...”")
    doc, at_colon = colon.doc, colon[0].i
    lo = max(sentence_bounds(colon[0])[0], at_colon - 40)
    for k in range(at_colon - 1, lo - 1, -1):
        verb = doc[k]
        if verb.text == "\n" or verb.text.endswith("\n"):
            break
        if verb.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS and c.i < at_colon for c in verb.children):
            return verb
    return None


_INTRODUCED = re.compile(r"(?:[:—–]|\b(?:added|adding|said|saying|continued|went on)[,:]?)\s*$", re.I)


def _introduced(text: str, start: int, opens: int) -> bool:
    """Whether a quotation is handed its own cue ("... and added: “"), rather than being the
    end of the reported clause it sits in ("... and that “")."""
    return _INTRODUCED.search(text[max(start, opens - 40) : opens]) is not None


def _clause_end(text: str, start: int, end: int) -> int:
    """Trim what a cut leaves dangling at the end of a clause: "added", "he said"."""
    while True:
        while end > start and text[end - 1] in " ,;:—–":
            end -= 1
        words = text[start:end].rsplit(" ", 1)
        if len(words) == 2 and words[1].lower() in ("added", "adding", "said", "saying", "and", "but"):
            end = start + len(words[0])
            continue
        return end


def _object_quoted(text: str, q: Quote, m: Marked) -> bool:
    """A reported clause that stops on a preposition right before quoted words: they are its
    object, which the parse made a clause of its own."""
    return 0 <= m.open - q.end <= 1 and bool(_DANGLING.search(text, q.start, q.end)) and not is_direct(text, m)


def _cover_fragments(reported: list[Quote], marks: list[Marked], text: str) -> None:
    """A reported clause that ends (or starts) inside a quoted fragment takes all of it: "said it
    looks “silly.”" reports the whole fragment, which then nests in the clause."""
    starts = [m.start for m in marks]
    for q in reported:
        lo = bisect_left(starts, q.start - 400)
        for m in marks[lo:]:
            if m.start >= q.end and _object_quoted(text, q, m):
                q.end = m.end  # "blame for focusing on “he said this, he posted that”"
                continue
            if m.start >= q.end:
                break
            if q.start < m.open and is_direct(text, m) and _introduced(text, q.start, m.open):
                # '... "nobody knows," and added: "I promise you ..."': a quotation of its own
                # starts here, and the reported clause stops before it
                q.end = _clause_end(text, q.start, m.open)
                break
            if m.start < q.end < m.end and "\n" not in text[q.end : m.end]:
                q.end = m.end
            if m.start < q.start < m.end:
                q.start = m.start
        q.text = text[q.start : q.end]


def _tweets(doc: Doc, cast: Cast, page: Page) -> list[Quote]:
    """An embedded tweet is its author's quote ("... Chicken. — Ann Roe (@annroe) May 2, 2019")."""
    found = []
    for start, end, name_start, name_end in page.tweets:
        span = doc.char_span(name_start, name_end, alignment_mode="expand")
        actor = cast.actor_in(list(span)) if span is not None else None
        name = actor.name if actor is not None else cast.text[name_start:name_end]
        found.append(Quote(start, end, cast.text[start:end], "direct", name, actor.id if actor else None, "tweeted"))
    return found


def _credited(doc: Doc, cast: Cast, m: Marked) -> tuple[str, str | None, str | None] | None:
    """Who a quotation is credited to outside any verb: a signature after it, or "according to X"
    before it (the speaker's name, actor id and the cue the panel shows), or None."""
    signer = signed(doc, cast, m)
    if signer is not None:
        return signer[0], signer[1], None
    source = _according_before(doc, cast, m)
    return (source[0], source[1], "according to") if source is not None else None


def _according_before(doc: Doc, cast: Cast, m: Marked) -> tuple[str, str | None] | None:
    """ "According to Limbaugh, “If it was left up to her ...”": a quotation right after "according
    to X," is X's (the speaker's name and actor id), or None."""
    span = doc.char_span(m.open, m.open + 1, alignment_mode="expand")
    k = span.start - 1 if span is not None else -1
    if k < 1 or doc[k].text not in (",", ":"):
        return None
    start = sentence_bounds(doc[k])[0]
    to = next(
        (t for t in doc[max(start, k - 10) : k] if t.lower_ == "to" and t.i > 0 and doc[t.i - 1].lower_ == "according"),
        None,
    )
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj" and c.i < k), None)
    voice = speaker_of(cast, source) if source is not None else None
    return (voice.name, voice.actor) if voice is not None and voice.name is not None else None


def _cue_of(doc: Doc, text: str, mask: QuoteMask, m: Marked, direct: bool) -> tuple[bool, Token | None]:
    """Whether the marked passage can be a quote, and the verb that attributes it, if one does."""
    if not direct:
        return _fragment_verb(doc, text, m)
    verb = _nearest_cue(doc, text, mask, m) or _introducing_verb(doc, text, m) or _attribution_after(doc, text, m)
    return True, verb


def _attribute_lines(floating: list[tuple[Quote, int]], quotes: list[Quote], cast: Cast, mask: QuoteMask) -> None:
    """A transcript's lines are their labels' speakers', and quotes no verb attributes go to the
    voice the story last turned to (an unlabelled paragraph after a line goes on with it)."""
    labelled = {id(quotes[n]) for n in label_transcript_lines(quotes, cast.actors)}
    attribute_floating([(q, at) for q, at in floating if id(q) not in labelled], quotes, cast, mask)


def find_quotes(doc: Doc, cast: Cast, page: Page | None = None) -> list[Quote]:
    """Every quote of the article with its speaker, in text order; none in page furniture."""
    text = cast.text
    marks = find_marks(text)
    mask = QuoteMask(marks)
    if page is not None:
        marks = [m for m in marks if not page.covers(m.open)]
    quotes: list[Quote] = []
    ungoverned: list[Quote] = []
    floating: list[tuple[Quote, int]] = []
    speakerless: list[Quote] = []
    for m in marks:
        direct = is_direct(text, m) or handed_on(doc, text, mask, m)
        fragment = text[m.start : m.end]
        if direct and (_heading(text, m) or titled(text, m)):
            continue
        can_be_quote, verb = _cue_of(doc, text, mask, m, direct)
        if not can_be_quote:
            continue
        direct = direct or (verb is not None and whole_clause(doc, text, m, verb))
        quote = Quote(m.start, m.end, fragment, "direct" if direct else "partial")
        signer = _credited(doc, cast, m) if direct else None
        if signer is not None:
            quote.speaker, quote.speaker_actor, quote.cue = signer
        elif verb is not None:
            voice = speaker_of(cast, subject_of(verb))
            quote.speaker, quote.speaker_actor, quote.anonymous = voice
            quote.cue = _cue_text(verb)
            if direct and voice.name is None:  # "..., saying: “...”" with no subject found
                floating.append((quote, m.open))
            elif voice.name is None:  # "was yelled at 'simply because ...'": whose report it is in
                speakerless.append(quote)
        elif not direct:
            if not is_title(fragment):  # a title nobody is said to have called it by
                ungoverned.append(quote)
            continue
        else:
            floating.append((quote, m.open))
        quotes.append(quote)
    if page is not None:
        quotes.extend(_tweets(doc, cast, page))
    reported = find_reported(doc, text, cast, mask, page) + noun_reports(doc, text, cast, mask, page)
    _cover_fragments(reported, marks, text)
    quotes.extend(reported)
    quotes = with_pull_quotes(doc, cast, page, quotes)
    _attribute_lines(floating, quotes, cast, mask)
    _attribute_fragments(speakerless, ungoverned, quotes)
    if page is None or not page.covers(0):
        _add_headline_quotes(doc, cast, quotes)
    # a reported clause that is all within quote marks is that quote, listed once
    marked = {(q.start, q.end) for q in quotes if q.kind != "indirect"}
    quotes = [q for q in quotes if q.kind != "indirect" or not _within_marks(q, mask, marked)]
    quotes.sort(key=lambda q: (q.start, q.kind))
    mark_sources(doc, text, quotes, cast.actors)
    return quotes
