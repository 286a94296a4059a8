"""Put a verifier behind any coder: :class:`VerifiedCoder` wraps the rule coder's output.

It offers what callers use of a coder (``code``, ``code_many``, ``version``; any other
attribute is the wrapped coder's), so the engine, the store, ``code`` and ``evaluate`` run
unchanged. Sentences are sent to the model in batches across documents. Dropped events leave
the event stream; :meth:`VerifiedCoder.code_verified` (used by the engine) returns them too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.model import Actor, Document, Event
from dyadwatch.verifier.examples import NONE_CLASS, split_sentences
from dyadwatch.verifier.policy import (
    ModelTag,
    Prediction,
    VerifierPolicy,
    propose_in_sentence,
    verify_sentence,
)


class Predictor(Protocol):
    """What the wrapper needs of a model (:class:`~dyadwatch.verifier.inference.Verifier`)."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    def predict(self, sentences: Sequence[str]) -> list[Prediction]: ...


class InnerCoder(Protocol):
    @property
    def version(self) -> str: ...

    def code(self, document: Document) -> list[Event]: ...


@dataclass(frozen=True, slots=True)
class VerifiedResult:
    """One document's outcome, shaped like the rule coder's ``CodingResult``."""

    document: Document
    events: list[Event]
    error: Exception | None = None
    dropped: list[Event] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    def reject(self) -> Any:
        from dyadwatch.coding.coder import CodingResult

        return CodingResult(self.document, self.events, self.error).reject()


class VerifiedCoder:
    """The rule coder's events, judged by a verifier model sentence by sentence."""

    def __init__(
        self,
        inner: InnerCoder,
        predictor: Predictor,
        policy: VerifierPolicy | None = None,
        batch_documents: int = 64,
    ) -> None:
        self.inner = inner
        self.predictor = predictor
        self.policy = policy or VerifierPolicy()
        self.tag = ModelTag(predictor.name, predictor.version)
        self.batch_documents = batch_documents
        self.codebook = default_codebook()

    @property
    def version(self) -> str:
        """The rule coder's version plus the model's: runs and stores record both."""
        return f"{self.inner.version}+verifier-{self.tag.version}"

    def __getattr__(self, name: str) -> Any:
        # settings, dictionary_version, nlp, ...: whatever callers read of the rule coder
        return getattr(self.inner, name)

    def code(self, document: Document) -> list[Event]:
        return self.code_verified(document)[0]

    def code_verified(self, document: Document) -> tuple[list[Event], list[Event]]:
        """(events, dropped events) of one document."""
        result = self.verify([(document, self.inner.code(document))])[0]
        return result.events, result.dropped

    def code_many(
        self, documents: Iterable[Document], batch_size: int | None = None
    ) -> Iterator[VerifiedResult]:
        """Like the rule coder's ``code_many``; a failed document keeps its error and goes
        unjudged. The model reads the sentences of ``batch_documents`` documents at a time."""
        code_many = getattr(self.inner, "code_many", None)
        if code_many is None:
            raw: Iterable[Any] = (
                VerifiedResult(d, self.inner.code(d)) for d in documents
            )  # a plugin coder without code_many
        else:
            raw = code_many(documents, batch_size=batch_size)
        pending: list[Any] = []
        for result in raw:
            pending.append(result)
            if len(pending) >= self.batch_documents:
                yield from self._judge(pending)
                pending = []
        if pending:
            yield from self._judge(pending)

    def _judge(self, results: list[Any]) -> list[VerifiedResult]:
        ok = [(r.document, list(r.events)) for r in results if r.error is None]
        verified = iter(self.verify(ok))
        return [
            next(verified)
            if r.error is None
            else VerifiedResult(r.document, list(r.events), r.error)
            for r in results
        ]

    def verify(self, coded: Sequence[tuple[Document, list[Event]]]) -> list[VerifiedResult]:
        """Judge the events of already-coded documents, one model batch for all of them."""
        groups: list[list[list[Event]]] = []  # per document, per sentence
        bare: list[list[tuple[int, int, int]]] = []  # per document: sentences without events
        sentences: list[str] = []
        for document, coded_events in coded:
            by_sentence: dict[int, list[Event]] = {}
            for event in coded_events:
                by_sentence.setdefault(event.sentence_index, []).append(event)
            groups.append(list(by_sentence.values()))
            sentences.extend(group[0].evidence.text for group in by_sentence.values())
            found = self._bare_sentences(document, coded_events)
            bare.append(found)
            sentences.extend(document.text[a:b] for _, a, b in found)
        predictions = iter(self.predictor.predict(sentences) if sentences else [])
        out: list[VerifiedResult] = []
        for (document, _), doc_groups, doc_bare in zip(coded, groups, bare, strict=True):
            events: list[Event] = []
            dropped: list[Event] = []
            for group in doc_groups:
                verdict = verify_sentence(
                    group, next(predictions), self.policy, self.tag, self.codebook
                )
                events.extend(verdict.events)
                dropped.extend(verdict.dropped)
            for sentence in doc_bare:
                prediction = next(predictions)
                label, p = prediction.best()
                if label == NONE_CLASS or p < self.policy.propose_min:
                    continue  # not worth a parse
                proposal = propose_in_sentence(
                    document,
                    sentence,
                    self._actors(document, sentence),
                    prediction,
                    self.policy,
                    self.tag,
                    self.codebook,
                )
                if proposal is not None:
                    events.append(proposal)
            if doc_bare:
                events.sort(key=lambda e: e.evidence.start)  # stable: rule order kept
            out.append(VerifiedResult(document, events, None, dropped))
        return out

    def _bare_sentences(
        self, document: Document, events: Sequence[Event]
    ) -> list[tuple[int, int, int]]:
        """(index, start, end) of the sentences with no rule event that could name an actor,
        when the policy proposes events there and the coder can find actors."""
        if self.policy.propose != "sentences" or self._finder() is None:
            return []
        covered = [(e.evidence.start, e.evidence.end) for e in events]
        could = getattr(self.inner.recognizer, "could_mention_actor", None)  # type: ignore[attr-defined]
        out = []
        for index, (start, end) in enumerate(split_sentences(document.text)):
            if any(start < c_end and c_start < end for c_start, c_end in covered):
                continue
            if could is None or could(document.text[start:end]):
                out.append((index, start, end))
        return out

    def _finder(self) -> tuple[Any, Any] | None:
        """The rule coder's parser and actor recognizer, when it has them (the packaged coder
        does; a plugin coder may not, and then only replacements are proposed)."""
        nlp = getattr(self.inner, "nlp", None)
        recognizer = getattr(self.inner, "recognizer", None)
        if nlp is None or not hasattr(recognizer, "find"):
            return None
        return nlp, recognizer

    def _actors(
        self, document: Document, sentence: tuple[int, int, int]
    ) -> list[tuple[Actor, tuple[int, int]]]:
        """The actors the rule coder's recognizer finds in one sentence, with character spans
        into the document."""
        finder = self._finder()
        if finder is None:
            return []
        nlp, recognizer = finder
        _, start, end = sentence
        parsed = nlp(document.text[start:end])
        found: list[tuple[Actor, tuple[int, int]]] = []
        for mention in recognizer.find(parsed, document.date):
            first, last = parsed[mention.start], parsed[mention.end - 1]
            found.append((mention.actor, (start + first.idx, start + last.idx + len(last.text))))
        return found
