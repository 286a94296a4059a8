"""Per-event confidence (coding/confidence.py): each way of finding an event weaker than the
direct one lowers the score, and the coder gives every event a score in [0, 1]."""

from __future__ import annotations

import dataclasses

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.confidence import event_confidence
from dyadwatch.model import Actor, Document, Event, Evidence, Plover


def _event(**changes: object) -> Event:
    base = Event(
        id="e1",
        doc_id="d1",
        sentence_index=0,
        evidence=Evidence("Ruritania shelled the Borduria garrison.", 0, 40),
        source=Actor("RUR", "Ruritania", "RUR"),
        target=Actor("BOR", "Borduria", "BOR"),
        code="195",
        root_code="19",
        quad_class=4,
        goldstein=-10.0,
        plover=Plover("ASSAULT"),
        rule={
            "verb": "verbs:shell",
            "chain": "verbs:shell",
            "source": "nsubj: countries.tsv:1 Ruritania",
            "target": "object: countries.tsv:2 Borduria",
        },
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _with_rule(**rule: str) -> Event:
    event = _event()
    return _event(rule={**event.rule, **rule})


def test_direct_subject_object_and_specific_code_is_fully_trusted() -> None:
    assert event_confidence(_event()) == 1.0


@pytest.mark.parametrize(
    "weaker",
    [
        _event(target=None, rule={"verb": "verbs:shell", "source": "nsubj: x"}),
        _with_rule(target="location"),
        _with_rule(source="conj: countries.tsv:1 Ruritania"),
        _with_rule(source="pronoun-speaker: pronoun he -> people.tsv:3 Someone"),
        _with_rule(source="nsubj: agents.tsv:9 troops + (country from context: RUR)"),
        _event(code="190"),
        _event(modality="hypothetical"),
        _event(attributed_to="BOR"),
        _with_rule(chain="verbs:launch > verbs:@attack"),
        _event(target=Actor("RURGOV", "the government", "RUR")),
    ],
    ids=[
        "no target",
        "fallback target",
        "shared subject",
        "pronoun source",
        "context country",
        "root-level code",
        "not asserted",
        "reported speech",
        "light-verb chain",
        "own country as target",
    ],
)
def test_each_weaker_finding_lowers_confidence(weaker: Event) -> None:
    assert event_confidence(weaker) < event_confidence(_event())


def test_bare_speech_ranks_below_a_targeted_act() -> None:
    said = _event(code="010", target=None, rule={"verb": "verbs:say", "source": "nsubj: x"})
    accused = _event(code="112", rule={**_event().rule, "verb": "verbs:accuse"})
    assert event_confidence(said) < 0.3 < event_confidence(accused)


def test_coder_scores_every_event_and_the_record_keeps_it(coder: Coder) -> None:
    text = (
        "Japan accused China of violating its airspace on Monday. Officials said the talks went on."
    )
    events = coder.code(Document(id="conf-1", text=text))
    assert events
    for event in events:
        assert event.confidence is not None and 0.0 <= event.confidence <= 1.0
        assert event.confidence == event_confidence(event)
        assert Event.from_dict(event.to_dict()).confidence == event.confidence


def test_an_aimed_act_without_its_target_falls_below_a_protest_without_one() -> None:
    # a march needs no one to march against; a pledge or a rebuke without whom is missing a part
    rule = {"verb": "verbs:x", "source": "nsubj: x"}
    marched = _event(code="141", target=None, rule=rule)
    rebuked = _event(code="111", target=None, rule=rule)
    assert event_confidence(rebuked) < 0.3 <= event_confidence(marched)
