"""Unnamed police and courts act where the story happens: a story without a dateline that
opens in one country (its first sentence's place) gives them that country, even when the
text mentions foreigners or foreign outlets as often (actors/context.py, events/implied.py);
a relative clause's antecedent is the place of its act ("a trial in Peru in which ...")."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def sources(events: list[Event]) -> set[str]:
    return {e.source.code for e in events}


def test_context_police_take_the_opening_place(asserted: Callable[[str], list[Event]]) -> None:
    text = (
        "On Tuesday a gunman opened fire outside a bank in Madrid. "
        "A Portuguese tourist was wounded. Police arrested the gunman an hour later."
    )
    assert "ESPCOP" in sources(asserted(text))


def test_implied_court_takes_the_opening_place(asserted: Callable[[str], list[Event]]) -> None:
    text = (
        "On Sunday a man attacked passengers with a knife at a railway station in Paris. "
        "Two Italian students and a Swiss teacher were hurt. "
        "A Spanish tourist and a Belgian nurse were also hurt. "
        "An Italian television channel and Italian newspapers showed a video of the attack. "
        "The suspect was charged with attempted murder on Monday."
    )
    found = sources(asserted(text))
    assert "FRAJUD" in found
    assert "ITAJUD" not in found


def test_implied_court_of_a_dominant_country_stays(
    asserted: Callable[[str], list[Event]],
) -> None:
    """A story opening abroad about one country's affairs: that country's courts."""
    text = (
        "On Friday Kenyan activists spoke to reporters in Geneva. "
        "They said Kenya's government had jailed critics, and Kenyan police had beaten "
        "students in Nairobi. A Kenyan lawyer was charged with sedition last week."
    )
    assert "CHEJUD" not in sources(asserted(text))


def test_relative_clause_antecedent_is_the_place(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Chilean ministers met in Santiago on Friday to discuss the budget. "
        "Chile's finance minister praised the plan. "
        "A trial began in Peru in which nine men were charged with smuggling."
    )
    found = sources(asserted(text))
    assert "PERJUD" in found
    assert "CHLJUD" not in found


def test_soldiers_take_no_opening_place(asserted: Callable[[str], list[Event]]) -> None:
    """Troops may be foreign where the story happens: no country from the opening place."""
    text = (
        "On Monday shells hit a market in Aleppo. A Turkish spokesman denied any part in it. "
        "Soldiers later fired at the crowd."
    )
    assert "SYRMIL" not in sources(asserted(text))


def test_implied_court_takes_the_dateline_country(asserted: Callable[[str], list[Event]]) -> None:
    text = (
        "NAIROBI, May 3 - Ugandan officials met Tanzanian envoys and a Rwandan minister "
        "on Tuesday to discuss rail fares.\n\n"
        "A suspect was charged with fraud on Wednesday."
    )
    assert "KENJUD" in sources(asserted(text))
