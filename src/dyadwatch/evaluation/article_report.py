"""Scoring the coder on article gold: precision/recall per event class, dates, statement share,
target share, and the kinds of error, with a listing of misses and extras (docs/evaluation.md)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dyadwatch.errors import EvaluationError
from dyadwatch.evaluation.articles import (
    GoldEvent,
    anchor_in,
    article_of,
    load_article_gold,
    match_article,
    miss_kind,
)
from dyadwatch.evaluation.scoring import PRF, asserted, quad_of
from dyadwatch.model import Document, Event

CONFIDENCE_THRESHOLDS = (0.0, 0.3, 0.5, 0.7, 0.9)


class _Coder(Protocol):
    version: str

    def code_many(self, documents: Any, batch_size: int | None = None) -> Any: ...


def is_bare_statement(event: Event) -> bool:
    """A public statement or appeal (roots 01-02) that names no one it is addressed to."""
    return event.code[:2] in {"01", "02"} and event.target is None


def describe(event: Event) -> str:
    target = event.target.code if event.target else "-"
    return f"{event.source.code} {event.code} {target} @{event.date.value or '?'}"


def date_agrees(gold_date: str | None, event_date: str | None) -> bool:
    """Whether an event's date falls within the gold's, read at the gold's precision.

    A gold of "2019-09" says only the month is known from the text: an event dated
    2019-09-04 agrees with it, one dated 2019 (coarser than the gold) or 2019-10-01 does not.
    """
    if not gold_date or not event_date or len(event_date) < len(gold_date):
        return False
    return event_date[: len(gold_date)] == gold_date


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    article: str
    gold: tuple[GoldEvent, ...]
    events: tuple[Event, ...]  # asserted events of the article's documents
    matched: tuple[tuple[int, int], ...]  # (gold index, event index)

    def missed(self) -> list[GoldEvent]:
        hit = {g for g, _ in self.matched}
        return [g for i, g in enumerate(self.gold) if i not in hit]

    def misdated(self) -> list[tuple[GoldEvent, Event]]:
        """Matched pairs whose gold has a date the event's date does not fall within."""
        pairs = [(self.gold[g], self.events[e]) for g, e in self.matched]
        return [(g, e) for g, e in pairs if g.date and not date_agrees(g.date, e.date.value)]

    def extras(self) -> list[Event]:
        hit = {e for _, e in self.matched}
        return [e for i, e in enumerate(self.events) if i not in hit]


@dataclass(slots=True)
class ArticleReport:
    path: str
    coder_version: str
    articles: int
    metrics: dict[str, float]
    error_kinds: dict[str, int]
    outcomes: list[ArticleOutcome] = field(default_factory=list)
    seconds: float = 0.0
    unknown_articles: tuple[str, ...] = ()  # gold articles no corpus input provided

    def to_dict(self, errors: int | None = None) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": "articles",
            "articles": self.articles,
            "coder_version": self.coder_version,
            "metrics": self.metrics,
            "error_kinds": self.error_kinds,
            "seconds": round(self.seconds, 2),
            "unknown_articles": list(self.unknown_articles),
            "errors": self._error_rows(errors),
        }

    def _error_rows(self, limit: int | None) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for outcome in self.outcomes:
            for gold in outcome.missed():
                rows.append({
                    "article": outcome.article, "kind": "missed", "why": miss_kind(
                        gold, list(outcome.events)), "gold": gold.describe(),
                    "anchor": gold.anchor,
                    "produced": [describe(e) for e in outcome.events if anchor_in(gold, e)],
                })  # fmt: skip
            for gold, event in outcome.misdated():
                rows.append({
                    "article": outcome.article, "kind": "matched", "why": "wrong date",
                    "gold": gold.describe(), "anchor": gold.anchor,
                    "produced": [describe(event)], "evidence": event.evidence.text,
                })  # fmt: skip
            for event in outcome.extras():
                in_gold = any(anchor_in(g, event) for g in outcome.gold)
                rows.append({
                    "article": outcome.article, "kind": "extra",
                    "why": "in a gold sentence" if in_gold else "sentence without gold event",
                    "produced": [describe(event)], "evidence": event.evidence.text,
                })  # fmt: skip
        return rows if limit is None else rows[:limit]

    def render(self, errors: int = 0) -> str:
        lines = [
            f"{self.path}: article gold, {self.articles} articles, coder {self.coder_version}",
            "",
        ]
        width = max(len(k) for k in self.metrics)
        lines += [f"  {k:<{width}}  {v:.3f}" for k, v in self.metrics.items()]
        lines += ["", "error kinds:"]
        lines += [f"  {k:<28} {v}" for k, v in sorted(self.error_kinds.items(), key=_by_count)]
        if self.unknown_articles:
            lines += ["", "gold articles not found in the corpus inputs: "
                      + ", ".join(self.unknown_articles)]  # fmt: skip
        for row in self._error_rows(errors) if errors else []:
            head = f"- [{row['article']}] {row['kind']} ({row['why']})"
            if row["kind"] in ("missed", "matched"):
                lines += [head, f'    gold {row["gold"]}: "{row["anchor"]}"']
                lines += [f"    -> {p}" for p in row["produced"] or ["(nothing in sentence)"]]
            else:
                lines += [head, f"    {row['produced'][0]}: {row['evidence'][:200]}"]
        return "\n".join(lines)


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def _prf(outcomes: Sequence[ArticleOutcome], substantive: bool) -> PRF:
    def keep_gold(g: GoldEvent) -> bool:
        return g.substantive or not substantive

    def keep_event(e: Event) -> bool:
        return quad_of(e.code) > 0 or not substantive

    produced = sum(keep_event(e) for o in outcomes for e in o.events)
    right = sum(keep_event(o.events[ei]) for o in outcomes for _, ei in o.matched)
    total = sum(keep_gold(g) for o in outcomes for g in o.gold)
    found = sum(keep_gold(o.gold[gi]) for o in outcomes for gi, _ in o.matched)
    return PRF.of(right, produced, found, total)


def score_outcomes(outcomes: Sequence[ArticleOutcome]) -> tuple[dict[str, float], dict[str, int]]:
    """Metrics and error-kind counts over scored articles."""
    metrics: dict[str, float] = {}
    for name, substantive in (("substantive", True), ("all", False)):
        prf = _prf(outcomes, substantive)
        metrics[f"{name}_precision"] = prf.precision
        metrics[f"{name}_recall"] = prf.recall
        metrics[f"{name}_f1"] = prf.f1
    dated = [(o.gold[gi], o.events[ei]) for o in outcomes for gi, ei in o.matched]
    dated = [(g, e) for g, e in dated if g.date]
    metrics["date_accuracy"] = (
        sum(date_agrees(g.date, e.date.value) for g, e in dated) / len(dated) if dated else 0.0
    )
    # the stricter reading: the same string, so a day is wrong against a month-only gold
    metrics["date_exact"] = (
        sum(e.date.value == g.date for g, e in dated) / len(dated) if dated else 0.0
    )
    events = [e for o in outcomes for e in o.events]
    metrics["bare_statement_share"] = (
        sum(is_bare_statement(e) for e in events) / len(events) if events else 0.0
    )
    metrics["target_share"] = (
        sum(e.target is not None for e in events) / len(events) if events else 0.0
    )
    for threshold in CONFIDENCE_THRESHOLDS[1:] if _has_confidence(events) else ():
        kept = [_above(o, threshold) for o in outcomes]
        prf = _prf(kept, substantive=True)
        metrics[f"substantive_precision@{threshold:.1f}"] = prf.precision
        metrics[f"substantive_recall@{threshold:.1f}"] = prf.recall
    kinds: Counter[str] = Counter()
    for outcome in outcomes:
        events_here = list(outcome.events)
        kinds.update(f"missed: {miss_kind(g, events_here)}" for g in outcome.missed())
        if misdated := len(outcome.misdated()):
            kinds["matched: wrong date"] += misdated
        for event in outcome.extras():
            in_gold = any(anchor_in(g, event) for g in outcome.gold)
            kinds["extra: " + ("in a gold sentence" if in_gold else "no gold event there")] += 1
    return metrics, dict(kinds)


def _has_confidence(events: Iterable[Event]) -> bool:
    return any(isinstance(getattr(e, "confidence", None), float) for e in events)


def _above(outcome: ArticleOutcome, threshold: float) -> ArticleOutcome:
    """The outcome with only events at or above a confidence threshold, matched anew."""
    events = [e for e in outcome.events if (getattr(e, "confidence", None) or 0.0) >= threshold]
    pairs = match_article(list(outcome.gold), events)
    return ArticleOutcome(outcome.article, outcome.gold, tuple(events), tuple(pairs))


def evaluate_articles(
    path: str | Path,
    documents: Iterable[Document],
    coder: _Coder,
    batch_size: int | None = None,
) -> ArticleReport:
    """Code the documents of the gold's articles and score them against ``path``."""
    gold = load_article_gold(path)
    articles = {g.article for g in gold}
    wanted: list[tuple[str, Document]] = []
    for document in documents:
        article = article_of(document, articles)
        if article is not None:
            wanted.append((article, document))
    if not wanted:
        raise EvaluationError(
            f"{path}: none of its {len(articles)} articles is in the corpus inputs (--corpus)"
        )
    started = time.perf_counter()
    produced: dict[str, list[Event]] = {a: [] for a in articles}
    results = coder.code_many([d for _, d in wanted], batch_size=batch_size)
    article_by_doc = {d.id: a for a, d in wanted}
    for result in results:
        produced[article_by_doc[result.document.id]] += asserted(list(result.events))
    seconds = time.perf_counter() - started
    found = {a for a, _ in wanted}
    outcomes = []
    for article in sorted(found):
        gold_here = [g for g in gold if g.article == article]
        events = produced[article]
        pairs = match_article(gold_here, events)
        outcomes.append(ArticleOutcome(article, tuple(gold_here), tuple(events), tuple(pairs)))
    metrics, kinds = score_outcomes(outcomes)
    return ArticleReport(
        path=str(path),
        coder_version=coder.version,
        articles=len(outcomes),
        metrics=metrics,
        error_kinds=kinds,
        outcomes=outcomes,
        seconds=seconds,
        unknown_articles=tuple(sorted(articles - found)),
    )
