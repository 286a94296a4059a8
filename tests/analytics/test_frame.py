"""The events frame: derived day and precision, span ends, and flattening Event records."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from dyadwatch.analytics.frame import end_day_numbers, frame_from_events, prepare
from dyadwatch.analytics.series import series
from dyadwatch.model import Actor, Event, EventDate, Evidence, Place, Plover


def test_prepare_derives_day_and_precision_from_event_date() -> None:
    dates = ["2021-03-05", "2021-03", "2021", None]
    frame = prepare(pd.DataFrame({"id": list("abcd"), "source_code": "CHN", "event_date": dates}))
    assert list(frame["day"].dt.strftime("%Y-%m-%d").fillna("-")) == [
        "2021-03-05",
        "2021-03-01",
        "2021-01-01",
        "-",
    ]
    assert list(frame["date_precision"]) == ["day", "month", "year", None]


def test_prepare_requires_id_and_source() -> None:
    with pytest.raises(ValueError, match="source_code"):
        prepare(pd.DataFrame({"id": ["a"]}))


@pytest.mark.parametrize(
    ("value", "last"),
    [
        ("2021-07-31", "2021-07-31"),
        ("2021-02", "2021-02-28"),
        ("2020", "2020-12-31"),
        (dt.date(1965, 5, 4), "1965-05-04"),  # before 1970: negative day numbers are fine
        ("2021-02-30", None),
        (None, None),
    ],
)
def test_end_day_numbers_take_the_last_day_of_partial_dates(
    value: object, last: str | None
) -> None:
    numbers, usable = end_day_numbers(pd.Series([value], dtype=object))
    if last is None:
        assert not usable[0]
    else:
        assert usable[0] and numbers[0] == np.datetime64(last, "D").astype(np.int64)


def test_frame_from_events_feeds_the_indicators() -> None:
    event = Event(
        id="ev1",
        doc_id="d1",
        sentence_index=3,
        evidence=Evidence("Ships entered the zone.", 10, 33),
        source=Actor("CHNCOG", "China Coast Guard", "CHN", "COG"),
        target=Actor("JPN", "Japan", "JPN"),
        code="150",
        root_code="15",
        quad_class=4,
        goldstein=-7.2,
        plover=Plover("MOBILIZE"),
        date=EventDate("2021-03-02", "day", "text", end="2021-03-04"),
        location=Place("Senkaku Islands", None, 25.7, 123.5, "island_group", "dw:senkaku-islands"),
    )
    frame = frame_from_events([event], cluster_ids={"ev1": "c9"})
    row = frame.iloc[0]
    assert (row["target_code"], row["location_id"], row["cluster_id"]) == (
        "JPN",
        "dw:senkaku-islands",
        "c9",
    )
    counts = series(frame, spans="every_period").frame["count"].tolist()
    assert counts == [1, 1, 1]
