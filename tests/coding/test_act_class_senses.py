"""Which class an act falls in when its verb alone would mislead (issue 9): a yielding act that
an announcement makes known is the act, not an intent; an order of force posture is the
posture, not a demand; a state backing a military operation gives military aid, not praise
(coding/events/frames.py, dictionaries/data/verbs.tsv; docs/verbs.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Chilean president announced that she will comply with the court ruling.", "08"),
        ("On Monday the Bolivian government announced its soldiers would leave Paraguay.", "08"),
    ],
)
def test_an_announced_yield_is_the_act(
    asserted: Callable[[str], list[Event]], text: str, code: str
) -> None:
    codes = [e.code for e in asserted(text)]
    assert any(c.startswith(code) for c in codes), codes
    assert not any(c.startswith("03") for c in codes), codes


def test_other_announced_cooperation_stays_an_intent(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = [e.code for e in asserted("Chile announced it will hold talks with Peru next month.")]
    assert not any(c.startswith("04") for c in codes), codes


def test_a_yield_announced_for_a_later_date_stays_an_intent(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Chile announced it would release forty Peruvian fishermen by the end of June."
    codes = [e.code for e in asserted(text)]
    assert not any(c.startswith("08") for c in codes), codes


def test_a_yield_only_said_stays_an_intent(asserted: Callable[[str], list[Event]]) -> None:
    codes = [e.code for e in asserted("Bolivia said its soldiers would leave Paraguay.")]
    assert not any(c.startswith("08") for c in codes), codes


def test_a_refused_announced_yield_is_no_yield(asserted: Callable[[str], list[Event]]) -> None:
    text = "The Chilean president announced that she will not comply with the ruling."
    codes = [e.code for e in asserted(text)]
    assert not any(c.startswith("08") for c in codes), codes


@pytest.mark.parametrize(
    "text",
    [
        "After the raid the Ghanaian defence minister ordered a heightened alert from the army.",
        "The Ghanaian president ordered the army on high alert along the northern border.",
    ],
)
def test_an_ordered_alert_is_the_alert(asserted: Callable[[str], list[Event]], text: str) -> None:
    codes = [e.code for e in asserted(text)]
    assert "152" in codes, codes
    assert not any(c.startswith("10") for c in codes), codes


def test_a_demanded_alert_stays_a_demand(asserted: Callable[[str], list[Event]]) -> None:
    codes = [e.code for e in asserted("Ghana demanded that Togo put its troops on alert.")]
    assert any(c.startswith("10") for c in codes), codes


def test_a_condemnation_is_not_aimed_at_an_alert_at_home(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "A bomb exploded at a market in Tamale on Sunday, killing nine people. "
        "The Ghanaian president ordered a heightened alert from the army. "
        "Statements of condemnation came from the African Union."
    )
    aimed = [e for e in asserted(text) if e.code == "111" and e.target is not None]
    assert not any(e.target.country == "GHA" and e.target.code.startswith("GHAGOV") for e in aimed)


@pytest.mark.parametrize(
    "text",
    [
        "The port was retaken by the army last spring in an offensive supported by Egypt.",
        "Egypt backed the military operation against the port with warplanes.",
    ],
)
def test_a_state_backing_an_operation_gives_military_aid(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = {e.code for e in asserted(text) if e.source.country == "EGY"}
    assert "072" in codes, codes
    assert "051" not in codes, codes


def test_a_person_backing_an_operation_endorses_it(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = [e.code for e in asserted("The Egyptian opposition leader supported the offensive.")]
    assert "072" not in codes, codes


@pytest.mark.parametrize(
    "text",
    [
        "The militia received Ethiopian assistance during the war.",
        "The governor received intense media scrutiny after the interview.",
    ],
)
def test_receiving_help_or_scrutiny_is_no_visit_hosted(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not any(e.code.startswith("04") for e in asserted(text))


def test_receiving_a_minister_is_still_a_visit_hosted(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Kenyan president received the Ugandan foreign minister in Nairobi."
    assert "043" in [e.code for e in asserted(text)]


def test_found_to_have_an_illness_is_no_resolve(asserted: Callable[[str], list[Event]]) -> None:
    text = "The former Kenyan president was later determined to have a tumour in his lung."
    assert not any(e.code.startswith("03") for e in asserted(text))


def test_goods_for_sale_offered_are_no_promise(asserted: Callable[[str], list[Event]]) -> None:
    text = "Two Chilean airlines offer flights to several Peruvian cities."
    assert not any(e.code.startswith("03") for e in asserted(text))


def test_a_plea_in_court_is_no_appeal(asserted: Callable[[str], list[Event]]) -> None:
    text = "The former Chilean minister pleaded not guilty to the fraud charges."
    assert not any(e.code.startswith("02") for e in asserted(text))


def test_calling_an_election_for_a_winner_is_no_appeal(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Chilean news agency called the election for the senator on Sunday."
    assert not any(e.code.startswith("02") for e in asserted(text))
