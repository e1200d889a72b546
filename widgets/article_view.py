"""The article pane: the text, read-only, with entities, passages, marks and matches highlighted.

A read-only TextArea gives cursor, soft wrap and scrolling; `get_line` adds our highlights to each
document line (article_paint), computed only for lines on screen and cached until they change.
Selection is vim's visual mode: `v` starts one at the cursor, moves stretch it, and the character
under the cursor is part of it. The cursor line is a tint laid over every highlight, so the
paragraph being read keeps its colours.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from byline.tui.core.entity_types import style_kind
from byline.tui.core.model import Analysis
from byline.tui.core.text import (
    Words,
    block_ends,
    next_boundary,
    next_end,
    paragraph_starts,
    prev_boundary,
    sentence_at,
    sentence_starts,
)
from byline.tui.keys import bindings, scope_bindings
from byline.widgets.article_paint import Painter, Passage, Span


class ArticleView(TextArea, can_focus=True):
    """The article text with its named entities and figures highlighted."""

    # the app's keys the text area has bindings of its own for, in a text that is read-only:
    # backspace (delete), f6 and f7 (select the line, select all) would never reach the app
    BINDINGS = bindings("article") + [
        Binding(
            b.key, b.action if b.action.startswith("app.") else f"app.{b.action}", b.description, show=False, id=b.id
        )
        for b in scope_bindings("app")
        if b.id in ("back", "search-library", "notes-library")
    ]

    COMPONENT_CLASSES = TextArea.COMPONENT_CLASSES | {
        "article-view--person",
        "article-view--org",
        "article-view--place",
        "article-view--group",
        "article-view--number",
        "article-view--mark",
        "article-view--title",
        "article-view--overlap",
        "article-view--found",
        "article-view--found-current",
        "article-view--note",
    }

    MARGIN = 2

    analysis: reactive[Analysis | None] = reactive(None, init=False, always_update=True)
    marks: reactive[tuple[Span, ...]] = reactive((), init=False)
    #: the reader's labelled or noted passages, drawn in their label's colour
    annotations: reactive[tuple[Passage, ...]] = reactive((), init=False)
    #: visual mode: moving the cursor stretches the selection
    selecting: reactive[bool] = reactive(False, init=False)

    @dataclass
    class EntityChosen(Message):
        """The reader pressed enter on an entity in the text."""

        view: ArticleView
        actor_id: str | None
        start: int
        end: int

        @property
        def control(self) -> ArticleView:
            return self.view

    @dataclass
    class TargetMoved(Message):
        """The cursor went to a match or a marked mention: `index` of `count` (None: none)."""

        view: ArticleView
        what: str
        index: int | None
        count: int
        more: bool = False  # there are more than `count`: the search stopped there

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(self, text: str, **kwargs) -> None:
        self._anchor: int | None = None  # before TextArea's own set-up, which moves the cursor
        super().__init__(
            text, read_only=True, soft_wrap=True, show_line_numbers=False, highlight_cursor_line=False, **kwargs
        )
        self.cursor_blink = False
        self.match_cursor_bracket = False
        self._painter = Painter()
        self._styled: dict[int, Text] = {}
        self._styles_by_kind: dict[str, Style] = {}
        self._tints: dict[object, Style] = {}
        self._line_starts = self._compute_line_starts(text)
        self._sentences = sentence_starts(text)
        self._paragraphs = paragraph_starts(text)
        self._sentence_ends = block_ends(text, self._sentences)
        self._paragraph_ends = block_ends(text, self._paragraphs)
        self._words = Words.of(text)
        self._targets: list[Span] = []
        self._target_index: int | None = None
        self._target_what = ""
        self._targets_found = False
        self._targets_more = False

    @staticmethod
    def _compute_line_starts(text: str) -> list[int]:
        starts, pos = [0], 0
        for line in text.split("\n")[:-1]:
            pos += len(line) + 1
            starts.append(pos)
        return starts

    # -- offsets ---------------------------------------------------------------------------
    def location_of(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        row = bisect_right(self._line_starts, offset) - 1
        return row, offset - self._line_starts[row]

    def offset_of(self, location: tuple[int, int]) -> int:
        row, col = location
        return self._line_starts[min(row, len(self._line_starts) - 1)] + col

    @property
    def cursor_offset(self) -> int:
        return self.offset_of(self.cursor_location)

    def move_to_offset(self, offset: int, select: bool = False) -> None:
        self.move_cursor(self.location_of(offset), select=select, center=True)

    # -- highlights ------------------------------------------------------------------------
    def watch_analysis(self, analysis: Analysis | None) -> None:
        spans: list[tuple[int, int, str]] = []
        if analysis is not None:
            spans.extend((e.start, e.end, style_kind(e.type)) for e in analysis.entities)
            taken = sorted((s, e) for s, e, _ in spans)
            for n in analysis.numbers:
                if not any(s < n.end and n.start < e for s, e in taken):
                    spans.append((n.start, n.end, "number"))
        self._painter.set_entities(spans)
        self._invalidate()

    def watch_marks(self) -> None:
        self._painter.set_marks(self.marks)
        self._invalidate()

    def watch_annotations(self) -> None:
        self._painter.set_passages(self.annotations)
        self._invalidate()

    def watch_selecting(self, selecting: bool) -> None:
        self.set_class(selecting, "-selecting")

    def _invalidate(self) -> None:
        self._styled.clear()
        self._line_cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._styled.clear()
        self._styles_by_kind = {}
        self._tints = {}
        super().notify_style_update()

    def get_line(self, line_index: int) -> Text:
        cached = self._styled.get(line_index)
        if cached is not None:
            return cached.copy()
        line = super().get_line(line_index)
        if line_index == 0:
            line.stylize(self._style("title"))
        self._painter.paint(line, self._line_starts[line_index], self._style, self._label_style)
        self._styled[line_index] = line
        return line.copy()

    def _style(self, kind: str) -> Style:
        """A component style with its translucent background blended over ours (theme-safe)."""
        style = self._styles_by_kind.get(kind)
        if style is None:
            styles = self.get_component_styles(f"article-view--{kind}")
            base = self.background_colors[1]
            bg = styles.background
            style = self.get_component_rich_style(f"article-view--{kind}", partial=True)
            if bg.a > 0:
                style += Style(bgcolor=(base + bg).rich_color)
            self._styles_by_kind[kind] = style
        return style

    def _label_style(self, colour: str) -> Style:
        """A labelled passage: a faint wash of its label's colour and its text in that colour
        (darkened or lightened for the theme), so it never looks like an entity's tint."""
        style = self._styles_by_kind.get("label:" + colour)
        if style is None:
            base = self.background_colors[1]
            try:
                label = Color.parse(colour)
            except Exception:  # noqa: BLE001 - not a colour (a bad config): a neutral grey instead
                label = Color.parse("#888888")
            text = label.darken(0.25) if base.brightness > 0.5 else label.lighten(0.15)
            style = Style(color=text.rich_color, bgcolor=(base + label.with_alpha(0.16)).rich_color)
            self._styles_by_kind["label:" + colour] = style
        return style

    # -- each row: a margin bar beside annotated rows, the cursor line tinted over everything --
    @property
    def gutter_width(self) -> int:
        return self.MARGIN

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        scroll_y = self.scroll_offset[1]
        mark = Segment(" " * self.MARGIN, self.rich_style)
        try:
            line_index, section = self.wrapped_document._offset_to_line_info[y + scroll_y]
        except (IndexError, TypeError):
            return Strip.join([Strip([mark], self.MARGIN), strip])
        start = self._line_starts[line_index]
        length = len(self.document.get_line(line_index))
        offsets = [0, *self.wrapped_document.get_offsets(line_index), length]
        lo, hi = start + offsets[section], start + max(offsets[section + 1], offsets[section] + 1)
        hits = self._painter.passages_in(lo, hi)
        if hits:
            colour = self._label_style(hits[0][2]).color
            noted = any(p[3] and lo <= p[0] < hi for p in hits)
            mark = Segment(
                "▌" + ("✎" if noted else " ") + " " * (self.MARGIN - 2),
                Style(color=colour, bgcolor=self.rich_style.bgcolor),
            )
        if line_index == self.cursor_location[0]:
            strip = self._tint_cursor_line(strip)
        return Strip.join([Strip([mark], self.MARGIN), strip])

    def _tint_cursor_line(self, strip: Strip) -> Strip:
        """The cursor line's tint laid over each segment's own background: highlights keep
        their colour and the line stays visible."""
        tint = self.get_component_styles("text-area--cursor-line").background
        if tint.a == 0:
            return strip
        segments = []
        for text, style, control in strip:
            if control:
                segments.append(Segment(text, style, control))
                continue
            key = style.bgcolor if style else None
            over = self._tints.get(key)
            if over is None:
                under = Color.from_rich_color(key) if key is not None else self.background_colors[1]
                over = self._tints[key] = Style(bgcolor=(under + tint).rich_color)
            segments.append(Segment(text, (style or Style()) + over))
        return Strip(segments, strip.cell_length)

    def entity_at(self, offset: int) -> tuple[int, int, str] | None:
        if self.analysis is None:
            return None
        for e in self.analysis.entities:
            if e.start <= offset < e.end:
                return e.start, e.end, e.actor or ""
        return None

    # -- selection: vim's visual mode ------------------------------------------------------------
    @property
    def selected_span(self) -> tuple[int, int] | None:
        """The selection as (start, end) offsets, the character under the cursor included and
        white space at either end left out; None when nothing is selected."""
        if self._anchor is not None:
            cursor = self.cursor_offset
            start, end = min(self._anchor, cursor), max(self._anchor, cursor) + 1
        else:  # a mouse selection
            start, end = sorted((self.offset_of(self.selection.start), self.offset_of(self.selection.end)))
        text = self.text
        end = min(end, len(text))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def move_cursor(self, location, select: bool = False, center: bool = False, record_width: bool = True) -> None:
        """Every move: shift+arrows start a selection; in visual mode the selection stretches
        from its anchor to the cursor, both ends included; outside it, a move drops the
        selection an item or a sentence left (it never stretches by surprise)."""
        if select and self._anchor is None:
            self._anchor = self.cursor_offset
            self.selecting = True
        elif not select and not self.selecting:
            self._anchor = None
        super().move_cursor(location, select=False, center=center, record_width=record_width)
        if self._anchor is not None:
            self._show_selection()

    def _show_selection(self) -> None:
        assert self._anchor is not None
        cursor = self.cursor_location
        anchor = self._anchor if self._anchor <= self.offset_of(cursor) else self._anchor + 1
        self.selection = Selection(self.location_of(anchor), cursor)

    def select_span(self, start: int, end: int, visual: bool = False) -> None:
        """Select [start, end), the cursor on its last character: for a label or a note (the
        next move drops it), or in visual mode, for moves to stretch it."""
        self._anchor = start
        self.selecting = visual
        super().move_cursor(self.location_of(max(start, end - 1)), center=True)
        self._show_selection()

    def clear_selection(self) -> None:
        """End visual mode and drop the selection; the cursor stays."""
        self._anchor = None
        self.selecting = False
        super().move_cursor(self.cursor_location)

    def action_visual(self) -> None:
        """A new selection from the cursor, whatever was selected before."""
        self._anchor = self.cursor_offset
        self.selecting = True
        self._show_selection()

    def action_select_sentence(self) -> None:
        start, end = sentence_at(self.text, self._sentences, self.cursor_offset)
        if end > start:
            self.select_span(start, end)

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        self._anchor = None
        self.selecting = False  # TextArea's own handler runs next (handlers run down the MRO)

    async def _on_key(self, event: events.Key) -> None:
        """Keys run their binding here, in the order they were typed, not when the key has
        bubbled up to the app: keys typed in one burst (a paste, a fast typist: `/` then a word)
        are already queued here, and each must see where the previous one left the focus. A key
        queued before the focus moved goes where the focus is now."""
        focused = self.app.focused
        if focused is not None and focused is not self:
            event.prevent_default()
            event.stop()
            focused._forward_event(events.Key(event.key, event.character))
            return
        active = self.app.active_bindings.get(event.key)
        if active is not None and active.enabled and not active.binding.priority:
            event.prevent_default()
            event.stop()
            await self.app.run_action(active.binding.action, active.node)

    # cursor moves: to a location, never "to the edge of the selection" as an editor does
    def action_cursor_left(self, select: bool = False) -> None:
        self.move_cursor(self.get_cursor_left_location(), select=select)

    def action_cursor_right(self, select: bool = False) -> None:
        self.move_cursor(self.get_cursor_right_location(), select=select)

    # -- motions ---------------------------------------------------------------------------
    def _go(self, offset: int | None, center: bool = False) -> None:
        if offset is not None:
            self.move_cursor(self.location_of(offset), center=center)

    def action_sentence(self, direction: int) -> None:
        self._block(self._sentences, self._sentence_ends, direction)

    def action_paragraph(self, direction: int) -> None:
        self._block(self._paragraphs, self._paragraph_ends, direction)

    def _block(self, starts: list[int], ends: list[int], direction: int) -> None:
        """To the next or previous start; forward in visual mode, to the end of the text of the
        sentence or paragraph, so a selection never takes the blank lines after it."""
        offset = self.cursor_offset
        if direction > 0:
            target = next_end(ends, offset) if self._anchor is not None else next_boundary(starts, offset)
        else:
            target = prev_boundary(starts, offset)
        self._go(target, center=True)

    def action_word(self, direction: int) -> None:
        offset = self.cursor_offset
        self._go(self._words.next_start(offset) if direction > 0 else self._words.prev_start(offset))

    def action_word_end(self) -> None:
        self._go(self._words.next_end(self.cursor_offset))

    def action_top(self) -> None:
        self.move_cursor((0, 0))

    def action_bottom(self) -> None:
        self.move_cursor(self.document.end)

    def action_page(self, direction: int) -> None:
        if direction > 0:
            self.action_cursor_page_down()
        else:
            self.action_cursor_page_up()

    def action_half_page(self, direction: int) -> None:
        """Half a screen down or up, the cursor with it (less and vim: ctrl+d, ctrl+u)."""
        half = max(1, self.content_size.height // 2) * direction
        target = self.navigator.get_location_at_y_offset(self.selection.end, half)
        self.scroll_relative(y=half, animate=False)
        self.move_cursor(target)

    def action_line_start(self) -> None:
        self.action_cursor_line_start()

    def action_line_end(self) -> None:
        self.action_cursor_line_end()

    def action_entity(self) -> None:
        hit = self.entity_at(self.cursor_offset)
        if hit is None:
            self.notify("No entity under the cursor", severity="warning", timeout=2)
            return
        start, end, actor = hit
        self.select_span(start, end)
        self.post_message(self.EntityChosen(self, actor or None, start, end))

    # -- targets: find matches or an actor's mentions, for n and N ----------------------------------
    def set_targets(
        self,
        targets,
        what: str,
        near: int | None = None,
        current: Span | None = None,
        found: bool = True,
        more: bool = False,
    ) -> None:
        """Go through `targets` with n and N: find matches (`found`, painted as matches) or the
        mentions already marked. Goes to the one at `current`, or the first at or after `near`.
        `more`: the targets are the first of more (a find that stopped at its limit)."""
        self._targets = sorted({(int(s), int(e)) for s, e in targets})
        self._targets_more = more
        self._target_what = what
        self._targets_found = found
        index = None
        if self._targets:
            if current is not None and (current[0], current[1]) in self._targets:
                index = self._targets.index((current[0], current[1]))
            elif near is not None:
                index = next((i for i, (s, _) in enumerate(self._targets) if s >= near), 0)
        self._target_index = index
        self._paint_targets()
        if index is not None:
            self.move_to_offset(self._targets[index][0])
        self.post_message(self.TargetMoved(self, what, index, len(self._targets), more))

    def clear_targets(self) -> None:
        self._targets, self._target_index, self._target_what, self._targets_more = [], None, "", False
        self._paint_targets()

    def _paint_targets(self) -> None:
        current = self._targets[self._target_index] if self._target_index is not None else None
        self._painter.set_targets(self._targets if self._targets_found else (), current)
        self._invalidate()

    @property
    def target(self) -> tuple[str, int | None, int]:
        """(what, index, count) of the targets n and N step through."""
        return self._target_what, self._target_index, len(self._targets)

    def action_next_target(self, direction: int) -> None:
        if not self._targets:
            self.notify("Nothing to go to: find with / or mark an actor first", severity="warning", timeout=3)
            return
        offset = self.cursor_offset
        if direction > 0:
            index = next((i for i, (s, _) in enumerate(self._targets) if s > offset), 0)
        else:
            index = next(
                (i for i in range(len(self._targets) - 1, -1, -1) if self._targets[i][0] < offset),
                len(self._targets) - 1,
            )
        self._target_index = index
        self._paint_targets()
        self.move_to_offset(self._targets[index][0])
        self.post_message(self.TargetMoved(self, self._target_what, index, len(self._targets), self._targets_more))
