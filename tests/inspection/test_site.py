"""网站自查: each indicator caught on a planted problem, passing without it; the command, its JSON and exit status."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import add_page, make_document, shanghai
from tests.inspection.files import docx_bytes
from tests.letters.test_oversight import letter_in
from tests.utils import logged_in_client, soup
from zoneportal.inspection.models import ColumnThreshold, InspectionRun
from zoneportal.inspection.site import inspect_site
from zoneportal.portal.models import ArticleAttachment, ArticlePage, ColumnPage

pytestmark = pytest.mark.django_db

#: A week after the test zone's newest news (3 May 2024): 新闻快递 is fresh; five columns of the default
#: kind (news, 14 days) are stale — 公告与通知 (February), 开发区动态 with 招商引资 and 企业服务, 财政预决算 (January).
WEEK_AFTER = shanghai(2024, 5, 10)


def result(report, code: str):
    (found,) = [item for item in report.results if item.code == code]
    return found


def column(zone, title: str, slug: str, **kwargs) -> ColumnPage:
    return add_page(zone.home, ColumnPage(title=title, slug=slug, **kwargs))


def article(
    parent, title: str, slug: str, when: datetime.datetime, body: str = "<p>正文。</p>", **kwargs
) -> ArticlePage:
    return add_page(parent, ArticlePage(title=title, slug=slug, body=body, publish_at=when, **kwargs))


def test_a_fifth_stale_column_fails_the_veto_item(zone):
    stale = result(inspect_site(WEEK_AFTER), "stale_columns")
    assert not stale.passed and stale.veto
    assert {o.title for o in stale.offenders} == {"公告与通知", "开发区动态", "招商引资", "企业服务", "财政预决算"}
    assert "111 天未更新（期限 14 天）" in next(o.detail for o in stale.offenders if o.title == "招商引资")

    # The office gives a column its own limit: 财政预决算 is checked yearly, four are left.
    ColumnThreshold.objects.create(column=zone.columns["finance"], days=365)
    stale = result(inspect_site(WEEK_AFTER), "stale_columns")
    assert stale.passed and "财政预决算" not in {o.title for o in stale.offenders}

    planted = column(zone, "园区要闻", "yaowen")
    article(planted, "园区要闻一则", "old", shanghai(2024, 3, 1))
    stale = result(inspect_site(WEEK_AFTER), "stale_columns")
    assert not stale.passed
    assert ("园区要闻", "http://localhost/yaowen/") in {(o.title, o.url) for o in stale.offenders}


def test_notices_have_six_months(zone):
    notice = column(zone, "通知公告", "tzgg", content_kind=ColumnPage.ContentKind.NOTICE)
    article(notice, "一则通知", "n", shanghai(2024, 1, 1))
    offenders = {o.title for o in result(inspect_site(WEEK_AFTER), "stale_columns").offenders}
    assert "通知公告" not in offenders  # 130 days, within 180
    offenders = {o.title for o in result(inspect_site(shanghai(2024, 7, 1)), "stale_columns").offenders}
    assert "通知公告" in offenders


def test_five_empty_columns_fail(zone):
    for number in range(4):
        column(zone, f"空栏目{number}", f"empty{number}")
    empty = result(inspect_site(WEEK_AFTER), "empty_columns")
    assert empty.passed and len(empty.offenders) == 4
    assert all(offender.detail == "栏目无任何内容" for offender in empty.offenders)
    column(zone, "空栏目4", "empty4")
    empty = result(inspect_site(WEEK_AFTER), "empty_columns")
    assert not empty.passed and empty.veto
    assert "空栏目4" not in {o.title for o in result(inspect_site(WEEK_AFTER), "stale_columns").offenders}


def test_home_page_not_updated_for_two_weeks(zone):
    home = result(inspect_site(timezone.now()), "home_updated")
    assert home.passed  # the zone's home page was published just now
    later = timezone.now() + datetime.timedelta(days=15)
    home = result(inspect_site(later), "home_updated")
    assert not home.passed and home.veto
    assert home.offenders[0].url == "http://localhost/" and home.offenders[0].detail == "15 天未更新"


def test_dead_internal_links_and_missing_images(zone):
    unpublished = add_page(
        zone.columns["news"], ArticlePage(title="草稿", slug="draft", body="<p>x</p>"), publish=False
    )
    body = (
        f'<p><a linktype="page" id="{zone.columns["news"].pk}">新闻</a>'
        '<a linktype="page" id="999999">已删除的页面</a>'
        f'<a linktype="page" id="{unpublished.pk}">草稿页</a>'
        '<a href="/news/rss/">订阅</a><a href="/zwgk/">政务公开</a><a href="/nowhere/">不存在</a>'
        '<a href="/news/rss/missing/">错误路径</a><a href="https://www.gov.cn/">外部</a>'
        f'<a linktype="document" id="{zone.documents["notice_pdf"].pk}">文件</a></p>'
        '<embed embedtype="image" id="999999" format="fullwidth" alt="已删除"/>'
    )
    page = article(zone.columns["news"], "链接测试", "links", shanghai(2024, 5, 5), body=body)
    gone = make_document("被删的文件", content=b"%PDF-1.4", filename="gone.pdf")
    page.attachments = [ArticleAttachment(document=gone, title="附件")]
    page.save_revision().publish()
    gone.file.storage.delete(gone.file.name)

    dead = result(inspect_site(WEEK_AFTER), "dead_links")

    assert not dead.passed and not dead.veto
    details = sorted(o.detail for o in dead.offenders if o.title == "链接测试")
    assert details == sorted(
        [
            "链接“已删除的页面”指向的页面不存在或未发布",
            "链接“草稿页”指向的页面不存在或未发布",
            "链接“不存在”（/nowhere/）无法打开",
            "链接“错误路径”（/news/rss/missing/）无法打开",
            "图片（编号 999999）已不存在",
            "附件“被删的文件”的文件已不存在",
        ]
    )
    assert {o.title for o in dead.offenders} == {"链接测试"}  # the test zone itself has no dead link


def test_overdue_letters_and_the_three_month_veto(zone, mailbox, letter_data):
    today = timezone.localdate()
    report = inspect_site()
    assert result(report, "letters_overdue").passed and result(report, "letters_three_months").passed

    overdue = letter_in(zone, mailbox, letter_data, due_on=today - datetime.timedelta(days=2))
    report = inspect_site()
    assert not result(report, "letters_overdue").passed and not result(report, "letters_overdue").veto
    assert result(report, "letters_three_months").passed
    (offender,) = result(report, "letters_overdue").offenders
    assert offender.title == f"{overdue.tracking_number} 园区道路照明不足"
    assert offender.url.endswith(reverse("letters_oversight:letter", args=[overdue.pk]))

    old = letter_in(
        zone,
        mailbox,
        letter_data,
        received_at=timezone.now() - datetime.timedelta(days=100),
        due_on=today - datetime.timedelta(days=80),
    )
    report = inspect_site()
    months = result(report, "letters_three_months")
    assert not months.passed and months.veto and report.veto_failed
    assert [o.title.split()[0] for o in months.offenders] == [old.tracking_number]


def test_compliance_findings_over_published_pages_and_policies(zone):
    names = make_document("名单", content=docx_bytes("获奖人员 李四 422827199003150018"), filename="names.docx")
    page = article(zone.columns["news"], "表彰通报", "award", shanghai(2024, 5, 6), body="<p>请按装软件。</p>")
    page.attachments = [ArticleAttachment(document=names, title="获奖名单")]
    page.save_revision().publish()

    report = inspect_site(WEEK_AFTER)

    serious = result(report, "serious_errors")
    assert not serious.passed and serious.veto and report.veto_failed
    assert [(o.title, o.detail.split("（")[0]) for o in serious.offenders] == [
        ("表彰通报", "附件《获奖名单》：含公民身份证号码，发布前须删除或隐去")
    ]
    warnings = result(report, "content_warnings")
    assert ("表彰通报", "正文：疑似错别字：“按装”应为“安装”") in [
        (o.title, o.detail.split("（")[0]) for o in warnings.offenders
    ]


def test_the_command_exit_status_json_and_history(zone):
    # Fresh news in every list column: nothing stale, so no veto item fails.
    for key in ("news", "notices", "investment", "services", "finance"):
        article(zone.columns[key], f"{key}新闻", f"fresh-{key}", timezone.now())
    out, err = io.StringIO(), io.StringIO()
    call_command("inspect_site", "--json", stdout=out, stderr=err)
    data = json.loads(out.getvalue())
    assert data["veto_failed"] is False
    assert {item["code"] for item in data["indicators"]} == {
        "home_updated",
        "stale_columns",
        "empty_columns",
        "letters_overdue",
        "letters_three_months",
        "dead_links",
        "serious_errors",
        "content_warnings",
    }
    assert "[3/3] 检查政策文件" in err.getvalue()  # progress on stderr
    first = InspectionRun.objects.get(pk=data["run"])
    assert first.trigger == "command" and not first.veto_failed

    for number in range(5):
        column(zone, f"空栏目{number}", f"empty{number}")
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("inspect_site", stdout=out, stderr=io.StringIO())
    assert exit_info.value.code == 1
    text = out.getvalue()
    assert "[否决] 空白栏目（少于 5 个）：5 个空白栏目" in text and "单项否决未通过" in text
    assert InspectionRun.objects.count() == 2 and InspectionRun.objects.first().veto_failed


def test_the_runs_page_is_the_offices(zone):
    for number in range(5):
        column(zone, f"空栏目{number}", f"empty{number}")
    with pytest.raises(SystemExit):
        call_command("inspect_site", stdout=io.StringIO(), stderr=io.StringIO())
    office = logged_in_client(zone.users["reviewer"])
    page = office.get(reverse("inspection_runs"))
    assert page.status_code == 200
    rows = {
        row.select("td")[0].get_text(strip=True): row.select("td")[1].get_text(strip=True)
        for row in soup(page).select("#inspection-indicators tbody tr")
    }
    assert rows["空白栏目（少于 5 个）（单项否决）"] == "未通过"
    assert "http://localhost/empty0/" in page.content.decode()
    assert len(soup(page).select("#inspection-runs tbody tr")) == 1
    assert logged_in_client(zone.users["invest_editor"]).get(reverse("inspection_runs")).status_code == 403
    assert logged_in_client(zone.users["invest_editor"]).get(reverse("inspection_typos:index")).status_code == 403
    assert office.get(reverse("inspection_typos:index")).status_code == 200


def test_typed_addresses_are_resolved_within_their_own_site(zone):
    from wagtail.models import Page, Site

    from zoneportal.portal.models import HomePage

    sub_home = add_page(Page.get_first_root_node(), HomePage(title="招商网", slug="invest-home"))
    Site.objects.create(hostname="invest.localhost", port=80, root_page=sub_home, site_name="招商网")
    projects = add_page(sub_home, ColumnPage(title="招商项目", slug="xiangmu"))
    body = '<p><a href="/xiangmu/">招商项目</a><a href="/news/">主站新闻</a></p>'
    article(projects, "项目推介", "p", shanghai(2024, 5, 6), body=body)
    article(zone.columns["news"], "主站文章", "main", shanghai(2024, 5, 6), body='<p><a href="/xiangmu/">项目</a></p>')

    dead = result(inspect_site(WEEK_AFTER), "dead_links")

    assert sorted((o.title, o.detail) for o in dead.offenders) == [
        ("主站文章", "链接“项目”（/xiangmu/）无法打开"),
        ("项目推介", "链接“主站新闻”（/news/）无法打开"),
    ]


def test_a_home_address_in_an_attachment_is_a_warning(zone):
    residents = make_document(
        "住户名单", content=docx_bytes("张三 住来凤县翔凤镇城北路88号3栋2单元502室"), filename="residents.docx"
    )
    page = article(zone.columns["news"], "入户走访", "visits", shanghai(2024, 5, 6), body="<p>地址见附件。</p>")
    page.attachments = [ArticleAttachment(document=residents, title="走访名单")]
    page.save_revision().publish()

    report = inspect_site(WEEK_AFTER)

    details = [o.detail for o in result(report, "content_warnings").offenders if o.title == "入户走访"]
    assert details == [
        "附件《走访名单》：附件含详细住址，如为个人住址请删除或隐去（张三 住来凤县翔凤镇城北路**号*栋*单元***室）"
    ]
    assert "入户走访" not in {o.title for o in result(report, "serious_errors").offenders}
