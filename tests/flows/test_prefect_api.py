"""The run's temporary Prefect API: launched at once, used by every thread once it answers, stopped at exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.prefect_api import run_api

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.integration

# In a fresh interpreter with no API configured: what the main thread and a new thread see before, inside and
# after `api_in_use`, and whether the server process is gone once the interpreter has exited.
_SCRIPT = """
import json, os, sys, threading
from flows.settings import apply_prefect_defaults; apply_prefect_defaults()
from flows.prefect_api import api_in_use, run_api
from prefect.settings import get_current_settings

def seen():
    out = {}
    thread = threading.Thread(target=lambda: out.update(url=get_current_settings().api.url))
    thread.start(); thread.join()
    return {"main": get_current_settings().api.url, "thread": out["url"], "env": os.environ.get("PREFECT_API_URL")}

api = run_api()
before = seen()
with api_in_use(api):
    inside = seen()
after = seen()
print(json.dumps({"url": api.url, "pid": api.process.pid, "same": run_api() is api,
                  "before": before, "inside": inside, "after": after}))
"""


def test_threads_use_the_launched_api_while_the_run_uses_it_and_it_stops_at_exit(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    unset = {"main": None, "thread": None, "env": None}
    assert seen["before"] == unset and seen["after"] == unset
    assert seen["inside"] == {"main": seen["url"], "thread": seen["url"], "env": seen["url"]}
    assert seen["same"]  # one server per process and PREFECT_HOME
    assert not Path(f"/proc/{seen['pid']}").exists() or "Z" in Path(f"/proc/{seen['pid']}/stat").read_text()


def test_a_configured_api_is_used_as_it_is(prefect_harness: None) -> None:
    assert run_api() is None  # the harness sets PREFECT_API_URL
