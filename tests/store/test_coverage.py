"""The store counts its documents per publication day and outlet, always in step with them."""

from __future__ import annotations

import datetime as dt

import duckdb

import dyadwatch.store as ds
from dyadwatch.store import coverage
from dyadwatch.store.schema import migrate

D = dt.date


def _table(store: ds.Store) -> list[tuple[dt.date, str, int]]:
    rows = store.con.execute("SELECT day, source, n_documents FROM coverage ORDER BY ALL")
    return [tuple(r) for r in rows.fetchall()]  # type: ignore[misc]


def test_coverage_counts_documents_per_day_and_outlet(store, run_ingest, make_doc, stories):
    docs = [
        make_doc("a", "CHNMIL attacked JPN on 2024-03-05.", date=D(2024, 3, 5)),
        make_doc("b", "JPN protested against CHN.", date=D(2024, 3, 5), source="Post"),
        make_doc("c", stories.wire, date=D(2024, 3, 6)),
        make_doc("d", stories.wire, date=D(2024, 3, 6), source=None),  # an exact duplicate
        make_doc("e", "Nothing dated here.", date=None),
    ]
    run_ingest(store, docs)
    assert _table(store) == [
        (D(2024, 3, 5), "Post", 1),
        (D(2024, 3, 5), "Wire", 1),
        (D(2024, 3, 6), "", 1),
        (D(2024, 3, 6), "Wire", 1),
    ]
    per_day = coverage.read(store.con)
    assert list(per_day["n_documents"]) == [2, 2]
    assert list(per_day["n_sources"]) == [2, 2]


def test_a_changed_publication_date_moves_its_count(store, run_ingest, make_doc):
    run_ingest(store, [make_doc("a", "CHNMIL attacked JPN.", date=D(2024, 3, 5))])
    run_ingest(store, [make_doc("a", "CHNMIL attacked JPN.", date=D(2024, 3, 7))])
    assert _table(store) == [(D(2024, 3, 7), "Wire", 1)]


def test_the_migration_counts_documents_stored_before_it(db_path, make_doc, run_ingest):
    with ds.open(db_path) as store:
        run_ingest(store, [make_doc("a", "CHNMIL attacked JPN."), make_doc("b", "JPN met CHN.")])
        store.con.execute("DROP TABLE coverage")
        # back to version 5: the migrations after coverage go too (they are applied again)
        for table in ("live_failures", "live_urls", "live_cycles"):
            store.con.execute(f"DROP TABLE {table}")
        store.con.execute("DELETE FROM schema_version WHERE version >= 6")
    con = duckdb.connect(str(db_path))
    assert migrate(con)[0] == 6
    con.close()
    with ds.open(db_path) as store:
        assert _table(store) == [(D(2024, 3, 6), "Wire", 2)]
