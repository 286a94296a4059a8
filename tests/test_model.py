"""The event record round-trips through its JSON form without loss."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.model import Actor, Event, EventDate, Evidence, Place, Plover

codes = st.from_regex(r"[A-Z]{3}(GOV|MIL)?", fullmatch=True)
actors = st.builds(
    Actor,
    code=codes,
    name=st.text(min_size=1, max_size=20),
    country=st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True),
    sector=st.none() | st.sampled_from(["GOV", "MIL", "COP"]),
    person=st.none() | st.text(min_size=1, max_size=10),
)
places = st.builds(
    Place,
    name=st.text(min_size=1, max_size=20),
    country=st.none() | st.just("JPN"),
    lat=st.none() | st.floats(-90, 90),
    lon=st.none() | st.floats(-180, 180),
    feature=st.sampled_from(["city", "island_group"]),
    id=st.none() | st.text(min_size=1, max_size=10),
)
events = st.builds(
    Event,
    id=st.text(min_size=1, max_size=12),
    doc_id=st.text(min_size=1, max_size=12),
    sentence_index=st.integers(0, 500),
    evidence=st.builds(
        Evidence,
        text=st.text(max_size=50),
        start=st.integers(0, 1000),
        end=st.integers(0, 1000),
        spans=st.dictionaries(
            st.sampled_from(["source", "verb", "target"]),
            st.tuples(st.integers(0, 99), st.integers(0, 99)),
        ),
    ),
    source=actors,
    target=st.none() | actors,
    code=st.sampled_from(["010", "0231", "190"]),
    root_code=st.sampled_from(["01", "02", "19"]),
    quad_class=st.integers(1, 4),
    goldstein=st.floats(-10, 10),
    plover=st.builds(Plover, event_type=st.none() | st.just("ASSAULT"), mode=st.none()),
    modality=st.sampled_from(["asserted", "negated", "hypothetical", "future", "question"]),
    attributed_to=st.none() | codes,
    date=st.sampled_from(
        [
            EventDate.unknown(),
            EventDate("2004", "year", "text"),
            EventDate("2021-03-02", "day", "text", end="2021-07-31"),
        ]
    ),
    location=st.none() | places,
    rule=st.dictionaries(st.sampled_from(["verb", "source"]), st.text(max_size=10)),
)


@given(events)
def test_model_event_round_trips_through_json(event: Event) -> None:
    record = json.loads(json.dumps(event.to_dict()))
    assert Event.from_dict(record) == event


def test_model_event_record_has_every_contract_field() -> None:
    event = Event(
        id="e1",
        doc_id="d1",
        sentence_index=0,
        evidence=Evidence("X attacked Y.", 0, 13),
        source=Actor("CHNMIL", "Chinese navy", "CHN", "MIL"),
        target=None,
        code="190",
        root_code="19",
        quad_class=4,
        goldstein=-10.0,
        plover=Plover("ASSAULT"),
    )
    contract = {
        "id", "doc_id", "sentence_index", "evidence", "source", "target", "code", "root_code",
        "quad_class", "goldstein", "plover", "modality", "attributed_to", "event_date",
        "date_precision", "date_source", "location", "rule",
    }  # fmt: skip
    assert contract <= set(event.to_dict())
    assert event.to_dict()["date_source"] == "unknown"


def test_model_publication_date_without_date_is_unknown() -> None:
    assert EventDate.publication(None) == EventDate.unknown()
