"""A spaCy DocBin: corrected entities in doc.ents, annotations in doc.spans["byline"]."""

from __future__ import annotations

from ..bundle import Bundle
from ..visible import visible


def render_spacy(b: Bundle) -> bytes:
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    doc = nlp.make_doc(b.article.text)
    size = len(b.article.text)

    def span(start: int, end: int, label: str):
        """A span over whole tokens, or None where the offsets are not a passage of this text (a
        damaged record's)."""
        if not 0 <= start < end <= size:
            return None
        return doc.char_span(start, end, label=visible(label), alignment_mode="expand")

    ents = [s for s in (span(start, end, label) for start, end, label in b.entity_spans()) if s is not None]
    doc.ents = filter_spans(ents)
    spans = []
    for a in b.notes:
        if a.orphan:
            continue
        for label in a.labels or ["NOTE"]:
            found = span(a.start, a.end, label)
            if found is not None:
                spans.append(found)
    doc.spans["byline"] = spans
    doc.user_data["byline_notes"] = {a.id: visible(a.note) for a in b.notes if a.note}
    doc.user_data["byline_source"] = visible(b.article.source)
    return DocBin(docs=[doc], store_user_data=True).to_bytes()
