"""Watches: saved filters with a rule, checked when ingest adds events, raising alerts.

Rules: ``streak:N[:FREQ]`` (a streak of at least N consecutive periods), ``spike:S[:FREQ]`` (a
period scoring at least S, see :mod:`.spikes`), ``first`` (the first matching event ever
stored). A rule fires only on a condition that a *new* event takes part in, and each condition
has a stable alert id (watch + kind + period), so checking the same events again, or a later
event extending an alerted streak, raises nothing twice. :func:`evaluate_watch` is pure;
:func:`check_watches` reads watches and events from the store and returns the new alerts (the
store writes them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import pandas as pd

from dyadwatch.analytics.delivery import Target, send_later
from dyadwatch.analytics.filters import EventFilter, filter_mask
from dyadwatch.analytics.frame import ANALYTICS_COLUMNS as ANALYTICS_COLUMNS  # re-exported
from dyadwatch.analytics.frame import prepare
from dyadwatch.analytics.loading import load_events as load_events  # re-exported
from dyadwatch.analytics.periods import FREQS, Freq, Unit
from dyadwatch.analytics.spikes import spikes
from dyadwatch.analytics.streaks import streaks
from dyadwatch.errors import ConfigError, DyadwatchError, StoreError

AlertKind = Literal["streak", "spike", "first", "error"]


class AnalyticsStore(Protocol):
    """The few Store methods the analytics use (``dyadwatch.store.Store`` provides them)."""

    def sql(
        self, query: str, params: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> pd.DataFrame: ...

    def watches(self) -> pd.DataFrame: ...

    def alerts(self, watch_id: str | None = None) -> pd.DataFrame: ...


@dataclass(frozen=True, slots=True)
class StreakRule:
    min_length: int
    freq: Freq = "day"
    unit: Unit = "clusters"  # the one default unit (reports of one event count once)
    kind: Literal["streak"] = "streak"


@dataclass(frozen=True, slots=True)
class SpikeRule:
    min_score: float
    freq: Freq = "day"
    window: int | None = None  # None: the default window of the resolution
    min_count: int = 3
    unit: Unit = "clusters"
    kind: Literal["spike"] = "spike"


@dataclass(frozen=True, slots=True)
class FirstRule:
    kind: Literal["first"] = "first"


Rule = StreakRule | SpikeRule | FirstRule


def parse_rule(text: str, *, unit: Unit | None = None) -> Rule:
    """``streak:7``, ``streak:4:week``, ``spike:3.5``, ``spike:4:week`` or ``first``.

    ``unit`` defaults to clusters, the unit of every indicator.
    """
    parts = [p.strip() for p in text.strip().lower().split(":")]
    kind, args = parts[0], parts[1:]
    try:
        if kind == "first" and not args:
            return FirstRule()
        if kind in ("streak", "spike") and 1 <= len(args) <= 2:
            freq = _freq(args[1]) if len(args) == 2 else "day"
            if kind == "streak":
                length = int(args[0])
                if length < 1:
                    raise ValueError(args[0])
                return StreakRule(length, freq, unit or "clusters")
            score = float(args[0])
            if not score > 0:
                raise ValueError(args[0])
            return SpikeRule(score, freq, unit=unit or "clusters")
    except ValueError:
        pass
    raise ConfigError(
        f"bad rule {text!r}: use streak:N[:day|week|month], spike:SCORE[:day|week|month] or first"
    )


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    data = {k: getattr(rule, k) for k in rule.__slots__}
    return {k: v for k, v in data.items() if v is not None}


def rule_from_dict(data: Mapping[str, Any]) -> Rule:
    values = dict(data)
    kind = values.pop("kind", None)
    try:
        if kind == "streak":
            rule: Rule = StreakRule(**values)
        elif kind == "spike":
            rule = SpikeRule(**values)
        elif kind == "first" and not values:
            rule = FirstRule()
        else:
            raise TypeError(f"unknown kind {kind!r}")
    except TypeError as exc:
        raise ConfigError(f"bad watch rule {dict(data)!r}: {exc}") from None
    if rule.kind != "first":
        _freq(rule.freq)
    return rule


def describe_rule(rule: Rule) -> str:
    if isinstance(rule, StreakRule):
        return f"streak >= {rule.min_length} {rule.freq}s ({rule.unit})"
    if isinstance(rule, SpikeRule):
        return f"spike score >= {rule.min_score:g} per {rule.freq} ({rule.unit})"
    return "first matching event"


@dataclass(frozen=True, slots=True)
class Evidence:
    """What an event must have to count for a watch: one false event must not raise (or
    silence) an alert. ``min_confidence`` is the coder's confidence (1.0 on stores without
    it); ``min_sources`` the independent outlets that reported the event's cluster (copies of
    one wire story count once)."""

    min_confidence: float = 0.0
    min_sources: int = 1

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be in [0, 1], got {self.min_confidence}")
        if self.min_sources < 1:
            raise ConfigError(f"min_sources must be at least 1, got {self.min_sources}")

    def to_dict(self) -> dict[str, Any]:
        """Only what differs from the defaults (stored beside the rule)."""
        out: dict[str, Any] = {}
        if self.min_confidence > 0:
            out["min_confidence"] = self.min_confidence
        if self.min_sources > 1:
            out["min_sources"] = self.min_sources
        return out

    def describe(self) -> str:
        parts = []
        if self.min_confidence > 0:
            parts.append(f"confidence >= {self.min_confidence:g}")
        if self.min_sources > 1:
            parts.append(f">= {self.min_sources} independent sources")
        return ", ".join(parts)

    def keep(self, events: pd.DataFrame) -> pd.DataFrame:
        """The events that meet the requirements (all of them with the defaults)."""
        if self.min_confidence <= 0 and self.min_sources <= 1:
            return events
        confidence = pd.to_numeric(events["confidence"], errors="coerce").fillna(1.0)
        sources = pd.to_numeric(events["n_sources"], errors="coerce").fillna(1)
        mask = (confidence >= self.min_confidence) & (sources >= self.min_sources)
        return events.loc[mask.to_numpy()]


@dataclass(frozen=True, slots=True)
class Watch:
    name: str
    filter: EventFilter
    rule: Rule
    id: str = field(default_factory=lambda: "w-" + uuid.uuid4().hex[:12])
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    evidence: Evidence = field(default_factory=Evidence)
    deliver: tuple[Target, ...] = ()  # webhooks and files the alerts are sent to


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert; ``id`` is stable for the condition, so storing it twice is a no-op."""

    id: str
    watch_id: str
    created: dt.datetime
    kind: AlertKind
    message: str
    event_ids: tuple[str, ...]
    period_start: dt.date | None
    period_end: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "watch_id": self.watch_id,
            "created": self.created,
            "kind": self.kind,
            "message": self.message,
            "event_ids": list(self.event_ids),
            "period_start": self.period_start,
            "period_end": self.period_end,
        }


def alert_id(watch_id: str, condition: str) -> str:
    return "a-" + hashlib.sha256(f"{watch_id}\x1f{condition}".encode()).hexdigest()[:20]


def evaluate_watch(
    watch: Watch,
    events: pd.DataFrame,
    new_event_ids: Collection[str],
    *,
    now: dt.datetime | None = None,
) -> list[Alert]:
    """Alerts ``watch`` raises on ``events`` (the whole store) for conditions a new event is in.

    Pure: the same inputs give the same alerts, with the same ids.
    """
    now = now or dt.datetime.now(dt.UTC)
    new = set(new_event_ids)
    rule, flt = watch.rule, watch.filter
    events = watch.evidence.keep(prepare(events))
    found: list[Alert] = []

    def alert(
        kind: AlertKind,
        condition: str,
        message: str,
        ids: Iterable[str],
        start: dt.date | None,
        end: dt.date | None,
    ) -> None:
        found.append(
            Alert(
                alert_id(watch.id, condition),
                watch.id,
                now,
                kind,
                f"{watch.name}: {message}",
                tuple(sorted(ids)),
                start,
                end,
            )
        )

    if isinstance(rule, StreakRule):
        result = streaks(events, flt, freq=rule.freq, unit=rule.unit, min_length=rule.min_length)
        for group in result.groups:
            for s in group.streaks:
                if new.isdisjoint(s.mention_ids):
                    continue
                still = " and running" if s == group.current else ""
                alert(
                    "streak",
                    f"streak:{rule.freq}:{s.start}",
                    f"{s.length} consecutive {rule.freq}s with matching events{still} "
                    f"({s.start} to {s.end}; {s.count} {rule.unit})",
                    s.event_ids,
                    s.start,
                    s.end,
                )
    elif isinstance(rule, SpikeRule):
        result_sp = spikes(
            events,
            flt,
            freq=rule.freq,
            unit=rule.unit,
            window=rule.window,
            threshold=rule.min_score,
            min_count=rule.min_count,
        )
        for sp in sorted(result_sp.spikes, key=lambda x: x.start):
            if new.isdisjoint(sp.mention_ids):
                continue
            alert(
                "spike",
                f"spike:{rule.freq}:{sp.start}",
                f"{sp.count} {rule.unit} {_when(rule.freq, sp.start)}, baseline "
                f"{sp.baseline_mean:.1f} ± {sp.baseline_std:.1f} (score {sp.score:.1f})",
                sp.event_ids,
                sp.start,
                sp.end,
            )
    else:
        prepared = prepare(events)
        matched = prepared.loc[filter_mask(prepared, flt)]
        ids = matched["id"].astype(str)
        is_new = ids.isin(new).to_numpy()
        if is_new.any() and not (~is_new).any():
            fresh = matched.loc[is_new]
            days = fresh["day"].dropna()
            first_day = pd.Timestamp(days.min()).date() if len(days) else None
            alert(
                "first",
                "first",
                f"first matching event ({watch.filter.describe()})"
                + (f" on {first_day}" if first_day else ""),
                ids[is_new],
                first_day,
                first_day,
            )
    return found


def check_watches(
    store: AnalyticsStore,
    new_event_ids: Iterable[str],
    *,
    now: dt.datetime | None = None,
    deliver: bool = True,
) -> list[Alert]:
    """New alerts for ``new_event_ids`` over every stored watch (the store saves them).

    Alerts already stored are not returned again. A watch that cannot be evaluated (a bad
    saved filter) gives one ``error`` alert naming the problem; the other watches still run.
    With ``deliver``, each new alert is also sent to its watch's targets (webhooks, files), on
    the delivery thread (``dyadwatch.analytics.delivery.drain`` waits for it).
    """
    new = {str(i) for i in new_event_ids}
    if not new:
        return []
    watches, broken = load_watches(store)
    if not watches and not broken:
        return []
    now = now or dt.datetime.now(dt.UTC)
    found: list[Alert] = [
        Alert(alert_id(wid, f"error:{msg}"), wid, now, "error", msg, (), None, None)
        for wid, msg in broken
    ]
    if watches:
        events = load_events(store)
        for watch in watches:
            try:
                found.extend(evaluate_watch(watch, events, new, now=now))
            except (DyadwatchError, ValueError) as exc:
                msg = f"{watch.name}: watch could not be checked: {exc}"
                found.append(
                    Alert(
                        alert_id(watch.id, f"error:{msg}"),
                        watch.id,
                        now,
                        "error",
                        msg,
                        (),
                        None,
                        None,
                    )
                )
    stored = set(store.alerts()["id"].astype(str)) if found else set()
    unique: dict[str, Alert] = {}
    for a in found:
        if a.id not in stored:
            unique.setdefault(a.id, a)
    if deliver and unique:
        send_later(
            unique.values(),
            {w.id: w.deliver for w in watches},
            {w.id: w.name for w in watches},
        )
    return list(unique.values())


def data_coverage(store: AnalyticsStore) -> tuple[dt.date, dt.date] | None:
    """First and last day of the day-dated events, any modality: the ``covered`` argument of
    the indicators for callers that select events in SQL rather than with an EventFilter."""
    frame = store.sql(
        "SELECT min(day) AS first, max(day) AS last FROM events "
        "WHERE day IS NOT NULL AND date_precision = 'day'"
    )
    first, last = frame["first"].iloc[0], frame["last"].iloc[0]
    if pd.isna(first) or pd.isna(last):
        return None
    return pd.Timestamp(first).date(), pd.Timestamp(last).date()


def load_watches(store: AnalyticsStore) -> tuple[list[Watch], list[tuple[str, str]]]:
    """Stored watches, and (watch id, reason) for those whose saved JSON is unusable."""
    good: list[Watch] = []
    broken: list[tuple[str, str]] = []
    for record in store.watches().to_dict("records"):
        row = {str(k): v for k, v in record.items()}
        try:
            good.append(watch_from_row(row))
        except (ConfigError, ValueError, TypeError, KeyError) as exc:
            broken.append((str(row.get("id")), f"watch {row.get('name')!r} is unusable: {exc}"))
    return good, broken


def watch_from_row(row: Mapping[str, Any]) -> Watch:
    created = row.get("created")
    rule = _json(row["rule"])
    evidence = Evidence(
        min_confidence=float(rule.pop("min_confidence", 0.0)),
        min_sources=int(rule.pop("min_sources", 1)),
    )
    deliver = tuple(Target.from_dict(t) for t in rule.pop("deliver", None) or [])
    return Watch(
        name=str(row["name"]),
        filter=EventFilter.from_dict(_json(row["filter"])),
        rule=rule_from_dict(rule),
        id=str(row["id"]),
        created=pd.Timestamp(created).to_pydatetime() if created is not None else _epoch(),
        evidence=evidence,
        deliver=deliver,
    )


def add_watch(store: AnalyticsStore, watch: Watch) -> Watch:
    """Save ``watch``; names are unique (they are how people refer to watches)."""
    if any(w.name == watch.name for w in load_watches(store)[0]):
        raise ConfigError(f"a watch named {watch.name!r} exists; remove it first")
    _write(
        store,
        "INSERT INTO watches VALUES (?, ?, ?, ?, ?)",
        [
            watch.id,
            watch.name,
            json.dumps(watch.filter.to_dict()),
            json.dumps(rule_to_dict(watch.rule) | watch.evidence.to_dict() | _targets(watch)),
            watch.created,
        ],
    )
    return watch


def remove_watch(store: AnalyticsStore, name_or_id: str) -> Watch:
    """Delete a watch by name or id and return it (its alerts are kept, as history)."""
    for w in load_watches(store)[0]:
        if name_or_id in (w.name, w.id):
            _write(store, "DELETE FROM watches WHERE id = ?", [w.id])
            return w
    if name_or_id in set(store.watches()["id"].astype(str)):
        # an unusable saved watch can still be removed by its id
        _write(store, "DELETE FROM watches WHERE id = ?", [name_or_id])
        return Watch(name_or_id, EventFilter(), FirstRule(), id=name_or_id)
    raise ConfigError(f"no watch named {name_or_id!r}")


def _targets(watch: Watch) -> dict[str, Any]:
    return {"deliver": [t.to_dict() for t in watch.deliver]} if watch.deliver else {}


def _write(store: AnalyticsStore, query: str, params: list[Any]) -> None:
    try:
        store.sql(query, params)
    except Exception as exc:  # read-only database, driver errors
        raise StoreError(f"cannot save the watch: {exc}") from exc


def _json(value: Any) -> dict[str, Any]:
    data = json.loads(value) if isinstance(value, str | bytes) else value
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {value!r}")
    return data


def _freq(value: str) -> Freq:
    for freq in FREQS:
        if value == freq:
            return freq
    raise ConfigError(f"bad resolution {value!r}: use one of {', '.join(FREQS)}")


def _when(freq: Freq, start: dt.date) -> str:
    return f"on {start}" if freq == "day" else f"in the {freq} of {start}"


def _epoch() -> dt.datetime:
    return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
