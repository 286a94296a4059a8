"""Two verb entries (verbs.tsv): questioning another's authority or legality is disapproval
(110), and quarantining or locking down places restricts movement (1723); questioning a
suspect is neither."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        ("A Bolivian senator questioned the president's authority to close the border.", "110",
         "BOLGOV"),
        ("The Vietnamese government quarantined two northern provinces.", "1723", "VNM"),
        ("Ecuadorian authorities locked down the port city on Monday.", "1723", "ECU"),
    ],
)  # fmt: skip
def test_doubt_and_quarantine_are_coded(
    asserted: Callable[[str], list[Event]], text: str, code: str, target: str
) -> None:
    found = {(e.code, e.target.code if e.target else None) for e in asserted(text)}
    assert any(c == code and (t or "").startswith(target) for c, t in found), found


def test_questioning_a_suspect_is_no_disapproval(asserted: Callable[[str], list[Event]]) -> None:
    text = "Bolivian police questioned the suspect for six hours."
    assert not any(e.root_code == "11" for e in asserted(text))
