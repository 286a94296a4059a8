"""The act a verdict or sentence is for (coding/events/convicted.py; docs/people.md): done by
the one convicted, and asserted, where an arrest or a charge establishes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    ("text", "source", "code", "target"),
    [
        ("A jury in Leeds, England convicted Tom Reed of stabbing a guard.", "GBR", "182", None),
        (
            "Two Kenyan soldiers were found guilty on Monday of raping a Ugandan student in 2018.",
            "KEN",
            "1821",
            "UGA",
        ),
        # a ramming attack; the parser hangs the "for" on "parole"
        (
            "A judge in Ohio sentenced Tom Reed to life without the possibility of parole for"
            " driving his van into a crowd of marchers.",
            "USA",
            "182",
            "USA",
        ),
        # the people a counted object phrase names
        (
            "A court in Texas sentenced Tom and Mary Reed to life for beating all but the eldest"
            " of their six children.",
            "USA",
            "182",
            "USA",
        ),
    ],
)
def test_convicted_acts_asserted(
    asserted_triples: Triples, text: str, source: str, code: str, target: str | None
) -> None:
    found = asserted_triples(text)
    assert (source, code, target) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Police in Leeds, England arrested Tom Reed for stabbing a guard.",
        "In Leeds, England, Tom Reed was charged with stabbing a guard.",
    ],
)
def test_convicted_acts_not_from_arrests_or_charges(asserted_triples: Triples, text: str) -> None:
    found = asserted_triples(text)
    assert not any(c.startswith("18") for _, c, _ in found), found
