"""Article-level gold: events annotated on whole articles, and how the coder is scored on them.

Sentence gold hides what users meet: whole articles with background, quotes and tails of "X
said". An article gold file (JSON Lines, one event per line, docs/evaluation.md) names for each
event its article, an anchor (words of the sentence that states it), source, target, CAMEO code
and five-class quad, and the event's date. The articles' text is read from corpus inputs (JSON
Lines records by id, or files by name), never copied into the gold.

A produced event matches a gold event when its evidence sentence contains the anchor, its source
country and quad agree, and its target country agrees where the gold names a target. Matching is
one-to-one.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyadwatch.errors import EvaluationError
from dyadwatch.evaluation.scoring import country_of, quad_of
from dyadwatch.model import Document, Event

ARTICLE_FIELDS = frozenset({"article", "anchor", "source", "quad"})
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WORD = re.compile(r"\w+")
# An anchor may be given as a digest of its words, for texts whose words may not be copied:
# "sha256:<hex digest of the casefolded words joined by one space>:<number of words>"
_DIGEST = re.compile(r"^sha256:([0-9a-f]{64}):(\d{1,3})$")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    article: str
    anchor: str
    source: str
    target: str | None
    code: str | None
    quad: int
    date: str | None
    line: int  # where it is in the gold file, for error listings

    @property
    def substantive(self) -> bool:
        return self.quad > 0

    def describe(self) -> str:
        code = self.code or f"q{self.quad}"
        return f"{self.source} {code} {self.target or '-'}" + (
            f" @{self.date}" if self.date else ""
        )


def is_article_gold(record: dict[str, Any]) -> bool:
    return record.keys() >= ARTICLE_FIELDS


def normalise(text: str) -> str:
    """Whitespace-insensitive, case-insensitive form used to find an anchor in a sentence."""
    return _SPACES.sub(" ", text).strip().casefold()


def _optional_str(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise EvaluationError(f"{where}: {key} must be a string or null, got {value!r}")
    return value.strip()


def parse_gold_event(record: dict[str, Any], where: str, line: int) -> GoldEvent:
    for key in ("article", "anchor", "source"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise EvaluationError(f"{where}: {key} must be a non-empty string")
    quad = record.get("quad")
    if not isinstance(quad, int) or isinstance(quad, bool) or not 0 <= quad <= 4:
        raise EvaluationError(f"{where}: quad must be 0-4, got {quad!r}")
    code = _optional_str(record, "code", where)
    if code is not None and (not code.isdigit() or quad_of(code) != quad):
        raise EvaluationError(f"{where}: code {code!r} is not a CAMEO code of quad {quad}")
    date = _optional_str(record, "date", where)
    if date is not None and not _DATE.match(date):
        raise EvaluationError(f"{where}: date must be YYYY, YYYY-MM or YYYY-MM-DD, got {date!r}")
    return GoldEvent(
        article=record["article"].strip(),
        anchor=record["anchor"],
        source=record["source"].strip().upper(),
        target=(_optional_str(record, "target", where) or "").upper() or None,
        code=code,
        quad=quad,
        date=date,
        line=line,
    )


def load_article_gold(path: str | Path) -> list[GoldEvent]:
    """Read and validate an article gold file; a malformed line raises naming the line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read gold file {path}: {exc}") from exc
    events: list[GoldEvent] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{where}: not JSON: {exc.msg}") from None
        if not isinstance(record, dict) or not is_article_gold(record):
            raise EvaluationError(f"{where}: an article gold record needs {sorted(ARTICLE_FIELDS)}")
        events.append(parse_gold_event(record, where, number))
    if not events:
        raise EvaluationError(f"{path}: no gold records")
    return events


def article_of(document: Document, articles: set[str]) -> str | None:
    """The gold article a document belongs to: its own id, the page it was split from, or the
    name of the file it was read from (a page read from ``seed/x.txt`` is article ``x``)."""
    candidates = [document.id, document.parent_id or ""]
    origin = document.origin.split(":", 1)[0] if document.origin else ""
    if origin:
        candidates.append(Path(origin).stem)
    for candidate in candidates:
        if candidate in articles:
            return candidate
    return next((a for a in articles if document.id.startswith(f"{a}#")), None)


def anchor_digest(anchor: str) -> str:
    """The digest form of an anchor: what a gold file can hold instead of the words."""
    words = _WORD.findall(normalise(anchor))
    return f"sha256:{hashlib.sha256(' '.join(words).encode()).hexdigest()}:{len(words)}"


def anchor_in(gold: GoldEvent, event: Event) -> bool:
    digest = _DIGEST.match(gold.anchor)
    if digest is None:
        return normalise(gold.anchor) in normalise(event.evidence.text)
    wanted, size = digest.group(1), int(digest.group(2))
    words = _WORD.findall(normalise(event.evidence.text))
    return any(
        hashlib.sha256(" ".join(words[i : i + size]).encode()).hexdigest() == wanted
        for i in range(len(words) - size + 1)
    )


def same_country(code: str | None, gold_code: str | None) -> bool:
    return code is not None and gold_code is not None and country_of(code) == country_of(gold_code)


def matches(gold: GoldEvent, event: Event) -> bool:
    if not anchor_in(gold, event) or quad_of(event.code) != gold.quad:
        return False
    if not same_country(event.source.code, gold.source):
        return False
    if gold.target is None:
        return True
    return event.target is not None and same_country(event.target.code, gold.target)


def match_article(gold: list[GoldEvent], produced: list[Event]) -> list[tuple[int, int]]:
    """One-to-one (gold index, event index) pairs; exact matches on target first, so a gold
    event with a target is not taken by a targetless gold event's looser match."""
    pairs: list[tuple[int, int]] = []
    used_events: set[int] = set()
    order = sorted(range(len(gold)), key=lambda i: gold[i].target is None)
    for gi in order:
        for ei, event in enumerate(produced):
            if ei not in used_events and matches(gold[gi], event):
                pairs.append((gi, ei))
                used_events.add(ei)
                break
    return pairs


def miss_kind(gold: GoldEvent, produced: list[Event]) -> str:
    """Why a gold event was missed, judged from the events of its sentence."""
    here = [e for e in produced if anchor_in(gold, e)]
    if not here:
        return "no event in sentence"
    if not any(same_country(e.source.code, gold.source) for e in here):
        return "wrong source"
    here = [e for e in here if same_country(e.source.code, gold.source)]
    if not any(quad_of(e.code) == gold.quad for e in here):
        return "wrong class"
    here = [e for e in here if quad_of(e.code) == gold.quad]
    if all(e.target is None for e in here):
        return "missing target"
    return "wrong target"
