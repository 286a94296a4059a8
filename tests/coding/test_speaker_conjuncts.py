""" "X said its ships were attacked and accused Y of piracy": the parser hangs the second verb
on the reported passive clause, but a speaker's act (accuse, deny, warn ...) is the
speaker's. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def triples(coder: Coder, text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country, e.code[:2], e.target.country if e.target else None)
        for e in coder.code(Document(id="t", text=text, date=dt.date(1987, 6, 2)))
        if e.modality == "asserted"
    }


def test_speaker_conjuncts_accusation_after_reported_passive(coder: Coder) -> None:
    text = "Denmark said its trawlers were boarded and accused Norway of piracy."
    assert ("DNK", "11", "NOR") in triples(coder, text)


def test_speaker_conjuncts_perfect_accusation_stays_the_speakers(coder: Coder) -> None:
    # a guard: here the parser may join the accusation to "said" itself
    text = "For its part Denmark has said its envoys are watched and has accused Oslo of spy-mania."
    assert ("DNK", "11", "NOR") in triples(coder, text)


def test_speaker_conjuncts_passive_subject_still_does_its_own_act(coder: Coder) -> None:
    # "was indicted and will resign": not a speaker's act, the indicted resigns
    text = "The Danish minister was indicted and will resign."
    assert any(code == "08" for _s, code, _t in triples(coder, text))
