"""The indexed search zone shared by the results-page and API tests: policies, notices, the 招商网 sub-site."""

from __future__ import annotations

from wagtail.models import Page, Site

from tests.factories import Zone, add_page, rich_paragraphs, shanghai
from zoneportal.portal.models import ArticlePage, ColumnPage, HomePage, PortalSettings
from zoneportal.search.engine import rebuild_index

INVEST_HOST = "invest.localhost"

#: The issue's list of hostile or odd input, plus the old baseline's.
BAD_QUERIES = [
    "",
    "   ",
    "\x00",
    "招",
    "招" * 1000,
    "😀🏭",
    '"',
    "*",
    "招商 NEAR 引资",
    "招商 OR 引资",
    "'",
    "--",
    "' OR 1=1 --",
    '"招商" AND (引资 OR',
    "%",
    "_",
    "<script>alert(1)</script>",
    "<b>招商</b>",
]


def add_search_content(zone: Zone) -> Zone:
    """Policies, a notice column and the 招商网 sub-site on top of the test zone; then the index is built."""
    policies = add_page(
        zone.home,
        ColumnPage(title="政策文件", slug="zcwj", content_kind=ColumnPage.ContentKind.POLICY, show_in_menus=True),
    )
    zone.columns["policies"] = policies
    for key, title, when, number, issuer, category, validity, body in (
        (
            "policy1",
            "来凤经济开发区招商引资优惠政策",
            shanghai(2015, 3, 1),
            "来开管发〔2015〕3号",
            "来凤经济开发区管委会",
            "优惠政策",
            ArticlePage.Validity.VALID,
            "为加大招商引资力度，入园企业享受税收优惠政策。",
        ),
        (
            "policy2",
            "关于加快工业园区建设的若干意见",
            shanghai(2012, 5, 8),
            "来政发〔2012〕8号",
            "来凤县人民政府",
            "产业发展",
            ArticlePage.Validity.EXPIRED,
            "加快工业园区基础设施建设，完善招商引资配套服务。",
        ),
        (
            "policy3",
            "来凤经济开发区企业用地优惠办法",
            shanghai(2015, 9, 1),
            "来开管发〔2015〕9号",
            "来凤经济开发区管委会",
            "优惠政策",
            ArticlePage.Validity.VALID,
            "对招商引资重点项目的工业用地给予优惠。",
        ),
    ):
        zone.articles[key] = add_page(
            policies,
            ArticlePage(
                title=title,
                slug=f"a-{key}",
                publish_at=when,
                doc_number=number,
                issuer=issuer,
                policy_category=category,
                validity=validity,
                body=rich_paragraphs(body),
            ),
        )
    notices = add_page(zone.home, ColumnPage(title="通知公告", slug="tzgg", content_kind=ColumnPage.ContentKind.NOTICE))
    zone.articles["notice2"] = add_page(
        notices,
        ArticlePage(
            title="关于招商引资项目申报的公告",
            slug="a-notice2",
            publish_at=shanghai(2024, 6, 1),
            body=rich_paragraphs("请各企业按时申报招商引资项目。"),
        ),
    )

    invest_home = HomePage(title="招商网", slug="invest-home", tagline="投资来凤")
    Page.get_first_root_node().add_child(instance=invest_home)
    invest_home.save_revision().publish()
    invest_site = Site.objects.create(hostname=INVEST_HOST, port=80, root_page=invest_home, site_name="招商网")
    PortalSettings.objects.create(site=invest_site, site_name="招商网")
    zone.pages["invest_home"] = invest_home
    zone.articles["invest_only"] = add_page(
        invest_home,
        ArticlePage(
            title="标准化厂房招租信息",
            slug="a-plant",
            publish_at=shanghai(2024, 7, 1),
            body=rich_paragraphs("开发区标准化厂房面向招商引资企业出租。"),
        ),
    )
    rebuild_index()
    return zone


def path(page: Page) -> str:
    """A page's URL on its site (``page.url`` is absolute once there are several sites)."""
    return page.get_url_parts()[2]
