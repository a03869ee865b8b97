"""A time bound on one call, where the platform can interrupt it.

The bound is a SIGALRM timer, so it applies on Unix in the main thread only: elsewhere (other
threads, Windows) `time_limit` lets the call run unbounded. The batch runner's workers are each
the main thread of their own process, so its `--timeout` always applies.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from release_nlp.errors import DocumentTimeout


def can_time_limit() -> bool:
    """Whether `time_limit` bounds a call made here (Unix, main thread)."""
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, advice: str = "") -> Iterator[None]:
    """Raise DocumentTimeout after `seconds`, where the platform allows (see the module's note)."""
    if not seconds or not can_time_limit():
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"took longer than {seconds:g} s{advice}")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
