"""A plain-text report of an analysis, for `byline analyze --format text`, and the words the
command line shares with the screens.

Every string in it came from outside (a file name, a page's title, the article's names and
quotes): each is shown with `one_line`, so no escape code reaches the terminal and no line of
the report is broken by one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Analysis, Number, Quote
from .visible import one_line

if TYPE_CHECKING:  # pragma: no cover
    from .library_people import QuoteRef

#: A quote's kind in the reader's words, as the screens and the README say them. The JSON
#: outputs keep the analysis' own values ("indirect") for scripts.
KIND_WORDS = {"direct": "direct", "partial": "partial", "indirect": "reported"}


def quote_kind_word(kind: str) -> str:
    """ "reported" for the analysis' "indirect"; other kinds as they are."""
    return KIND_WORDS.get(kind, kind)


def quoted(q: Quote | QuoteRef, text: str | None = None) -> str:
    """A quote's words (of an analysis, or of the library) as a reader should take them:
    verbatim words (direct, partial) in quotation marks, reported speech without, since it is the
    writer's paraphrase."""
    body = one_line(q.text if text is None else text)
    return body if q.kind == "indirect" else f"“{body}”"


def _fmt_value(n: Number) -> str:
    value = n.value
    if value is None:
        return "-"
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def number_line(n: Number) -> str:
    """One figure: as written, then its value, unit and kind. A date (a year, a day) is no
    quantity: it is shown as written only, never as "2,019 year"."""
    written = one_line(n.text)
    q = f" ({one_line(n.qualifier)})" if n.qualifier else ""
    if n.kind == "date":
        return f"{written}{q} [date]"
    return f"{written}: {_fmt_value(n)}{q} {one_line(n.unit or '')}".rstrip() + f" [{n.kind}]"


def text_report(analysis: Analysis) -> str:
    lines = [one_line(analysis.title), f"source: {one_line(analysis.source)}", ""]
    lines.append(f"ACTORS ({len(analysis.actors)})")
    for a in analysis.actors:
        extra = []
        if a.roles:
            extra.append("; ".join(one_line(role) for role in a.roles))
        if a.aliases:
            extra.append("aka " + ", ".join(one_line(alias) for alias in a.aliases))
        lines.append(
            f"  {one_line(a.name)} [{a.type}] x{len(a.mentions)}" + (f" - {' | '.join(extra)}" if extra else "")
        )
    lines += ["", f"NUMBERS ({len(analysis.numbers)})"]
    lines += [f"  {number_line(n)}" for n in analysis.numbers]
    lines += ["", f"QUOTES ({len(analysis.quotes)})"]
    for q in analysis.quotes:
        who = one_line(q.speaker) if q.speaker else "?"
        lines.append(f"  [{quote_kind_word(q.kind)}] {who} ({one_line(q.cue or '-')}): {quoted(q)}")
    return "\n".join(lines) + "\n"
