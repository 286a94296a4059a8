"""The dateline of a news story, and the country it places the story in.

Wire stories open with the place they were filed from: "OSLO, March 16 -", "WASHINGTON
(Reuters) -", "Ottawa, Canada —". Some collections keep it in a record field of its own
(Reuters-21578's ``dateline``, kept in ``Document.metadata``); others leave it at the start
of the text. The place is weak evidence of where the story's otherwise unplaced officials
come from: a bare "the minister" in a story filed from Cairo is more likely Egypt's than the
country the story mentions most. The actor coder uses it only after the chain's own phrase,
the same-sector pairs and the sentence (docs/dictionaries.md, step 5).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from dyadwatch.dictionaries.actors import ActorDictionary
from dyadwatch.dictionaries.gazetteer import Gazetteer, default_order, prominence
from dyadwatch.dictionaries.placenames import name_key
from dyadwatch.model import Document

# record fields that hold a dateline
DATELINE_FIELDS = ("dateline",)
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?"
)
_AGENCY = r"\((?:Reuters|AP|AFP|UPI|dpa|Xinhua|IANS|PTI)\)"
_PLACE = r"[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,3}"
# the opening of a text: a place, optionally ", region", a date and an agency, then a dash
_OPENING = re.compile(
    rf"^\s*(?P<place>{_PLACE}(?:,\s*{_PLACE})?)"
    rf"(?P<date>,?\s+{_MONTH})?\s*(?P<agency>{_AGENCY})?\s*(?:-{{1,2}}|—|–)\s"
)
_DATE_TAIL = re.compile(rf",?\s*(?:{_MONTH})?\s*(?:{_AGENCY})?\s*(?:-{{1,2}}|—|–)?\s*$")
# the least prominence (dyadwatch.dictionaries.gazetteer.prominence) a city needs to place a
# story: a city over 100,000 or a capital, not a small namesake ("Frankfort", Kentucky)
_MIN_PROMINENCE = 2


def document_dateline(document: Document) -> str | None:
    """The dateline of ``document``: a record field, else the opening of its text. An opening
    counts only when it looks like one: an upper-case place, or a place with a date, an
    agency or a ", country" after it."""
    for name in DATELINE_FIELDS:
        value = document.metadata.get(name)
        if value:
            return value
    found = _OPENING.match(document.text[:120])
    if found is None:
        return None
    place = found.group("place")
    if place.split(",")[0].isupper() or found.group("date") or found.group("agency"):
        return found.group(0).strip()
    return place if "," in place else None


def international_seats(dictionary: ActorDictionary) -> frozenset[str]:
    """Places the actor dictionary reads as an international organisation ("Brussels" as
    the EU): a story filed from there is as often about the organisation as the host."""
    return frozenset(
        name_key(e.phrase)
        for e in dictionary.entries
        if e.kind == "organization" and e.country is None and e.role == "igo"
    )


def predecessors(dictionary: ActorDictionary) -> dict[str, tuple[dt.date, str]]:
    """Country -> (founded, predecessor) for states whose capital coded as another state
    before a date ("Moscow" before 1991-12-26: the Soviet Union's)."""
    return {
        e.country: (e.valid_from, e.before)
        for e in dictionary.entries
        if e.kind == "capital" and e.country and e.valid_from is not None and e.before
    }


def dated_country(
    country: str, when: dt.date | None, states: dict[str, tuple[dt.date, str]]
) -> str:
    """A dateline's country on the story's date: a 1987 story filed from Moscow is the
    Soviet Union's, as its capital is (gazetteer countries are today's)."""
    founded = states.get(country)
    if founded is not None and when is not None and when < founded[0]:
        return founded[1]
    return country


def dateline_country(
    dateline: str, gazetteer: Gazetteer, seats: frozenset[str] = frozenset()
) -> str | None:
    """The country a dateline's place is in: the last part when it names a country or a
    prominent place ("HANGZHOU, China"), else the city ("OTTAWA"); none for a city in
    ``seats`` (international_seats)."""
    text = _DATE_TAIL.sub("", dateline.strip())
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if parts and name_key(parts[0]) in seats:
        return None
    for part in reversed(parts):
        entries = sorted(gazetteer.candidates(name_key(part)), key=default_order, reverse=True)
        if entries and prominence(entries[0]) >= _MIN_PROMINENCE and entries[0].place.country:
            return entries[0].place.country
    return None


# entity labels of a place the story opens in
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def lead_countries(
    doc: Doc, gazetteer: Gazetteer, seats: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The countries of the prominent places named in a story's first sentence ("... at a
    hall in London"): a story without a dateline usually opens where it happens. The actor
    coder uses them to doubt the document's most mentioned country when it is not one."""
    if not doc.has_annotation("SENT_START") or not doc.has_annotation("ENT_IOB"):
        return frozenset()  # an unparsed text: no first sentence to read
    first = next(iter(doc.sents), None)
    if first is None:
        return frozenset()
    found = (
        dateline_country(e.text, gazetteer, seats) for e in first.ents if e.label_ in _PLACE_LABELS
    )
    return frozenset(c for c in found if c is not None)


def bureau_dateline(
    doc: Doc, home: str, gazetteer: Gazetteer, seats: frozenset[str] = frozenset(), after: int = 0
) -> frozenset[str]:
    """The countries a story opens with when its dateline is only the wire's bureau: a
    subject of the first sentence is a place of another country ("LONDON - Iran said its
    troops ...", "Sudan's minister said") and the text never names a place of the dateline's;
    else none. A country named as a topic ("the Iran arms scandal") is no such subject."""
    if not doc.has_annotation("SENT_START") or not doc.has_annotation("ENT_IOB"):
        return frozenset()
    first = next(iter(doc.sents), None)
    if first is None:
        return frozenset()
    opening: set[str] = set()
    for ent in first.ents:
        if ent.start_char < after:
            continue
        root = ent.root
        if root.dep_ == "poss":  # "Sudan's finance minister"
            root = root.head
        if ent.label_ not in _PLACE_LABELS or root.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        country = dateline_country(ent.text, gazetteer, seats)
        if country is not None:
            opening.add(country)
    if not opening or home in opening:
        return frozenset()
    for ent in doc.ents:  # the dateline itself (the text's first ``after`` characters) aside
        if ent.start_char < after or ent.label_ not in _PLACE_LABELS:
            continue
        if dateline_country(ent.text, gazetteer, seats) == home:
            return frozenset()
    return frozenset(opening)
