from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.ingest.dates import parse_date, parse_feed_date, try_parse_date

DAY = dt.date(2024, 5, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-13", dt.date(2024, 5, 13)),
        (" 2024-05-13 ", dt.date(2024, 5, 13)),
        ("2024-05-13T23:30:00", dt.date(2024, 5, 13)),
        ("2024-05-13T23:30:00+08:00", dt.date(2024, 5, 13)),  # date as written, no tz shift
        ("2024-05-13T23:30:00Z", dt.date(2024, 5, 13)),
        ("2024-05-13 06:00", dt.date(2024, 5, 13)),
    ],
)
def test_parse_date_accepts_iso_dates_and_datetimes(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "13/05/2024", "May 13, 2024", "20240513", "2024-5-13", "2024-02-30", "2024-05"]
)
def test_parse_date_rejects_other_forms(text: str) -> None:
    with pytest.raises(ValueError, match=r"not a date|day is out of range"):
        parse_date(text)


def test_parse_feed_date_reads_rfc822() -> None:
    assert parse_feed_date("Mon, 13 May 2024 09:30:00 GMT") == dt.date(2024, 5, 13)


def test_parse_feed_date_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="RFC 822"):
        parse_feed_date("yesterday")


@pytest.mark.parametrize(("text", "expected"), [(None, None), ("soon", None), ("2024-05-13", DAY)])
def test_try_parse_date_skips_unusable_values(text: str | None, expected: dt.date | None) -> None:
    assert try_parse_date(text) == expected
