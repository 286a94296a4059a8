"""Fixtures for the coding tests: one actor recognizer per session."""

from __future__ import annotations

import pytest

from dyadwatch.coding.actors.recognizer import ActorRecognizer


@pytest.fixture(scope="session")
def recognizer() -> ActorRecognizer:
    return ActorRecognizer.load()
