"""Material acts the coder used to miss (issue 9): giving oneself up, protesters filling the
streets, hostages named before "hostage", a sanction told again in the passive, a contested
bill suspended or given up in the passive. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event

Run = Callable[[str], list[Event]]


def _codes(events: list[Event], sentence: int | None = None) -> set[tuple[str, str, str | None]]:
    return {
        (e.source.code, e.code, e.target.code if e.target else None)
        for e in events
        if sentence is None or e.sentence_index == sentence
    }


def test_turning_oneself_in_yields_to_the_authorities(asserted: Run) -> None:
    found = _codes(asserted("A Peruvian rebel commander turned himself in to the army on Friday."))
    assert ("PERREB", "080", "PERMIL") in found


def test_protesters_filling_the_streets_protest(asserted: Run) -> None:
    found = _codes(asserted("Thousands of Chilean protesters filled the streets of Santiago."))
    assert any(src == "CHLCVL" and code == "141" for src, code, _ in found)


def test_filling_a_stadium_is_no_protest(asserted: Run) -> None:
    found = _codes(asserted("Thousands of Chilean fans filled the stadium in Santiago."))
    assert not any(code.startswith("14") for _, code, _ in found)


def test_hostages_named_before_the_word_hostage(asserted: Run) -> None:
    for text in (
        "Libyan gunmen took forty Egyptian workers hostage near the border.",
        "Iraqi militants stormed the Turkish consulate, taking dozens of diplomats hostage.",
    ):
        found = _codes(asserted(text))
        assert any(code == "181" and (tgt or "")[:3] in {"EGY", "TUR"} for _, code, tgt in found)


def test_a_sanction_told_again_is_by_whoever_imposed_the_first(asserted: Run) -> None:
    text = (
        "In 2014 Canada imposed sanctions on the Russian energy minister. "
        "He was sanctioned again in 2018 over the poisoning."
    )
    found = _codes(asserted(text), sentence=1)
    assert any(src.startswith("CAN") and code == "163" for src, code, _ in found)


def test_a_passive_sanction_with_no_earlier_one_has_no_doer(asserted: Run) -> None:
    assert not asserted("The Russian energy minister was sanctioned again in 2018.")


def test_a_sanction_on_someone_else_is_not_the_same_act(asserted: Run) -> None:
    text = (
        "In 2014 Canada imposed sanctions on the Russian energy minister. "
        "A Belarusian general was sanctioned in 2018."
    )
    assert not _codes(asserted(text), sentence=1)


def test_a_suspended_bill_yields_to_the_protesters(asserted: Run) -> None:
    found = _codes(asserted("The Kenyan government suspended the finance bill after the protests."))
    assert ("KENGOV", "083", "KENCVL") in found


def test_protests_of_last_week_have_no_owner(asserted: Run) -> None:
    found = _codes(
        asserted("The Kenyan government withdrew the finance bill after last week's protests.")
    )
    assert ("KENGOV", "083", "KENCVL") in found


def test_a_bill_suspended_in_the_passive_is_the_government_s(asserted: Run) -> None:
    found = _codes(asserted("The finance bill was suspended in Kenya after weeks of protests."))
    assert any(src == "KENGOV" and code == "083" for src, code, _ in found)


def test_a_party_banned_in_a_country_is_banned_by_its_government(asserted: Run) -> None:
    found = _codes(asserted("The Kurdish party is banned in Turkey."))
    assert any(src == "TURGOV" and code.startswith("172") for src, code, _ in found)


def test_a_ban_on_no_actor_in_no_place_has_no_doer(asserted: Run) -> None:
    text = "The children were banned from playing outside after dark, a Texas court heard."
    assert not any(e.code.startswith("17") for e in asserted(text))


def test_a_ban_described_by_a_participle_is_not_imposed_again(asserted: Run) -> None:
    text = "The Peruvian president eased the nightly curfew imposed in Peru after the coup."
    assert not any(e.code.startswith("172") for e in asserted(text))
