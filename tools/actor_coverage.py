"""How often the gold actors' countries are among the recognised actors (development aid).

Usage: .venv/bin/python tools/actor_coverage.py [GOLD.jsonl] [--misses N]

For each gold sentence, runs the actor recognizer and compares at country level as the gold
scorer does (first three letters; every IGO* code as IGO; JAP = JPN, ITL = ITA). Prints the
share of sentences whose gold source (and target) country is among the recognised actors.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.nlp.pipeline import load_pipeline

ALIASES = {"JAP": "JPN", "ITL": "ITA"}
DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared/gold/plover_gsr.dev.jsonl"


def country_level(code: str) -> str:
    head = code[:3]
    return "IGO" if head in ("IGO", "UNO", "NAT", "EEC", "ASN") else ALIASES.get(head, head)


def gold_codes(actors: object) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {country_level(a["code"]) for a in actors if a.get("code")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    parser.add_argument("--targets", action="store_true", help="list target misses too")
    args = parser.parse_args()
    nlp = load_pipeline()
    recognizer = ActorRecognizer.load()
    records = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    hits = {"source": 0, "target": 0}
    totals = {"source": 0, "target": 0}
    misses: list[str] = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        found = {country_level(m.actor.code) for m in recognizer.find(doc)}
        for side in ("source", "target"):
            wanted = gold_codes(record.get(side))
            if not wanted:
                continue
            totals[side] += 1
            if wanted & found:
                hits[side] += 1
            elif side == "source" or args.targets:
                misses.append(f"{sorted(wanted)} found={sorted(found)} :: {record['text']}")
    for side in ("source", "target"):
        share = hits[side] / totals[side] if totals[side] else 0.0
        print(f"{side}: {hits[side]}/{totals[side]} = {share:.1%} gold {side} country recognised")
    for line in misses[: args.misses]:
        print("MISS", line)


if __name__ == "__main__":
    main()
