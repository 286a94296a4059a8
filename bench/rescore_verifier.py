"""Score verifier policies on the held-out predictions that bench_verifier.py recorded.

No training and no model: the rule coder codes the dev gold again and each policy judges its
events with the cross-validated predictions (every sentence's prediction came from a model that
never saw it), so thresholds and proposal modes are compared on the same footing.

    .venv/bin/python bench/rescore_verifier.py bench/results/verifier-predictions.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dyadwatch.verifier.policy import Prediction, VerifierPolicy

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
POLICIES = {
    "default (flag 0.5, drop 0.1, replacements)": VerifierPolicy(),
    "no proposals": VerifierPolicy(propose="none"),
    "sentences (also actor sentences without events)": VerifierPolicy(propose="sentences"),
    "drop 0.2, sentences": VerifierPolicy(drop_below=0.2, propose="sentences"),
    "drop 0.3, sentences": VerifierPolicy(drop_below=0.3, propose="sentences"),
    "drop 0.05, replacements": VerifierPolicy(drop_below=0.05),
}


class Replay:
    """Predictions by sentence text; a sentence never predicted reads as 'no opinion'."""

    name = "cv"
    version = "cv"

    def __init__(self, recorded: dict[str, Any]) -> None:
        self.recorded = recorded
        self.missing = 0

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        out = []
        for sentence in sentences:
            found = self.recorded.get(sentence)
            if found is None:
                self.missing += 1
                out.append(Prediction({"statement": 0.0}))
            else:
                out.append(Prediction(found["classes"], found.get("types") or {}))
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("predictions", type=Path)
    parser.add_argument("--gold-dir", type=Path, default=GOLD)
    args = parser.parse_args()
    if not args.gold_dir.is_dir():
        print(f"skipped: no dev gold under {args.gold_dir}")
        return 0
    from dyadwatch.api import get_coder
    from dyadwatch.evaluation.gold import load_gold
    from dyadwatch.evaluation.scoring import score_multicoped, score_plover
    from dyadwatch.settings import Settings
    from dyadwatch.verifier import VerifiedCoder

    recorded = json.loads(args.predictions.read_text(encoding="utf-8"))
    coder = get_coder(Settings())
    coded = {}
    for kind in ("multicoped", "plover_gsr"):
        gold = load_gold(args.gold_dir / f"{kind}.dev.jsonl")
        # only sentences a fold's model judged (all of them after a complete run)
        judged = [(r, d) for r, d in zip(gold.records, gold.documents(), strict=True)
                  if d.text in recorded]  # fmt: skip
        events = {r.document.id: list(r.events) for r in coder.code_many(d for _, d in judged)}
        coded[kind] = ([r for r, _ in judged], [(d, events[d.id]) for _, d in judged])
        print(f"{kind}: {len(judged)} of {len(gold.records)} sentences judged", flush=True)
    rows: dict[str, Any] = {}
    for name, policy in {"rules alone": None, **POLICIES}.items():
        replay = Replay(recorded)
        row: dict[str, float] = {}
        for kind, (records, pairs) in coded.items():
            if policy is None:
                produced = [events for _, events in pairs]
            else:
                wrapped = VerifiedCoder(coder, replay, policy)
                produced = [r.events for r in wrapped.verify(pairs)]
            scored = list(zip(records, produced, strict=True))
            if kind == "multicoped":
                accuracy, macro, _ = score_multicoped(scored)  # type: ignore[arg-type]
                row["multicoped_accuracy"], row["multicoped_macro_f1"] = accuracy, macro
            else:
                prf = score_plover(scored)  # type: ignore[arg-type]
                for part in ("source", "dyad"):
                    row[f"plover_{part}_precision"] = prf[part].precision
                    row[f"plover_{part}_recall"] = prf[part].recall
                    row[f"plover_{part}_f1"] = prf[part].f1
        row["sentences_without_prediction"] = replay.missing
        rows[name] = {k: round(v, 4) for k, v in row.items()}
        print(name, json.dumps(rows[name]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
