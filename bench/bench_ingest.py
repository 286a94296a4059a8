"""Ingest throughput and memory: documents/s, events/s and peak RSS of ``dyadwatch ingest``.

Three passes over a news corpus from ../shared/corpora (skipped when absent), each into a
database in a temporary directory:

1. ``ingest``: a fresh database, the real coder (model load timed apart);
2. ``reingest``: the same input again (every document unchanged: nothing is re-coded);
3. ``store_only``: a second fresh database fed the documents with the events of pass 1 replayed
   by a stub coder, which isolates the store's own cost (dedup, writes, clusters).

Writes bench/results/ingest.json.

    .venv/bin/python bench/bench_ingest.py                                  # wikinews, 294 docs
    .venv/bin/python bench/bench_ingest.py --corpus reuters --limit 2000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

from corpora import CORPORA, REPO, limited_copy, peak_rss_mb

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document, Event
from dyadwatch.settings import load_settings


class _Replay:
    """A coder that returns the events a previous run stored for each document."""

    def __init__(self, version: str, events: dict[str, list[Event]]) -> None:
        self.version = version
        self.events = events

    def code(self, doc: Document) -> list[Event]:
        return self.events.get(doc.id, [])


def _timed(label: str, run: pipeline.IngestReport, seconds: float) -> dict[str, object]:
    docs = run.read + run.redecided
    return {
        "pass": label,
        "documents": docs,
        "coded": run.coded,
        "duplicates_exact": run.duplicates_exact,
        "duplicates_near": run.duplicates_near,
        "unchanged": run.unchanged,
        "events": run.events,
        "clusters": run.clusters,
        "rejects": len(run.rejects),
        "seconds": round(seconds, 2),
        "documents_per_second": round(docs / seconds, 1),
        "events_per_second": round(run.events / seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="wikinews")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results" / "ingest.json")
    args = parser.parse_args()
    corpus = CORPORA[args.corpus]
    if not corpus.is_file():
        print(f"skipped: {corpus} is not present")
        return 0
    settings = load_settings(workers=args.workers)
    with tempfile.TemporaryDirectory(prefix="dyadwatch-bench-") as tmp_name:
        tmp = Path(tmp_name)
        sample = limited_copy(corpus, args.limit, tmp / f"{args.corpus}.jsonl")

        from dyadwatch.api import get_coder

        started = time.perf_counter()
        coder = get_coder(settings)  # dictionaries and spaCy model, timed apart
        load_seconds = time.perf_counter() - started

        passes: list[dict[str, object]] = []
        db = tmp / "bench.duckdb"
        with ds.open(db) as store:
            started = time.perf_counter()
            first = pipeline.ingest(store, [str(sample)], coder=coder, settings=settings,
                              batch_size=args.batch_size)  # fmt: skip
            passes.append(_timed("ingest", first, time.perf_counter() - started))
            rss_after_ingest = peak_rss_mb()
            started = time.perf_counter()
            again = pipeline.ingest(store, [str(sample)], coder=coder, settings=settings)
            passes.append(_timed("reingest", again, time.perf_counter() - started))
            stored: dict[str, list[Event]] = {}
            for event in store.iter_events(modality="all"):
                stored.setdefault(event.doc_id, []).append(event)
        # the same documents in the same order as pass 1 (duplicate decisions follow the order)
        documents = [d for d in read_inputs([str(sample)]) if isinstance(d, Document)]
        db_bytes = db.stat().st_size

        with ds.open(tmp / "replay.duckdb") as replay_store:
            replay = _Replay(coder.version, stored)
            started = time.perf_counter()
            only = pipeline.ingest_documents(
                replay_store, documents, coder=replay, settings=load_settings(workers=1),
                batch_size=args.batch_size,
            )  # fmt: skip
            passes.append(_timed("store_only", only, time.perf_counter() - started))

    figures = {
        "corpus": args.corpus,
        "limit": args.limit,
        "workers": args.workers,
        "batch_size": args.batch_size,
        "coder_version": coder.version,
        "coder_load_seconds": round(load_seconds, 2),
        "passes": passes,
        "database_mb": round(db_bytes / 2**20, 2),
        "peak_rss_mb_after_ingest": round(rss_after_ingest, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "command": " ".join(["bench/bench_ingest.py", *sys.argv[1:]]),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
