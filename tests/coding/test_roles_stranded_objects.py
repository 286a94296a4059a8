"""The object of a relative clause cut off from its verb by a phrase in commas is still what
the clause's verb acted on (coding/roles.py ``stranded_object``)."""

from __future__ import annotations

from collections.abc import Callable

from tests.coding.conftest import Dyad


def test_roles_stranded_object_of_relative_clause(
    asserted_dyads: Callable[[str], set[Dyad]],
) -> None:
    dyads = asserted_dyads(
        "Protesters gathered in front of the Ghanaian parliament, which rejected, the day "
        "before the rally, a petition filed by Togo."
    )
    assert ("GHA", "12", "TGO") in dyads, dyads
