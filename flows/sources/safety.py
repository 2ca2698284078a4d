"""Reading only what the raw folder really holds: regular files, and symbolic links that stay inside the
folder (configurable: `link_reason`), read with a size cap and a time limit. Anything else gets a reason
and is never opened for reading: a FIFO would block the run forever, a device such as /dev/zero never
ends, and a link out of the folder (`x.txt -> /etc/passwd`) would publish a file nobody put there.
"""

from __future__ import annotations

import os
import re
import stat
import threading
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


_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def safe_name(text: str) -> str:
    """A file name safe as an id, a stored text's name and a log line: `shown`, control characters
    (a newline in a name) written as `\\x0a`, and a leading dot as `\\x2e`, so no id is `.` or `..` nor
    names a hidden file beside the stored texts."""
    text = _CONTROL_CHARS.sub(lambda m: f"\\x{ord(m.group()):02x}", shown(text))
    return "\\x2e" + text[1:] if text.startswith(".") else text


def link_reason(path: Path, follow: str = "inside") -> str | None:
    """Why a symbolic link must not be followed: links are not followed at all (`never`), or this one
    leads out of the folder it is in (`inside`, the default); `always` follows every link."""
    if follow == "always" or not path.is_symlink():
        return None
    if follow == "never":
        return ("a symbolic link: not followed (INFRAFACTS_FOLLOW_LINKS=never); copy the file into the folder, "
                "or allow links inside it with --follow-links inside")
    folder, target = os.path.realpath(path.parent), os.path.realpath(path)
    if os.path.commonpath([folder, target]) == folder:
        return None
    return (f"link out of the raw folder (to {shown(target)}): not followed; copy the file into the folder "
            "if it is an article (or run with --follow-links always)")


def kind_reason(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
    return f"not a regular file: {kind}, never read (only plain files are articles)"


def open_regular(path: Path, follow: str = "inside") -> int | str:
    """A read-only descriptor on `path` if it is a regular file (or a link `follow` allows), else why not."""
    reason = link_reason(path, follow) or kind_reason(os.stat(path).st_mode)
    if reason:
        return reason
    fd = os.open(path, _OPEN_FLAGS | (os.O_NOFOLLOW if follow == "never" else 0))
    reason = kind_reason(os.fstat(fd).st_mode)  # swapped for something else since the check
    if reason:
        os.close(fd)
        return reason
    return fd


def read_capped(fd: int, limit: int, timeout: float | None = None) -> bytes | str:
    """All bytes behind `fd` (which this closes), or why not: more than `limit` of them, or not all of them
    within `timeout` seconds. A regular file can still block a read without end (a stuck network mount, a
    file system served by a hung process): the read then runs in a daemon thread that is left behind
    blocked, holding only its descriptor, and the run goes on (a thread, because a read blocked in the
    kernel cannot be interrupted; a daemon one, so it never holds the process open at exit)."""
    if timeout is None:
        return _read_all(fd, limit)
    result: list[bytes | str] = []
    reader = threading.Thread(target=lambda: result.append(_read_all(fd, limit)), daemon=True,
                              name=f"infrafacts-read-{fd}")
    reader.start()
    reader.join(timeout)
    if not result:
        return (f"read timeout: not read within {timeout:g} s (a stuck network mount or a file that never "
                f"ends?); check the file system, or raise INFRAFACTS_READ_TIMEOUT")
    return result[0]


def _read_all(fd: int, limit: int) -> bytes | str:
    with os.fdopen(fd, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            return f"too large: {size} bytes > {limit} (split the file into articles)"
        data = fh.read(limit + 1)  # the file may grow while it is read
    if len(data) > limit:
        return f"too large: more than {limit} bytes (split the file into articles)"
    return data
