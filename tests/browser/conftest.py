"""A real server with the demo zone, and headless Chromium to drive it.

The server runs in its own process with its own data directory (and, on
PostgreSQL, its own fresh database), so nothing here touches the pytest test
database. The demo is loaded in the background from the start of the run;
the server is started once for the browser tests and always stopped, and its
data is removed at the end of the session.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser_gate import BROWSER_PACKAGES, CHROMIUM

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = BASE_DIR / "test-results" / "browser"
SERVER_START_SECONDS = 60
PREPARE_SECONDS = 540  # under pytest-timeout's 600 s, so the loader's own log is what a slow run reports


def require_chromium() -> None:
    """Fail (never skip) when Chromium is missing; tests/browser_gate.py normally stops the run before."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: apt-get install -y {BROWSER_PACKAGES}", pytrace=False)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    """The running portal: its address and the environment its commands use."""

    url: str
    env: dict[str, str]

    def manage(self, *args: str, timeout: int = 600) -> str:
        """Run a manage.py command against the server's own database; returns its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result.stdout

    def query(self, code: str) -> str:
        """Evaluate a Python snippet in the server's Django (to look up ids); returns what it prints."""
        return self.manage("shell", "--no-imports", "-c", code).strip()


class PostgresDatabase:
    """A fresh UTF-8 database beside the one DATABASE_URL names, dropped afterwards."""

    def __init__(self, url: str, prefix: str = "zoneportal_browser") -> None:
        import dj_database_url

        self.config = dj_database_url.parse(url)
        self.name = f"{prefix}_{uuid.uuid4().hex[:8]}"
        self.url = url.rsplit("/", 1)[0] + "/" + self.name

    def _execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            dbname="postgres",
            user=self.config["USER"] or None,
            password=self.config["PASSWORD"] or None,
            host=self.config["HOST"] or None,
            port=self.config["PORT"] or None,
            autocommit=True,
        ) as connection:
            connection.execute(sql)

    def create(self) -> None:
        self._execute(
            f"CREATE DATABASE {self.name} TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
        )

    def drop(self) -> None:
        self._execute(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


def wait_until_answering(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server did not answer within {SERVER_START_SECONDS}s:\n{log.read_text()[-3000:]}")


def server_environment(var_dir: Path) -> dict[str, str]:
    """The environment of the server's commands: this one, minus what only the test run means."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_SETTINGS"))}
    env.update(ZONEPORTAL_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="zoneportal.settings", PYTHONUNBUFFERED="1")
    for setting in ("DEBUG", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", "ZONEPORTAL_TEST_DB"):
        env.pop(setting, None)
    return env


class DemoData:
    """A data directory (and on PostgreSQL a fresh database) with the demo zone loaded.

    ``migrate`` and ``load_demo`` take a minute; they run in a background
    process started as soon as collection shows browser tests, so the other
    tests run meanwhile on the other core.
    """

    def __init__(self) -> None:
        self.var_dir = Path(tempfile.mkdtemp(prefix="zoneportal-browser-"))
        self.env = server_environment(self.var_dir)
        self.database = None
        if self.env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
            self.database = PostgresDatabase(self.env["DATABASE_URL"])
            self.env["DATABASE_URL"] = self.database.url
        self.log = self.var_dir / "prepare.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        if self.database is not None:
            self.database.create()
        python = shlex.quote(sys.executable)
        with self.log.open("w") as log_file:
            self.process = subprocess.Popen(
                ["/bin/sh", "-c", f"{python} manage.py migrate --noinput && {python} manage.py load_demo"],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )

    def wait(self) -> None:
        """Block until the demo is loaded; fail with the commands' output if they failed."""
        if self.process is None:
            self.start()
        returncode = self.process.wait(timeout=PREPARE_SECONDS)
        if returncode != 0:
            raise RuntimeError(f"migrate/load_demo failed ({returncode}):\n{self.log.read_text()[-4000:]}")

    def remove(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        if self.database is not None:
            self.database.drop()
        shutil.rmtree(self.var_dir, ignore_errors=True)


_demo_data: DemoData | None = None


def pytest_collection_finish(session) -> None:
    """Start loading the demo for the browser tests while the other tests run."""
    global _demo_data
    browser_dir = Path(__file__).parent
    wanted = any(Path(str(item.path)).is_relative_to(browser_dir) for item in session.items)
    if wanted and CHROMIUM.exists() and not session.config.option.collectonly and _demo_data is None:
        _demo_data = DemoData()
        _demo_data.start()


def pytest_sessionfinish(session, exitstatus) -> None:
    """Always remove the server's data directory and database."""
    global _demo_data
    if _demo_data is not None:
        _demo_data.remove()
        _demo_data = None


@pytest.fixture(scope="session")
def portal_server() -> Iterator[LiveServer]:
    """The demo zone served by ``runserver`` on a free port of 127.0.0.1, from its own data."""
    global _demo_data
    require_chromium()
    if _demo_data is None:
        _demo_data = DemoData()
    _demo_data.wait()
    port = free_port()
    server = LiveServer(url=f"http://127.0.0.1:{port}", env=_demo_data.env)
    log = _demo_data.var_dir / "server.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=BASE_DIR,
            env=_demo_data.env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_answering(server.url + "/", process, log)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="package")
def browser(portal_server):
    """Headless Debian Chromium through Playwright (stopped after the browser tests)."""
    from playwright.sync_api import expect, sync_playwright

    # The 2-core CI machine runs the server and Chromium side by side: be patient.
    expect.set_options(timeout=20_000)

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def leaves_the_intranet(url: str) -> bool:
    """Whether a browser request goes anywhere but this machine (a CDN, web fonts, gravatar.com …)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    host = parts.hostname or ""
    return host not in ("127.0.0.1", "localhost") and not host.endswith(".localhost")


# Every page reports what the Content-Security-Policy refused (an inline script or style left in a template,
# a source not allowed): the event, then a console error of Chromium's in case a frame's listener was missed.
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__zpCspViolation(`${event.effectiveDirective} refused ${event.blockedURI || "inline"} on ${event.documentURI}`
    + (event.sample ? `: ${event.sample}` : ""));
});
"""


def watch_csp_violations(context) -> list[str]:
    """Collect every CSP violation in ``context``'s pages and frames; the list fills as pages run."""
    violations: list[str] = []
    context.expose_binding("__zpCspViolation", lambda source, text: violations.append(text))
    context.add_init_script(_REPORT_CSP_VIOLATIONS)

    def console(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append(message.text)

    context.on("console", console)
    return violations


@pytest.fixture
def new_page(browser, request):
    """Open pages in fresh browser contexts (one per visitor); a screenshot of each is kept on failure.

    Every request the pages make is watched: a government intranet has no
    internet, so anything fetched from outside fails the test. So does anything
    the Content-Security-Policy refuses.
    """
    contexts = []
    outside: list[str] = []
    violations: list[str] = []

    def open_page(viewport: dict | None = None):
        context = browser.new_context(locale="zh-CN", viewport=viewport or {"width": 1280, "height": 900})
        context.set_default_timeout(20_000)
        context.on("request", lambda req: outside.append(req.url) if leaves_the_intranet(req.url) else None)
        context_violations = watch_csp_violations(context)
        contexts.append((context, context_violations))
        return context.new_page()

    yield open_page
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for index, (context, context_violations) in enumerate(contexts):
        if failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            for number, page in enumerate(context.pages):
                page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{index}-{number}.png"), full_page=True)
        context.close()
        violations.extend(context_violations)
    assert not outside, f"pages fetched from outside this machine: {sorted(set(outside))[:5]}"
    assert not violations, f"Content-Security-Policy violations: {list(dict.fromkeys(violations))[:5]}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome on the test item, for the screenshot on failure."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
