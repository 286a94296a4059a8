"""Statement hygiene (issue 9): a news outlet that only carries a statement ("told CNN", "in
remarks to the BBC") is not whom the statement is aimed at; one criticised or accused is."""

from __future__ import annotations

from collections.abc import Callable

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def test_statements_outlet_told_is_no_target(asserted_dyads: Dyads) -> None:
    text = "A Peruvian police spokesman told CNN the driver had been drinking."
    assert ("PER", "01", "USA") not in asserted_dyads(text)


def test_statements_outlet_of_remarks_is_no_target(asserted_dyads: Dyads) -> None:
    text = (
        'Peruvian Red Cross chair Luis Gomez, in remarks to the BBC, said "Many families have '
        'lost their homes".'
    )
    assert all(target != "GBR" for _, _, target in asserted_dyads(text))


def test_statements_criticised_outlet_stays_the_target(asserted_dyads: Dyads) -> None:
    text = "The Peruvian president criticised CNN for its coverage of the protests."
    assert ("PER", "11", "USA") in asserted_dyads(text)
