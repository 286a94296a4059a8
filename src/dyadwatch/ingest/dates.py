"""Publication dates given by inputs: ``YYYY-MM-DD`` or a full ISO 8601 datetime (date part kept).

The date part is kept as written, without converting time zones: the calendar day on which the
outlet published is what relative expressions in the text ("yesterday") refer to.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*")


def parse_date(value: str) -> dt.date:
    """Parse ``2021-08-02`` or ``2021-08-02T09:30:00+08:00``; raise ``ValueError`` otherwise."""
    text = value.strip()
    if _DATE.fullmatch(text):
        return dt.date.fromisoformat(text)
    if _DATETIME.fullmatch(text):
        return dt.datetime.fromisoformat(text).date()
    raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD or an ISO 8601 datetime)")


def parse_feed_date(value: str) -> dt.date:
    """Feed dates: ISO 8601 (Atom) or RFC 822 (RSS ``pubDate``: ``Mon, 02 Aug 2021 09:30 GMT``)."""
    try:
        return parse_date(value)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(
            f"{value!r} is not a date (expected ISO 8601 or an RFC 822 date such as "
            "'Mon, 02 Aug 2021 09:30:00 GMT')"
        ) from exc


def try_parse_date(value: str | None) -> dt.date | None:
    """``parse_date`` for harvested metadata, where an unusable or implausible candidate is just
    skipped."""
    if not value:
        return None
    try:
        date = parse_date(value)
    except ValueError:
        return None
    return date if implausible_date(date) is None else None


# Publication dates a news document can plausibly have; outside them a date is a typo or a
# placeholder (0001-01-01, 9999-12-31) that would poison every period computed from it.
EARLIEST_PUBLICATION = dt.date(1800, 1, 1)
FUTURE_ALLOWANCE_DAYS = 2 * 366  # clocks, time zones and embargoed releases: up to two years


def implausible_date(value: dt.date, today: dt.date | None = None) -> str | None:
    """Why ``value`` cannot be a publication date (before 1800, or more than two years after
    ``today``), or None when it is plausible."""
    latest = (today or dt.date.today()) + dt.timedelta(days=FUTURE_ALLOWANCE_DAYS)
    if EARLIEST_PUBLICATION <= value <= latest:
        return None
    return (
        f"publication date {value.isoformat()} is implausible: accepted dates run from "
        f"{EARLIEST_PUBLICATION.isoformat()} to {latest.isoformat()} (two years from today)"
    )
