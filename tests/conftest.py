"""Shared fixtures: the spaCy pipeline (loaded once), paths to shared data and examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from dyadwatch.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared, or skip the test when this checkout has no shared data beside it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    path = shared_dir / "seed" / "000_37ee3ca068ec43e6.txt"
    if not path.is_file():
        pytest.skip("seed page not present")
    return path
