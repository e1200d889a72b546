"""Unnamed sources: a quote from an unnamed person or group is theirs, marked anonymous, and never
given to a named actor; a quote from no one stays unattributed. Invented sentences throughout."""

from __future__ import annotations

import pytest


def only(analysis, kind, starts):
    found = [q for q in analysis.quotes if q.kind == kind and q.text.startswith(starts)]
    assert len(found) == 1, [(q.kind, q.text, q.speaker) for q in analysis.quotes]
    return found[0]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("A senior Western official said the talks had stalled.", "senior Western official"),
        ("Two people familiar with the matter said the talks had stalled.", "Two people familiar with the matter"),
        ("Officials said the talks had stalled.", "Officials"),
        ("Critics said the talks had stalled.", "Critics"),
        ("A spokesperson, who asked not to be named, said the talks had stalled.", "spokesperson"),
        ("A spokesperson who asked not to be named said the talks had stalled.", "spokesperson"),
    ],
)
def test_reported_speech_from_an_unnamed_source(analyse, sentence, speaker):
    q = only(
        analyse("Title\n\nMinister Hana Ostrova arrived in Halden on Monday.\n\n" + sentence + "\n"),
        "indirect",
        "the talks had stalled",
    )
    assert q.speaker == speaker and q.anonymous and q.speaker_actor is None


def test_according_to_an_unnamed_source(analyse):
    q = only(
        analyse("The army moved 3,000 troops to the border, according to Western officials.\n"),
        "indirect",
        "The army moved",
    )
    assert q.speaker == "Western officials" and q.anonymous and q.speaker_actor is None


def test_a_direct_quote_from_an_unnamed_source(analyse):
    a = analyse(
        "Title\n\nMinister Hana Ostrova arrived in Halden on Monday.\n\n"
        "\u201cThere is no deal on the table,\u201d said a diplomat briefed on the talks.\n"
    )
    q = only(a, "direct", "There is no deal")
    assert q.speaker == "diplomat briefed on the talks" and q.anonymous and q.speaker_actor is None


def test_a_pronoun_for_an_unnamed_source_is_never_a_named_actor(analyse):
    a = analyse(
        "Title\n\nMinister Hana Ostrova arrived in Halden on Monday.\n\n"
        "A senior official said the talks had stalled. \u201cNobody is ready to move,\u201d he said.\n"
    )
    q = only(a, "direct", "Nobody is ready")
    assert q.anonymous and q.speaker_actor is None and q.speaker == "senior official"


def test_named_and_unnamed_voices_are_never_merged(analyse):
    a = analyse(
        "Title\n\nMinister Hana Ostrova said the talks would resume in May.\n\n"
        "But a senior official said the talks had stalled.\n\n"
        "\u201cThere is no date,\u201d the official said.\n"
    )
    named = only(a, "indirect", "the talks would resume")
    unnamed = only(a, "indirect", "the talks had stalled")
    direct = only(a, "direct", "There is no date")
    assert named.speaker == "Hana Ostrova" and not named.anonymous
    assert unnamed.anonymous and direct.anonymous
    assert unnamed.speaker_actor is None and direct.speaker_actor is None
    ostrova = next(x for x in a.actors if x.name == "Hana Ostrova")
    assert not [alias for alias in ostrova.aliases if "official" in alias]


def test_a_quote_from_no_one_stays_unattributed(analyse):
    a = analyse("Title\n\n\u201cThe bridge will open in May.\u201d\n")
    (q,) = a.quotes
    assert q.speaker is None and not q.anonymous


def test_the_sample_keeps_its_named_voices(seed_analysis):
    stoltenberg = [q for q in seed_analysis.quotes if q.speaker == "Jens Stoltenberg"]
    assert len(stoltenberg) >= 3 and not any(q.anonymous for q in stoltenberg)
    unnamed = [q for q in seed_analysis.quotes if q.speaker == "Western officials"]
    assert unnamed and all(q.anonymous and q.speaker_actor is None for q in unnamed)
