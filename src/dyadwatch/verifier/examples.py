"""Labelled sentences for the verifier, read from the gold formats dyadwatch knows.

Every example is one sentence with up to two labels: its class (the five Multi-CoPED classes,
or ``none`` for a sentence of an annotated article that reports no event) and, where the gold
names one, its PLOVER v0.5 type. Sources: PLOVER gold records, Multi-CoPED sentences (both
read by :func:`dyadwatch.evaluation.gold.load_gold`) and article gold (``docs/evaluation.md``:
one event per line with an ``anchor`` copied from the article), which needs the corpus the
articles come from to recover each anchor's sentence. No torch here: this module is usable
without the ``ml`` extra.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyadwatch.errors import EvaluationError
from dyadwatch.evaluation.gold import PLOVER_TYPES, MulticopedRecord, load_gold
from dyadwatch.evaluation.scoring import QUAD_NAMES, quad_of, v05_type

NONE_CLASS = "none"
CLASS_NAMES: tuple[str, ...] = QUAD_NAMES  # index = Multi-CoPED quad
PLOVER_TYPE_NAMES: tuple[str, ...] = tuple(sorted(PLOVER_TYPES))
# the CAMEO root each PLOVER v0.5 type stands for (docs/evaluation.md); RETREAT has two homes
# (087 in material cooperation, 166 in material conflict), so it gives no class on its own
TYPE_ROOTS = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "INVESTIGATE": "09", "DEMAND": "10", "DISAPPROVE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18", "FIGHT": "19",
}  # fmt: skip

# a sentence ends at . ! ? (optionally closed by a quote or bracket) before a capital or quote
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Example:
    """One training sentence: its class name and, when the gold gives one, its PLOVER type."""

    text: str
    label: str  # one of CLASS_NAMES or NONE_CLASS
    plover_type: str | None = None
    origin: str = ""


def class_of_code(code: str) -> str:
    """The class name of a CAMEO code (by its root)."""
    return CLASS_NAMES[quad_of(code)]


def class_of_type(plover_type: str) -> str | None:
    root = TYPE_ROOTS.get(plover_type)
    return class_of_code(root) if root else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``: a cheap splitter, enough to find the
    sentence an anchor sits in (no parser needed)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def read_examples(path: str | Path, corpus: Path | None = None) -> list[Example]:
    """Examples from one gold file: PLOVER or Multi-CoPED sentences, or article gold (which
    needs ``corpus``; without it an :class:`EvaluationError` says so)."""
    path = Path(path)
    first = _first_record(path)
    if "anchor" in first and "article" in first:
        if corpus is None:
            raise EvaluationError(
                f"{path} is article gold: give the corpus its articles come from (--corpus)"
            )
        return read_article_examples(path, corpus)
    gold = load_gold(path)
    examples: list[Example] = []
    for record in gold.records:
        origin = f"{path}:{record.id}"
        if isinstance(record, MulticopedRecord):
            examples.append(Example(record.text, CLASS_NAMES[record.quad], None, origin))
        else:
            label = class_of_type(record.event)
            # a RETREAT sentence still teaches the type head; its class is unknown
            examples.append(Example(record.text, label or "", record.event, origin))
    return examples


def _first_record(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    record = json.loads(line)
                    if not isinstance(record, dict):
                        raise EvaluationError(f"{path}:{number}: a record must be a JSON object")
                    return record
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read gold file {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path}: not JSON: {exc.msg}") from None
    raise EvaluationError(f"{path}: no gold records")


def load_corpus(corpus: Path) -> dict[str, str]:
    """Article id -> text (title, blank line, text) from a JSON Lines corpus (optionally .gz)."""
    import gzip

    opener: Any = gzip.open if corpus.suffix == ".gz" else open
    articles: dict[str, str] = {}
    try:
        with opener(corpus, "rt", encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    articles[record["id"]] = str(record.get("text") or "")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read corpus {corpus}: {exc}") from exc
    return articles


def read_article_examples(path: Path, corpus: Path) -> list[Example]:
    """Sentences of annotated articles: a sentence holding an anchor takes the class (and
    PLOVER type) of its first event; the other sentences of those articles are ``none``.
    Events whose article or anchor cannot be found are skipped (their count is not an error:
    the gold may cover articles of another corpus)."""
    articles = load_corpus(corpus)
    labelled: dict[str, dict[tuple[int, int], tuple[str, str | None]]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{number}: not JSON: {exc.msg}") from None
        text = articles.get(str(event.get("article")))
        anchor = event.get("anchor")
        code = str(event.get("code") or "")
        if text is None or not isinstance(anchor, str) or not code[:2].isdigit():
            continue
        at = text.find(anchor)
        if at < 0:
            continue
        spans = labelled.setdefault(str(event["article"]), {})
        sentence = next((s for s in split_sentences(text) if s[0] <= at < s[1]), None)
        if sentence is not None and sentence not in spans:
            quad = event.get("quad")
            label = CLASS_NAMES[quad] if quad in range(5) else class_of_code(code)
            spans[sentence] = (label, v05_type(code))
    examples: list[Example] = []
    for article, spans in labelled.items():
        text = articles[article]
        for span in split_sentences(text):
            label, plover_type = spans.get(span, (NONE_CLASS, None))
            examples.append(
                Example(text[span[0] : span[1]], label, plover_type, f"{path}:{article}")
            )
    return examples


def gather(paths: Sequence[str | Path], corpus: Path | None = None) -> list[Example]:
    """Examples of several gold files; a sentence met twice keeps its first labels."""
    seen: set[str] = set()
    out: list[Example] = []
    for path in paths:
        for example in read_examples(path, corpus):
            key = " ".join(example.text.split())
            if key not in seen:
                seen.add(key)
                out.append(example)
    return out


def digest(examples: Iterable[Example]) -> str:
    """A digest of the training data (texts and labels), recorded with the model."""
    h = hashlib.sha256()
    for e in examples:
        h.update(f"{e.text}\x1f{e.label}\x1f{e.plover_type or ''}\x1e".encode())
    return h.hexdigest()[:16]


def stratified_split(
    examples: Sequence[Example], share: float, seed: int = 0
) -> tuple[list[Example], list[Example]]:
    """(train, held-out): ``share`` of each label (at least one of a label with three or more
    examples), taken in a hashed order, so the split is the same on every run and every class
    is represented."""
    if share <= 0:
        return list(examples), []
    by_label: dict[str, list[Example]] = {}
    for e in examples:
        by_label.setdefault(e.label or (e.plover_type or ""), []).append(e)
    train: list[Example] = []
    held: list[Example] = []
    for group in by_label.values():
        ordered = sorted(group, key=lambda e: hashlib.sha1(f"{seed}:{e.text}".encode()).digest())
        n = round(len(group) * share) or (1 if len(group) >= 3 else 0)
        train.extend(ordered[: len(ordered) - n])
        held.extend(ordered[len(ordered) - n :])
    return train, held
