"""A redis-server of one test's own, which the test may stop and start again on the same port.

The machine's Redis on 6379 is shared by other test runs (tests/redis_server.py), so a test that stops
Redis starts its own: ``redis-server`` on a free port of 127.0.0.1, with ``appendonly yes`` as
docs/deployment.md configures it, so a restart brings back what it held — sessions, and also the page
cache's generation and pages from before the outage, the harder case for the page cache.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from tests.browser.conftest import free_port

REDIS_SERVER = "/usr/bin/redis-server"
START_SECONDS = 20


class PrivateRedis:
    """``start()``, ``stop()``, ``start()`` again; :meth:`destroy` stops it and removes its directory."""

    def __init__(self) -> None:
        if not Path(REDIS_SERVER).exists():
            raise RuntimeError(f"{REDIS_SERVER} not found: apt-get install redis-server (.ci/test-deps installs it)")
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="zoneportal-redis-"))
        self.process: subprocess.Popen | None = None

    def url(self, database: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        """Start the server and wait until it answers PING."""
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes"]
        command += ["--dir", str(self.directory), "--logfile", str(self.directory / "redis.log")]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not answer on port {self.port}")

    def stop(self) -> None:
        """Stop the server (SIGTERM: it writes its append-only file) and wait until nothing answers on its port."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=START_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=START_SECONDS)
        self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)
