"""Article gold: loading, one-to-one matching, metrics, error kinds and the CLI path."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dyadwatch.errors import EvaluationError
from dyadwatch.evaluation import evaluate_articles, gold_file_kind, load_article_gold
from dyadwatch.evaluation.article_report import date_agrees, is_bare_statement
from dyadwatch.evaluation.articles import anchor_digest, match_article, miss_kind
from dyadwatch.model import Actor, Document, Event, EventDate, Evidence, Plover

FIRST = "The Andorran navy seized two fishing boats from Monaco on Tuesday."
SECOND = "Officials in Monaco said they were studying the matter."
THIRD = "Andorra and Liechtenstein signed a customs treaty in 2019."
ARTICLE = " ".join([FIRST, SECOND, THIRD])


def event(
    sentence: str,
    source: str,
    code: str,
    target: str | None = None,
    date: str | None = None,
) -> Event:
    start = ARTICLE.index(sentence)
    return Event(
        id=f"{source}-{code}-{target}",
        doc_id="story",
        sentence_index=0,
        evidence=Evidence(sentence, start, start + len(sentence)),
        source=Actor(source, source),
        target=Actor(target, target) if target else None,
        code=code,
        root_code=code[:2],
        quad_class=1,
        goldstein=0.0,
        plover=Plover(None),
        date=EventDate(date, "year", "text") if date else EventDate.unknown(),
    )


def gold_line(anchor: str, source: str, quad: int, **extra: object) -> dict[str, object]:
    return {"article": "story", "anchor": anchor, "source": source, "quad": quad, **extra}


def write(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


@dataclass
class Result:
    document: Document
    events: list[Event]
    error: Exception | None = None


@dataclass
class FixedCoder:
    events: list[Event]
    version: str = "fixed"

    def code_many(
        self, documents: Iterable[Document], batch_size: int | None = None
    ) -> Iterator[Result]:
        for document in documents:
            yield Result(document, self.events if document.id == "story" else [])


def story() -> list[Document]:
    return [
        Document(id="story", text=ARTICLE, date=dt.date(2020, 5, 7)),
        Document(id="elsewhere", text="Not in the gold.", date=dt.date(2020, 5, 7)),
    ]


def test_load_article_gold_rejects_a_code_of_another_quad(tmp_path: Path) -> None:
    path = write(tmp_path, [gold_line("navy seized", "ANDMIL", 3, code="171")])
    with pytest.raises(EvaluationError, match=r"articles.jsonl:1: code '171'"):
        load_article_gold(path)


def test_load_article_gold_rejects_a_malformed_date(tmp_path: Path) -> None:
    path = write(tmp_path, [gold_line("navy seized", "ANDMIL", 4, date="May 2020")])
    with pytest.raises(EvaluationError, match="date must be"):
        load_article_gold(path)


def test_gold_file_kind_tells_articles_from_sentence_gold(tmp_path: Path) -> None:
    assert gold_file_kind(write(tmp_path, [gold_line("navy", "AND", 4)])) == "articles"
    sentence_gold = tmp_path / "s.jsonl"
    sentence_gold.write_text(json.dumps({"id": "a", "text": "x", "quad": 1}), encoding="utf-8")
    assert gold_file_kind(sentence_gold) == "multicoped"


def test_match_needs_target_country_only_when_gold_has_one(tmp_path: Path) -> None:
    gold = load_article_gold(
        write(tmp_path, [gold_line("navy seized two", "ANDMIL", 4, target="MCO")])
    )
    wrong_target = event(FIRST, "ANDMIL", "171", target="LIE")
    right = event(FIRST, "AND", "1711", target="MCOGOV")
    assert match_article(gold, [wrong_target]) == []
    assert match_article(gold, [wrong_target, right]) == [(0, 1)]


def test_match_is_one_to_one(tmp_path: Path) -> None:
    gold = load_article_gold(write(tmp_path, [gold_line("navy seized", "AND", 4)] * 2))
    assert len(match_article(gold, [event(FIRST, "ANDMIL", "171")])) == 1


@pytest.mark.parametrize(
    ("produced", "kind"),
    [
        ([], "no event in sentence"),
        ([event(FIRST, "MCO", "171", "AND")], "wrong source"),
        ([event(FIRST, "ANDMIL", "111", "MCO")], "wrong class"),
        ([event(FIRST, "ANDMIL", "171")], "missing target"),
        ([event(FIRST, "ANDMIL", "171", "LIE")], "wrong target"),
    ],
)
def test_miss_kind_names_what_went_wrong(tmp_path: Path, produced: list[Event], kind: str) -> None:
    [gold] = load_article_gold(write(tmp_path, [gold_line("navy seized", "AND", 4, target="MCO")]))
    assert miss_kind(gold, produced) == kind


def test_evaluate_articles_scores_substantive_and_all(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            gold_line("navy seized two fishing boats", "ANDMIL", 4, target="MCO", code="171"),
            gold_line("signed a customs treaty", "AND", 1, target="LIE", date="2019"),
            gold_line("Officials in Monaco said", "MCOGOV", 0),
        ],
    )
    produced = [
        event(FIRST, "ANDMIL", "171", "MCO"),  # right
        event(THIRD, "AND", "057", "LIE", date="2020"),  # right dyad, wrong date
        event(SECOND, "MCOGOV", "010"),  # right, a bare statement
        event(SECOND, "MCOGOV", "111", "AND"),  # extra in a gold sentence
    ]
    report = evaluate_articles(path, story(), FixedCoder(produced))
    m = report.metrics
    assert report.articles == 1
    assert m["substantive_precision"] == pytest.approx(2 / 3)
    assert m["substantive_recall"] == pytest.approx(1.0)
    assert m["all_precision"] == pytest.approx(3 / 4)
    assert m["all_recall"] == pytest.approx(1.0)
    assert m["date_accuracy"] == pytest.approx(0.0)
    assert m["bare_statement_share"] == pytest.approx(1 / 4)
    assert m["target_share"] == pytest.approx(3 / 4)
    assert report.error_kinds == {"extra: in a gold sentence": 1, "matched: wrong date": 1}


def test_evaluate_articles_counts_only_asserted_events(tmp_path: Path) -> None:
    path = write(tmp_path, [gold_line("navy seized", "ANDMIL", 4)])
    hypothetical = event(FIRST, "ANDMIL", "171")
    object.__setattr__(hypothetical, "modality", "hypothetical")
    report = evaluate_articles(path, story(), FixedCoder([hypothetical]))
    assert report.metrics["substantive_recall"] == 0.0
    assert report.error_kinds == {"missed: no event in sentence": 1}


def test_evaluate_articles_without_its_articles_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, [gold_line("navy seized", "AND", 4)])
    with pytest.raises(EvaluationError, match="none of its 1 articles"):
        evaluate_articles(path, [Document(id="other", text="x")], FixedCoder([]))


def test_is_bare_statement_only_without_target() -> None:
    assert is_bare_statement(event(SECOND, "MCOGOV", "010"))
    assert not is_bare_statement(event(SECOND, "MCOGOV", "010", "AND"))
    assert not is_bare_statement(event(FIRST, "ANDMIL", "171"))


def test_render_lists_misses_with_what_was_produced(tmp_path: Path) -> None:
    path = write(tmp_path, [gold_line("navy seized", "AND", 4, target="MCO")])
    report = evaluate_articles(path, story(), FixedCoder([event(FIRST, "ANDMIL", "171")]))
    text = report.render(errors=5)
    assert "missed (missing target)" in text
    assert "ANDMIL 171 -" in text


def test_render_lists_matched_events_with_a_wrong_date(tmp_path: Path) -> None:
    gold = gold_line("signed a customs treaty", "AND", 1, target="LIE", date="2019")
    path = write(tmp_path, [gold])
    produced = [event(THIRD, "AND", "057", "LIE", date="2020")]
    report = evaluate_articles(path, story(), FixedCoder(produced))
    text = report.render(errors=5)
    assert "matched (wrong date)" in text
    assert "@2019" in text and "AND 057 LIE @2020" in text
    [row] = report.to_dict(errors=5)["errors"]
    assert (row["kind"], row["why"]) == ("matched", "wrong date")


def test_right_dates_are_not_listed_as_errors(tmp_path: Path) -> None:
    gold = gold_line("signed a customs treaty", "AND", 1, target="LIE", date="2019")
    path = write(tmp_path, [gold])
    report = evaluate_articles(
        path, story(), FixedCoder([event(THIRD, "AND", "057", "LIE", "2019")])
    )
    assert report.to_dict(errors=5)["errors"] == []
    assert "matched: wrong date" not in report.error_kinds


def test_anchor_given_as_a_digest_finds_its_sentence(tmp_path: Path) -> None:
    digest = anchor_digest("Andorran navy seized two")
    assert digest.endswith(":4")
    [gold] = load_article_gold(write(tmp_path, [gold_line(digest, "AND", 4)]))
    assert match_article([gold], [event(THIRD, "AND", "171"), event(FIRST, "AND", "171")]) == [
        (0, 1)
    ]


@pytest.mark.parametrize(
    ("gold_date", "event_date", "agrees"),
    [
        ("2019-06", "2019-06-17", True),  # a day inside the month the gold knows
        ("2019", "2019-11-02", True),
        ("2019-06-17", "2019-06-17", True),
        ("2019-06", "2019-07-01", False),  # the next month
        ("2019-06-17", "2019-06", False),  # coarser than the gold claims to know
        ("2019-06", None, False),
    ],
)
def test_date_agrees_reads_the_event_date_at_the_golds_precision(
    gold_date: str, event_date: str | None, agrees: bool
) -> None:
    assert date_agrees(gold_date, event_date) is agrees


def test_a_day_within_a_month_only_gold_is_right_but_not_exact(tmp_path: Path) -> None:
    gold = gold_line("signed a customs treaty", "AND", 1, target="LIE", date="2019-03")
    path = write(tmp_path, [gold])
    produced = [event(THIRD, "AND", "057", "LIE", date="2019-03-14")]
    report = evaluate_articles(path, story(), FixedCoder(produced))
    assert report.metrics["date_accuracy"] == pytest.approx(1.0)
    assert report.metrics["date_exact"] == pytest.approx(0.0)
    assert "matched: wrong date" not in report.error_kinds
