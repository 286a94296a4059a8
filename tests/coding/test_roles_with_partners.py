"""A "with" phrase set off between the subject and the verb names who acts along with the
subject, not whom the act is aimed at (coding/roles.py ``co_agents``; docs/verbs.md)."""

from __future__ import annotations

from collections.abc import Callable

from tests.coding.conftest import Dyad


def test_roles_with_partner_is_no_target(
    asserted_dyads: Callable[[str], set[Dyad]],
) -> None:
    dyads = asserted_dyads(
        "The Canadian minister said Canada would, with Norway and others, protect the Somali "
        "refugees at the camp."
    )
    assert "NOR" not in {t for _, _, t in dyads}, dyads


def test_roles_with_partner_shares_the_obligation(
    asserted_dyads: Callable[[str], set[Dyad]],
) -> None:
    # whoever must act "with" a partner: the demand is made of both
    dyads = asserted_dyads(
        "The Japanese foreign minister said Seoul must, with Washington and others, "
        "guard the captured smugglers."
    )
    assert ("JPN", "10", "KOR") in dyads
    assert ("JPN", "10", "USA") in dyads


def test_roles_with_phrase_after_the_verb_stays_a_target(
    asserted_dyads: Callable[[str], set[Dyad]],
) -> None:
    # an ordinary "with" after the verb names the partner of the act itself
    assert ("POL", "04", "LTU") in asserted_dyads("Poland met with Lithuania on Monday.")
