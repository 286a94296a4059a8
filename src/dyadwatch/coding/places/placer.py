"""Event locations: the place an event's clause names, from an offline gazetteer.

``Placer.load()`` loads the gazetteer once per process (:mod:`~dyadwatch.dictionaries.gazetteer`);
``Placer.places_in(doc)`` lists every toponym of a document with its token span, the place it
resolves to in context (:mod:`~dyadwatch.coding.places.context`) and its role; and
``Placer.locate(verb, doc_countries)`` picks the event's location:

1. a place attached to the verb or its object by a locative preposition ("met in Washington",
   "cruised through the Diaoyutais' contiguous zone"), or a non-actor place as the verb's
   object ("crossed the Taiwan Strait") or inside its subject ("fighting in Donetsk"), the
   first kind before the others (rules: :mod:`~dyadwatch.coding.places.roles`);
2. among several, the most specific (a gas field before the sea it lies in), then the nearest
   to the verb, then the first;
3. when the clause names none, the sentence's place if the sentence has exactly one place in a
   locative position; otherwise no location. Actors are never locations ("Tokyo might pass
   laws", "unsettling Tokyo", "Washington said").

The analysis of a document is cached for the last document seen, so calling ``locate`` for
every event of a document does the matching once. Rules and limits: docs/places.md.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from dyadwatch.coding.places.context import resolve
from dyadwatch.coding.places.roles import Attachment, actor_capable, attachment, struck_subject
from dyadwatch.coding.places.toponyms import ToponymFinder, ToponymMatch
from dyadwatch.dictionaries.gazetteer import Gazetteer
from dyadwatch.dictionaries.gazetteer_data import Entry
from dyadwatch.model import Place

Role = Literal["location", "actor", "other"]


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in a document, resolved: what the map and the document view show."""

    start: int  # token span [start, end), including a linked alias "(釣魚台)"
    end: int
    start_char: int  # character offsets into the document text
    end_char: int
    text: str
    place: Place
    candidates: tuple[Place, ...]  # every place the name may denote, the chosen one first
    role: Role  # location (where something happens), actor (a government metonym), other
    within: Place | None = None  # the enclosing place, when the gazetteer records one


@dataclass(frozen=True, slots=True)
class _Found:
    match: ToponymMatch
    entry: Entry
    head: Token


class Placer:
    """Finds the place an event's clause names, preferring the document's country context."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._finder = ToponymFinder(gazetteer)
        self._last: tuple[Doc, tuple[str, ...], list[_Found]] | None = None
        self._starts: tuple[list[_Found], list[int]] = ([], [])

    @classmethod
    def load(cls) -> Placer:
        """A placer over the packaged gazetteer (loaded once per process)."""
        return cls(Gazetteer.default())

    def locate(self, verb: Token, doc_countries: Sequence[str]) -> Place | None:
        """Place named by the clause of ``verb``; ``doc_countries`` are the document's country
        codes, most frequent first, for disambiguation."""
        found = self._locate(verb, doc_countries)
        return found.entry.place if found else None

    def locate_toponym(self, verb: Token, doc_countries: Sequence[str]) -> Toponym | None:
        """Like :meth:`locate`, with the toponym's span, candidates and enclosing place."""
        found = self._locate(verb, doc_countries)
        return self._toponym(verb.doc, found) if found else None

    def places_in(self, doc: Doc, doc_countries: Sequence[str] = ()) -> list[Toponym]:
        """Every toponym of ``doc`` in text order, resolved with the document as context."""
        return [self._toponym(doc, f) for f in self._analyse(doc, doc_countries)]

    def _analyse(self, doc: Doc, doc_countries: Sequence[str]) -> list[_Found]:
        countries = tuple(doc_countries)
        if self._last is not None and self._last[0] is doc and self._last[1] == countries:
            return self._last[2]
        matches = self._finder.find(doc)
        entries = resolve(matches, countries)
        found = [_Found(m, e, m.head(doc)) for m, e in zip(matches, entries, strict=True)]
        self._last = (doc, countries, found)
        return found

    def _locate(self, verb: Token, doc_countries: Sequence[str]) -> _Found | None:
        doc = verb.doc
        start, end = (
            (verb.sent.start, verb.sent.end) if doc.has_annotation("DEP") else (0, len(doc))
        )
        analysed = self._analyse(doc, doc_countries)
        starts = self._starts
        if starts[0] is not analysed:
            starts = (analysed, [f.match.start for f in analysed])
        self._starts = starts  # per Doc, so each event's lookup is a bisection, not a scan
        in_sentence = analysed[bisect_left(starts[1], start) : bisect_left(starts[1], end)]
        ranked: list[tuple[tuple[int, float, int, int], _Found]] = []
        for found in in_sentence:
            how = attachment(found.head, found.entry, verb) or struck_subject(found.head, verb)
            if how is not None:
                ranked.append((_preference(how, found), found))
        if ranked:
            return min(ranked, key=lambda pair: pair[0])[1]
        locative = {
            f.entry.id: f
            for f in in_sentence
            if attachment(f.head, f.entry) is not None and not _other_list_item(f.head, verb)
        }
        return next(iter(locative.values())) if len(locative) == 1 else None

    def _toponym(self, doc: Doc, found: _Found) -> Toponym:
        match, entry = found.match, found.entry
        span = match.span(doc)
        others = tuple(e.place for e in match.entries if e.id != entry.id)
        return Toponym(
            start=match.start,
            end=match.end,
            start_char=span.start_char,
            end_char=span.end_char,
            text=span.text,
            place=entry.place,
            candidates=(entry.place, *others),
            role=_role(found),
            within=self.gazetteer.within(entry.place),
        )


def _preference(how: Attachment, found: _Found) -> tuple[int, float, int, int]:
    """Smaller is better: locative first, then most specific, nearest, leftmost."""
    tier = 1 if how.strength == "locative" and not how.under_subject else 2
    return tier, -found.entry.specificity, how.distance, found.match.start


def _role(found: _Found) -> Role:
    if attachment(found.head, found.entry) is not None:
        return "location"
    return "actor" if actor_capable(found.entry) else "other"


_NOUNS = frozenset({"NOUN", "PROPN"})


def _other_list_item(place: Token, predicate: Token) -> bool:
    """Whether a place describes another noun than an event noun's: in "the meeting in
    Washington in March, the summit in April" Washington is the meeting's, not the summit's.
    (Places under the event noun itself are found before this fallback.)"""
    if predicate.pos_ not in _NOUNS:
        return False
    holder = place.head
    while holder.pos_ == "ADP" and holder.head.i != holder.i:
        holder = holder.head
    return holder.i != place.i and holder.pos_ in _NOUNS
