"""Entries added for naming verbs and military aid in kind load with the intended codes."""

from __future__ import annotations

import pytest

from dyadwatch.dictionaries.verbs import default_verbs


@pytest.mark.parametrize(
    ("lemma", "pattern", "code", "frame"),
    [
        ("call", "call", "010", "speech"),
        ("brand", "brand", "010", "speech"),
        ("call", "call +ACTOR", "041", None),
        ("give", "give +weapon", "072", None),
        ("transfer", "transfer +weapon", "072", None),
    ],
)
def test_entry_codes(lemma: str, pattern: str, code: str, frame: str | None) -> None:
    entries = [
        e
        for e in default_verbs().verb_patterns(lemma)
        if e.pattern == pattern or e.pattern.startswith(pattern + "|")
    ]
    assert entries, pattern
    assert (entries[0].code, entries[0].frame) == (code, frame)
