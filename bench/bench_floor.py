"""dyadwatch against the parse-everything floor, whole process against whole process, one core.

The floor is a process that loads the same spaCy pipeline dyadwatch loads (same model, same
components) and runs ``nlp.pipe`` over the full text of every article, and nothing else. The
dyadwatch run is ``python -m dyadwatch code FILE --workers 1``. Both run pinned to one core
(``taskset -c CORE``), alternately, ``--repeat`` times; medians are reported. Event recall is
measured against one more dyadwatch run with the prefilter off (every sentence parsed): the share
of its events, matched by (document, sentence, source, code, target), that the fast run keeps;
the sentence is identified by the offset of the event's verb in the document.

    .venv/bin/python bench/bench_floor.py --corpus wikinews --limit 100
    .venv/bin/python bench/bench_floor.py --corpus reuters --limit 300 --min-words 300
    .venv/bin/python bench/bench_floor.py --corpus reuters --gate learned --held-out

``--gate`` chooses the prefilter's sentence gate (setting ``prefilter_gate``) for the timed
dyadwatch runs; ``--held-out`` samples only articles the learned gate was not trained on (its
weights file lists the ones it was).

The floor runs spaCy as it ships (``blis`` matrix products); dyadwatch multiplies with numpy's
BLAS (setting ``spacy_gemm``). ``--floor-gemm numpy`` gives the floor the same, to see how much
of the ratio that choice makes.

Figures go to ``bench/results/floor-<corpus>.json``; ``bench/README.md`` has the recorded ones.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpora import CORPORA, REPO

EventKey = tuple[str, int, str, str, str | None]  # document, verb offset, source, code, target


def trained_ids() -> set[str]:
    """The articles the packaged learned sentence gate was trained on."""
    from dyadwatch.nlp.sentence_gate import load_sentence_gate

    listed = load_sentence_gate().training.get("trained_doc_ids", {})
    return {doc_id for ids in listed.values() for doc_id in ids}


def sample_articles(
    corpus: Path, limit: int, min_words: int, dest: Path, skip: set[str] = frozenset()
) -> tuple[int, int]:
    """The first ``limit`` articles with at least ``min_words`` words and an id not in
    ``skip``; (articles, words)."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    articles = words = 0
    with opener(corpus, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            if articles >= limit:
                break
            record = json.loads(line)
            if str(record.get("id")) in skip:
                continue
            count = len(record.get("text", "").split())
            if count and count >= min_words:
                out.write(line)
                articles += 1
                words += count
    return articles, words


def floor_process(sample: Path, gemm: str) -> None:
    """The floor itself (run in a child process): parse every article's full text."""
    from dyadwatch.nlp.pipeline import load_pipeline
    from dyadwatch.settings import load_settings

    nlp = load_pipeline(load_settings().spacy_model, gemm)
    with sample.open(encoding="utf-8") as lines:
        texts = (json.loads(line)["text"] for line in lines)
        tokens = sum(len(doc) for doc in nlp.pipe(texts))
    print(tokens)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of one child process.
    CPU seconds hardly depend on what else the machine runs; wall seconds do."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def event_keys(path: Path) -> set[EventKey]:
    keys: set[EventKey] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            e = json.loads(line)
            target = e["target"]["code"] if e.get("target") else None
            # the sentence is named by its verb's offset: sentence numbers differ between the
            # prefilter's split and the parser's, the verb's place in the text does not
            verb = e["evidence"]["spans"]["verb"][0]
            keys.add((e["doc_id"], verb, e["source"]["code"], e["code"], target))
    return keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="wikinews")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--min-words", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--core", type=int, default=0)
    parser.add_argument("--no-recall", action="store_true", help="skip the prefilter-off run")
    parser.add_argument(
        "--gate",
        choices=["words", "learned"],
        default=None,
        help="the prefilter's sentence gate (default: the prefilter_gate setting)",
    )
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="only articles the learned sentence gate was not trained on",
    )
    parser.add_argument(
        "--floor-gemm",
        choices=["blis", "numpy"],
        default="blis",
        help="the floor's matrix products: blis (spaCy as it ships) or numpy (as dyadwatch)",
    )
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--floor-process", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_process:
        floor_process(args.floor_process, args.floor_gemm)
        return 0
    corpus = CORPORA[args.corpus]
    if not corpus.is_file():
        print(f"skipped: {corpus} is not present")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="bench_floor_"))
    sample = tmp / "sample.jsonl"
    skip = trained_ids() if args.held_out else set()
    articles, words = sample_articles(corpus, args.limit, args.min_words, sample, skip)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "PYTHONHASHSEED": "0"}
    if args.gate:
        env["DYADWATCH_PREFILTER_GATE"] = args.gate
    pin = ["taskset", "-c", str(args.core)]
    floor_cmd = [*pin, sys.executable, __file__, "--floor-process", str(sample)]
    floor_cmd += ["--floor-gemm", args.floor_gemm]
    fast_out = tmp / "fast.jsonl"
    dyad_cmd = [*pin, sys.executable, "-m", "dyadwatch", "code", str(sample), "--workers", "1"]
    runs: dict[str, list[tuple[float, float, float]]] = {"floor": [], "dyadwatch": []}
    for _ in range(args.repeat):  # alternate so a change in machine load hits both
        runs["floor"].append(timed(floor_cmd, env))
        runs["dyadwatch"].append(timed([*dyad_cmd, "--output", str(fast_out)], env))
    floor_s = statistics.median(s for s, _, _ in runs["floor"])
    dyad_s = statistics.median(s for s, _, _ in runs["dyadwatch"])
    floor_cpu = statistics.median(c for _, _, c in runs["floor"])
    dyad_cpu = statistics.median(c for _, _, c in runs["dyadwatch"])
    result: dict[str, object] = {
        "corpus": args.corpus,
        "gate": env.get("DYADWATCH_PREFILTER_GATE", "setting"),
        "held_out_only": args.held_out,
        "floor_gemm": args.floor_gemm,
        "dyadwatch_gemm": env.get("DYADWATCH_SPACY_GEMM", "setting"),
        "articles": articles,
        "words": words,
        "floor_seconds": round(floor_s, 2),
        "dyadwatch_seconds": round(dyad_s, 2),
        "ratio_floor_over_dyadwatch": round(floor_s / dyad_s, 2),
        "floor_cpu_seconds": round(floor_cpu, 2),
        "dyadwatch_cpu_seconds": round(dyad_cpu, 2),
        "cpu_ratio_floor_over_dyadwatch": round(floor_cpu / dyad_cpu, 2),
        "floor_articles_per_s": round(articles / floor_s, 2),
        "dyadwatch_articles_per_s": round(articles / dyad_s, 2),
        "floor_words_per_s": round(words / floor_s),
        "dyadwatch_words_per_s": round(words / dyad_s),
        "floor_peak_rss_mb": round(max(r for _, r, _ in runs["floor"])),
        "dyadwatch_peak_rss_mb": round(max(r for _, r, _ in runs["dyadwatch"])),
        "all_seconds": {k: [round(s, 2) for s, _, _ in v] for k, v in runs.items()},
        "all_cpu_seconds": {k: [round(c, 2) for _, _, c in v] for k, v in runs.items()},
        "load_average": os.getloadavg()[0],
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
    }
    if not args.no_recall:
        full_out = tmp / "full.jsonl"
        full_env = {**env, "DYADWATCH_PREFILTER": "false"}
        full_s, _, full_cpu = timed([*dyad_cmd, "--output", str(full_out)], full_env)
        fast, full = event_keys(fast_out), event_keys(full_out)
        result |= {
            "full_parse_seconds": round(full_s, 2),
            "full_parse_cpu_seconds": round(full_cpu, 2),
            "events": len(fast),
            "full_parse_events": len(full),
            "event_recall": round(len(fast & full) / max(1, len(full)), 4),
            "events_not_in_full_parse": len(fast - full),
        }
    print(json.dumps(result, indent=2))
    output = args.output or REPO / "bench" / "results" / f"floor-{args.corpus}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
