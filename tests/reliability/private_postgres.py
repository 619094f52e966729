"""A PostgreSQL cluster of one test's own, which the test may stop, crash and restart.

The machine's PostgreSQL is shared by other test runs, so a fault is never played on it: the test
makes a throw-away cluster with Debian's ``initdb`` and ``pg_ctl`` (``/usr/lib/postgresql/<version>/bin``)
in a temporary directory, on a free port of 127.0.0.1, and copies the test database into it with
``pg_dump`` / ``pg_restore``. PostgreSQL refuses to run as root, so when the tests run as root the
cluster belongs to the ``postgres`` user and every command runs through ``runuser``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.browser.conftest import free_port

START_SECONDS = 60


def _bin_dir() -> Path:
    """The newest installed server's binaries (Debian keeps them out of $PATH)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    if not candidates:
        raise RuntimeError("no PostgreSQL server binaries in /usr/lib/postgresql (apt-get install postgresql)")
    return candidates[-1].parent


class PrivateCluster:
    """A cluster in a temporary directory; :meth:`destroy` stops it and removes every file, whatever happened."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self.directory = Path(tempfile.mkdtemp(prefix="zoneportal-pg-"))
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        if os.geteuid() == 0:
            account = pwd.getpwnam(self.user)
            os.chown(self.directory, account.pw_uid, account.pw_gid)

    def url(self, database: str) -> str:
        """A ``DATABASE_URL`` for ``database`` on this cluster (no password: trust on 127.0.0.1)."""
        return f"postgres://{self.user}@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", self.user, "--"] if os.geteuid() == 0 else []
        return subprocess.run(
            [*prefix, *command], capture_output=True, text=True, timeout=START_SECONDS, check=check, cwd=self.directory
        )

    def create(self) -> None:
        """initdb (UTF-8, C.UTF-8 collation as .ci/run's template) and start."""
        self._run(
            str(self.bin / "initdb"),
            "-D", str(self.data),
            "-A", "trust",
            "-E", "UTF8",
            "--locale", "C.UTF-8",
            "--no-sync",
        )  # fmt: skip
        # Speed, not durability, matters for a throw-away cluster: fsync off loses nothing when only the
        # server process dies (its WAL is in the kernel's page cache); the socket in the cluster's directory.
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{self.directory}'\n"
                "fsync = off\nfull_page_writes = off\nmax_connections = 40\n"
            )
        self.start()

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: ``fast`` (clients disconnected, a clean shutdown) or ``immediate`` (a crash)."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "status", check=False).returncode == 0

    def copy_database(self, source_url: str, name: str) -> str:
        """Copy the database at ``source_url`` (schema and rows) into a new database ``name`` here; its URL."""
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-T", "template0", name)
        dump = subprocess.run(
            [str(self.bin / "pg_dump"), "--no-owner", "--no-privileges", "-Fc", "-d", source_url],
            capture_output=True,
            timeout=START_SECONDS,
            check=True,
        )
        subprocess.run(
            [str(self.bin / "pg_restore"), "--no-owner", "--no-privileges", "-d", self.url(name)],
            input=dump.stdout,
            capture_output=True,
            timeout=START_SECONDS,
            check=True,
        )
        return self.url(name)

    def wait_until_accepting(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            ready = subprocess.run(
                [str(self.bin / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)], check=False
            )
            if ready.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError(f"the private PostgreSQL did not come back:\n{self.log.read_text()[-2000:]}")

    def destroy(self) -> None:
        """Stop the server (immediately: nothing in it is kept) and remove its directory."""
        if self.data.exists() and self.running():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.directory, ignore_errors=True)
