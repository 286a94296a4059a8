"""Tests that need ../shared skip on a checkout without it, but FAIL under CI=true."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


def test_missing_shared_file_skips_locally_and_fails_in_ci(
    shared_file: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        shared_file("no/such/file.jsonl")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        shared_file("no/such/file.jsonl")
