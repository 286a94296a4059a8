"""The database schema as numbered migrations, applied in order, each in one transaction.

``schema_version`` records every applied migration. A database written by a newer dyadwatch
(a version above :data:`LATEST_VERSION`) is refused rather than guessed at. Migrations are only
ever appended: never edit one that has shipped; add the next number instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from dyadwatch.errors import StoreError
from dyadwatch.store import coverage


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


_CORE = (
    """
    CREATE TABLE documents (
        id VARCHAR PRIMARY KEY,
        parent_id VARCHAR,
        source VARCHAR,
        url VARCHAR,
        title VARCHAR,
        pub_date DATE,
        truncated BOOLEAN NOT NULL DEFAULT false,
        content_hash VARCHAR NOT NULL,      -- sha256 of the normalised text (exact duplicates)
        text VARCHAR NOT NULL,
        metadata JSON,
        duplicate_of VARCHAR,               -- the original this document repeats, or NULL
        ingested_at TIMESTAMPTZ NOT NULL,
        run_id VARCHAR NOT NULL,
        origin VARCHAR,                     -- where it was read: path, path:line or -
        record_hash VARCHAR NOT NULL,       -- sha256 of everything the coder sees (changes)
        status VARCHAR NOT NULL,            -- coded | duplicate | failed | pending
        duplicate_kind VARCHAR,             -- exact | near
        similarity DOUBLE,                  -- estimated Jaccard with the original (near)
        coder_version VARCHAR,              -- coder that produced the events (status coded)
        n_events INTEGER NOT NULL DEFAULT 0
    )
    """,
    "CREATE INDEX documents_content_hash ON documents (content_hash)",
    "CREATE INDEX documents_duplicate_of ON documents (duplicate_of)",
    """
    CREATE TABLE doc_minhash (
        doc_id VARCHAR PRIMARY KEY,
        params VARCHAR NOT NULL,            -- shingle size, permutations, seed, scheme
        signature BLOB                      -- NULL: too short for near-duplicate detection
    )
    """,
    """
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        evidence_text VARCHAR NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        spans JSON,
        source_code VARCHAR NOT NULL,
        source_name VARCHAR,
        source_country VARCHAR,
        source_sector VARCHAR,
        target_code VARCHAR,
        target_name VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        code VARCHAR NOT NULL,
        root_code VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE NOT NULL,
        plover_type VARCHAR,
        plover_mode VARCHAR,
        modality VARCHAR NOT NULL,
        attributed_to VARCHAR,
        event_date VARCHAR,
        date_precision VARCHAR,
        date_source VARCHAR NOT NULL,
        date_end VARCHAR,
        day DATE,
        location_name VARCHAR,
        location_id VARCHAR,
        location_country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        location_feature VARCHAR,
        rule JSON,
        cluster_id VARCHAR,
        run_id VARCHAR,
        day_end DATE,
        source_person VARCHAR,
        target_person VARCHAR
    )
    """,
    "CREATE INDEX events_doc_id ON events (doc_id)",
    """
    CREATE TABLE rejects (
        origin VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        time TIMESTAMPTZ NOT NULL,
        run_id VARCHAR NOT NULL,
        doc_id VARCHAR                      -- set when a stored document failed coding
    )
    """,
    """
    CREATE TABLE runs (
        run_id VARCHAR PRIMARY KEY,
        command VARCHAR NOT NULL,           -- ingest | recode | clusters
        started TIMESTAMPTZ NOT NULL,
        finished TIMESTAMPTZ,               -- NULL: still running, or the process died
        status VARCHAR NOT NULL,            -- running | ok | rejected | failed | interrupted
        coder_version VARCHAR,
        dictionary_version VARCHAR,
        dyadwatch_version VARCHAR,
        inputs JSON,
        counts JSON
    )
    """,
)

_CLUSTERS_AND_WATCHES = (
    """
    CREATE TABLE clusters (
        cluster_id VARCHAR PRIMARY KEY,
        representative_event_id VARCHAR NOT NULL,
        source_code VARCHAR NOT NULL,
        target_code VARCHAR,
        root_code VARCHAR NOT NULL,
        first_date DATE,
        last_date DATE,
        n_events INTEGER NOT NULL,          -- coded events (mentions in stored originals)
        n_mentions INTEGER NOT NULL,        -- n_events + the same events in duplicate documents
        n_sources INTEGER NOT NULL,         -- distinct outlets (unknown outlet counts once)
        n_articles INTEGER NOT NULL         -- distinct documents, duplicates included
    )
    """,
    """
    CREATE TABLE cluster_members (
        cluster_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,          -- the coded event
        doc_id VARCHAR NOT NULL,            -- the document that mentions it
        via_duplicate BOOLEAN NOT NULL      -- doc_id is a duplicate of the event's document
    )
    """,
    "CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id)",
    "CREATE INDEX cluster_members_doc ON cluster_members (doc_id)",
    """
    CREATE TABLE watches (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        filter JSON NOT NULL,
        rule JSON NOT NULL,
        created TIMESTAMPTZ NOT NULL
    )
    """,
    """
    CREATE TABLE alerts (
        id VARCHAR PRIMARY KEY,
        watch_id VARCHAR NOT NULL,
        created TIMESTAMPTZ NOT NULL,
        kind VARCHAR NOT NULL,
        message VARCHAR NOT NULL,
        event_ids JSON NOT NULL,
        period_start DATE,
        period_end DATE,
        run_id VARCHAR
    )
    """,
)

# Derived tables are views: always consistent with events, nothing to recompute.
_VIEWS = (
    """
    CREATE VIEW actors AS
    WITH sides AS (
        SELECT source_code AS code, source_name AS name, source_country AS country,
               source_sector AS sector, day, id
        FROM events WHERE modality = 'asserted'
        UNION ALL
        SELECT target_code, target_name, target_country, target_sector, day, id
        FROM events WHERE modality = 'asserted' AND target_code IS NOT NULL
    )
    SELECT code,
           mode(name) AS name,
           mode(country) AS country,
           mode(sector) AS sector,
           min(day) AS first_seen,
           max(day) AS last_seen,
           count(DISTINCT id) AS n_events
    FROM sides
    GROUP BY code
    """,
    """
    CREATE VIEW places AS
    SELECT coalesce(location_id, lower(location_name)) AS place_key,
           mode(location_id) AS location_id,
           mode(location_name) AS name,
           mode(location_country) AS country,
           mode(lat) AS lat,
           mode(lon) AS lon,
           mode(location_feature) AS feature,
           min(day) AS first_seen,
           max(day) AS last_seen,
           count(*) AS n_events
    FROM events
    WHERE modality = 'asserted' AND location_name IS NOT NULL
    GROUP BY place_key
    """,
)

_EVENT_CONFIDENCE = ("ALTER TABLE events ADD COLUMN confidence DOUBLE",)
# A run left 'running' by a killed process is marked 'interrupted' by the next run; the process
# id and host tell a dead run from one still going in another process (store/runs.py).
_RUN_PROCESS = (
    "ALTER TABLE runs ADD COLUMN pid INTEGER",
    "ALTER TABLE runs ADD COLUMN host VARCHAR",
)

# dyadwatch follow (docs/live.md): what was fetched, with its validators, every failure with
# its reason, and one row per cycle; a restart reads them to resume without refetching.
_LIVE = (
    """
    CREATE TABLE live_urls (
        url VARCHAR PRIMARY KEY,            -- as requested (a source, or an article link)
        kind VARCHAR NOT NULL,              -- source | article
        source_url VARCHAR,                 -- for an article: the source that listed it
        status VARCHAR NOT NULL,            -- stored | failed | fetched (a source)
        doc_id VARCHAR,                     -- the document it became
        etag VARCHAR,
        last_modified VARCHAR,
        http_status INTEGER,
        last_code VARCHAR,                  -- the last failure's code (live_failures.code)
        attempts INTEGER NOT NULL DEFAULT 0,
        first_seen TIMESTAMPTZ NOT NULL,
        fetched_at TIMESTAMPTZ
    )
    """,
    """
    CREATE TABLE live_failures (
        cycle_id VARCHAR NOT NULL,
        url VARCHAR NOT NULL,
        source_url VARCHAR,
        code VARCHAR NOT NULL,              -- http_404, timeout, robots, too_large, ...
        reason VARCHAR NOT NULL,
        http_status INTEGER,
        failed_at TIMESTAMPTZ NOT NULL
    )
    """,
    "CREATE INDEX live_failures_url ON live_failures (url)",
    """
    CREATE TABLE live_cycles (
        id VARCHAR PRIMARY KEY,
        started_at TIMESTAMPTZ NOT NULL,
        finished_at TIMESTAMPTZ,
        status VARCHAR NOT NULL,            -- running | ok | interrupted | failed
        sources INTEGER NOT NULL DEFAULT 0,
        fetched INTEGER NOT NULL DEFAULT 0,
        stored INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0,
        alerts INTEGER NOT NULL DEFAULT 0,
        pid INTEGER
    )
    """,
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables: documents, events, rejects, runs", _CORE),
    Migration(2, "event clusters, watches and alerts", _CLUSTERS_AND_WATCHES),
    Migration(3, "actors and places views", _VIEWS),
    # confidence: 0-1, how each event was found (docs/event-schema.md); NULL for events coded
    # before it existed (re-code to fill it)
    Migration(4, "events.confidence (per-event confidence)", _EVENT_CONFIDENCE),
    Migration(5, "runs: the process running them", _RUN_PROCESS),
    Migration(
        6,
        "coverage: documents per publication day and outlet",
        (coverage.CREATE_TABLE, coverage.BACKFILL),
    ),
    Migration(7, "live sources: fetched URLs, failures, cycles", _LIVE),
)

LATEST_VERSION = MIGRATIONS[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration, 0 for an empty database."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = 'schema_version'"
    ).fetchall()
    if not exists[0][0]:
        return 0
    version = con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]
    return int(version) if version is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, target: int = LATEST_VERSION) -> list[int]:
    """Apply the migrations above the database's version up to ``target``; return those applied.

    Each migration and its ``schema_version`` row commit together, so a failure leaves the
    database at the previous version.
    """
    version = current_version(con)
    if version > LATEST_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this dyadwatch supports "
            f"({LATEST_VERSION}); upgrade dyadwatch"
        )
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version <= version or migration.version > target:
            continue
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied_at TIMESTAMPTZ NOT NULL)"
            )
            for statement in migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, now())",
                [migration.version, migration.name],
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(
                f"migration {migration.version} ({migration.name}) failed: {exc}"
            ) from exc
        applied.append(migration.version)
    return applied
