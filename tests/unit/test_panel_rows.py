"""What a side-panel row says of an actor, from a real analysis."""

from __future__ import annotations

from byline.widgets.panel_rows import actor_row


def test_a_role_is_said_once_not_again_as_an_alias(analyse):
    analysis = analyse(
        "“We needed a model,” Anna Berg, the company's founder, said at her plant.\n\n"
        "Berg later told staff the plant would stay open.\n"
    )
    berg = next(a for a in analysis.actors if a.name == "Anna Berg")
    assert "company's founder" in berg.roles
    lines = actor_row(berg, {}).text.plain.splitlines()
    assert any("company's founder" in line for line in lines)
    aka = [line for line in lines if line.strip().startswith("aka ")]
    assert aka == ["  aka Berg"], lines
