"""The extractor version: changes whenever extractor code or rule data changes."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

import extractors


@cache
def extractor_version() -> str:
    """`<package version>+<hash of extractors/*.py and extractors/data/*>`."""
    root = Path(extractors.__file__).parent
    files = sorted([*root.glob("*.py"), *(p for p in (root / "data").glob("*") if p.is_file())])
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{metadata.version('infrafacts')}+{digest.hexdigest()[:12]}"
