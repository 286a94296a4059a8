"""The article-level quality gate: whole-article scores stay within article_baseline.json.

The gold (gold/articles.*.jsonl) is ours; the articles' text is read from ../shared.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.evaluation import ArticleReport, evaluate_articles
from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document
from dyadwatch.settings import Settings

GOLD_DIR = Path(__file__).resolve().parents[2] / "gold"
BASELINE: dict[str, Any] = json.loads(
    Path(__file__).with_name("article_baseline.json").read_text(encoding="utf-8")
)
SEED_DATE = dt.date(2021, 8, 10)


REUTERS_PREFIX = "reuters21578-"


def _corpora_of(gold: Path) -> list[str]:
    """The corpora a gold set's articles are in: Reuters-21578 by its ids' prefix, else Wikinews."""
    with gold.open(encoding="utf-8") as lines:
        articles = {json.loads(line)["article"] for line in lines if line.strip()}
    reuters = {a for a in articles if a.startswith(REUTERS_PREFIX)}
    return ["wikinews"] * bool(articles - reuters) + ["reuters"] * bool(reuters)


@pytest.fixture(scope="module")
def reports(shared_dir: Path) -> dict[str, ArticleReport]:
    coder = Coder.load(Settings())
    corpora = {
        "wikinews": [
            str(shared_dir / "corpora" / "wikinews.jsonl"),
            str(shared_dir / "seed" / "000_37ee3ca068ec43e6.txt"),
        ],
        "reuters": [str(shared_dir / "corpora" / "reuters21578.jsonl.gz")],
    }
    read: dict[str, list[Document]] = {}  # each corpus read once, and only when a set needs it

    def documents(name: str) -> list[Document]:
        if name not in read:
            inputs = read_inputs(corpora[name], default_date=SEED_DATE)
            read[name] = [d for d in inputs if isinstance(d, Document)]
        return read[name]

    out: dict[str, ArticleReport] = {}
    for name in BASELINE["floors"]:
        gold = GOLD_DIR / f"{name}.jsonl"
        needed = [d for corpus in _corpora_of(gold) for d in documents(corpus)]
        out[name] = evaluate_articles(gold, needed, coder)
    return out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("gold", "metric"),
    [(gold, metric) for gold, metrics in BASELINE["floors"].items() for metric in metrics],
)
def test_article_gate_score_at_or_above_floor(
    reports: dict[str, ArticleReport], gold: str, metric: str
) -> None:
    score = reports[gold].metrics[metric]
    floor = BASELINE["floors"][gold][metric]
    assert score >= floor, f"{gold} {metric} fell to {score:.3f}, below its floor {floor}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("gold", "metric"),
    [(gold, metric) for gold, metrics in BASELINE["ceilings"].items() for metric in metrics],
)
def test_article_gate_share_at_or_below_ceiling(
    reports: dict[str, ArticleReport], gold: str, metric: str
) -> None:
    share = reports[gold].metrics[metric]
    ceiling = BASELINE["ceilings"][gold][metric]
    assert share <= ceiling, f"{gold} {metric} rose to {share:.3f}, above {ceiling}"


@pytest.mark.slow
def test_article_gate_every_gold_article_is_in_the_corpus(
    reports: dict[str, ArticleReport],
) -> None:
    assert {n: r.unknown_articles for n, r in reports.items()} == dict.fromkeys(reports, ())
