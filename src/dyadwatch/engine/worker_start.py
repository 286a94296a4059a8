"""How the local engine starts its worker processes: forked from a loaded coder, or spawned.

A spawned worker starts a fresh interpreter, imports spaCy and loads the model and the
dictionaries itself: seconds of start-up per worker, paid inside every run, and a private copy
of everything. A forked worker starts from the parent's memory, where the coder is already
loaded: it starts at once and shares the model's and dictionaries' pages with the parent
(copy-on-write; :func:`gc.freeze` keeps the collector from touching them).

Forking is unsafe in a process that runs other threads or has imported torch (a lock held by
another thread at the fork stays held forever in the child), and it is only the default start
on Linux. Setting ``worker_start`` chooses: ``auto`` forks when it is safe and spawns
otherwise, ``fork`` and ``spawn`` force one.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
import sys
import threading
from collections.abc import Container, Iterator

from dyadwatch.errors import ConfigError
from dyadwatch.settings import WORKER_STARTS


def check_worker_start(value: str) -> str:
    """``value`` if it is a known ``worker_start`` (``load_settings`` checks it too; this
    catches a ``Settings`` built directly); a :class:`ConfigError` naming it if not."""
    if value not in WORKER_STARTS:
        raise ConfigError(
            f"setting 'worker_start': cannot use {value!r} (one of {', '.join(WORKER_STARTS)})"
        )
    return value


def fork_unsafe_reason(
    *,
    verifier: bool,
    platform: str | None = None,
    modules: Container[str] | None = None,
    threads: int | None = None,
) -> str | None:
    """Why forking a loaded coder is unsafe in this process (None when it is safe).

    The keyword arguments default to this process's platform, imported modules and running
    threads; tests pass their own."""
    platform = sys.platform if platform is None else platform
    modules = sys.modules if modules is None else modules
    threads = threading.active_count() if threads is None else threads
    if not platform.startswith("linux"):
        return f"fork is not the safe default on {platform}"
    if verifier:
        return "a verifier model (torch) is set"
    if "torch" in modules:
        return "torch is imported"
    if threads > 1:
        return f"{threads - 1} other thread(s) are running"
    return None


def start_method(
    worker_start: str,
    *,
    verifier: bool,
    platform: str | None = None,
    modules: Container[str] | None = None,
    threads: int | None = None,
) -> str:
    """``"fork"`` or ``"spawn"`` for the setting ``worker_start`` in this process."""
    check_worker_start(worker_start)
    if worker_start == "spawn":
        return "spawn"
    if worker_start == "fork":
        if "fork" not in multiprocessing.get_all_start_methods():
            raise ConfigError("setting 'worker_start': fork is not available on this platform")
        return "fork"
    unsafe = fork_unsafe_reason(
        verifier=verifier, platform=platform, modules=modules, threads=threads
    )
    return "spawn" if unsafe else "fork"


@contextlib.contextmanager
def prepared_for_fork(forking: bool) -> Iterator[None]:
    """Around the life of a forking pool: flush the standard streams (a child would write
    what is left in their buffers a second time when it exits) and freeze the objects that
    exist now, so that collections in the children do not write to, and un-share, their
    pages. Unfrozen again when the pool is done."""
    if not forking:
        yield
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed or detached stream has nothing to lose
            stream.flush()
    gc.collect()  # garbage frozen now would stay in memory until the unfreeze
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def reset_signals_in_child() -> None:
    """A forked child inherits the parent's Python signal handlers (a CLI's graceful
    shutdown, a server's): a worker stops on SIGTERM and SIGINT instead of running them."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
