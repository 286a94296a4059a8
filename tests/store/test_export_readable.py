"""Exports an analyst opens (issue 11): CSV with labels, document columns, one-line cells and
an optional BOM for Excel; GDELT rows of month- and year-dated events fill only what is known."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

import dyadwatch.store as ds
from dyadwatch.errors import ConfigError
from dyadwatch.store.export import LABEL_COLUMNS, TABLE_COLUMNS
from dyadwatch.store.gdelt import read_gdelt


@pytest.fixture
def filled(store, run_ingest, make_doc) -> ds.Store:
    docs = [
        make_doc(
            "clash",
            "CHNMIL attacked JPN on 2024-03-05 near Senkaku.",
            title="Clash at sea,\nday two",  # a line break inside a cell
            url="https://example.org/clash",
            source="Harbour Post",
        ),
        make_doc("month", "IGOUNO accused SYR in 2023-11."),
        make_doc("year", "USAGOV met JPNGOV in 2019."),
    ]
    run_ingest(store, docs)
    return store


def _csv_rows(store: ds.Store, tmp_path, **options) -> tuple[bytes, list[dict[str, str]]]:
    path = tmp_path / "events.csv"
    store.export("csv", path, **options)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    return raw, list(csv.DictReader(io.StringIO(text)))


def test_csv_has_labels_and_document_columns(filled, tmp_path) -> None:
    _, rows = _csv_rows(filled, tmp_path)
    assert list(rows[0]) == [*TABLE_COLUMNS, *LABEL_COLUMNS]
    clash = next(r for r in rows if r["doc_id"] == "clash")
    assert clash["source_label"] == "CHNMIL China military"
    assert clash["target_label"] == "JPN Japan"
    assert clash["code_name"].startswith("Use conventional military force")
    assert clash["quad_name"] == "material conflict"
    assert (clash["doc_title"], clash["doc_outlet"], clash["doc_url"]) == (
        "Clash at sea, day two",
        "Harbour Post",
        "https://example.org/clash",
    )
    un = next(r for r in rows if r["doc_id"] == "month")
    assert un["source_label"] == "IGOUNO United Nations"


def test_csv_cells_hold_no_line_breaks(filled, tmp_path) -> None:
    raw, rows = _csv_rows(filled, tmp_path)
    assert raw.count(b"\n") == len(rows) + 1  # one line per row: nothing breaks inside a cell
    assert b"\r" not in raw


def test_csv_bom_only_when_asked(filled, tmp_path) -> None:
    plain, _ = _csv_rows(filled, tmp_path)
    assert not plain.startswith(b"\xef\xbb\xbf")
    (tmp_path / "events.csv").unlink()
    excel, rows = _csv_rows(filled, tmp_path, bom=True)
    assert excel.startswith(b"\xef\xbb\xbfid,doc_id,")
    assert len(rows) == 3


def test_bom_is_refused_for_other_formats(filled, tmp_path) -> None:
    with pytest.raises(ConfigError, match="CSV only"):
        filled.export("gdelt", tmp_path / "x.tsv", bom=True)


def test_gdelt_fills_only_the_known_date_fields(filled, tmp_path) -> None:
    path = tmp_path / "events.tsv"
    filled.export("gdelt", path)
    frame = read_gdelt(path).set_index("EventCode")
    day, month, year = frame.loc["190"], frame.loc["112"], frame.loc["040"]
    assert (day["Day"], day["MonthYear"], day["Year"]) == (20240305, 202403, 2024)
    assert month["Day"] is pd.NA and month["MonthYear"] == 202311 and month["Year"] == 2023
    assert month["FractionDate"] != month["FractionDate"]  # NaN: no day to place it at
    assert year["Day"] is pd.NA and year["MonthYear"] is pd.NA and year["Year"] == 2019
    raw = path.read_text(encoding="utf-8").splitlines()
    year_line = next(line for line in raw if "\t040\t" in line).split("\t")
    assert year_line[1:5] == ["", "", "2019", ""]  # never a bare 1 January
