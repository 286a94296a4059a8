from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from dyadwatch.errors import RejectCode
from dyadwatch.model import Document, Reject

Read = Callable[..., tuple[list[Document], list[Reject]]]
Write = Callable[[str, str | bytes], Path]

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Wire</title>
<item><title>Ships enter zone</title><link>https://x/1</link><guid>wire-1</guid>
<pubDate>Mon, 13 May 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Four Chinese ships entered the zone.&lt;/p&gt;</description></item>
<item><title>Summary only</title><link>https://x/2</link>
<description>Tokyo protested to Beijing and...</description></item>
<item><title>Bad date</title><pubDate>someday</pubDate><description>Text.</description></item>
<item><title>No text</title><guid>wire-4</guid></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Strait Monitor</title>
<entry><id>tag:x,2024:1</id><title>Drills</title><link rel="alternate" href="https://x/a"/>
<published>2025-04-07T06:00:00+08:00</published><author><name>Ann Lee</name></author>
<content type="html">&lt;p&gt;China launched drills.&lt;/p&gt;
&lt;p&gt;Taipei condemned them.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_items_become_documents_and_bad_items_rejects(write: Write, read: Read) -> None:
    write("wire.rss", RSS)
    docs, rejects = read("wire.rss")
    assert [(d.id, d.text, d.source) for d in docs] == [
        ("wire-1", "Four Chinese ships entered the zone.", "Harbour Wire"),
        ("https://x/2", "Tokyo protested to Beijing and...", "Harbour Wire"),
    ]
    assert docs[0].date == dt.date(2024, 5, 13) and docs[0].title == "Ships enter zone"
    assert (docs[0].truncated, docs[1].truncated) == (False, True)
    assert [(r.origin, r.code) for r in rejects] == [
        ("wire.rss#item-3", RejectCode.BAD_DATE),
        ("wire.rss#item-4", RejectCode.EMPTY),
    ]


def test_atom_entries_become_documents(write: Write, read: Read) -> None:
    write("feed.atom", ATOM)
    [doc], rejects = read("feed.atom")
    assert rejects == []
    assert (doc.id, doc.url, doc.date) == ("tag:x,2024:1", "https://x/a", dt.date(2025, 4, 7))
    assert doc.text == "China launched drills.\n\nTaipei condemned them."
    assert doc.metadata == {"author": "Ann Lee"}


def test_feed_in_xml_file_is_sniffed(write: Write, read: Read) -> None:
    write("feed.xml", ATOM)
    assert len(read("feed.xml")[0]) == 1


def test_malformed_feed_is_rejected(write: Write, read: Read) -> None:
    write("bad.rss", "<rss><channel><item></channel>")
    docs, [reject] = read("bad.rss")
    assert docs == [] and "malformed XML" in reject.reason


def test_xml_that_is_not_a_feed_is_rejected(write: Write, read: Read) -> None:
    write("x.rss", "<html><body>nope</body></html>")
    _, [reject] = read("x.rss")
    assert "not an RSS or Atom feed" in reject.reason


def test_feed_without_items_is_empty(write: Write, read: Read) -> None:
    write("x.rss", "<rss><channel><title>T</title></channel></rss>")
    _, [reject] = read("x.rss")
    assert reject.code == RejectCode.EMPTY
