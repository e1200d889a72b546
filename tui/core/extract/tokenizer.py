"""What the pipeline's tokenizer is told before it reads an article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


class _Tokenizer(Protocol):
    """The part of spaCy's tokenizer used here (its module has no types to import)."""

    infix_finditer: object

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
    """`nlp` with each abbreviated title one token, and angle brackets left in a text by markup
    split from the words they touch (`author="x">Sanders said`: "Sanders", not a name `">Sanders`)."""
    from spacy.util import compile_infix_regex  # (spaCy loads with the model, never before)

    tokenizer = cast(_Tokenizer, nlp.tokenizer)
    for title in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(title, [{"ORTH": title}])
    infixes = list(nlp.Defaults.infixes or ())
    tokenizer.infix_finditer = compile_infix_regex([*infixes, r"[<>]"]).finditer
    return nlp
