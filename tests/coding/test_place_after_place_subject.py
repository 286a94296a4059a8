"""A subject placed "in <city>, <country>" (coding/roles.py ``nearest_subject``): the parser
takes the country after the comma for the subject; the body before it acts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Police in Toronto, Canada detained two students on Friday.", "CANCOP"),
        ("Police in Leeds, England detained two students on Friday.", "GBRCOP"),
    ],
)
def test_place_after_place_subject_is_the_body(
    asserted: Callable[[str], list[Event]], text: str, source: str
) -> None:
    assert any(e.source.code == source for e in asserted(text)), [
        (e.source.code, e.code) for e in asserted(text)
    ]
