"""Shared fixtures: the spaCy pipeline (loaded once), paths to shared data and examples.

Tests that read ../shared take it through :func:`shared_dir` / :func:`shared_file`: they skip
on a checkout without it, and FAIL under ``CI=true`` so the quality gate cannot vanish silently.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from dyadwatch.nlp.pipeline import load_pipeline

    return load_pipeline()


def missing_shared(what: str) -> None:
    """Skip, or under CI=true fail: a test needing ../shared must not pass by skipping in CI."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is missing (CI=true: tests that need ../shared must run)")
    pytest.skip(f"{what} is not present")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared, or skip (fail under CI=true) when this checkout has no shared data beside it."""
    if not SHARED.is_dir():
        missing_shared("../shared")
    return SHARED


@pytest.fixture(scope="session")
def shared_file(shared_dir: Path) -> Callable[[str], Path]:
    """``shared_file("gold/dev.jsonl")``: the file under ../shared, or skip (fail under CI)."""

    def find(relative: str) -> Path:
        path = shared_dir / relative
        if not path.exists():
            missing_shared(f"../shared/{relative}")
        return path

    return find


@pytest.fixture(scope="session")
def seed_path(shared_file: Callable[[str], Path]) -> Path:
    return shared_file("seed/000_37ee3ca068ec43e6.txt")
