"""A spaCy DocBin: corrected entities in doc.ents, annotations in doc.spans["byline"]."""

from __future__ import annotations

from ..bundle import Bundle


def render_spacy(b: Bundle) -> bytes:
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    doc = nlp.make_doc(b.article.text)
    ents = []
    for start, end, label in b.entity_spans():
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
