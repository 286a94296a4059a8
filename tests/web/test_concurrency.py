"""Real processes: ``dyadwatch serve`` shares its database with ``ingest`` and notebooks, answers
503 with Retry-After while another process holds the lock, and stops promptly on SIGTERM."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import dyadwatch

from .conftest import TOKEN, free_port

FAKE_CODER = Path(__file__).parents[1] / "store" / "fake_coder.py"
CODER_NAME = "dyadwatch_tests.web_fake_coder.v1"
# runs the command line in a child with the store tests' fake coder registered (no spaCy model)
LAUNCHER = textwrap.dedent(
    f"""
    import importlib.util, sys
    from dyadwatch import registry
    spec = importlib.util.spec_from_file_location("web_fake_coder", {str(FAKE_CODER)!r})
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import time

    class Coder(module.FakeCoder):
        def code(self, doc):
            if "SLOWLY" in doc.text:  # a document that takes a second to code
                time.sleep(1)
            return super().code(doc)

    registry.coders.register({CODER_NAME!r})(lambda settings: Coder())
    from dyadwatch.cli import main
    sys.argv = ["dyadwatch", *sys.argv[1:]]
    main()
    """
)
# holds the database open for writing until its stdin closes
HOLDER = textwrap.dedent(
    """
    import sys, dyadwatch
    store = dyadwatch.open(sys.argv[1])
    print("open", flush=True)
    sys.stdin.read()
    store.close()
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(DYADWATCH_CODER=CODER_NAME, DYADWATCH_WORKERS="1", CI="true")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).parents[2] / "src"), env.get("PYTHONPATH", "")]
    )
    return env


def _jsonl(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = [
        json.dumps({"id": i, "text": text, "date": "2024-03-05", "source": "Wire"})
        for i, text in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cli(tmp_path: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    launcher = tmp_path / "launch.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(launcher), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(),
    )


@pytest.fixture
def database(tmp_path: Path) -> Path:
    db = tmp_path / "shared.duckdb"
    first = _jsonl(tmp_path / "first.jsonl", [("a1", "CHNMIL attacked JPN on 2024-03-05.")])
    done = _cli(tmp_path, "ingest", str(first), "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


class Server:
    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        return httpx.get(self.url + path, timeout=30, **kwargs)  # type: ignore[arg-type]


def _start_server(tmp_path: Path, db: Path, *extra: str) -> Iterator[Server]:
    launcher = tmp_path / "launch.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(launcher), "serve", "--db", str(db), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    server = Server(process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 60
    while True:
        try:
            if server.get("/api/documents").status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the server did not start: {process.communicate()[1][-2000:]}")
        time.sleep(0.2)
    try:
        yield server
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


@pytest.fixture
def server(tmp_path: Path, database: Path) -> Iterator[Server]:
    yield from _start_server(tmp_path, database)


@pytest.fixture
def write_server(tmp_path: Path, database: Path) -> Iterator[Server]:
    yield from _start_server(tmp_path, database, "--write-token", TOKEN)


def test_serve_ingest_while_the_server_runs(tmp_path: Path, server: Server, database) -> None:
    assert server.get("/api/events").json()["total"] == 1
    more = _jsonl(tmp_path / "more.jsonl", [("b1", "JPN accused CHN on 2024-03-06.")])
    done = _cli(tmp_path, "ingest", str(more), "--db", str(database))
    assert done.returncode == 0, done.stderr
    assert server.get("/api/events").json()["total"] == 2  # the server reads the new event


def test_serve_notebook_opens_the_database_while_the_server_runs(
    server: Server, database: Path
) -> None:
    assert server.get("/api/events").status_code == 200
    with dyadwatch.open(database) as store:  # for writing: the server holds no lock now
        store.con.execute("DELETE FROM events WHERE doc_id = 'a1'")
    with dyadwatch.open(database, read_only=True) as store:  # readers share the file
        assert server.get("/api/events").json()["total"] == 0
        assert len(store.events()) == 0


def test_serve_answers_503_with_retry_after_while_another_process_writes(
    tmp_path: Path, write_server: Server, database: Path
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        started = time.monotonic()
        read = write_server.get("/api/events")
        assert read.status_code == 503 and read.headers["retry-after"].isdigit()
        assert read.json()["code"] == "busy"
        posted = httpx.post(
            write_server.url + "/api/documents",
            json={"id": "p1", "text": "CHN met JPN."},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=60,
        )
        assert posted.status_code == 503 and "retry-after" in posted.headers
        assert time.monotonic() - started < 30  # refused after a short wait, no hang
    finally:
        holder.communicate(input="", timeout=30)
    assert write_server.get("/api/events").status_code == 200  # the lock is back


def test_serve_stops_on_sigterm_within_seconds_during_a_long_post(write_server: Server) -> None:
    """A POST of 60 documents taking a second each is under way; SIGTERM stops the server
    within seconds, with the batches done so far committed."""
    documents = [{"id": f"d{n:02d}", "text": f"SLOWLY CHN met JPN, part {n}."} for n in range(60)]

    def post() -> None:
        with contextlib.suppress(httpx.TransportError):
            httpx.post(
                write_server.url + "/api/documents",
                json=documents,
                headers={"Authorization": f"Bearer {TOKEN}"},
                timeout=120,
            )

    sender = threading.Thread(target=post, daemon=True)
    sender.start()
    time.sleep(3)  # coding is under way
    assert write_server.get("/api/events").status_code == 200  # reads are not blocked by it
    started = time.monotonic()
    write_server.process.send_signal(signal.SIGTERM)
    write_server.process.wait(timeout=30)
    assert time.monotonic() - started < 15
