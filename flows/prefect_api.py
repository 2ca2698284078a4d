"""The run's temporary Prefect API server, launched before anything else is loaded and waited for last.

Prefect starts the same server itself when a flow runs with no API configured (`SubprocessASGIServer`),
but only once the flow is called, and only after importing the whole server package in the calling process
(~3 s of CPU, for one `Popen`). `infrafacts run` instead launches it first, with the same command line and
environment, so its ~4 s boot overlaps the CLI's imports, the planning reads and the worker processes
loading their pipelines; the flow and the workers are given its URL (`PREFECT_API_URL`), and the flow
waits for it only when it starts. Stopped at exit, also when the run fails or is interrupted (SIGTERM
and SIGHUP unwind, see `cli.py`), after Prefect's log and event threads have drained into it.
The command line is Prefect's own, so `flows/orphans.py` recognises the server of a killed run.
"""

from __future__ import annotations

import atexit
import os
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

API_URL_ENV = "PREFECT_API_URL"
PORTS = range(8000, 9000)  # Prefect's range for its temporary server
PORT_IN_USE = 3  # uvicorn's exit status when its port was taken between our check and its bind
STOP_GRACE_SECONDS = 5.0  # as Prefect: a graceful stop, then a kill


class ApiStartError(RuntimeError):
    pass


def free_port(tries: int = 20) -> int:
    for _ in range(tries):
        port = random.choice(PORTS)
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise ApiStartError(f"no free port for Prefect's temporary server in {PORTS.start}-{PORTS.stop - 1}")


class TemporaryApi:
    """One temporary Prefect API server: `launch` returns at once, `wait_ready` blocks until it answers."""

    def __init__(self) -> None:
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def launch(self) -> TemporaryApi:
        import prefect
        from prefect.logging import get_logger
        from prefect.settings import get_current_settings

        self.port = free_port()
        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
            **get_current_settings().to_environment_variables(exclude_unset=True),
        }
        app_dir = str(Path(prefect.__file__).parent.parent)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", app_dir, "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=env,
            # Out of the run's process group: a Ctrl-C in the terminal interrupts the run, which then
            # records its crash in this API and stops it on the way out (`stop`, at exit).
            start_new_session=True,
        )
        get_logger().info("Starting temporary server on http://127.0.0.1:%d", self.port)
        return self

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            status = self.process.poll()
            if status == PORT_IN_USE:
                self.launch()
                continue
            if status is not None:
                raise ApiStartError(f"Prefect's temporary server exited with status {status} while starting "
                                    "(its messages are above)")
            if _healthy(f"{self.url}/health"):
                return
            time.sleep(0.1)
        raise ApiStartError(f"Prefect's temporary server did not answer within {timeout:g} s "
                            "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")

    def stop(self) -> None:
        if self.process is None:
            return
        from prefect.logging import get_logger

        get_logger().info("Stopping temporary server on http://127.0.0.1:%d", self.port)
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


_LAUNCHED: dict[str, TemporaryApi] = {}


def run_api() -> TemporaryApi | None:
    """This process's temporary server for the current PREFECT_HOME, launched on first use and stopped at
    exit (after Prefect has sent its last logs and events), as Prefect's own; None when Prefect is given
    an API (PREFECT_API_URL) or may not start one (PREFECT_SERVER_EPHEMERAL_ENABLED=false)."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED, get_current_settings

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return None
    home = str(get_current_settings().home)
    api = _LAUNCHED.get(home)
    if api is None or api.process is None or api.process.poll() is not None:
        api = _LAUNCHED[home] = TemporaryApi().launch()
        atexit.register(api.stop)
    return api


@contextmanager
def api_in_use(api: TemporaryApi | None) -> Iterator[None]:
    """Wait until `api` answers, and point Prefect's client at it (the flow here, and through the task
    context the worker processes: without it each would start a server of its own)."""
    if api is None:
        yield
        return
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    api.wait_ready(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
    with temporary_settings(updates={PREFECT_API_URL: api.url}), _process_wide(API_URL_ENV, api.url):
        yield


@contextmanager
def _process_wide(name: str, value: str) -> Iterator[None]:
    """The setting for the threads Prefect starts too: they do not inherit the settings context and read
    Prefect's process-wide settings, built from the environment (else the process pool's message thread
    starts a second temporary server)."""
    from prefect.context import refresh_global_settings_context

    before = os.environ.get(name)
    os.environ[name] = value
    refresh_global_settings_context()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before
        refresh_global_settings_context()
