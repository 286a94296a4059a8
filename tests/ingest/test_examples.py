"""The sample corpus in examples/ reads cleanly and keeps the shape its README promises."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document, Reject

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def corpus() -> list[Document | Reject]:
    return list(read_inputs([str(EXAMPLES)]))


def test_examples_read_without_rejects(corpus: list[Document | Reject]) -> None:
    assert [r for r in corpus if isinstance(r, Reject)] == []


def test_examples_op_ed_has_the_seed_layout(corpus: list[Document | Reject]) -> None:
    parts = [d for d in corpus if isinstance(d, Document) and d.origin.endswith("op-ed.txt")]
    assert [p.id.rsplit("#", 1)[1] for p in parts] == [
        "main",
        *(f"teaser-{n}" for n in (1, 2, 3, 4)),
    ]
    main = parts[0]
    assert {"author_bio", "author", "translator"} <= set(main.metadata)
    assert all(p.metadata.get("cut_mid_sentence") == "true" for p in parts[1:])


def test_examples_jsonl_has_a_consecutive_daily_series(corpus: list[Document | Reject]) -> None:
    senkaku = sorted(
        d.date
        for d in corpus
        if isinstance(d, Document) and d.date and "Senkaku" in d.text and ".jsonl" in d.origin
    )
    days = [(b - a).days for a, b in itertools.pairwise(senkaku)]
    assert len(senkaku) >= 3 and set(days) == {1}


def test_examples_have_an_undated_document_for_the_date_option(
    corpus: list[Document | Reject],
) -> None:
    assert any(isinstance(d, Document) and d.date is None for d in corpus)
    dated = list(read_inputs([str(EXAMPLES)], default_date=dt.date(2024, 9, 2)))
    assert all(isinstance(d, Document) and d.date is not None for d in dated)


def test_examples_readme_lists_every_file() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([\w./-]+\.(?:txt|md|html|jsonl))`", readme))
    files = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*") if p.is_file()}
    assert files - {"README.md"} == listed


def test_examples_other_than_the_op_ed_are_single_uncredited_documents(
    corpus: list[Document | Reject],
) -> None:
    others = [d for d in corpus if isinstance(d, Document) and not d.origin.endswith("op-ed.txt")]
    assert all(d.parent_id is None and "page_span" not in d.metadata for d in others)
    assert not any({"author_bio", "translator"} & set(d.metadata) for d in others)
