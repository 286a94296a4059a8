"""``dyadwatch export``: events out of the store as GDELT, Parquet, PLOVER JSON or CSV.

* ``gdelt``: GDELT 2.0 event table, one row per real event (see :mod:`.gdelt`);
* ``parquet``: a directory of Parquet files partitioned ``year=YYYY/root_code=NN`` (hive
  style); every file also holds the partition columns, so readers get them with their types;
* ``plover``: JSON Lines with PLOVER field names (see :mod:`.plover`);
* ``csv``: one row per coded event with a header, the events-table columns plus the cluster's
  mention counts, readable labels (actor, code, root and quad names) and the document's title,
  outlet and URL; line breaks inside cells become spaces, and ``bom=True`` starts the file with
  a UTF-8 byte-order mark so Excel reads it as UTF-8.

Filters are those of ``Store.events`` (asserted events by default). Mappings: docs/exports.md.

The formats are exporters in :data:`dyadwatch.registry.exporters` under versioned names
(``dyadwatch.export.gdelt.v1`` ...); the short names above map to them, and any other
registered name (a plugin's exporter) is accepted as ``fmt`` too (docs/plugins.md).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, TextIO

import duckdb

from dyadwatch import registry
from dyadwatch.dictionaries.actor_names import actor_label
from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.errors import ConfigError
from dyadwatch.files import atomic_text_file
from dyadwatch.store.gdelt import write_gdelt, write_gdelt_mentions
from dyadwatch.store.plover import write_plover
from dyadwatch.store.query import EventQuery
from dyadwatch.store.rows import EVENT_COLUMNS


class Store(Protocol):
    """What an exporter needs of :class:`dyadwatch.store.Store`: its connection (a protocol, so
    this module does not import the store that calls it)."""

    @property
    def con(self) -> duckdb.DuckDBPyConnection: ...


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    gdelt_mentions = "gdelt_mentions"
    parquet = "parquet"
    plover = "plover"
    csv = "csv"


# the short names of the built-in formats (CLI --format) -> their registered exporter names
FORMAT_NAMES: dict[str, str] = {
    fmt.value: f"dyadwatch.export.{fmt.value}.v1" for fmt in ExportFormat
}


class Exporter(Protocol):
    """What an exporter registered in :data:`dyadwatch.registry.exporters` is: it writes the
    events ``query`` selects to ``output`` (``stdout`` when None) and returns the row count."""

    def __call__(
        self,
        store: Store,
        query: EventQuery,
        output: str | Path | None,
        *,
        stdout: TextIO,
        overwrite: bool,
    ) -> int: ...


# CSV and Parquet: the events table plus the mention counts of each event's cluster.
# the document's URL, title and outlet (GDELT's SOURCEURL) close each row
TABLE_COLUMNS: tuple[str, ...] = (
    *EVENT_COLUMNS, "n_mentions", "n_sources", "n_articles", "doc_url", "doc_title", "doc_outlet",
)  # fmt: skip
PARTITION_COLUMNS = ("year", "root_code")
# CSV only: what a reader needs beside the codes (docs/exports.md)
LABEL_COLUMNS: tuple[str, ...] = (
    "source_label", "target_label", "code_name", "root_name", "quad_name",
)  # fmt: skip
CSV_COLUMNS: tuple[str, ...] = (*TABLE_COLUMNS, *LABEL_COLUMNS)
QUAD_NAMES = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
    4: "material conflict",
}  # fmt: skip
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str  # as asked for: a short name (``gdelt``) or a registered exporter name
    rows: int
    output: str  # the path written, or "-" for standard output


def export(
    store: Store,
    fmt: ExportFormat | str,
    output: str | Path | None = None,
    *,
    stdout: TextIO | None = None,
    overwrite: bool = False,
    bom: bool = False,
    **filters: Any,
) -> ExportResult:
    """Write the events ``filters`` select to ``output`` (standard output when None, except
    for Parquet, which needs a directory). ``fmt`` is a short name (``gdelt``, ``parquet``,
    ``plover``, ``csv``) or the name of a registered exporter. ``bom`` (CSV only) starts the
    file with a UTF-8 byte-order mark, for Excel."""
    fmt = str(fmt.value if isinstance(fmt, ExportFormat) else fmt)
    name = FORMAT_NAMES.get(fmt, fmt)
    if name not in registry.exporters:
        short = ", ".join(FORMAT_NAMES)
        raise ConfigError(
            f"unknown export format {fmt!r}: use {short}, or a registered exporter name "
            f"({', '.join(registry.exporters.names())})"
        )
    exporter: Exporter = registry.exporters.get(name)
    query = EventQuery(**filters)
    if bom:
        if fmt != ExportFormat.csv.value:
            raise ConfigError("--bom is for CSV only")
        rows = export_csv(
            store, query, output, stdout=stdout or sys.stdout, overwrite=overwrite, bom=True
        )
    else:
        rows = exporter(store, query, output, stdout=stdout or sys.stdout, overwrite=overwrite)
    return ExportResult(fmt, rows, str(output) if output is not None else "-")


def export_gdelt(
    store: Store, query: EventQuery, output: str | Path | None, *, stdout: TextIO, overwrite: bool
) -> int:
    with text_output(output, stdout, overwrite) as out:
        return write_gdelt(store.con, query, out)


def export_gdelt_mentions(
    store: Store, query: EventQuery, output: str | Path | None, *, stdout: TextIO, overwrite: bool
) -> int:
    with text_output(output, stdout, overwrite) as out:
        return write_gdelt_mentions(store.con, query, out)


def export_plover(
    store: Store, query: EventQuery, output: str | Path | None, *, stdout: TextIO, overwrite: bool
) -> int:
    with text_output(output, stdout, overwrite) as out:
        return write_plover(store.con, query, out)


def export_csv(
    store: Store,
    query: EventQuery,
    output: str | Path | None,
    *,
    stdout: TextIO,
    overwrite: bool,
    bom: bool = False,
) -> int:
    with text_output(output, stdout, overwrite) as out:
        if bom:
            out.write("\ufeff")
        return write_csv(store, query, out)


def export_parquet(
    store: Store, query: EventQuery, output: str | Path | None, *, stdout: TextIO, overwrite: bool
) -> int:
    if output is None:
        raise ConfigError("--output DIRECTORY is needed for Parquet")
    return _write_parquet(store, query, Path(output), overwrite)


@contextmanager
def text_output(output: str | Path | None, fallback: TextIO, overwrite: bool) -> Iterator[TextIO]:
    """``output`` opened for writing text (``fallback`` for None or ``-``), refusing to replace
    an existing file unless ``overwrite``; for exporters, built-in or not."""
    if output is None or str(output) == "-":
        yield fallback
        return
    path = Path(output)
    if path.exists() and not overwrite:
        raise ConfigError(f"{path} exists; choose another --output or pass --overwrite")
    with atomic_text_file(path) as out:
        yield out


def _table_sql(query: EventQuery) -> tuple[str, list[Any]]:
    where = query.where("e")
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    sql = (
        f"SELECT {columns}, c.n_mentions, c.n_sources, c.n_articles, "
        "d.url AS doc_url, d.title AS doc_title, d.source AS doc_outlet, "
        "year(e.day) AS year FROM events e "
        "LEFT JOIN clusters c ON c.cluster_id = e.cluster_id "
        f"LEFT JOIN documents d ON d.id = e.doc_id{where.sql()} "
        "ORDER BY e.day NULLS LAST, e.id"
    )
    return sql, where.params


def write_csv(store: Store, query: EventQuery, out: TextIO) -> int:
    codebook = default_codebook()

    def code_name(code: Any) -> str:
        return codebook.get(code).name if code and code in codebook else ""

    sql, params = _table_sql(query)
    position = {name: i for i, name in enumerate(TABLE_COLUMNS)}
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    cursor = store.con.cursor()
    n = 0
    try:
        result = cursor.execute(sql, params)
        while batch := result.fetchmany(2000):
            for row in batch:
                values = list(row[: len(TABLE_COLUMNS)])

                def get(name: str, values: list[Any] = values) -> Any:
                    return values[position[name]]

                labels = [
                    actor_label(get("source_code")),
                    actor_label(get("target_code")),
                    code_name(get("code")),
                    code_name(get("root_code")),
                    QUAD_NAMES.get(get("quad_class"), ""),
                ]
                writer.writerow(_csv_value(v) for v in [*values, *labels])
                n += 1
    finally:
        cursor.close()
    return n


def _csv_value(value: Any) -> Any:
    """A cell: empty for NULL, ISO dates, and text on one line (a line break inside a cell
    breaks naive readers and spreadsheets' row counts)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _LINE_BREAKS.sub(" ", value)
    return value


def _write_parquet(store: Store, query: EventQuery, directory: Path, overwrite: bool) -> int:
    if directory.exists() and any(directory.iterdir()) and not overwrite:
        raise ConfigError(f"{directory} is not empty; choose another --output or pass --overwrite")
    sql, params = _table_sql(query)
    rows = int(store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0])
    relation = store.con.sql(sql, params=params)
    directory.parent.mkdir(parents=True, exist_ok=True)
    # written into a temporary directory beside the target and swapped in when complete, so a
    # full disk or a crash never leaves a half-written dataset
    staging = Path(
        tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".part", dir=directory.parent)
    )
    try:
        if rows:
            # the relation API quotes the path itself: no user value is spliced into SQL text
            relation.write_parquet(
                str(staging),
                partition_by=list(PARTITION_COLUMNS),
                write_partition_columns=True,
                overwrite=True,
            )
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return rows
