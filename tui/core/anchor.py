"""Anchoring annotations to text that may change: a W3C-style selector and Hypothesis' way of
finding it again (position, then exact quote scored by context, then a fuzzy search)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

CONTEXT = 32
#: How close a fuzzy match must be (0-100) to count as the same passage.
FUZZY_CUTOFF = 80.0
#: How much the words around a fuzzy match must agree with the anchor's prefix and suffix.
CONTEXT_CUTOFF = 50.0
#: Fuzzy search first looks this far either side of where the passage was.
NEAR = 4000
#: Of a passage found many times, this many places are weighed (and as many near where it was).
MAX_HITS = 200


@dataclass
class Anchor:
    """TextQuoteSelector (exact, prefix, suffix) plus TextPositionSelector (start, end)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Anchor:
        return cls(data["exact"], data.get("prefix", ""), data.get("suffix", ""), int(data["start"]), int(data["end"]))


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    start, end = max(0, start), min(len(text), end)
    return Anchor(text[start:end], text[max(0, start - context) : start], text[end : end + context], start, end)


def _common_suffix(a: str, b: str) -> int:
    """How many characters `a` and `b` share at their ends (slices compared, not characters)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    prefix = _common_suffix(anchor.prefix, text[max(0, start - len(anchor.prefix)) : start])
    suffix = _common_prefix(anchor.suffix, text[end : end + len(anchor.suffix)])
    closeness = 1 - min(1.0, abs(start - anchor.start) / max(1, len(text)))
    return prefix + suffix + closeness


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where the anchored passage is in `text` now, or None (an orphan)."""
    exact = anchor.exact
    if not exact:
        return None
    start = anchor.start
    if 0 <= start and start + len(exact) <= len(text) and text.startswith(exact, start):
        return start, start + len(exact)
    hits = _hits(exact, text, anchor.start)
    if hits:
        best = max(hits, key=lambda h: _context_score(anchor, text, h, h + len(exact)))
        return best, best + len(exact)
    return _fuzzy(anchor, text)


def _hits(exact: str, text: str, near: int) -> list[int]:
    """Where `exact` occurs: everywhere when it is rare, else the first MAX_HITS and the MAX_HITS
    either side of where it was (a word that occurs a hundred thousand times costs no more)."""
    hits: list[int] = []
    pos = text.find(exact)
    while pos >= 0 and len(hits) < MAX_HITS:
        hits.append(pos)
        pos = text.find(exact, pos + 1)
    if pos >= 0:  # many: weigh the ones closest to where it was too, either side
        after = text.find(exact, max(pos, near))
        for _ in range(MAX_HITS):
            if after < 0:
                break
            hits.append(after)
            after = text.find(exact, after + 1)
        before = text.rfind(exact, pos, max(pos, near) + len(exact) - 1)
        for _ in range(MAX_HITS):
            if before < pos:
                break
            hits.append(before)
            before = text.rfind(exact, pos, before + len(exact) - 1)
    return sorted(set(hits))


def _fuzzy(anchor: Anchor, text: str) -> tuple[int, int] | None:
    from rapidfuzz import fuzz

    exact = anchor.exact
    if len(exact.strip()) < 8:
        return None  # too short to tell a changed passage from a different one
    windows = [(max(0, anchor.start - NEAR), min(len(text), anchor.end + NEAR)), (0, len(text))]
    for lo, hi in windows:
        found = fuzz.partial_ratio_alignment(exact, text[lo:hi], score_cutoff=FUZZY_CUTOFF)
        if found is not None and found.score >= FUZZY_CUTOFF:
            bounds = _bounds(anchor, text, lo + found.dest_start, lo + found.dest_end)
            if bounds is None:
                continue
            start, end = bounds
            # A near-identical passage in a different place is another passage: the words around
            # it must agree too, unless the passage itself is almost unchanged and long.
            before = text[max(0, start - len(anchor.prefix)) : start]
            after = text[end : end + len(anchor.suffix)]
            context = (fuzz.ratio(anchor.prefix, before) + fuzz.ratio(anchor.suffix, after)) / 2
            if context >= CONTEXT_CUTOFF or (found.score >= 95 and len(exact) >= 40):
                return start, end
        if lo == 0 and hi == len(text):
            break
    return None


def _bounds(anchor: Anchor, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The exact bounds of a changed passage that a fuzzy search placed at about [start, end).

    The fuzzy search finds where the passage is, not where it ends: its match is about as long as
    the old passage, so a passage that grew ("delayed" become "postponed") lost its last
    characters. Here the old passage with the words around it (prefix + exact + suffix) is
    aligned character by character (the longest common subsequence) with the new text around the
    match: the passage starts at the first of its characters that survive and ends after the last.
    Words typed between the passage and its context belong to neither; a passage that began and
    ended on whole words does so again."""
    from rapidfuzz.distance import Indel

    exact, prefix, suffix = anchor.exact, anchor.prefix, anchor.suffix
    slack = len(exact) + CONTEXT  # the fuzzy match may sit a passage away in a repetitive text
    lo = max(0, start - len(prefix) - slack)
    hi = min(len(text), end + len(suffix) + slack)
    first, last = len(prefix), len(prefix) + len(exact)
    new_start = new_end = None
    for op in Indel.opcodes(prefix + exact + suffix, text[lo:hi]):
        if op.tag != "equal" or op.src_end <= first or op.src_start >= last:
            continue
        if new_start is None:
            new_start = lo + op.dest_start + max(0, first - op.src_start)
        new_end = lo + op.dest_end - max(0, op.src_end - last)
    if new_start is None or new_end is None or new_start >= new_end:
        return None
    return _snap(text, new_start, new_end, _word_edges(anchor))


def _word_edges(anchor: Anchor) -> tuple[bool, bool]:
    """Whether the passage began and ended on a word's edge (not inside a word, not on a space)."""
    exact = anchor.exact
    starts = not (anchor.prefix[-1:].isalnum() and exact[:1].isalnum()) and not exact[:1].isspace()
    ends = not (exact[-1:].isalnum() and anchor.suffix[:1].isalnum()) and not exact[-1:].isspace()
    return starts, ends


def _snap(text: str, start: int, end: int, edges: tuple[bool, bool] = (True, True)) -> tuple[int, int]:
    """A passage without white space at its ends, widened to whole words at the ends where the
    tagged passage had whole words (`edges`: its start, its end)."""
    while edges[0] and start < end and text[start].isspace():
        start += 1
    while edges[1] and end > start and text[end - 1].isspace():
        end -= 1
    while edges[0] and start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while edges[1] and end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
