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
from dyadwatch.model import Document, Event
from dyadwatch.verifier.policy import ModelTag, Prediction, VerifierPolicy, verify_sentence


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
        sentences: list[str] = []
        for _, coded_events in coded:
            by_sentence: dict[int, list[Event]] = {}
            for event in coded_events:
                by_sentence.setdefault(event.sentence_index, []).append(event)
            groups.append(list(by_sentence.values()))
            sentences.extend(group[0].evidence.text for group in by_sentence.values())
        predictions = iter(self.predictor.predict(sentences) if sentences else [])
        out: list[VerifiedResult] = []
        for (document, _), doc_groups in zip(coded, groups, strict=True):
            events: list[Event] = []
            dropped: list[Event] = []
            for group in doc_groups:
                verdict = verify_sentence(
                    group, next(predictions), self.policy, self.tag, self.codebook
                )
                events.extend(verdict.events)
                dropped.extend(verdict.dropped)
            out.append(VerifiedResult(document, events, None, dropped))
        return out
