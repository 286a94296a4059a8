"""Event dates: the date grammar, calendar resolution and which date belongs to which event.

Own sentences use a publication date of Wednesday 2023-05-17 (so Monday of that week is
05-15, the previous Friday 05-12); the seed-page tests use the page's 2021-08-10.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Token

from dyadwatch.coding.dates.event_date import resolve_event_date
from dyadwatch.coding.dates.expressions import Duration, MonthName
from dyadwatch.coding.dates.grammar import find_mentions
from dyadwatch.coding.dates.resolve import Period, duration_start, iso, period_days, resolve
from dyadwatch.model import DatePrecision, EventDate

PUB = dt.date(2023, 5, 17)
SEED_PUB = dt.date(2021, 8, 10)


def word(doc: Doc, text: str, nth: int = 0) -> Token:
    """The nth token spelled ``text``."""
    return [t for t in doc if t.text == text][nth]


def date_of(nlp: Language, sentence: str, verb: str, pub: dt.date | None = PUB) -> EventDate:
    return resolve_event_date(word(nlp(sentence), verb), pub)


def spec(date: EventDate) -> str:
    """A compact spelling of an event date: "2023-05-15 day", "2012 year ...2023-05-17",
    "2023-05-17 day publication", "unknown"."""
    if date.source == "unknown":
        return "unknown"
    parts = [date.value or "", date.precision or ""]
    if date.source != "text":
        parts.append(date.source)
    if date.end is not None:
        parts.append(f"...{date.end}")
    return " ".join(parts)


# --- grammar: what counts as a date expression --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks began on March 3, 2021 in Oslo.", ["March 3, 2021"]),
        ("The pact was signed on 2019-11-05.", ["2019-11-05"]),
        ("They met on 4 June 2020.", ["4 June 2020"]),
        ("The ship docked on Aug. 2 at noon.", ["Aug. 2"]),
        ("As early as 2004, a base was built.", ["2004"]),
        ("In the year 1998 a pact was signed.", ["In the year 1998"]),
        ("Strikes spread between March and May.", ["between March and May"]),
        ("Troops stayed from 2010 to 2012.", ["from 2010 to 2012"]),
        ("Ships have sailed for 30 consecutive days.", ["for 30 consecutive days"]),
        ("It rose over the past few years.", ["over the past few years"]),
        ("It happened three years ago.", ["three years ago"]),
        ("Two days earlier, the army left.", ["Two days earlier"]),
        ("As of the end of last month, ten ships waited.", ["the end of last month"]),
        ("They met on Monday last week.", ["Monday last week"]),
        ("The treaty dates from the 1990s.", ["the 1990s"]),
    ],
)
def test_grammar_finds_date_expressions(text: str, expected: list[str]) -> None:
    assert [m.text(text) for m in find_mentions(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Trump and May met in London.",  # May the name, not the month
        "The army may march on the capital.",  # lower-case modal and verb
        "About 2004 troops crossed the river.",  # a count, not a year
        "The 70-year-old president resigned.",  # an age
        "The ministry publishes an annual report.",
        "The island lies 110km from the coast.",
        "The deal ended 70 years of conflict.",  # a length with no "for": not a span
        "Rebels have fought for years.",  # no length to count
    ],
)
def test_grammar_ignores_things_that_are_not_event_dates(text: str) -> None:
    assert find_mentions(text) == ()


def test_grammar_marks_since_as_of_and_bounds() -> None:
    text = "Since 2012 and as of March 2020, but not before 2010."
    kinds = [(m.text(text), m.kind, m.anchor) for m in find_mentions(text)]
    assert kinds == [
        ("2012", "since", False),
        ("March 2020", "point", True),
        ("2010", "bound", False),
    ]


def test_grammar_accepts_bare_year_inside_a_spacy_date_entity() -> None:
    text = "The 2004 accord held."
    assert find_mentions(text) == ()
    assert [m.text(text) for m in find_mentions(text, ((4, 8),))] == ["2004"]


DATE_WORDS = st.sampled_from(
    ["in", "on", "since", "for", "from", "to", "between", "and", "the", "last", "this", "next",
     "past", "few", "of", "as", "early", "March", "May", "Aug.", "2", "3", "30", "2004", "2021",
     "1990s", "days", "years", "weeks", "ago", "later", "earlier", "following", "year", "month",
     "week", "Friday", "yesterday", "end", ",", ".", "152", "consecutive"]
)  # fmt: skip


@given(st.lists(DATE_WORDS, max_size=12).map(" ".join), st.booleans())
def test_grammar_and_resolver_never_fail_and_never_overlap(text: str, forward: bool) -> None:
    mentions = find_mentions(text)
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        period = resolve(m.expr, PUB, None, forward)
        assert period is None or period.start <= period.last


@pytest.mark.parametrize(
    "text", ["It fell 5000 years ago.", "It has lasted for 99999999 days.", "They met on Feb. 30."]
)
def test_dates_off_the_calendar_are_unresolved_not_errors(nlp: Language, text: str) -> None:
    verb = next(t for t in nlp(text) if t.pos_ == "VERB")
    assert resolve_event_date(verb, PUB) == EventDate.unknown()


# --- calendar resolution ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "which", "forward", "expected"),
    [
        (3, "bare", False, dt.date(2023, 3, 1)),  # the most recent March
        (5, "bare", False, dt.date(2023, 5, 1)),  # the publication month itself
        (6, "bare", False, dt.date(2022, 6, 1)),  # June 2023 is still to come
        (6, "bare", True, dt.date(2023, 6, 1)),  # ... unless the event is future
        (5, "last", False, dt.date(2022, 5, 1)),  # "last May" is not this May
        (3, "next", False, dt.date(2024, 3, 1)),
    ],
)
def test_month_without_year_resolves_around_publication(
    month: int, which: str, forward: bool, expected: dt.date
) -> None:
    period = resolve(MonthName(month, which), PUB, None, forward)
    assert period is not None and period.start == expected and period.precision == "month"


def test_range_start_without_year_takes_it_from_the_end() -> None:
    text = "between November and February"
    (mention,) = find_mentions(f"It ran {text}.")
    period = resolve(mention.expr, PUB, None)
    assert period == Period(
        dt.date(2022, 11, 1), dt.date(2023, 2, 28), "month", span=True, last_precision="month"
    )


@pytest.mark.parametrize(
    ("count", "unit", "anchor", "start"),
    [
        (152, "day", dt.date(2021, 7, 31), dt.date(2021, 3, 2)),  # both ends counted
        (1, "day", dt.date(2023, 5, 17), dt.date(2023, 5, 17)),
        (2, "week", dt.date(2023, 5, 17), dt.date(2023, 5, 4)),
        (3, "month", dt.date(2023, 5, 17), dt.date(2023, 2, 1)),  # month precision
    ],
)
def test_duration_start_counts_back_from_anchor(
    count: int, unit: str, anchor: dt.date, start: dt.date
) -> None:
    period = duration_start(Duration(count, unit), anchor)  # type: ignore[arg-type]
    assert period is not None and period.start == start


# --- event dates from sentences -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Rebels attacked the convoy on March 3, 2021.", "attacked", "2021-03-03 day"),
        ("The treaty was signed on 2019-11-05 in Oslo.", "signed", "2019-11-05 day"),
        ("The envoys met on 4 June 2020.", "met", "2020-06-04 day"),
        # a day-month without year: the most recent one not after publication
        ("The navy seized a tanker on Aug. 2.", "seized", "2022-08-02 day"),
        ("The navy seized a tanker on May 3.", "seized", "2023-05-03 day"),
        ("Police arrested the activist in 2004.", "arrested", "2004 year"),
        ("As early as 2004, the army built a base.", "built", "2004 year"),
        ("In the year 1998, the two states signed a pact.", "signed", "1998 year"),
        ("Protesters occupied the square in March.", "occupied", "2023-03 month"),
        ("Protesters occupied the square in June.", "occupied", "2022-06 month"),
        ("The army held drills in March 2019.", "held", "2019-03 month"),
        ("Troops attacked the town on Monday.", "attacked", "2023-05-15 day"),
        ("Troops attacked the town on Monday last week.", "attacked", "2023-05-08 day"),
        ("The ministry expelled two diplomats last month.", "expelled", "2023-04 month"),
        ("The court jailed the editor last year.", "jailed", "2022 year"),
        ("Militants shelled the port yesterday.", "shelled", "2023-05-16 day"),
        ("The envoy visited Hanoi earlier this month.", "visited", "2023-05 month"),
        ("The army withdrew three years ago.", "withdrew", "2020 year"),
        ("Talks resumed in mid-2019.", "resumed", "2019 year"),
        ("The treaty was signed in the 1990s.", "signed", "1990 year ...1999"),
    ],
)
def test_explicit_and_relative_dates(
    nlp: Language, sentence: str, verb: str, expected: str
) -> None:
    assert spec(date_of(nlp, sentence, verb)) == expected


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        # weeks are spans from Monday to Sunday
        ("The two leaders met this week.", "met", "2023-05-15 day ...2023-05-21"),
        ("Officials met last week in Geneva.", "met", "2023-05-08 day ...2023-05-14"),
        # since: still going on, so the span ends at publication
        ("The ships have patrolled the strait since 2012.", "patrolled", "2012 year ...2023-05-17"),
        ("Troops occupied the valley from 2010 to 2012.", "occupied", "2010 year ...2012"),
        ("Strikes spread between March and May.", "spread", "2023-03 month ...2023-05"),
        # a duration ends at publication unless an "as of" date says otherwise
        ("Fishing boats have sailed near the reef for 30 consecutive days.", "sailed",
         "2023-04-18 day ...2023-05-17"),
        ("As of the end of last month, guards had tracked the ships for 10 consecutive days.",
         "tracked", "2023-04-21 day ...2023-04-30"),
        ("Rebels have held the town for three weeks.", "held", "2023-04-27 day ...2023-05-17"),
        ("Rebels have held the town in recent years.", "held", "2020 year ...2023-05-17"),
        # a vague length ("few") counts as three units
        ("Tensions have grown over the past few years.", "grown", "2020 year ...2023-05-17"),
    ],
)  # fmt: skip
def test_spans_ranges_and_durations(nlp: Language, sentence: str, verb: str, expected: str) -> None:
    assert spec(date_of(nlp, sentence, verb)) == expected


@pytest.mark.parametrize(
    ("sentence", "verb", "value"),
    [
        ("In 2019 rebels seized the port, and the following year they lost it.", "seized", "2019"),
        ("In 2019 rebels seized the port, and the following year they lost it.", "lost", "2020"),
        ("In 2015 the two sides signed a truce and a year later they broke it.", "broke", "2016"),
        ("In 2015 the two sides signed a truce and a year later they broke it.", "signed", "2015"),
        # carried from the previous sentence when the sentence has no date of its own to count from
        ("Rebels entered the town on 12 March 2022. Two days earlier, the army had abandoned it.",
         "abandoned", "2022-03-10"),
        ("The navy built a base in 2005. Since then, patrols have increased.", "increased", "2005"),
    ],
)  # fmt: skip
def test_dates_carried_from_an_earlier_clause(
    nlp: Language, sentence: str, verb: str, value: str
) -> None:
    assert date_of(nlp, sentence, verb).value == value


@pytest.mark.parametrize(
    ("sentence", "verb", "value"),
    [
        # each clause keeps its own date
        ("Kishi, who visited Taipei in 2019, warned on Monday of war.", "visited", "2019"),
        ("Kishi, who visited Taipei in 2019, warned on Monday of war.", "warned", "2023-05-15"),
        # an embedded or conjoined clause without a date takes its governing clause's
        ("Officials said on Monday that troops attacked the town.", "attacked", "2023-05-15"),
        # (a pluperfect "had attacked" is earlier than the saying: test_dates_names_and_reports)
        ("On Monday the army shelled the town and seized the bridge.", "seized", "2023-05-15"),
        # a date framing the clause: "in a statement released on ..."
        ("In a statement issued on March 2, Oslo condemned the raid.", "condemned", "2023-03-02"),
        # noun predicates and lists of them
        ("The summit in April ended without a deal.", "summit", "2023-04"),
        ("The list includes the talks in March and the summit in April.", "talks", "2023-03"),
        ("The list includes the talks in March and the summit in April.", "summit", "2023-04"),
        # future events look ahead for year-less dates
        ("The envoy will visit Seoul on Friday.", "visit", "2023-05-19"),
        ("The talks will resume in March.", "resume", "2024-03"),
    ],
)  # fmt: skip
def test_which_date_belongs_to_which_event(
    nlp: Language, sentence: str, verb: str, value: str
) -> None:
    assert date_of(nlp, sentence, verb).value == value


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Troops crossed the border.", "crossed"),
        ("The 70-year-old president resigned.", "resigned"),
        ("Ships sailed 110km from the coast.", "sailed"),
        ("Leaders signed the deal, which ended 70 years of conflict.", "signed"),
        ("Talks stalled before 2010.", "stalled"),  # a bound, not the date
        ("The general ruled the country for 37 years.", "ruled"),  # ended when? not said
        ("Day said so in her 1976 memoir.", "said"),  # a year inside a description
    ],
)
def test_without_a_date_in_scope_the_publication_date_is_used(
    nlp: Language, sentence: str, verb: str
) -> None:
    assert date_of(nlp, sentence, verb) == EventDate("2023-05-17", "day", "publication")


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("The army withdrew last month.", "withdrew", "unknown"),
        ("The army withdrew on Friday.", "withdrew", "unknown"),
        ("Boats have sailed here for 30 consecutive days.", "sailed", "unknown"),
        ("The army withdrew.", "withdrew", "unknown"),
        ("The army withdrew in 2004.", "withdrew", "2004 year"),
        ("The ships have patrolled the strait since 2012.", "patrolled", "2012 year"),
    ],
)  # fmt: skip
def test_without_publication_date_relative_dates_stay_unknown(
    nlp: Language, sentence: str, verb: str, expected: str
) -> None:
    assert spec(date_of(nlp, sentence, verb, pub=None)) == expected


def test_unresolvable_relative_date_is_unknown_not_guessed(nlp: Language) -> None:
    date = date_of(nlp, "Two days earlier, the army had abandoned the base.", "abandoned")
    assert date == EventDate.unknown()


# --- the seed page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_doc(nlp: Language, seed_path: Path) -> Doc:
    return nlp(seed_path.read_text(encoding="utf-8"))


def seed_token(doc: Doc, sentence_start: str, text: str) -> Token:
    sent = next(s for s in doc.sents if s.text.strip().startswith(sentence_start))
    return next(t for t in sent if t.text == text)


@pytest.mark.parametrize(
    ("sentence_start", "verb", "expected"),
    [
        ("As early as 2004", "intruded", "2004 year"),
        ("As early as 2004", "entered", "2005 year"),
        ("As of the end of last month", "cruised", "2021-03-02 day ...2021-07-31"),
        ("In an interview with the Financial Times", "warned", "2021-08-02 day"),
        ("In an interview with the Financial Times", "called", "2021-08-02 day"),
        ("This includes", "publication", "2021-07 month"),
        ("This includes", "Meeting", "2021-04 month"),
        ("This includes", "Summit", "2021-04 month"),  # inside the name
        ("This includes", "meeting", "2021-03 month"),
        ("Since then", "displayed", "2005 year ...2021-08-10"),
        ("He also stressed", "stressed", "2021-08-10 day publication"),
    ],
)
def test_seed_page_dates(seed_doc: Doc, sentence_start: str, verb: str, expected: str) -> None:
    assert (
        spec(resolve_event_date(seed_token(seed_doc, sentence_start, verb), SEED_PUB)) == expected
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", (dt.date(2019, 1, 1), dt.date(2019, 12, 31))),
        ("2019-12", (dt.date(2019, 12, 1), dt.date(2019, 12, 31))),
        ("2020-02", (dt.date(2020, 2, 1), dt.date(2020, 2, 29))),
        ("2020-02-03", (dt.date(2020, 2, 3), dt.date(2020, 2, 3))),
        ("2020-13", None),
        ("20-02", None),
        ("", None),
        (None, None),
    ],
)
def test_period_days_of_partial_iso_dates(
    value: str | None, expected: tuple[dt.date, dt.date] | None
) -> None:
    assert period_days(value) == expected


@pytest.mark.parametrize("precision", ["year", "month", "day"])
def test_period_days_contains_the_day_iso_wrote(precision: DatePrecision) -> None:
    day = dt.date(2021, 11, 30)
    days = period_days(iso(day, precision))
    assert days is not None and days[0] <= day <= days[1]
