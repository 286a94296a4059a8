"""Protest crowds: their calls are demands, coming out to protest is protesting, and a
participle phrase between the protesters and their verb does not hide them."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def codes(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_protesters_call_is_a_demand(asserted: Callable[[str], list[Event]]) -> None:
    found = codes(asserted("Protesters called for the resignation of the Bolivian president."))
    assert ("CVL", "1041", "BOLGOV") in found
    assert not any(code.startswith("02") for _, code, _ in found)


def test_other_civilians_still_appeal(asserted: Callable[[str], list[Event]]) -> None:
    found = codes(asserted("Villagers called for the resignation of the Bolivian president."))
    assert ("CVL", "0241", "BOLGOV") in found


def test_crowd_that_turned_out_to_protest_protested(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Several thousand supporters turned out in Quito to protest the new tax.")
    assert any(e.code.startswith("14") and e.source.code == "ECUCVL" for e in events)


def test_participle_phrase_between_protesters_and_their_march(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Protesters, holding banners urging the government to quit, marched to the "
        "Bolivian parliament."
    )
    assert ("CVL", "141", "BOLLEG") in codes(asserted(text))
