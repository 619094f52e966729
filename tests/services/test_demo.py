"""The demo's 办事指南: at least 30 items of every department, real forms to download, journeys, all searchable."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.db import transaction

from zoneportal.demo.content import services as content
from zoneportal.demo.figures import unknown_figures
from zoneportal.portal.models import HomePage
from zoneportal.search.engine import SearchRequest, search
from zoneportal.services import demo as services_demo
from zoneportal.services.models import Journey, ServiceItem

pytestmark = pytest.mark.django_db
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def _private_media():
    """The demo's forms stay where the module's demo wrote them (the session's private folder)."""


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            assert not HomePage.objects.exists(), "the database is not empty"
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_every_figure_of_the_content_is_a_fact_and_every_item_obeys_the_rules():
    for where, text in content.texts():
        assert not unknown_figures(text), where
    for spec in content.ITEMS:
        services_demo.check(spec)  # raises on an inconsistent item


def test_a_broken_item_stops_the_loader():
    spec = content.ITEMS[0]
    broken = type(spec)(**{**spec.__dict__, "promised_days": spec.statutory_days + 1})
    with pytest.raises(ValueError, match="不能超过法定时限"):
        services_demo.check(broken)


def test_items_of_every_department_with_topics_and_events(demo):
    items = list(ServiceItem.objects.published().select_related("department").prefetch_related("topics"))
    assert len(items) == len(content.ITEMS) >= 30
    assert len({item.department.slug for item in items}) == 5
    assert all(item.topics.all() for item in items)
    assert {item.kind for item in items} >= {"license", "filing", "public_service"}
    assert ServiceItem.objects.filter(approver__isnull=False).count() == len(items)


def test_each_application_form_downloads_as_word_and_its_sample_as_pdf(demo, client):
    for item in ServiceItem.objects.published().order_by("pk")[:5]:
        material = item.materials.first()
        base = f"/banshi/zhinan/{item.pk}/xiazai/{material.pk}/"
        blank = b"".join(client.get(f"{base}blank/").streaming_content)
        with zipfile.ZipFile(io.BytesIO(blank)) as archive:
            document = ElementTree.fromstring(archive.read("word/document.xml"))
        words = "".join(node.text or "" for node in document.iter(f"{WORD}t"))
        assert material.name in words and item.name in words and "统一社会信用代码" in words
        sample = b"".join(client.get(f"{base}sample/").streaming_content)
        assert sample.startswith(b"%PDF-")


def test_journeys_and_their_questions(demo, client):
    assert Journey.objects.filter(published=True).count() == len(content.JOURNEYS)
    entry = Journey.objects.get(slug="qiye-ruyuan")
    assert [stage.item.name for stage in entry.stages.all()][:2] == ["企业入园申请", "进区投资项目准入审核"]
    question = entry.questions.get(text="是否租用开发区标准厂房？")
    rented = client.get(f"/banshi/zhinan/yijianshi/qiye-ruyuan/?q{question.pk}=yes").content.decode()
    not_needed = rented.split('class="services-not-needed"')[1]
    assert "建设项目用地预审" in not_needed and "标准厂房租赁申请" not in not_needed


def test_items_are_in_site_search(demo):
    hits = search(SearchRequest(query="施工许可", type="guide")).results
    assert hits and hits[0].plain_title == "建筑工程施工许可"
    assert hits[0].url.endswith(f"/banshi/zhinan/{ServiceItem.objects.get(name='建筑工程施工许可').pk}/")
