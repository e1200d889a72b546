"""The reading brief: title and source, the actors, quotes by speaker, key figures, annotations."""

from __future__ import annotations

import re
from collections import defaultdict

from ..annotation import Annotation
from ..entity_types import REJECTED
from ..bundle import Bundle, today


def md_cell(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).replace("|", "\\|").strip()


def quote_block(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines() or [""])


def render_md(b: Bundle) -> str:
    a, art = b.analysis, b.article
    out = [f"# {art.title or art.source}", ""]
    out.append(f"- Source: {art.source}")
    out.append(f"- Exported: {today()}")
    out.append(f"- Text: sha256 {art.sha256[:16]}…, {len(art.text.split()):,} words")
    if a is not None:
        out.append(f"- Analysis: {a.model}")
    out.append("")
    if a is not None:
        out += ["## Who is in the story", "", "| Actor | Type | Roles | Mentions |", "|---|---|---|---|"]
        for actor in a.actors:
            roles = "; ".join(actor.roles)
            name = actor.name + (f" (aka {', '.join(actor.aliases)})" if actor.aliases else "")
            out.append(f"| {md_cell(name)} | {actor.type} | {md_cell(roles)} | {len(actor.mentions)} |")
        out += ["", "## Who said what", ""]
        by_speaker: dict[str, list] = defaultdict(list)
        for q in a.quotes:
            by_speaker[q.speaker or "Unattributed"].append(q)
        if not a.quotes:
            out.append("No quotes or reported speech found.")
        for speaker in sorted(by_speaker, key=lambda s: (s == "Unattributed", -len(by_speaker[s]), s)):
            out += [f"### {speaker}", ""]
            for q in by_speaker[speaker]:
                body = f"“{q.text}”" if q.kind != "indirect" else q.text
                out.append(f"- {md_cell(body)} ({q.kind}{', ' + q.cue if q.cue else ''})")
            out.append("")
        out += ["## Key figures", ""]
        figures = [n for n in a.numbers if n.kind != "date" or n.value is not None]
        if figures:
            out += ["| Figure | Value | What it counts | Qualifier |", "|---|---|---|---|"]
            for n in figures:
                value = "—" if n.value is None else (f"{n.value:,}" if isinstance(n.value, int) and n.kind != "date" else str(n.value))
                out.append(f"| {md_cell(n.text)} | {value} | {md_cell(n.unit or '')} | {n.qualifier or ''} |")
        else:
            out.append("No figures found.")
        out.append("")
    out += ["## Annotations", ""]
    notes = [x for x in b.notes if not x.orphan]
    if not notes:
        out += ["No annotations yet: select a passage in the reader and press a digit to tag it.", ""]
    grouped: dict[str, list[Annotation]] = defaultdict(list)
    for note in notes:
        for label in note.labels or ["untagged notes"]:
            grouped[label].append(note)
    order = [lab.name for lab in b.labels] + sorted(k for k in grouped if k not in {lab.name for lab in b.labels})
    for label in order:
        if label not in grouped:
            continue
        out += [f"### {label} ({len(grouped[label])})", ""]
        for note in grouped[label]:
            out.append(quote_block(note.passage))
            if note.note:
                out += ["", note.note]
            out.append("")
    orphans = [x for x in b.notes if x.orphan]
    if orphans:
        out += ["### Orphaned (the passage is no longer in the article)", ""]
        for note in orphans:
            out.append(quote_block(note.passage))
            if note.note:
                out += ["", note.note]
            out.append("")
    if b.corrections:
        out += ["## Entity corrections", ""]
        for c in b.corrections:
            out.append(f"- {md_cell(c.passage)}: {'rejected' if c.entity == REJECTED else c.entity}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
