"""A loaded coder is moved out of the garbage collector's walks."""

from __future__ import annotations

import subprocess
import sys


def test_freeze_loaded_hides_the_loaded_objects_from_the_collector() -> None:
    # in a fresh process: gc.freeze is process-wide and would leak into other tests
    script = (
        "import gc\n"
        "from dyadwatch.engine.local import freeze_loaded\n"
        "kept = [[i] for i in range(5000)]\n"
        "assert gc.get_freeze_count() < 5000\n"
        "freeze_loaded()\n"
        "assert gc.get_freeze_count() >= 5000, gc.get_freeze_count()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_freeze_loaded_runs_when_the_api_loads_a_coder() -> None:
    script = (
        "import gc\n"
        "from dyadwatch.api import get_coder\n"
        "from dyadwatch.settings import Settings\n"
        "get_coder(Settings())\n"
        "assert gc.get_freeze_count() > 100_000, gc.get_freeze_count()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
