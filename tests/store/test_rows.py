"""Event -> row -> Event is lossless, in memory and through the database (Hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.model import MODALITIES, Actor, Document, Event, EventDate, Evidence, Place, Plover
from dyadwatch.settings import load_settings
from dyadwatch.store.rows import event_days, event_to_row, period, row_to_event

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
_CODE = st.from_regex(r"[A-Z]{3}([A-Z]{3})?", fullmatch=True)
_OPT = st.none() | _TEXT
_FLOAT = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def _dates(draw: st.DrawFn) -> EventDate:
    day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
    precision = draw(st.sampled_from([None, "day", "month", "year"]))
    if precision is None:
        return EventDate(None, None, draw(st.sampled_from(["unknown", "text"])))
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}
    end = draw(st.none() | st.just(str(day.year + 1)))
    source = draw(st.sampled_from(["text", "publication"]))
    return EventDate(value[precision], precision, source, end)


_ACTOR = st.builds(Actor, code=_CODE, name=_TEXT, country=_OPT, sector=_OPT, person=_OPT)
_PLACE = st.builds(
    Place,
    name=_TEXT,
    country=_OPT,
    lat=st.none() | _FLOAT,
    lon=st.none() | _FLOAT,
    feature=_TEXT,
    id=_OPT,
)
_SPAN = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6))


@st.composite
def events(draw: st.DrawFn, doc_id: str | None = None) -> Event:
    code = draw(st.from_regex(r"\d{2,4}", fullmatch=True))
    return Event(
        id=draw(_TEXT.filter(bool)),
        doc_id=doc_id or draw(_TEXT),
        sentence_index=draw(st.integers(0, 10**5)),
        evidence=Evidence(
            text=draw(_TEXT),
            start=draw(st.integers(0, 10**6)),
            end=draw(st.integers(0, 10**6)),
            spans=draw(st.dictionaries(st.sampled_from(["source", "verb", "target"]), _SPAN)),
        ),
        source=draw(_ACTOR),
        target=draw(st.none() | _ACTOR),
        code=code,
        root_code=code[:2],
        quad_class=draw(st.integers(1, 4)),
        goldstein=draw(_FLOAT),
        plover=Plover(draw(_OPT), draw(_OPT)),
        modality=draw(st.sampled_from(MODALITIES)),
        attributed_to=draw(st.none() | _CODE),
        date=draw(_dates()),
        location=draw(st.none() | _PLACE),
        rule=draw(st.dictionaries(_TEXT, _TEXT, max_size=3)),
    )


@given(events())
def test_event_row_round_trip(event: Event) -> None:
    assert row_to_event(event_to_row(event)) == event


class _Replay:
    """A coder that returns the events it was given."""

    version = "replay-1"

    def __init__(self, events: list[Event]) -> None:
        self.events = events

    def code(self, doc: Document) -> list[Event]:
        return self.events


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(doc_id="doc"), min_size=1, max_size=3, unique_by=lambda e: e.id))
def test_event_round_trips_through_the_database(evs: list[Event]) -> None:
    with ds.open(":memory:") as store:
        pipeline.ingest_documents(
            store,
            [Document("doc", "some text")],
            coder=_Replay(evs),
            settings=load_settings(workers=1),
        )
        for event in evs:
            assert store.event(event.id) == event
        assert sorted(store.iter_events(modality="all"), key=lambda e: e.id) == sorted(
            evs, key=lambda e: e.id
        )


def test_period_of_partial_dates() -> None:
    assert period("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert period("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert period("2024-02-10") == (dt.date(2024, 2, 10), dt.date(2024, 2, 10))
    assert period("2024-13") is None
    assert period(None) is None


def test_event_days_extend_to_the_stated_span() -> None:
    span = EventDate("2024-03-02", "day", "text", end="2024-07")
    assert event_days(span) == (dt.date(2024, 3, 2), dt.date(2024, 7, 31))
