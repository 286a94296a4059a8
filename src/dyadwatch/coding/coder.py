"""The coder: Document -> list[Event]. Composes parsing, actors, verbs, dates, modality, places.

``Coder.load(settings)`` loads everything once (spaCy pipeline, actor recognizer, verb
dictionary, codebook, gazetteer); ``code(doc)`` codes one document and ``code_many(docs)``
codes a stream with ``nlp.pipe``, yielding a :class:`CodingResult` per document: a document
whose coding raises carries the exception instead of events, and the stream goes on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch.coding.actors.aliases import described_names
from dyadwatch.coding.actors.companies import firm_led
from dyadwatch.coding.actors.dateline import (
    bureau_dateline,
    dated_country,
    dateline_country,
    document_dateline,
    international_seats,
    lead_countries,
    predecessors,
)
from dyadwatch.coding.actors.organisations import (
    chamber_references,
    legislative_committees,
    named_organisations,
)
from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.actors.relations import entity_actors, owned_officials
from dyadwatch.coding.actors.variants import name_parts, spelling_variants
from dyadwatch.coding.events.audience import press_audience
from dyadwatch.coding.events.background import (
    drop_background,
    home_visit,
    is_aside,
    one_per_act,
    years_before,
)
from dyadwatch.coding.events.control import fallen_places, territory_owners
from dyadwatch.coding.events.coordination import pair_joint_acts
from dyadwatch.coding.events.coreference import PronounAwareCheck
from dyadwatch.coding.events.coups import coup_events
from dyadwatch.coding.events.evaluations import judged_statements
from dyadwatch.coding.events.extractor import EventExtractor
from dyadwatch.coding.events.folds import drop_self_references
from dyadwatch.coding.events.helped import helped_events
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, RecognizerLike
from dyadwatch.coding.events.perpetrators import (
    AgentlessAct,
    in_text_order,
    with_unnamed_parties,
)
from dyadwatch.coding.events.reactions import continued_targets, reaction_targets
from dyadwatch.coding.events.received import critic_nouns, received_criticisms
from dyadwatch.coding.events.references import resolve_references
from dyadwatch.coding.events.similar import similar_acts
from dyadwatch.coding.events.statements import clean_statements
from dyadwatch.coding.events.struck import struck_targets
from dyadwatch.coding.events.third_parties import mediated_parties, recode_peacekeeping
from dyadwatch.coding.events.unattributed import unattributed_events
from dyadwatch.coding.ids import coder_version
from dyadwatch.coding.places.placer import Placer
from dyadwatch.coding.records import RecordBuilder
from dyadwatch.dictionaries.codebook import Codebook, default_codebook
from dyadwatch.dictionaries.gazetteer import Gazetteer
from dyadwatch.dictionaries.tsv import data_digest
from dyadwatch.dictionaries.verbs import VerbDictionary
from dyadwatch.errors import RejectCode
from dyadwatch.model import Document, Event, Reject
from dyadwatch.nlp.pieces import parse_any_length
from dyadwatch.nlp.pipeline import load_pipeline
from dyadwatch.nlp.prefilter import SentencePrefilter
from dyadwatch.settings import Settings


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
        # dateline cities that stand for an international body place nobody (actors/dateline.py)
        self.seats = (
            international_seats(recognizer.dictionary)
            if isinstance(recognizer, ActorRecognizer)
            else frozenset()
        )
        # a dateline's country before its state was founded: its predecessor's
        self.predecessors = (
            predecessors(recognizer.dictionary) if isinstance(recognizer, ActorRecognizer) else {}
        )
        # sentences opening with he/she are parsed too: their actor may be in the one before
        self.prefilter = SentencePrefilter(
            nlp, verbs, PronounAwareCheck(recognizer), gate=self.settings.prefilter_gate
        )
        extra = Path(self.settings.dictionary_dir) if self.settings.dictionary_dir else None
        self.version = coder_version(verbs.version, data_digest(extra))
        # verbs that only report: their bare statements are attribution (events/statements.py)
        self.report_entries = frozenset(p.id for p in verbs.patterns if p.frame == "report")
        self.records = RecordBuilder(recognizer, self.codebook, self.placer, self.version)

    @classmethod
    def load(cls, settings: Settings | None = None) -> Coder:
        settings = settings or Settings()
        extra = Path(settings.dictionary_dir) if settings.dictionary_dir else None
        return cls(
            nlp=load_pipeline(settings.spacy_model, settings.spacy_gemm),
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
        home, lead = self._story_place(document, doc)
        recognized = self._find_actors(document, doc, home, lead)
        # unknown bodies named as such: "the Ogaden Liberation Front" (actors/organisations.py)
        recognized += named_organisations(doc, recognized)
        # "the House Oversight Committee": the legislature (actors/organisations.py)
        recognized += legislative_committees(doc, recognized)
        recognized += chamber_references(doc, recognized)  # "the House" after its full name
        # "the Iranian airline Mahan Air" ... "Mahan": names a description codes (actors/aliases.py)
        recognized += described_names(doc, recognized)
        # "Yahya Sarea said ... Saree said": one surname spelled two ways (actors/variants.py)
        recognized += spelling_variants(doc, recognized)
        # "Mohammad bin Salman ... Mohammad's": a part of an Arabic name (actors/variants.py)
        recognized += name_parts(doc, recognized)
        recognized.sort(key=lambda m: m.start)
        # officials of a company or union speak for it (actors/relations.py)
        mentions = owned_officials(doc, recognized)
        # "He also stressed ...", "the country", "we" in a quote: references to named actors
        entities = entity_actors(doc, mentions)
        index = MentionIndex(
            [*mentions, *resolve_references(doc, mentions, entities)],
            entities,
            frozenset({home}) if home else _story_lead(doc, lead),
        )
        countries = _doc_countries(mentions)
        agentless: list[AgentlessAct] = []
        found = recode_peacekeeping(self.extractor.extract(doc, index, agentless))
        found = mediated_parties(found, index)  # "mediated between X and Y"
        found = territory_owners(found, index)  # "the land, which belonged to X, was seized"
        # "three soldiers were killed", "was arrested": a doer from the text around; "X
        # claimed responsibility": the target of the attack before
        found = with_unnamed_parties(doc, found, agentless, index)
        # "a roadside bomb killed two soldiers", "were arrested in Iran": no one named, the
        # place's armed force, police or courts acted
        found = in_text_order(
            found
            + unattributed_events(doc, index, found, self.placer, countries)
            + fallen_places(doc, index, found)  # "the city fell under rebel control"
            + coup_events(doc, index, found)  # "after the coup in Burma in 2021"
            + received_criticisms(doc, index, found)  # "came under fire from X"
            + critic_nouns(doc, index, found)  # "X is an outspoken critic of Y"
            + helped_events(doc, index, found)  # "did it with help from X"
            + similar_acts(doc, index, found)  # "similar accusations were made by Z"
        )
        # "said X's blockade was illegal": a criticism of X, not a statement (events/evaluations.py)
        found = reaction_targets(drop_self_references(pair_joint_acts(found)), index)
        found = press_audience(found)  # "told reporters": the audience, not a party
        # "The attack was claimed by X" after an attack no event names the target of: what it
        # struck (events/struck.py)
        found = struck_targets(found, doc, index, self.placer, countries)
        found = judged_statements(found, doc, index)
        candidates = clean_statements(
            found,
            index,
            self.report_entries,
            self.settings.nonpolitical_statements,
        )
        # asides, standing states and partnerless meetings are no events (events/background.py)
        candidates = drop_background(candidates)
        events: list[Event] = []
        seen: set[tuple[int, int, str, str, str | None]] = set()
        for candidate in candidates:
            event = self.records.event(document, doc, candidate, index, countries)
            if is_aside(candidate, event.target is not None, years_before(event, document)):
                continue
            if home_visit(event):
                continue
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
        return one_per_act(continued_targets(events))

    def _story_place(self, document: Document, doc: Doc) -> tuple[str | None, frozenset[str]]:
        """The country of the story's dateline, else the countries of the places its first
        sentence names (actors/dateline.py)."""
        dateline = document_dateline(document)
        home = dateline_country(dateline, Gazetteer.default(), self.seats) if dateline else None
        if home is not None:
            # a wire bureau's dateline ("LONDON - Iran said its troops ..."): the story happens
            # where its first sentence is, the bureau's country places none of its actors
            after = len(dateline) if dateline and document.text.startswith(dateline) else 0
            bureau = bureau_dateline(doc, home, Gazetteer.default(), self.seats, after)
            if bureau:
                return None, bureau
            return dated_country(home, document.date, self.predecessors), frozenset()
        return None, lead_countries(doc, Gazetteer.default(), self.seats)

    def _find_actors(
        self, document: Document, doc: Doc, home: str | None, lead: frozenset[str]
    ) -> list[Any]:
        """The actor mentions, with the dateline's country as the story's home country
        (a weak cue for unplaced officials, actors/dateline.py)."""
        if (home is not None or lead) and isinstance(self.recognizer, ActorRecognizer):
            context = self.recognizer.new_context()
            context.home = home
            context.lead = lead
            context.firm_story = firm_led(doc)
            return list(self.recognizer.find(doc, document.date, context))
        return list(self.recognizer.find(doc, document.date))


def _story_lead(doc: Doc, lead: frozenset[str]) -> frozenset[str]:
    """The opening place's countries when a story follows its first sentence; a text of one
    sentence is all opening, its places are those of its acts ("accused of misusing US $5
    million" is no story in the US)."""
    sentences = list(islice(doc.sents, 2)) if doc.has_annotation("SENT_START") else []
    return lead if len(sentences) > 1 else frozenset()


def _doc_countries(mentions: Sequence[MentionLike]) -> list[str]:
    """Country codes of a document's actors, most mentioned first (for place disambiguation)."""
    counts = Counter(m.actor.country for m in mentions if m.actor.country)
    return [c for c, _ in counts.most_common()]
