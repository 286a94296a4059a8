"""Readings that made an event where the text reports none: a naming verb whose object is
given a plain quality ("calling the pact "lawful"") is a judgement, not the announcement of the
pact's signing; a charter (a constitution, a directive, a treaty) does not act for the
country or body that names it; and an order to one's own staff to do what is no event is an
internal directive, no demand."""

from __future__ import annotations

from collections.abc import Callable

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def roots(dyads: set[tuple[str | None, str, str | None]]) -> set[str]:
    return {root for _, root, _ in dyads}


def test_calling_a_pact_lawful_in_quotes_signs_nothing(asserted_dyads: Dyads) -> None:
    text = (
        "In a statement issued on Friday, the Peruvian foreign ministry denounced the ruling of "
        'the tribunal, calling the agreements "lawful and fully consistent with international law".'
    )
    assert "05" not in roots(asserted_dyads(text))


def test_calling_a_pact_unfair_is_still_a_criticism(asserted_dyads: Dyads) -> None:
    text = 'The Chilean minister called the accord "unfair" on Monday.'
    assert "11" in roots(asserted_dyads(text))


def test_announcing_a_pact_is_still_its_signing(asserted_dyads: Dyads) -> None:
    text = "Chile announced an agreement with Peru on fishing rights."
    assert "05" in roots(asserted_dyads(text))


def test_a_constitution_requires_no_demand_of_its_country(asserted_dyads: Dyads) -> None:
    text = (
        "Together, the number of senators is enough for the two-thirds majority required by the "
        "Kenyan Constitution to remove a judge."
    )
    assert "10" not in roots(asserted_dyads(text))


def test_a_union_directive_provides_no_protection(asserted_dyads: Dyads) -> None:
    text = "The EU data directive provides liability protections for web hosts."
    assert "07" not in roots(asserted_dyads(text))


def test_a_union_acting_itself_still_acts(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("The EU provided humanitarian aid to Yemen.")
    assert any(root == "07" for _, root, _ in dyads)


def test_ordering_ones_own_staff_to_delay_is_no_demand(asserted_dyads: Dyads) -> None:
    text = (
        "Days before the call, the Chilean president had ordered his staff to delay around "
        "$40 million in loans that had been promised to Peru."
    )
    assert "10" not in roots(asserted_dyads(text))


def test_ordering_another_country_is_still_a_demand(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("The Chilean president ordered Peru to delay the vote.")
    assert any(src == "CHL" and root == "10" for src, root, _ in dyads)
