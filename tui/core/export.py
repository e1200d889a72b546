"""Exports of an article's analysis and annotations, and imports of W3C and JSONL exports.

Formats: md (a reading brief), w3c (Web Annotation JSON-LD), json, jsonl (Prodigy/doccano spans),
spacy (DocBin), csv, brat (.ann standoff beside a .txt). Rendering is deterministic, so the app
and the command line write the same bytes for the same article and store.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlparse

from .anchor import Anchor, locate, make_anchor
from .annotation import REJECTED, Annotation, Label, labels_from_config
from .sources import Article, load_article
from .errors import ExportError
from .model import Analysis

FORMATS = ("md", "w3c", "json", "jsonl", "spacy", "csv", "brat")
BINARY = {"spacy"}
EXTENSIONS = {"md": ".md", "w3c": ".jsonld", "json": ".json", "jsonl": ".jsonl", "spacy": ".spacy", "csv": ".csv",
              "brat": ".ann"}
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


@dataclass
class Bundle:
    """Everything an export needs about one article."""

    article: Article
    analysis: Analysis | None
    annotations: list[Annotation]
    labels: tuple[Label, ...]

    @property
    def notes(self) -> list[Annotation]:
        return [a for a in self.annotations if a.kind == "annotation"]

    @property
    def corrections(self) -> list[Annotation]:
        return [a for a in self.annotations if a.kind == "correction" and not a.orphan]


def source_uri(article: Article) -> str:
    if article.path is not None:
        return article.path.resolve().as_uri()
    return f"urn:sha256:{article.sha256}"


def today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


# -- renderers --------------------------------------------------------------------------------
def _md_cell(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).replace("|", "\\|").strip()


def _quote_block(text: str) -> str:
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
            out.append(f"| {_md_cell(name)} | {actor.type} | {_md_cell(roles)} | {len(actor.mentions)} |")
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
                out.append(f"- {_md_cell(body)} ({q.kind}{', ' + q.cue if q.cue else ''})")
            out.append("")
        out += ["## Key figures", ""]
        figures = [n for n in a.numbers if n.kind != "date" or n.value is not None]
        if figures:
            out += ["| Figure | Value | What it counts | Qualifier |", "|---|---|---|---|"]
            for n in figures:
                value = "—" if n.value is None else (f"{n.value:,}" if isinstance(n.value, int) and n.kind != "date" else str(n.value))
                out.append(f"| {_md_cell(n.text)} | {value} | {_md_cell(n.unit or '')} | {n.qualifier or ''} |")
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
            out.append(_quote_block(note.passage))
            if note.note:
                out += ["", note.note]
            out.append("")
    orphans = [x for x in b.notes if x.orphan]
    if orphans:
        out += ["### Orphaned (the passage is no longer in the article)", ""]
        for note in orphans:
            out.append(_quote_block(note.passage))
            if note.note:
                out += ["", note.note]
            out.append("")
    if b.corrections:
        out += ["## Entity corrections", ""]
        for c in b.corrections:
            out.append(f"- {_md_cell(c.passage)}: {'rejected' if c.entity == REJECTED else c.entity}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def w3c_annotation(ann: Annotation, source: str) -> dict:
    body = [{"type": "TextualBody", "purpose": "tagging", "value": label} for label in ann.labels]
    if ann.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": ann.note, "format": "text/plain"})
    if ann.kind == "correction" and ann.entity:
        body.append({"type": "TextualBody", "purpose": "classifying", "value": f"entity:{ann.entity}"})
    motivation = "classifying" if ann.kind == "correction" else "commenting" if ann.note else "tagging" if ann.labels else "highlighting"
    return {
        "id": f"urn:uuid:{uuid.UUID(ann.id)}",
        "type": "Annotation",
        "motivation": motivation,
        "created": ann.created,
        "modified": ann.modified,
        "body": body,
        "target": {
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": ann.anchor.exact, "prefix": ann.anchor.prefix,
                 "suffix": ann.anchor.suffix},
                {"type": "TextPositionSelector", "start": ann.anchor.start, "end": ann.anchor.end},
            ],
        },
    }


def render_w3c(b: Bundle) -> str:
    source = source_uri(b.article)
    items = [w3c_annotation(a, source) for a in b.annotations]
    collection = {
        "@context": W3C_CONTEXT,
        "id": f"urn:sha256:{b.article.sha256}",
        "type": "AnnotationCollection",
        "label": b.article.title,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def render_json(b: Bundle) -> str:
    data = {
        "schema": "byline.export/1",
        "article": {"source": b.article.source, "title": b.article.title, "sha256": b.article.sha256,
                    "text": b.article.text},
        "analysis": b.analysis.to_dict() if b.analysis else None,
        "labels": [{"name": lab.name, "key": lab.key, "color": lab.color} for lab in b.labels],
        "annotations": [a.to_dict() for a in b.annotations],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _entity_spans(b: Bundle) -> list[tuple[int, int, str]]:
    if b.analysis is None:
        return []
    return [(e.start, e.end, e.type) for e in b.analysis.entities]


def render_jsonl(b: Bundle) -> str:
    spans = [{"start": s, "end": e, "label": label, "source": "model"} for s, e, label in _entity_spans(b)]
    corrected = {(c.start, c.end) for c in b.corrections}
    spans = [s for s in spans if (s["start"], s["end"]) not in corrected]
    for c in b.corrections:
        if c.entity != REJECTED:
            spans.append({"start": c.start, "end": c.end, "label": c.entity, "source": "reader", "id": c.id,
                          "correction": True})
    for a in b.notes:
        if a.orphan:
            continue
        for label in a.labels or ["NOTE"]:
            span = {"start": a.start, "end": a.end, "label": label, "source": "reader", "id": a.id}
            if a.note:
                span["note"] = a.note
            spans.append(span)
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    record = {
        "text": b.article.text,
        "spans": spans,
        "rejected": [{"start": c.start, "end": c.end, "id": c.id} for c in b.corrections if c.entity == REJECTED],
        "meta": {"source": b.article.source, "title": b.article.title, "sha256": b.article.sha256},
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def render_csv(b: Bundle) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["id", "labels", "note", "start", "end", "passage", "created", "modified", "orphan"])
    for a in b.notes:
        writer.writerow([a.id, ";".join(a.labels), a.note, a.start, a.end, a.passage, a.created, a.modified,
                         "yes" if a.orphan else ""])
    return buf.getvalue()


def _brat_fragments(text: str, start: int, end: int) -> str:
    parts, pos = [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            lo = pos + (len(line) - len(line.lstrip()))
            hi = pos + len(line.rstrip())
            parts.append(f"{lo} {hi}")
        pos += len(line) + 1
    return ";".join(parts)


def _brat_type(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", label) or "Note"


def render_brat(b: Bundle) -> str:
    text = b.article.text
    lines, t = [], 0
    for start, end, label in _entity_spans(b):
        t += 1
        lines.append(f"T{t}\t{_brat_type(label)} {_brat_fragments(text, start, end)}\t{text[start:end]}")
    notes = 0
    for a in b.notes:
        if a.orphan or not a.passage.strip():
            continue
        for label in a.labels or ["Note"]:
            t += 1
            shown = " ".join(text[a.start : a.end].split("\n"))
            lines.append(f"T{t}\t{_brat_type(label)} {_brat_fragments(text, a.start, a.end)}\t{shown}")
            if a.note:
                notes += 1
                lines.append(f"#{notes}\tAnnotatorNotes T{t}\t{' '.join(a.note.split())}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_spacy(b: Bundle) -> bytes:
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    doc = nlp.make_doc(b.article.text)
    ents = []
    for start, end, label in _entity_spans(b):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            ents.append(span)
    doc.ents = filter_spans(ents)
    spans = []
    for a in b.notes:
        if a.orphan:
            continue
        for label in a.labels or ["NOTE"]:
            span = doc.char_span(a.start, a.end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans["byline"] = spans
    doc.user_data["byline_notes"] = {a.id: a.note for a in b.notes if a.note}
    doc.user_data["byline_source"] = b.article.source
    return DocBin(docs=[doc], store_user_data=True).to_bytes()


RENDERERS = {"md": render_md, "w3c": render_w3c, "json": render_json, "jsonl": render_jsonl, "csv": render_csv,
             "brat": render_brat, "spacy": render_spacy}


def render(fmt: str, bundle: Bundle) -> bytes:
    if fmt not in RENDERERS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = RENDERERS[fmt](bundle)
    return out if isinstance(out, bytes) else out.encode("utf-8")


def write(fmt: str, bundle: Bundle, output: str | Path | None) -> list[Path]:
    """Write an export; brat writes PATH.ann and PATH.txt. Returns the files written."""
    data = render(fmt, bundle)
    if output is None or str(output) == "-":
        if fmt in ("brat", "spacy"):
            raise ExportError(f"the {fmt} export is written to files: give a path with -o")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return []
    path = Path(output).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "brat":
            base = path.with_suffix("") if path.suffix in (".ann", ".txt") else path
            ann, txt = base.with_suffix(".ann"), base.with_suffix(".txt")
            txt.write_text(bundle.article.text, encoding="utf-8", newline="")
            ann.write_bytes(data)
            return [ann, txt]
        path.write_bytes(data)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return [path]


def default_output(fmt: str, article: Article) -> Path:
    """NAME.byline.EXT in the current folder (never beside the bundled sample, inside the install)."""
    stem = article.path.stem if article.path else "article"
    return Path.cwd() / f"{stem}.byline{EXTENSIONS[fmt]}"


def bundle_for(article: Article, store, analysis: Analysis | None, labels: tuple[Label, ...]) -> Bundle:
    from .corrections import corrected

    key, changed = store.article_id(article)
    annotations = store.reanchor(key, article.text) if changed and not store.readonly else store.annotations(key)
    if analysis is not None:
        analysis = corrected(analysis, [a for a in annotations if a.kind == "correction"], article.text)
    return Bundle(article, analysis, annotations, labels)


def export_command(file: str | None, fmt: str, output: str | None, model: str | None) -> int:
    from .analysis import analyze
    from .sources import seed_path
    from .paths import load_config
    from .store import Store

    article = load_article(file if file else seed_path())
    store = Store()
    if store.readonly:
        print(f"byline: warning: {store.problem}", file=sys.stderr)
    labels = labels_from_config(load_config().labels)
    analysis = analyze(article, model) if fmt != "csv" else None
    written = write(fmt, bundle_for(article, store, analysis, labels), output)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


# -- import ----------------------------------------------------------------------------------
def _stable_id(raw_id: str | None, fallback: str) -> str:
    if raw_id:
        match = re.fullmatch(r"(?:urn:uuid:)?([0-9a-fA-F-]{32,36})", raw_id.strip())
        if match:
            try:
                return uuid.UUID(match.group(1)).hex
            except ValueError:
                pass
        return uuid.uuid5(uuid.NAMESPACE_URL, raw_id).hex
    return uuid.uuid5(uuid.NAMESPACE_URL, fallback).hex


def _w3c_items(data) -> list[dict]:
    if isinstance(data, list):
        return [x for x in data if isinstance(x, dict)]
    if not isinstance(data, dict):
        return []
    kind = data.get("type")
    if kind == "AnnotationCollection" or "first" in data:
        first = data.get("first") or {}
        items = first.get("items") if isinstance(first, dict) else None
        return [x for x in (items or data.get("items") or []) if isinstance(x, dict)]
    if kind == "AnnotationPage":
        return [x for x in data.get("items", []) if isinstance(x, dict)]
    return [data]


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _target_source(item: dict) -> str | None:
    for target in _as_list(item.get("target")):
        if isinstance(target, str):
            return target
        if isinstance(target, dict) and isinstance(target.get("source"), str):
            return target["source"]
    return None


def _selectors(item: dict) -> tuple[dict | None, dict | None]:
    quote = position = None
    for target in _as_list(item.get("target")):
        if not isinstance(target, dict):
            continue
        for sel in _as_list(target.get("selector")):
            if isinstance(sel, dict):
                if sel.get("type") == "TextQuoteSelector":
                    quote = sel
                elif sel.get("type") == "TextPositionSelector":
                    position = sel
    return quote, position


def source_to_path(source: str | None) -> Path | None:
    if not source or source.startswith("urn:"):
        return None
    if source.startswith("file:"):
        return Path(unquote(urlparse(source).path))
    if "://" in source:
        return None
    return Path(source)


def _anchor_in(text: str, quote: dict | None, position: dict | None) -> tuple[Anchor | None, bool]:
    """An anchor in `text` from W3C selectors; (anchor, orphan)."""
    start = int(position.get("start", 0)) if position else 0
    end = int(position.get("end", start)) if position else start
    exact = (quote or {}).get("exact") or (text[start:end] if position and 0 <= start < end <= len(text) else "")
    if not exact:
        return None, True
    wanted = Anchor(exact, (quote or {}).get("prefix", ""), (quote or {}).get("suffix", ""), start, end or start + len(exact))
    span = locate(wanted, text)
    if span is None:
        return wanted, True
    return make_anchor(text, *span), False


def annotations_from_w3c(data, article_key: str, text: str) -> list[Annotation]:
    found = []
    for n, item in enumerate(_w3c_items(data)):
        quote, position = _selectors(item)
        anchor, orphan = _anchor_in(text, quote, position)
        if anchor is None:
            continue
        labels, notes, entity = [], [], None
        for body in _as_list(item.get("body")) + _as_list(item.get("bodyValue")):
            if isinstance(body, str):
                notes.append(body)
                continue
            if not isinstance(body, dict):
                continue
            value = body.get("value")
            if not isinstance(value, str):
                continue
            purpose = body.get("purpose") or item.get("motivation")
            if purpose == "tagging":
                labels.append(value)
            elif purpose == "classifying" and value.startswith("entity:"):
                entity = value.split(":", 1)[1]
            else:
                notes.append(value)
        ann = Annotation(
            id=_stable_id(item.get("id"), f"{anchor.exact}|{anchor.start}|{'|'.join(labels)}|{n}"),
            article=article_key, anchor=anchor, labels=labels, note="\n\n".join(notes),
            kind="correction" if entity else "annotation", entity=entity, orphan=orphan,
        )
        if isinstance(item.get("created"), str):
            ann.created = item["created"]
        if isinstance(item.get("modified"), str):
            ann.modified = item["modified"]
        found.append(ann)
    return found


def annotations_from_jsonl(records: list[dict], article_key: str, text: str) -> list[Annotation]:
    merged: dict[str, Annotation] = {}
    for record in records:
        for span in record.get("spans", []):
            if span.get("source") != "reader":
                continue
            start, end = int(span["start"]), int(span["end"])
            base_text = record.get("text") or text
            anchor, orphan = _anchor_in(text, {"exact": base_text[start:end]}, {"start": start, "end": end})
            if anchor is None:
                continue
            key = _stable_id(span.get("id"), f"{start}|{end}|{span.get('label')}")
            if span.get("correction"):
                merged[key] = Annotation(id=key, article=article_key, anchor=anchor, kind="correction",
                                         entity=span.get("label"), orphan=orphan)
                continue
            ann = merged.setdefault(key, Annotation(id=key, article=article_key, anchor=anchor, orphan=orphan))
            label = span.get("label")
            if label and label != "NOTE" and label not in ann.labels:
                ann.labels.append(label)
            if span.get("note"):
                ann.note = span["note"]
        for rejected in record.get("rejected", []):
            start, end = int(rejected["start"]), int(rejected["end"])
            anchor, orphan = _anchor_in(text, {"exact": (record.get("text") or text)[start:end]}, {"start": start, "end": end})
            if anchor is not None:
                key = _stable_id(rejected.get("id"), f"{start}|{end}|rejected")
                merged[key] = Annotation(id=key, article=article_key, anchor=anchor, kind="correction",
                                         entity=REJECTED, orphan=orphan)
    return list(merged.values())


def read_export(path: Path) -> tuple[str, object]:
    """("w3c" | "jsonl", parsed data)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExportError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ExportError(f"{path} cannot be read as UTF-8 text ({exc})") from None
    try:
        data = json.loads(raw)
    except ValueError:
        pass
    else:
        if isinstance(data, dict) and "spans" in data and "text" in data:
            return "jsonl", [data]  # a JSONL export of a single article is one JSON object
        return "w3c", data
    records = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise ExportError(f"{path}: line {number} is not JSON; expected a w3c (JSON-LD) or jsonl export") from None
        if not isinstance(record, dict):
            raise ExportError(f"{path}: line {number} is not a JSON object")
        records.append(record)
    if not records:
        raise ExportError(f"{path} holds no annotations")
    return "jsonl", records


def import_command(export: str, article_path: str | None) -> int:
    from .store import Store

    kind, data = read_export(Path(export))
    if article_path:
        article = load_article(article_path)
    elif kind == "w3c":
        sources = {_target_source(item) for item in _w3c_items(data)} - {None}
        paths = [p for p in (source_to_path(s) for s in sources) if p is not None]
        if not paths:
            raise ExportError("the export does not name its article by path; give it with --article")
        article = load_article(paths[0])
    else:
        first = data[0] if isinstance(data, list) else {}
        source = (first.get("meta") or {}).get("source")
        if not source or not Path(source).exists():
            raise ExportError("the export does not name an article that exists here; give it with --article")
        article = load_article(source)
    store = Store()
    if store.readonly:
        raise ExportError(store.problem or "the annotation store is read-only")
    key, changed = store.article_id(article)
    if changed:
        store.reanchor(key, article.text)
    if kind == "w3c":
        found = annotations_from_w3c(data, key, article.text)
    else:
        found = annotations_from_jsonl(data, key, article.text)
    added = store.add_many(found)
    orphans = sum(a.orphan for a in found)
    print(f"imported {added} new annotations ({len(found) - added} already there"
          + (f", {orphans} could not be placed and are kept as orphans" if orphans else "") + f") into {article.source}",
          file=sys.stderr)
    return 0
