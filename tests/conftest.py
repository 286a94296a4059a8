"""Shared fixtures: the spaCy pipeline (loaded once), paths to shared data and examples.

Tests that read ../shared take it through :func:`shared_dir` / :func:`shared_file`: they skip
on a checkout without it, and FAIL under ``CI=true`` so the quality gate cannot vanish silently.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
# tests build the dictionaries afresh (a test may patch a loader); tests/dictionaries/
# test_cache.py turns the on-disk cache on in a temporary directory
os.environ.setdefault("DYADWATCH_CACHE_DIR", "off")
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


# a webhook receiver on 127.0.0.1 for the alert-delivery tests
class Hook(BaseHTTPRequestHandler):
    """Answers each POST with the next status of ``script`` (then 200), recording bodies."""

    script: ClassVar[list[int]] = []
    bodies: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        status = type(self).script.pop(0) if type(self).script else 200
        if status == 200:
            type(self).bodies.append(body)
        assert self.headers["Content-Type"] == "application/json"
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[tuple[str, type[Hook]]]:
    Hook.script, Hook.bodies = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/alerts", Hook
    server.shutdown()
    server.server_close()
