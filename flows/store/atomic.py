"""Atomic file writes: every file is written beside its target under a temporary name, synced, then
renamed over it, so a reader sees the old file or the new one, never half of one.

Temporary files are named `.<target>.<pid>.<random>.tmp`; those of a writer that died (its pid is gone)
are found and removed by the next write.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path

_TEMP_NAME = re.compile(r"^\..+\.(?P<pid>\d+)\.[0-9a-f]+\.tmp(?:\.wal)?$")


def temp_beside(target: Path) -> Path:
    """A fresh, not yet existing temporary path next to `target` naming this process."""
    return target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"


def pid_alive(pid: int) -> bool:
    """Running, so still able to write: not gone, and not a zombie (a process killed while its parent has
    not reaped it yet; Linux, through /proc)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:  # gone meanwhile; with no /proc at all, the signal's answer stands
        return not Path("/proc").is_dir()
    except OSError:
        return True


def stale_temp_files(curated_dir: Path) -> list[Path]:
    """Temporary files left by writers that died (their pid is gone)."""
    out = []
    for path in curated_dir.iterdir():
        match = _TEMP_NAME.match(path.name)
        if match and int(match["pid"]) != os.getpid() and not pid_alive(int(match["pid"])):
            out.append(path)
    return sorted(out)


def remove_stale_temp_files(curated_dir: Path) -> list[Path]:
    stale = stale_temp_files(curated_dir)
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def write_beside(target: Path, write: Callable[[Path], object]) -> Path:
    """Run `write(tmp)` on a fresh temporary path beside `target` and sync it; the caller renames it.
    On any failure the temporary file is removed and the error raised."""
    tmp = temp_beside(target)
    try:
        write(tmp)
        fsync_file(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(target: Path, write: Callable[[Path], object]) -> Path:
    """Write one file atomically: `write(tmp)` beside `target`, then rename over it."""
    os.replace(write_beside(target, write), target)
    return target


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


