"""Actor recognizer throughput, parsing excluded: sentences/min for find(), and the prefilter.

Parses sentences from a news corpus in ../shared/corpora (skipped when absent), then times
``ActorRecognizer.find`` and ``could_mention_actor`` alone, and writes bench/results/actors.json.

    .venv/bin/python bench/bench_actors.py --limit 3000
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.nlp.pipeline import load_pipeline

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "wikinews.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=3000, help="paragraphs to time")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"corpus {CORPUS} not present; skipped")
        return
    nlp = load_pipeline()
    started = time.perf_counter()
    recognizer = ActorRecognizer.load()
    load_seconds = time.perf_counter() - started
    sentences: list[str] = []
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            for sentence in json.loads(line).get("text", "").split("\n"):
                if sentence.strip():
                    sentences.append(sentence.strip())
            if len(sentences) >= args.limit:
                break
    sentences = sentences[: args.limit]
    docs = list(nlp.pipe(sentences))
    started = time.perf_counter()
    mentions = 0
    for _ in range(args.repeat):
        mentions = sum(len(recognizer.find(doc)) for doc in docs)
    find_seconds = (time.perf_counter() - started) / args.repeat
    started = time.perf_counter()
    passed = sum(recognizer.could_mention_actor(s) for s in sentences)
    filter_seconds = time.perf_counter() - started
    n_sentences = sum(1 for d in docs for _ in d.sents)
    result = {
        "paragraphs": len(docs),
        "sentences": n_sentences,
        "tokens": sum(len(d) for d in docs),
        "mentions": mentions,
        "load_seconds": round(load_seconds, 3),
        "find_sentences_per_minute": round(n_sentences / find_seconds * 60),
        "prefilter_paragraphs_per_minute": round(len(sentences) / filter_seconds * 60),
        "prefilter_pass_rate": round(passed / len(sentences), 3),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
    }
    out = REPO / "bench" / "results" / "actors.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
