"""Lawsuits, motions and petitions (CAMEO 115), and whom they are against when the clause
names only the act challenged."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def triples(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plural of a legal title, and a motion is a suit
        ("The Mexican attorneys general filed a motion against the Mexican interior ministry.",
         ("MEXJUD", "115", "MEXGOV")),
        # the author of what is challenged, by a "by" agent of a participle
        ("Peruvian activists sued over the logging permits granted by the Peruvian environment "
         "ministry.", ("PERCVL", "115", "PERGOV")),
        # petitioning a court: the court hears the case, the one whose act is judged is sued
        ("The Green Party of Canada petitioned the court for a ruling on the suspension of "
         "parliament by the Canadian prime minister.", ("CANPTY", "115", "CANGOV")),
    ],
)  # fmt: skip
def test_lawsuit_and_its_target(
    asserted: Callable[[str], list[Event]], text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(asserted(text))


def test_criticism_keeps_a_court_it_names(asserted: Callable[[str], list[Event]]) -> None:
    found = triples(asserted("Chilean senators criticized the Chilean supreme court."))
    assert ("CHLLEG", "111", "CHLJUD") in found
