"""Per-document limits: the size a document may have and the time its parse may take.

One article must never stall a run: a file over the size limit is refused before it is
read, and a parse that runs past its time limit is stopped with :class:`ParseTimeout`,
which the caller reports as one line while the other documents go on.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from timeline.errors import TimelineError

#: Default largest document read, in bytes (``--max-size``).
DEFAULT_MAX_BYTES = 10 * 1000 * 1000
#: Default longest parse of one document, in seconds (``--time-limit``).
DEFAULT_SECONDS = 120.0


class ParseTimeout(TimelineError):
    """A document's parse ran past its time limit."""


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise :class:`ParseTimeout` inside the block once ``seconds`` have passed.

    It uses a real-time interval timer, so it works only in a process's main thread (the
    CLI and ingest's worker processes); elsewhere, or with no limit, the block runs as is.
    """
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signal: int, _frame: FrameType | None) -> None:
        raise ParseTimeout(f"{what}: parsing took longer than {seconds:g} s (--time-limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
