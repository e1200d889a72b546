"""What the article pane paints on each line: the reader's labelled passages, the model's
entities and figures, marked mentions and find matches, in that order (later ones on top).

Plain data and Rich styles, no widget: the article view asks for one line at a time, only for
lines on screen, and caches the result until a highlight changes. Every lookup is a bisection,
so a line costs the same with ten annotations or ten thousand.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

#: (start, end, colour, has a note) of a labelled or noted passage
Passage = tuple[int, int, str, bool]
Span = tuple[int, int]


def _sorted_spans(spans) -> tuple[list[Span], list[int], int]:
    ordered = sorted((int(s), int(e)) for s, e in spans)
    return ordered, [s for s, _ in ordered], max((e - s for s, e in ordered), default=0)


def _hits(spans: list[Span], starts: list[int], longest: int, start: int, end: int) -> list[Span]:
    lo = bisect_left(starts, start - longest)
    hi = bisect_left(starts, end)
    return [s for s in spans[lo:hi] if s[1] > start]


@dataclass
class Painter:
    """The highlights of one article, and how they paint a line."""

    entities: list[tuple[int, int, str]] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.set_entities(self.entities)
        self.set_passages(self.passages)
        self.set_marks(())
        self.set_targets((), None)

    # -- the data -------------------------------------------------------------------------------
    def set_entities(self, spans: list[tuple[int, int, str]]) -> None:
        self.entities = sorted(spans)
        self._entity_starts = [s for s, _, _ in self.entities]
        self._longest_entity = max((e - s for s, e, _ in self.entities), default=0)

    def set_passages(self, passages) -> None:
        self.passages = sorted(passages)
        self._passage_starts = [p[0] for p in self.passages]
        self._longest_passage = max((p[1] - p[0] for p in self.passages), default=0)

    def set_marks(self, marks) -> None:
        self.marks, self._mark_starts, self._longest_mark = _sorted_spans(marks)

    def set_targets(self, targets, current: Span | None) -> None:
        self.targets, self._target_starts, self._longest_target = _sorted_spans(targets)
        self.current = current

    # -- lookups ----------------------------------------------------------------------------------
    def passages_in(self, start: int, end: int) -> list[Passage]:
        lo = bisect_left(self._passage_starts, start - self._longest_passage)
        hi = bisect_left(self._passage_starts, end)
        return [p for p in self.passages[lo:hi] if p[1] > start]

    def entity_at(self, offset: int) -> tuple[int, int, str] | None:
        lo = bisect_left(self._entity_starts, offset - self._longest_entity)
        hi = bisect_right(self._entity_starts, offset)
        return next((e for e in self.entities[lo:hi] if e[0] <= offset < e[1]), None)

    # -- painting -----------------------------------------------------------------------------
    def paint(
        self, line: Text, start: int, style_of: Callable[[str], Style], label_style: Callable[[str], Style]
    ) -> None:
        """Stylize `line`, the document line that starts at offset `start`."""
        end = start + len(line.plain)
        for s, e, style in self.passage_runs(start, end, label_style, style_of("overlap")):
            line.stylize(style, s - start, e - start)
        lo = bisect_left(self._entity_starts, start - self._longest_entity)
        for s, e, kind in self.entities[lo:]:
            if s >= end:
                break
            if e > start:
                line.stylize(style_of(kind), max(s, start) - start, min(e, end) - start)
        for kind, spans in (
            ("mark", _hits(self.marks, self._mark_starts, self._longest_mark, start, end)),
            ("found", _hits(self.targets, self._target_starts, self._longest_target, start, end)),
        ):
            for s, e in spans:
                line.stylize(style_of(kind), max(s, start) - start, min(e, end) - start)
        if self.current is not None and self.current[0] < end and self.current[1] > start:
            s, e = self.current
            line.stylize(style_of("found-current"), max(s, start) - start, min(e, end) - start)

    def passage_runs(
        self, start: int, end: int, label_style: Callable[[str], Style], overlap: Style
    ) -> list[tuple[int, int, Style]]:
        """Labelled stretches of [start, end) as runs of one style each: the colour of the
        passage that starts last, and the overlap style where passages overlap. Linear in the
        annotated characters, however many annotations pile up."""
        hits = self.passages_in(start, end)
        if not hits:
            return []
        width = end - start
        depth = [0] * (width + 1)
        colour: list[str | None] = [None] * width
        for s, e, c, _ in hits:  # sorted by start: later starts paint over earlier ones
            lo, hi = max(s, start) - start, min(e, end) - start
            depth[lo] += 1
            depth[hi] -= 1
            colour[lo:hi] = [c] * (hi - lo)
        runs: list[tuple[int, int, Style]] = []
        level, run_start = 0, 0
        run_key: tuple[str, bool] | None = None  # (colour, overlapping) of the run so far, None unpainted
        for i in range(width + 1):
            key: tuple[str, bool] | None = None
            if i < width:
                level += depth[i]
                here = colour[i]
                key = (here, level > 1) if here is not None else None
            if i == width or key != run_key:  # the end closes the last run
                if run_key is not None and i > run_start:
                    painted, overlapping = run_key
                    runs.append(
                        (start + run_start, start + i, label_style(painted) + (overlap if overlapping else Style()))
                    )
                run_start, run_key = i, key
        return runs
