"""Finding place names in a parsed document (pure: Doc in, matches out).

Per sentence, the tokens become a stream of folded words (punctuation drops out, see
:mod:`~dyadwatch.dictionaries.placenames`) and the longest run of words that is a gazetteer key wins
at each position, so "East China Sea" is never "China" and "Gaza Strip" is never "Gaza".
Then:

- a parenthesised name in another script right after or inside a name ("Chunxiao (春曉) gas
  field", "Diaoyutai Islands (釣魚台)") is the same place: it joins that match;
- "Paris, Texas" and "Alexandria, VA": a city followed by its state or country is one match,
  restricted to the cities there;
- "the Strait", after one strait has been named, is that strait.

Gates keep common words out: a name written all in lower case is not a place ("turkey",
"china"; only multi-word curated names such as "first island chain" may be lower case), and
nothing inside a longer person name is ("John Bolton", "Michael Jordan"). A GeoNames city also
needs a place-like reading. By its main name: spaCy tags it GPE/LOC/FAC, or it is a proper noun
(not tagged a date, number or nationality, not the end of a longer name) after a locative
preposition, or it is a capital or a city of a million ("shelled Kharkiv"). By an alternate
name (GeoNames alternates hold odd words: "Lion" for Lyon): after a locative preposition, or
tagged as a place and a city of 100,000+. A stop name ("March", "Police") and a name inside a
longer entity that is not a place ("Notre Dame", "Mahan Air") are never cities. Names in other
scripts (東京, Москва) need no reading beyond their case.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.places.roles import SCENE_NOUNS
from dyadwatch.dictionaries.gazetteer import Gazetteer, prominence
from dyadwatch.dictionaries.gazetteer_data import Entry
from dyadwatch.dictionaries.placenames import MAX_WORDS, is_latin_word, name_key
from dyadwatch.dictionaries.placenames import fold as _fold
from dyadwatch.dictionaries.placenames import words as _words

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAME_LABELS = frozenset({"PERSON", "ORG"})  # the small model often gives these to cities
_NOT_PLACE_LABELS = frozenset(
    {"PERSON", "ORG", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# a word right before an untagged proper noun that makes it read as a place
_LOCATIVE_BEFORE = frozenset(
    {"in", "at", "near", "from", "to", "into", "across", "through", "off", "around", "outside",
     "inside", "within", "toward", "towards", "via", "along", "over", "on", "visit", "visited"}
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an"})
# nouns that name what kind of settlement the "of" phrase after them is
_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "capital", "municipality"})
# capitalised heads that, after "the", refer back to the one place of that kind already named
_ANAPHORIC_HEADS = frozenset(
    {"strait", "straits", "sea", "gulf", "peninsula", "islands", "shoal", "reef", "channel",
     "canal", "valley", "plateau", "corridor", "archipelago", "heights", "strip"}
)  # fmt: skip
_OPEN = frozenset({"(", "（"})
_CLOSE = frozenset({")", "）"})
_MAX_ALIAS_TOKENS = 4

# folding (three Unicode normalisations a word) is pure and news repeats its words: one
# folding per distinct token text
fold = lru_cache(maxsize=1 << 16)(_fold)
words = lru_cache(maxsize=1 << 16)(_words)


def key_prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Every proper word prefix of the multi-word keys: "east china" of "east china sea". A
    run of words that is none of these cannot grow into a key, so matching stops there."""
    prefixes: set[str] = set()
    for key in keys:
        end = key.rfind(" ")
        while end > 0:
            prefixes.add(key[:end])
            end = key.rfind(" ", 0, end)
    return frozenset(prefixes)


@dataclass(slots=True)
class ToponymMatch:
    """A toponym found in the text: token span and the places its name may denote."""

    start: int  # token index
    end: int  # token index, exclusive
    key: str
    entries: list[Entry]
    alias: tuple[int, int] | None = None  # token span of a linked other-script alias
    unambiguous: bool = False  # the name (or name + qualifier) denotes one place only
    notes: list[str] = field(default_factory=list)  # how it was found (qualifier, anaphora)

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]

    def head(self, doc: Doc) -> Token:
        """The syntactic head of the name: its token whose head lies outside the match."""
        alias = range(*self.alias) if self.alias else range(0)
        tokens = [t for t in doc[self.start : self.end] if words(t.text) and t.i not in alias]
        for token in tokens:
            if not self.start <= token.head.i < self.end or token.head.i == token.i:
                return token
        return tokens[-1] if tokens else doc[self.start]


class _Word(NamedTuple):  # one per word of the text: a tuple is quicker to make
    token: int
    words: tuple[str, ...]


def _sentences(doc: Doc) -> Iterator[tuple[int, int]]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for sent in doc.sents:
            yield sent.start, sent.end
    else:
        yield 0, len(doc)


def _alias_group(texts: Sequence[str], i: int, end: int) -> int | None:
    """End (exclusive) of a parenthesised other-script alias opening at token ``i``, if any."""
    if texts[i] not in _OPEN:
        return None
    inner: list[str] = []
    for j in range(i + 1, min(end, i + 2 + _MAX_ALIAS_TOKENS)):
        if texts[j] in _CLOSE:
            if inner and not any(is_latin_word(w) for w in inner):
                return j + 1
            return None
        inner.extend(words(texts[j]))
    return None


def _stream(
    texts: Sequence[str], start: int, end: int
) -> tuple[list[_Word], dict[int, tuple[int, int]]]:
    """Word tokens of a sentence (``texts``: the Doc's token texts), and alias groups keyed by
    the stream position before them."""
    stream: list[_Word] = []
    groups: dict[int, tuple[int, int]] = {}
    i = start
    while i < end:
        group_end = _alias_group(texts, i, end) if stream else None
        if group_end is not None:
            groups[len(stream) - 1] = (i, group_end)
            i = group_end
            continue
        found = words(texts[i])
        if found:
            stream.append(_Word(i, found))
        i += 1
    return stream, groups


class ToponymFinder:
    """Finds :class:`ToponymMatch` es in a Doc with one gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._prefixes = key_prefixes(gazetteer.keys())

    def find(self, doc: Doc) -> list[ToponymMatch]:
        matches: list[ToponymMatch] = []
        strings = doc.vocab.strings  # the token texts from the ORTH array, no Token objects
        texts = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
        for start, end in _sentences(doc):
            stream, groups = _stream(texts, start, end)
            found = self._match_stream(doc, stream)
            matches.extend(self._link_aliases(doc, texts, found, stream, groups))
        matches = self._merge_qualifiers(doc, sorted(matches, key=lambda m: m.start))
        return self._resolve_anaphora(doc, matches)

    def _match_stream(self, doc: Doc, stream: list[_Word]) -> list[ToponymMatch]:
        out: list[ToponymMatch] = []
        i = 0
        while i < len(stream):
            parts: list[str] = []
            found: list[tuple[int, str]] = []
            for j in range(i, len(stream)):
                parts.extend(stream[j].words)
                if len(parts) > MAX_WORDS:
                    break
                key = " ".join(parts)
                if self.gazetteer.has_key(key):
                    found.append((j, key))
                if key not in self._prefixes:
                    break  # no longer key starts with these words
            accepted = None
            for j, key in reversed(found):  # longest first; a gated-out long name may give way
                start, stop = stream[i].token, stream[j].token + 1
                entries = self._gate(doc, start, stop, key)
                if entries:
                    unique = len(self.gazetteer.candidates(key)) == 1
                    accepted = ToponymMatch(start, stop, key, entries, unambiguous=unique), j
                    break
            if accepted is None:
                i += 1
                continue
            out.append(accepted[0])
            i = accepted[1] + 1
        return out

    def _link_aliases(
        self,
        doc: Doc,
        texts: Sequence[str],
        matches: list[ToponymMatch],
        stream: list[_Word],
        groups: dict[int, tuple[int, int]],
    ) -> list[ToponymMatch]:
        """Attach other-script aliases to the name they follow; match the others on their own."""
        position = {w.token: p for p, w in enumerate(stream)}
        used: set[int] = set()
        for match in matches:
            first = position[match.start]
            last = max(p for t, p in position.items() if match.start <= t < match.end)
            for p in range(first, last + 1):
                if p in groups:
                    group = groups[p]
                    if p == last:
                        match.end = group[1]
                    match.alias = group
                    used.add(p)
        extra: list[ToponymMatch] = []
        for p, (start, stop) in groups.items():
            if p not in used:
                inner, _ = _stream(texts, start + 1, stop - 1)
                extra.extend(self._match_stream(doc, inner))
        return matches + extra

    def _gate(self, doc: Doc, start: int, end: int, key: str) -> list[Entry]:
        tokens = [t for t in doc[start:end] if words(t.text)]
        lower = all(t.text[:1].islower() for t in tokens)  # any cased script: "мире", "china"
        single = " " not in key
        in_name = _inside_longer_entity(doc, start, end, _NAME_LABELS)
        in_person = in_name and _inside_longer_entity(doc, start, end, frozenset({"PERSON"}))
        keep: list[Entry] = []
        for entry in self.gazetteer.candidates(key):
            if lower and (single or entry.kind != "curated"):
                continue  # "turkey", "china", "reading": common words
            if entry.kind == "curated":
                keep.append(entry)  # curated names are specific; the NER often mislabels them
                continue
            if in_person or (in_name and entry.kind == "city"):
                continue  # "Michael Jordan", "John Bolton", "Mahan Air"
            if entry.kind == "city" and not self._city_reading(doc, start, end, entry, key):
                continue
            keep.append(entry)
        return keep

    def _city_reading(self, doc: Doc, start: int, end: int, city: Entry, key: str) -> bool:
        """A GeoNames city name reads as a place here (see module doc)."""
        if not all(is_latin_word(w) for w in key.split()):
            return True  # 東京, Москва: another script in English text is a name
        if key in self.gazetteer.stopnames:
            return False
        if _named_as_settlement(doc, start):
            return True  # "the town of Samarra", whatever the NER calls the name
        if _inside_longer_entity(doc, start, end, _NOT_PLACE_LABELS):
            return False  # "Notre Dame", "Kennedy Space Center", "Mahan Air"
        labels = {t.ent_type_ for t in doc[start:end] if t.ent_type_}
        placey = bool(labels & _PLACE_LABELS)
        if not placey:
            if labels - _NAME_LABELS:
                return False  # DATE ("March"), NORP, EVENT, numbers ...
            tokens = [t for t in doc[start:end] if words(t.text)]
            if doc.has_annotation("TAG"):
                proper = all(t.pos_ == "PROPN" for t in tokens)
            else:
                proper = all(t.text[:1].isupper() for t in tokens)
            before = doc[start - 1] if start > 0 else None
            if not proper or (before is not None and before.pos_ == "PROPN"):
                return False  # a common word, or the end of a longer name ("Amy Berman Jackson")
        # "in Tyumen" but not "in the Argo rescue": the name must end its noun phrase
        ends_phrase = end >= len(doc) or doc[end].pos_ != "NOUN"
        locative = ends_phrase and _preceded_by_locative(doc, start)
        rank = prominence(city)
        if key == name_key(city.place.name):
            # the small model tags "Kharkiv" and "Kyiv" PERSON: capitals and cities of a
            # million need no tag or preposition ("shelled Kharkiv")
            return placey or locative or rank == 3 or _named_as_struck(doc, end)
        # alternate names hold odd words ("Lion" for Lyon, "Saba" for Saaba): more is needed
        return locative or (placey and rank >= 2)

    def _merge_qualifiers(self, doc: Doc, matches: list[ToponymMatch]) -> list[ToponymMatch]:
        """ "Paris, Texas" / "Alexandria, VA" / "Tripoli, Lebanon": one match, the city there."""
        out: list[ToponymMatch] = []
        skip: set[int] = set()
        for n, match in enumerate(matches):
            if n in skip:
                continue
            cities = [e for e in match.entries if e.kind == "city"]
            comma = match.end
            if cities and comma + 1 < len(doc) and doc[comma].text == ",":
                following = matches[n + 1] if n + 1 < len(matches) else None
                narrowed, stop = self._qualified(doc, cities, comma + 1, following)
                if narrowed:
                    match.entries, match.end = narrowed, stop
                    match.unambiguous = len(narrowed) == 1
                    match.notes.append("qualified")
                    if following is not None and following.start == comma + 1:
                        skip.add(n + 1)
            out.append(match)
        return out

    def _qualified(
        self, doc: Doc, cities: list[Entry], at: int, following: ToponymMatch | None
    ) -> tuple[list[Entry], int]:
        code = doc[at].text.replace(".", "").upper()
        state = self.gazetteer.us_states.get(code) if len(code) == 2 else None
        if state is not None:
            return [c for c in cities if _inside(c, state)], at + 1
        if following is None or following.start != at:
            return [], at
        for area in following.entries:
            if area.kind in ("us_state", "country"):
                narrowed = [c for c in cities if _inside(c, area)]
                if narrowed:
                    return narrowed, following.end
        return [], at

    def _resolve_anaphora(self, doc: Doc, matches: list[ToponymMatch]) -> list[ToponymMatch]:
        """ "the Strait" after "the Taiwan Strait": the one earlier place with that head word."""
        # unambiguous curated places by the last word of their name (one pass: linear)
        by_head: dict[str, list[tuple[int, Entry]]] = {}
        for m in matches:
            if len(m.entries) == 1 and m.entries[0].kind == "curated":
                entry = m.entries[0]
                by_head.setdefault(fold(entry.place.name.split()[-1]), []).append((m.end, entry))
        if not by_head:
            return sorted(matches, key=lambda m: m.start)  # nothing to refer back to
        covered = {i for m in matches for i in range(m.start, m.end)}
        extra: list[ToponymMatch] = []
        for token in doc:
            if (
                token.i in covered
                or token.i == 0
                or not token.text[:1].isupper()
                or fold(token.text) not in _ANAPHORIC_HEADS
                or doc[token.i - 1].lower_ != "the"
                or (token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper())
            ):
                continue
            head = fold(token.text)
            earlier = {e.id: e for end, e in by_head.get(head, ()) if end <= token.i}
            if len(earlier) == 1:
                entries = list(earlier.values())
                extra.append(ToponymMatch(token.i, token.i + 1, head, entries, notes=["anaphora"]))
        return sorted(matches + extra, key=lambda m: m.start)


def _inside(city: Entry, area: Entry) -> bool:
    if area.kind == "us_state":
        return city.place.country == "USA" and city.admin1 == area.admin1
    return city.place.country == area.place.country


def _inside_longer_entity(doc: Doc, start: int, end: int, labels: frozenset[str]) -> bool:
    """True when the span is a strict part of one named entity with one of ``labels``."""
    label = doc[start].ent_type_
    if label not in labels or any(doc[k].ent_iob_ != "I" for k in range(start + 1, end)):
        return False
    first = start
    while first > 0 and doc[first].ent_iob_ == "I":  # token-level walk: doc.ents is slow
        first -= 1
    last = end
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return (last - first) > (end - start)


def _named_as_settlement(doc: Doc, start: int) -> bool:
    """ "the town of X", "the Iraqi city of X": the phrase itself says X is a place."""
    return (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in _SETTLEMENT_NOUNS
        and doc[start].text[:1].isupper()
    )


def _named_as_struck(doc: Doc, end: int) -> bool:
    """A name a copula calls the target or scene of something ("Abqaiq was the target of an
    attack"): what is struck there is a place, whatever the NER calls the name."""
    head = doc[end - 1]
    if head.dep_ != "nsubj" or head.head.lemma_ != "be":
        return False
    return any(
        c.dep_ == "attr"
        and c.lemma_.lower() in SCENE_NOUNS
        and any(p.lower_ == "of" for p in c.children)
        for c in head.head.children
    )


def _preceded_by_locative(doc: Doc, start: int) -> bool:
    i = start - 1
    while i >= 0 and doc[i].lower_ in _DETERMINERS:
        i -= 1
    return i >= 0 and doc[i].lower_ in _LOCATIVE_BEFORE
