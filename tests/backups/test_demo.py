"""The whole demo zone backed up with ``manage.py backup`` and restored into another installation.

The demo is the browser tests' (loaded in the background when they run too) or, when they are not
collected, one loaded here into a throw-away data directory — on PostgreSQL a fresh database — and
removed afterwards. Both installations are separate processes; the test compares them directly.
"""

from __future__ import annotations

import pytest

from tests.backups.targets import Installation, ran, tree
from tests.browser import conftest as browser
from tests.browser.conftest import DemoData

ATTACHMENT = "letters/2026/12/LF20261001-0001 附件.pdf"


@pytest.fixture(scope="module")
def demo():
    shared = browser._demo_data  # the browser tests' demo, when they run in this session
    data = shared or DemoData()
    data.wait()
    yield Installation(data.var_dir, data.env, data.database)
    if shared is None:
        data.remove()


@pytest.fixture
def target():
    installation = Installation.empty()
    yield installation
    installation.remove()


def test_the_demo_restored_elsewhere_has_every_row_and_file(demo, target, tmp_path):
    # The demo has no staff-only files of its own; a letter's attachment stands for them.
    (demo.private / ATTACHMENT).parent.mkdir(parents=True, exist_ok=True)
    (demo.private / ATTACHMENT).write_bytes(b"%PDF-1.4\n" + "来信人身份证复印件".encode() * 100)

    backup = demo.manage("backup", "--dir", str(tmp_path))
    assert backup.returncode == 0, ran(backup)
    [archive] = tmp_path.glob("zoneportal-*.tar.gz")

    restored = target.manage("restore", str(archive))
    assert restored.returncode == 0, ran(restored)
    assert "行数与备份一致" in restored.stdout

    source_state, restored_state = demo.state(), target.state()
    assert restored_state == source_state
    assert source_state.row_counts["wagtailcore_page"] >= 60
    assert source_state.row_counts["letters_letter"] > 0
    assert tree(target.media) == tree(demo.media)
    assert len(tree(target.media)) >= 30
    assert tree(target.private) == tree(demo.private)
    assert ATTACHMENT in tree(target.private)

    # The restored installation serves the zone.
    page = target.manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.test import Client; r = Client().get('/', HTTP_HOST='localhost'); "
        "print(r.status_code); print(r.content.decode())",
    )
    assert page.returncode == 0, ran(page)
    status, html = page.stdout.split("\n", 1)
    assert status == "200"
    assert "来凤经济开发区" in html
