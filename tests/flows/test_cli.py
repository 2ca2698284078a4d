"""The command line: help, and clear errors that say what to do."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from flows.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "run" in out and "evaluate" in out


def test_run_defaults_follow_the_contract() -> None:
    args = build_parser().parse_args(["run"])
    assert (args.raw, args.curated) == (Path("raw"), Path("curated"))


def test_evaluate_without_curated_tables_says_run_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--curated", str(tmp_path)]) == 1
    assert "infrafacts run" in capsys.readouterr().err


def test_run_on_missing_folder_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--raw", str(tmp_path / "absent"), "--curated", str(tmp_path / "out")]) == 1
    assert "absent" in capsys.readouterr().err


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (FileNotFoundError, ProcessLookupError):  # it ended meanwhile
        return []


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for its parent."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def wait_for(condition: Callable[[], object], seconds: float) -> object:
    deadline = time.monotonic() + seconds
    while not (found := condition()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)
    return found


def start_run(tmp_path: Path) -> subprocess.Popen[bytes]:
    """`infrafacts run` in its own process group, with its own PREFECT_HOME and temporary server."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Le 3 mars 2026, Hexavolt a levé 40 millions d’euros.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path / "home")}
    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--curated", str(tmp_path / "curated")]
    return subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)


def command_line(pid: int) -> bytes:
    """A process's command line; empty when it ended meanwhile (short-lived children come and go)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return b""


def server_of(proc: subprocess.Popen[bytes]) -> int:
    def server() -> int | None:
        return next((c for c in children(proc.pid) if b"prefect.server" in command_line(c)), None)

    return wait_for(server, 240)  # type: ignore[return-value]


@pytest.mark.integration
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_a_killed_runs_server_is_stopped_by_the_next_run(tmp_path: Path) -> None:
    from flows.orphans import stop_orphaned_servers

    proc = start_run(tmp_path)
    try:
        server_pid = server_of(proc)
        proc.kill()  # SIGKILL to the run only: no clean-up code runs
        proc.wait(timeout=30)
        time.sleep(2)
        assert alive(server_pid)  # orphaned
        assert stop_orphaned_servers(str(tmp_path / "home")) == [server_pid]  # what the next run does first
        wait_for(lambda: not alive(server_pid), 15)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.integration
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_run_leaves_no_prefect_server(tmp_path: Path, signum: int) -> None:
    proc = start_run(tmp_path)
    try:
        server_pid = server_of(proc)
        proc.send_signal(signum)  # the run only, as a service manager or a closed terminal would
        assert proc.wait(timeout=60) == 128 + signum
        wait_for(lambda: not alive(server_pid), 15)  # type: ignore[arg-type]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # whatever is left of its group, an orphaned server included
        proc.wait()


def test_rollback_restores_the_previous_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pandas as pd

    from flows.store.tables import read_table, write_tables

    write_tables({"articles": pd.DataFrame({"article_id": ["old"]})}, tmp_path)
    write_tables({"articles": pd.DataFrame({"article_id": ["new"]})}, tmp_path)
    assert main(["rollback", "--curated", str(tmp_path), "--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 2 and listed[1].startswith("* ")
    assert main(["rollback", "--curated", str(tmp_path)]) == 0
    assert read_table(tmp_path, "articles")["article_id"].tolist() == ["old"]
    assert main(["rollback", "--curated", str(tmp_path)]) == 1  # nothing older
    assert "no generation older" in capsys.readouterr().err


# Operator errors: one line on stderr that says what to do, exit 1, no traceback (real CLI, its own process).
ARTICLE = "Le 3 mars 2026, Hexavolt a levé 40 millions d’euros pour un centre de données près de Lyon.\n"
WITHOUT_ROOT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def run_cli(args: list[str], home: Path, *, obey_modes: bool = False, env: dict[str, str] | None = None,
            preexec_fn: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """`infrafacts ARGS` in a child process. `obey_modes`: as root, without the capabilities that let root
    ignore file modes, so a `chmod` means for it what it means for any user."""
    cmd = [sys.executable, "-m", "flows.cli", *args]
    if obey_modes and os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("needs setpriv to drop root's file-mode override")
        cmd = WITHOUT_ROOT_OVERRIDE + cmd
    base = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(home)}
    return subprocess.run(cmd, cwd=ROOT, env=base | (env or {}), capture_output=True, text=True, timeout=600,
                          preexec_fn=preexec_fn)


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("infrafacts: ")
    return line


@pytest.fixture
def raw_folder(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return raw


@contextlib.contextmanager
def mode(path: Path, bits: int) -> Iterator[None]:
    before = path.stat().st_mode
    path.chmod(bits)
    try:
        yield
    finally:
        path.chmod(before)


def test_curated_that_is_a_file(tmp_path: Path, raw_folder: Path) -> None:
    (tmp_path / "fichier").write_text("x")
    line = one_line(run_cli(["run", "--raw", str(raw_folder), "--curated", str(tmp_path / "fichier")], tmp_path))
    assert "is a file, not a folder: pass --curated DIR" in line
    line = one_line(run_cli(["run", "--raw", str(raw_folder), "--curated", str(tmp_path / "fichier" / "sous")],
                            tmp_path))
    assert "a file is in the way of this path" in line


def test_read_only_curated_folder(tmp_path: Path, raw_folder: Path) -> None:
    curated = tmp_path / "curated"
    curated.mkdir()
    with mode(curated, 0o555):
        line = one_line(run_cli(["run", "--raw", str(raw_folder), "--curated", str(curated)], tmp_path,
                                obey_modes=True))
    assert f"{curated}: permission denied: give this user access" in line


def test_unreadable_raw_folder(tmp_path: Path, raw_folder: Path) -> None:
    with mode(raw_folder, 0):
        line = one_line(run_cli(["run", "--raw", str(raw_folder), "--curated", str(tmp_path / "c")], tmp_path,
                                obey_modes=True))
    assert f"{raw_folder}: cannot list the raw folder (Permission denied)" in line and "chmod u+rx" in line


@pytest.mark.parametrize("how", ["under a file", "read-only"])
def test_unwritable_prefect_home(tmp_path: Path, raw_folder: Path, how: str) -> None:
    """Checked before Prefect starts: its server would die at start and the run wait 90 s for it."""
    home = tmp_path / "prefect"
    home.mkdir()
    unwritable = mode(home, 0o555)
    if how == "under a file":
        (tmp_path / "fichier").write_text("x")
        home, unwritable = tmp_path / "fichier" / "prefect", contextlib.nullcontext()
    with unwritable:
        proc = run_cli(["run", "--raw", str(raw_folder), "--curated", str(tmp_path / "c")], home, obey_modes=True)
    line = one_line(proc)
    assert f"PREFECT_HOME={home} is not writable" in line and "export PREFECT_HOME=" in line


@contextlib.contextmanager
def tmpfs(path: Path, options: str) -> Iterator[None]:
    """A small file system of its own (needs root and mount rights, else the test is skipped)."""
    path.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr!r}")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


def test_read_only_file_system(tmp_path: Path, raw_folder: Path) -> None:
    curated = tmp_path / "ro"
    with tmpfs(curated, "ro,size=64k"):
        line = one_line(run_cli(["run", "--raw", str(raw_folder), "--curated", str(curated)], tmp_path))
    assert f"{curated}: read-only file system" in line


def file_size_limit(limit: int) -> Callable[[], None]:
    """In the child: writes past `limit` bytes fail with EFBIG (SIGXFSZ ignored, else it kills the process)."""
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.integration
@pytest.mark.parametrize("how", ["disk full (tmpfs)", "file-size limit"])
def test_disk_full_while_writing(prefect_harness: None, tmp_path: Path, raw_folder: Path, how: str) -> None:
    """The real write path fails half-way (the DuckDB file or a table does not fit): one line, and the
    tables a reader sees are still the last complete run's (none here)."""
    from prefect.settings import PREFECT_API_URL

    api = {"PREFECT_API_URL": str(PREFECT_API_URL.value())}  # the session's server: no server start here
    curated = tmp_path / "curated"
    args = ["run", "--raw", str(raw_folder), "--curated", str(curated)]
    if how == "file-size limit":
        proc = run_cli(args, tmp_path / "home", env=api, preexec_fn=file_size_limit(150_000))
        expected = "file too large for the file system or for this process's file-size limit"
    else:
        with tmpfs(curated, "size=160k"):
            proc = run_cli(args, tmp_path / "home", env=api)
            assert not (curated / "articles.parquet").exists() and not list(curated.glob(".generations/*"))
        expected = "no space left on the device. The curated tables are still the last complete run's"
    assert proc.returncode == 1, proc.stderr
    last = proc.stderr.strip().splitlines()[-1]  # Prefect's own log of the failed task comes before it
    assert last.startswith(f"infrafacts: {curated}: {expected}"), proc.stderr[-3000:]


def _command_with_main(body: str) -> subprocess.CompletedProcess[str]:
    """`flows.cli.command` in a fresh interpreter, with `main` replaced by `body` (indented code)."""
    code = ("import atexit, logging, sys\nfrom flows import cli\n"
            f"def main(argv=None):\n{body}\ncli.main = main\ncli.command()\n")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_the_program_exits_with_mains_status_after_every_exit_handler() -> None:
    proc = _command_with_main(
        "    atexit.register(lambda: print('handler ran', end=''))\n"
        "    logging.getLogger('probe').addHandler(logging.StreamHandler(sys.stderr))\n"
        "    logging.getLogger('probe').warning('logged')\n"
        "    print('summary without a newline', end='')\n"
        "    return 3"
    )
    assert proc.returncode == 3
    assert proc.stdout == "summary without a newlinehandler ran"  # buffered output is not lost
    assert proc.stderr == "logged\n"


def test_an_exception_leaves_pythons_own_exit() -> None:
    proc = _command_with_main("    raise RuntimeError('boom')")
    assert proc.returncode == 1
    assert "Traceback" in proc.stderr and "RuntimeError: boom" in proc.stderr
