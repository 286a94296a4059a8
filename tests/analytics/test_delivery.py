"""Alerts delivered (issue 11): a webhook gets a JSON POST per alert, retried with backoff
against a local HTTP server started here; a file gets JSON lines; `dyadwatch alerts --follow`
streams new alerts from a real process over several cycles."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import dyadwatch.store as ds
from dyadwatch.analytics.delivery import Target, deliver_alerts, post_json
from dyadwatch.analytics.watches import Alert, load_watches
from dyadwatch.errors import ConfigError


def _alert(n: int = 1) -> Alert:
    return Alert(f"a-{n}", "w-1", dt.datetime(2024, 5, 13, tzinfo=dt.UTC), "first",
                 "watch: first event", ("e-1", "e-2"), dt.date(2024, 5, 13), None)  # fmt: skip


def test_webhook_retries_transient_failures_with_backoff(hook) -> None:
    url, handler = hook
    handler.script = [503, 429]
    waits: list[float] = []
    ok, outcome = post_json(url, {"x": 1}, backoff=0.5, sleep=waits.append)
    assert ok and outcome == "HTTP 200"
    assert waits == [0.5, 1.0]  # doubling
    assert handler.bodies == [{"x": 1}]


def test_webhook_gives_up_on_a_refusal_and_after_the_last_attempt(hook) -> None:
    url, handler = hook
    handler.script = [400]
    assert post_json(url, {}, sleep=lambda s: None) == (False, "HTTP 400")  # not retried
    handler.script = [500, 500, 500]
    waits: list[float] = []
    assert post_json(url, {}, attempts=3, sleep=waits.append) == (False, "HTTP 500")
    assert len(waits) == 2 and not handler.bodies


def test_unreachable_webhook_is_reported_not_raised(capsys) -> None:
    target = Target("webhook", "http://127.0.0.1:9/none")  # discard port: refused
    failures = deliver_alerts(
        [_alert()], {"w-1": (target,)}, {"w-1": "w"},
        post=lambda url, payload: post_json(url, payload, attempts=2, sleep=lambda s: None),
    )  # fmt: skip
    assert len(failures) == 1 and "a-1 not delivered to webhook" in failures[0]
    assert "warning: alert a-1" in capsys.readouterr().err


def test_file_target_appends_json_lines(tmp_path) -> None:
    path = tmp_path / "feed" / "alerts.jsonl"
    targets = {"w-1": (Target("file", str(path)),)}
    deliver_alerts([_alert(1)], targets, {"w-1": "Strait"})
    deliver_alerts([_alert(2)], targets, {"w-1": "Strait"})
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a-1", "a-2"]
    assert lines[0]["watch"] == "Strait" and lines[0]["event_ids"] == ["e-1", "e-2"]
    assert lines[0]["event_links"] == ["/api/events/e-1", "/api/events/e-2"]
    assert lines[0]["period_start"] == "2024-05-13"


@pytest.mark.parametrize(
    ("kind", "address"), [("webhook", "ftp://x"), ("webhook", "example.org"), ("file", " ")]
)
def test_bad_targets_are_refused(kind: str, address: str) -> None:
    with pytest.raises(ConfigError):
        Target(kind, address)  # type: ignore[arg-type]


def _dyadwatch(*args: str, **kwargs: Any) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, "-m", "dyadwatch", *args],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def _add_alert(db: Path, n: int) -> None:
    for _ in range(100):  # the follower holds the file for a moment each cycle
        try:
            with ds.open(db) as store:
                store.add_alerts([_alert(n)])
            return
        except Exception:
            time.sleep(0.05)
    raise AssertionError("could not write the alert")


def _read_lines(path: Path, n: int, timeout: float = 30) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            lines = [json.loads(x) for x in path.read_text().splitlines()]
            if len(lines) >= n:
                return lines
        time.sleep(0.1)
    raise AssertionError(f"fewer than {n} alert lines in {path}")


def test_alerts_follow_streams_new_alerts_from_a_real_process(tmp_path) -> None:
    db = tmp_path / "follow.duckdb"
    with ds.open(db) as store:
        store.add_alerts([_alert(1)])
    out = tmp_path / "stream.jsonl"
    process = _dyadwatch("alerts", "--db", str(db), "--follow", "--interval", "0.2",
                         "--output", str(out))  # fmt: skip
    try:
        assert [x["id"] for x in _read_lines(out, 1)] == ["a-1"]  # what was there already
        _add_alert(db, 2)
        assert [x["id"] for x in _read_lines(out, 2)] == ["a-1", "a-2"]
        _add_alert(db, 3)
        lines = _read_lines(out, 3)
        assert [x["id"] for x in lines] == ["a-1", "a-2", "a-3"]  # each once, in order
        assert lines[2]["event_ids"] == ["e-1", "e-2"]
        assert process.poll() is None  # still following
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_alerts_follow_to_stdout_stops_after_its_cycles(tmp_path) -> None:
    db = tmp_path / "cycles.duckdb"
    with ds.open(db) as store:
        store.add_alerts([_alert(1), _alert(2)])
    process = _dyadwatch("alerts", "--db", str(db), "--follow", "--interval", "0.1",
                         "--cycles", "3")  # fmt: skip
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert [json.loads(x)["id"] for x in stdout.splitlines()] == ["a-1", "a-2"]


def test_send_later_does_not_wait_for_a_slow_receiver(tmp_path, monkeypatch) -> None:
    import dyadwatch.analytics.delivery as delivery

    sent: list[str] = []

    def slow_post(url: str, payload: Any) -> tuple[bool, str]:
        time.sleep(0.5)
        sent.append(payload["id"])
        return True, "HTTP 200"

    monkeypatch.setattr(delivery, "post_json", slow_post)
    # deliver_alerts looks post_json up when it sends, so the slow one above is used
    start = time.monotonic()
    delivery.send_later([_alert(1), _alert(2)], {"w-1": (Target("webhook", "http://x"),)}, {})
    assert time.monotonic() - start < 0.3 and sent == []
    delivery.drain()
    assert sent == ["a-1", "a-2"]  # in order


def test_cli_watch_add_saves_targets_and_needs_a_filter(tmp_path) -> None:
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    db = tmp_path / "w.duckdb"
    ds.open(db).close()
    runner = CliRunner()
    bare = runner.invoke(app, ["watch", "add", "all", "--db", str(db), "--rule", "first"])
    assert bare.exit_code == 2 and "at least one filter" in bare.stderr
    added = runner.invoke(
        app,
        ["watch", "add", "strait", "--db", str(db), "--rule", "first", "--dyad", "china,taiwan",
         "--webhook", "https://hooks.example.org/a", "--to-file", str(tmp_path / "a.jsonl")],
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "alerts to webhook https://hooks.example.org/a" in added.stdout
    with ds.open(db, read_only=True) as store:
        (watch,), _ = load_watches(store)
    assert watch.filter.dyad == ("CHN", "TWN")  # the names, stored as codes
    assert watch.deliver == (
        Target("webhook", "https://hooks.example.org/a"),
        Target("file", str(tmp_path / "a.jsonl")),
    )
    listed = runner.invoke(app, ["watch", "list", "--db", str(db), "--format", "json"])
    assert json.loads(listed.stdout)["deliver"].startswith("webhook https://hooks.example.org/a")
