"""Finding an annotated passage again after the article changed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.tui.core.anchor import locate, make_anchor

TEXT = (
    "Title\n\nThe ministers met in Riga on Tuesday. NATO chief Jens Stoltenberg said the build-up was "
    "unusual and that the alliance had no clarity yet.\n\nRussia denied any plan to invade.\n"
)


def span_of(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def test_unchanged_text_keeps_position():
    anchor = make_anchor(TEXT, *span_of(TEXT, "the build-up was unusual"))
    assert locate(anchor, TEXT) == span_of(TEXT, "the build-up was unusual")


def test_paragraph_inserted_before_moves_the_anchor():
    anchor = make_anchor(TEXT, *span_of(TEXT, "the build-up was unusual"))
    edited = TEXT.replace("Title\n\n", "Title\n\nA new first paragraph about the weather.\n\n")
    start, end = locate(anchor, edited)
    assert edited[start:end] == "the build-up was unusual"


def test_word_changed_inside_is_found_fuzzily():
    passage = "NATO chief Jens Stoltenberg said the build-up was unusual"
    anchor = make_anchor(TEXT, *span_of(TEXT, passage))
    edited = TEXT.replace("build-up was unusual", "build-up was extraordinary")
    start, end = locate(anchor, edited)
    assert edited[start:end].startswith("NATO chief Jens Stoltenberg said the build-up was")
    assert "extraordinary" in edited[start : end + 5]


def test_deleted_passage_is_an_orphan():
    passage = "NATO chief Jens Stoltenberg said the build-up was unusual"
    anchor = make_anchor(TEXT, *span_of(TEXT, passage))
    edited = TEXT.replace(passage + " and that the alliance had no clarity yet.", "")
    assert locate(anchor, edited) is None


def test_repeated_quote_is_told_apart_by_its_context():
    text = "He said no. Later she said no. Then they said no.\n"
    second = text.index("no", text.index("she"))
    anchor = make_anchor(text, second, second + 2)
    edited = "Preface. " + text
    start, _ = locate(anchor, edited)
    assert edited[start - 9 : start] == "she said "


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=200), st.integers(0, 199), st.integers(1, 40), st.text(max_size=50))
def test_any_passage_survives_text_added_before_it(text, start, length, prefix):
    start = min(start, len(text) - 1)
    end = min(len(text), start + length)
    anchor = make_anchor(text, start, end)
    found = locate(anchor, prefix + text)
    assert found is not None
    assert (prefix + text)[found[0] : found[1]] == text[start:end]


def test_a_stored_position_past_the_end_is_not_the_passage():
    from byline.tui.core.anchor import Anchor

    assert locate(Anchor("0", "", "", 0, 2), "0") == (0, 1)
    assert locate(Anchor("a", "", "", -2, -1), "ba") == (1, 2)  # no negative offsets, ever


def test_a_passage_found_everywhere_is_placed_near_where_it_was():
    text = "the " * 50_000
    anchor = make_anchor(text, 120_000, 120_003)
    start, end = locate(anchor, "x" + text)
    assert text[start - 1 : end - 1] == "the" and abs(start - 120_001) <= 4
