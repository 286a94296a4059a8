"""Killing an ingest part-way and running it again gives the same database as one clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import dyadwatch.store as ds
from dyadwatch.errors import RejectCode
from dyadwatch.model import Document, Reject
from dyadwatch.store.writer import KILL_AFTER_COMMITS

FAKE_CODER = Path(__file__).with_name("fake_coder.py")


def _corpus(make_doc, stories) -> list[Document | Reject]:
    docs: list[Document | Reject] = []
    for i in range(1, 11):
        docs.append(make_doc(f"d{i:02}", f"CHNMIL attacked JPN on 2024-03-{i:02}. Report {i}."))
    docs[3:3] = [make_doc("wire", stories.wire), make_doc("copy", stories.wire_edited)]
    docs.append(Reject("feed.jsonl:9", RejectCode.MALFORMED_JSON, "not JSON"))
    docs.append(make_doc("exact", stories.wire))
    docs.append(make_doc("other", stories.other))
    return docs


class _Crash(BaseException):
    """Stands in for a kill: not an Exception, so nothing on the way catches it."""


def test_exception_mid_run_then_rerun_equals_clean_run(
    tmp_path, run_ingest, make_doc, stories, snapshot, fake_coder_class
) -> None:
    docs = _corpus(make_doc, stories)
    with ds.open(tmp_path / "clean.duckdb") as clean:
        run_ingest(clean, docs, batch_size=2)
        expected = snapshot(clean)

    class CrashingCoder(fake_coder_class):  # type: ignore[misc, valid-type]
        def code(self, doc: Document):  # type: ignore[no-untyped-def]
            if doc.id == "d06":
                raise _Crash
            return super().code(doc)

    with ds.open(tmp_path / "crashed.duckdb") as store:
        with pytest.raises(_Crash):
            run_ingest(store, docs, coder=CrashingCoder(), batch_size=2)
        partial = store.con.execute("SELECT count(*) FROM documents").fetchone()
        assert partial is not None and 0 < partial[0] < 13  # some batches did commit
        assert store.runs().iloc[0]["status"] == "failed"
        run_ingest(store, docs, batch_size=2)
        assert snapshot(store) == expected


_CHILD = """
import json, sys, datetime as dt
from pathlib import Path
import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.model import Document
from dyadwatch.settings import load_settings
sys.path.insert(0, sys.argv[1])
from fake_coder import FakeCoder
records = json.loads(Path(sys.argv[3]).read_text())
docs = [Document(id=d["id"], text=d["text"], date=dt.date.fromisoformat(d["date"]),
                 source=d["source"], origin=d["origin"]) for d in records]
with ds.open(sys.argv[2]) as store:
    pipeline.ingest_documents(store, docs, coder=FakeCoder(),
                              settings=load_settings(workers=1), batch_size=2)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")
def test_killed_process_then_rerun_equals_clean_run(
    tmp_path, run_ingest, make_doc, stories, snapshot
) -> None:
    """The child kills itself (SIGKILL, no cleanup) right after its 3rd committed batch."""
    docs = [d for d in _corpus(make_doc, stories) if isinstance(d, Document)]
    with ds.open(tmp_path / "clean.duckdb") as clean:
        run_ingest(clean, docs, batch_size=2)
        expected = snapshot(clean)

    fields = ("id", "text", "date", "source", "origin")
    corpus = tmp_path / "docs.json"
    corpus.write_text(json.dumps([{f: str(getattr(d, f)) for f in fields} for d in docs]))
    db = tmp_path / "killed.duckdb"
    script = tmp_path / "child.py"
    script.write_text(_CHILD)
    env = {**os.environ, KILL_AFTER_COMMITS: "3"}
    child = subprocess.run(
        [sys.executable, str(script), str(FAKE_CODER.parent), str(db), str(corpus)],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()

    with ds.open(db) as store:
        assert pd.isna(store.runs().iloc[0]["finished"])  # the killed run never finished
        partial = store.con.execute("SELECT count(*) FROM documents").fetchone()
        assert partial is not None and partial[0] == 6  # exactly 3 batches of 2 committed
        run_ingest(store, docs, batch_size=2)
        assert snapshot(store) == expected
