"""Exports of an article's analysis and annotations, one module per format, and the importers
beside the writers of the formats that can be read back (w3c, jsonl).

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
from .brat import render_brat
from .csv_rows import render_csv
from .docbin import render_spacy
from .files import OutputExists, brat_paths, planned_outputs, write_outputs
from .json_doc import render_json
from .jsonl import render_jsonl
from .markdown import render_md
from .w3c import render_w3c


def render_voices(b: Bundle) -> str:
    """The voices of the article, one row per voice (CSV)."""
    from ..voices import to_csv, voices

    if b.analysis is None:
        raise ExportError("the voices export needs the analysis; it is not there yet")
    return to_csv(voices(b.analysis, b.article.text))


__all__ = ["FORMATS", "Bundle", "Format", "OutputExists", "default_output", "planned_outputs", "render", "write_files"]


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    description: str
    render: Callable[[Bundle], str | bytes]
    #: written to files only, never to standard output (binary, or more than one file)
    files_only: bool = False


REGISTRY: dict[str, Format] = {
    f.name: f
    for f in (
        Format("md", ".md", "reading brief (Markdown)", render_md),
        Format("w3c", ".jsonld", "W3C Web Annotations (JSON-LD)", render_w3c),
        Format("json", ".json", "analysis and annotations (JSON)", render_json),
        Format("jsonl", ".jsonl", "spans for training (Prodigy / doccano JSONL)", render_jsonl),
        Format("spacy", ".spacy", "spaCy DocBin", render_spacy, files_only=True),
        Format("csv", ".csv", "one row per annotation (CSV)", render_csv),
        Format("brat", ".ann", "brat standoff (.ann over the article text)", render_brat, files_only=True),
        Format("voices", ".voices.csv", "who is quoted, how much, who without a name (CSV)", render_voices),
    )
}
FORMATS = tuple(REGISTRY)


def get(name: str) -> Format:
    if name not in REGISTRY:
        raise ExportError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")
    return REGISTRY[name]


def render(fmt: str, bundle: Bundle) -> bytes:
    out = get(fmt).render(bundle)
    return out if isinstance(out, bytes) else out.encode("utf-8")


def write_files(
    fmt: str,
    bundle: Bundle,
    output: str | Path,
    *,
    force: bool = False,
    with_text: bool = False,
    inputs: tuple[Path, ...] = (),
) -> list[Path]:
    """Write an export to `output` and to no other path; returns the files written.

    brat writes PATH.ann, and PATH.txt (the text its offsets index) only with `with_text` or when
    `output` names the .txt. An existing file is refused unless `force` (OutputExists, which the
    app catches to ask); the article itself, `inputs`, the config and the data folder never are
    written."""
    data = render(fmt, bundle)
    if fmt == "brat":
        paths = brat_paths(output, with_text)
        outputs = [(paths[0], data)]
        if len(paths) > 1:
            outputs.append((paths[1], bundle.article.text.encode("utf-8")))
    else:
        outputs = [(Path(output).expanduser(), data)]
    return write_outputs(outputs, bundle.article.path, force, inputs)


def default_output(fmt: str, article: Article) -> Path:
    """NAME.byline.EXT in the current folder (never beside the bundled sample, inside the install)."""
    stem = article.path.stem if article.path else "article"
    return Path.cwd() / f"{stem}.byline{get(fmt).extension}"
