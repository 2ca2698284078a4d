"""Operator errors as one line that says what to do: checks made before a run starts (the raw folder can
be listed, the curated folder and PREFECT_HOME can be written), and the translation of a file-system
failure met later (disk full, read-only file system, permission denied) into the same kind of line.

Why check first: Prefect needs a writable PREFECT_HOME for its temporary server's database; without one the
server dies at start and the run waits 90 s for it before failing with a traceback. Light on imports: the
CLI runs this on every `run`, before Prefect is imported.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path


class OperatorError(Exception):
    """A problem the user fixes (a folder, a permission, a full disk); the message says how."""


_FULL = (errno.ENOSPC, errno.EDQUOT)
# How the libraries that write our files word an errno they do not expose (DuckDB, Arrow).
_WORDED = (
    (errno.ENOSPC, "No space left on device"), (errno.EDQUOT, "Disk quota exceeded"),
    (errno.EFBIG, "File too large"), (errno.EROFS, "Read-only file system"), (errno.EACCES, "Permission denied"),
)
_QUOTED_PATH = re.compile(r"""["'](/[^"']+)["']""")


def fix_for(code: int, where: str) -> str | None:
    """The one line for a file-system error `code` met at `where`, or None when it is not the operator's."""
    if code in _FULL:
        return (f"{where}: no space left on the device. The curated tables are still the last complete run's "
                "(a run switches to its new tables only once all are written): free some space, or write "
                "elsewhere (--curated, --out), then run again")
    if code == errno.EFBIG:
        return (f"{where}: file too large for the file system or for this process's file-size limit "
                "(`ulimit -f`): raise the limit or write elsewhere (--curated, --out), then run again")
    if code == errno.EROFS:
        return f"{where}: read-only file system: write to a folder on a writable one (--curated, --out) or remount it"
    if code in (errno.EACCES, errno.EPERM):
        return (f"{where}: permission denied: give this user access (e.g. `chmod u+rwx` or `chown` the folder) "
                "or pass another folder")
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]


def explain(exc: BaseException, folder: Path | None = None) -> str | None:
    """One line for a failure caused by the file system under the run, else None (a bug: keep the traceback).
    The line names `folder` (the one the user passed) rather than a temporary file inside it."""
    if isinstance(exc, OperatorError):
        return str(exc)
    for link in _chain(exc):
        if isinstance(link, OSError) and link.errno is not None:
            line = fix_for(link.errno, _where(str(link.filename or link.strerror), folder))
            if line:
                return line
        text = str(link)
        for code, words in _WORDED:
            if words in text:
                found = _QUOTED_PATH.search(text)
                return fix_for(code, _where(found.group(1) if found else words, folder))
    return None


def _where(path: str, folder: Path | None) -> str:
    if folder is None or not os.path.isabs(path):
        return path
    inside = os.path.commonpath([os.path.abspath(folder), path]) == os.path.abspath(folder)
    return str(folder) if inside else path


def _try_write(folder: Path) -> None:
    with tempfile.TemporaryFile(dir=folder, prefix=".infrafacts-write-check."):
        pass


def check_raw(raw: Path) -> None:
    """The raw folder can be listed (an unreadable one would otherwise look like an empty one)."""
    if raw.is_dir():
        try:
            os.listdir(raw)
        except OSError as exc:
            raise OperatorError(f"{raw}: cannot list the raw folder ({exc.strerror}): give this user read "
                                f"access (`chmod u+rx {raw}`) or pass another --raw") from None


def check_curated(curated: Path) -> None:
    """The curated folder is a folder (created if missing) this user can write."""
    if curated.exists() and not curated.is_dir():
        raise OperatorError(f"{curated}: is a file, not a folder: pass --curated DIR (a folder, created if "
                            "missing), or move the file away")
    try:
        curated.mkdir(parents=True, exist_ok=True)
        _try_write(curated)
    except OSError as exc:
        line = fix_for(exc.errno or 0, str(curated))
        if exc.errno in (errno.ENOTDIR, errno.EEXIST):
            line = f"{curated}: a file is in the way of this path: pass --curated DIR under a folder"
        raise OperatorError(line or f"{curated}: cannot write the curated folder ({exc.strerror})") from None


def prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()


def check_prefect_home() -> None:
    """Prefect can keep its database in PREFECT_HOME (created if missing)."""
    home = prefect_home()
    try:
        home.mkdir(parents=True, exist_ok=True)
        _try_write(home)
    except OSError as exc:
        raise OperatorError(
            f"PREFECT_HOME={home} is not writable ({exc.strerror}): Prefect keeps its database there; set "
            "PREFECT_HOME to a folder this user can write (e.g. `export PREFECT_HOME=$HOME/.prefect`)"
        ) from None
