"""The curated folder's lock, held by a real second process; and the progress line."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.cli import main
from flows.commands import EXIT_BUSY, EXIT_ERROR
from flows.progress import Progress, format_duration, progress_line
from flows.store.lock import LOCK_NAME, CuratedLocked, UnsafeLockFile, curated_lock

ROOT = Path(__file__).resolve().parents[3]
HOLD = (
    "import sys, time\n"
    "from flows.store.lock import curated_lock\n"
    "with curated_lock(sys.argv[1]):\n"
    "    print('held', flush=True)\n"
    "    time.sleep(600)\n"
)


@pytest.fixture()
def holder(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """Another process holding the lock on a curated folder (killed at the end whatever happens)."""
    curated = tmp_path / "curated"
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(curated)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, start_new_session=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield curated, proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_second_writer_is_refused_with_the_holder_named(holder: tuple[Path, subprocess.Popen[str]]) -> None:
    curated, proc = holder
    with pytest.raises(CuratedLocked) as refused, curated_lock(curated):
        pass
    message = str(refused.value)
    assert f"pid {proc.pid}" in message and str(curated / LOCK_NAME) in message


def test_cli_run_exits_busy_before_starting_prefect(
    holder: tuple[Path, subprocess.Popen[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    curated, proc = holder
    assert main(["run", "--raw", str(ROOT / "raw"), "--curated", str(curated)]) == EXIT_BUSY
    err = capsys.readouterr().err
    assert f"pid {proc.pid}" in err and LOCK_NAME in err
    assert not (curated / "mentions.parquet").exists()


def test_lock_is_released_when_its_holder_dies(holder: tuple[Path, subprocess.Popen[str]]) -> None:
    curated, proc = holder
    os.killpg(proc.pid, signal.SIGKILL)  # no clean-up code runs: the kernel drops the flock
    proc.wait()
    with curated_lock(curated) as path:
        assert path == (curated / LOCK_NAME).resolve()
        assert f'"pid": {os.getpid()}' in path.read_text(encoding="utf-8")


def test_lock_is_reentrant_in_one_process_and_released_after(tmp_path: Path) -> None:
    with curated_lock(tmp_path), curated_lock(tmp_path):
        pass
    probe = subprocess.run([sys.executable, "-c", HOLD.replace("time.sleep(600)", "pass"), str(tmp_path)],
                           capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert probe.stdout.strip() == "held", probe.stderr


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0m00s"), (59.6, "1m00s"), (61, "1m01s"), (3600, "1h00m00s"), (7322, "2h02m02s")]
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_progress_line_has_rate_and_eta() -> None:
    assert progress_line(50, 200, 10.0) == "infrafacts: 50/200 articles extracted (25%), 5.0 articles/s, ETA 0m30s"
    assert progress_line(0, 10, 0.0).endswith("ETA ?")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(("flag", "lines"), [("1", 3), ("0", 0)])
def test_progress_prints_every_n_articles_and_at_the_end(
    monkeypatch: pytest.MonkeyPatch, flag: str, lines: int
) -> None:
    monkeypatch.setenv("INFRAFACTS_PROGRESS", flag)
    stream, clock, seen = io.StringIO(), Clock(), []
    progress = Progress(100, sink=seen.append, stream=stream, every=40, interval=1e9, clock=clock)
    for _ in range(10):
        clock.now += 1.0
        progress.advance(10)
    assert seen == [float(p) for p in range(10, 101, 10)]
    assert len(stream.getvalue().splitlines()) == lines
    if lines:
        assert stream.getvalue().splitlines()[-1].startswith("infrafacts: 100/100 articles extracted (100%)")


def test_progress_is_quiet_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INFRAFACTS_PROGRESS", raising=False)
    stream = io.StringIO()  # not a TTY
    progress = Progress(2, stream=stream, every=1)
    progress.advance(2)
    assert stream.getvalue() == ""


@pytest.mark.integration
def test_flow_itself_refuses_a_locked_folder(
    prefect_harness: None, holder: tuple[Path, subprocess.Popen[str]]
) -> None:
    """Scheduled runs call the flow directly (no CLI): the flow takes the lock too."""
    from flows.main import curate

    curated, proc = holder
    with pytest.raises(CuratedLocked, match=f"pid {proc.pid}"):
        curate(raw_dir=str(ROOT / "raw"), curated_dir=str(curated))
    assert not (curated / "mentions.parquet").exists()


def test_lock_file_symlink_is_refused_and_its_target_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("do not truncate me", encoding="utf-8")
    curated = tmp_path / "curated"
    curated.mkdir()
    (curated / LOCK_NAME).symlink_to(victim)
    with pytest.raises(UnsafeLockFile, match="symbolic link"), curated_lock(curated):
        pass
    assert main(["run", "--raw", str(ROOT / "raw"), "--curated", str(curated)]) == EXIT_ERROR
    assert "symbolic link" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "do not truncate me"


def test_lock_file_that_is_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / LOCK_NAME)
    with pytest.raises(UnsafeLockFile, match="not a regular file"), curated_lock(tmp_path):
        pass
