"""Writing the report site: every file into a fresh folder beside the target, synced, then swapped in.

The swap is two renames (old folder aside, new folder in), so a reader sees the old site or the new one;
for that instant between the renames the folder is absent. Folders left by a writer that died are removed
by the next write. Read the curated tables for it under the curated folder's lock (`lock.py`).
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from flows.store.atomic import fsync_dir, fsync_file, pid_alive

_SUFFIXES = (".building", ".old")
SYNC_THREADS = 4


def _sibling(target: Path, suffix: str) -> Path:
    return target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{suffix}"


def _pid_of(path: Path) -> int | None:
    parts = path.name.rsplit(".", 3)
    return int(parts[1]) if len(parts) == 4 and parts[1].isdigit() else None


def _dead(pid: int | None) -> bool:
    return pid is not None and pid != os.getpid() and not pid_alive(pid)


def remove_leftovers(target: Path) -> list[Path]:
    """Folders of earlier writes to `target` whose writer is gone."""
    gone = [p for suffix in _SUFFIXES for p in target.parent.glob(f".{target.name}.*{suffix}") if _dead(_pid_of(p))]
    for path in gone:
        shutil.rmtree(path, ignore_errors=True)
    return gone


def write_files(files: Mapping[str, str] | Iterable[tuple[str, str]], folder: Path) -> None:
    """Write `files` (relative path -> text) under `folder`, each synced before this returns. They are synced
    by a few threads while the next ones are rendered (fsync waits on the disk, not the CPU)."""
    with ThreadPoolExecutor(max_workers=SYNC_THREADS) as syncing:
        synced = []
        for relative, text in files.items() if isinstance(files, Mapping) else files:
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            synced.append(syncing.submit(fsync_file, path))
        for done in synced:
            done.result()


def write_site(files: Mapping[str, str] | Iterable[tuple[str, str]], target: Path,
               alongside: Callable[[Path], AbstractContextManager[object]] | None = None) -> Path:
    """Write `files` (relative path -> text, or such pairs produced one at a time) as the folder `target`,
    replacing the previous one whole. `alongside(folder)`, when given, is entered while `files` are written:
    it writes more files (each synced) into the folder being built, e.g. in other processes, and its exit
    waits for them (or stops them when writing `files` failed); the swap comes after."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    building = _sibling(target, ".building")
    try:
        building.mkdir()
        with alongside(building) if alongside else nullcontext():
            write_files(files, building)
        old = _sibling(target, ".old")
        if target.exists():
            os.replace(target, old)
        os.replace(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    fsync_dir(target.parent)
    shutil.rmtree(old, ignore_errors=True)
    return target
