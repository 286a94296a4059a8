"""Private people the dictionaries do not know, as the doers or victims of material acts
(coding/events/private.py; docs/people.md, "Private people"): coded by their country alone,
and only for force, surrender, coercion and release, never for what they say."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    ("text", "source", "root", "target"),
    [
        # the doer of an assault, of the story's country; the people stabbed its civilians
        (
            "A knife attack hit a market in Leeds, England on Monday. "
            "Dorian Vell stabbed three people near the entrance.",
            "GBR",
            "18",
            "GBR",
        ),
        # giving oneself up to the police
        (
            "A shooting hit a bar in Denver, Colorado on Friday. "
            "Tobias Renwick turned himself in to police the next day.",
            "USA",
            "08",
            "USA",
        ),
        # a "he" that can only mean the private person named before
        (
            "A knife attack hit a market in Leeds, England on Monday. "
            "Dorian Vell stabbed three people near the entrance. "
            "He was detained at the scene. Police later shot him.",
            "GBR",
            "19",
            "GBR",
        ),
    ],
)
def test_private_persons_material_acts(
    asserted_triples: Triples, text: str, source: str, root: str, target: str
) -> None:
    found = asserted_triples(text)
    assert any(s == source and c.startswith(root) and t == target for s, c, t in found), found


@pytest.mark.parametrize(
    "text",
    [
        # what a private person says is no event
        "A knife attack hit a market in Leeds, England on Monday. "
        "Dorian Vell said the council had lied to residents.",
        # a bare "attacked" is as often words: no force by a private person
        "A knife attack hit a market in Leeds, England on Monday. "
        "Dorian Vell attacked the council's housing plan.",
    ],
)
def test_private_persons_no_words_or_bare_attacks(asserted_triples: Triples, text: str) -> None:
    found = asserted_triples(text)
    assert not any(c[:2] in ("01", "18", "19") for _, c, _ in found), found
