"""Years inside names are not event dates; a pluperfect act is not dated by its report."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

_PUB = dt.date(2020, 1, 15)  # a Wednesday


def _dates(coder: Coder, text: str) -> dict[str, str | None]:
    events = coder.code(Document(id="d9", text=text, date=_PUB))
    return {e.code: e.date.value for e in events}


def test_year_of_a_named_act_is_not_the_event_date(coder: Coder) -> None:
    dates = _dates(
        coder, "The United States imposed sanctions under the Trade Act of 1974 on China."
    )
    assert dates and "1974" not in dates.values()


def test_year_modifying_a_noun_is_not_the_event_date(coder: Coder) -> None:
    dates = _dates(coder, "Iran breached the 2015 nuclear deal with the United States on Monday.")
    assert "2020-01-13" in dates.values() and "2015" not in dates.values()


def test_a_plain_year_still_dates_the_event(coder: Coder) -> None:
    assert "2015" in _dates(coder, "Japan attacked Chinese ships in 2015.").values()


def test_pluperfect_act_takes_no_date_from_the_admission(coder: Coder) -> None:
    text = "Iran acknowledged on Saturday that it had shot down the Ukrainian plane."
    events = coder.code(Document(id="d9b", text=text, date=_PUB))
    shooting = [e for e in events if e.code.startswith("19")]
    assert shooting and all(e.date.value != "2020-01-11" for e in shooting)


def test_pluperfect_with_a_word_between_had_and_the_participle(coder: Coder) -> None:
    # the parser may read the participle after a quoted adverb as a simple past
    text = 'Iran admitted on Saturday that its army had "mistakenly" shot down a Ukrainian jet.'
    events = coder.code(Document(id="d9c", text=text, date=_PUB))
    shooting = [e for e in events if e.code.startswith("19")]
    assert shooting and all(e.date.value != "2020-01-11" for e in shooting)


def test_admitted_act_in_the_simple_past_is_not_dated_by_the_admission(coder: Coder) -> None:
    text = "On Saturday, Iran admitted that its army shot down the Ukrainian plane."
    events = coder.code(Document(id="d9d", text=text, date=_PUB))
    shooting = [e for e in events if e.code.startswith("19")]
    assert shooting and all(e.date.value != "2020-01-11" for e in shooting)


def test_a_reported_act_still_takes_the_date_of_the_report(coder: Coder) -> None:
    text = "Officials said on Saturday that Iranian troops attacked a Kurdish village."
    events = coder.code(Document(id="d9e", text=text, date=_PUB))
    attack = [e for e in events if e.code.startswith("19")]
    assert attack and all(e.date.value == "2020-01-11" for e in attack)
