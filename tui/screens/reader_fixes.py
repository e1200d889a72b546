"""Correcting the analysis from the article: `E` offers what fits the place under the cursor or
the selection, always in the same order: the entity (its type, or reject it), its actor (merge it
into another, or split this name off), the quote (another speaker, another kind, not a quote),
the selection (a quote the analysis missed, a name it missed). Each correction is kept like an
annotation (undo, re-anchoring, export) and shows at once in the panel."""

from __future__ import annotations

from collections.abc import Callable

from byline.tui.core.corrections import QUOTE_KINDS
from byline.tui.core.entity_types import REJECTED, type_word
from byline.tui.core.model import Actor, Analysis, Entity, Quote
from byline.tui.core.report import quote_kind_word
from byline.tui.core.speaker_hints import likely_speakers
from byline.tui.screens.actor_picker import ActorPicker, ChosenName
from byline.tui.screens.entity_dialog import (
    ChangeKind,
    ChangeSpeaker,
    ChooseType,
    Correction,
    CorrectionDialog,
    Menu,
    MergeActor,
    NewQuote,
    Retype,
    Span,
    SplitName,
    type_menu,
)
from byline.tui.screens.reader_parts import Change, ReaderParts
from byline.widgets.article_view import ArticleView

#: A selection of at most this many words may be a name the analysis missed.
NAME_WORDS = 6


def mention_at(analysis: Analysis, span: Span) -> tuple[Actor, Span] | None:
    """The actor mentioned at `span` (a mention equal to it, else one holding its start)."""
    for exact in (True, False):
        for actor in analysis.actors:
            for m in actor.mentions:
                if (tuple(m) == span) if exact else (m[0] <= span[0] < m[1]):
                    return actor, (m[0], m[1])
    return None


def quote_at(analysis: Analysis, span: Span) -> Quote | None:
    """The innermost quote holding `span`."""
    holding = [q for q in analysis.quotes if q.start <= span[0] and span[1] <= max(q.end, q.start + 1)]
    return min(holding, key=lambda q: q.end - q.start) if holding else None


def correction_menu(analysis: Analysis, text: str, selected: Span | None, cursor: int) -> Menu:
    """What can be corrected here, in a fixed order of sections: the entity, its actor, the
    quote, the selection. A section is there only when it fits the place."""
    at = selected or (cursor, cursor + 1)
    entity: Entity | None = next((e for e in analysis.entities if e.start <= at[0] < e.end), None)
    if selected is not None and entity is not None and (entity.start, entity.end) != selected:
        entity = None  # the selection is something else than this entity
    mention = mention_at(analysis, (entity.start, entity.end) if entity else at)
    if selected is not None and mention is not None and mention[1] != selected:
        mention = None
    quote = quote_at(analysis, at)
    if quote is not None and selected is not None and (quote.start, quote.end) != selected and entity is None:
        quote = None  # a selection inside a quote: a missed quote, not this one
    menu: Menu = []
    if entity is not None:
        span = (entity.start, entity.end)
        menu.append(
            (
                f"“{text[span[0] : span[1]]}”: {type_word(entity.type)}",
                [("is another type …", ChooseType(span, entity.type)), ("is not an entity", Retype(span, REJECTED))],
            )
        )
    if mention is not None:
        actor, where = mention
        choices: list[tuple[str, Correction]] = [
            (f"is the same as another actor (merge “{actor.name}” into it) …", MergeActor(actor.name, where))
        ]
        if len({" ".join(text[s:e].split()) for s, e in actor.mentions}) > 1:
            choices.append((f"“{text[where[0] : where[1]]}” here is someone else", SplitName(where)))
        menu.append((f"the actor {actor.name}", choices))
    if quote is not None:
        where = (quote.start, quote.end)
        choices = [("was said by someone else …", ChangeSpeaker(where))]
        choices += [(f"is a {quote_kind_word(k)} quote", ChangeKind(where, k)) for k in QUOTE_KINDS if k != quote.kind]
        choices.append(("is not a quote", ChangeKind(where, REJECTED)))
        menu.append((f"the {quote_kind_word(quote.kind)} quote by {quote.speaker or 'no one named'}", choices))
    if selected is not None and quote is None:
        choices = [
            (f"is a {quote_kind_word(k)} quote the analysis missed …", NewQuote(selected, k)) for k in QUOTE_KINDS
        ]
        if entity is None and len(text[selected[0] : selected[1]].split()) <= NAME_WORDS:
            choices.append(("is a name the analysis missed …", ChooseType(selected, None)))
        menu.append(("the selection", choices))
    return menu


class CorrectionActions:
    """Part of the reader screen: `E`, the corrections that teach."""

    def action_correct(self: ReaderParts) -> None:
        analysis = self.analysis
        if analysis is None:
            self.notify("The analysis is not there yet", severity="warning", timeout=3)
            return
        view = self.query_one(ArticleView)
        menu = correction_menu(analysis, self.article.text, view.selected_span, view.cursor_offset)
        if not menu:
            self.notify("Put the cursor on an entity or in a quote, or select the words to correct", severity="warning")
            return
        self.app.push_screen(CorrectionDialog("Correct the analysis", menu), self._apply_correction)

    def _apply_correction(self: ReaderParts, request: Correction | None) -> None:
        if request is None:
            return
        view = self.query_one(ArticleView)
        analysis = self.analysis
        names = sorted({a.name for a in analysis.actors} if analysis else set(), key=str.lower)
        text = self.article.text

        def done(change: Change) -> None:
            if self._edit(change):
                view.clear_selection()

        def who(span: Span, then: Callable[[str], None]) -> None:
            """Ask who said the passage at `span`; `then` gets the name ("" for no one named)."""
            likely = likely_speakers(analysis, text, *span) if analysis else []
            picker = ActorPicker("Who said it?", names, allow_none=True, likely=likely)
            self.app.push_screen(picker, lambda chosen: then(chosen.name or "") if chosen is not None else None)

        match request:
            case Retype(span, entity_type):
                done(lambda s: s.correct_entity(span, entity_type))
            case ChooseType(span, current):
                title = f"“{text[span[0] : span[1]]}” is …"
                self.app.push_screen(CorrectionDialog(title, type_menu(span, current)), self._apply_correction)
            case MergeActor(actor, where):
                others = [n for n in names if n != actor]

                def merge(chosen: ChosenName | None) -> None:
                    if chosen is not None and (into := chosen.name):
                        done(lambda s: s.merge_actor(where, into))

                self.app.push_screen(ActorPicker(f"{actor} is the same as …", others), merge)
            case SplitName(where):
                done(lambda s: s.split_name(where))
            case ChangeSpeaker(quote):
                who(quote, lambda name: done(lambda s: s.set_speaker(quote, name)))
            case ChangeKind(quote, kind):
                done(lambda s: s.set_quote(quote, kind))
            case NewQuote(span, kind):
                who(span, lambda name: done(lambda s: s.set_quote(span, kind, name)))
