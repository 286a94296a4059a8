"""Naming verbs whose label judges a named object (coding/events/labels.py): the label after an
owned act ("called the minister's plan "lousy"") or a party ("called the X party racist"),
labels from the evaluative cues ("a waste of time"), and labels that judge nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the parser hangs the owned deal on the quoted adjective, not on the verb
            'The Irish foreign minister called the British prime minister\'s deal "lousy".',
            ("IRL", "111", "GBR"),
        ),
        (
            # the article belongs to the party; the judging word after it is the label
            "The Dutch prime minister called the Austrian Freedom Party racist.",
            ("NLD", "111", "AUT"),
        ),
        (
            "The Irish foreign minister called the British plan a waste of time.",
            ("IRL", "111", "GBR"),
        ),
        (
            # a quote mark between the object and the label's article
            'The Venezuelan president called the Colombian minister\'s proposal "a fiasco".',
            ("VEN", "111", "COL"),
        ),
        (
            "The Chilean senator called the Peruvian government's fishing quota short-sighted.",
            ("CHL", "111", "PER"),
        ),
    ],
)
def test_labels_judging_a_named_object_criticise_its_owner(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_triples(text)


def test_labels_a_judged_notion_with_no_owner_is_an_untargeted_criticism(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = 'The Irish foreign minister called the notion a "waste of time".'
    assert ("IRL", "111", None) in asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Irish foreign minister called the British plan a compromise.",
        "The Irish foreign minister called it a compromise.",
        "The Irish foreign minister called himself a patriot.",
        'The Irish opposition leader called the new party "New Hope".',
        "The Irish foreign minister called the British party leader.",
    ],
)
def test_labels_a_neutral_label_or_a_name_is_no_criticism(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not {t for t in asserted_triples(text) if t[1] in {"111", "112", "051"}}


def test_labels_a_laudatory_cue_praises_the_owner_of_the_act(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = "The Venezuelan president described the Colombian offer as generous."
    assert ("VEN", "051", "COL") in asserted_triples(text)
