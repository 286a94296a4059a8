"""WARC input: a Common Crawl News style archive we build with warcio, read as a stream; the
HTML responses become documents (id = target URI), the rest is skipped; ingesting it twice
changes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document, Reject
from dyadwatch.settings import load_settings

PAGE = (
    '<html lang="en"><head><title>{title}</title>'
    '<meta property="og:site_name" content="{outlet}"></head><body><article><h1>{title}</h1>'
    "<p>Chinese warships sailed near Taiwan on Monday, the defence ministry in Taipei said.</p>"
    "<p>Japan condemned China over the drills and urged restraint on {day}.</p>"
    "</article></body></html>"
)


def _response(writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK",
              content_type: str = "text/html; charset=utf-8") -> None:  # fmt: skip
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-05-13T10:00:00Z"},
    )  # fmt: skip
    writer.write_record(record)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "CC-NEWS-20240513100000-00001.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("x.warc.gz", {"software": "test"}))
        for n, outlet in enumerate(["Harbour Times", "Island Post"]):
            page = PAGE.format(title=f"Warships {n}", outlet=outlet, day=f"Monday {n}")
            _response(writer, f"https://news{n}.example/world/{n}.html", page.encode())
        _response(writer, "https://news0.example/missing", b"gone", status="404 Not Found")
        _response(writer, "https://news0.example/logo.png", b"\x89PNG", content_type="image/png")
        cyrillic = "<html><body><article><p>" + "Учения у Тайваня. " * 10 + "</p></article>"
        _response(writer, "https://news2.example/ru.html", cyrillic.encode("windows-1251"),
                  content_type="text/html; charset=windows-1251")  # fmt: skip
    return path


def test_warc_html_responses_become_documents(archive: Path) -> None:
    items = list(read_inputs([str(archive)]))
    docs = [i for i in items if isinstance(i, Document)]
    assert not [i for i in items if isinstance(i, Reject)]
    assert [d.id for d in docs] == [
        "https://news0.example/world/0.html",
        "https://news1.example/world/1.html",
        "https://news2.example/ru.html",
    ]
    assert [d.source for d in docs[:2]] == ["Harbour Times", "Island Post"]
    assert docs[0].title == "Warships 0" and docs[0].url == docs[0].id
    assert str(docs[0].date) == "2024-05-13"  # the record's WARC-Date
    assert docs[0].origin.endswith(".warc.gz#record-2")
    assert "Учения у Тайваня" in docs[2].text


def test_warc_ingest_twice_changes_nothing(archive: Path, tmp_path: Path) -> None:
    settings = load_settings(None, workers=1)
    with ds.open(tmp_path / "warc.duckdb") as store:
        first = pipeline.ingest(store, [str(archive)], settings=settings)
        second = pipeline.ingest(store, [str(archive)], settings=settings)
        stored = store.con.execute("SELECT count(*) FROM documents").fetchone()
    assert (first.new, first.rejects) == (3, [])
    assert (second.new, second.unchanged) == (0, 3)
    assert stored == (3,)


def test_warc_in_a_directory_is_read(archive: Path) -> None:
    items = list(read_inputs([str(archive.parent)]))
    assert len([i for i in items if isinstance(i, Document)]) == 3


def test_warc_that_is_not_an_archive_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"this is not a WARC file at all")
    [reject] = list(read_inputs([str(path)]))
    assert isinstance(reject, Reject) and reject.code in ("bad_record", "empty")
