"""Forked workers share the parent's loaded coder and code exactly what one worker codes.

``worker_start``: ``fork`` starts the pool's workers from this process with the coder loaded,
``spawn`` makes each load its own, ``auto`` forks only where that is safe (Linux, no torch, no
verifier, no other thread).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.engine import local
from dyadwatch.engine.local import DocumentResult, pool_start
from dyadwatch.engine.runner import run
from dyadwatch.engine.worker_start import fork_unsafe_reason, start_method
from dyadwatch.errors import ConfigError, RejectCode
from dyadwatch.model import Document, Event, Reject
from dyadwatch.settings import Settings, load_settings

# sentences of our own with events in them, and one without
TEXTS = [
    "The foreign minister of Peru met the ambassador of Chile in Lima on Monday.",
    "Farmers in Lyon protested against the new tax on fuel.",
    "The museum opened a new wing for sculpture.",
    "Kenya accused Uganda of sending troops across the border.",
    "Norway and Sweden signed an agreement on fishing rights.",
]


def _items() -> list[Document | Reject]:
    items: list[Document | Reject] = [
        Document(f"d{i}", TEXTS[i % len(TEXTS)], origin=f"d{i}") for i in range(10)
    ]
    items.insert(4, Reject("broken.bin", RejectCode.BINARY, "binary file"))
    return items


def _as_data(outcome: DocumentResult | Reject) -> tuple[str, list[dict[str, Any]]]:
    if isinstance(outcome, Reject):
        return outcome.origin, []
    return outcome.document.id, [event.to_dict() for event in outcome.events]


@pytest.fixture(scope="module")
def one_worker() -> list[tuple[str, list[dict[str, Any]]]]:
    from dyadwatch.api import get_coder

    single = Settings(workers=1, batch_size=2)
    return [_as_data(o) for o in run(_items(), single, get_coder(single))]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_fork_and_spawn_pools_give_what_one_worker_gives(
    method: str, one_worker: list[tuple[str, list[dict[str, Any]]]]
) -> None:
    from dyadwatch.api import get_coder

    settings = Settings(workers=2, batch_size=2, worker_start=method)
    # the coder of these settings: forked workers share it, spawned ones load their own
    pooled = [_as_data(o) for o in run(_items(), settings, get_coder(settings))]
    assert pooled == one_worker
    assert sum(len(events) for _, events in one_worker) >= 3


@pytest.mark.parametrize(
    ("conditions", "expected"),
    [
        ({}, "fork"),
        ({"platform": "darwin"}, "spawn"),
        ({"platform": "win32"}, "spawn"),
        ({"verifier": True}, "spawn"),
        ({"modules": {"torch", "spacy"}}, "spawn"),
        ({"threads": 2}, "spawn"),
    ],
)
def test_auto_forks_only_where_it_is_safe(conditions: dict[str, Any], expected: str) -> None:
    state: dict[str, Any] = {
        "verifier": False,
        "platform": "linux",
        "modules": {"spacy"},
        "threads": 1,
        **conditions,
    }
    assert start_method("auto", **state) == expected
    assert (fork_unsafe_reason(**state) is None) == (expected == "fork")


def test_explicit_choices_are_honoured_whatever_the_process_holds() -> None:
    unsafe = {"verifier": True, "platform": "linux", "modules": {"torch"}, "threads": 3}
    assert start_method("fork", **unsafe) == "fork"
    assert start_method("spawn", verifier=False, platform="linux", modules=(), threads=1) == (
        "spawn"
    )


def _no_load(settings: Settings) -> None:
    raise AssertionError("a spawning pool must not load the coder in the parent")


@pytest.mark.parametrize(
    ("settings", "torch_imported"),
    [(Settings(worker_start="auto"), True), (Settings(worker_start="auto", verifier="m"), False)],
)
def test_auto_pool_spawns_when_torch_or_a_verifier_is_there(
    settings: Settings, torch_imported: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(local, "load_coder", _no_load)
    if torch_imported:
        monkeypatch.setitem(sys.modules, "torch", types.ModuleType("torch"))
    else:
        monkeypatch.delitem(sys.modules, "torch", raising=False)
    assert pool_start(settings) == ("spawn", None)


def test_a_forking_pool_shares_the_coder_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local, "load_coder", _no_load)
    given = object()
    assert pool_start(Settings(worker_start="fork"), given) == ("fork", given)  # type: ignore[arg-type]


@pytest.mark.parametrize("where", ["environment", "file"])
def test_a_bad_worker_start_is_a_settings_error(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DYADWATCH_CONFIG", raising=False)
    config = None
    if where == "environment":
        monkeypatch.setenv("DYADWATCH_WORKER_START", "forkserver")
    else:
        config = tmp_path / "dw.toml"
        config.write_text('[dyadwatch]\nworker_start = "forkserver"\n')
    with pytest.raises(ConfigError, match=r"'worker_start'.*'forkserver'.*auto, fork, spawn"):
        load_settings(config)


def test_a_bad_worker_start_given_directly_fails_before_any_worker_starts() -> None:
    with pytest.raises(ConfigError, match="worker_start"):
        list(local.run_in_pool(_items(), Settings(worker_start="thread"), workers=2))


class _Quiet:
    def code(self, doc: Document) -> list[Event]:
        return []


def _report_signals(conn: Any) -> None:
    local._init_worker(Settings(), _Quiet())  # type: ignore[arg-type]
    conn.send([signal.getsignal(s) == signal.SIG_DFL for s in (signal.SIGTERM, signal.SIGINT)])


def test_a_forked_worker_drops_the_parents_signal_handlers() -> None:
    previous = signal.signal(signal.SIGTERM, lambda *_: None)  # a CLI's graceful shutdown
    try:
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_report_signals, args=(send,))
        child.start()
        assert receive.recv() == [True, True]
        child.join(30)
    finally:
        signal.signal(signal.SIGTERM, previous)


_PRINTS_AROUND_A_POOL = textwrap.dedent(
    """
    import sys
    from dyadwatch import registry
    from dyadwatch.engine.local import DocumentResult, run_in_pool
    from dyadwatch.model import Document
    from dyadwatch.settings import Settings

    class Upper:
        def code(self, doc):
            return []

    registry.coders.register("dyadwatch_tests.upper.v1")(lambda settings: Upper())
    print("before")  # still in stdout's buffer when the workers are forked
    settings = Settings(coder="dyadwatch_tests.upper.v1", worker_start="fork", batch_size=1)
    docs = [Document(f"d{i}", "text") for i in range(6)]
    for outcome in run_in_pool(docs, settings, workers=2):
        assert isinstance(outcome, DocumentResult)
        print(outcome.document.id)
    """
)


def test_forked_workers_do_not_write_the_parents_buffered_output_again(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(_PRINTS_AROUND_A_POOL)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["before", *(f"d{i}" for i in range(6))]
