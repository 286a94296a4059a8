"""Evaluate a coder on a gold file: scores, a confusion matrix and the sentences it got wrong."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dyadwatch.evaluation.gold import GoldKind, MulticopedRecord, PloverRecord, load_gold
from dyadwatch.evaluation.scoring import (
    QUAD_NAMES,
    asserted,
    dyad_right,
    predicted_quad,
    score_multicoped,
    score_plover,
    source_right,
    v05_type,
)
from dyadwatch.model import Document, Event

NONE_LABEL = "none"


class _Coder(Protocol):
    """What evaluation needs of a coder (``dyadwatch.coding.coder.Coder`` satisfies it)."""

    version: str

    def code_many(self, documents: Any, batch_size: int | None = None) -> Any: ...


@dataclass(frozen=True, slots=True)
class SentenceOutcome:
    """One gold sentence, its gold label, what the coder produced, and whether it was right."""

    id: str
    text: str
    gold: str
    predicted: str
    right: bool
    events: tuple[str, ...]  # "SRC 190 TGT (asserted)" per event
    error: str | None = None


@dataclass(slots=True)
class EvaluationReport:
    path: str
    kind: GoldKind
    sentences: int
    coder_version: str
    metrics: dict[str, float]
    labels: list[str]  # confusion rows (gold) and columns (predicted, plus "none")
    confusion: dict[str, dict[str, int]]
    outcomes: list[SentenceOutcome] = field(default_factory=list)
    seconds: float = 0.0
    failures: int = 0  # documents whose coding raised (scored as producing nothing)

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds else 0.0

    def errors(self, limit: int | None = None) -> list[SentenceOutcome]:
        wrong = [o for o in self.outcomes if not o.right]
        return wrong if limit is None else wrong[:limit]

    def to_dict(self, errors: int | None = None) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.kind,
            "sentences": self.sentences,
            "coder_version": self.coder_version,
            "metrics": self.metrics,
            "confusion": {"labels": self.labels, "matrix": self.confusion},
            "seconds": round(self.seconds, 2),
            "sentences_per_second": round(self.sentences_per_second, 1),
            "failures": self.failures,
            "errors": [
                {
                    "id": o.id,
                    "text": o.text,
                    "gold": o.gold,
                    "predicted": o.predicted,
                    "events": list(o.events),
                    **({"error": o.error} if o.error else {}),
                }
                for o in self.errors(errors)
            ],
        }

    def render(self, errors: int = 0) -> str:
        """A plain-text report: scores, confusion matrix, then up to ``errors`` misses."""
        lines = [
            f"{self.path}: {self.kind}, {self.sentences} sentences, coder {self.coder_version}",
            f"coding speed: {self.sentences_per_second:.1f} sentences/s"
            + (f", {self.failures} documents failed" if self.failures else ""),
            "",
        ]
        width = max(len(k) for k in self.metrics)
        lines += [f"  {k:<{width}}  {v:.3f}" for k, v in self.metrics.items()]
        lines += ["", "confusion (rows: gold, columns: predicted)", *self._matrix()]
        wrong = self.errors(errors) if errors else []
        if wrong:
            lines += ["", f"first {len(wrong)} sentences it got wrong:"]
            for o in wrong:
                lines.append(f"- [{o.id}] gold {o.gold}, produced {o.predicted}")
                lines.append(f"    {o.text}")
                for event in o.events or ("(no events)",):
                    lines.append(f"    -> {event}")
                if o.error:
                    lines.append(f"    !! {o.error}")
        return "\n".join(lines)

    def _matrix(self) -> list[str]:
        columns = [*self.labels, NONE_LABEL]
        short = {c: c[:5] for c in columns}
        head = " " * 12 + " ".join(f"{short[c]:>5}" for c in columns)
        rows = [head]
        for gold in self.labels:
            counts = self.confusion.get(gold, {})
            rows.append(f"{gold[:11]:<12}" + " ".join(f"{counts.get(c, 0):>5}" for c in columns))
        return rows


def describe(event: Event) -> str:
    target = event.target.code if event.target else "-"
    chain = event.rule.get("chain", "")
    return f"{event.source.code} {event.code} {target} ({event.modality}) [{chain}]"


def evaluate_file(
    path: str | Path, coder: _Coder, batch_size: int | None = None
) -> EvaluationReport:
    """Code every gold sentence of ``path`` as its own document and score the result."""
    gold = load_gold(path)
    documents = gold.documents()
    started = time.perf_counter()
    produced: dict[str, list[Event]] = {}
    errors: dict[str, str] = {}
    for result in coder.code_many(documents, batch_size=batch_size):
        produced[result.document.id] = list(result.events)
        if result.error is not None:
            errors[result.document.id] = f"{type(result.error).__name__}: {result.error}"
    seconds = time.perf_counter() - started
    if gold.kind == "plover":
        report = _plover_report(gold.records, documents, produced, errors)
    else:
        report = _multicoped_report(gold.records, documents, produced, errors)
    report.path = str(path)
    report.coder_version = coder.version
    report.seconds = seconds
    report.failures = len(errors)
    return report


def _plover_report(
    records: Sequence[object],
    documents: list[Document],
    produced: dict[str, list[Event]],
    errors: dict[str, str],
) -> EvaluationReport:
    pairs = [(r, produced.get(d.id, [])) for r, d in zip(records, documents, strict=True)]
    plover_pairs = [(r, e) for r, e in pairs if isinstance(r, PloverRecord)]
    scores = score_plover(plover_pairs)
    metrics: dict[str, float] = {}
    for name, prf in scores.items():
        metrics[f"{name}_precision"] = prf.precision
        metrics[f"{name}_recall"] = prf.recall
        metrics[f"{name}_f1"] = prf.f1
    labels = sorted({r.event for r, _ in plover_pairs})
    confusion: dict[str, Counter[str]] = {label: Counter() for label in labels}
    outcomes: list[SentenceOutcome] = []
    for (gold, events), doc in zip(plover_pairs, documents, strict=True):
        counted = asserted(events)
        right = next((e for e in counted if source_right(e, gold)), None)
        typed = [v05_type(e.code) for e in counted if v05_type(e.code)]
        shown = v05_type(right.code) if right else (typed[0] if typed else None)
        confusion[gold.event][shown or NONE_LABEL] += 1
        outcomes.append(
            SentenceOutcome(
                id=gold.id,
                text=gold.text,
                gold=f"{gold.event} {'/'.join(gold.sources)} -> {'/'.join(gold.targets) or '-'}",
                predicted=shown or NONE_LABEL,
                right=any(dyad_right(e, gold) for e in counted),
                events=tuple(describe(e) for e in events),
                error=errors.get(doc.id),
            )
        )
    return EvaluationReport(
        path="",
        kind="plover",
        sentences=len(plover_pairs),
        coder_version="",
        metrics=metrics,
        labels=labels,
        confusion={k: dict(v) for k, v in confusion.items()},
        outcomes=outcomes,
    )


def _multicoped_report(
    records: Sequence[object],
    documents: list[Document],
    produced: dict[str, list[Event]],
    errors: dict[str, str],
) -> EvaluationReport:
    pairs = [
        (r, produced.get(d.id, []))
        for r, d in zip(records, documents, strict=True)
        if isinstance(r, MulticopedRecord)
    ]
    accuracy, macro, per_class = score_multicoped(pairs)
    metrics = {"accuracy": accuracy, "macro_f1": macro}
    for quad, prf in per_class.items():
        metrics[f"f1_{quad}_{QUAD_NAMES[quad]}"] = prf.f1
    labels = [f"{q} {QUAD_NAMES[q]}" for q in range(5)]
    confusion: dict[str, Counter[str]] = {label: Counter() for label in labels}
    outcomes: list[SentenceOutcome] = []
    for (gold, events), doc in zip(pairs, documents, strict=True):
        predicted = predicted_quad(events)
        column = labels[predicted] if predicted is not None else NONE_LABEL
        confusion[labels[gold.quad]][column] += 1
        outcomes.append(
            SentenceOutcome(
                id=gold.id,
                text=gold.text,
                gold=labels[gold.quad],
                predicted=column,
                right=predicted == gold.quad,
                events=tuple(describe(e) for e in events),
                error=errors.get(doc.id),
            )
        )
    return EvaluationReport(
        path="",
        kind="multicoped",
        sentences=len(pairs),
        coder_version="",
        metrics=metrics,
        labels=labels,
        confusion={k: dict(v) for k, v in confusion.items()},
        outcomes=outcomes,
    )
