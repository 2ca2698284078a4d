"""The extractor version: changes whenever extractor code or rule data changes, or the input readers
(`flows/sources/`: what text is built from a file and which of its ranges are boilerplate shape the mentions
too)."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

import extractors
import flows.sources


@cache
def extractor_version() -> str:
    """`<package version>+<hash of extractors/*.py, extractors/data/* and flows/sources/*.py>`."""
    root = Path(extractors.__file__).parent
    files = sorted([*root.glob("*.py"), *(p for p in (root / "data").glob("*") if p.is_file())])
    sources = Path(flows.sources.__file__).parent
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    for path in sorted(sources.glob("*.py")):
        digest.update(f"sources/{path.name}".encode())
        digest.update(path.read_bytes())
    return f"{metadata.version('infrafacts')}+{digest.hexdigest()[:12]}"
