"""Reading only what the raw folder really holds: regular files, and symbolic links that stay inside the
folder, read with a size cap. Anything else gets a reason and is never opened for reading: a FIFO would
block the run forever, a device such as /dev/zero never ends, and a link out of the folder
(`x.txt -> /etc/passwd`) would publish a file nobody put there.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a directory",
}
# Opening never blocks (a FIFO with no writer) nor makes the file our terminal.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


def shown(text: str) -> str:
    """A path or name safe to store and log: bytes that were not UTF-8 in the file name (kept by Python as
    lone surrogates, which Parquet and JSON refuse) written as `\\xe9`."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def outside_reason(path: Path) -> str | None:
    """Why a symbolic link must not be followed: it leads out of the folder it is in."""
    if not path.is_symlink():
        return None
    folder, target = os.path.realpath(path.parent), os.path.realpath(path)
    if os.path.commonpath([folder, target]) == folder:
        return None
    return (f"link out of the raw folder (to {shown(target)}): not followed; copy the file into the folder "
            "if it is an article")


def kind_reason(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
    return f"not a regular file: {kind}, never read (only plain files are articles)"


def open_regular(path: Path) -> int | str:
    """A read-only descriptor on `path` if it is a regular file in its folder, else why not."""
    reason = outside_reason(path) or kind_reason(os.stat(path).st_mode)
    if reason:
        return reason
    fd = os.open(path, _OPEN_FLAGS)
    reason = kind_reason(os.fstat(fd).st_mode)  # swapped for something else since the check
    if reason:
        os.close(fd)
        return reason
    return fd


def read_capped(fd: int, limit: int) -> bytes | str:
    """All bytes behind `fd` (which this closes), or why not: more than `limit` of them."""
    with os.fdopen(fd, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            return f"too large: {size} bytes > {limit} (split the file into articles)"
        data = fh.read(limit + 1)  # the file may grow while it is read
    if len(data) > limit:
        return f"too large: more than {limit} bytes (split the file into articles)"
    return data
