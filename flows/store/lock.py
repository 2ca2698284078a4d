"""One writer at a time per curated folder: an advisory `fcntl.flock` on `<curated>/.infrafacts.lock`.

The kernel releases the lock when its holder exits, even on SIGKILL, so a crashed run never leaves a
stale lock behind. The file keeps a JSON note of who holds it, which a blocked run quotes. The lock is
re-entrant inside one process (the CLI takes it before starting Prefect, the flow takes it again).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

LOCK_NAME = ".infrafacts.lock"

_held: dict[Path, tuple[IO[str], int]] = {}


class CuratedLocked(RuntimeError):
    """Another process is writing to the same curated folder."""


class UnsafeLockFile(PermissionError):
    """The lock file is a symbolic link or not a regular file: opening it could clobber another file."""


def lock_path(curated_dir: Path) -> Path:
    return Path(curated_dir).resolve() / LOCK_NAME


def holder_note() -> dict[str, object]:
    return {
        "pid": os.getpid(), "host": socket.gethostname(),
        "since": datetime.now(UTC).isoformat(timespec="seconds"), "command": " ".join(sys.argv),
    }


def describe_holder(path: Path) -> str:
    try:
        note = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        note = {}
    if not note:
        return "another process"
    return f"pid {note.get('pid')} on {note.get('host')} since {note.get('since')} ({note.get('command')})"


def _open_lock_file(path: Path) -> IO[str]:
    """Open (or create) the lock file itself, never what a symbolic link in its place points to: the
    holder note is written into it, which would truncate that other file."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        raise UnsafeLockFile(f"{path} is a symbolic link; refusing to follow it (the run would overwrite "
                             "the file it points to). Remove the link and try again.") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UnsafeLockFile(f"{path} is not a regular file; remove it and try again.")
    return os.fdopen(fd, "r+", encoding="utf-8")


def _acquire(path: Path) -> IO[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = _open_lock_file(path)  # kept open while the lock is held
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        raise CuratedLocked(
            f"{path.parent} is being written by {describe_holder(path)}; lock file {path}. "
            "Wait for that run to finish, then try again."
        ) from None
    fh.seek(0)
    fh.truncate()
    fh.write(json.dumps(holder_note()))
    fh.flush()
    return fh


@contextmanager
def curated_lock(curated_dir: Path | str) -> Iterator[Path]:
    """Hold the curated folder's lock; raise `CuratedLocked` at once if another process holds it."""
    path = lock_path(Path(curated_dir))
    fh, depth = _held.get(path) or (_acquire(path), 0)
    _held[path] = (fh, depth + 1)
    try:
        yield path
    finally:
        fh, depth = _held[path]
        if depth > 1:
            _held[path] = (fh, depth - 1)
        else:
            del _held[path]
            fh.seek(0)
            fh.truncate()
            fh.flush()
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
            fh.close()
