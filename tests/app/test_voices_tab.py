"""The Voices tab (issue 11, the reader) and the Quotes tab grouped by speaker (issue 13)."""

from __future__ import annotations

from textual.widgets import OptionList

from byline.tui.core.model import Quote
from byline.tui.core.voices import voices
from byline.widgets.article_view import ArticleView
from byline.widgets.side_panel import SidePanel
from byline.widgets.status_line import StatusLine
from tests.app.fixed import TEXT, fixed_analysis, fixed_app, span
from tests.app.helpers import seed_app, wait_for_analysis


async def test_voices_tab_draws_bars_and_enter_marks_a_voice_quotes():
    app = seed_app()
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await wait_for_analysis(pilot)
        found = voices(screen.analysis, screen.article.text)
        assert found.voices, "the sample quotes people"
        panel = screen.query_one(SidePanel)
        await pilot.press("V")
        assert panel.tabs.active == "voices"
        assert str(panel.tabs.get_tab("voices").label) == f"Voices {len(found.voices)}"
        rows = panel.query_one("#voice-list", OptionList)
        assert rows.option_count == len(found.voices)
        first = str(rows.get_option_at_index(0).prompt)
        assert found.voices[0].speaker in first and "█" in first and f"{found.voices[0].words} words" in first
        summary = str(panel.query_one("#voices-summary").render())
        assert f"{len(found.voices)} voices" in summary and "holds" in summary
        stoltenberg = next(i for i, v in enumerate(found.voices) if v.speaker == "Jens Stoltenberg")
        await pilot.press("tab")
        rows.highlighted = stoltenberg
        await pilot.press("enter")
        await pilot.pause()
        view = screen.query_one(ArticleView)
        quotes = {(q.start, q.end) for q in found.voices[stoltenberg].quotes}
        assert set(view.marks) == quotes and view.has_focus
        assert screen.query_one(StatusLine).position == f"Jens Stoltenberg 1 of {len(quotes)}"
        await pilot.press("n")
        assert screen.query_one(StatusLine).position == f"Jens Stoltenberg 2 of {len(quotes)}"


async def test_unnamed_voices_are_marked_in_the_tab():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        rows = screen.query_one("#voice-list", OptionList)
        prompts = [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]
        official = next(p for p in prompts if "A senior official" in p)
        assert "unnamed" in official and "anonymous" not in official  # described, not granted anonymity
        assert not any("anonymous" in p for p in prompts if "Lena Okafor" in p)


async def test_quotes_group_by_speaker_and_fold_a_partial_under_its_sentence():
    analysis = fixed_analysis()
    inner = span("waited long")
    analysis.quotes.append(Quote(*inner, TEXT[inner[0] : inner[1]], "partial", "Lena Okafor", "lena-okafor", None))
    app = fixed_app(analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        quotes = screen.query_one("#quote-list", OptionList)
        panel = screen.query_one(SidePanel)
        assert str(panel.tabs.get_tab("quotes").label) == "Quotes 5"
        assert quotes.option_count == 4, "the partial is folded under the quote that carries it"
        carrier = next(
            str(quotes.get_option_at_index(i).prompt)
            for i in range(4)
            if "We have waited long enough" in str(quotes.get_option_at_index(i).prompt)
        )
        assert "↳ partial: “waited long”" in carrier
        await pilot.press("S")
        assert panel.grouped and panel.tabs.active == "quotes"
        prompts = [str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count)]
        assert prompts[0].startswith("Lena Okafor") and "3 quotes" in prompts[0]
        assert quotes.get_option_at_index(0).disabled
        headings = [p.split("  ")[0] for i, p in enumerate(prompts) if quotes.get_option_at_index(i).disabled]
        assert headings == ["Lena Okafor", "A senior official", "Tomas Rell"]  # most quotes first, then by name
        await pilot.press("S")
        assert not panel.grouped and quotes.option_count == 4
