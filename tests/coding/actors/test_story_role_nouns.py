"""A lone role word ("the officers") is an actor only when the story has fixed its sector:
after the police were named it is the police of the story's country, after the army its
soldiers; next to a firm or in a story of neither it stays no actor."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def codes(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code[:2], e.target.code if e.target else None) for e in events}


def test_story_role_nouns_officers_after_police_are_police(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "MADRID - Spanish police officers broke up a sit-in on Monday. "
        "The officers, though later disciplined, beat a reporter on Tuesday."
    )
    assert ("ESPCOP", "18", "ESPMED") in codes(asserted(text))


def test_story_role_nouns_officers_after_army_are_soldiers(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "ANKARA - The Turkish army sealed the border on Monday. "
        "The officers detained a smuggler near the crossing."
    )
    found = codes(asserted(text))
    assert any(src == "TURMIL" and root == "17" for src, root, _ in found)


def test_story_role_nouns_need_the_sector_in_the_story(
    asserted: Callable[[str], list[Event]],
) -> None:
    # no police, army or anyone with a sector named before: "officers" stays unplaced
    text = "The officers beat a reporter outside the stadium in Madrid on Tuesday."
    assert not any(e.source.sector == "COP" for e in asserted(text))


def test_story_role_nouns_officers_of_a_firm_are_not_police(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "LISBON - Portuguese police raided a warehouse on Monday. "
        "Officers of the shipping firm Tagus Freight criticised the raid on Tuesday."
    )
    assert not any(e.source.code == "PRTCOP" and e.code.startswith("11") for e in asserted(text))


def test_story_role_nouns_both_sectors_named_is_no_guess(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "ANKARA - Turkish police and the Turkish army sealed the border on Monday. "
        "The officers detained a smuggler near the crossing."
    )
    assert not [e for e in asserted(text) if e.sentence_index == 1]


def test_story_role_nouns_take_the_sector_named_with_the_word(
    asserted: Callable[[str], list[Event]],
) -> None:
    # police named, but "the officers" are the spy agency's officers named before
    text = (
        "MOSCOW - Russian police closed the square on Monday. FSB officers raided a flat. "
        "The officers detained a courier on Tuesday."
    )
    found = codes([e for e in asserted(text) if e.sentence_index == 2])
    assert any(src == "RUSSPY" and root == "17" for src, root, _ in found)
