"""The browser-test gate (tests/browser_gate.py): browser tests run, or the run says why not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]


def collect(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Collect (not run) tests in a separate pytest, with ``env`` added to this environment."""
    environment = {key: value for key, value in os.environ.items() if key not in ("SKIP_BROWSER_TESTS", "CI")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_missing_chromium_stops_the_run_with_one_line_naming_the_packages():
    result = collect("tests/browser/test_public.py", ZONEPORTAL_CHROMIUM="/nonexistent/chromium")
    assert result.returncode == 4  # pytest's usage error: nothing ran, nothing passed
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR: 5 browser tests need /nonexistent/chromium: apt-get install -y chromium chromium-driver "
        "fonts-noto-cjk (or set SKIP_BROWSER_TESTS=1 to leave them out)"
    ]


def test_missing_chromium_does_not_matter_when_no_browser_test_is_chosen():
    result = collect("tests/browser/test_public.py", "-m", "not browser", ZONEPORTAL_CHROMIUM="/nonexistent/chromium")
    assert result.returncode == 5, result.stdout + result.stderr  # all deselected: no tests, no error
    assert "ERROR" not in result.stderr


def test_skip_browser_tests_leaves_them_out_and_says_how_many():
    result = collect(
        "tests/browser/test_public.py",
        "tests/test_browser_gate.py",
        SKIP_BROWSER_TESTS="1",
        ZONEPORTAL_CHROMIUM="/nonexistent/chromium",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 browser tests left out (SKIP_BROWSER_TESTS=1)" in result.stdout
    assert "tests/browser/test_public.py" not in result.stdout
    assert "tests/test_browser_gate.py::test_skip_browser_tests_leaves_them_out_and_says_how_many" in result.stdout
