"""Migrations apply in order, are recorded, and bring an old database up to date."""

from __future__ import annotations

import duckdb
import pytest

import dyadwatch.store as ds
from dyadwatch.errors import StoreError
from dyadwatch.store.schema import LATEST_VERSION, MIGRATIONS, current_version, migrate


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_new_database_is_at_the_latest_version(store) -> None:
    assert store.schema_version() == LATEST_VERSION
    versions = store.sql("SELECT version FROM schema_version ORDER BY version")["version"]
    assert list(versions) == [m.version for m in MIGRATIONS]


def test_old_version_database_is_migrated_and_keeps_its_rows(db_path) -> None:
    con = duckdb.connect(str(db_path))
    assert migrate(con, target=1) == [1]
    con.execute("INSERT INTO rejects VALUES ('old.txt', 'empty', 'no text', now(), 'run-0', NULL)")
    con.close()
    with ds.open(db_path) as store:
        assert store.schema_version() == LATEST_VERSION
        assert list(store.rejects()["origin"]) == ["old.txt"]
        assert store.clusters().empty  # tables of migration 2 exist now
        assert store.actors().empty  # and the views of migration 3


def test_reopening_applies_nothing(db_path) -> None:
    ds.open(db_path).close()
    con = duckdb.connect(str(db_path))
    assert migrate(con) == []
    con.close()


def test_database_from_a_newer_dyadwatch_is_refused(db_path) -> None:
    ds.open(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_version VALUES (?, 'from the future', now())", [99])
    con.close()
    with pytest.raises(StoreError, match="newer than this dyadwatch"):
        ds.open(db_path)


def test_failed_migration_leaves_the_previous_version(db_path, monkeypatch) -> None:
    from dyadwatch.store import schema

    broken = (*MIGRATIONS, schema.Migration(99, "broken", ("CREATE TABLE x (",)))
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    con = duckdb.connect(str(db_path))
    with pytest.raises(StoreError, match="migration 99"):
        migrate(con, target=99)
    assert current_version(con) == LATEST_VERSION
    con.close()


def test_read_only_open_needs_an_existing_database(tmp_path) -> None:
    with pytest.raises(StoreError, match="no database"):
        ds.open(tmp_path / "missing.duckdb", read_only=True)


def test_read_only_store_refuses_writes(db_path) -> None:
    ds.open(db_path).close()
    with ds.open(db_path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.recluster()
