"""Exports of an article's analysis and annotations, one module per format, and the importers
beside the writers of the formats that can be read back (w3c, jsonl, json, csv).

The registry below is the one place that knows the formats: each declares its writer, the files
it writes, whether it needs `-o`, and its importer. Adding a format is a module and a line here.
Rendering is deterministic, so the reader and `byline export` write the same bytes for the same
article and store. Nothing here prints: the command line decides where bytes go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..bundle import Bundle
from ..errors import ExportError
from ..sources import Article
from . import json_doc, jsonl, w3c
from .brat import brat_note, brat_paths, render_brat
from .csv_rows import BOM, annotations_from_csv, render_csv
from .docbin import render_spacy
from .files import OutputExists, one_file, write_outputs
from .html import render_html
from .markdown import render_md
from .reading import Importer, unnamed_items
from .voices_csv import render_voices

__all__ = ["FORMATS", "Bundle", "Format", "OutputExists", "default_output", "planned_outputs", "render", "write_files"]


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    description: str
    render: Callable[[Bundle], str | bytes]
    #: written to files only, never to standard output, so `-o PATH` is needed (binary, or more
    #: than one file)
    files_only: bool = False
    #: the files an export to `output` writes: files(output, with_text); the export first, then,
    #: when there is a second, the article's text its offsets index
    files: Callable[[str | Path, bool], list[Path]] = one_file
    #: what `--with-text` adds for this format ("" when the format takes no text beside it)
    with_text: str = ""
    #: after writing: what the user must know about the files written, else None: note(written, text)
    note: Callable[[list[Path], str], str | None] | None = None
    #: whether the export carries the analysis (else it is written without analysing)
    needs_analysis: bool = True
    #: how `byline import` reads the format back, or None when it cannot
    importer: Importer | None = None


REGISTRY: dict[str, Format] = {
    f.name: f
    for f in (
        Format("md", ".md", "reading brief (Markdown)", render_md),
        Format("html", ".html", "reading brief as one web page (phone, print)", render_html),
        Format("w3c", ".jsonld", "W3C Web Annotations (JSON-LD)", w3c.render_w3c, importer=w3c.IMPORTER),
        Format("json", ".json", "analysis and annotations (JSON)", json_doc.render_json, importer=json_doc.IMPORTER),
        Format(
            "jsonl",
            ".jsonl",
            "spans for training (Prodigy / doccano JSONL)",
            jsonl.render_jsonl,
            importer=jsonl.IMPORTER,
        ),
        Format("spacy", ".spacy", "spaCy DocBin", render_spacy, files_only=True),
        Format(
            "csv",
            ".csv",
            "one row per item: your annotations, the quotes and figures (CSV)",
            render_csv,
            importer=Importer(unnamed_items, annotations_from_csv),
        ),
        Format(
            "brat",
            ".ann",
            "brat standoff (.ann over the article text)",
            render_brat,
            files_only=True,
            files=brat_paths,
            with_text="the .txt beside its .ann",
            note=brat_note,
        ),
        Format("voices", ".voices.csv", "who is quoted, how much, who without a name (CSV)", render_voices),
    )
}
FORMATS = tuple(REGISTRY)


def get(name: str) -> Format:
    if name not in REGISTRY:
        raise ExportError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")
    return REGISTRY[name]


#: The CSV formats: --excel gives them a byte order mark.
SPREADSHEETS = ("csv", "voices")


def render(fmt: str, bundle: Bundle, *, excel: bool = False) -> bytes:
    """The export's bytes; `excel` (a CSV format only): with a UTF-8 byte order mark first."""
    out = get(fmt).render(bundle)
    data = out if isinstance(out, bytes) else out.encode("utf-8")
    if excel:
        if fmt not in SPREADSHEETS:
            raise ExportError(f"--excel is for the CSV exports ({', '.join(SPREADSHEETS)}), not {fmt}")
        data = BOM.encode("utf-8") + data
    return data


def planned_outputs(fmt: str, output: str | Path, with_text: bool = False) -> list[Path]:
    """Every file an export of `fmt` to `output` would write (the app asks about these)."""
    return get(fmt).files(output, with_text)


def write_files(
    fmt: str,
    bundle: Bundle,
    output: str | Path,
    *,
    force: bool = False,
    with_text: bool = False,
    inputs: tuple[Path, ...] = (),
    excel: bool = False,
) -> list[Path]:
    """Write an export to `output` and to no other path; returns the files written.

    The format says which files (brat writes PATH.ann, and PATH.txt, the text its offsets index,
    only with `with_text` or when `output` names the .txt). An existing file is refused unless
    `force` (OutputExists, which the app catches to ask); the article itself, `inputs`, the config
    and the data folder never are written. `excel`: a CSV starts with a byte order mark, so Excel reads it as UTF-8."""
    export, *beside = planned_outputs(fmt, output, with_text)
    outputs = [(export, render(fmt, bundle, excel=excel))] + [
        (path, bundle.article.text.encode("utf-8")) for path in beside
    ]
    return write_outputs(outputs, bundle.article.path, force, inputs)


def default_output(fmt: str, article: Article) -> Path:
    """NAME.byline.EXT in the current folder (never beside the bundled sample, inside the install)."""
    stem = article.path.stem if article.path else "article"
    return Path.cwd() / f"{stem}.byline{get(fmt).extension}"
