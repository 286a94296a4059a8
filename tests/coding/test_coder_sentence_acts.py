"""The act a sentence is about (issue 9, sentence-level coding): the main clause's act comes
before the acts of the clauses that modify it, statement acts stay when they are the
sentence's act, and verb classes the dictionary lacked (docs/verbs.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def first_code(asserted: Callable[[str], list[Event]], text: str) -> str | None:
    events = asserted(text)
    return events[0].code if events else None


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # a participle on the subject is not what the sentence reports
        ("Iraqi troops backed by American jets stormed the rebel town of Hit on Monday.", "19"),
        # nor is a relative clause on it
        ("The Saudi coalition that is fighting Houthi rebels declared a truce on Friday.", "08"),
    ],
)
def test_the_main_clause_act_comes_first(
    asserted: Callable[[str], list[Event]], text: str, root: str
) -> None:
    code = first_code(asserted, text)
    assert code is not None and code[:2] == root
