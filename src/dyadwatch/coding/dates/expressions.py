"""What a date expression says, before it is placed on the calendar.

The grammar (:mod:`dyadwatch.coding.dates.grammar`) produces these values; the resolver
(:mod:`dyadwatch.coding.dates.resolve`) turns them into calendar periods.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["day", "week", "month", "year", "decade"]
DeicticUnit = Literal["day", "week", "month", "year", "weekend"]
# point: a date; since: from a date up to now; duration: a length that ends at an anchor;
# bound: "before/after/until/by X", which limits an event's date without giving it.
MentionKind = Literal["point", "since", "duration", "bound"]


@dataclass(frozen=True, slots=True)
class Absolute:
    """A calendar date written with its year: 2004, March 2019, March 3, 2021, 2021-03-16."""

    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True, slots=True)
class Decade:
    """A decade: "the 1990s"."""

    year: int


@dataclass(frozen=True, slots=True)
class MonthDay:
    """A day of a month without its year: "Aug. 2", "2 August"; ``year_offset`` places it in
    the year counted from publication ("May 2 last year": -1)."""

    month: int
    day: int
    year_offset: int | None = None


@dataclass(frozen=True, slots=True)
class MonthName:
    """A month without its year: "in March", "last March", "next May"."""

    month: int
    which: str  # bare | last | this | next | last_year | this_year | next_year


@dataclass(frozen=True, slots=True)
class Weekday:
    """A day of the week: "on Friday", "last Friday", "Friday last week"."""

    weekday: int  # Monday = 0
    which: str  # bare | last | this | next | last_week | this_week | next_week


@dataclass(frozen=True, slots=True)
class Deictic:
    """A unit counted from the publication date: yesterday, last month, earlier this week."""

    unit: DeicticUnit
    offset: int  # -1 last, 0 this, +1 next
    part: Literal["earlier", "later"] | None = None


@dataclass(frozen=True, slots=True)
class Ago:
    """Counted back from the publication date: "three years ago"."""

    count: int
    unit: Unit


@dataclass(frozen=True, slots=True)
class Anaphoric:
    """Counted from the date of an earlier clause of the sentence: "the following year",
    "a year later", "two days earlier", "that year"; ``unit`` None is "then" itself."""

    unit: Unit | None
    offset: int


@dataclass(frozen=True, slots=True)
class Edge:
    """The start, middle or end of a period: "the end of last month", "the beginning of 2020"."""

    edge: Literal["start", "end", "middle"]
    inner: Expr


@dataclass(frozen=True, slots=True)
class Duration:
    """A length that ends at an anchor: "for 152 consecutive days", "over the past few years"."""

    count: int
    unit: Unit
    vague: bool = False  # "few", "several": the count is a convention, not a fact
    recent: bool = False  # "the past/last ...", "recent years": ends now, whatever the tense


@dataclass(frozen=True, slots=True)
class Range:
    """An explicit range: "from 2010 to 2012", "between March and May"."""

    first: Expr
    last: Expr


@dataclass(frozen=True, slots=True)
class Since:
    """From a date and still going on at publication: "since 2012", "since then"."""

    inner: Expr


Expr = (
    Absolute
    | Decade
    | MonthDay
    | MonthName
    | Weekday
    | Deictic
    | Ago
    | Anaphoric
    | Edge
    | Duration
    | Range
    | Since
)
