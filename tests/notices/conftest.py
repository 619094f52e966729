"""The notices' fixtures: a published notice from the office to 招商发展分局, attachments kept apart."""

from __future__ import annotations

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from zoneportal.notices import services
from zoneportal.notices.models import BODY_FEATURES, Notice


def editor_body(html: str) -> str:
    """``html`` as the rich-text editor (Draftail) posts it: its content state as JSON."""
    return ContentstateConverter(features=BODY_FEATURES).from_database_format(html)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Attachments of the tests go to a temporary folder, never into var/private."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def draft(zone, *, recipients=("invest",), deadline=None, title="关于做好安全生产工作的通知") -> Notice:
    """A draft from the office (written by the office reviewer) to ``recipients``."""
    notice = Notice(
        title=title, body="<p>请各单位开展安全检查。</p>", sender=zone.departments["office"], deadline=deadline
    )
    return services.save_draft(
        notice, user=zone.users["reviewer"], departments=[zone.departments[key] for key in recipients]
    )


@pytest.fixture
def notice(zone) -> Notice:
    """A published notice from the office to 招商发展分局 (its editor and head receive it)."""
    return services.publish(draft(zone), user=zone.users["reviewer"])
