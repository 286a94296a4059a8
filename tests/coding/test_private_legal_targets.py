"""Private people judged or accused by the state (coding/events/private.py; docs/people.md,
"Private people"): a verdict, or a court's, police's or government's accusation, lands on the
person it names, coded by their country; a he/she is read from the nearest sentence naming
anyone; what an allegation says is not asserted."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    ("text", "source", "root", "target"),
    [
        # a name its own description codes by its country alone is the one convicted
        (
            "Yesterday, a federal jury convicted Gregory Pellham, the Texas, US banker who"
            " advised Senator Ted Cruz, of defrauding his clients.",
            "USA",
            "116",
            "USA",
        ),
        # "he" after a sentence naming only the private person (its surname alone tagged a
        # place): a person named further back does not compete
        (
            "Mayor Anne Price spoke in Houston on Monday. A Houston jury heard from Michael"
            " Harlan on Tuesday. The trial was one of two facing Harlan. He was found guilty"
            " of fraud on Wednesday.",
            "USA",
            "116",
            "USA",
        ),
        # a court's accusation of that person
        (
            "Senator Ted Cruz spoke in Houston on Monday. The trial of Robert Kinsley was held"
            " in Houston, and was one of two facing Kinsley. He was also accused of forging"
            " invoices.",
            "USA",
            "112",
            "USA",
        ),
    ],
)
def test_private_legal_targets_person_judged(
    asserted_triples: Triples, text: str, source: str, root: str, target: str
) -> None:
    found = asserted_triples(text)
    assert any(s == source and c.startswith(root) and t == target for s, c, t in found), found


def test_private_legal_targets_private_quarrel_has_no_target(asserted_triples: Triples) -> None:
    # a private person's accusation of another is no state act: no target is made up
    text = (
        "A dispute over a fence split a village near Leeds, England. "
        "Dorian Vell accused Tobias Renwick of moving the fence."
    )
    found = asserted_triples(text)
    assert not any(c.startswith("112") and t is not None for _, c, t in found), found


def test_private_legal_targets_allegation_content_not_asserted(asserted_triples: Triples) -> None:
    # "an allegation he beat X": a that-less clause the parser reads as relative is what
    # is alleged, not an assault the text asserts
    text = (
        "Police in Tbilisi detained Levan Abashidze on Friday. "
        "The detention came after an allegation he beat Tamar Gelashvili, his neighbour."
    )
    found = asserted_triples(text)
    assert not any(c.startswith("18") for _, c, _ in found), found
