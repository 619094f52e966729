"""The project's Chinese catalogue, the zone's branding in the back office and the portal's own guide."""

from __future__ import annotations

import gettext
import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

from tests.factories import make_image
from tests.utils import logged_in_client, soup, text_of
from zoneportal.core.catalogue import LOCALE_DIR, mo_bytes, read_po
from zoneportal.portal.models import PortalSettings

PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


# ----------------------------------------------------------------------------
# The catalogue


def test_there_are_catalogues():
    assert {path.name for path in PO_FILES} == {"django.po", "djangojs.po"}


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda path: path.name)
def test_committed_mo_is_compiled_from_its_po(po_path):
    """Edit the .po, forget `python -m zoneportal.core.catalogue`, and this fails."""
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run .venv/bin/python -m zoneportal.core.catalogue"
    assert mo_path.read_bytes() == mo_bytes(read_po(po_path)), (
        f"{mo_path.name} is out of date with {po_path.name}: run .venv/bin/python -m zoneportal.core.catalogue"
    )


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda path: path.name)
def test_translations_keep_every_placeholder(po_path):
    """No placeholder is invented or lost, except the few a Chinese sentence does better without.

    ``model_name`` is empty ("None") in Wagtail's page search counts; the version in the editor guide's
    link is noise. Python's %-formatting with a dict ignores unused names, so leaving them out is safe.
    """
    droppable = {"%(model_name)s", "%(current_version)s"}
    for key, value in read_po(po_path).items():
        if not key:
            continue
        msgid = key.split("\x04")[-1]
        for form in value.split("\0"):
            original, translated = set(PLACEHOLDER.findall(msgid)), set(PLACEHOLDER.findall(form))
            assert translated <= original and original - translated <= droppable, (msgid, form)


def test_compiled_catalogue_reads_back_with_pythons_gettext(tmp_path):
    """The .mo writer produces what GNU gettext readers understand, plural entries included."""
    mo_path = tmp_path / "django.mo"
    mo_path.write_bytes(mo_bytes(read_po(LOCALE_DIR / "zh_Hans/LC_MESSAGES/django.po")))
    with mo_path.open("rb") as mo_file:
        catalogue = gettext.GNUTranslations(mo_file)
    assert catalogue.gettext("Saved") == "已保存"
    assert catalogue.ngettext("Referenced %(count)s time", "Referenced %(count)s times", 3) == "被引用 %(count)s 次"


def test_read_po_skips_fuzzy_and_untranslated_entries(tmp_path):
    po_path = tmp_path / "test.po"
    po_path.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Port"\nmsgstr "港口"\n\n'
        'msgid "Saved"\nmsgstr ""\n\n'
        'msgctxt "verb"\nmsgid "Save"\nmsgstr "保存"\n',
        encoding="utf-8",
    )
    assert read_po(po_path) == {"": "Content-Type: text/plain; charset=UTF-8\n", "verb\x04Save": "保存"}


# ----------------------------------------------------------------------------
# Wording Django and Wagtail get wrong in zh-Hans


def test_wagtails_missing_strings_are_chinese():
    with translation.override("zh-hans"):
        assert _("Saved") == "已保存"
        assert _("Autosave is paused") == "自动保存已暂停"
        assert _("Search all pages…") == "搜索所有页面…"
        assert _("The document could not be created due to errors.") == "存在错误，文档无法创建。"
        assert ngettext("Referenced %(count)s time", "Referenced %(count)s times", 0) % {"count": 0} == "被引用 0 次"
        # Page search passes no model name: Wagtail's English showed "1-11 of 11 None".
        count = _("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s")
        numbers = {"start_index": 1, "end_index": 11, "items_count": 11, "model_name": None}
        assert count % numbers == "第 1-11 条，共 11 条"


def test_live_pages_are_published_not_in_use():
    with translation.override("zh-hans"):
        assert _("live") == "已发布"
        assert _("Live") == "已发布"
        assert _("live + draft") == "已发布 + 草稿"


def test_time_ago_has_no_spaces():
    with translation.override("zh-hans"):
        assert timesince_simple(timezone.now() - timedelta(minutes=24)) == "24分钟前"
        assert timesince_simple(timezone.now() - timedelta(days=2)) == "2天前"


@pytest.mark.django_db
def test_explorer_shows_published_badges(zone):
    client = logged_in_client(zone.users["invest_editor"])
    text = text_of(client.get(reverse("wagtailadmin_explore", args=(zone.columns["investment"].pk,))))
    assert "已发布" in text
    assert "在用" not in text


@pytest.mark.django_db
def test_javascript_catalogue_includes_the_projects_strings(client):
    """Wagtail's admin loads its JavaScript strings from Django's JavaScriptCatalog, which reads LOCALE_PATHS."""
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    body = response.content.decode()
    assert json.dumps("正在自动保存…")[1:-1] in body or "正在自动保存…" in body


# ----------------------------------------------------------------------------
# Branding


@pytest.fixture
def renamed_zone(zone):
    """The default site's 网站设置 renamed, so the test can tell it from WAGTAIL_SITE_NAME."""
    settings = PortalSettings.for_site(zone.site)
    settings.site_name = "测试经济开发区"
    settings.save()
    return zone


@pytest.mark.django_db
def test_login_page_shows_the_zones_name_and_emblem(renamed_zone, client):
    page = soup(client.get(reverse("wagtailadmin_login")))
    assert "测试经济开发区" in page.find("h1").get_text()
    assert "测试经济开发区" in page.title.get_text()
    brand = page.select_one("[data-zp-brand]")
    assert "测试经济开发区" in brand.get_text()
    assert brand.select_one(".zp-emblem svg") is not None  # the built-in emblem: none uploaded
    assert "Wagtail" not in page.get_text()


@pytest.mark.django_db
def test_uploaded_emblem_replaces_the_built_in_one(renamed_zone, client):
    settings = PortalSettings.for_site(renamed_zone.site)
    settings.emblem = make_image("开发区徽标")
    settings.save()
    brand = soup(client.get(reverse("wagtailadmin_login"))).select_one("[data-zp-brand]")
    image = brand.select_one("img.zp-emblem")
    assert image is not None and image["src"].startswith("/media/")
    assert brand.select_one("svg") is None


@pytest.mark.django_db
def test_sidebar_and_tab_carry_the_zones_name(renamed_zone):
    page = soup(logged_in_client(renamed_zone.users["invest_editor"]).get(reverse("wagtailadmin_home")))
    assert page.title.get_text().endswith("测试经济开发区")
    logo = page.find("template", attrs={"data-wagtail-sidebar-branding-logo": True})
    assert "测试经济开发区" in logo.decode_contents()
    assert page.find("h1").get_text(strip=True) == "测试经济开发区"  # the dashboard's welcome


# ----------------------------------------------------------------------------
# The guide and the help menu


def sidebar_menu(response) -> str:
    return soup(response).find("script", id="wagtail-sidebar-props").string


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["invest_editor", "invest_head", "reviewer", "admin"])
def test_every_role_reads_the_guide(zone, role):
    response = logged_in_client(zone.users[role]).get(reverse("backoffice_guide"))
    assert response.status_code == 200
    text = text_of(response)
    assert soup(response).title.get_text().startswith("后台使用指南")
    for heading in ("写一篇文章", "添加图片和附件", "提交审核", "审核：通过或退回", "各种状态是什么意思"):
        assert heading in text
    assert "已发布" in text and "审核中" in text


@pytest.mark.django_db
def test_the_guide_needs_a_login(client):
    response = client.get(reverse("backoffice_guide"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
def test_help_menu_points_to_the_portals_guide(zone):
    client = logged_in_client(zone.users["invest_editor"])
    dashboard = client.get(reverse("wagtailadmin_home"))
    menu = sidebar_menu(dashboard)
    assert reverse("backoffice_guide") in menu
    assert "guide.wagtail.org" not in menu
    assert "wagtail.org" not in dashboard.content.decode()
    assert "后台使用指南" in json.dumps(json.loads(menu), ensure_ascii=False)


# ----------------------------------------------------------------------------
# Permission names


@pytest.mark.django_db
def test_permissions_are_named_in_chinese_after_migrate():
    from django.contrib.auth.models import Permission

    assert not Permission.objects.filter(name__startswith="Can ").exists()
    assert Permission.objects.get(codename="publish_page").name == "可以发布任何页面"
    assert Permission.objects.get(codename="add_department").name == "可以添加部门"
    assert Permission.objects.get(codename="access_admin").name == "可以进入后台"


@pytest.mark.django_db
def test_new_permissions_get_chinese_names_on_the_next_migrate():
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from zoneportal.core.models import Leader
    from zoneportal.core.permission_names import name_permissions_in_chinese

    Permission.objects.filter(codename="view_leader").update(name="Can view leader")
    content_type = ContentType.objects.get_for_model(Leader)
    name_permissions_in_chinese()
    assert Permission.objects.get(content_type=content_type, codename="view_leader").name == "可以查看领导"


@pytest.mark.django_db
def test_a_failed_upload_says_so_in_chinese(zone):
    client = logged_in_client(zone.users["invest_editor"])
    response = client.post(reverse("wagtaildocs:add"), {"title": "没有文件的文档"})
    assert response.status_code == 200
    text = text_of(response)
    assert "存在错误，文档无法创建。" in text
    assert "could not be created" not in text
