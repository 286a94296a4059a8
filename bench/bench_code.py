"""Coding throughput and memory: documents/s, sentences/s, events/s and peak RSS.

Runs the real coder over a news corpus from ../shared/corpora (skipped when absent) and writes
the figures to bench/results/code.json.

    .venv/bin/python bench/bench_code.py --corpus wikinews            # 294 articles
    .venv/bin/python bench/bench_code.py --corpus reuters --limit 2000 --workers 2
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from dyadwatch.engine.local import DocumentResult, run
from dyadwatch.ingest import read_inputs
from dyadwatch.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "wikinews": REPO.parent / "shared" / "corpora" / "wikinews.jsonl",
    "reuters": REPO.parent / "shared" / "corpora" / "reuters21578.jsonl.gz",
}


def _limited_copy(path: Path, limit: int | None, dest: Path) -> Path:
    """A JSONL file with the first ``limit`` records that have a body (Reuters has empty ones)."""
    opener = gzip.open if path.suffix == ".gz" else open
    written = 0
    with opener(path, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            if limit is not None and written >= limit:
                break
            if json.loads(line).get("text", "").strip():
                out.write(line)
                written += 1
    return dest


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _results(inputs: list[str], workers: int) -> Iterator[DocumentResult]:
    settings = load_settings(workers=workers)
    for outcome in run(read_inputs(inputs), settings):
        if isinstance(outcome, DocumentResult):
            yield outcome


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
    sample = _limited_copy(corpus, args.limit, tmp / f"{args.corpus}.jsonl")

    from dyadwatch.nlp.pipeline import load_pipeline

    started = time.perf_counter()
    load_pipeline()  # load time is reported apart from throughput
    load_seconds = time.perf_counter() - started
    docs = sentences = events = chars = 0
    started = time.perf_counter()
    for result in _results([str(sample)], args.workers):
        docs += 1
        chars += len(result.document.text)
        events += len(result.events)
        sentences += sum(1 for _ in _sentences(result.document.text))
    seconds = time.perf_counter() - started
    figures = {
        "corpus": args.corpus,
        "limit": args.limit,
        "workers": args.workers,
        "documents": docs,
        "sentences_approx": sentences,
        "characters": chars,
        "events": events,
        "seconds": round(seconds, 2),
        "model_load_seconds": round(load_seconds, 2),
        "documents_per_second": round(docs / seconds, 2),
        "sentences_per_second": round(sentences / seconds, 1),
        "events_per_second": round(events / seconds, 1),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
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
