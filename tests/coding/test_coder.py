"""The coder: full event records from documents, batches that survive bad documents."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.ids import coder_version
from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.dictionaries.tsv import data_digest
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.errors import RejectCode
from dyadwatch.model import Document, Event


def doc(text: str, doc_id: str = "d1", date: dt.date | None = None) -> Document:
    return Document(id=doc_id, text=text, date=date)


def only(events: list[Event], code: str) -> Event:
    found = [e for e in events if e.code == code]
    assert len(found) == 1, [e.code for e in events]
    return found[0]


def test_coder_seed_page_codes_the_submarine_intrusion(coder: Coder, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    events = coder.code(Document(id="seed", text=text, date=dt.date(2021, 8, 10)))
    intrusions = [
        e
        for e in events
        if e.source.code == "CHNMIL" and e.target is not None and e.target.country == "JPN"
    ]
    assert intrusions, [(e.source.code, e.code) for e in events]
    event = intrusions[0]
    assert event.root_code == "15"
    assert "intruded" in event.evidence.text
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    start, end = event.evidence.spans["verb"]
    assert text[start:end] == "intruded into"


def test_coder_event_record_fields(coder: Coder) -> None:
    text = "It rained on Monday. Japan imposed sanctions on Iran."
    event = only(coder.code(doc(text)), "163")
    entry = default_codebook().get("163")
    assert (event.source.code, event.target and event.target.code) == ("JPN", "IRN")
    assert event.sentence_index == 1
    assert text[event.evidence.start : event.evidence.end] == "Japan imposed sanctions on Iran."
    spans = {k: text[a:b] for k, (a, b) in event.evidence.spans.items()}
    assert spans == {"source": "Japan", "verb": "imposed", "target": "Iran"}
    assert (event.root_code, event.quad_class, event.goldstein) == (
        entry.root_code,
        entry.quad_class,
        entry.goldstein,
    )
    assert (event.plover.event_type, event.plover.mode) == default_codebook().plover("163")
    assert event.rule["verb"] == "verbs:impose"
    assert "verbs:@sanction" in event.rule["chain"]
    assert re.fullmatch(r"[0-9a-f]{20}", event.id)


def test_coder_ids_are_stable_and_depend_on_the_document(coder: Coder) -> None:
    text = "Russia attacked Georgia."
    first = [e.id for e in coder.code(doc(text))]
    again = [e.id for e in coder.code(doc(text))]
    other = [e.id for e in coder.code(doc(text, doc_id="d2"))]
    assert first and first == again
    assert set(first).isdisjoint(other)


def test_coder_version_digests_the_verb_dictionary_and_the_data_files(coder: Coder) -> None:
    assert coder.version == coder_version(default_verbs().version, data_digest())
    assert coder_version("another-verb-dictionary", data_digest()) != coder.version


def test_coder_empty_document_has_no_events(coder: Coder) -> None:
    assert coder.code(doc("")) == []


def test_coder_code_many_isolates_a_failing_document(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = coder.extractor.extract

    def fragile(parsed: Doc, mentions: object, *rest: object) -> object:
        if "Iran" in parsed.text:
            raise RuntimeError("boom")
        return real(parsed, mentions, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(coder.extractor, "extract", fragile)
    docs = [
        doc("Japan criticized China.", "a"),
        doc("Japan imposed sanctions on Iran.", "b"),
        doc("France praised Germany.", "c"),
    ]
    results = list(coder.code_many(docs, batch_size=2))
    assert [r.document.id for r in results] == ["a", "b", "c"]
    assert [r.ok for r in results] == [True, False, True]
    assert results[0].events and results[2].events
    reject = results[1].reject()
    assert reject.code == RejectCode.CODING_FAILED
    assert "boom" in reject.reason


def test_coder_prefilter_gives_the_same_events(coder: Coder, prefiltered: Coder) -> None:
    text = (
        "The weather was mild. Japan imposed sanctions on Iran on Monday. "
        "Markets were calm. France praised Germany for its help."
    )

    def key(events: list[Event]) -> list[tuple[object, ...]]:
        return [(e.code, e.source.code, e.evidence.start, e.evidence.spans["verb"]) for e in events]

    assert key(prefiltered.code(doc(text))) == key(coder.code(doc(text)))


def test_coder_prefilter_leaves_eventless_sentences_unparsed(prefiltered: Coder) -> None:
    parsed = prefiltered.parse(doc("The weather was mild. Japan criticized China."))
    assert parsed.text == "The weather was mild. Japan criticized China."
    tags = {t.text: t.pos_ for t in parsed}
    assert tags["weather"] == ""
    assert tags["criticized"] == "VERB"


PUBLISHED = dt.date(2021, 8, 10)


@pytest.mark.parametrize(
    ("text", "code", "date"),
    [
        # the date of a fronted participle ("Speaking on ...") is the main clause's
        (
            "Speaking on March 3, the Japanese foreign minister criticized China.",
            "111",
            "2021-03-03",
        ),
        # the parser hangs the fronted phrase on "titled"; its participle still dates the clause
        (
            "In a speech broadcast on March 3, titled “Peace first,” the Japanese foreign "
            "minister criticized China.",
            "111",
            "2021-03-03",
        ),
    ],
)
def test_coder_fronted_participle_dates_the_main_clause(
    coder: Coder, text: str, code: str, date: str
) -> None:
    event = only(coder.code(doc(text, date=PUBLISHED)), code)
    assert (event.date.value, event.date.source) == (date, "text")


def test_coder_what_was_warned_about_is_attributed_and_not_asserted(coder: Coder) -> None:
    # a warning points at a danger: the encirclement is the minister's concern, not an act
    # the text reports as done (a blockade would be counted otherwise)
    text = "The Japanese foreign minister warned about Chinese warships encircling Taiwan."
    event = only(coder.code(doc(text, date=PUBLISHED)), "191")
    assert (event.source.code, event.attributed_to) == ("CHNMIL", "JPNGOV")
    assert event.modality == "hypothetical"


def test_coder_what_a_warning_says_happened_stays_asserted(coder: Coder) -> None:
    text = "The Japanese foreign minister warned that Chinese warships had encircled Taiwan."
    event = only(coder.code(doc(text, date=PUBLISHED)), "191")
    assert (event.modality, event.attributed_to) == ("asserted", "JPNGOV")


@pytest.mark.parametrize(
    ("pair", "date", "place"),
    [
        (("JPN", "AUS"), "2021-03", "Tokyo"),  # its own date and place
        (("CHN", "RUS"), "2021-04", None),  # Tokyo belongs to the first item only
        (("JPN", "IND"), "2021-06", None),  # "X and Y in June": both in June
        (("RUS", "TUR"), "2021-06", None),
    ],
)
def test_coder_list_items_take_their_own_date_and_place(
    coder: Coder, pair: tuple[str, str], date: str, place: str | None
) -> None:
    text = (
        "The agenda included the Japan-Australia summit in Tokyo in March, the China-Russia "
        "talks in April, and the Japan-India meeting and the Russia-Turkey summit in June."
    )
    events = coder.code(doc(text, date=PUBLISHED))
    [event] = [e for e in events if (e.source.code, e.target and e.target.code) == pair]
    assert event.date.value == date
    assert (event.location.name if event.location else None) == place


def test_coder_summit_of_an_organisation_is_its_consultation(coder: Coder) -> None:
    text = "The week included the Japan-India talks and the EU-Japan Summit in June."
    events = coder.code(doc(text, date=PUBLISHED))
    summit = [e for e in events if e.source.code.startswith("IGO") and e.root_code == "04"]
    assert summit and summit[0].date.value == "2021-06"


def test_coder_summit_of_an_organisation_alone_names_no_partner(coder: Coder) -> None:
    text = "The week included the G7 Leaders' Summit in June."
    events = coder.code(doc(text, date=PUBLISHED))
    assert not [e for e in events if e.root_code == "04"]  # partnerless: events/background.py
