"""Correcting the analysis from the article: `E` offers what fits the place under the cursor or
the selection. On an entity: its type, or reject it; on a mention of an actor: merge it into
another actor, or split this name off as someone of its own; in a quote: another speaker, another
kind, not a quote; on a selection that is no quote: mark it as one. Each correction is kept like
an annotation (undo, re-anchoring, export) and shows at once in the panel."""

from __future__ import annotations

from byline.tui.core.corrections import QUOTE_KINDS
from byline.tui.core.entity_types import REJECTED
from byline.tui.core.model import Actor, Analysis, Quote
from byline.tui.core.report import quote_kind_word
from byline.tui.screens.actor_picker import ActorPicker
from byline.tui.screens.entity_dialog import CorrectionDialog, entity_choices
from byline.widgets.article_view import ArticleView


def mention_at(analysis: Analysis, span: tuple[int, int]) -> tuple[Actor, tuple[int, int]] | None:
    """The actor mentioned at `span` (a mention equal to it, else one holding its start)."""
    for exact in (True, False):
        for actor in analysis.actors:
            for m in actor.mentions:
                if (tuple(m) == span) if exact else (m[0] <= span[0] < m[1]):
                    return actor, (m[0], m[1])
    return None


def quote_at(analysis: Analysis, span: tuple[int, int]) -> Quote | None:
    """The innermost quote holding `span`."""
    holding = [q for q in analysis.quotes if q.start <= span[0] and span[1] <= max(q.end, q.start + 1)]
    return min(holding, key=lambda q: q.end - q.start) if holding else None


class CorrectionActions:
    """Mixed into the reader screen: `E`, the corrections that teach."""

    def action_correct(self) -> None:
        analysis = self.analysis
        if analysis is None:
            self.notify("The analysis is not there yet", severity="warning", timeout=3)
            return
        view = self.query_one(ArticleView)
        selected = view.selected_span
        at = selected or (view.cursor_offset, view.cursor_offset + 1)
        entity = next((e for e in analysis.entities if e.start <= at[0] < e.end), None)
        if selected is not None and entity is not None and (entity.start, entity.end) != selected:
            entity = None  # the selection is something else than this entity
        mention = mention_at(analysis, (entity.start, entity.end) if entity else at)
        if selected is not None and mention is not None and mention[1] != selected:
            mention = None
        quote = quote_at(analysis, at)
        choices: list[tuple[str | None, str]] = []
        text = self.article.text
        span = (entity.start, entity.end) if entity else selected
        if span is not None:
            choices.append((None, f"“{text[span[0] : span[1]]}” is …"))
            choices += entity_choices(entity.type if entity else None)
        if mention is not None:
            actor, where = mention
            choices.append((None, f"the actor {actor.name}"))
            choices.append(("merge", f"is the same as another actor (merge “{actor.name}” into it) …"))
            written = text[where[0] : where[1]]
            if len({" ".join(text[s:e].split()) for s, e in actor.mentions}) > 1:
                choices.append(("split", f"“{written}” here is someone else: an actor of its own"))
        if quote is not None and (selected is None or (quote.start, quote.end) == selected or entity is not None):
            choices.append((None, f"the {quote_kind_word(quote.kind)} quote by {quote.speaker or 'no one named'}"))
            choices.append(("speaker", "was said by someone else …"))
            choices += [(f"kind:{k}", f"is a {quote_kind_word(k)} quote") for k in QUOTE_KINDS if k != quote.kind]
            choices.append((f"kind:{REJECTED}", "is not a quote"))
        elif selected is not None:
            choices.append((None, "the selection"))
            choices += [(f"new:{k}", f"is a {quote_kind_word(k)} quote the analysis missed …") for k in QUOTE_KINDS]
        if not choices:
            self.notify("Put the cursor on an entity or in a quote, or select the words to correct", severity="warning")
            return

        def chosen(choice: str | None) -> None:
            if choice:
                self._apply_correction(choice, span, mention, quote, selected)

        self.app.push_screen(CorrectionDialog("Correct the analysis", choices), chosen)

    def _apply_correction(self, choice: str, span, mention, quote: Quote | None, selected) -> None:
        view = self.query_one(ArticleView)
        names = sorted({a.name for a in self.analysis.actors} if self.analysis else set(), key=str.lower)

        def done(change) -> None:
            if self._edit(change):
                view.clear_selection()

        if choice.startswith("type:"):
            entity_type = choice.removeprefix("type:")
            done(lambda s: s.correct_entity(span, entity_type))
        elif choice == "merge" and mention is not None:
            actor, where = mention
            others = [n for n in names if n != actor.name]

            def merge(into: str | None) -> None:
                if into:
                    done(lambda s: s.merge_actor(where, into))

            self.app.push_screen(ActorPicker(f"{actor.name} is the same as …", others), merge)
        elif choice == "split" and mention is not None:
            done(lambda s: s.split_name(mention[1]))
        elif choice == "speaker" and quote is not None:

            def speaker(name: str | None) -> None:
                if name is not None:
                    done(lambda s: s.set_speaker((quote.start, quote.end), name))

            self.app.push_screen(ActorPicker("Who said it?", names, allow_none=True), speaker)
        elif choice.startswith("kind:") and quote is not None:
            kind = choice.removeprefix("kind:")
            done(lambda s: s.set_quote((quote.start, quote.end), kind))
        elif choice.startswith("new:") and selected is not None:
            kind = choice.removeprefix("new:")

            def new_quote(name: str | None) -> None:
                if name is not None:
                    done(lambda s: s.set_quote(selected, kind, name))

            self.app.push_screen(ActorPicker("Who said it?", names, allow_none=True), new_quote)
