"""A month or day placed by a year counted from publication ("in January of last year", "on
May 2 last year", "in August next year") is that month of that year, not the nearest such
month before or after publication. Publication date: Wednesday 2023-05-17."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from dyadwatch.coding.dates.event_date import resolve_event_date

PUB = dt.date(2023, 5, 17)


def date_value(nlp: Language, sentence: str, verb: str) -> str | None:
    token = next(t for t in nlp(sentence) if t.text == verb)
    return resolve_event_date(token, PUB).value


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("The two ministers were detained in January of last year.", "detained", "2022-01"),
        ("Rebels took the bridge in March last year.", "took", "2022-03"),
        ("The envoy toured the camps on May 2 last year.", "toured", "2022-05-02"),
        ("The envoy toured the camps on 9 April of last year.", "toured", "2022-04-09"),
        ("The mission will withdraw in August next year.", "withdraw", "2024-08"),
    ],
)
def test_dates_month_of_counted_year(
    nlp: Language, sentence: str, verb: str, expected: str
) -> None:
    assert date_value(nlp, sentence, verb) == expected


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        # a comma after a month alone starts another phrase
        ("The envoy left in March, last year he had stayed longer.", "left", "2023-03"),
        # "last year's" names a thing of that year, not the month's year
        ("The council met in March last year's chairman said.", "met", "2023-03"),
        ("The envoy toured the camps on December 22, last year.", "toured", "2022-12-22"),
    ],
)
def test_dates_month_of_counted_year_limits(
    nlp: Language, sentence: str, verb: str, expected: str
) -> None:
    assert date_value(nlp, sentence, verb) == expected
