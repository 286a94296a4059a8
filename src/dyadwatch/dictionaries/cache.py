"""An on-disk cache of the built dictionaries: each process starts from a pickle instead of
parsing the TSV files and building the phrase matchers again.

Building the actor recogniser (tokenising ~5,600 phrases into a ``PhraseMatcher``) and the
gazetteer took about 1.4-1.9 CPU seconds of every process's start; unpickling them 0.8-0.9 s
(bench/README.md). A cached object is used only when its key matches, and the key covers
everything it was built from:

- every file of the packaged data directory and of the user's dictionary directory (its
  name and bytes: editing, adding or removing a dictionary file changes the key),
- the source of every dyadwatch module (a code change can change what a loader builds),
- the Python and spaCy versions (their pickles are not portable across versions).

The cache lives in ``$DYADWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/dyadwatch``, else
``~/.cache/dyadwatch``; ``DYADWATCH_CACHE_DIR=off`` turns it off. Only the newest file of each
kind are kept (``KEEP``). A cache that cannot be read or written is ignored: the object is built as
before, so the cache can only save time, never change a result.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

from dyadwatch.dictionaries.tsv import packaged_path

T = TypeVar("T")

CACHE_ENV = "DYADWATCH_CACHE_DIR"
KEEP = 4  # cached files of one kind: worktrees or dictionary directories used in turn
_OFF = frozenset({"off", "0", "false", "none"})
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # the dyadwatch package


def cache_dir() -> Path | None:
    """Where cached dictionaries go; None when ``DYADWATCH_CACHE_DIR`` turns the cache off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in _OFF | {""} else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyadwatch"


@cache
def code_digest() -> str:
    """SHA-256 over the source of every dyadwatch module (path and bytes), once per process."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_ROOT.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE_ROOT)).encode() + b"\x1f")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def files_digest(directory: Path) -> str:
    """SHA-256 over every regular file directly in ``directory`` (name and bytes); the files
    are read once per process while their sizes and times stay the same (the actor and the
    gazetteer keys both cover the packaged data)."""
    if not directory.is_dir():
        return hashlib.sha256().hexdigest()
    files = sorted(p for p in directory.iterdir() if p.is_file())
    stamp = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    return _digest_of(tuple(files), stamp)


@cache
def _digest_of(files: tuple[Path, ...], stamp: tuple[tuple[str, int, int], ...]) -> str:
    """``stamp`` keys the memo: an edited file changes its size or time."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\x1f")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "-"


def cache_key(kind: str, extra_dir: Path | None = None, data_dir: Path | None = None) -> str:
    """The key of a cached ``kind`` built from the packaged data (or ``data_dir``) and the
    user's ``extra_dir``: any change to their files, to the code or the versions changes it."""
    digest = hashlib.sha256()
    parts = [
        kind,
        sys.version,
        _version("spacy"),
        str(pickle.HIGHEST_PROTOCOL),
        code_digest(),
        files_digest(data_dir or packaged_path("countries.tsv").parent),
        files_digest(extra_dir) if extra_dir is not None else "-",
    ]
    for part in parts:
        digest.update(part.encode() + b"\x1e")
    return digest.hexdigest()[:32]


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """The object of ``kind`` cached under ``key``, or ``build()`` (then cached for the next
    process). Any failure to read or write the cache falls back to building."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{kind}-{key}.pickle"
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception:  # a corrupt or stale file: rebuild and overwrite it
        pass
    built = build()
    _store(directory, kind, path, built)
    return built


def _store(directory: Path, kind: str, path: Path, value: object) -> None:
    """Write ``value`` atomically (a temporary file renamed over ``path``: a process reading
    at the same time sees the old file or the new one, never half of one) and remove the
    oldest files of the same kind beyond :data:`KEEP`)."""
    temporary: Path | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=directory, prefix=".tmp-", delete=False) as tmp:
            temporary = Path(tmp.name)
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        kept = sorted(directory.glob(f"{kind}-*.pickle"), key=_modified, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # a read-only or full disk: run without the cache
        if temporary is not None:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another process
        return 0.0
