"""The analysis pipeline: spaCy parses, our rules read actors, numbers and quotes from the parse."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .model import Analysis
from .sources import Article

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

_PARAGRAPH_END = re.compile(r"\n+")
_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+")
#: Longer paragraphs are parsed in pieces cut after a sentence: a text with no line breaks
#: then costs what the same text in paragraphs does (spaCy refuses 1M characters in one text,
#: and its memory grows with the longest text of a batch). No paragraph of a news article
#: is this long; the pieces join back into one Doc.
MAX_CHUNK = 5_000
#: Characters handed to spaCy at once: batches by size, not by count, so memory stays flat
#: whether the text comes in short paragraphs or long pieces.
BATCH_CHARS = 20_000


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
    """Pieces of at most `limit` characters, cut after the last sentence end that fits, else after
    the last space, else anywhere. Each cut looks at one window only: linear in the chunk."""
    if len(chunk) <= limit:
        return [chunk]
    pieces, start = [], 0
    while len(chunk) - start > limit:
        window = chunk[start : start + limit]
        cut = None
        for match in _SENTENCE_GAP.finditer(window):
            cut = match.end()
        if not cut:
            space = window.rfind(" ")
            cut = space + 1 if space > 0 else limit
        pieces.append(window[:cut])
        start += cut
    pieces.append(chunk[start:])
    return pieces


def batches(chunks: list[str], size: int = BATCH_CHARS) -> Iterator[list[str]]:
    """Consecutive runs of chunks of about `size` characters together (a longer chunk alone)."""
    batch: list[str] = []
    total = 0
    for chunk in chunks:
        if batch and total + len(chunk) > size:
            yield batch
            batch, total = [], 0
        batch.append(chunk)
        total += len(chunk)
    if batch:
        yield batch


def parse(text: str, nlp: Language) -> Doc:
    """Parse paragraph by paragraph, in batches of about BATCH_CHARS characters, and join into
    one Doc whose character offsets are those of `text`. The model's per-token tensors are
    dropped as each piece is parsed (our rules read tags, parses and entities, not vectors),
    which keeps the memory of a long article to its tokens."""
    import numpy
    from spacy.tokens import Doc

    docs = []
    for batch in batches(paragraphs(text)):
        for doc in nlp.pipe(batch, batch_size=len(batch)):
            doc.tensor = numpy.zeros((0,), dtype="float32")
            docs.append(doc)
    if len(docs) == 1:
        return docs[0]
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]  # spaCy 3.8 takes it; its stub lags
    assert doc.text == text, "paragraph join changed the text"
    return doc


def analyze_doc(doc: Doc, article: Article, model: str) -> Analysis:
    from .extract import extract

    return extract(doc, Analysis(source=article.source, title=article.title, sha256=article.sha256, model=model))


def analyze(article: Article, model: str | None = None) -> Analysis:
    """Analyse an article with the named spaCy pipeline (or the default one)."""
    from .nlp import default_model, load_model

    name = model or default_model()
    nlp = load_model(name)
    return analyze_doc(parse(article.text, nlp), article, name)
