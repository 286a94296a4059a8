"""Exports: GDELT (61 columns, typed read-back), Parquet, PLOVER JSON and CSV round-trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest

import dyadwatch.store as ds
from dyadwatch.errors import ConfigError
from dyadwatch.store.export import CSV_COLUMNS, TABLE_COLUMNS
from dyadwatch.store.gdelt import GDELT_COLUMNS, GDELT_DTYPES, global_event_id, read_gdelt

_LEAD = "CHNMIL attacked JPN on 2024-03-05 near Senkaku.\n\nLater, USAGOV met JPNGOV in Tokyo."


@pytest.fixture
def filled(store, run_ingest, make_doc, stories) -> ds.Store:
    docs = [
        make_doc("wire", _LEAD, url="https://example.org/wire/1"),
        make_doc(
            "post", "Officials say CHNMIL attacked JPN on 2024-03-05 near Senkaku.", source="Post"
        ),
        make_doc("copy", stories.wire_edited, source="Daily"),  # a third report of the clash
        make_doc("talk", "RUS did not threaten UKR in 2023. IGOUNO accused SYR in 2019."),
        make_doc("undated", "JPN protested against CHN.", date=None),
    ]
    run_ingest(store, docs)
    return store


def test_gdelt_column_list_is_the_61_of_gdelt_2() -> None:
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    assert GDELT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert GDELT_COLUMNS[51] == "ActionGeo_Type" and GDELT_COLUMNS[-2:] == (
        "DATEADDED",
        "SOURCEURL",
    )


def test_global_event_id_is_stable_and_positive() -> None:
    assert global_event_id("e-1") == global_event_id("e-1") != global_event_id("e-2")
    assert 0 < global_event_id("e-1") < 2**63


def test_gdelt_export_has_61_columns_and_reads_back_typed(filled, tmp_path) -> None:
    path = tmp_path / "events.gdelt.tsv"
    result = filled.export("gdelt", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert result.rows == len(lines) > 0
    assert all(len(line.split("\t")) == 61 for line in lines)
    frame = read_gdelt(path)
    assert list(frame.columns) == list(GDELT_COLUMNS)
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        c: ("string" if t == "string" else t) for c, t in GDELT_DTYPES.items()
    }
    clash = frame[frame["EventCode"] == "190"].iloc[0]
    assert (clash["Day"], clash["MonthYear"], clash["Year"]) == (20240305, 202403, 2024)
    assert clash["FractionDate"] == pytest.approx(2024 + 65 / 365, abs=1e-4)
    assert (clash["Actor1Code"], clash["Actor1CountryCode"], clash["Actor1Type1Code"]) == (
        "CHNMIL", "CHN", "MIL",
    )  # fmt: skip
    assert (clash["EventBaseCode"], clash["EventRootCode"], clash["QuadClass"]) == ("190", "19", 4)
    assert clash["NumMentions"] == 3 and clash["NumSources"] == 3 and clash["NumArticles"] == 3
    assert pd.isna(clash["AvgTone"])
    assert clash["ActionGeo_Type"] == 4 and clash["ActionGeo_FullName"] == "Senkaku Islands"
    assert clash["ActionGeo_FeatureID"] == "dw:senkaku-islands"
    assert clash["ActionGeo_Lat"] == pytest.approx(25.75)
    assert clash["SOURCEURL"] in {"https://example.org/wire/1", "copy", "post"}  # anchor doc


def test_gdelt_exports_one_row_per_cluster(filled) -> None:
    out = io.StringIO()
    filled.export("gdelt", stdout=out)
    rows = [line.split("\t") for line in out.getvalue().splitlines()]
    clusters = filled.clusters()
    assert len(rows) == len(clusters)  # asserted events only, by default
    ids = {int(r[0]) for r in rows}
    assert ids == {global_event_id(e) for e in clusters["representative_event_id"]}


def test_gdelt_fields_for_lead_tokyo_and_undated(filled) -> None:
    out = io.StringIO()
    filled.export("gdelt", stdout=out)
    by_code = {r[26]: r for r in (line.split("\t") for line in out.getvalue().splitlines())}
    tokyo = by_code["040"]
    assert tokyo[25] == "0"  # after the first blank line: not in the lead paragraph
    assert (tokyo[51], tokyo[53]) == ("4", "JA")  # a city; FIPS 10-4 country code
    assert by_code["190"][25] == "1"
    undated = by_code["141"]
    assert undated[1:5] == ["", "", "", ""]
    assert undated[59].isdigit() and len(undated[59]) == 14  # DATEADDED YYYYMMDDHHMMSS


def test_parquet_export_reads_back_in_duckdb_and_polars(filled, tmp_path) -> None:
    out = tmp_path / "parquet"
    result = filled.export("parquet", out, modality="all")
    expected = filled.events(modality="all")
    assert result.rows == len(expected) > 0
    assert (out / "year=2024" / "root_code=19").is_dir()
    pattern = str(out / "**" / "*.parquet")
    con = duckdb.connect()
    back = con.execute(
        "SELECT id, root_code, code, day, year FROM read_parquet(?) ORDER BY id", [pattern]
    ).fetchall()
    assert [r[0] for r in back] == sorted(expected["id"])
    assert {r[1] for r in back} == set(expected["root_code"])  # "19" stays a string
    polars = pl.read_parquet(pattern).sort("id")
    assert polars.height == len(expected)
    assert polars["code"].to_list() == list(expected.sort_values("id")["code"])
    assert polars.schema["root_code"] == pl.String
    assert set(TABLE_COLUMNS) <= set(polars.columns)


def test_csv_export_round_trips(filled) -> None:
    out = io.StringIO()
    result = filled.export("csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    expected = filled.events()
    assert result.rows == len(rows) == len(expected)
    assert tuple(rows[0]) == CSV_COLUMNS  # the table columns, then labels for readers
    by_id = {r["id"]: r for r in rows}
    for _, event in expected.iterrows():
        row = by_id[event["id"]]
        assert row["code"] == event["code"] and row["doc_id"] == event["doc_id"]
        assert json.loads(row["rule"]) == event["rule"]
        assert float(row["goldstein"]) == event["goldstein"]
        day = event["day"]
        assert row["day"] == ("" if pd.isna(day) else day.date().isoformat())


def test_plover_export_uses_plover_fields(filled) -> None:
    out = io.StringIO()
    filled.export("plover", stdout=out, modality="all")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    by_code = {(r["cite_info"]["citation"], r["cameo_code"]): r for r in records}
    clash = by_code["wire", "190"]
    assert clash["event"] == ["ASSAULT"] and clash["quad_code"] == 4
    assert clash["date"] == "2024-03-05" and clash["enddate"] is None
    assert clash["source"] == [
        {"code": "CHN", "sector": "MIL", "actor_text": "Chnmil", "cameo_code": "CHNMIL"}
    ]
    assert clash["recipient"][0]["code"] == "JPN"
    assert clash["event_loc"]["name"] == "Senkaku Islands"
    assert clash["link"] and clash["mentions"] == 3
    assert clash["text_info"]["sequence"] == 0
    assert clash["cite_info"]["url"] == "https://example.org/wire/1"
    threat = by_code["talk", "130"]
    assert threat["modality"] == "negated"
    assert threat["date"] == "2023-01-01" and threat["enddate"] == "2023-12-31"
    full = filled.events(modality="all")
    with_type = full[full["plover_type"].notna()]
    assert len(records) == len(with_type)  # CAMEO 01/02 have no PLOVER type: left out


def test_export_filters_and_refuses_to_overwrite(filled, tmp_path: Path) -> None:
    out = io.StringIO()
    assert filled.export("csv", stdout=out, actor="USA").rows == 1
    path = tmp_path / "x.tsv"
    filled.export("gdelt", path)
    with pytest.raises(ConfigError, match="exists"):
        filled.export("gdelt", path)
    filled.export("gdelt", path, overwrite=True)
    with pytest.raises(ConfigError, match="DIRECTORY"):
        filled.export("parquet")
