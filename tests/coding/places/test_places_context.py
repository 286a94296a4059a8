"""Choosing among places that share a name, from the document's context."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.places.placer import Placer


def _resolved(
    nlp: Language, placer: Placer, text: str, name: str, doc_countries: tuple[str, ...] = ()
) -> tuple[str | None, str]:
    found = [t for t in placer.places_in(nlp(text), doc_countries) if t.text == name]
    assert found, f"{name!r} not found in {text!r}"
    return found[0].place.country, found[0].place.feature


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Georgia's parliament in Tbilisi passed the bill. Protests spread across Georgia.",
         ("GEO", "country")),
        ("Officials in Atlanta said turnout was high. Voters across Georgia waited for hours.",
         ("USA", "us_state")),
    ],
)  # fmt: skip
def test_places_context_georgia_from_the_places_around_it(
    nlp: Language, placer: Placer, text: str, expected: tuple[str, str]
) -> None:
    assert _resolved(nlp, placer, text, "Georgia") == expected


@pytest.mark.parametrize(
    ("doc_countries", "expected"),
    [(("GEO", "RUS"), ("GEO", "country")), (("USA",), ("USA", "us_state")),
     (("USA", "GEO"), ("GEO", "country")), ((), ("GEO", "country"))],
)  # fmt: skip
def test_places_context_georgia_from_the_document_countries(
    nlp: Language, placer: Placer, doc_countries: tuple[str, ...], expected: tuple[str, str]
) -> None:
    text = "The delegation arrived in Georgia on Monday."
    assert _resolved(nlp, placer, text, "Georgia", doc_countries) == expected


@pytest.mark.parametrize(
    ("doc_countries", "country"),
    [(("LBN",), "LBN"), (("LBY",), "LBY"), ((), "LBY"), (("LBN", "LBY"), "LBY")],
)
def test_places_context_tripoli_by_document_countries_then_population(
    nlp: Language, placer: Placer, doc_countries: tuple[str, ...], country: str
) -> None:
    text = "Clashes broke out in Tripoli overnight."
    assert _resolved(nlp, placer, text, "Tripoli", doc_countries)[0] == country


@pytest.mark.parametrize(("doc_countries", "country"), [(("USA",), "USA"), ((), "EGY")])
def test_places_context_alexandria(
    nlp: Language, placer: Placer, doc_countries: tuple[str, ...], country: str
) -> None:
    text = "The conference was held in Alexandria."
    assert _resolved(nlp, placer, text, "Alexandria", doc_countries)[0] == country


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The talks were held in Washington last week.", "Washington", ("USA", "city")),
        ("Wildfires burned across Washington state.", "Washington state", ("USA", "us_state")),
        ("Wildfires burned across the state of Washington.", "state of Washington",
         ("USA", "us_state")),
    ],
)  # fmt: skip
def test_places_context_washington_is_the_capital_unless_the_state_is_said(
    nlp: Language, placer: Placer, text: str, name: str, expected: tuple[str, str]
) -> None:
    assert _resolved(nlp, placer, text, name, ("USA",)) == expected


def test_places_context_washington_state_from_its_cities(nlp: Language, placer: Placer) -> None:
    text = "Officials in Seattle said wildfires had spread across Washington."
    assert _resolved(nlp, placer, text, "Washington", ("USA",)) == ("USA", "us_state")


def test_places_context_washington_capital_is_dc(nlp: Language, placer: Placer) -> None:
    (toponym,) = placer.places_in(nlp("The talks were held in Washington."), ("USA",))
    assert toponym.place.id == "geonames:4140963"  # Washington, D.C.
    assert {p.feature for p in toponym.candidates} >= {"city", "us_state"}
