"""The learned sentence gate: which word-gate sentences are worth parsing, before parsing.

The word gate (``dyadwatch.nlp.gate``) keeps every sentence in which some whole verb-dictionary
entry could match. In news that is most sentences ("said", "told", "to meet"), while only a
fraction of them yield an event once parsed. This gate scores a sentence the word gate admits
with a logistic regression over cheap features of its tokens (no parse): its lower-cased
words, whether it could mention an actor, its place in the document, its length, how many
capitalised words and numbers it has. The weights come from ``data/sentence_gate.json``,
trained by ``tools/train_sentence_gate.py`` on the coder's own full-parse output (a sentence
that yields an event is a positive); the file records how it was trained, the threshold and
the recall it was chosen for, and which articles were held out of training.

Only a sentence the word gate admits can hold an event, so this gate can only drop sentences
the word gate would have parsed: it trades a measured share of the events for parse time
(``bench/bench_floor.py --held-out``). Chosen with ``prefilter_gate = "learned"``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data") / "sentence_gate.json"

_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019")
_POSITION_BUCKETS = (0, 1, 2, 4, 8, 16)
_LENGTH_BUCKETS = (6, 12, 20, 30, 45, 70)
_CAPS_BUCKETS = (0, 1, 2, 4, 7)


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def sentence_features(words: Sequence[str], position: int, could_mention_actor: bool) -> set[str]:
    """The features of one sentence: ``words`` are its tokens' texts (no spaces), ``position``
    its index among the document's sentences."""
    features = {"bias", f"pos={_bucket(position, _POSITION_BUCKETS)}"}
    features.add(f"len={_bucket(len(words), _LENGTH_BUCKETS)}")
    caps = sum(1 for w in words[1:] if w[:1].isupper())
    features.add(f"caps={_bucket(caps, _CAPS_BUCKETS)}")
    if could_mention_actor:
        features.add("actor")
    for word in words:
        if any(c.isdigit() for c in word):
            features.add("number")
        elif word in _QUOTES:
            features.add("quote")
        else:
            features.add("w=" + word.lower())
    if words:
        features.add("first=" + words[0].lower())
    return features


@dataclass(frozen=True)
class SentenceGate:
    """A logistic regression over :func:`sentence_features`; keeps a sentence scoring at or
    above ``threshold`` (a log-odds)."""

    weights: dict[str, float]
    threshold: float
    training: dict[str, Any] = field(default_factory=dict)

    def score(self, features: set[str]) -> float:
        get = self.weights.get
        return sum(get(f, 0.0) for f in features)

    def probability(self, features: set[str]) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(features)))

    def keeps(self, words: Sequence[str], position: int, could_mention_actor: bool) -> bool:
        return self.score(sentence_features(words, position, could_mention_actor)) >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "dyadwatch.sentence_gate.v1",
            "threshold": self.threshold,
            "training": self.training,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SentenceGate:
        if data.get("format") != "dyadwatch.sentence_gate.v1":
            raise ValueError(f"not a sentence gate file: format {data.get('format')!r}")
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data["threshold"]), dict(data.get("training", {})))


@cache
def load_sentence_gate(path: Path = DATA) -> SentenceGate:
    """The packaged gate (or the one at ``path``), loaded once per process."""
    return SentenceGate.from_json(json.loads(path.read_text(encoding="utf-8")))
