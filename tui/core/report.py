"""A plain-text report of an analysis, for `byline analyze --format text`."""

from __future__ import annotations

from .model import Analysis


def _fmt_value(value) -> str:
    if value is None:
        return "-"
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def text_report(analysis: Analysis) -> str:
    lines = [analysis.title, f"source: {analysis.source}", ""]
    lines.append(f"ACTORS ({len(analysis.actors)})")
    for a in analysis.actors:
        extra = []
        if a.roles:
            extra.append("; ".join(a.roles))
        if a.aliases:
            extra.append("aka " + ", ".join(a.aliases))
        lines.append(f"  {a.name} [{a.type}] x{len(a.mentions)}" + (f" - {' | '.join(extra)}" if extra else ""))
    lines += ["", f"NUMBERS ({len(analysis.numbers)})"]
    for n in analysis.numbers:
        q = f" ({n.qualifier})" if n.qualifier else ""
        lines.append(f"  {n.text!r}: {_fmt_value(n.value)}{q} {n.unit or ''} [{n.kind}]".rstrip())
    lines += ["", f"QUOTES ({len(analysis.quotes)})"]
    for q in analysis.quotes:
        who = q.speaker or "?"
        lines.append(f"  [{q.kind}] {who} ({q.cue or '-'}): {q.text}")
    return "\n".join(lines) + "\n"
