"""Helpers for ingest tests: write fixture files, run read_inputs and split the results."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document, Reject

Read = Callable[..., tuple[list[Document], list[Reject]]]
Write = Callable[[str, str | bytes], Path]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """write("a/b.txt", content) creates tmp_path/a/b.txt (text as UTF-8) and returns its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Read:
    """read(*inputs, **kwargs) -> (documents, rejects), with paths relative to tmp_path."""
    monkeypatch.chdir(tmp_path)

    def _read(*inputs: str, **kwargs: Any) -> tuple[list[Document], list[Reject]]:
        docs: list[Document] = []
        rejects: list[Reject] = []
        for item in read_inputs(list(inputs), **kwargs):
            (docs if isinstance(item, Document) else rejects).append(item)  # type: ignore[arg-type]
        return docs, rejects

    return _read
