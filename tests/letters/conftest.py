"""A mailbox of the test zone, answered by the office, with one category of its own deadline."""

import pytest

from zoneportal.letters.models import LetterCategory, Mailbox


@pytest.fixture
def mailbox(zone) -> Mailbox:
    box = Mailbox.objects.create(
        slug="director", name="主任信箱", department=zone.departments["office"], allows_anonymous=True
    )
    LetterCategory.objects.create(mailbox=box, name="投资环境", reply_days=3)
    return box


@pytest.fixture
def letter_data() -> dict:
    return {
        "subject": "园区道路照明不足",
        "content": "工业园区北路夜间路灯损坏多日，企业职工下班出行不便，请尽快维修。",
        "name": "张三",
        "phone": "13800001234",
        "email": "",
        "is_public": True,
        "is_anonymous": False,
    }
