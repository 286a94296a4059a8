"""Leaders and founders of known militant groups (organizations.tsv, kind ``leader``) are
coded as their group."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.dictionaries.actors import load_actor_dictionary
from dyadwatch.model import Event


def test_group_leaders_rows_are_organizations_of_kind_leader() -> None:
    dictionary = load_actor_dictionary()
    leaders = {e.phrase: e.code for e in dictionary.entries if e.role == "leader"}
    assert leaders["Hassan Nasrallah"] == "LBNREBHEZ"
    assert leaders["Osama bin Laden"] == "IMGALQ"
    assert all(code for code in leaders.values())


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Hassan Nasrallah threatened Israel in a televised speech.", "LBNREBHEZ", "ISR"),
        ("Yahya Sinwar rejected the Egyptian proposal on Sunday.", "PSEREBHMS", "EGY"),
        ("Saudi Arabia condemned Osama bin Laden in 1994.", "SAU", "IMGALQ"),
    ],
)
def test_group_leaders_code_as_their_group(
    asserted: Callable[[str], list[Event]], text: str, source: str, target: str
) -> None:
    pairs = {(e.source.code[: len(source)], e.target.code if e.target else None)
             for e in asserted(text)}  # fmt: skip
    assert (source, target) in {(s, t[: len(target)] if t else None) for s, t in pairs}
