"""Bills introduced and laws passed (verbs.tsv; docs/verbs.md): introducing, sponsoring,
drafting or tabling a bill is an intent to change policy (0342); a legislature passing a law
does what the law does, told by its participle or its "which" clause; a law whose act the
sentence does not say is no event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        ("Kenyan MP Jane Wanjiru introduced a bill to cap rents in Nairobi.", "0342", None),
        ("Kenyan MP Jane Wanjiru sponsored a bill on rent controls.", "0342", None),
        (
            "The Parliament of Fiji voted to pass the bill which decriminalized gambling.",
            "081",
            "FJI",
        ),
        ("The Parliament of Fiji passed a law which bans rallies in the capital.", "172", "FJI"),
        ("The Fijian parliament legalized gambling on Monday.", "081", "FJI"),
    ],
)
def test_legislative_acts_coded(
    asserted_triples: Triples, text: str, code: str, target: str | None
) -> None:
    found = asserted_triples(text)
    assert any(c == code and t == target for _, c, t in found), found


def test_legislative_acts_law_without_its_act(asserted_triples: Triples) -> None:
    # what the budget does is not said: no event
    assert asserted_triples("The Parliament of Fiji passed the budget bill on Monday.") == set()


@pytest.mark.parametrize(
    "text",
    [
        # the one impeached, named in a participle the parser may hang anywhere
        "Peru's Congress voted on articles of impeachment, passed against President Ana Ruiz, on"
        " Monday. On December 18, Peru's Congress passed two articles of impeachment.",
        "Peruvian lawmakers began the impeachment of President Ana Ruiz. Peru's Congress passed"
        " two articles of impeachment on Friday.",
    ],
)
def test_legislative_acts_impeachment_takes_the_one_impeached_before(
    asserted_triples: Triples, text: str
) -> None:
    found = asserted_triples(text)
    assert ("PER", "1121", "PER") in found, found


def test_legislative_acts_impeachment_abroad_is_no_antecedent(asserted_triples: Triples) -> None:
    text = (
        "Peru's Congress impeached President Ana Ruiz in May. Chile's Senate passed two articles"
        " of impeachment in June."
    )
    assert ("CHL", "1121", "PER") not in asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "A bill banning street rallies passed the Fijian Senate on Monday.",
        "A measure which bans street rallies cleared the Fijian parliament.",
        "The Fijian Senate cleared a bill which bans street rallies.",
    ],
)
def test_legislative_acts_law_passing_a_chamber(asserted_triples: Triples, text: str) -> None:
    # the law as the subject of its passage: the chamber passed it, and did what it does
    found = asserted_triples(text)
    assert any(c == "172" and t == "FJI" for _, c, t in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Fijian parliament rejected a bill outlawing street rallies.",
        "The Fijian president vetoed the bill outlawing street rallies.",
        "Fijian MP Ana Koroi introduced a bill outlawing street rallies.",
        "Fijian opposition leaders condemned the law outlawing street rallies.",
    ],
)
def test_legislative_acts_law_not_enacted(asserted_triples: Triples, text: str) -> None:
    # rejecting, vetoing, introducing or condemning a law does not do what the law does
    found = asserted_triples(text)
    assert not any(c.startswith("17") for _, c, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The budget bill passed the Fijian Senate on Monday.",
        "The old senator passed away in Suva on Monday.",
        "The Fijian striker passed the ball to the goalkeeper.",
        "The storm passed over the Fijian parliament on Monday.",
        "The motorcade passed the Fijian parliament on Monday.",
    ],
)
def test_legislative_acts_passing_look_alikes(asserted_triples: Triples, text: str) -> None:
    assert asserted_triples(text) == set()


def test_legislative_acts_vetoed_law_is_the_legislatures(asserted_triples: Triples) -> None:
    # a bill the executive vetoes was passed by its own legislature
    found = asserted_triples("The Fijian president vetoed the budget bill on Friday.")
    assert any(c == "129" and t == "FJI" for _, c, t in found), found
    # a chamber's veto: whose bill it is is not said
    assert ("FJI", "129", None) in asserted_triples("The Fijian Senate vetoed the bill.")


@pytest.mark.parametrize(
    "text",
    [
        "A bill drafted by the Fijian Ministry of Lands would cap rents in Suva.",
        "The measure, sponsored by Fijian Senator Ana Koroi, would cap rents in Suva.",
        "A measure drafted by the Fijian Ministry of Lands was debated on Monday.",
    ],
)
def test_legislative_acts_drafted_by_told_in_a_participle(
    asserted_triples: Triples, text: str
) -> None:
    # the drafting or sponsoring is done, whatever the bill would do
    assert any(c == "0342" for _, c, _ in asserted_triples(text)), asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "A bill to ban street rallies passed the Fijian Senate on Monday.",
        "The Fijian president signed a bill that bans street rallies.",
        "The Fijian president signed a decree to ban street rallies.",
    ],
)
def test_legislative_acts_signed_law_does_what_it_says(
    asserted_triples: Triples, text: str
) -> None:
    # signing a law, like passing it, does what its infinitive or "that" clause says
    found = asserted_triples(text)
    assert any(c == "172" and t == "FJI" for _, c, t in found), found


def test_legislative_acts_signed_law_without_its_act(asserted_triples: Triples) -> None:
    assert asserted_triples("The Fijian president signed the bill into law on Friday.") == set()


def test_legislative_acts_signed_law_takes_no_other_clause(asserted_triples: Triples) -> None:
    # the law's own clauses say what signing it does, not a clause beside it
    text = (
        "For a decade she spent years fighting for the holiday; the Fijian president signed "
        "her bill into law in 2001."
    )
    assert not any(c.startswith("19") for _, c, _ in asserted_triples(text))
