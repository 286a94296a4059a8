"""Registries for the parts users extend: coders, exporters and indicators.

A part is a factory registered under a versioned name such as ``"dyadwatch.cameo_coder.v1"``;
settings and options refer to it by that name, so a changed part gets a new name (``.v2``)
beside the old one instead of silently changing what a config means. Three ways in, all lazy
(nothing is imported until its name is looked up):

* built-ins: declared at the bottom of this module as ``module:attribute`` references, the same
  form as an entry point, so looking up a coder never imports pandas and vice versa;
* code that is already imported: ``@registry.exporters.register("mypkg.export.foo.v1")``;
* installed third-party packages: entry points in the group ``dyadwatch.<kind>`` (for example
  ``dyadwatch.coders``), read on the first lookup of a name not known otherwise
  (docs/plugins.md).
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from dyadwatch.errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])

# lower-case dotted words ending in a version: "dyadwatch.export.gdelt.v1", "acme.coder.v12"
_VERSIONED_NAME = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.v[0-9]+")


class Registry(Generic[F]):
    """Versioned name -> factory, for one kind of part (``coders``, ``exporters``, ...)."""

    def __init__(self, kind: str, builtins: Mapping[str, str] | None = None) -> None:
        self.kind = kind
        self.group = f"dyadwatch.{kind}"  # the entry-point group third-party packages use
        self._factories: dict[str, F] = {}  # registered in code, or loaded from a reference
        # declared by reference: name -> (module:attribute, where it was declared)
        self._references: dict[str, tuple[str, str]] = {}
        self._plugins_read = False
        for name, reference in (builtins or {}).items():
            self._declare(name, reference, "dyadwatch")

    def register(self, name: str) -> Callable[[F], F]:
        """Decorator registering a factory under ``name``; the factory is returned unchanged."""
        self._check_name(name, "register")

        def decorator(factory: F) -> F:
            if name in self._factories or name in self._references:
                raise ConfigError(f"{self.kind}: {name!r} is already registered")
            self._factories[name] = factory
            return factory

        return decorator

    def unregister(self, name: str) -> None:
        """Forget ``name`` (tests; replacing a part in a running session)."""
        self._factories.pop(name, None)
        self._references.pop(name, None)

    def get(self, name: str) -> F:
        """The factory registered as ``name``; a :class:`ConfigError` listing the known names
        when there is none."""
        if name not in self._factories and name not in self._references:
            self._read_plugins()
        if name in self._factories:
            return self._factories[name]
        if name in self._references:
            factory = self._factories[name] = self._load(name, *self._references[name])
            return factory
        known = ", ".join(self.names()) or "none"
        raise ConfigError(f"no {self.kind} registered as {name!r}; known names: {known}")

    def names(self) -> list[str]:
        """Every registered name, installed plugins included, sorted."""
        self._read_plugins()
        return sorted({*self._factories, *self._references})

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.names()

    def _check_name(self, name: str, origin: str) -> None:
        if not _VERSIONED_NAME.fullmatch(name):
            raise ConfigError(
                f"{self.kind}: {name!r} ({origin}) is not a versioned name like "
                f"'mypackage.my_part.v1' (lower-case dotted words ending in .v<number>)"
            )

    def _declare(self, name: str, reference: str, origin: str) -> None:
        self._check_name(name, origin)
        known = self._references.get(name)
        # the same reference twice is one part (a package seen on two paths), not a clash
        taken_in_code = known is None and name in self._factories
        if taken_in_code or (known is not None and known[0] != reference):
            where = known[1] if known is not None else "registered in code"
            raise ConfigError(f"{self.kind}: {name!r} from {origin} is already taken ({where})")
        self._references.setdefault(name, (reference, origin))

    def _read_plugins(self) -> None:
        if self._plugins_read:
            return
        self._plugins_read = True
        # looked up through the module so tests can monkeypatch importlib.metadata.entry_points
        for entry in importlib.metadata.entry_points(group=self.group):
            dist = entry.dist.name if entry.dist is not None else "an unknown package"
            self._declare(entry.name, entry.value, f"entry point of {dist}")

    def _load(self, name: str, reference: str, origin: str) -> F:
        entry = importlib.metadata.EntryPoint(name, reference, self.group)
        try:
            factory = entry.load()
        except (ImportError, AttributeError) as exc:
            raise ConfigError(
                f"{self.kind}: cannot load {name!r} from {reference} ({origin}): {exc}"
            ) from exc
        if not callable(factory):
            raise ConfigError(f"{self.kind}: {name!r} ({reference}, {origin}) is not callable")
        return factory  # type: ignore[no-any-return]


# A coder factory takes the Settings and returns a coder (``code(doc) -> list[Event]``).
coders: Registry[Callable[..., Any]] = Registry(
    "coders", {"dyadwatch.cameo_coder.v1": "dyadwatch.coding.coder:Coder.load"}
)
# An exporter is ``(store, query, output, *, stdout, overwrite) -> rows written``
# (dyadwatch.store.export.Exporter).
exporters: Registry[Callable[..., Any]] = Registry(
    "exporters",
    {
        f"dyadwatch.export.{fmt}.v1": f"dyadwatch.store.export:export_{fmt}"
        for fmt in ("gdelt", "parquet", "plover", "csv")
    },
)
# Indicators are pure functions of an events DataFrame (docs/indicators.md); the series,
# streaks and spikes commands look theirs up here.
indicators: Registry[Callable[..., Any]] = Registry(
    "indicators",
    {
        f"dyadwatch.indicator.{name}.v1": f"dyadwatch.analytics.{name}:{name}"
        for name in ("series", "streaks", "spikes")
    },
)

__all__ = ["Registry", "coders", "exporters", "indicators"]
