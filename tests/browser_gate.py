"""The browser tests run, or the run says plainly why not: they never pass by skipping.

When the collected tests include browser tests and Debian's Chromium or the CJK
fonts are missing, the run stops at collection with one line naming the Debian
packages to install. ``SKIP_BROWSER_TESTS=1`` is the one way to leave them out;
the terminal summary then says how many were left out.

``tests/conftest.py`` imports these hooks, so they see every collected test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: Debian's Chromium; ZONEPORTAL_CHROMIUM names another binary (the gate's own test points it nowhere).
CHROMIUM = Path(os.environ.get("ZONEPORTAL_CHROMIUM", "/usr/bin/chromium"))
#: Any of these is the Noto CJK fonts of Debian's fonts-noto-cjk (Chinese glyphs in screenshots and layout).
CJK_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
)
BROWSER_PACKAGES = "chromium chromium-driver fonts-noto-cjk"
SKIP_VARIABLE = "SKIP_BROWSER_TESTS"

_left_out_key = pytest.StashKey[int]()


def skip_requested() -> bool:
    """Whether the environment asks to leave the browser tests out (``SKIP_BROWSER_TESTS=1``)."""
    return os.environ.get(SKIP_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def missing_browser_parts() -> list[str]:
    """What of Chromium and the CJK fonts is not installed (empty when the browser tests can run)."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(str(CHROMIUM))
    if not any(font.exists() for font in CJK_FONTS):
        missing.append("the Noto CJK fonts")
    return missing


def is_browser_test(item: pytest.Item) -> bool:
    return item.get_closest_marker("browser") is not None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the browser tests out when asked to; stop the run when they cannot run.

    ``trylast``: ``-m "not browser"`` and ``-k`` have already deselected what they
    deselect, so only browser tests that would really run count.
    """
    browser_tests = [item for item in items if is_browser_test(item)]
    if not browser_tests:
        return
    if skip_requested():
        items[:] = [item for item in items if not is_browser_test(item)]
        config.hook.pytest_deselected(items=browser_tests)
        config.stash[_left_out_key] = len(browser_tests)
        return
    missing = missing_browser_parts()
    if missing:
        raise pytest.UsageError(
            f"{len(browser_tests)} browser tests need {' and '.join(missing)}: "
            f"apt-get install -y {BROWSER_PACKAGES} (or set {SKIP_VARIABLE}=1 to leave them out)"
        )


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Say how many browser tests ``SKIP_BROWSER_TESTS=1`` left out."""
    left_out = config.stash.get(_left_out_key, 0)
    if left_out:
        terminalreporter.write_line(f"{left_out} browser tests left out ({SKIP_VARIABLE}=1)", yellow=True, bold=True)
