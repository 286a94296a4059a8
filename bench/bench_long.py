"""Long documents: coding time per sentence must stay flat as one document grows.

Builds single documents of N = 1k, 2k, 4k, 8k sentences of varied real text (Wikinews articles
joined by blank lines, cut at the N-th sentence, the corpus cycled when it runs out), codes each
with the real coder (prefilter on, as shipped) and prints seconds, seconds per 1,000 sentences
and events. A super-linear step shows up as a growing per-sentence cost.

    .venv/bin/python bench/bench_long.py                      # N = 1000 2000 4000 8000
    .venv/bin/python bench/bench_long.py --sizes 1000 2000
    .venv/bin/python bench/bench_long.py --repeated --sizes 800 1600 3200

Figures go to ``bench/results/long.json``; recorded ones are in ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

from corpora import CORPORA, REPO, peak_rss_mb

from dyadwatch.api import get_coder
from dyadwatch.model import Document
from dyadwatch.settings import load_settings

# our own sentence: two actors, an event verb, a pronoun opening and a place
REPEATED = "He said the Foreign Minister of Kenya met officials from Uganda in Kampala on Monday."
# a cheap sentence boundary, for cutting the text only (the coder splits it its own way)
_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def long_text(corpus: Path, sentences: int) -> str:
    articles = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    paragraphs: list[str] = []
    count = 0
    while count < sentences:
        for article in articles:
            for paragraph in article.split("\n\n"):
                parts = _END.split(paragraph.strip())
                take = parts[: sentences - count]
                if take and take[0]:
                    paragraphs.append(" ".join(take))
                    count += len(take)
                if count >= sentences:
                    return "\n\n".join(paragraphs)
    return "\n\n".join(paragraphs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    parser.add_argument(
        "--repeated",
        action="store_true",
        help="one sentence repeated N times instead of varied text (the worst case for "
        "document-level lookups: every sentence names the same actors)",
    )
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    corpus = CORPORA["wikinews"]
    if not corpus.is_file():
        print(f"skipped: {corpus} is not present")
        return 0
    coder = get_coder(load_settings(workers=1, document_timeout=0))
    rows = []
    for size in args.sizes:
        text = " ".join([REPEATED] * size) if args.repeated else long_text(corpus, size)
        doc = Document(id=f"long-{size}", text=text, date=dt.date(2020, 1, 1), origin="bench")
        started = time.perf_counter()
        events = coder.code(doc)
        seconds = time.perf_counter() - started
        row = {
            "sentences": size,
            "chars": len(text),
            "seconds": round(seconds, 2),
            "seconds_per_1000_sentences": round(seconds * 1000 / size, 2),
            "events": len(events),
            "peak_rss_mb": round(peak_rss_mb()),
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    name = "long-repeated.json" if args.repeated else "long.json"
    output = args.output or REPO / "bench" / "results" / name
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
