"""The extractor version: changes whenever extractor code or rule data changes."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources


@cache
def extractor_version() -> str:
    """`<package version>+<hash of extractors/*.py and extractors/data/*>`."""
    digest = hashlib.sha256()
    root = resources.files("extractors")
    files = [p for p in root.iterdir() if p.name.endswith(".py")]
    data = root / "data"
    if data.is_dir():
        files += [p for p in data.iterdir() if p.is_file()]
    for path in sorted(files, key=lambda p: p.name):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{metadata.version('infrafacts')}+{digest.hexdigest()[:12]}"
