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

import pytest

_PARENT = textwrap.dedent(
    """
    import multiprocessing, os, signal, sys, time
    from dyadwatch.engine.local import _exit_with_parent

    def linger(ready):
        _exit_with_parent()
        ready.set()
        time.sleep(600)  # a busy worker that would otherwise never return

    if __name__ == "__main__":
        context = multiprocessing.get_context(sys.argv[1])
        started = [context.Event() for _ in range(2)]
        for ready in started:  # two: a forked worker holds open its elder sibling's pipes
            context.Process(target=linger, args=(ready,)).start()
        for ready in started:
            ready.wait(60)
        print("workers started", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_a_worker_exits_when_its_parent_is_killed(method: str, tmp_path: Path) -> None:
    script = tmp_path / "parent.py"  # a file, not -c: spawned children re-import __main__
    script.write_text(_PARENT)
    # the workers inherit the parent's stdout: the pipe reaches EOF only once they have exited
    done = subprocess.run(
        [sys.executable, str(script), method], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == -9
    assert done.stdout == "workers started\n"
