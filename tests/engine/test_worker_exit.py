"""A pool worker outlives neither its parent nor the parent's output pipes.

An ingest killed with SIGKILL cannot shut its process pool down. The workers must notice and
exit, or they keep the parent's stdout open and whoever waits for it (a shell pipe, a test's
``capture_output``) waits forever.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

_PARENT = textwrap.dedent(
    """
    import multiprocessing, os, signal, sys, time
    from dyadwatch.engine.local import _exit_with_parent

    def linger(ready):
        _exit_with_parent()
        ready.set()
        time.sleep(600)  # a busy worker that would otherwise never return

    if __name__ == "__main__":
        context = multiprocessing.get_context("spawn")
        ready = context.Event()
        context.Process(target=linger, args=(ready,)).start()
        ready.wait(60)
        print("worker started", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_a_worker_exits_when_its_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"  # a file, not -c: spawned children re-import __main__
    script.write_text(_PARENT)
    # the worker inherits the parent's stdout: the pipe reaches EOF only once it has exited too
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == -9
    assert done.stdout == "worker started\n"
