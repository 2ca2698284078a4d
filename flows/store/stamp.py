"""The run stamp: what the last complete run read, so a re-run with nothing changed writes nothing.

After a run writes its tables, `curated/.infrafacts-run.json` records a fingerprint of its inputs
(each file's path and sha256, plus the code version: extractor version and the `flows/` code that
builds the tables), the size and mtime of every file it wrote, and its summary. A later run whose
inputs give the same fingerprint, over tables still exactly as written, has nothing to do: the CLI
checks this before starting Prefect, the flow checks it again after reading the files.

Light on imports on purpose: the CLI reads it on every run, before anything heavy is loaded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

import flows
from flows.curation.summary import RunSummary
from flows.settings import Settings
from flows.sources import article_id_of, discover
from flows.sources.reading import read_bytes, stored_path
from flows.store.atomic import write_atomic
from flows.versioning import extractor_version

STAMP_NAME = ".infrafacts-run.json"


@cache
def tables_code_version() -> str:
    """The extractor version plus a hash of the `flows/` code: any change there may change the tables."""
    root = Path(flows.__file__).parent
    digest = hashlib.sha256(extractor_version().encode())
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def corrections_digest() -> str:
    """The reviewed corrections are an input too: editing them must make the next run work."""
    path = Settings.from_env().corrections
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "no corrections"


def fingerprint(inputs: Iterable[tuple[str, str]]) -> str:
    """One digest of the code version, the corrections file and every input `(path, sha256)`, in any order."""
    digest = hashlib.sha256(tables_code_version().encode())
    digest.update(corrections_digest().encode())
    for path, sha in sorted(inputs):
        digest.update(f"{path}\0{sha}\n".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Scan:
    """The raw folder as a run would read it: each file's path (as `articles.path` holds it), sha256 and size."""

    files: list[tuple[str, str, int]]
    complete: bool  # every file could be read

    def fingerprint(self) -> str | None:
        return fingerprint((path, sha) for path, sha, _ in self.files) if self.complete else None


def scan(raw_dir: Path) -> Scan:
    files, complete = [], True
    for path in discover(raw_dir):
        data = read_bytes(path)
        if isinstance(data, str):
            complete = False  # rejected as unreadable/too large: a real run decides
            continue
        files.append((stored_path(path), hashlib.sha256(data).hexdigest(), len(data)))
    return Scan(files, complete)


def bytes_to_extract(curated_dir: Path, folder: Scan, force: Collection[str] = (), force_all: bool = False) -> int:
    """About how many bytes a run will extract: files new or changed since the stamped run (all of them
    when the extractor version changed or there is no stamp), plus the forced ones."""
    stamp = _read_stamp(curated_dir) or {}
    previous = stamp.get("inputs") or {}
    if force_all or stamp.get("extractor_version") != extractor_version():
        return sum(size for _, _, size in folder.files)
    return sum(size for path, sha, size in folder.files
               if previous.get(path) != sha or article_id_of(Path(path)) in force)


def _file_state(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def write_stamp(
    curated_dir: Path, inputs: Iterable[tuple[str, str]], written: Sequence[Path], summary: RunSummary
) -> Path:
    """Record a complete run; call it only after every table is in place."""
    inputs = list(inputs)
    stamp = {
        "fingerprint": fingerprint(inputs),
        "extractor_version": extractor_version(),
        "inputs": dict(inputs),
        "files": {p.name: _file_state(p) for p in written},
        "summary": asdict(summary),
    }
    return write_atomic(curated_dir / STAMP_NAME, lambda tmp: tmp.write_text(json.dumps(stamp), encoding="utf-8"))


def forget_stamp(curated_dir: Path) -> None:
    """Before tables are rewritten: a crash half-way must never leave a stamp that still matches."""
    (curated_dir / STAMP_NAME).unlink(missing_ok=True)


def _read_stamp(curated_dir: Path) -> dict[str, Any] | None:
    try:
        stamp = json.loads((curated_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def unchanged_summary(curated_dir: Path, inputs_fingerprint: str | None) -> RunSummary | None:
    """The last run's summary, as a skip, when its inputs and code match and its tables are untouched."""
    stamp = _read_stamp(curated_dir)
    if inputs_fingerprint is None or stamp is None or stamp.get("fingerprint") != inputs_fingerprint:
        return None
    files = stamp.get("files") or {}
    if not files or any(_file_state(curated_dir / name) != state for name, state in files.items()):
        return None
    try:
        last = RunSummary(**stamp["summary"])
    except (KeyError, TypeError):
        return None
    return RunSummary(
        processed=last.processed, rejected=last.rejected, facts=last.facts, mentions=last.mentions,
        curated_dir=str(curated_dir), rejections=[tuple(r) for r in last.rejections],  # type: ignore[misc]
        extracted=0, skipped=last.processed, new_facts=dict.fromkeys(last.new_facts, 0), unchanged=True,
        corrections=last.corrections, unmatched_corrections=list(last.unmatched_corrections),  # still true
        known_rejections=last.rejected,
    )

