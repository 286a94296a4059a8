"""Train the learned sentence gate (``src/dyadwatch/nlp/data/sentence_gate.json``).

The gate is trained on the coder's own full-parse output: each corpus is given with the events
of ``DYADWATCH_PREFILTER=false dyadwatch code CORPUS --format jsonl`` over it. The text is
split as the prefilter splits it; a sentence the word gate keeps (a dictionary entry's words
and a possible actor; with no date cue: those are parsed anyway) is an example, positive when
a full-parse event's verb lies in it.
Articles are split deterministically by a hash of their id: half are trained on, half held out
(``bench/bench_floor.py --held-out`` scores only articles the gate was not trained on).

The threshold is chosen by 5-fold cross-validation over the training articles (folds by
article): the highest score that keeps ``--recall`` of the events of the positive sentences
out of fold. The model is a logistic regression with an L2 penalty fitted by L-BFGS
(scipy, which the development environment has through scikit-learn; the gate at run time
needs only the JSON). Deterministic: the same inputs give the same file.

    DYADWATCH_PREFILTER=false PYTHONPATH=src python -m dyadwatch code \\
        ../shared/corpora/wikinews.jsonl --workers 1 --output /tmp/full_wikinews.jsonl
    PYTHONPATH=src python tools/train_sentence_gate.py \\
        --data ../shared/corpora/wikinews.jsonl /tmp/full_wikinews.jsonl 0 0 \\
        --data ../shared/corpora/reuters21578.jsonl.gz /tmp/full_reuters.jsonl 150 1500

(the second events file from ``dyadwatch code`` over the first 1,500 Reuters articles of 150+
words, the same sample the tool takes with MIN_WORDS 150 and LIMIT 1500)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from scipy.optimize import minimize  # type: ignore[import-untyped]

from dyadwatch.coding.coder import Coder
from dyadwatch.nlp.prefilter import _DATE_CUE
from dyadwatch.nlp.sentence_gate import DATA, SentenceGate, sentence_features
from dyadwatch.settings import load_settings


@dataclass
class Example:
    doc_id: str
    features: set[str]
    events: int  # full-parse events whose verb lies in the sentence
    tokens: int


def held_out(doc_id: str) -> bool:
    """Half the articles, by a hash of the id (stable across runs and machines)."""
    return hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2 == 1


def read_corpus(path: Path, min_words: int, limit: int) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    docs: list[dict[str, Any]] = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if limit and len(docs) >= limit:
                break
            record = json.loads(line)
            count = len(record.get("text", "").split())
            if count and count >= min_words:
                docs.append(record)
    return docs


def verb_offsets(path: Path) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            found[event["doc_id"]].append(event["evidence"]["spans"]["verb"][0])
    return found


def examples(
    coder: Coder, docs: list[dict[str, Any]], verbs: dict[str, list[int]]
) -> list[Example]:
    prefilter = coder.prefilter
    out: list[Example] = []
    for record in docs:
        doc_id = str(record["id"])
        offsets = verbs.get(doc_id, [])
        doc = prefilter.split(record["text"])  # the prefilter's own sentences
        for position, sentence in enumerate(doc.sents):
            if _DATE_CUE.search(sentence.text):
                continue
            if not prefilter.gate.admits({t.lower_ for t in sentence}):
                continue
            if not prefilter.actors.could_mention_actor(sentence.text):
                continue  # the word gate's actor check drops it before the learned gate
            words = [t.text for t in sentence if not t.is_space]
            actor = True
            events = sum(sentence.start_char <= o < sentence.end_char for o in offsets)
            out.append(
                Example(doc_id, sentence_features(words, position, actor), events, len(words))
            )
    return out


def fit(matrix: Any, labels: np.ndarray, penalty: float) -> np.ndarray:
    """L2-penalised logistic regression (the bias, column 0, is not penalised)."""
    signs = labels * 2.0 - 1.0
    mask = np.ones(matrix.shape[1])
    mask[0] = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        margins = signs * (matrix @ w)
        value = np.logaddexp(0.0, -margins).sum() + 0.5 * penalty * float((mask * w) @ w)
        grad_m = -signs / (1.0 + np.exp(margins))
        grad = matrix.T @ grad_m + penalty * mask * w
        return float(value), np.asarray(grad)

    start = np.zeros(matrix.shape[1])
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return np.asarray(result.x)


def design(rows: list[Example], index: dict[str, int]) -> Any:
    cols: list[int] = []
    ptr = [0]
    for row in rows:
        cols.extend(sorted(index[f] for f in row.features if f in index))
        ptr.append(len(cols))
    data = np.ones(len(cols))
    return sparse.csr_matrix((data, cols, ptr), shape=(len(rows), len(index)))


def threshold_for(scores: np.ndarray, events: np.ndarray, recall: float) -> float:
    """The highest threshold that keeps ``recall`` of the events (weighted by event count)."""
    order = np.argsort(-scores, kind="stable")
    kept = np.cumsum(events[order]) / max(1, events.sum())
    cut = int(np.searchsorted(kept, recall))
    return float(scores[order][min(cut, len(order) - 1)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", nargs=4, action="append", required=True,
                        metavar=("CORPUS", "EVENTS", "MIN_WORDS", "LIMIT"))  # fmt: skip
    parser.add_argument("--recall", type=float, default=0.99)
    parser.add_argument("--penalty", type=float, default=16.0)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--output", type=Path, default=DATA)
    args = parser.parse_args()
    coder = Coder.load(load_settings(prefilter_gate="words"))
    train: list[Example] = []
    held: list[Example] = []
    trained_ids: dict[str, list[str]] = {}
    held_ids: dict[str, list[str]] = {}
    for corpus, events, min_words, limit in args.data:
        docs = read_corpus(Path(corpus), int(min_words), int(limit))
        name = Path(corpus).name
        trained_ids[name] = [str(d["id"]) for d in docs if not held_out(str(d["id"]))]
        held_ids[name] = [str(d["id"]) for d in docs if held_out(str(d["id"]))]
        for example in examples(coder, docs, verb_offsets(Path(events))):
            (held if held_out(example.doc_id) else train).append(example)
    counts = Counter(f for e in train for f in e.features)
    names = ["bias", *sorted(f for f, n in counts.items() if n >= args.min_count and f != "bias")]
    index = {f: i for i, f in enumerate(names)}
    matrix = design(train, index)
    labels = np.array([e.events > 0 for e in train], dtype=float)
    events = np.array([e.events for e in train], dtype=float)
    # out-of-fold scores, folds by article
    fold = np.array([int(hashlib.sha1(e.doc_id.encode()).hexdigest(), 16) // 2 % 5 for e in train])
    oof = np.zeros(len(train))
    for k in range(5):
        w = fit(matrix[fold != k], labels[fold != k], args.penalty)
        oof[fold == k] = matrix[fold == k] @ w
    threshold = threshold_for(oof, events, args.recall)
    weights = fit(matrix, labels, args.penalty)
    tokens = np.array([e.tokens for e in train], dtype=float)
    kept = oof >= threshold
    gate = SentenceGate(
        {f: round(float(w), 4) for f, w in zip(names, weights, strict=True) if abs(w) >= 1e-3},
        round(threshold, 4),
        {
            "trained_by": "tools/train_sentence_gate.py",
            "data": [
                {
                    "corpus": Path(c).name,
                    "events": "full parse (prefilter off)",
                    "min_words": int(m),
                    "limit": int(n),
                }
                for c, _, m, n in args.data
            ],
            "split": "held out when the first byte of sha1(article id) is odd",
            "examples": len(train),
            "positive_examples": int(labels.sum()),
            "recall_target": args.recall,
            "penalty": args.penalty,
            "min_count": args.min_count,
            "cv_event_recall": round(float(events[kept].sum() / max(1, events.sum())), 4),
            "cv_share_of_examples_kept": round(float(kept.mean()), 4),
            "cv_share_of_example_tokens_kept": round(float(tokens[kept].sum() / tokens.sum()), 4),
            "trained_doc_ids": trained_ids,
            "held_out_doc_ids": held_ids,
        },
    )
    if held:
        hm = design(held, index)
        he = np.array([e.events for e in held], dtype=float)
        hk = (hm @ np.array([gate.weights.get(f, 0.0) for f in names])) >= gate.threshold
        ht = np.array([e.tokens for e in held], dtype=float)
        gate.training["held_out_event_recall"] = round(float(he[hk].sum() / max(1, he.sum())), 4)
        gate.training["held_out_share_of_examples_kept"] = round(float(hk.mean()), 4)
        gate.training["held_out_share_of_example_tokens_kept"] = round(
            float(ht[hk].sum() / ht.sum()), 4
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(gate.to_json(), indent=1) + "\n", encoding="utf-8")
    summary = {k: v for k, v in gate.training.items() if not k.endswith("doc_ids")}
    print(json.dumps(summary | {"features": len(gate.weights)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
