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
