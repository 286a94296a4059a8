"""Appeals told around the asking verb (issue 9): a quoted plea to a named official of the
speaker's own state, a request done "at the request of" someone by a pronoun, a request a
verb complies with ("will comply with the request of X"), and a request or order in the
passive with no one named making it ("residents were asked to boil their water")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event

Triple = tuple[str, str, str | None]


def _triples(events: list[Event], root: str) -> set[Triple]:
    return {
        (e.source.code, e.code, e.target.code if e.target else None)
        for e in events
        if e.code.startswith(root)
    }


def test_folds_quoted_plea_to_the_president_is_kept(
    asserted: Callable[[str], list[Event]],
) -> None:
    # the quoted "we" is the senator: a legislator asks the president, two bodies of one state
    text = (
        "Chilean President Pablo Mora vetoed the pension bill on Monday. "
        'Chilean Senator Rosa Vidal said on Tuesday, "We made an appeal to the president '
        'yesterday: sign the bill."'
    )
    assert ("CHLLEG", "020", "CHLGOV") in _triples(asserted(text), "02")


def test_folds_pronoun_doer_of_a_requested_act(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Marta Leal, the Governor General of Jamaica, dissolved parliament on Monday. "
        "She did so at the request of the Jamaican prime minister."
    )
    assert ("JAMGOV", "020", "JAMGOV") in _triples(asserted(text), "02")


def test_folds_self_reference_still_dropped_without_a_second_person(
    asserted: Callable[[str], list[Event]],
) -> None:
    # "it" and "the country" are both Peru: Peru does not appeal to itself
    text = "Peru closed its border on Monday. It urged the country to stay calm."
    assert not any(t[0] == t[2] == "PER" for t in _triples(asserted(text), "02"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Peruvian president announced on Monday that he will comply with the request "
            "of the Chilean government to reopen the border.",
            ("CHLGOV", "020", "PERGOV"),
        ),
        (
            "The Peruvian government granted the Bolivian government's request for talks.",
            ("BOLGOV", "020", "PERGOV"),
        ),
        (
            "The Peruvian government heeded the appeals of Ecuador and released the fishermen.",
            ("ECU", "020", "PERGOV"),
        ),
    ],
)
def test_requested_complied_request_is_the_requesters_appeal(
    asserted: Callable[[str], list[Event]], text: str, expected: Triple
) -> None:
    assert expected in _triples(asserted(text), "02")


def test_requested_rejected_request_is_left_to_the_reaction(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Peruvian government rejected the request of the Chilean government."
    assert not _triples(asserted(text), "02")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Floods hit Lima on Monday. In Peru, residents were asked to boil their water.",
            ("PERGOV", "020", "PERCVL"),
        ),
        (
            "Floods hit Lima on Monday. In Peru, households were urged to stay indoors.",
            ("PERGOV", "020", "PERCVL"),
        ),
    ],
)
def test_implied_passive_request_is_the_governments(
    asserted: Callable[[str], list[Event]], text: str, expected: Triple
) -> None:
    assert expected in _triples(asserted(text), "02")


@pytest.mark.parametrize(
    "text",
    [
        "Floods hit Lima on Monday. In Peru, the mayor was asked to comment on the floods.",
        "Floods hit Lima on Monday. In Peru, the mayor was asked about the floods.",
        "Floods hit Lima on Monday. When asked to leave, the mayor of Lima refused.",
    ],
)
def test_implied_question_put_is_no_request(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not any(e.rule.get("source", "").startswith("implied") for e in asserted(text))


def test_implied_order_to_no_known_actor_is_no_event(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Floods hit Lima on Monday. In Peru, the bakery was ordered to close its doors."
    assert not any(e.rule.get("source", "").startswith("implied") for e in asserted(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kenyan interior ministry called on motorists to avoid the flooded roads.",
            ("KENGOV", "020", "KENCVL"),
        ),
        ("The Bolivian police urged drivers to stay at home.", ("BOLCOP", "020", "BOLCVL")),
        (
            "Ghanaian Health Minister Kofi Mensah asked parents to vaccinate their children.",
            ("GHAGOV", "020", "GHACVL"),
        ),
    ],
)
def test_implied_public_addressed_is_the_askers_civilians(
    asserted: Callable[[str], list[Event]], text: str, expected: Triple
) -> None:
    assert expected in _triples(asserted(text), "02")


def test_implied_public_of_no_country_is_no_target(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = _triples(asserted("The United Nations urged residents to stay indoors."), "02")
    assert found and all(t[2] is None for t in found)


def test_announced_order_to_own_staff_is_the_act_told(
    asserted: Callable[[str], list[Event]],
) -> None:
    # the staff carry out the president's decision: the suspension is his, no demand of them
    text = "The Chilean president ordered his staff to suspend military aid to Bolivia."
    found = {
        (e.source.code, e.code, e.target.country if e.target else None) for e in asserted(text)
    }
    assert ("CHLGOV", "1622", "BOL") in found
    assert not any(code.startswith("10") for _, code, _ in found)


def test_announced_order_to_own_staff_without_an_act_is_nothing(
    asserted: Callable[[str], list[Event]],
) -> None:
    assert not asserted("The Chilean president ordered his staff to prepare a report.")
