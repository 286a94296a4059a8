"""Store fixtures: a fresh database per test, the fake coder (``fake_coder.py``), documents
written for these tests and a table snapshot helper."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.model import Document, Reject
from dyadwatch.settings import load_settings

FAKE_CODER_PATH = Path(__file__).with_name("fake_coder.py")


def _load_fake_coder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dyadwatch_test_fake_coder", FAKE_CODER_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fake = _load_fake_coder()
FakeCoder = fake.FakeCoder


def doc(doc_id: str, text: str, **fields: Any) -> Document:
    """A document published on 2024-03-06 by "Wire" unless told otherwise."""
    fields.setdefault("date", dt.date(2024, 3, 6))
    fields.setdefault("source", "Wire")
    fields.setdefault("origin", f"test:{doc_id}")
    return Document(id=doc_id, text=text, **fields)


# Two outlets' versions of one wire story, and an unrelated story (all written for these tests).
WIRE_STORY = (
    "CHNMIL attacked JPN on 2024-03-05 near Senkaku. Coast guard officials said two patrol "
    "vessels were involved in the incident, which lasted for several hours before the ships "
    "withdrew to the north. The defence ministry in Tokyo called the encounter dangerous and "
    "said it would lodge a formal complaint through diplomatic channels later in the week. "
    "Analysts said the confrontation was the most serious in the area for more than a year."
)
# the second outlet's edit: one phrase changed, one sentence added (shingle Jaccard 0.84)
WIRE_STORY_EDITED = (
    WIRE_STORY.replace("later in the week", "later this week")
    + " Shipping in the area was not affected."
)
OTHER_STORY = (
    "USAGOV met JPNGOV on 2024-03-04 in Tokyo. The two delegations discussed trade, energy "
    "and the supply of semiconductors, and agreed to meet again before the summer. A joint "
    "statement promised closer coordination on export controls and on research funding."
)


@dataclass(frozen=True)
class Stories:
    wire: str = WIRE_STORY
    wire_edited: str = WIRE_STORY_EDITED
    other: str = OTHER_STORY


# Columns that record *when* or *in which run* something was written: bookkeeping, which
# differs between two otherwise identical runs.
BOOKKEEPING = {"run_id", "ingested_at", "time", "created", "started", "finished"}
DATA_TABLES = ("documents", "doc_minhash", "events", "clusters", "cluster_members", "alerts")


def snapshot_tables(store: ds.Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every data table's rows without bookkeeping columns, sorted."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in DATA_TABLES:
        columns = [
            r[0]
            for r in store.con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            if r[0] not in BOOKKEEPING
        ]
        rows = store.con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out


Ingest = Callable[..., pipeline.IngestReport]


@pytest.fixture
def stories() -> Stories:
    return Stories()


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    return doc


@pytest.fixture
def coder() -> FakeCoder:
    return FakeCoder()


@pytest.fixture
def fake_coder_class() -> type[FakeCoder]:
    return FakeCoder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[ds.Store]:
    with ds.open(db_path) as opened:
        yield opened


@pytest.fixture
def run_ingest(coder: FakeCoder) -> Ingest:
    """``run_ingest(store, docs, coder=..., **options)``, in-process with the fake coder."""

    def run(
        store: ds.Store, docs: list[Document | Reject], coder: Any = coder, **kw: Any
    ) -> pipeline.IngestReport:
        return pipeline.ingest_documents(
            store, docs, coder=coder, settings=load_settings(workers=1), **kw
        )

    return run


@pytest.fixture
def snapshot() -> Callable[[ds.Store], dict[str, list[tuple[Any, ...]]]]:
    return snapshot_tables
