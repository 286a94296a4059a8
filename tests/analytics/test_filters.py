"""EventFilter: which rows it keeps, its validation and its JSON round trip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from dyadwatch.analytics.filters import EventFilter, filter_events
from dyadwatch.errors import ConfigError

MakeEvents = Callable[..., pd.DataFrame]

ACTORS = [
    {"source_code": "CHNMIL", "target_code": "JPNGOV"},  # e000
    {"source_code": "JPNGOV", "target_code": "CHN"},  # e001
    {"source_code": "USAGOV", "target_code": "JPNGOV"},  # e002
    {"source_code": "TWN", "target_code": None},  # e003
]


def kept(frame: Any, flt: EventFilter) -> list[str]:
    return list(filter_events(frame, flt)["id"])


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(actors=("CHN",)), ["e000", "e001"]),
        (EventFilter(actors=("chnmil",)), ["e000"]),
        (EventFilter(actors=("TWN", "USA")), ["e002", "e003"]),
        (EventFilter(sources=("JPN",)), ["e001"]),
        (EventFilter(targets=("JPN",)), ["e000", "e002"]),
        (EventFilter(dyad=("JPN", "CHN")), ["e000", "e001"]),
        (EventFilter(dyad=("JPN", "CHN"), directed=True), ["e001"]),
        (EventFilter(dyad=("CHN", "JPN"), directed=True), ["e000"]),
    ],
)
def test_filter_actor_fields_match_code_prefixes(
    make_events: MakeEvents, flt: EventFilter, expected: list[str]
) -> None:
    assert kept(make_events(*ACTORS), flt) == expected


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(root_codes=("4",)), ["e000"]),  # zero-padded to "04"
        (EventFilter(codes=("19",)), ["e001", "e002"]),  # prefix: 190 and 1951, not 119
        (EventFilter(quad_classes=(3, 4)), ["e001", "e002", "e003"]),
        (EventFilter(plover_types=("assault",)), ["e001"]),
    ],
)
def test_filter_event_codes(make_events: MakeEvents, flt: EventFilter, expected: list[str]) -> None:
    frame = make_events(
        {"code": "040", "root_code": "04", "quad_class": 1},
        {"code": "190", "root_code": "19", "quad_class": 4, "plover_type": "ASSAULT"},
        {"code": "1951", "root_code": "19", "quad_class": 4},
        {"code": "119", "root_code": "11", "quad_class": 3},
    )
    assert kept(frame, flt) == expected


@pytest.mark.parametrize(
    ("modalities", "expected"),
    [
        (("asserted",), ["e000"]),
        ((), ["e000", "e001", "e002"]),
        (("negated", "hypothetical"), ["e001", "e002"]),
    ],
)
def test_filter_modality_defaults_to_asserted_only(
    make_events: MakeEvents, modalities: Any, expected: list[str]
) -> None:
    frame = make_events(
        {"modality": "asserted"}, {"modality": "negated"}, {"modality": "hypothetical"}
    )
    assert kept(frame, EventFilter()) == ["e000"]
    assert kept(frame, EventFilter(modalities=modalities)) == expected


PLACES = [
    {"location_id": "dw:senkaku-islands", "location_name": "Senkaku Islands"},  # e000
    {"location_id": "geonames:1668284", "location_name": "Taiwan"},  # e001
    {"location_id": "dw:taiwan-strait", "location_name": "Taiwan Strait"},  # e002
    {"location_id": None, "location_name": "Diaoyutai Islands"},  # e003: unresolved
    {"location_id": None, "location_name": None},  # e004
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("senkaku", ["e000"]),
        ("Senkaku Islands", ["e000"]),
        ("dw:senkaku-islands", ["e000"]),
        ("DW:Senkaku-Islands", ["e000"]),
        ("islands", []),  # words must start the name
        ("taiwan", ["e001", "e002"]),
        ("taiwan strait", ["e002"]),
        ("geonames:1668284", ["e001"]),
        ("geonames:166", []),  # an id matches whole
        ("diaoyutai", ["e003"]),
    ],
)
def test_filter_place_by_id_or_leading_name_words(
    make_events: MakeEvents, query: str, expected: list[str]
) -> None:
    assert kept(make_events(*PLACES), EventFilter(places=(query,))) == expected


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2021-03-10", "2021-03-20", ["e001", "e002"]),  # month overlaps; span reaches in
        ("2021-03-01", "2021-03-01", ["e000", "e001", "e002"]),
        ("2021-04-01", None, ["e002", "e003"]),
        (None, "2021-02-28", []),
    ],
)
def test_filter_dates_keep_events_whose_period_overlaps(
    make_events: MakeEvents, since: str | None, until: str | None, expected: list[str]
) -> None:
    frame = make_events(
        {"event_date": "2021-03-01"},
        {"event_date": "2021-03"},
        {"event_date": "2021-03-01", "date_end": "2021-04-15"},
        {"event_date": "2021-05-02"},
        {"event_date": None},  # undated: never inside a range
    )
    assert kept(frame, EventFilter(since=since, until=until)) == expected  # type: ignore[arg-type]


def test_filter_json_round_trip_keeps_every_field() -> None:
    flt = EventFilter(
        actors=("CHN",),
        dyad=("CHN", "JPN"),
        directed=True,
        root_codes=("15",),
        codes=("0874",),
        quad_classes=(4,),
        plover_types=("MOBILIZE",),
        modalities=("asserted", "future"),
        places=("senkaku",),
        since=dt.date(2021, 1, 1),
        until=dt.date(2021, 12, 31),
    )
    data = flt.to_dict()
    assert data["dyad"] == ["CHN", "JPN"] and data["since"] == "2021-01-01"
    assert EventFilter.from_dict(data) == flt


def test_filter_to_dict_always_records_modalities() -> None:
    assert EventFilter().to_dict() == {"modalities": ["asserted"]}


@pytest.mark.parametrize(
    "data",
    [
        {"actor": ["CHN"]},  # typo of "actors": must not silently widen a watch
        {"actors": "CHN"},  # a string where a list belongs
        {"quad_classes": [5]},
        {"modalities": ["maybe"]},
        {"since": "2021-13-01"},
        {"since": "2021-03-02", "until": "2021-03-01"},
        {"dyad": ["CHN"]},
        {"actors": ["CHN MIL"]},
        {"root_codes": ["x1"]},
        {"places": [" "]},
    ],
)
def test_filter_rejects_bad_values(data: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        EventFilter.from_dict(data)


def test_filter_describe_names_each_condition() -> None:
    text = EventFilter(actors=("CHN",), places=("senkaku",), root_codes=("15",)).describe()
    assert text == "actor CHN; root 15; place senkaku; asserted"
