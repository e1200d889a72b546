"""The rows of the side panel's lists: an actor, a figure, a quote, a note, a voice.

Every string in a row came from outside (the article, the model, an import, the config), so each
is made visible text (control and escape characters shown, never sent to the terminal) and kept
on its own line. Colours come as theme values or config strings and are checked before use: a
colour that is not a colour is drawn neutral, never a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from byline.tui.core.annotation import Annotation
from byline.tui.core.entity_types import style_kind, type_word
from byline.tui.core.model import Actor, Number, Quote
from byline.tui.core.report import quote_kind_word
from byline.tui.core.visible import one_line

#: A voice's bar of quoted words is at most this many cells.
BAR_WIDTH = 16
#: A note shows at most this many of its lines in the Notes tab.
NOTE_LINES = 6


@dataclass
class Row:
    """One row of a list: what it shows, what the filter searches, and where it leads. The
    text is made when the row is first shown (`make`): a list of ten thousand notes costs only
    the rows on screen."""

    text: Text | None
    haystack: str
    start: int | None = None
    spans: tuple[tuple[int, int], ...] = ()
    key: str = ""  # an annotation id (Notes), or what the status calls it ("Jens Stoltenberg")
    heading: bool = False  # a group heading: shown, never chosen
    make: Callable[[], Text] | None = None

    @property
    def prompt(self) -> Text:
        if self.text is None:
            self.text = self.make() if self.make is not None else Text("")
        return self.text

    def matches(self, query: str) -> bool:
        words = query.lower().split()
        return not words or all(word in self.haystack for word in words)


def colour_style(colour: str | None) -> Style:
    """A foreground style for a colour from a theme or the config; neutral if not a colour."""
    if not colour:
        return Style()
    try:
        return Style(color=colour)
    except Exception:  # noqa: BLE001 - rich says what is wrong; a reader only needs to read on
        return Style()


def _short(text: str, limit: int) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def actor_row(a: Actor, colours: dict[str, str], quotes: int = 0) -> Row:
    text = Text(no_wrap=False)
    text.append("● ", style=colour_style(colours.get(f"entity-{style_kind(a.type)}")))
    text.append(_short(a.name, 80), style="bold")
    text.append(f"  {type_word(a.type)} · {len(a.mentions)}×" + (f" · {quotes} quoted" if quotes else ""), style="dim")
    if a.roles:
        text.append("\n  " + _short("; ".join(a.roles), 200), style="italic")
    if a.aka:
        text.append("\n  aka " + _short(", ".join(a.aka), 200), style="dim")
    hay = " ".join([a.name, type_word(a.type), *a.roles, *a.aliases]).lower()
    mentions = tuple((m[0], m[1]) for m in a.mentions)
    return Row(text, hay, mentions[0][0] if mentions else None, mentions, one_line(a.name))


def _value(n: Number) -> str:
    if n.value is None:
        return "—"
    if n.kind == "date" and isinstance(n.value, int):
        return str(n.value)
    return f"{n.value:,}" if isinstance(n.value, int) else f"{n.value:,g}"


def few_words(sentence: str, written: str, each_side: int = 4) -> str:
    """A few words around a figure in its sentence ("… troops massed near the border …")."""
    words = one_line(sentence).split()
    target = one_line(written).split()
    at = next((i for i in range(len(words)) if words[i : i + len(target)] == target), None)
    if at is None or not target:
        return _short(sentence, 60)
    lo, hi = max(0, at - each_side), min(len(words), at + len(target) + each_side)
    return ("… " if lo else "") + " ".join(words[lo:hi]) + (" …" if hi < len(words) else "")


def number_row(n: Number, sentence: str) -> Row:
    """One line: the value · what is counted · a few words around it; enter shows the sentence."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(_value(n), style="bold")
    if n.qualifier:
        text.append(f" ({_short(n.qualifier, 40)})", style="italic")
    text.append(f" · {_short(n.unit or n.kind, 40)}")
    text.append(f" · {few_words(sentence, n.text)}", style="dim")
    hay = " ".join([n.text, _value(n), n.unit or "", n.kind, n.qualifier or "", sentence]).lower()
    return Row(text, hay, n.start, ((n.start, n.end),), one_line(n.text))


def quote_row(q: Quote, spans: tuple[tuple[int, int], ...], folded: Sequence[Quote] = (), speaker: bool = True) -> Row:
    """A quote; `folded` are the partial quotes inside it, shown under it instead of apart."""
    text = Text(no_wrap=False)
    if speaker:
        who = _short(q.speaker, 80) if q.speaker else "unattributed"
        text.append(who, style="bold" if q.speaker else "italic dim")
        if q.source in ("unnamed", "anonymous"):
            text.append(f" ({q.source})", style="italic")
        text.append("  ")
    text.append(f"{_short(q.cue or '', 30)} · {quote_kind_word(q.kind)}".strip(" ·"), style="dim")
    body = _short(q.text, 400)
    text.append("\n  " + (f"“{body}”" if q.kind != "indirect" else body))
    for part in folded:
        text.append(f"\n    ↳ {quote_kind_word(part.kind)}: “{_short(part.text, 160)}”", style="dim")
    hay = " ".join(
        [q.speaker or "unattributed", q.cue or "", quote_kind_word(q.kind), q.text, *(p.text for p in folded)]
    ).lower()
    return Row(text, hay, q.start, spans, one_line(q.speaker or "unattributed quote"))


def heading_row(title: str, detail: str) -> Row:
    text = Text(no_wrap=False)
    text.append(_short(title, 80), style="bold reverse")
    text.append(f"  {detail}", style="dim")
    return Row(text, title.lower(), heading=True)


def note_row(a: Annotation, colours: dict[str, str]) -> Row:
    """An annotation: its labels (a label the config does not know in a neutral colour, with
    its name), its passage and note; or a correction and what it says."""
    words = [a.passage, a.note, *a.labels]
    if a.kind == "correction":
        words += ["correction", a.describe()]
    if a.orphan:
        words.append("orphan")
    if a.passage_changed:
        words += ["changed", a.tagged or ""]
    return Row(None, " ".join(words).lower(), a.start, ((a.start, a.end),), a.id, make=lambda: note_text(a, colours))


def note_text(a: Annotation, colours: dict[str, str]) -> Text:
    text = Text(no_wrap=False)
    if a.orphan:
        text.append(" orphan ", style="bold reverse")
        text.append(" ")
    elif a.passage_changed:  # the article was edited under it: what was tagged is not this
        text.append(" changed ", style="bold reverse")
        text.append(" ")
    if a.kind == "correction":
        text.append("correction: ", style="bold")
        text.append(_short(a.describe() or (a.entity or ""), 80), style="italic")
    else:
        for label in a.labels or ["note"]:
            text.append("● ", style=colour_style(colours.get(label)) if label in colours else Style(dim=True))
            text.append(_short(label, 40) + "  ", style="bold")
        if a.note:
            text.append("✎", style="dim")
    text.append(f"\n  “{_short(a.passage, 160)}”", style="italic")
    if a.passage_changed and not a.orphan:
        text.append(f"\n  was, when tagged: “{_short(a.tagged or '', 160)}”", style="dim")
    lines = a.note.strip().splitlines()
    for line in lines[:NOTE_LINES]:  # the note's own lines, as written
        text.append("\n  " + _short(line, 300))
    if len(lines) > NOTE_LINES:
        text.append(f"\n  … {len(lines) - NOTE_LINES} more lines", style="dim")
    return text


def voice_row(voice, most_words: int) -> Row:
    """A voice (core.voices.Voice): a bar of the words quoted, how it is quoted, who it is."""
    text = Text(no_wrap=False)
    text.append(_short(voice.speaker, 80), style="italic" if voice.anonymous else "bold")
    if voice.anonymous:
        text.append(f" {voice.source} ", style="reverse")
    about = [voice.actor_type or "", "; ".join(voice.roles)]
    if any(about):
        text.append("  " + _short(" · ".join(x for x in about if x), 120), style="dim italic")
    cells = max(1, round(BAR_WIDTH * voice.words / most_words)) if most_words and voice.words else 0
    text.append("\n  ")
    text.append("█" * cells, style="bold")
    text.append("░" * (BAR_WIDTH - cells), style="dim")
    text.append(f" {voice.words:,} words {voice.share:.0%}", style="dim")
    counts = [f"{n} {kind}" for kind in ("direct", "partial", "reported") if (n := voice.count(kind))]
    text.append("\n  " + " · ".join(counts), style="dim")
    spans = tuple(sorted((q.start, q.end) for q in voice.quotes))
    hay = " ".join(
        [
            voice.speaker,
            voice.actor_type or "",
            *voice.roles,
            *voice.aliases,
            voice.source,
        ]
    ).lower()
    return Row(text, hay, spans[0][0] if spans else None, spans, one_line(voice.speaker))
