"""The HTML brief, opened in a real browser (Debian's headless chromium): what it shows is the
article with the reader's passage highlighted in its label's colour, the note beside it, the
voices chart; it prints; on a phone the note goes under its paragraph."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import DEFAULT_LABELS, Annotation, new_id
from byline.tui.core.export import render
from byline.tui.core.session import Session
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (.ci/run installs it)")

TEXT = (
    "Harbour plan delayed\n\n"
    "Mayor Piet Lund said on Friday that the harbour would cost 40 million euros.\n\n"
    "\u201cWe cannot wait another year,\u201d Lund said. Councillor Ada Rell called the plan <b>reckless</b>.\n"
)
CLAIM = "#e4568c"  # the default colour of the first label, "claim"


def _browser(*args: str, timeout: int = 90) -> subprocess.CompletedProcess:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def page(tmp_path, analyse) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    store = Store()
    key, _ = store.article_id(article)
    start = article.text.index("40 million euros")
    store.add(
        Annotation(
            id=new_id(),
            article=key,
            anchor=make_anchor(article.text, start, start + len("40 million euros")),
            labels=["claim"],
            note="Which budget line?\nAsk the port authority.",
        )
    )
    session = Session.open(article, store, DEFAULT_LABELS)
    session.set_analysis(analyse(TEXT))
    out = tmp_path / "brief.html"
    out.write_bytes(render("html", session.bundle()))
    return out


def test_the_browser_shows_the_highlight_and_the_note_beside_it(page):
    from PIL import Image

    dom = _browser("--dump-dom", page.as_uri()).stdout
    assert "<mark" in dom and "40 million euros</mark>" in dom
    assert "Which budget line?\nAsk the port authority." in dom  # the note, its lines kept
    assert "&lt;b&gt;reckless&lt;/b&gt;" in dom and "<b>reckless</b>" not in dom  # article text is text
    assert 'id="voices"' in dom and "Piet Lund" in dom[dom.index('id="voices"') :]

    shot = page.with_suffix(".png")
    _browser("--window-size=1200,900", f"--screenshot={shot}", page.as_uri())
    image = Image.open(shot).convert("RGB")
    width, height = image.size
    pixels = image.load()
    claim = tuple(int(CLAIM[i : i + 2], 16) for i in (1, 3, 5))
    solid = [(x, y) for x in range(0, width, 2) for y in range(height) if pixels[x, y] == claim]
    assert solid, "the claim's colour is on the page"
    # the note's coloured edge is in the right-hand margin, the highlight's underline in the text
    assert any(x > width * 0.6 for x, _ in solid) and any(x < width * 0.6 for x, _ in solid)


def test_on_a_phone_the_note_is_under_its_paragraph(page):
    from PIL import Image

    shot = page.with_suffix(".phone.png")
    _browser("--window-size=400,1400", f"--screenshot={shot}", page.as_uri())
    image = Image.open(shot).convert("RGB")
    width, height = image.size
    pixels = image.load()
    claim = tuple(int(CLAIM[i : i + 2], 16) for i in (1, 3, 5))
    rows = [y for y in range(height) for x in range(0, width, 2) if pixels[x, y] == claim]
    assert rows, "the note is shown"
    # nothing wider than the phone: no sideways scrolling (a coloured edge at the left, not off-screen)
    edge = [x for x in range(width) for y in rows[:1] if pixels[x, y] == claim]
    assert min(edge) < width // 2


def test_it_prints(page):
    pdf = page.with_suffix(".pdf")
    _browser(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
