"""A court finding an act unlawful rules against the act's author (CAMEO 116): the verdict
word may follow the object, close a clause of its own or qualify how the act was done
(coding/events/predicates.py ``verdict``; docs/verbs.md, "Court findings")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def _rulings(events: list[Event]) -> list[Event]:
    return [e for e in events if e.code == "116"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the verdict after an object named by its "of" phrase
        ("The Supreme Court of Ghana found the order of the Togolese government illegal.", "TGO"),
        # "to be" before the verdict, the act's author in a "by" phrase
        ("Ghana's High Court found the ban by the Togolese government to be illegal.", "TGO"),
        # a clause whose act was done unlawfully
        ("A court in Ghana found that the Togolese army had acted unlawfully.", "TGO"),
        # "ruled that ... was"
        (
            "A Ghanaian court ruled that the decree of the Togolese government was "
            "unconstitutional.",
            "TGO",
        ),
        # the adjective the parser hangs on the verb; "held that"
        ("The Ghanaian High Court ruled the order of the Togolese army illegal.", "TGO"),
        ("Ghana's Supreme Court held that the Togolese government had acted illegally.", "TGO"),
        # the adjective parsed as the verb's adverbial modifier
        (
            "Ghana's High Court ruled the Togolese president's suspension of parliament unlawful.",
            "TGO",
        ),
    ],
)
def test_a_court_finding_rules_against_the_author(
    asserted: Callable[[str], list[Event]], text: str, target: str
) -> None:
    found = _rulings(asserted(text))
    assert found, [e.code for e in asserted(text)]
    assert found[0].source.country == "GHA"
    assert found[0].target is not None and found[0].target.country == target


def test_a_finding_of_no_wrong_is_no_ruling(asserted: Callable[[str], list[Event]]) -> None:
    text = "A court in Ghana found that the Togolese army had not acted unlawfully."
    assert not _rulings(asserted(text))


def test_holding_an_illegal_rally_is_no_ruling(asserted: Callable[[str], list[Event]]) -> None:
    assert not _rulings(asserted("The Ghanaian opposition held an illegal rally in Accra."))
