"""Gold files: PLOVER gold-standard records and Multi-CoPED sentences (docs/evaluation.md).

The kind of a file is detected from its records' fields: ``event`` + ``source`` is the PLOVER
set, ``quad`` is Multi-CoPED. A malformed file raises :class:`EvaluationError` naming the line.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from dyadwatch.errors import EvaluationError
from dyadwatch.model import Document

GoldKind = Literal["plover", "multicoped"]

PLOVER_TYPES = frozenset(
    """AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT INVESTIGATE DEMAND DISAPPROVE
    REJECT THREATEN PROTEST MOBILIZE SANCTION COERCE ASSAULT FIGHT""".split()  # noqa: SIM905
)
QUAD_CLASSES = (0, 1, 2, 3, 4)


@dataclass(frozen=True, slots=True)
class PloverRecord:
    id: str
    text: str
    date: dt.date | None
    event: str  # PLOVER v0.5 type
    sources: tuple[str, ...]  # actor codes as written in the gold
    targets: tuple[str, ...]  # empty: the gold names no target


@dataclass(frozen=True, slots=True)
class MulticopedRecord:
    id: str
    text: str
    quad: int  # 0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict


GoldRecord = PloverRecord | MulticopedRecord


@dataclass(frozen=True, slots=True)
class GoldSet:
    path: str
    kind: GoldKind
    records: tuple[GoldRecord, ...]

    def documents(self) -> list[Document]:
        """One document per record: each gold sentence is coded on its own."""
        return [
            Document(
                id=r.id,
                text=r.text,
                date=r.date if isinstance(r, PloverRecord) else None,
                origin=f"{self.path}:{r.id}",
            )
            for r in self.records
        ]


def gold_file_kind(path: str | Path) -> GoldKind | Literal["articles"] | None:
    """The kind of a gold file from its first record: article gold names an ``article`` and an
    ``anchor``; otherwise as :func:`detect_kind`. None when the first line is not a record."""
    try:
        with Path(path).open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read gold file {path}: {exc}") from exc
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return None  # the full reader names the bad line
    if not isinstance(record, dict):
        return None
    if "article" in record and "anchor" in record:
        return "articles"
    return detect_kind(record)


def detect_kind(record: dict[str, Any]) -> GoldKind | None:
    if "event" in record and "source" in record:
        return "plover"
    if "quad" in record:
        return "multicoped"
    return None


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _codes(value: Any, where: str) -> tuple[str, ...]:
    """Actor codes from a gold ``source``/``target`` field (a list of {actorText, code})."""
    if value in ("", None):
        return ()
    if not isinstance(value, list):
        raise EvaluationError(f"{where}: actors must be a list of objects, got {value!r}")
    codes: list[str] = []
    for actor in value:
        if not isinstance(actor, dict) or not isinstance(actor.get("code"), str):
            raise EvaluationError(f"{where}: actor without a code: {actor!r}")
        codes.append(actor["code"].strip())
    return tuple(codes)


def _plover(record: dict[str, Any], where: str) -> PloverRecord:
    event = record.get("event")
    if event not in PLOVER_TYPES:
        raise EvaluationError(f"{where}: unknown PLOVER type {event!r}")
    sources = _codes(record.get("source"), where)
    if not sources:
        raise EvaluationError(f"{where}: record has no source actor")
    return PloverRecord(
        id=str(record.get("id", where)),
        text=_text(record, where),
        date=_date(record.get("date")),
        event=event,
        sources=sources,
        targets=_codes(record.get("target"), where),
    )


def _multicoped(record: dict[str, Any], where: str) -> MulticopedRecord:
    quad = record.get("quad")
    if not isinstance(quad, int) or isinstance(quad, bool) or quad not in QUAD_CLASSES:
        raise EvaluationError(f"{where}: quad must be 0-4, got {quad!r}")
    return MulticopedRecord(id=str(record.get("id", where)), text=_text(record, where), quad=quad)


def _text(record: dict[str, Any], where: str) -> str:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise EvaluationError(f"{where}: record has no text")
    return text


def load_gold(path: str | Path) -> GoldSet:
    """Read and validate a gold JSON Lines file; its kind comes from the first record."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read gold file {path}: {exc}") from exc
    kind: GoldKind | None = None
    records: list[GoldRecord] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{where}: not JSON: {exc.msg}") from None
        if not isinstance(record, dict):
            raise EvaluationError(f"{where}: a record must be a JSON object")
        this = detect_kind(record)
        if this is None:
            raise EvaluationError(
                f"{where}: neither a PLOVER record (event, source) nor Multi-CoPED (quad)"
            )
        if kind is not None and this != kind:
            raise EvaluationError(f"{where}: a {this} record in a {kind} file")
        kind = this
        parsed = _plover(record, where) if kind == "plover" else _multicoped(record, where)
        # a few PLOVER sentences are gold for two events: both stay, with distinct ids
        uid = parsed.id
        while uid in seen:
            uid += "+"
        seen.add(uid)
        records.append(parsed if uid == parsed.id else _with_id(parsed, uid))
    if kind is None:
        raise EvaluationError(f"{path}: no gold records")
    return GoldSet(str(path), kind, tuple(records))


def _with_id(record: GoldRecord, uid: str) -> GoldRecord:
    if isinstance(record, PloverRecord):
        return PloverRecord(
            uid, record.text, record.date, record.event, record.sources, record.targets
        )
    return MulticopedRecord(uid, record.text, record.quad)
