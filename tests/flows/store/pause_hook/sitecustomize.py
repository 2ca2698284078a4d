"""Loaded by a child Python process whose PYTHONPATH starts with this folder (crash tests only).

With INFRAFACTS_TEST_PAUSE_AT=<point>:<file>, the process creates <file> and sleeps, until killed or until
<file>.resume appears, when it reaches <point> of writing the curated tables:
- `after_first_table`: right after the first Parquet table was written;
- `before_switch`: just before the `current` generation pointer is replaced;
- `step=N`: just before its N-th file-system change (write, rename, link, removal) to a path under a
  folder named `curated`;
- `count`: never pauses; at exit, writes into <file> how many such changes it made.
Production code knows nothing of this: the hook wraps the library calls the writer makes.
"""

from __future__ import annotations

import atexit
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

_point, _, _signal_file = os.environ.get("INFRAFACTS_TEST_PAUSE_AT", "").partition(":")
_steps = 0


def _pause() -> None:
    Path(_signal_file).write_text(str(os.getpid()), encoding="utf-8")
    while not Path(f"{_signal_file}.resume").exists():
        time.sleep(0.2)


def _in_curated(*args: object) -> bool:
    return any("curated" in Path(str(a)).parts for a in args if isinstance(a, (str, os.PathLike)))


def _counted(real: Callable[..., Any], paths: int) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        global _steps
        if _in_curated(*args[:paths]):
            _steps += 1
            if _point == f"step={_steps}":
                _pause()
        return real(*args, **kwargs)

    return wrapper


if _point == "before_switch":
    _replace = os.replace

    def _replace_then_pause(src: object, dst: object, *args: object, **kwargs: object) -> None:
        if Path(str(dst)).name == "current":
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
elif _point == "count" or _point.startswith("step="):
    import pandas as pd

    for _name in ("replace", "rename", "symlink", "link", "unlink", "mkdir", "rmdir"):
        setattr(os, _name, _counted(getattr(os, _name), 2))
    shutil.rmtree = _counted(shutil.rmtree, 1)  # type: ignore[assignment]
    _real_to_parquet = pd.DataFrame.to_parquet
    pd.DataFrame.to_parquet = lambda self, path, *a, **k: _counted(  # type: ignore[method-assign]
        lambda p: _real_to_parquet(self, p, *a, **k), 1)(path)
    if _point == "count":
        atexit.register(lambda: Path(_signal_file).write_text(str(_steps), encoding="utf-8"))
