"""The status line above the article: the article's title, site, date, its size and what the
analysis found on the left; on the right where the reader is among matches or mentions, and
whether a selection is on. The left part gives way before the right part is ever cut: the title
keeps at least half of it, the facts after it are cut first."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from byline.tui.core.visible import one_line


class StatusLine(Widget):
    """One line: "name · words · counts" on the left, "what k of N" on the right."""

    name_text: reactive[str] = reactive("")
    facts: reactive[str] = reactive("")
    position: reactive[str] = reactive("")
    mode: reactive[str] = reactive("")
    #: why nothing done here is saved ("READ-ONLY"), shown for as long as it holds
    locked: reactive[str] = reactive("")

    def render(self) -> Text:
        width = max(1, self.content_size.width)
        right = "  ".join(part for part in (self.position, self.mode, self.locked) if part)
        facts = f" · {self.facts}" if self.facts else ""
        room = width - len(right) - (2 if right else 0)
        name = one_line(self.name_text)
        if len(name) + len(facts) > room:
            keep = max(8, room // 2, room - len(facts))
            name = name if len(name) <= keep else name[: keep - 1] + "…"
        left = Text(name + facts, no_wrap=True, overflow="ellipsis")
        left.truncate(max(0, room), overflow="ellipsis")
        line = left
        if right:
            line.append(" " * max(1, width - left.cell_len - len(right)))
            plain = right[: len(right) - len(self.locked)] if self.locked else right
            line.append(plain, style="bold")
            if self.locked:
                line.append(self.locked, style="bold reverse")
        line.truncate(width, overflow="ellipsis")
        return line
