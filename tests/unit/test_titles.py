"""A text file's title is the first line that reads as a headline: not a lone ".", not a photo
caption or a credit, not a byline; an article with no headline gets its first sentence."""

from __future__ import annotations

from byline.tui.core.sources import from_text


def title(text: str) -> str:
    return from_text(text, "<test>").title


def test_a_lone_mark_or_a_caption_before_the_headline_is_passed_over():
    assert (
        title(".\n\nFerry strike ends after talks\n\nDockworkers returned to work.\n")
        == "Ferry strike ends after talks"
    )
    caption = "Open this photo in gallery A ferry leaves Velmora harbour on Monday.\n\nFerry strike ends\n\nText.\n"
    assert title(caption) == "Ferry strike ends"
    credit = "A ferry in the harbour. (AP Photo/Ada Lund)\n\nFerry strike ends\n\nText.\n"
    assert title(credit) == "Ferry strike ends"


def test_a_byline_is_no_headline():
    assert title("Ada Lund, The Associated Press\n\nFerry strike ends\n\nText of the story.\n") == "Ferry strike ends"


def test_an_article_that_starts_with_its_lead_is_titled_by_its_first_sentence():
    lead = (
        "Dockworkers in Velmora returned to work on Monday after a week-long strike that stranded hundreds "
        "of travellers on both sides of the strait. The union said the vote was close.\n"
    )
    assert (
        title(lead)
        == (
            "Dockworkers in Velmora returned to work on Monday after a week-long strike that stranded hundreds "
            "of travellers on both sides of the strait."
        )[:120].rsplit(" ", 1)[0]
        + "…"
    )
    assert title("The union voted.\n") == "The union voted."
    later = lead + "\nWhat do you think?\n\nThe strike is over.\n"  # a short line of the story, not its headline
    assert title(later) == title(lead)


def test_a_page_s_furniture_is_no_title():
    from byline.tui.core.sources.article import title_of

    assert title_of("Article Continued Below.\n\nThe council met on Monday.\n") == "The council met on Monday."
    assert (
        title_of("Story continues below advertisement\n\nHarbour plan approved\n\nText.\n") == "Harbour plan approved"
    )
    assert title_of("READ MORE: Ferry fares rise\n\nBridge closed for a week\n") == "Bridge closed for a week"
    assert title_of("Read more about:\n\nBridge closed for a week\n") == "Bridge closed for a week"


def test_a_credit_ending_in_a_full_stop_is_no_headline():
    assert title(".\n.\nGreg Beacham, The Associated Press.\n\nFerry strike ends\n") == "Ferry strike ends"
