"""索引号: the configurable rule, serials per category and year, and four processes reserving at once never share one.

Transactional, so that the category is committed and the other processes see it (``tests/letters/processes.py``
hands the test database to them). The flush after each test empties only this app's tables; the ten default
categories of migration 0002 are put back once the module is done.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from datetime import date

import pytest

from tests.letters.processes import BASE_DIR, process_environment, share_database
from zoneportal.policies.categories import DEFAULT_CATEGORIES
from zoneportal.policies.index_numbers import format_index_number, next_index_number, reserve_index_numbers
from zoneportal.policies.models import IndexNumberCounter, Policy, PolicyCategory

pytestmark = pytest.mark.django_db(transaction=True, available_apps=["zoneportal.policies"])


@pytest.fixture(scope="module", autouse=True)
def _default_categories_back(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        for order, (code, name) in enumerate(DEFAULT_CATEGORIES, 1):
            PolicyCategory.objects.get_or_create(name=name, defaults={"code": code, "sort_order": order * 10})


@pytest.fixture
def category() -> PolicyCategory:
    return PolicyCategory.objects.create(name="测试分类", code="T1")


def test_the_rule_and_serials_per_category_and_year(category, settings):
    settings.POLICY_ORG_CODE = "ORG"
    settings.POLICY_INDEX_NUMBER_RULE = "{org}/{category}/{year}/{serial:04d}"
    assert format_index_number("T1", 2016, 7) == "ORG/T1/2016/0007"
    assert reserve_index_numbers(category, 2016, 3) == ["ORG/T1/2016/0001", "ORG/T1/2016/0002", "ORG/T1/2016/0003"]
    assert next_index_number(category, date(2016, 5, 1)) == "ORG/T1/2016/0004"
    assert next_index_number(category, date(2017, 1, 1)) == "ORG/T1/2017/0001"  # a new year starts again
    other = PolicyCategory.objects.create(name="另一分类", code="T2")
    assert next_index_number(other, date(2016, 1, 1)) == "ORG/T2/2016/0001"
    policy = Policy.objects.create(title="文件", category=category, issued_on=date(2016, 8, 8))
    assert policy.index_number == "ORG/T1/2016/0005"
    policy.title = "改名"
    policy.save()  # an index number is given once and kept
    assert Policy.objects.get(pk=policy.pk).index_number == "ORG/T1/2016/0005"


RESERVER = """
import json, os, time
from pathlib import Path
import django
django.setup()
from zoneportal.policies.index_numbers import reserve_index_numbers
from zoneportal.policies.models import PolicyCategory
category = PolicyCategory.objects.get(code="T1")
Path(os.environ["READY"]).touch()
while not Path(os.environ["GO"]).exists():
    time.sleep(0.005)
numbers = []
for n in range(int(os.environ["ROUNDS"])):
    numbers += reserve_index_numbers(category, 2026, 1 + n % 3)
print(json.dumps(numbers))
"""


def test_processes_reserving_at_once_never_share_a_number(category, tmp_path):
    shared = share_database(tmp_path)
    processes, rounds = 4, 30
    go = tmp_path / "go"
    started = []
    for index in range(processes):
        var_dir = tmp_path / f"var{index}"
        var_dir.mkdir()
        ready = str(tmp_path / f"ready{index}")
        env = process_environment(var_dir, shared, READY=ready, GO=str(go), ROUNDS=str(rounds))
        command = [sys.executable, "-c", RESERVER]
        started.append(subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready{i}").exists() for i in range(processes)):
        assert time.monotonic() < deadline and all(p.poll() is None for p in started), "a process did not start"
        time.sleep(0.05)
    go.touch()  # all four reserve at the same moment
    numbers = []
    for process in started:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()[-3000:]
        numbers += json.loads(out.decode().strip().splitlines()[-1])

    expected = processes * sum(1 + n % 3 for n in range(rounds))
    assert len(numbers) == expected
    assert [n for n, count in Counter(numbers).items() if count > 1] == []
    serials = sorted(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert serials == list(range(1, expected + 1))  # no gaps either: nothing failed
    counter = shared.query(f"SELECT last FROM policies_indexnumbercounter WHERE category_id = {category.pk}")
    assert counter == [(expected,)]
    assert IndexNumberCounter.objects.filter(category=category).count() <= 1
