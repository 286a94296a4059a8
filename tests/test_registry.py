"""Registries: versioned names, lazy entry-point plugins, and the places that dispatch on them."""

from __future__ import annotations

import importlib.metadata
import io
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import pytest

import dyadwatch
from dyadwatch import registry
from dyadwatch.api import get_coder
from dyadwatch.engine.local import DocumentResult
from dyadwatch.engine.runner import run
from dyadwatch.errors import ConfigError
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings
from dyadwatch.store.export import FORMAT_NAMES, ExportFormat, export
from dyadwatch.store.query import EventQuery

Factory = Callable[..., Any]


def _double(x: int) -> int:
    return 2 * x


def _entry_points(*entries: importlib.metadata.EntryPoint) -> Callable[..., Any]:
    """A stand-in for ``importlib.metadata.entry_points`` that also counts its calls."""

    def entry_points(*, group: str) -> list[importlib.metadata.EntryPoint]:
        entry_points.calls += 1  # type: ignore[attr-defined]
        return [e for e in entries if e.group == group]

    entry_points.calls = 0  # type: ignore[attr-defined]
    return entry_points


@pytest.fixture
def plugin_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """An importable module standing for a third-party package."""
    module = types.ModuleType("dyadwatch_test_plugin")
    module.triple = lambda x: 3 * x  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return module


def test_registry_register_then_get_returns_the_factory() -> None:
    things: registry.Registry[Factory] = registry.Registry("things")
    assert things.register("test.double.v1")(_double) is _double
    assert things.get("test.double.v1") is _double
    assert things.names() == ["test.double.v1"]


def test_registry_duplicate_name_is_an_error() -> None:
    things: registry.Registry[Factory] = registry.Registry("things")
    things.register("test.double.v1")(_double)
    with pytest.raises(ConfigError, match="already registered"):
        things.register("test.double.v1")(abs)


def test_registry_unknown_name_error_lists_the_known_names() -> None:
    things: registry.Registry[Factory] = registry.Registry(
        "things", {"test.abs.v1": "builtins:abs"}
    )
    things.register("test.double.v1")(_double)
    with pytest.raises(ConfigError, match=r"'test\.nope\.v1'.*test\.abs\.v1, test\.double\.v1"):
        things.get("test.nope.v1")


@pytest.mark.parametrize("name", ["double", "test.double", "Test.double.v1", "test.double.v"])
def test_registry_refuses_unversioned_names(name: str) -> None:
    things: registry.Registry[Factory] = registry.Registry("things")
    with pytest.raises(ConfigError, match="versioned name"):
        things.register(name)


def test_registry_builtin_reference_is_imported_on_lookup() -> None:
    things: registry.Registry[Factory] = registry.Registry(
        "things", {"test.abs.v1": "builtins:abs"}
    )
    assert things.get("test.abs.v1") is abs


def test_registry_bad_reference_is_a_config_error() -> None:
    things: registry.Registry[Factory] = registry.Registry(
        "things", {"test.gone.v1": "dyadwatch_no_such_module:f"}
    )
    with pytest.raises(ConfigError, match=r"cannot load 'test\.gone\.v1'"):
        things.get("test.gone.v1")


def test_registry_loads_entry_point_plugins_lazily_once(
    monkeypatch: pytest.MonkeyPatch, plugin_module: types.ModuleType
) -> None:
    entry = importlib.metadata.EntryPoint(
        "acme.triple.v1", f"{plugin_module.__name__}:triple", "dyadwatch.things"
    )
    other_group = importlib.metadata.EntryPoint("acme.other.v1", "builtins:abs", "other.group")
    fake = _entry_points(entry, other_group)
    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    things: registry.Registry[Factory] = registry.Registry("things")
    things.register("test.double.v1")(_double)
    assert things.get("test.double.v1") is _double
    assert fake.calls == 0  # type: ignore[attr-defined]  # a known name reads no plugins
    assert things.get("acme.triple.v1")(2) == 6
    assert things.names() == ["acme.triple.v1", "test.double.v1"]
    assert fake.calls == 1  # type: ignore[attr-defined]


def test_registry_entry_point_clashing_with_a_builtin_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clash = importlib.metadata.EntryPoint("test.abs.v1", "builtins:len", "dyadwatch.things")
    monkeypatch.setattr(importlib.metadata, "entry_points", _entry_points(clash))
    things: registry.Registry[Factory] = registry.Registry(
        "things", {"test.abs.v1": "builtins:abs"}
    )
    with pytest.raises(ConfigError, match="already taken"):
        things.names()


@pytest.mark.parametrize("reg", [registry.coders, registry.exporters, registry.indicators])
def test_registry_builtins_resolve_to_callables(reg: registry.Registry[Factory]) -> None:
    names = [n for n in reg.names() if n.startswith("dyadwatch.")]
    assert names
    assert all(callable(reg.get(name)) for name in names)


def test_registry_builtin_indicators_are_the_analytics_functions() -> None:
    import dyadwatch.analytics as analytics

    assert registry.indicators.get("dyadwatch.indicator.series.v1") is analytics.series
    assert registry.indicators.get("dyadwatch.indicator.streaks.v1") is analytics.streaks
    assert registry.indicators.get("dyadwatch.indicator.spikes.v1") is analytics.spikes


# ---------------------------------------------------------------- coders


class _EchoCoder:
    """Codes nothing; remembers the settings it was built with."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.version = "echo-1"

    def code(self, doc: Document) -> list[Event]:
        return []


@pytest.fixture
def echo_coder() -> Iterator[str]:
    name = "test.echo_coder.v1"
    registry.coders.register(name)(_EchoCoder)
    yield name
    registry.coders.unregister(name)


def test_registry_coder_setting_selects_the_registered_coder(echo_coder: str) -> None:
    settings = Settings(coder=echo_coder, batch_size=7)
    coder = get_coder(settings)
    assert isinstance(coder, _EchoCoder)
    assert coder.settings is settings


def test_registry_engine_codes_with_the_coder_setting(echo_coder: str) -> None:
    doc = Document(id="d1", text="Nothing happens here.")
    [outcome] = run([doc], Settings(coder=echo_coder))
    assert outcome == DocumentResult(doc, [])


def test_registry_unknown_coder_setting_lists_the_builtin() -> None:
    with pytest.raises(ConfigError, match=r"dyadwatch\.cameo_coder\.v1"):
        get_coder(Settings(coder="test.missing_coder.v1"))


def test_registry_default_coder_setting_is_registered() -> None:
    assert Settings().coder in registry.coders.names()


# ---------------------------------------------------------------- exporters

_seen_queries: list[EventQuery] = []


def _count_exporter(
    store: Any, query: EventQuery, output: str | Path | None, *, stdout: TextIO, overwrite: bool
) -> int:
    _seen_queries.append(query)
    stdout.write("custom\n")
    return 41


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    with dyadwatch.open(tmp_path / "events.duckdb") as opened:
        yield opened


def test_registry_exporter_registered_by_a_plugin_is_usable_through_export(store: Any) -> None:
    name = "test.export.count.v1"
    registry.exporters.register(name)(_count_exporter)
    try:
        out = io.StringIO()
        result = store.export(name, stdout=out, actor="USA")
    finally:
        registry.exporters.unregister(name)
    assert (result.format, result.rows, result.output) == (name, 41, "-")
    assert out.getvalue() == "custom\n"
    assert _seen_queries[-1] == EventQuery(actor="USA")


@pytest.mark.parametrize("fmt", [f.value for f in ExportFormat])
def test_registry_short_format_names_map_to_registered_exporters(fmt: str) -> None:
    assert FORMAT_NAMES[fmt] == f"dyadwatch.export.{fmt}.v1"
    assert FORMAT_NAMES[fmt] in registry.exporters.names()


def test_registry_export_by_registered_name_equals_short_name(store: Any) -> None:
    short, full = io.StringIO(), io.StringIO()
    export(store, "csv", stdout=short)
    export(store, "dyadwatch.export.csv.v1", stdout=full)
    assert short.getvalue() == full.getvalue()
    assert short.getvalue().startswith("id,")


def test_registry_unknown_export_format_lists_the_exporters(store: Any) -> None:
    with pytest.raises(ConfigError, match=r"dyadwatch\.export\.gdelt\.v1"):
        export(store, "xlsx", stdout=io.StringIO())


def test_registry_cli_export_accepts_a_registered_exporter_name(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    db = tmp_path / "events.duckdb"
    dyadwatch.open(db).close()
    name = "test.export.count.v1"
    registry.exporters.register(name)(_count_exporter)
    try:
        result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", name])
    finally:
        registry.exporters.unregister(name)
    assert result.exit_code == 0 and "custom" in result.output
    unknown = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "xlsx"])
    assert unknown.exit_code == 2
    assert "use gdelt, gdelt_mentions, parquet, plover, csv" in unknown.output
