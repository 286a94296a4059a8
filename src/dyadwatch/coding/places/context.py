"""Choosing among places that share a name, from the document's context.

The rule (docs/places.md), applied to every name that matches more than one place; the first
criterion that separates the candidates decides:

1. in context: the candidate's country is one of the document's countries (``doc_countries``
   from the actor coder) or the country of a place named unambiguously elsewhere in the
   document ("Tbilisi" puts Georgia the country in context, "Atlanta" the United States).
   Unambiguous: the name denotes one place in the whole gazetteer, or a qualifier made it so
   ("Paris, Texas"). Curated places with no country (seas, regions) are always in context;
2. evidence: more places named unambiguously inside the candidate (for a country, its cities
   and curated places; for a US state and the US cities in it, places in that state), so
   "Atlanta" makes "Georgia" the state and "Tbilisi" makes it the country. A city named by one
   of its GeoNames alternate names gets no evidence ("Maine" is an old name of a town in
   Illinois: a Chicago story does not make it that town);
3. prominence (gazetteer.prominence): countries, curated places, national capitals and cities
   over a million before US states and cities over 100,000, before other cities, so a bare
   "Washington" is the capital, "Georgia" the country and "Tripoli" Libya's;
4. a place called by its main name before one called by an alternate name, then a country
   before a curated place before a US state before a city, then population.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dyadwatch.coding.places.toponyms import ToponymMatch
from dyadwatch.dictionaries.gazetteer import default_order
from dyadwatch.dictionaries.gazetteer_data import Entry
from dyadwatch.dictionaries.placenames import name_key


@dataclass(frozen=True, slots=True)
class Context:
    """What a document says about where it is."""

    countries: frozenset[str]
    inside: Counter[tuple[str, str]]  # ("country", "GEO") / ("state", "GA") -> places named

    def evidence(self, entry: Entry) -> int:
        if entry.kind == "country":
            return self.inside[("country", entry.place.country or "")]
        if entry.kind == "us_state" or (entry.kind == "city" and entry.place.country == "USA"):
            return self.inside[("state", entry.admin1)] if entry.admin1 else 0
        return 0


def build_context(matches: Sequence[ToponymMatch], doc_countries: Sequence[str]) -> Context:
    countries = {c.strip().upper() for c in doc_countries if c.strip()}
    inside: Counter[tuple[str, str]] = Counter()
    for match in matches:
        if not match.unambiguous:
            continue  # only names that denote one place anywhere are evidence
        codes = {e.place.country for e in match.entries}
        countries.update(c for c in codes if c)
        entry = match.entries[0]
        if entry.kind != "country" and entry.place.country:
            inside[("country", entry.place.country)] += 1
        if entry.admin1 and entry.place.country == "USA":
            inside[("state", entry.admin1)] += 1
    return Context(frozenset(countries), inside)


def rank(entry: Entry, context: Context, key: str = "") -> tuple[int, ...]:
    """Sort key (descending) of a candidate for the name ``key``; see the module doc."""
    primary = entry.kind != "city" or not key or key == name_key(entry.place.name)
    country = entry.place.country
    in_context = country in context.countries or (entry.kind == "curated" and country is None)
    evidence = context.evidence(entry) if primary else 0
    prominent, kind, population = default_order(entry)
    return int(in_context), evidence, prominent, int(primary), kind, population


def choose(entries: Sequence[Entry], context: Context, key: str = "") -> Entry:
    """The candidate the context favours (``entries`` must not be empty)."""
    return max(entries, key=lambda e: rank(e, context, key))


def resolve(matches: Sequence[ToponymMatch], doc_countries: Sequence[str]) -> list[Entry]:
    """One entry per match, chosen with the whole document as context."""
    context = build_context(matches, doc_countries)
    return [choose(m.entries, context, m.key) for m in matches]
