"""Moving through article text as vim does: words over abbreviations and figures, sentences and
paragraphs that end at the text."""

from __future__ import annotations

from byline.tui.core.text import Words, block_ends, next_end, paragraph_starts, sentence_at, sentence_starts

TEXT = (
    "Treaty signed\n\n"
    "He would spare the life of a B.C. man, Mr. Haldane said. The U.S. sent 92,000 troops.\n\n\n"
    "Nobody\u2019s well-known plan worked.\n"
)


def words(text: str) -> list[str]:
    w = Words.of(text)
    return [text[s:e] for s, e in zip(w.starts, w.ends, strict=False)]


def test_abbreviations_figures_and_joined_words_are_one_word():
    found = words(TEXT)
    for word in ("B.C.", "Mr.", "U.S.", "92,000", "Nobody\u2019s", "well-known"):
        assert word in found
    assert "B" not in found and "C" not in found


def test_punctuation_is_a_word_of_its_own_as_in_vim():
    assert words("man, Haldane said.") == ["man", ",", "Haldane", "said", "."]


def test_w_b_e_move_by_word_starts_and_ends():
    w = Words.of(TEXT)
    at = TEXT.index("a B.C.")
    assert TEXT[w.next_start(at) :].startswith("B.C. man")
    b_c = TEXT.index("B.C.")
    assert TEXT[w.next_start(b_c) :].startswith("man")
    # e: the last character of the word, B.C.'s final stop included
    assert w.next_end(b_c) == b_c + 3
    # e from the end of a word goes to the end of the next one
    assert TEXT[w.next_end(b_c + 3)] == "n" and w.next_end(b_c + 3) == TEXT.index("man") + 2
    assert w.prev_start(TEXT.index("man")) == b_c
    assert w.prev_start(b_c + 2) == b_c
    assert w.at(b_c + 1) == (b_c, b_c + 4) and w.at(b_c - 1) is None  # on the space before it


def test_w_crosses_paragraphs_and_stops_at_the_end():
    w = Words.of(TEXT)
    last = TEXT.index("troops.") + len("troops")
    assert TEXT[w.next_start(last) :].startswith("Nobody")
    assert w.next_start(len(TEXT) - 2) is None


def test_a_sentence_ends_at_its_text_not_on_the_blank_lines_after_it():
    starts = sentence_starts(TEXT)
    ends = block_ends(TEXT, starts)
    troops = TEXT.index("The U.S.")
    start, end = sentence_at(TEXT, starts, troops)
    assert TEXT[start:end] == "The U.S. sent 92,000 troops."
    assert end in ends
    # a visual selection stretched with ) stops on the full stop
    assert TEXT[next_end(ends, troops)] == "." and next_end(ends, troops) == end - 1


def test_paragraph_ends_leave_out_blank_lines():
    starts = paragraph_starts(TEXT)
    ends = block_ends(TEXT, starts)
    second = TEXT.index("He would")
    end = next_end(ends, second)
    assert TEXT[second : end + 1].endswith("troops.")


def test_abbreviations_do_not_end_sentences():
    starts = sentence_starts(TEXT)
    assert TEXT.index("Haldane") not in starts and TEXT.index("man,") not in starts
    assert TEXT.index("The U.S.") in starts
