"""The reading brief (md export) says who said what as the screens do: verbatim words only in
quotation marks, reported speech called "reported", a fragment under the clause that carries it."""

from __future__ import annotations

from byline.tui.core.annotation import DEFAULT_LABELS
from byline.tui.core.export import render
from byline.tui.core.session import Session
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store


def bundle_for(article, store, analysis, labels):
    session = Session.open(article, store, labels)
    session.set_analysis(analysis)
    return session.bundle()


def test_the_brief_quotes_only_verbatim_words_and_folds_a_fragment_under_its_clause(tmp_path, analyse):
    text = (
        "Budget talks stall\n\nCouncillor Tom Brask said the council had no \u201cclarity\u201d on the ferry "
        "money yet. \u201cWe will not sign a blank cheque,\u201d Brask said.\n"
    )
    path = tmp_path / "brask.txt"
    path.write_text(text, encoding="utf-8")
    md = render("md", bundle_for(load_article(path), Store(), analyse(text), DEFAULT_LABELS)).decode()
    said = md[md.index("### Tom Brask") : md.index("## Key figures")].splitlines()
    assert said[2].startswith("- the council had no “clarity” on the ferry money yet (reported, said; ")
    assert said[3] == "  - partial: “clarity”"
    assert said[4].startswith("- “We will not sign a blank cheque” (direct, said; ")
    assert "indirect" not in md
