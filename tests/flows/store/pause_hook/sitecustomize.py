"""Loaded by a child Python process whose PYTHONPATH starts with this folder (crash tests only).

With INFRAFACTS_TEST_PAUSE_AT=<point>:<file>, the process creates <file> and sleeps until killed when it
reaches <point> of writing the curated tables:
- `after_first_table`: right after the first Parquet table was written (beside its target);
- `before_rename`: when the first written file is about to be renamed into place.
Production code knows nothing of this: the hook wraps the library calls the writer makes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

_point, _, _signal_file = os.environ.get("INFRAFACTS_TEST_PAUSE_AT", "").partition(":")


def _pause() -> None:
    Path(_signal_file).write_text(str(os.getpid()), encoding="utf-8")
    while True:
        time.sleep(60)


def _curated_file(path: object) -> bool:
    return str(path).endswith((".parquet", ".duckdb"))


if _point == "before_rename":
    _replace = os.replace

    def _replace_then_pause(src: object, dst: object, *args: object, **kwargs: object) -> None:
        if _curated_file(dst):
            _pause()
        _replace(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    os.replace = _replace_then_pause  # type: ignore[assignment]
elif _point == "after_first_table":
    import pandas as pd

    _to_parquet = pd.DataFrame.to_parquet

    def _to_parquet_then_pause(self: pd.DataFrame, path: object, *args: object, **kwargs: object) -> object:
        result = _to_parquet(self, path, *args, **kwargs)  # type: ignore[arg-type]
        _pause()
        return result

    pd.DataFrame.to_parquet = _to_parquet_then_pause  # type: ignore[method-assign]
