"""The act a sentence is about (issue 9, sentence-level coding): the main clause's act comes
before the acts of the clauses that modify it, statement acts stay when they are the
sentence's act, and verb classes the dictionary lacked (docs/verbs.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def first_code(asserted: Callable[[str], list[Event]], text: str) -> str | None:
    events = asserted(text)
    return events[0].code if events else None


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # a participle on the subject is not what the sentence reports
        ("Iraqi troops backed by American jets stormed the rebel town of Hit on Monday.", "19"),
        # nor is a relative clause on it
        ("The Saudi coalition that is fighting Houthi rebels declared a truce on Friday.", "08"),
    ],
)
def test_the_main_clause_act_comes_first(
    asserted: Callable[[str], list[Event]], text: str, root: str
) -> None:
    code = first_code(asserted, text)
    assert code is not None and code[:2] == root


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # observers sent to watch a vote or a truce are peacekeeping, not a show of force
        ("The African Union deployed election observers in Malawi.", "074"),
        ("Norway sent military observers to Sri Lanka.", "074"),
        # rescue and medical teams are humanitarian aid
        ("Japan dispatched rescue teams to Turkey after the earthquake.", "073"),
        ("Britain sent medical teams to Nepal.", "073"),
        # giving up arms or fighting is demobilization
        ("The Iraqi militia gave up its weapons on Sunday.", "0873"),
        # refuting: a rejection, or a denial when what is refuted is an allegation
        ("The Kenyan government refuted the remarks of the US president.", "120"),
        ("The Kenyan government rebutted allegations of torture.", "016"),
        ("Iran repudiated the accusation of spying.", "016"),
    ],
)
def test_verb_classes(asserted: Callable[[str], list[Event]], text: str, code: str) -> None:
    assert first_code(asserted, text) == code


def test_a_claim_that_another_country_acted_accuses_it(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Armenia claimed that Azerbaijan had shelled a border village.")
    assert [(e.source.code, e.code, e.target and e.target.code) for e in events] == [
        ("ARM", "112", "AZE")
    ]


def test_a_claim_of_ones_own_attack_is_no_accusation(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = {e.code for e in asserted("The Taliban claimed they attacked the police post.")}
    assert "112" not in codes and "015" in codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian hackers tried to hack the email accounts of Dutch diplomats.", "17"),
        ("Gunmen attempted to assassinate the governor of Kandahar on Monday.", "18"),
    ],
)
def test_an_attempt_at_force_is_the_act(
    asserted: Callable[[str], list[Event]], text: str, code: str
) -> None:
    assert code in {e.code[:2] for e in asserted(text)}


def test_a_possible_attempt_stays_hypothetical(
    asserted: Callable[[str], list[Event]],
) -> None:
    assert asserted("Rebels may try to storm the army base.") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The Indian prime minister offered condolences to the Nepali people and condemned"
            " the bombing.",
            "018",
        ),
        ("The Iranian embassy denied the allegation and criticized the British press.", "016"),
    ],
)
def test_a_statement_act_stays_beside_other_acts(
    asserted: Callable[[str], list[Event]], text: str, code: str
) -> None:
    assert first_code(asserted, text) == code


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The Thai and Malaysian premiers agreed there was a need for more border talks.", "01"),
        # agreeing to act stays an intent
        ("Japan agreed that it would send food aid to Nepal.", "03"),
    ],
)
def test_agreeing_on_a_view_is_accord_not_intent(
    asserted: Callable[[str], list[Event]], text: str, root: str
) -> None:
    code = first_code(asserted, text)
    assert code is not None and code[:2] == root
