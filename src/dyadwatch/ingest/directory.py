"""Walking a directory for documents, in a deterministic order.

Entries are visited depth-first in sorted name order, so the same tree gives the same documents
in the same order on every run and platform. Skipped without a Reject (they are not inputs the
user asked to code; each skip is logged at DEBUG level on ``dyadwatch.ingest``):

* hidden files and directories (name starts with ``.``), and symlinked directories (loops);
* unknown extensions (images, PDFs, code ...); ``.xml`` files that are not RSS/Atom feeds;
* project boilerplate that is clearly not news: README, LICENSE, CHANGELOG, CONTRIBUTING ...;
* files without an extension whose first bytes are binary or a ``#!`` script.

A file with a document extension that turns out unreadable, binary or empty *is* rejected, and
so is every FIFO, socket, device or symbolic link loop (``unreadable``, never opened).
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from dyadwatch.errors import RejectCode
from dyadwatch.ingest.decode import SNIFF_BYTES, binary_kind
from dyadwatch.ingest.sniff import SNIFFED_SUFFIXES, kind_from_name, suffix_of
from dyadwatch.ingest.warc import is_warc
from dyadwatch.model import Reject

log = logging.getLogger("dyadwatch.ingest")

# Compared case-insensitively, on the name without its extension.
_BOILERPLATE_ANY_CASE = frozenset(
    {"readme", "license", "licence", "changelog", "contributing", "code_of_conduct", "copying"}
)
# Only in their conventional upper case: "history.txt" may well be an article.
_BOILERPLATE_EXACT = frozenset(
    {"AUTHORS", "CHANGES", "HISTORY", "NOTICE", "INSTALL", "SECURITY", "TODO", "Makefile",
     "Dockerfile"}
)  # fmt: skip
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def walk_directory(root: Path, label: str) -> Iterator[tuple[Path, str] | Reject]:
    """``(path, label)`` for each document file under ``root``; Rejects for unreadable folders.

    ``label`` is the directory as the user gave it; a file's label joins it with the relative
    path in POSIX form (``examples/wire/a.txt``), which is also its document id. The walk keeps
    its own stack of open listings, so however deep the tree, no recursion limit is reached.
    """
    stack = [_listing(root, label)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif isinstance(entry, Reject):
            yield entry
        else:
            path, child, kind = entry
            if kind == "dir":
                stack.append(_listing(path, child))
            else:
                yield path, child


def _listing(directory: Path, label: str) -> Iterator[tuple[Path, str, str] | Reject]:
    """The entries of one directory in name order: ``(path, label, "dir" | "file")`` or a
    Reject; skipped entries are logged."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield Reject(label, RejectCode.UNREADABLE.value, f"cannot list directory: {exc.strerror}")
        return
    for entry in entries:
        path = directory / entry.name
        child = f"{label.rstrip('/')}/{entry.name}" if label not in ("", ".") else entry.name
        if entry.name.startswith("."):
            log.debug("skipped hidden %s", child)
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_link = entry.is_symlink()
            is_file = entry.is_file()
            special = None if is_dir or is_file else _special_kind(path)
        except OSError as exc:
            yield Reject(child, RejectCode.UNREADABLE.value, f"cannot stat: {exc.strerror}")
            continue
        if is_dir:
            yield path, child, "dir"
        elif is_link and path.is_dir():
            log.debug("skipped symlinked directory %s", child)
        elif special is not None:
            # never opened: reading a FIFO would block the run until something writes to it
            yield Reject(child, RejectCode.UNREADABLE.value, f"not a regular file: {special}")
        elif is_link and not path.exists() and kind_from_name(path) is not None:
            yield Reject(child, RejectCode.NOT_FOUND.value, "broken symbolic link")
        elif is_file and is_document_file(path):
            yield path, child, "file"
        else:
            log.debug("skipped %s: not a document file", child)


def _special_kind(path: Path) -> str | None:
    """What a non-regular file is (a FIFO, a socket, a device), following symlinks; None for
    anything else, including a path that does not exist."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        raise
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def is_document_file(path: Path) -> bool:
    """Whether a file met while walking a directory should be read as a document."""
    if path.name.startswith(".") or path.name.endswith("~"):
        return False
    stem = path.name[: len(path.name) - len(suffix_of(path))]
    if stem.lower() in _BOILERPLATE_ANY_CASE or stem in _BOILERPLATE_EXACT:
        return False
    if kind_from_name(path) is not None or is_warc(path):
        return True
    suffix = suffix_of(path)
    if suffix not in SNIFFED_SUFFIXES:
        return False
    head = _head(path)
    if head is None:
        return True  # unreadable: let the reader reject it with the reason
    if suffix == ".xml":
        return any(marker in head[:2048].lower() for marker in _FEED_MARKERS)
    return binary_kind(head) is None and not head.startswith(b"#!")


def _head(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return None
