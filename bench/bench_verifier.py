"""Cross-validated scores of the rule coder alone vs rules + verifier, and verifier throughput.

The dev gold (Multi-CoPED and PLOVER sentences) is cut into K folds, each stratified by label;
for each fold a verifier is trained on the other folds of both sets and judges the rule events
of the held-back sentences. Scores are pooled over all folds (every sentence is scored exactly
once, by a model that never saw it). Throughput: sentences/s of the last fold's model on all
Multi-CoPED sentences on this machine's CPU.

    .venv/bin/python bench/bench_verifier.py --folds 5 --epochs 5 --max-length 96 --threads 2

Needs the ml extra (pip install torch==2.13.0, then pip install -e '.[ml]').
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dyadwatch.verifier.policy import VerifierPolicy

# other policies scored on the same predictions (docs/verifier.md, bench/README.md)
VARIANTS = {
    "no_proposals": VerifierPolicy(propose="none"),
    "drop_below_0.3": VerifierPolicy(drop_below=0.3),
    "drop_below_0.05": VerifierPolicy(drop_below=0.05),
}

GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=GOLD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only-folds", type=int, default=0, help="run only the first N folds")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--max-length", type=int, default=96)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--freeze-layers", type=int, default=0)
    parser.add_argument("--output", type=Path, default=Path("bench/results/verifier.json"))
    parser.add_argument("--predictions", type=Path, help="write held-out predictions here")
    args = parser.parse_args()
    multicoped = args.gold_dir / "multicoped.dev.jsonl"
    plover = args.gold_dir / "plover_gsr.dev.jsonl"
    if not multicoped.is_file() or not plover.is_file():
        print(f"skipped: no dev gold under {args.gold_dir}")
        return 0

    import torch

    from dyadwatch.api import get_coder
    from dyadwatch.evaluation.gold import load_gold
    from dyadwatch.settings import Settings
    from dyadwatch.verifier import VerifiedCoder, load_verifier
    from dyadwatch.verifier.examples import read_examples
    from dyadwatch.verifier.training import TrainingOptions, train_examples

    torch.set_num_threads(args.threads)
    coder = get_coder(Settings())
    sets: dict[str, Any] = {}
    for kind, path in (("multicoped", multicoped), ("plover", plover)):
        gold = load_gold(path)
        docs = gold.documents()
        events = {r.document.id: list(r.events) for r in coder.code_many(docs)}
        examples = read_examples(path)
        sets[kind] = {
            "records": list(gold.records),
            "docs": docs,
            "rules": [events[d.id] for d in docs],
            "examples": examples,
            "fold": _folds([e.label or (e.plover_type or "") for e in examples], args.folds),
            "verified": [None] * len(docs),
            "alone": [None] * len(docs),
        }
    _log("rule events of both dev sets coded")
    options = TrainingOptions(
        epochs=args.epochs,
        max_length=args.max_length,
        threads=args.threads,
        holdout=0.0,
        freeze_layers=args.freeze_layers,
    )
    fold_seconds: list[float] = []
    seen: dict[str, Any] = {}
    runs = args.only_folds or args.folds
    verifier = None
    for fold in range(runs):
        train = [
            e
            for s in sets.values()
            for e, f in zip(s["examples"], s["fold"], strict=True)
            if f != fold
        ]
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            train_examples(train, Path(tmp) / f"fold{fold}", options, log=_log)
            verifier = load_verifier(Path(tmp) / f"fold{fold}", threads=args.threads)
        fold_seconds.append(time.perf_counter() - started)
        recorder = _Recording(verifier, seen)
        wrapped = VerifiedCoder(coder, recorder)
        for s in sets.values():
            held = [i for i, f in enumerate(s["fold"]) if f == fold]
            results = wrapped.verify([(s["docs"][i], s["rules"][i]) for i in held])
            for name, policy in VARIANTS.items():
                replay = VerifiedCoder(coder, _Recording(verifier, seen, replay=True), policy)
                for i, result in zip(
                    held, replay.verify([(s["docs"][i], s["rules"][i]) for i in held]), strict=True
                ):
                    s.setdefault(name, [None] * len(s["docs"]))[i] = result.events
            alone = recorder.predict([s["docs"][i].text for i in held])
            for i, result, prediction in zip(held, results, alone, strict=True):
                s["verified"][i] = result.events
                s["alone"][i] = prediction.best()[0]
        print(f"fold {fold + 1}/{runs}: {len(train)} training sentences, "
              f"{fold_seconds[-1]:.0f} s", flush=True)  # fmt: skip
        figures = _figures(args, sets, fold_seconds, runs=fold + 1)
        _write(args.output, figures)  # partial figures survive an interrupted run
        if args.predictions:  # every held-out prediction, to score other policies offline
            dump = {t: {"classes": p.classes, "types": p.types} for t, p in seen.items()}
            args.predictions.write_text(json.dumps(dump) + "\n", encoding="utf-8")

    assert verifier is not None
    mc = sets["multicoped"]
    texts = [d.text for d in mc["docs"]]
    verifier.predict(texts[:32])  # warm up
    started = time.perf_counter()
    verifier.predict(texts)
    seconds = time.perf_counter() - started
    figures["inference"] = {
        "device": str(verifier.device),
        "sentences": len(texts),
        "seconds": round(seconds, 2),
        "sentences_per_second": round(len(texts) / seconds, 1),
    }
    print(json.dumps(figures, indent=2))
    _write(args.output, figures)
    return 0


def _figures(args: Any, sets: dict[str, Any], fold_seconds: list[float], runs: int) -> Any:
    """Pooled scores over the folds run so far."""
    from dyadwatch.evaluation.scoring import score_multicoped, score_plover

    figures: dict[str, Any] = {
        "folds": args.folds,
        "folds_run": runs,
        "epochs": args.epochs,
        "max_length": args.max_length,
        "threads": args.threads,
        "freeze_layers": args.freeze_layers,
        "train_seconds_per_fold": round(sum(fold_seconds) / len(fold_seconds), 1),
    }
    mc = sets["multicoped"]
    scored = [i for i, v in enumerate(mc["verified"]) if v is not None]
    records = [mc["records"][i] for i in scored]
    for name, produced in (
        ("rules", [mc["rules"][i] for i in scored]),
        ("rules+verifier", [mc["verified"][i] for i in scored]),
    ):
        accuracy, macro, _ = score_multicoped(list(zip(records, produced, strict=True)))
        figures[f"multicoped_{name}"] = {
            "accuracy": round(accuracy, 4),
            "macro_f1": round(macro, 4),
        }
    figures["multicoped_verifier_alone"] = _alone(records, [mc["alone"][i] for i in scored])
    figures["multicoped_sentences"] = len(scored)
    pl = sets["plover"]
    scored = [i for i, v in enumerate(pl["verified"]) if v is not None]
    for name, key in (("rules", "rules"), ("rules+verifier", "verified")):
        prf = score_plover([(pl["records"][i], pl[key][i]) for i in scored])
        figures[f"plover_{name}"] = {
            f"{k}_{m}": round(getattr(v, m), 4)
            for k, v in prf.items()
            for m in ("precision", "recall", "f1")
        }
    figures["plover_sentences"] = len(scored)
    for name in VARIANTS:
        if name not in mc:
            continue
        produced = [mc[name][i] for i in range(len(mc["docs"])) if mc["verified"][i] is not None]
        accuracy, macro, _ = score_multicoped(list(zip(records, produced, strict=True)))
        prf = score_plover([(pl["records"][i], pl[name][i]) for i in scored])
        figures[f"variant_{name}"] = {
            "multicoped_accuracy": round(accuracy, 4),
            "multicoped_macro_f1": round(macro, 4),
            "plover_source_f1": round(prf["source"].f1, 4),
            "plover_dyad_f1": round(prf["dyad"].f1, 4),
        }
    return figures


class _Recording:
    """A predictor that remembers each sentence's prediction, or replays remembered ones (so
    policy variants are scored without running the model again)."""

    def __init__(self, verifier: Any, seen: dict[str, Any], replay: bool = False) -> None:
        self.verifier, self.seen, self.replay = verifier, seen, replay
        self.name, self.version = verifier.name, verifier.version

    def predict(self, sentences: list[str]) -> list[Any]:
        if self.replay:
            return [self.seen[s] for s in sentences]
        predictions = self.verifier.predict(sentences)
        self.seen.update(zip(sentences, predictions, strict=True))
        return list(predictions)


def _write(path: Path, figures: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def _log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def _folds(labels: list[str], k: int) -> list[int]:
    """A fold per example, stratified: within each label, examples in a hashed order deal out
    round-robin."""
    folds = [0] * len(labels)
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    for indices in by_label.values():
        ordered = sorted(indices, key=lambda i: hashlib.sha1(str(i).encode()).digest())
        for n, i in enumerate(ordered):
            folds[i] = n % k
    return folds


def _alone(records: list[Any], labels: list[str]) -> dict[str, float]:
    """The classifier on its own (every sentence gets its best class)."""
    from dyadwatch.verifier.examples import CLASS_NAMES

    pairs = [(CLASS_NAMES[r.quad], p) for r, p in zip(records, labels, strict=True)]
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    f1s = []
    for label in CLASS_NAMES:
        tp = sum(g == p == label for g, p in pairs)
        predicted = sum(p == label for _, p in pairs)
        actual = sum(g == label for g, _ in pairs)
        f1s.append(2 * tp / (predicted + actual) if tp else 0.0)
    return {"accuracy": round(accuracy, 4), "macro_f1": round(sum(f1s) / len(f1s), 4)}


if __name__ == "__main__":
    sys.exit(main())
