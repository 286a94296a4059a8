"""``dyadwatch follow`` as users run it: the Typer command twice with ``--once``, a real process
stopped by SIGTERM between articles, and a real process killed with SIGKILL mid-cycle and
restarted: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyadwatch.store as ds
from dyadwatch.cli import app
from dyadwatch.cli.follow_cmd import parse_interval
from dyadwatch.errors import ConfigError

from .conftest import ARTICLES, Site, article_html, rss, sources_file

FAST_CONFIG = """\
workers = 1
batch_size = 1
fetch_timeout = 2.0
fetch_host_delay = 0.0
fetch_backoff = 0.05
fetch_retries = 1
user_agent = "dyadwatch-test/1.0"
"""


def _publish_all(site: Site, delay: float = 0.0) -> list[str]:
    links = []
    for copy in range(3):  # 12 articles: 4 stories, three editions each
        for slug, (headline, body) in ARTICLES.items():
            page = article_html(f"{headline} ({copy})", f"{body} Edition {copy} of the day.")
            links.append(site.add(f"/world/{slug}-{copy}.html", page, delay=delay))
    return links


def _feed(site: Site, links: list[str]) -> str:
    return site.add("/feed.xml", rss("Harbour Times", [(u, "x") for u in links]),
                    content_type="application/rss+xml")  # fmt: skip


def _config(tmp_path: Path) -> Path:
    path = tmp_path / "dyadwatch.toml"
    path.write_text(FAST_CONFIG, encoding="utf-8")
    return path


def _stored(db: Path) -> tuple[set[str], int, list[str]]:
    with ds.open(db) as store:
        stored = "SELECT url FROM live_urls WHERE kind = 'article' AND status = 'stored'"
        urls = {r[0] for r in store.con.execute(stored).fetchall()}
        documents = store.con.execute("SELECT count(*) FROM documents").fetchone()
        cycles = [r[0] for r in store.con.execute(
            "SELECT status FROM live_cycles ORDER BY started_at").fetchall()]  # fmt: skip
    assert documents is not None
    return urls, int(documents[0]), cycles


def _follow_process(sources: Path, db: Path, config: Path, *extra: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "dyadwatch", "follow", str(sources), "--db", str(db),
               "--config", str(config), *extra]  # fmt: skip
    return subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def _wait_for(condition: object, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def test_parse_interval_units() -> None:
    assert [parse_interval(t) for t in ("90", "30s", "15m", "1h", "1d")] == [
        90, 30, 900, 3600, 86400,
    ]  # fmt: skip
    with pytest.raises(ConfigError):
        parse_interval("soon")


def test_follow_command_once_twice(site: Site, tmp_path: Path) -> None:
    links = _publish_all(site)[:3]
    sources = sources_file(tmp_path, _feed(site, links), site.url("/missing.xml"))
    db = tmp_path / "follow.duckdb"
    args = ["follow", str(sources), "--db", str(db), "--once", "--config", str(_config(tmp_path))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        first = CliRunner().invoke(app, args)
        second = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "fetched 3, stored 3" in first.output
    assert f"failed {site.url('/missing.xml')}: http_404" in first.output
    assert second.exit_code == 0 and "fetched 0, stored 0" in second.output
    urls, documents, cycles = _stored(db)
    assert urls == set(links) and documents == 3 and cycles == ["ok", "ok"]


def test_follow_command_rejects_a_bad_sources_file(tmp_path: Path) -> None:
    sources = tmp_path / "sources.txt"
    sources.write_text("ftp://example.org/feed\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["follow", str(sources), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "sources.txt:1" in result.output


def test_follow_process_stops_cleanly_on_sigterm(site: Site, tmp_path: Path) -> None:
    links = _publish_all(site, delay=0.3)
    sources = sources_file(tmp_path, _feed(site, links))
    db = tmp_path / "follow.duckdb"
    process = _follow_process(sources, db, _config(tmp_path), "--every", "1h")
    try:
        _wait_for(lambda: site.hits("/world/talks-0.html") > 0)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        if process.returncode is None:
            process.kill()
            process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "[stopped]" in err
    urls, documents, cycles = _stored(db)
    assert cycles == ["interrupted"]
    assert 1 <= len(urls) < len(links) and documents == len(urls)


def test_follow_process_killed_mid_cycle_resumes_without_loss_or_doubles(
    site: Site, tmp_path: Path
) -> None:
    links = _publish_all(site, delay=0.1)
    sources = sources_file(tmp_path, _feed(site, links))
    db = tmp_path / "follow.duckdb"
    config = _config(tmp_path)
    process = _follow_process(sources, db, config, "--once")
    try:
        _wait_for(lambda: site.hits("/world/sanctions-1.html") > 0)  # the 8th article
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.communicate(timeout=30)  # reap it and close its pipes
    fetched_before = {path for path, _ in site.log if path.startswith("/world/")}
    assert 0 < len(fetched_before) < len(links)  # it died mid-cycle

    restarted = _follow_process(sources, db, config, "--once")
    _, err = restarted.communicate(timeout=300)
    assert restarted.returncode == 0, err

    urls, documents, cycles = _stored(db)
    assert urls == set(links)  # nothing lost
    assert documents == len(links)  # nothing doubled
    assert cycles == ["interrupted", "ok"]  # the dead cycle is marked by the restart
    with ds.open(db) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()]
        events = store.con.execute("SELECT count(*), count(DISTINCT id) FROM events").fetchone()
    assert sorted(ids) == sorted(links)
    assert events is not None and events[0] == events[1]
