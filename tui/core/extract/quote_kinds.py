"""What a passage in quote marks is: a quotation of its own (after "said, but"; the whole clause a
verb reports), words quoted inside the writer's sentence, a title or a nickname, and whose
signature follows it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import SPEECH_VERBS, TITLE_SMALL_WORDS
from .syntax import SUBJECT_OR_EXPLETIVE_DEPS, sentence_bounds

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .cast import Cast
    from .marks import Marked, QuoteMask

#: A word, letters first ("don't", "re-elect"), no number.
WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SIGNATURE = re.compile(r"[^\S\n]*(?:[―—–]|--?)[^\S\n]*(?=[^\W\d_])")
_NAME_BEFORE = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]\.) $")  # a first name or an initial, right before
_NAME_AFTER = re.compile(r"\s[A-Z][a-z]")
#: A name as a signature writes it: up to four words in capitals ("Julie A. Diaz Martinez").
_SIGNED_NAME = re.compile(r"[A-Z][\w'’-]*\.?(?:[^\S\n]+[A-Z][\w'’-]*\.?){0,3}")
_LINE_END = re.compile(r"[^\S\n]*(?:[,.][^\n]*)?(?:\n|$)")


def is_title(fragment: str) -> bool:
    """Every word capitalised but the small ones: the name of a work, a campaign or a nickname
    ("Convoy to Ottawa", "Bird Man"), not words anyone said."""
    words = WORD.findall(fragment)
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(content) and len(words) <= 8 and all(w[0].isupper() for w in content)


_ASIDE_DEPS = frozenset("prep npadvmod tmod advmod dative dobj".split())


def whole_clause(doc: Doc, text: str, m: Marked, verb: Token) -> bool:
    """ "The commission says on its website that “there were issues with the sound.”": quote marks
    around the whole clause a verb of saying reports, from its start to the sentence's end, are the
    speaker's own words as they said them (a quotation set after "that"), not words quoted inside
    the writer's sentence."""
    marks = doc.char_span(m.open, m.open + 1, alignment_mode="expand")
    if marks is None or not len(marks) or verb.i >= marks[0].i or len(text[m.start : m.end].split()) < 4:
        return False
    # what may stand between: "that", where or when it was said, whom it was told
    aside = {t.i for c in verb.children if c.dep_ in _ASIDE_DEPS and c.i > verb.i for t in c.subtree}
    if any(t.lower_ != "that" and t.i not in aside for t in doc[verb.i + 1 : marks[0].i] if not t.is_punct):
        return False
    _, end = sentence_bounds(marks[0])
    inner = doc.char_span(m.start, m.end, alignment_mode="expand")
    rest = [t for t in doc[marks[0].i : end] if t.idx >= m.close and not (t.is_punct or t.is_space)]
    finite = inner is not None and any(t.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for t in inner)
    return not rest and finite


#: A kind of work named just before a quote in title case: the quote is its title.
_WORK_BEFORE = re.compile(
    r"\b(?:show|film|movie|book|novel|memoir|song|album|series|documentary|programme|program|play|podcast"
    r"|column|essay|poem|opera|musical|newspaper|magazine),?\s*$",
    re.IGNORECASE,
)


#: A broadcaster's or a person's programme: "on CBS’", "on NBC's".
_ON_AIR = re.compile(r"\bon\s+(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*(?:'s|’s|'|’)\s*$")
#: A thing named: "an app called", "a group named", "the campaign dubbed".
_THING_CALLED = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}(?:called|named|dubbed|titled|entitled),?\s*$", re.IGNORECASE
)


def work_named_before(text: str, m: Marked) -> bool:
    """Whether the words before a quote say it names a work or a thing: "on Mr. King's show,
    “Politicking.”", "the film “Deep Water”", "on CBS’ “Face the Nation.”", "an app called
    “Screenwise Meter”"."""
    return any(p.search(text, max(0, m.open - 40), m.open) is not None for p in (_WORK_BEFORE, _ON_AIR, _THING_CALLED))


def titled(text: str, m: Marked) -> bool:
    """A quote in title case that no one exclaims or asks, after a comma ("his book, ''Make Your
    Kid a Millionaire,''") or a paragraph of its own (a subheading "'All Bets Are Off.'"), or one
    such word set inside a name (Robert C. "Bobby" Scott): a title or a nickname, though it stands
    where a quote would ("Good Morning," she said: a quote), or one right after the kind of work it
    names ("his show, “Politicking.”")."""
    inner = text[m.start : m.end].rstrip(" .,")
    if not inner or inner[-1] in "!?…" or "..." in inner or not is_title(inner) or set(inner.split()) <= {"I", "…"}:
        return False  # ("“I … I …”" he stammered: words)
    if work_named_before(text, m):
        return True
    if len(inner.split()) == 1:
        return bool(_NAME_BEFORE.search(text, max(0, m.open - 30), m.open)) and bool(_NAME_AFTER.match(text, m.close))
    para_start, para_end = text.rfind("\n", 0, m.open) + 1, text.find("\n", m.close)
    before = text[para_start : m.open].strip()
    after = text[m.close : len(text) if para_end < 0 else para_end].strip(" .")
    return before.endswith(",") or not (before or after)  # a title in apposition, or a subheading


def handed_on(doc: Doc, text: str, mask: QuoteMask, m: Marked) -> bool:
    """ "“I like the captain,” he said, but “when it comes to money, ...”": a quote after a verb of
    saying and "but" or "and" is what was said, in the speaker's words: a quotation of its own,
    however it begins (a quoted word or two after it stays quoted words)."""
    marks = doc.char_span(m.open, m.open + 1, alignment_mode="expand")
    if marks is None or len(text[m.start : m.end].split()) < 3:
        return False
    k = marks[0].i - 1
    if k < 2 or doc[k].lower_ not in ("but", "and"):
        return False
    verb = doc[k - 2] if doc[k - 1].text == "," else doc[k - 1]
    return verb.lemma_ in SPEECH_VERBS and verb.pos_ == "VERB" and mask.find(verb.idx) is None


def signed(doc: Doc, cast: Cast, m: Marked) -> tuple[str, str | None] | None:
    """ "“The ferry is always late.” ― Anna Keller": a quote signed after its closing mark by a
    dash and a person's name, as readers' letters and collected reactions are, is that person's:
    the person named there, else the name as signed when it ends its line (two to four words in
    capitals the model did not take for a name). The speaker's name and actor id, or None."""
    hit = _SIGNATURE.match(cast.text, m.close) if m.close_mark else None
    name = _SIGNED_NAME.match(cast.text, hit.end()) if hit else None
    if hit is None or name is None:
        return None
    span = doc.char_span(hit.end(), name.end(), alignment_mode="expand")
    for token in span if span is not None else ():
        actor = cast.actor_of_token(token)
        if actor is not None:  # (an organisation: an office signing, or a name the model mistook)
            return (actor.name, actor.id) if actor.type in ("PERSON", "ORG") else None
    words = name.group(0).rstrip(".").split()
    if len(words) < 2 or words[0] in ("The", "A", "An") or not _LINE_END.match(cast.text, name.end()):
        return None
    return " ".join(words), None
