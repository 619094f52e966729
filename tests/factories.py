"""Build a small but complete portal with the project's real APIs.

Every test that needs content gets the same little zone: a main site on
localhost with columns owned by three departments, articles with cover images
and attachments, an overview page with StreamField blocks, the organisation
pages, a multimedia hall and the site map — plus one real user per role.
Nothing here is mocked: departments are created through ``Department.objects``
(which provisions groups, collections and workflows in
``zoneportal.core.ownership``) and columns are handed over with ``assign_column``.
"""

from __future__ import annotations

import io
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Site

from zoneportal.core.models import Department, Leader
from zoneportal.core.ownership import OFFICE_REVIEWERS_GROUP, assign_column, office_reviewers
from zoneportal.core.wagtail_defaults import remove_wagtail_defaults
from zoneportal.portal.models import (
    AlbumPhoto,
    ArticleAttachment,
    ArticlePage,
    ColumnPage,
    ContentPage,
    HomePage,
    HomeQuickLink,
    MediaHallPage,
    OrganisationPage,
    PhotoAlbumPage,
    PortalSettings,
    SiteLink,
    SitemapPage,
    VideoPage,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
PASSWORD = "zp-test-密码-2024"

#: A tiny but valid PDF: the header is what the upload check looks at.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
#: The start of an ISO base media (MP4) file: an ``ftyp`` box with brand isom.
MP4_BYTES = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64


def shanghai(year: int, month: int, day: int, hour: int = 9, minute: int = 30) -> datetime:
    """An aware datetime in the zone's own time zone."""
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def png_bytes(size: tuple[int, int] = (80, 60), colour: tuple[int, int, int] = (30, 90, 160)) -> bytes:
    """A real PNG drawn with Pillow."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(title: str, collection: Collection | None = None, colour=(30, 90, 160)) -> Image:
    """A Wagtail image with a real PNG file."""
    image = Image(title=title, collection=collection or Collection.get_first_root_node())
    image.file = ImageFile(io.BytesIO(png_bytes(colour=colour)), name=f"{uuid.uuid4().hex[:10]}.png")
    image.save()
    return image


def make_document(
    title: str, collection: Collection | None = None, content: bytes = PDF_BYTES, filename: str = "file.pdf"
) -> Document:
    """A Wagtail document stored on disk."""
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file = ContentFile(content, name=filename)
    document.save()
    return document


def add_page(parent: Page, page: Page, publish: bool = True) -> Page:
    """Add ``page`` under ``parent`` and publish it the way the admin does (a revision)."""
    if not publish:
        page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_user(username: str, *groups: Group, superuser: bool = False, **extra):
    """A real user with a known password, in the given groups."""
    user_model = get_user_model()
    if superuser:
        user = user_model.objects.create_superuser(username=username, password=PASSWORD, email=f"{username}@zone.test")
    else:
        user = user_model.objects.create_user(username=username, password=PASSWORD, email=f"{username}@zone.test")
    for key, value in extra.items():
        setattr(user, key, value)
    user.save()
    for group in groups:
        user.groups.add(group)
    return user


def back_office_user(username: str):
    """A user who may log in to the back office but works for no department and is not the office."""
    group = Group.objects.create(name=f"{username}组")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return make_user(username, group)


def rich_paragraphs(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def stream_body(items: list[tuple[str, object]]) -> str:
    """StreamField raw JSON for ``[(block_type, value), ...]``."""
    return json.dumps([{"type": kind, "value": value} for kind, value in items], ensure_ascii=False)


@dataclass
class Zone:
    """Handles on everything ``build_zone`` created."""

    site: Site
    home: HomePage
    departments: dict[str, Department] = field(default_factory=dict)
    columns: dict[str, ColumnPage] = field(default_factory=dict)
    articles: dict[str, ArticlePage] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)
    images: dict[str, Image] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    leaders: list[Leader] = field(default_factory=list)

    def reloaded(self) -> Zone:
        """A copy with every object fetched again, so no test sees another test's in-memory edits."""

        def fresh(obj):
            return type(obj)._default_manager.get(pk=obj.pk)

        return Zone(
            site=fresh(self.site),
            home=fresh(self.home),
            **{
                name: {key: fresh(obj) for key, obj in getattr(self, name).items()}
                for name in ("departments", "columns", "articles", "pages", "users", "images", "documents")
            },
            leaders=[fresh(leader) for leader in self.leaders],
        )


def remove_default_site() -> None:
    """Drop Wagtail's welcome page (and with it its Site) left by the initial migration."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    Site.objects.all().delete()


def build_zone() -> Zone:
    """Create the small test zone described in the module docstring."""
    remove_default_site()
    remove_wagtail_defaults()  # as the demo does: only the project's own groups and workflows
    root = Page.get_first_root_node()
    home = HomePage(
        title="来凤经济开发区",
        slug="home",
        tagline="工业强县 开放兴县",
        keywords="来凤,开发区",
        search_description="来凤经济开发区门户网站",
        mailbox_title="主任信箱",
        mailbox_url="/mailbox/",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="来凤经济开发区"
    )
    zone = Zone(site=site, home=home)

    PortalSettings.objects.create(
        site=site,
        site_name="来凤经济开发区",
        site_domain="www.lfkfq.gov.cn",
        site_id_code="4228270001",
        icp_number="鄂ICP备12345678号",
        public_security_number="鄂公网安备42282702000001号",
        host_unit="来凤经济开发区管理委员会",
        address="湖北省恩施州来凤县翔凤镇",
        phone="0718-6281234",
    )

    # The office reviewers get their permissions on every site root that exists
    # now, so the home page must be there before the first department.
    departments = [
        ("office", "管委会办公室", Department.Kind.OFFICE),
        ("invest", "招商发展分局", Department.Kind.BUREAU),
        ("finance", "财政分局", Department.Kind.BUREAU),
    ]
    for order, (slug, name, kind) in enumerate(departments):
        zone.departments[slug] = Department.objects.create(
            name=name,
            slug=slug,
            kind=kind,
            summary=f"{name}负责相关工作",
            functions=f"<p>{name}的工作职能：统筹协调。</p>",
            address=f"来凤县翔凤镇开发区大道{order + 1}号",
            phone=f"0718-628{order:04d}",
            office_hours="工作日 8:30-12:00",
            sort_order=order,
        )
    office, invest, finance = (zone.departments[key] for key in ("office", "invest", "finance"))

    for key, colour in (("cover1", (200, 40, 40)), ("cover2", (40, 160, 60)), ("photo", (90, 90, 90))):
        zone.images[key] = make_image(f"图片{key}", office.collection, colour)
    zone.images["finance"] = make_image("财政分局图片", finance.collection)
    zone.documents["notice_pdf"] = make_document("2024年招商引资优惠政策.pdf", invest.collection, filename="policy.pdf")
    zone.documents["finance_pdf"] = make_document("财政预算公开表", finance.collection, filename="budget.pdf")
    zone.documents["video"] = make_document("宣传片视频", office.collection, content=MP4_BYTES, filename="promo.mp4")

    def column(key: str, parent: Page, title: str, slug: str, owner: Department | None, **kwargs) -> ColumnPage:
        page = add_page(
            parent,
            ColumnPage(
                title=title,
                slug=slug,
                department=owner,
                show_in_menus=True,
                keywords=f"{title},来凤",
                search_description=f"{title}栏目发布相关信息",
                **kwargs,
            ),
        )
        if owner is not None:
            assign_column(owner, page)
        zone.columns[key] = page
        return page

    disclosure = column("disclosure", home, "政务公开", "zwgk", office, column_type=ColumnPage.ColumnType.DISCLOSURE)
    column("notices", home, "公告与通知", "notices", office)
    column("news", home, "新闻快递", "news", office, per_page=2)
    dynamics = column("dynamics", home, "开发区动态", "dynamics", office)
    column("investment", dynamics, "招商引资", "investment", invest)
    column("services", dynamics, "企业服务", "services", invest)
    column("finance", disclosure, "财政预决算", "finance", finance)

    def article(key: str, column_key: str, title: str, when: datetime, **kwargs) -> ArticlePage:
        kwargs.setdefault("body", rich_paragraphs(f"{title}的正文。", "开发区坚持工业强县战略。"))
        kwargs.setdefault("summary", f"{title}的摘要")
        page = add_page(zone.columns[column_key], ArticlePage(title=title, slug=f"a-{key}", publish_at=when, **kwargs))
        zone.articles[key] = page
        return page

    article(
        "news1",
        "news",
        "开发区召开2024年招商引资工作会议",
        shanghai(2024, 3, 1),
        cover_image=zone.images["cover1"],
        source_department=office,
        author="李明",
        keywords="招商引资,工作会议",
        search_description="开发区部署全年招商引资工作",
    )
    article(
        "news2",
        "news",
        "来凤经济开发区工业园区建设加快推进",
        shanghai(2024, 4, 2, 10, 5),
        cover_image=zone.images["cover2"],
        subtitle="三大园区同步建设",
        source_department=invest,
        author="王芳",
        keywords="园区建设",
    )
    news3 = article(
        "news3",
        "news",
        "开发区举办企业用工对接会",
        shanghai(2024, 5, 3, 14, 45),
        source_name="恩施州人民政府网",
        author="张伟",
    )
    ArticleAttachment.objects.create(page=news3, document=zone.documents["notice_pdf"], title="对接会企业名单")
    news3.save_revision().publish()
    zone.articles["news3"] = ArticlePage.objects.get(pk=news3.pk)
    article("notice1", "notices", "关于开展2024年度安全生产检查的通知", shanghai(2024, 2, 20), source_department=office)
    article("invest1", "investment", "2014年开发区招商引资项目一览", shanghai(2024, 1, 15), source_department=invest)
    article("invest2", "investment", "重点项目签约仪式举行", shanghai(2024, 1, 20), source_department=invest)
    article("finance1", "finance", "2024年开发区财政预算公开", shanghai(2024, 1, 10), source_department=finance)
    article("service1", "services", "企业开办一窗通办指南", shanghai(2024, 1, 12), source_department=invest)

    zone.pages["location"] = add_page(
        disclosure,
        ContentPage(
            title="地理位置",
            slug="location",
            department=office,
            intro="<p>来凤县地处湘鄂渝三省交界。</p>",
            updated_note="数据来源于开发区2015年统计",
            body=stream_body(
                [
                    ("heading", "区位优势"),
                    ("paragraph", "<p>开发区位于来凤县城东部，交通便利。</p>"),
                    (
                        "table",
                        {
                            "data": [["指标", "数值"], ["规划面积", "12.5平方公里"]],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                        },
                    ),
                    (
                        "figures",
                        [
                            {"label": "入园企业", "value": "86", "unit": "家", "note": ""},
                            {"label": "工业总产值", "value": "45.6", "unit": "亿元", "note": "2015年"},
                        ],
                    ),
                    ("image", {"image": zone.images["photo"].pk, "alt_text": "园区全景", "decorative": False}),
                ]
            ),
        ),
    )
    for section, title, slug in (
        (OrganisationPage.Section.STRUCTURE, "机构设置", "structure"),
        (OrganisationPage.Section.FUNCTIONS, "部门职能", "functions"),
        (OrganisationPage.Section.LEADERS, "领导班子", "leaders"),
        (OrganisationPage.Section.OFFICES, "办公地点", "offices"),
    ):
        zone.pages[slug] = add_page(disclosure, OrganisationPage(title=title, slug=slug, section=section))

    zone.leaders = [
        Leader.objects.create(
            name="陈建国",
            title="党工委书记、管委会主任",
            department=office,
            photo=zone.images["photo"],
            duties="主持管委会全面工作",
            sort_order=1,
        ),
        Leader.objects.create(
            name="刘晓红", title="管委会副主任", department=invest, duties="分管招商引资工作", sort_order=2
        ),
    ]

    hall = add_page(home, MediaHallPage(title="多媒体展厅", slug="multimedia", show_in_menus=True))
    zone.pages["media"] = hall
    album = PhotoAlbumPage(title="园区风貌", slug="album", intro="<p>开发区建设掠影</p>")
    album.photos = [
        AlbumPhoto(image=zone.images["cover1"], caption="标准化厂房"),
        AlbumPhoto(image=zone.images["cover2"], caption="园区道路"),
    ]
    zone.pages["album"] = add_page(hall, album)
    zone.pages["video"] = add_page(
        hall,
        VideoPage(
            title="开发区宣传片",
            slug="video",
            video=zone.documents["video"],
            poster=zone.images["photo"],
            caption="来凤经济开发区形象宣传片",
            duration="03:20",
            transcript="这里是来凤经济开发区，一座正在崛起的新城。",
        ),
    )
    zone.pages["sitemap"] = add_page(home, SitemapPage(title="网站地图", slug="sitemap"))

    home.news_column = zone.columns["news"]
    home.notice_column = zone.columns["notices"]
    home.dynamics_column = dynamics
    home.media_hall = hall
    home.quick_links = [
        HomeQuickLink(title="办事服务", description="网上办事", link_page=zone.columns["services"]),
        HomeQuickLink(title="政策查询", description="政策法规", link_url="/zwgk/"),
    ]
    home.save_revision().publish()
    zone.home = HomePage.objects.get(pk=home.pk)

    settings = PortalSettings.objects.get(site=site)
    settings.links = [
        SiteLink(group=SiteLink.Group.SUBSITE, title="招商网", url="http://invest.localhost/"),
        SiteLink(group=SiteLink.Group.GOVERNMENT, title="来凤县人民政府", url="http://www.laifeng.gov.cn/"),
    ]
    settings.save()

    zone.users["admin"] = make_user("admin", superuser=True)
    zone.users["reviewer"] = make_user("office_reviewer", office_reviewers())
    for slug, department in zone.departments.items():
        zone.users[f"{slug}_editor"] = make_user(f"{slug}_editor", department.editors_group)
        zone.users[f"{slug}_head"] = make_user(f"{slug}_head", department.heads_group)
    assert Group.objects.filter(name=OFFICE_REVIEWERS_GROUP).exists()
    return zone
