"""Concessions made in response to another's act or to protests are aimed at who acted."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def codes(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code[:2], e.target.code if e.target else None) for e in events}


def test_resignation_after_protests_is_aimed_at_the_protesters(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = codes(asserted("The Bolivian president resigned following weeks of protests."))
    assert ("BOLGOV", "08", "BOLCVL") in found


def test_yielding_to_a_statement_from_someone_named_in_apposition(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The Thai opposition party withdrew its nominee in response to a statement from the "
        "party's founder, the Thai king."
    )
    assert any(s == "THAOPP" and r == "08" and t == "THAGOV" for s, r, t in codes(asserted(text)))


def test_protests_with_their_own_authors_keep_them(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = codes(asserted("The Peruvian minister resigned after the protests by farmers."))
    assert ("PERGOV", "08", "PERCVL") not in found
