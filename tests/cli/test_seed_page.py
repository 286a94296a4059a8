"""Acceptance on the seed page: `dyadwatch code SEED --date 2021-08-10`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dyadwatch.cli.code_cmd import OutputFormat, code_to_stream
from dyadwatch.model import Event


@pytest.fixture(scope="module")
def seed_events(seed_path: Path) -> list[Event]:
    out = io.StringIO()
    status = code_to_stream(
        [str(seed_path)], out, io.StringIO(), date="2021-08-10", fmt=OutputFormat.jsonl
    )
    assert status == 0
    return [Event.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]


def test_seed_submarine_intrusion_is_chnmil_to_jpn_in_2004(seed_events: list[Event]) -> None:
    [event] = [e for e in seed_events if "submarine intruded" in e.evidence.text
               and e.date.value == "2004"]  # fmt: skip
    assert (event.source.code, event.target and event.target.code) == ("CHNMIL", "JPN")
    assert event.modality == "asserted" and event.date.precision == "year"
    assert event.evidence.text.startswith("As early as 2004")


def test_seed_teasers_are_separate_documents(seed_events: list[Event]) -> None:
    trump = {e.doc_id for e in seed_events if "Zelenskiy" in e.evidence.text}
    burma = {e.doc_id for e in seed_events if "Burm" in e.evidence.text}
    assert len(trump) == len(burma) == 1 and trump != burma
    assert all("#teaser-" in d for d in trump | burma)
    assert all("#" in e.doc_id for e in seed_events)  # every event is in a split document


def test_seed_hypothetical_sentences_give_no_asserted_event(seed_events: list[Event]) -> None:
    speculative = ("might pass laws", "could take the form", "Japan should use", "would allow")
    asserted = [e for e in seed_events if e.modality == "asserted"
                and any(cue in e.evidence.text for cue in speculative)]  # fmt: skip
    assert asserted == []


def test_seed_streak_is_a_dated_span_at_the_senkakus(seed_events: list[Event]) -> None:
    [event] = [e for e in seed_events if "152 consecutive days" in e.evidence.text]
    assert (event.date.value, event.date.end) == ("2021-03-02", "2021-07-31")
    assert event.location is not None and "Senkaku" in event.location.name


def test_seed_interview_events_are_dated_by_the_interview(seed_events: list[Event]) -> None:
    interview = [e for e in seed_events if "Financial Times published on Aug. 2" in e.evidence.text
                 and e.modality == "asserted"]  # fmt: skip
    assert interview and {e.date.value for e in interview} == {"2021-08-02"}


def test_seed_summits_are_dated_by_their_month(seed_events: list[Event]) -> None:
    summits = {
        (e.source.country, e.target.country if e.target else None, e.date.value)
        for e in seed_events
        if "Japan-US Summit Meeting in April" in e.evidence.text and e.root_code == "04"
    }
    assert ("JPN", "USA", "2021-04") in summits or ("USA", "JPN", "2021-04") in summits
    assert any(d == "2021-05" for *_, d in summits)  # the EU-Japan Summit in May
    assert any(d == "2021-06" for *_, d in summits)  # the G7 and Japan-Australia in June


def test_seed_funded_by_china_is_china_to_the_burmese_army(seed_events: list[Event]) -> None:
    funded = [e for e in seed_events if "funded by China" in e.evidence.text
              and e.root_code == "07"]  # fmt: skip
    assert any(e.source.country == "CHN" and e.target and e.target.code == "MMRMIL" for e in funded)
    assert not any(e.source.code == "MMRMIL" for e in funded)


def test_seed_teaser_acts_are_coded(seed_events: list[Event]) -> None:
    asserted = [e for e in seed_events if e.modality == "asserted"]
    found = {
        (e.source.country, e.root_code, e.target.country if e.target else None) for e in asserted
    }
    assert ("MMR", "17", "MMR") in found  # the junta cutting communications
    assert ("USA", "16", None) in found  # dismantling multilateral institutions
    assert ("USA", "11", "UKR") in found  # the Trump-Zelenskiy confrontation


def test_seed_two_plus_two_is_japan_meeting_its_washington_host_in_march(
    seed_events: list[Event],
) -> None:
    found = {
        (e.source.country, e.target.country if e.target else None, e.date.value)
        for e in seed_events
        if "two-plus-two" in e.evidence.text and e.modality == "asserted" and e.root_code == "04"
    }
    assert ("JPN", "USA", "2021-03") in found
