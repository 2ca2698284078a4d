"""Running a command in a child process while sampling memory: the one helper the scale benches share.

`run_sampled(cmd)` starts `cmd` from the project root in a session of its own, samples the RSS of it,
of each descendant (extraction workers, the temporary Prefect server) and of the whole tree every
`every` seconds, keeps each process's last CPU seconds (so a finished worker's time still counts), and
returns the peaks, the CPU seconds of the tree, the output and the load average at the end. Stopped early
(Ctrl-C or SIGTERM to the bench), it kills the child's whole session and returns what it measured,
marked `partial`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SECONDS = 0.2


def label_of(proc: psutil.Process) -> str:
    """What a descendant is: the Prefect server, an extraction worker, or its command."""
    try:
        cmd = " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return "?"
    if "uvicorn" in cmd or "prefect.server" in cmd or "server start" in cmd:
        return "Prefect server"
    if "multiprocessing" in cmd or "spawn_main" in cmd:
        return "worker"
    return cmd[:60]


@dataclass
class Sampled:
    """Peaks of one sampled run: the run process, each descendant, the whole tree at once."""

    code: int = 0
    seconds: float = 0.0
    output: str = ""
    run_peak: int = 0
    tree_peak: int = 0
    run_now: int = 0
    tree_now: int = 0
    child_peaks: dict[int, tuple[int, str]] = field(default_factory=dict)  # pid -> (peak RSS, label)
    cpu_seen: dict[int, float] = field(default_factory=dict)  # pid -> last CPU seconds seen
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)
    partial: bool = False

    @property
    def cpu(self) -> float:
        """CPU seconds of the process tree, as last sampled."""
        return sum(self.cpu_seen.values())

    def largest_child(self) -> tuple[int, str]:
        return max(self.child_peaks.values(), default=(0, "none"))

    def largest_worker(self) -> int:
        return max((rss for rss, label in self.child_peaks.values() if label == "worker"), default=0)

    def report(self) -> str:
        rss, label = self.largest_child()
        one, five, fifteen = self.load
        return (f"wall time {self.seconds:.0f} s; CPU {self.cpu:.0f} s (tree, sampled); peak RSS: run process "
                f"{self.run_peak / 2**20:.0f} MiB, largest worker {self.largest_worker() / 2**20:.0f} MiB, "
                f"largest child {rss / 2**20:.0f} MiB ({label}), whole tree {self.tree_peak / 2**20:.0f} MiB; "
                f"load average at the end {one:.2f} {five:.2f} {fifteen:.2f} (2 cores)")

    def sample(self, proc: psutil.Process, known: dict[int, psutil.Process]) -> None:
        """One sample of `proc` and its descendants (`known` keeps each descendant's Process object)."""
        with contextlib.suppress(psutil.NoSuchProcess):
            for child in proc.children(recursive=True):
                known.setdefault(child.pid, child)
        own = tree = 0
        for pid, p in [(proc.pid, proc), *known.items()]:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                rss, times = p.memory_info().rss, p.cpu_times()
                self.cpu_seen[pid] = times.user + times.system
                tree += rss
                if pid == proc.pid:
                    own = rss
                else:
                    peak, label = self.child_peaks.get(pid, (0, ""))
                    self.child_peaks[pid] = (max(peak, rss), label or label_of(p))
        self.run_now, self.tree_now = own, tree
        self.run_peak, self.tree_peak = max(self.run_peak, own), max(self.tree_peak, tree)


class _Stopped(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _Stopped


def _kill_session(child: subprocess.Popen[str]) -> None:
    os.killpg(child.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(timeout=20)
    if child.poll() is None:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()


def run_sampled(cmd: list[str], env: dict[str, str] | None = None, log: Path | None = None, *,
                every: float = SAMPLE_SECONDS, on_sample: Callable[[Sampled, float], None] | None = None) -> Sampled:
    """Run `cmd` from the project root, sampling RSS and CPU of it and every descendant each `every` s.

    Its output goes to `log` (never a pipe a long run could fill) or to a temporary file, and is returned;
    `on_sample(sampled, elapsed)` is called after each sample (progress lines)."""
    start = time.perf_counter()
    sampled, known = Sampled(), {}
    previous = signal.signal(signal.SIGTERM, _stop)
    with open(log, "w+", encoding="utf-8") if log else tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        child = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, text=True,
                                 env={**os.environ, **(env or {})}, start_new_session=True)
        proc = psutil.Process(child.pid)
        try:
            while child.poll() is None:
                sampled.sample(proc, known)
                if on_sample is not None:
                    on_sample(sampled, time.perf_counter() - start)
                time.sleep(every)
        except (_Stopped, KeyboardInterrupt):
            sampled.partial = True
            _kill_session(child)
        finally:
            signal.signal(signal.SIGTERM, previous)
        out.seek(0)
        sampled.output = out.read()
    sampled.code, sampled.seconds, sampled.load = child.returncode, time.perf_counter() - start, os.getloadavg()
    return sampled
