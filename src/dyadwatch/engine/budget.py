"""A per-document time budget: a pathological input becomes a recorded reject, not a stall.

The budget is a real-time interval timer (``SIGALRM``), so it interrupts the coder wherever it
is, spaCy included. Timers can only be set from a process's main thread: elsewhere (a Dask
worker's task thread) the budget is not enforced here and the cluster's own limits apply.
:class:`CodingTimeout` derives from ``BaseException`` so that no ``except Exception`` inside
the coder swallows it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class CodingTimeout(BaseException):
    """Coding one document ran over ``settings.document_timeout``."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"coding took longer than {seconds:g} s (settings.document_timeout)")
        self.seconds = seconds


def budget_enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`CodingTimeout` in this block once ``seconds`` have passed (0 = no limit)."""
    if seconds <= 0 or not budget_enforceable():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise CodingTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
