"""Curfews and states of emergency told without their doer or named by "it" (coding/events/
implied.py, coding/events/pronoun_acts.py; docs/verbs.md): only a state declares, extends or
lifts them, so an agentless passive is the story country's government's, and an "it" after
such a measure stands for it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an agentless passive of lifting, with no place on the verb
        ("Floods hit Fiji last week. The state of emergency was lifted on Sunday.", "0814"),
        # "lift it": the measure named in the sentence before
        (
            "Floods hit Fiji last week. A state of emergency was declared on May 2. "
            "The cabinet voted to lift it on Saturday.",
            "0814",
        ),
        # "it was extended by two weeks": the "by" phrase of an amount names no agent
        (
            "Floods hit Fiji last week. The state of emergency was expected to end on May 15,"
            " but on May 14 it was extended by two weeks.",
            "1724",
        ),
        ("Storms hit Fiji last week. The curfew was lifted on Sunday.", "0813"),
        # an active halt verb's "it"
        (
            "The army of Fiji imposed a curfew on Monday. The government called it off on Tuesday.",
            "0813",
        ),
    ],
)
def test_emergency_measures_state_acts(asserted_triples: Triples, text: str, code: str) -> None:
    found = asserted_triples(text)
    assert ("FJI", code, "FJI") in found, found


def test_emergency_measures_it_after_another_event_noun(asserted_triples: Triples) -> None:
    # the nearest event noun before "it" decides: the protest is called off, not the curfew
    text = (
        "The army of Fiji imposed a curfew on Monday after a protest. "
        "The government called it off on Tuesday."
    )
    found = asserted_triples(text)
    assert not any(c.startswith("081") for _, c, _ in found), found
