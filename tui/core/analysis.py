"""The analysis pipeline: spaCy parses, our rules read actors, numbers and quotes from the parse."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .sources import Article
from .model import Analysis

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

_PARAGRAPH_END = re.compile(r"\n+")
_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+")
#: Longer paragraphs are parsed in pieces cut after a sentence (spaCy refuses 1M characters,
#: and its memory grows with the length of one text).
MAX_CHUNK = 20_000


def paragraphs(text: str, limit: int = MAX_CHUNK) -> list[str]:
    """Split into chunks that each end with their newlines, so the chunks join back to `text`."""
    chunks, start = [], 0
    for match in _PARAGRAPH_END.finditer(text):
        chunks.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        chunks.append(text[start:])
    return [piece for chunk in chunks for piece in _split_long(chunk, limit)]


def _split_long(chunk: str, limit: int) -> list[str]:
    if len(chunk) <= limit:
        return [chunk]
    pieces, start = [], 0
    while len(chunk) - start > limit:
        cut = None
        for match in _SENTENCE_GAP.finditer(chunk, start, start + limit):
            cut = match.end()
        if cut is None or cut <= start:
            space = chunk.rfind(" ", start, start + limit)
            cut = space + 1 if space > start else start + limit
        pieces.append(chunk[start:cut])
        start = cut
    pieces.append(chunk[start:])
    return pieces


def parse(text: str, nlp: "Language", batch_size: int = 64) -> "Doc":
    """Parse paragraph by paragraph (as spaCy's nlp.pipe would) and join into one Doc whose
    character offsets are those of `text`."""
    from spacy.tokens import Doc

    docs = list(nlp.pipe(paragraphs(text), batch_size=batch_size))
    if len(docs) == 1:
        return docs[0]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text, "paragraph join changed the text"
    return doc


def analyze_doc(doc: "Doc", article: Article, model: str) -> Analysis:
    from .extract import extract

    return extract(doc, Analysis(source=article.source, title=article.title, sha256=article.sha256, model=model))


def analyze(article: Article, model: str | None = None) -> Analysis:
    """Analyse an article with the named spaCy pipeline (or the default one)."""
    from .nlp import default_model, load_model

    name = model or default_model()
    nlp = load_model(name)
    return analyze_doc(parse(article.text, nlp), article, name)
