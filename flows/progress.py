"""Progress of a long run: a Prefect progress artifact plus a stderr line with rate and ETA.

The stderr line is written only when stderr is a terminal (or INFRAFACTS_PROGRESS=1), at most every
`every` articles or `interval` seconds, so logs and pipes stay quiet.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TextIO

PROGRESS_ENV = "INFRAFACTS_PROGRESS"


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s"


def progress_line(done: int, total: int, elapsed: float) -> str:
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate > 0 else float("nan")
    pct = 100.0 * done / total if total else 100.0
    eta_text = format_duration(eta) if rate > 0 else "?"
    return f"infrafacts: {done}/{total} articles extracted ({pct:.0f}%), {rate:.1f} articles/s, ETA {eta_text}"


def stderr_wanted(stream: TextIO) -> bool:
    flag = os.environ.get(PROGRESS_ENV)
    if flag is not None:
        return flag not in {"", "0", "false", "no"}
    return stream.isatty()


class Progress:
    """Counts extracted articles; reports to a sink (the Prefect artifact) and maybe to stderr."""

    def __init__(
        self,
        total: int,
        *,
        sink: Callable[[float], None] | None = None,
        stream: TextIO | None = None,
        every: int = 50,
        interval: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total, self.done = total, 0
        self.sink, self.every, self.interval, self.clock = sink, every, interval, clock
        stream = stream if stream is not None else sys.stderr
        self.stream = stream if stderr_wanted(stream) else None
        self.started = self.last_time = clock()
        self.last_done = 0

    def percent(self) -> float:
        return 100.0 * self.done / self.total if self.total else 100.0

    def advance(self, articles: int) -> None:
        self.done += articles
        if self.sink is not None:
            self.sink(self.percent())
        now = self.clock()
        due = self.done - self.last_done >= self.every or now - self.last_time >= self.interval
        if self.stream is not None and (due or self.done >= self.total):
            print(progress_line(self.done, self.total, now - self.started), file=self.stream, flush=True)
            self.last_time, self.last_done = now, self.done
