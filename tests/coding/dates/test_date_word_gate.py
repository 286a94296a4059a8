"""The quick exit of the date grammar: a sentence with no digit, capitalised month or date word
skips the rules, and that never loses a date the rules would find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.coding.dates import grammar
from dyadwatch.coding.dates.grammar import _may_hold_date, find_mentions

# words the rules look for, alone or together, and ordinary words around them
WORDS = [
    "in", "since", "the", "last", "this", "next", "early", "late", "mid", "of", "from", "to",
    "and", "between", "ago", "earlier", "later", "recent", "past", "over", "for", "two", "a",
    "few", "several", "consecutive", "following", "previous", "same", "that", "end", "start",
    "year", "years", "month", "week", "weekend", "day", "days", "decade", "decades", "Monday",
    "today", "yesterday", "tonight", "tomorrow", "morning", "evening", "then", "March", "May",
    "Sept.", "Dec", "may", "march", "1999", "2021-03-04", "12", "3rd", "1990s", "-", ",",
    "leaders", "met", "talks", "said", "army", "Minister", "rebels", "attacked",
]  # fmt: skip


def rules_find_something(text: str) -> bool:
    return any(pattern.search(text) for pattern, _build, _cue in grammar._RULES)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=9))
def test_the_gate_passes_every_text_a_rule_matches(words: list[str]) -> None:
    text = " ".join(words)
    if rules_find_something(text):
        assert _may_hold_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met on 2021-03-04 in Vienna.",
        "Talks resumed in March after a pause.",
        "The rebels attacked on Monday.",
        "Officials said yesterday the border was closed.",
        "The army withdrew two weeks ago.",
        "The talks collapsed the following week.",
        "Since then, the two sides have not spoken.",
        "Fighting went on throughout the 1990s.",
        "He has been held for 152 consecutive days.",
    ],
)
def test_sentences_with_dates_still_reach_the_rules(text: str) -> None:
    assert _may_hold_date(text)
    assert find_mentions(text)


def test_a_sentence_without_date_words_has_no_mentions() -> None:
    text = "The foreign minister criticised the sanctions and called for talks."
    assert not _may_hold_date(text)
    assert find_mentions(text) == ()


def test_text_beyond_ascii_always_reaches_the_rules() -> None:
    # the rules match case-insensitively, where a dotless i spells "tonight" too
    assert _may_hold_date("They will meet tonıght.")
