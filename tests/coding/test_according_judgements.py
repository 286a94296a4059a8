"""Judgements and accusations given to a speaker by "according to", and accusations of
backing an armed group (coding/events/evaluations.py, coding/events/statement_aims.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to the Malian government, the separatist militias are armed by Algeria.",
            ("MLI", "112", "DZA"),
        ),
        (
            "According to the Danish foreign ministry, the Norwegian quota was illegal.",
            ("DNK", "112", "NOR"),
        ),
        (
            "The Norwegian quota was unfair, according to the Danish foreign ministry.",
            ("DNK", "111", "NOR"),
        ),
    ],
)
def test_evaluations_according_to_speaker_judges_or_accuses(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_triples(text)


def test_evaluations_said_armed_group_backed_by_actor_is_accusation_of_it(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = "The Somali defence minister said the insurgents were funded by Eritrea."
    assert ("SOM", "112", "ERI") in asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        # a bill or a candidate backed by someone is no wrong
        "The Peruvian senator said the reform bill was backed by Chile.",
        # a denial of backing accuses no one
        "The Malian minister said the separatist rebels were not armed by Algeria.",
        # a news outlet is the channel of what it reports, not a speaker of a judgement
        "According to the BBC, the Norwegian quota was illegal.",
    ],
)
def test_statement_aims_no_accusation_without_armed_group_or_speaker(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not any(code == "112" for _, code, _ in asserted_triples(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chad's allegations against Sudan stalled the border talks.", ("TCD", "112", "SDN")),
        ("The Greek accusations against Turkey soured the summit.", ("GRC", "112", "TUR")),
    ],
)
def test_extractor_owned_accusation_noun_is_accusation(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_triples(text)


def test_extractor_accusation_noun_without_accuser_is_nothing(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = "The allegations against the Argentine president were investigated for months."
    assert not any(code == "112" for _, code, _ in asserted_triples(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Brazilian opposition leader said the army had abused its power.",
            ("BRA", "112", "BRA"),
        ),
        (
            "The Kenyan minister said Ugandan officials had misused the aid money.",
            ("KEN", "112", "UGA"),
        ),
    ],
)
def test_evaluations_abuse_or_misuse_by_an_actor_is_accusation(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_triples(text)


def test_evaluations_abuse_as_what_is_fought_judges_no_one(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = "The Chilean government said it would fight child abuse along the Peruvian border."
    assert not any(code == "112" for _, code, _ in asserted_triples(text))
