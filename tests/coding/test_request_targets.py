"""An appeal or demand named by a noun finds whom it asks inside its "for" phrase and one
phrase deeper: "issued a subpoena for the envoy", "a request for files from the ministry"
(coding/events/arguments.py, OBJECT_FOR_ROOTS)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "root", "expected"),
    [
        ("The Chilean Senate issued a subpoena for the Bolivian consul.", "10", "BOL"),
        (
            "The Chilean Senate issued a subpoena for bank records from the Bolivian consul.",
            "10",
            "BOL",
        ),
        (
            "The Chilean Senate sent a request for the files to the Bolivian embassy.",
            "02",
            "BOL",
        ),
    ],
)
def test_a_request_noun_is_aimed_at_whom_it_asks(
    asserted: Callable[[str], list[Event]], text: str, root: str, expected: str
) -> None:
    found = [e for e in asserted(text) if e.root_code == root]
    assert found and found[0].target is not None and found[0].target.country == expected


def test_what_is_asked_for_is_no_target(asserted: Callable[[str], list[Event]]) -> None:
    found = [
        e for e in asserted("The Chilean Senate issued a request for aid.") if e.root_code == "02"
    ]
    assert found and found[0].target is None
