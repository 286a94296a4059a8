"""`dyadwatch code --format table` prints the whole evidence sentence, wrapped, with actor
names: a sentence cut at 85 or 92 characters can hide its negation or its target."""

from __future__ import annotations

from dyadwatch.cli.render import render_document
from dyadwatch.model import Actor, Document, Event, Evidence, Plover

SENTENCE = (
    "Japan's defence ministry said on Tuesday that Chinese coast guard vessels, which had "
    "stayed in the contiguous zone for a record 335 days, did enter the territorial waters "
    "off the islands, and that it had lodged a protest."
)


def test_table_wraps_the_whole_sentence_with_actor_names() -> None:
    doc = Document(id="d1", text=SENTENCE)
    event = Event(
        id="e-1", doc_id="d1", sentence_index=0, evidence=Evidence(SENTENCE, 0, len(SENTENCE)),
        source=Actor("CHNCOP", "Chinese coast guard", "CHN", "COP"),
        target=Actor("JPN", "Japan", "JPN", None), code="0874", root_code="08", quad_class=2,
        goldstein=5.0, plover=Plover(None, None),
    )  # fmt: skip
    lines = render_document(doc, [event]).splitlines()
    assert "CHNCOP China police -> JPN Japan" in lines[1]
    quoted = [line.strip() for line in lines[2:]]
    assert " ".join(quoted) == f"\u201c{SENTENCE}\u201d"  # every word, nothing cut
    assert len(quoted) >= 3 and all(len(line) <= 100 for line in lines[2:])
