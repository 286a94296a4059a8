"""The coder: Document -> list[Event]. Composes parsing, actors, verbs, dates, modality, places.

``Coder.load(settings)`` loads everything once (spaCy pipeline, actor recognizer, verb
dictionary, codebook, gazetteer); ``code(doc)`` codes one document and ``code_many(docs)``
codes a stream with ``nlp.pipe``, yielding a :class:`CodingResult` per document: a document
whose coding raises carries the exception instead of events, and the stream goes on.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyadwatch.coding.actors import ActorRecognizer
from dyadwatch.coding.arguments import PLACE_TARGET_ROOTS
from dyadwatch.coding.coreference import PronounAwareCheck, resolve_pronouns
from dyadwatch.coding.dates import resolve_event_date
from dyadwatch.coding.events import EventCandidate, EventExtractor
from dyadwatch.coding.ids import coder_version, event_id
from dyadwatch.coding.mentions import MentionIndex, MentionLike, RecognizerLike
from dyadwatch.coding.modality import attribution_of, modality_of
from dyadwatch.coding.places import Placer
from dyadwatch.coding.prefilter import SentencePrefilter
from dyadwatch.dictionaries.codebook import Codebook, default_codebook
from dyadwatch.dictionaries.verbs import VerbDictionary
from dyadwatch.errors import RejectCode
from dyadwatch.model import (
    Actor,
    Document,
    Event,
    EventDate,
    Evidence,
    Modality,
    Place,
    Plover,
    Reject,
)
from dyadwatch.nlp.pieces import parse_any_length
from dyadwatch.nlp.pipeline import load_pipeline
from dyadwatch.settings import Settings

# threats of force or restriction land where they would be carried out
THREAT_CODES = "13"
# acts with no named target that are domestic by nature: protest (14), repression (17), a
# concession such as lifting a curfew (08), threats of political restrictions (132, 133)
DOMESTIC_ROOTS = frozenset({"08", "14", "17"})
DOMESTIC_THREATS = ("132", "133")


@dataclass(frozen=True, slots=True)
class CodingResult:
    """The outcome of coding one document: its events, or the error that stopped it."""

    document: Document
    events: list[Event]
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def reject(self) -> Reject:
        """A ``coding_failed`` reject for a failed document (the run records it and goes on)."""
        origin = self.document.origin or self.document.id
        detail = f"{type(self.error).__name__}: {self.error}" if self.error else "unknown error"
        return Reject(
            origin=origin, code=RejectCode.CODING_FAILED, reason=f"coding failed: {detail}"
        )


class Coder:
    """Codes documents into events; build once with :meth:`load` and reuse."""

    def __init__(
        self,
        nlp: Language,
        recognizer: RecognizerLike[Any],
        verbs: VerbDictionary,
        codebook: Codebook | None = None,
        placer: Placer | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp
        self.recognizer = recognizer
        self.verbs = verbs
        self.codebook = codebook or default_codebook()
        self.placer = placer or Placer.load()
        self.extractor = EventExtractor(verbs)
        # sentences opening with he/she are parsed too: their actor may be in the one before
        self.prefilter = SentencePrefilter(nlp, verbs, PronounAwareCheck(recognizer))
        self.version = coder_version(verbs.version)

    @classmethod
    def load(cls, settings: Settings | None = None) -> Coder:
        settings = settings or Settings()
        extra = Path(settings.dictionary_dir) if settings.dictionary_dir else None
        return cls(
            nlp=load_pipeline(settings.spacy_model),
            recognizer=ActorRecognizer.load(extra),
            verbs=VerbDictionary.load(extra),
            codebook=default_codebook(),
            placer=Placer.load(),
            settings=settings,
        )

    # ------------------------------------------------------------------ coding
    def parse(self, document: Document) -> Doc:
        if self.settings.prefilter:
            return self.prefilter.parse(document.text)
        return parse_any_length(self.nlp, document.text)

    def code(self, document: Document) -> list[Event]:
        """Events of one document, in text order."""
        return self.code_parsed(document, self.parse(document))

    def code_many(
        self, documents: Iterable[Document], batch_size: int | None = None
    ) -> Iterator[CodingResult]:
        """Code a stream of documents, parsing in batches; one result per document, in order.

        A document whose coding raises yields a result with ``error`` set (turn it into a
        reject with :meth:`CodingResult.reject`); the documents after it are still coded.
        """
        size = batch_size or self.settings.batch_size
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def parse_many(self, documents: Sequence[Document]) -> list[Doc]:
        """Parse documents together: the sentences of all of them go through one ``nlp.pipe``."""
        if self.settings.prefilter:
            return self.prefilter.parse_many([d.text for d in documents])
        return [parse_any_length(self.nlp, d.text) for d in documents]

    def _code_batch(self, batch: list[Document]) -> Iterator[CodingResult]:
        try:
            docs = self.parse_many(batch)
        except Exception:  # one bad text must not sink its batch: retry one by one
            for document in batch:
                yield self._guarded(document, None)
            return
        for document, parsed in zip(batch, docs, strict=True):
            yield self._guarded(document, parsed)

    def _guarded(self, document: Document, parsed: Doc | None) -> CodingResult:
        try:
            parsed = parsed if parsed is not None else self.parse(document)
            return CodingResult(document, self.code_parsed(document, parsed))
        except Exception as exc:  # recorded per document; the stream goes on
            return CodingResult(document, [], exc)

    def code_parsed(self, document: Document, doc: Doc) -> list[Event]:
        """Events of a document whose text has already been parsed into ``doc``."""
        mentions = list(self.recognizer.find(doc, document.date))
        # "He also stressed ...": a clause-initial he/she takes the one person named just before
        index = MentionIndex([*mentions, *resolve_pronouns(doc, mentions)])
        candidates = self.extractor.extract(doc, index)
        countries = _doc_countries(mentions)
        events: list[Event] = []
        seen: set[tuple[int, int, str, str, str | None]] = set()
        for candidate in candidates:
            event = self._event(document, doc, candidate, index, countries)
            key = (
                event.sentence_index,
                candidate.predicate.i,
                event.code,
                event.source.code,
                event.target.code if event.target else None,
            )
            if key not in seen:
                seen.add(key)
                events.append(event)
        return events

    # ------------------------------------------------------------------ records
    def _event(
        self,
        document: Document,
        doc: Doc,
        candidate: EventCandidate,
        index: MentionIndex,
        countries: list[str],
    ) -> Event:
        predicate = candidate.predicate
        date = resolve_event_date(predicate, document.date)
        when = _as_date(date) or document.date
        source = self.recognizer.at_date(candidate.source, when)
        target = self.recognizer.at_date(candidate.target, when) if candidate.target else None
        entry = self.codebook.get(candidate.code)
        location = self.placer.locate(predicate, countries)
        event_type, mode = self.codebook.plover(candidate.code)
        sentence = candidate.sentence
        verb_span = _char_span(candidate.verb_tokens)
        spans = {"source": _mention_chars(doc, candidate.source), "verb": verb_span}
        if candidate.target is not None:
            spans["target"] = _mention_chars(doc, candidate.target)
        rule = {
            "verb": candidate.entries[0],
            "chain": " > ".join(candidate.entries),
            "source": f"{candidate.source_rule}: {candidate.source.rule}",
        }
        if candidate.target is not None:
            rule["target"] = f"{candidate.target_rule}: {candidate.target.rule}"
        elif (fallback := fallback_target(candidate.code, source, location)) is not None:
            target, rule["target"] = fallback
        if candidate.recoded:
            rule["recoded"] = candidate.recoded
        return Event(
            id=event_id(
                document.id,
                candidate.sentence_index,
                verb_span,
                candidate.code,
                source.code,
                target.code if target else None,
                self.version,
            ),
            doc_id=document.id,
            sentence_index=candidate.sentence_index,
            evidence=Evidence(sentence.text, sentence.start_char, sentence.end_char, spans),
            source=source,
            target=target,
            code=candidate.code,
            root_code=entry.root_code,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover=Plover(event_type, mode),
            modality=_modality(predicate, candidate),
            attributed_to=self._attribution(predicate, index, when),
            date=date,
            location=location,
            rule=rule,
        )

    def _attribution(
        self, predicate: Token, index: MentionIndex, when: dt.date | None
    ) -> str | None:
        speaker = attribution_of(predicate)
        if speaker is None:
            return None
        found = index.head_mentions(speaker)
        if not found:
            return None
        return self.recognizer.at_date(found[0], when).code


def fallback_target(code: str, source: Actor, location: Place | None) -> tuple[Actor, str] | None:
    """The target of an act that names none (docs/verbs.md): force or restriction lands on the
    country it happens in ("imposed a curfew in Abidjan" -> CIV); a protest, a repression or a
    concession with no place and no target is domestic: aimed at the source's own country."""
    root = code[:2]
    placed = root in PLACE_TARGET_ROOTS or code.startswith(THREAT_CODES)
    if placed and location is not None and location.country is not None:
        country = location.country
        return Actor(code=country, name=location.name, country=country), "location"
    if (root in DOMESTIC_ROOTS or code.startswith(DOMESTIC_THREATS)) and source.country:
        country = source.country
        return Actor(code=country, name=country, country=country), "domestic: own country"
    return None


def _modality(predicate: Token, candidate: EventCandidate) -> Modality:
    modality = modality_of(predicate)
    # a future act recoded as an intent or threat is itself asserted: the promise was made
    if candidate.recoded == "future" and modality != "question":
        return "asserted"
    return modality


def _as_date(date: EventDate) -> dt.date | None:
    if date.value is None:
        return None
    parts = date.value.split("-")
    try:
        return dt.date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


def _char_span(tokens: tuple[Token, ...]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _mention_chars(doc: Doc, mention: MentionLike) -> tuple[int, int]:
    span = doc[mention.start : mention.end]
    return span.start_char, span.end_char


def _doc_countries(mentions: list[MentionLike]) -> list[str]:
    """Country codes of a document's actors, most mentioned first (for place disambiguation)."""
    counts = Counter(m.actor.country for m in mentions if m.actor.country)
    return [c for c, _ in counts.most_common()]


def code_documents(
    coder: Coder, documents: Iterable[Document]
) -> Iterator[tuple[Document, list[Event] | Reject]]:
    """Convenience for interfaces: each document with its events, or its reject."""
    for result in coder.code_many(documents):
        yield result.document, (result.events if result.ok else result.reject())
