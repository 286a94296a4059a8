"""Coding throughput and memory: documents/s, sentences/s, events/s, CPU seconds and peak RSS.

Runs the real coder over a news corpus from ../shared/corpora (skipped when absent) and writes
the figures to bench/results/code.json.

    .venv/bin/python bench/bench_code.py --corpus wikinews            # 294 articles
    .venv/bin/python bench/bench_code.py --corpus reuters --limit 2000 --workers 2

CPU seconds (user + system, this process and its worker processes, from the coder load on)
vary much less than wall seconds on a machine shared with other jobs. From them comes
``estimated_idle_wall_seconds``: the CPU spent before the workers start (the coder load in
this process) plus the rest divided by the number of workers, i.e. the wall time on an idle
machine if the workers split the coding evenly (one worker: the CPU seconds themselves).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from corpora import CORPORA, REPO, limited_copy, peak_rss_mb

from dyadwatch.api import get_coder
from dyadwatch.engine.local import DocumentCoder, DocumentResult
from dyadwatch.engine.runner import run
from dyadwatch.engine.worker_start import start_method
from dyadwatch.ingest import read_inputs
from dyadwatch.settings import Settings, load_settings


def _results(
    inputs: list[str], settings: Settings, coder: DocumentCoder | None
) -> Iterator[DocumentResult]:
    for outcome in run(read_inputs(inputs), settings, coder):
        if isinstance(outcome, DocumentResult):
            yield outcome


def _cpu_seconds() -> float:
    """User + system seconds of this process and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _start(settings: Settings) -> str | None:
    """How the workers start (None: one worker, coding in this process)."""
    if settings.resolved_workers() == 1:
        return None
    return start_method(settings.worker_start, verifier=settings.verifier is not None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="wikinews")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results" / "code.json")
    args = parser.parse_args()
    corpus = CORPORA[args.corpus]
    if not corpus.is_file():
        print(f"skipped: {corpus} is not present")
        return 0
    tmp = REPO / "bench" / "results" / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    sample = limited_copy(corpus, args.limit, tmp / f"{args.corpus}.jsonl")

    settings = load_settings(workers=args.workers)
    cpu_started = _cpu_seconds()
    wall_started = started = time.perf_counter()
    # model and dictionaries: load time is reported apart; forked workers share this coder,
    # spawned ones each load their own inside the timed run
    method = _start(settings)
    coder = get_coder(settings) if method in (None, "fork") else None
    load_seconds = time.perf_counter() - started
    cpu_serial = _cpu_seconds() - cpu_started
    docs = sentences = events = chars = 0
    started = time.perf_counter()
    for result in _results([str(sample)], settings, coder):
        docs += 1
        chars += len(result.document.text)
        events += len(result.events)
        sentences += sum(1 for _ in _sentences(result.document.text))
    seconds = time.perf_counter() - started
    # coder load included whatever the worker count: the figure to compare 1 worker with N
    wall_seconds = time.perf_counter() - wall_started
    cpu_seconds = _cpu_seconds() - cpu_started  # the workers have been joined by now
    estimate = cpu_serial + (cpu_seconds - cpu_serial) / max(1, settings.resolved_workers())
    figures = {
        "corpus": args.corpus,
        "limit": args.limit,
        "workers": args.workers,
        "documents": docs,
        "sentences_approx": sentences,
        "characters": chars,
        "events": events,
        "seconds": round(seconds, 2),
        "coder_load_seconds": round(load_seconds, 2),
        "wall_seconds": round(wall_seconds, 2),
        "worker_start": method,
        "cpu_seconds": round(cpu_seconds, 2),
        "cpu_seconds_before_workers": round(cpu_serial, 2),
        "estimated_idle_wall_seconds": round(estimate, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "documents_per_second": round(docs / seconds, 2),
        "sentences_per_second": round(sentences / seconds, 1),
        "events_per_second": round(events / seconds, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "command": " ".join(["bench/bench_code.py", *sys.argv[1:]]),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0


def _sentences(text: str) -> Iterator[str]:
    # a cheap count for reporting only: sentence-final punctuation followed by space
    start = 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1].isspace()):
            yield text[start : i + 1]
            start = i + 1
    if text[start:].strip():
        yield text[start:]


if __name__ == "__main__":
    raise SystemExit(main())
