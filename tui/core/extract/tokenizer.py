"""What the pipeline's tokenizer is told before it reads an article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


class _Tokenizer(Protocol):
    """The part of spaCy's tokenizer used here (its module has no types to import)."""

    def add_special_case(self, string: str, substrings: list[dict[str, str]]) -> None: ...


#: Titles abbreviated before a name that spaCy's English tokenizer splits from their full stop,
#: which then ends the sentence: "a report filed by Cpl." | "Douglas Green noted ...". Kept whole,
#: like its own "Gen." and "Dr.", the stop belongs to the title and the sentence goes on.
TITLE_ABBREVIATIONS = tuple(
    f"{title}."
    for title in """Sgt Cpl Capt Det Cmdr Cdr Supt Insp Const Cst Pte Pvt Maj Brig Lt Col Msgr Amb Atty
    Hon Pres Fr Treas Spc Ald Coun Cllr Mme Mlle""".split()
)


def keep_titles(nlp: Language) -> Language:
    """`nlp` with each abbreviated title one token."""
    tokenizer = cast(_Tokenizer, nlp.tokenizer)
    for title in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(title, [{"ORTH": title}])
    return nlp
