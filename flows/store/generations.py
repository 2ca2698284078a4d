"""Generations of the curated tables: all the tables of one run are switched in by a single rename.

    curated/
      mentions.parquet  -> .generations/current/mentions.parquet     (stable paths: symlinks, made once)
      infrafacts.duckdb -> .generations/current/infrafacts.duckdb
      .generations/
        current -> 20261130T044012123456Z-4242                        (the one pointer)
        20261130T044012123456Z-4242/   every table + infrafacts.duckdb
        20261129T060001000000Z-977/    the previous generations (the last `KEEP`), for `infrafacts rollback`

A write fills `.generations/<name>.partial/` (every file synced), renames it to `<name>`, then replaces
the `current` symlink with one pointing at it: that rename is the commit. Every stable path resolves
through `current`, so a reader sees the previous set of tables or the new one, never a mix, whenever the
writer is killed; the DuckDB file switches with them. The next write removes what a dead writer left
(its `.partial` folder, its temporary links). A program reading several tables should resolve the
folder once (`current_folder`), as ours do, so a switch between two reads cannot mix them either.

A curated folder written before generations existed (plain files) is adopted first: its files are
hard-linked into a first generation, then each plain file is replaced by its symlink, which reads the
same bytes, so readers see the old tables throughout.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

from flows.store.atomic import fsync_dir, pid_alive, remove_stale_temp_files, temp_beside

GENERATIONS = ".generations"
CURRENT = "current"
PARTIAL = ".partial"
KEEP = 3  # complete generations kept (the current one included)
STABLE_SUFFIXES = (".parquet", ".duckdb")
_NAME = re.compile(r"^\d{8}T\d{12}Z-(?P<pid>\d+)(?P<partial>\.partial)?$")


def generations_dir(curated_dir: Path) -> Path:
    return curated_dir / GENERATIONS


def current_name(curated_dir: Path) -> str | None:
    pointer = generations_dir(curated_dir) / CURRENT
    return os.readlink(pointer) if pointer.is_symlink() else None


def current_folder(curated_dir: Path) -> Path:
    """The folder holding the tables readers should see now (the curated folder itself before any
    generation was written)."""
    name = current_name(curated_dir)
    return generations_dir(curated_dir) / name if name else curated_dir


def list_generations(curated_dir: Path) -> list[str]:
    """Complete generations, oldest first."""
    folder = generations_dir(curated_dir)
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if (m := _NAME.match(p.name)) and not m["partial"] and p.is_dir() and not p.is_symlink())


def _new_name() -> str:
    return f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}-{os.getpid()}"


def begin_generation(curated_dir: Path) -> Path:
    """A fresh, empty `.partial` folder to write a generation into (after adopting plain files and
    removing what dead writers left)."""
    adopt_plain_files(curated_dir)
    remove_dead_partials(curated_dir)
    partial = generations_dir(curated_dir) / f"{_new_name()}{PARTIAL}"
    partial.mkdir(parents=True)
    return partial


def commit_generation(curated_dir: Path, partial: Path, keep: int = KEEP) -> str:
    """Make the filled `partial` folder the current generation (files must be synced already)."""
    fsync_dir(partial)
    name = partial.name.removesuffix(PARTIAL)
    os.rename(partial, partial.with_name(name))
    fsync_dir(partial.parent)
    switch_to(curated_dir, name)
    prune(curated_dir, keep)
    return name


def switch_to(curated_dir: Path, name: str) -> None:
    """Point `current` at generation `name` (one atomic rename), then make sure every stable path exists."""
    pointer = generations_dir(curated_dir) / CURRENT
    link = temp_beside(pointer)
    os.symlink(name, link)
    os.replace(link, pointer)
    fsync_dir(pointer.parent)
    link_stable_paths(curated_dir)


def _stable_target(file_name: str) -> str:
    return f"{GENERATIONS}/{CURRENT}/{file_name}"


def link_stable_paths(curated_dir: Path) -> None:
    """`curated/<file>` -> `.generations/current/<file>` for every file of the current generation, and no
    link left to a file the current generation no longer has."""
    files = {p.name for p in current_folder(curated_dir).iterdir() if p.name.endswith(STABLE_SUFFIXES)}
    for file_name in sorted(files):
        stable = curated_dir / file_name
        if stable.is_symlink() and os.readlink(stable) == _stable_target(file_name):
            continue
        link = temp_beside(stable)
        os.symlink(_stable_target(file_name), link)
        os.replace(link, stable)  # over a plain file of an adopted folder, or a stray link
    for stable in curated_dir.iterdir():
        if stable.is_symlink() and stable.name not in files and os.readlink(stable) == _stable_target(stable.name):
            stable.unlink()
    fsync_dir(curated_dir)


def _plain_files(curated_dir: Path) -> list[Path]:
    return sorted(p for p in curated_dir.iterdir()
                  if p.name.endswith(STABLE_SUFFIXES) and not p.name.startswith(".") and p.is_file()
                  and not p.is_symlink())


def adopt_plain_files(curated_dir: Path) -> None:
    """Turn a curated folder of plain files (written before generations) into its first generation."""
    plain = _plain_files(curated_dir)
    if current_name(curated_dir) is not None or not plain:
        if plain:
            link_stable_paths(curated_dir)  # a kill during a previous adoption left some plain files
        return
    remove_dead_partials(curated_dir)
    partial = generations_dir(curated_dir) / f"{_new_name()}{PARTIAL}"
    partial.mkdir(parents=True)
    for path in plain:
        try:
            os.link(path, partial / path.name)
        except OSError:  # a file system without hard links
            shutil.copy2(path, partial / path.name)
    commit_generation(curated_dir, partial)


def remove_dead_partials(curated_dir: Path) -> list[Path]:
    """Remove the `.partial` folders and temporary pointers of writers that are gone (a killed run)."""
    folder = generations_dir(curated_dir)
    if not folder.is_dir():
        return []
    remove_stale_temp_files(folder)
    dead = [p for p in folder.iterdir()
            if (m := _NAME.match(p.name)) and m["partial"] and int(m["pid"]) != os.getpid()
            and not pid_alive(int(m["pid"]))]
    for path in dead:
        shutil.rmtree(path, ignore_errors=True)
    return dead


def prune(curated_dir: Path, keep: int = KEEP) -> list[str]:
    """Remove complete generations beyond the newest `keep` (never the current one)."""
    current = current_name(curated_dir)
    old = [name for name in list_generations(curated_dir)[:-keep] if name != current] if keep > 0 else []
    for name in old:
        shutil.rmtree(generations_dir(curated_dir) / name, ignore_errors=True)
    return old


def rollback(curated_dir: Path, name: str | None = None) -> str:
    """Make generation `name` (default: the one before the current one) current again."""
    names = list_generations(curated_dir)
    current = current_name(curated_dir)
    if name is None:
        older = [n for n in names if current is None or n < current]
        if not older:
            raise ValueError(f"{curated_dir}: no generation older than the current one ({current}) to go back to")
        name = older[-1]
    if name not in names:
        raise ValueError(f"{curated_dir}: no generation {name!r}; kept: {', '.join(names) or 'none'}")
    switch_to(curated_dir, name)
    return name
