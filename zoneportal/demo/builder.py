"""Builds (and removes) the demo zone 来凤经济开发区 from the content modules in ``demo/content``.

``load_demo`` (the management command) calls ``load``: one transaction that
optionally removes the previous demo, then creates the three sites, the five
departments with their groups, collections and review workflows, the demo
accounts, the drawn images and documents, the column tree with its owners,
the content pages and articles, and finally each site's settings and home
page blocks. If anything fails nothing stays half-built.

Pages are created the way an editor would leave them: a revision saved by
the owning department's editor and published by the office reviewer, so the
audit log and the revision history exist from the start.
"""

from __future__ import annotations

import hashlib
import html
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, GroupApprovalTask, Page, Site, Task, Workflow

from zoneportal.circulation import demo as circulation_demo
from zoneportal.core.models import Department, Leader
from zoneportal.core.ownership import OFFICE_REVIEWERS_GROUP, assign_column, office_reviewers
from zoneportal.core.progress import Progress
from zoneportal.core.wagtail_defaults import remove_wagtail_defaults
from zoneportal.disclosure import demo as disclosure_demo
from zoneportal.investment import demo as investment_demo
from zoneportal.investment.pages import InvestmentDataPage
from zoneportal.investsite import demo as investsite_demo
from zoneportal.notices import demo as notices_demo
from zoneportal.performance import demo as performance_demo
from zoneportal.policies.pages import PolicyLibraryPage
from zoneportal.portal.models import (
    AlbumPhoto,
    ArticleAttachment,
    ArticlePage,
    ArticleRelatedLink,
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
from zoneportal.rectification import demo as rectification_demo
from zoneportal.resettlement import demo as resettlement_demo
from zoneportal.search.index import rebuild_index
from zoneportal.services import demo as services_demo
from zoneportal.supervision import demo as supervision_demo
from zoneportal.surveys.demo import load_surveys, remove_surveys, total_responses
from zoneportal.surveys.pages import SurveyIndexPage

from . import generated_policies, participation
from . import images as drawing
from . import policies as policy_library
from .content import surveys as survey_content
from .content.articles import ARTICLES, ArticleSpec
from .content.letters import LETTERS
from .content.media import ALBUMS, DOCUMENTS, IMAGES, VIDEOS
from .content.organisation import (
    DEMO_ADDRESS,
    DEMO_HOURS,
    DEMO_PHONE,
    DEPARTMENTS,
    LEADERS,
    DepartmentSpec,
)
from .content.pages import CONTENT_PAGES, ContentSpec
from .content.reports import REPORTS
from .figures import check_demo
from .files import document_bytes
from .letters import DIRECTOR_SLUG, create_letters, create_letters_page, remove_letters

DEMO_PASSWORD = "laifeng2016"
PORT = 8000
MAIN_HOST, INVEST_HOST, TALENT_HOST = "localhost", "invest.localhost", "talent.localhost"
MAIN_SLUG, INVEST_SLUG, TALENT_SLUG = "laifeng", "zhaoshangwang", "rencaiwang"
ADMIN_USERNAME, REVIEWER_USERNAME = "admin", "office_reviewer"
BUILT, PRESENT, FOREIGN = "built", "present", "foreign"  # outcomes of ``load``
TZ = ZoneInfo("Asia/Shanghai")
# Wagtail and modelsearch queue a search-index and a reference-index update as
# a background task on every save; building the demo saves each page several
# times. The loader collects those tasks instead and runs each distinct one
# once at the end, in-process: the demo is complete (and searchable) when the
# command returns, and no queue is left behind for a worker.
COLLECT_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
SEARCH_INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"

GOVERNMENT_LINKS = [
    ("国家级经济技术开发区", "https://www.mofcom.gov.cn/", "商务部（国家级经济技术开发区）"),
    ("湖北省人民政府", "https://www.hubei.gov.cn/", ""),
    ("恩施州人民政府", "https://www.enshi.gov.cn/", ""),
    ("来凤县人民政府", "http://www.laifeng.gov.cn/", ""),
]


@dataclass(frozen=True)
class Account:
    """A demo login printed at the end of ``load_demo``."""

    username: str
    role: str
    department: str = ""


def demo_accounts() -> list[Account]:
    """Every demo login, in the order they are printed."""
    accounts = [Account(ADMIN_USERNAME, _("超级管理员（全部权限）"))]
    for spec in DEPARTMENTS:
        accounts.append(Account(f"{spec.slug}_editor", _("编辑：撰写并提交审核"), spec.name))
        accounts.append(Account(f"{spec.slug}_head", _("部门负责人：第一级审核"), spec.name))
    accounts.append(Account(REVIEWER_USERNAME, _("管委会办公室终审：审核并发布"), OFFICE_REVIEWERS_GROUP))
    return accounts


def is_loaded() -> bool:
    """True when the demo's main site is in place."""
    return Site.objects.filter(is_default_site=True, root_page__slug=MAIN_SLUG).exists()


def has_foreign_content() -> bool:
    """True when pages exist that neither the demo nor a fresh Wagtail install made."""
    pages = Page.objects.filter(depth__gt=1)
    fresh_welcome = pages.filter(depth=2, numchild=0, content_type__app_label="wagtailcore", content_type__model="page")
    return pages.exclude(pk__in=fresh_welcome.values("pk")).exists()


class DemoBuilder:
    """Creates every object of the demo; keeps them by key so later steps can refer to them."""

    STEPS = 29  # the last two, updating Wagtail's indexes and building the site search index, are run by ``load``

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.pages: dict[str, Page] = {}
        self.images: dict = {}
        self.documents: dict = {}
        self.departments: dict[str, Department] = {}
        self.editors: dict = {}
        self.sites: dict[str, Site] = {}
        self.policies: dict = {}  # key → zoneportal.policies Policy (demo/policies.py)
        self.written_files: list[tuple] = []  # (storage, name): removed again if the build fails
        self.admin = None
        self.reviewer = None

    # ---- orchestration -----------------------------------------------------

    def build(self) -> None:
        """Build the whole demo (the caller provides the transaction)."""
        step = self.progress.step
        step(_("核对演示内容中的数字"), total=1)
        check_demo()
        self.progress.tick()
        step(_("建立站点与首页"), total=3)
        self.create_sites()
        step(_("建立部门、用户组、审核流程与演示账号"), total=len(DEPARTMENTS))
        self.create_departments_and_accounts()
        step(_("生成图片"), total=len(IMAGES))
        self.create_images()
        step(_("生成文档"), total=len(DOCUMENTS))
        self.create_documents()
        step(_("建立领导班子"), total=len(LEADERS))
        self.create_leaders()
        step(_("建立栏目并分配给部门"), total=len(COLUMNS))
        self.create_columns()
        step(_("建立领导信箱与演示来信"), total=len(LETTERS) + 1)
        create_letters_page(self)
        create_letters(self)
        step(_("发布内容页"), total=len(CONTENT_PAGES))
        self.create_content_pages()
        step(_("建立政策法规库：文件与解读"), total=policy_library.steps())
        policy_library.create_policies(self)
        articles = len(REPORTS) + len(ARTICLES) - len(policy_library.library_specs())
        step(_("发布文章与政策解读"), total=articles + policy_library.finishing_steps())
        self.create_articles()
        policy_library.finish_policies(self)
        step(_("建立多媒体展厅"), total=len(ALBUMS) + len(VIDEOS))
        self.create_media_hall()
        step(_("互动交流：便民问答与意见征集"), total=participation.steps())
        participation.build(self)
        step(_("办事指南：事项、表格与“一件事”"), total=services_demo.steps())
        services_demo.build(self)
        step(_("招商与园区：园区、企业、项目与经济指标"), total=investment_demo.steps())
        investment_demo.build(self)
        step(_("安置与失地保障：拆迁、还建点与失地农民参保"), total=resettlement_demo.steps())
        resettlement_demo.build(self)
        step(_("网站设置、首页区块与快捷入口"), total=3)
        self.finish_sites()
        step(_("招商网七种语言版本与投资线索"), total=investsite_demo.steps())
        investsite_demo.build(self)
        step(_("民意调查与生成的答卷"), total=total_responses())
        self.create_surveys()
        step(_("建立整改台账"), total=len(rectification_demo.ITEMS) + 1)
        rectification_demo.build(self)
        step(_("网上办公：公文流转"), total=circulation_demo.steps())
        circulation_demo.build(self)
        step(_("为超期演示来信下发督办单"), total=1)
        self.issue_supervision_order()
        step(_("督办事项：领导批示"), total=supervision_demo.steps())
        supervision_demo.build(self)
        step(_("生成政策法规库文件"), total=generated_policies.COUNT)
        generated_policies.build(self)
        step(_("信息公开：公开指南、年度报告与依申请公开"), total=disclosure_demo.steps())
        disclosure_demo.build(self)
        step(_("网上办公：办公室发出的通知与签收"), total=notices_demo.steps())
        notices_demo.build(self)
        step(_("目标管理：各部门考核目标"), total=performance_demo.steps())
        performance_demo.build(self)
        self.progress.finish()

    def create_surveys(self) -> None:
        """The questionnaire (630 generated responses), an open poll, and 互动交流 › 民意调查 serving them."""
        load_surveys(self.progress.tick)
        column = self.pages["interaction"]
        if SurveyIndexPage.objects.child_of(column).exists():
            return
        office = self.departments["bangongshi"]
        page = SurveyIndexPage(
            title=survey_content.PAGE_TITLE,
            slug=survey_content.PAGE_SLUG,
            department=office,
            intro=f"<p>{html.escape(survey_content.PAGE_INTRO)}</p>",
            keywords=survey_content.PAGE_KEYWORDS,
            show_in_menus=True,
        )
        self.create_page(column, page, "surveys", office)
        # Beside 便民问答: the side navigation then lists the column's parts in the order its intro names them.
        page.move(self.pages["faq-list"], pos="right", user=page.owner)
        page = self.pages["surveys"] = SurveyIndexPage.objects.get(pk=page.pk)
        self.publish(page, office)

    # ---- after the letters: 督办 ---------------------------------------------

    def issue_supervision_order(self) -> None:
        """The office's supervision order on the most overdue demo letter (none when no letter is overdue)."""
        from zoneportal.letters.oversight import issue_demo_order

        issue_demo_order(self.reviewer)
        self.progress.tick()

    # ---- step 2: sites -----------------------------------------------------

    def create_sites(self) -> None:
        """Remove Wagtail's welcome page, default workflow and groups; create the three home pages and Sites."""
        for page in Page.objects.filter(depth=2, numchild=0, content_type__app_label="wagtailcore"):
            page.delete()
        remove_wagtail_defaults()
        root = Page.get_first_root_node()
        homes = [
            ("main", MAIN_SLUG, "来凤经济开发区", "湖北西大门 · 湘、鄂、渝三省市交界处", MAIN_HOST, True),
            ("invest", INVEST_SLUG, "来凤经济开发区招商网", "“招商”“亲商”“稳商”“富商”", INVEST_HOST, False),
            ("talent", TALENT_SLUG, "来凤经济开发区人才网", "积极开拓人才市场，招贤引能", TALENT_HOST, False),
        ]
        for key, slug, title, tagline, hostname, default in homes:
            home = HomePage(title=title, slug=slug, tagline=tagline, mailbox_title="主任信箱", live=False)
            root.add_child(instance=home)
            self.pages[f"{key}-home"] = home
            self.sites[key] = Site.objects.create(
                hostname=hostname, port=PORT, root_page=home, is_default_site=default, site_name=title
            )
            self.progress.tick()

    # ---- step 3: departments and people ------------------------------------

    def create_departments_and_accounts(self) -> None:
        """Departments (their save provisions groups, collection and workflow) and the demo users."""
        User = get_user_model()
        # Hashing is deliberately slow; every demo account shares one hash.
        password = make_password(DEMO_PASSWORD)
        self.admin = User.objects.create(
            username=ADMIN_USERNAME,
            email="admin@example.org",
            first_name="演示管理员",
            is_staff=True,
            is_superuser=True,
            password=password,
        )
        for order, spec in enumerate(DEPARTMENTS, start=1):
            department = Department.objects.create(
                name=spec.name,
                slug=spec.slug,
                kind=spec.kind,
                summary=spec.summary,
                functions=self.department_functions(spec),
                staffing=spec.staffing,
                address=DEMO_ADDRESS.format(floor=spec.floor),
                phone=DEMO_PHONE.format(n=order),
                office_hours=DEMO_HOURS,
                sort_order=order * 10,
            )
            self.departments[spec.slug] = department
            for suffix, group, label in (
                ("editor", department.editors_group, "编辑"),
                ("head", department.heads_group, "负责人"),
            ):
                user = User.objects.create(
                    username=f"{spec.slug}_{suffix}",
                    email=f"{spec.slug}_{suffix}@example.org",
                    first_name=f"{spec.name}{label}（演示）",
                    password=password,
                )
                user.groups.add(group)
                if suffix == "editor":
                    self.editors[spec.slug] = user
            self.progress.tick()
        self.reviewer = User.objects.create(
            username=REVIEWER_USERNAME,
            email="office_reviewer@example.org",
            first_name="管委会办公室审核（演示）",
            password=password,
        )
        self.reviewer.groups.add(office_reviewers())

    def department_functions(self, spec: DepartmentSpec) -> str:
        """The functions of a department as rich text: note, introduction, one list item per duty, closing."""
        parts = [f"<p>{html.escape(text)}</p>" for text in (spec.functions_note, spec.functions_intro) if text]
        parts.append("<ul>" + "".join(f"<li>{html.escape(duty)}。</li>" for duty in spec.functions) + "</ul>")
        if spec.functions_closing:
            parts.append(f"<p>{html.escape(spec.functions_closing)}</p>")
        return "".join(parts)

    # ---- steps 4-6: images, documents, leaders ----------------------------

    def create_images(self) -> None:
        """Draw every image and store it in its department's collection."""
        Image = get_image_model()
        for spec in IMAGES:
            fmt, extension = ("JPEG", "jpg") if spec.photo else ("PNG", "png")
            data = drawing.to_bytes(spec.make(), fmt)
            department = self.departments[spec.department]
            image = Image(
                title=spec.title,
                description=spec.description[:255],
                collection=department.collection,
                uploaded_by_user=self.editors[spec.department],
                file=ImageFile(io.BytesIO(data), name=f"{spec.key}.{extension}"),
                file_size=len(data),
                file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),  # the hash Wagtail uses for duplicates
            )
            image.save()
            self.written_files.append((image.file.storage, image.file.name))
            self.images[spec.key] = image
            self.progress.tick()

    def create_documents(self) -> None:
        """Write every PDF and spreadsheet and store it in its department's collection."""
        Document = get_document_model()
        for spec in DOCUMENTS:
            data = document_bytes(spec.key)
            department = self.departments[spec.department]
            document = Document(
                title=spec.title,
                collection=department.collection,
                uploaded_by_user=self.editors[spec.department],
                file=ContentFile(data, name=spec.filename),
                file_size=len(data),
                file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),  # as Wagtail computes it
            )
            document.save()
            self.written_files.append((document.file.storage, document.file.name))
            self.documents[spec.key] = document
            self.progress.tick()

    def create_leaders(self) -> None:
        """The leadership (领导班子) with portrait placeholders."""
        for index, spec in enumerate(LEADERS):
            Leader.objects.create(
                name=spec.name,
                title=spec.title,
                department=self.departments[spec.department],
                photo=self.images[f"portrait-{index}"],
                duties=spec.duties,
                biography=spec.biography,
                sort_order=(index + 1) * 10,
            )
            self.progress.tick()

    # ---- step 7: columns ---------------------------------------------------

    def create_columns(self) -> None:
        """The column tree of the three sites, each column owned by its department."""
        policy_library.create_categories()
        library_categories = policy_library.category_lists()
        for spec in COLUMNS:
            parent = self.pages[spec.parent]
            department = self.departments.get(spec.department) if spec.department else None
            page = spec.make(department)
            if spec.kind == "library":
                page.categories = library_categories[spec.key]
            page.show_in_menus = spec.in_menu
            self.create_page(parent, page, spec.key, department)
            self.publish(page, department)
            if department is not None and spec.assign:
                assign_column(department, page)
            self.progress.tick()

    # ---- step 8: content pages ---------------------------------------------

    def create_content_pages(self) -> None:
        """Overview, goals, FAQ, service guide … : created first, filled once all can be linked."""
        for spec in CONTENT_PAGES:
            department = self.departments[spec.department]
            page = ContentPage(
                title=spec.title,
                slug=spec.slug,
                department=department,
                intro=f"<p>{html.escape(spec.intro)}</p>",
                updated_note=spec.updated_note,
                keywords=spec.keywords,
                show_in_menus=True,
            )
            self.create_page(self.pages[spec.parent], page, spec.key, department)
            assign_column(department, page)
        for spec in CONTENT_PAGES:
            page = self.pages[spec.key]
            page.body = self.stream_body(spec)
            self.publish(page, self.departments[spec.department])
            self.progress.tick()

    def stream_body(self, spec: ContentSpec) -> list[dict]:
        """The raw StreamField data of a content page."""
        body: list[dict] = []
        for item in spec.body:
            kind = item[0]
            if kind == "heading":
                body.append({"type": "heading", "value": item[1]})
            elif kind == "p":
                content = item[1] if isinstance(item[1], list) else [item[1]]
                body.append({"type": "paragraph", "value": self.rich_text(content)})
            elif kind == "image":
                image = self.images[item[1]]
                body.append(
                    {"type": "image", "value": {"image": image.pk, "decorative": False, "alt_text": image.description}}
                )
            elif kind == "table":
                _kind, caption, headers, rows = item
                body.append(
                    {
                        "type": "table",
                        "value": {
                            "data": [list(headers), *[[str(cell) for cell in row] for row in rows]],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                            "table_caption": caption,
                        },
                    }
                )
            elif kind == "investment":
                _kind, dataset, year, caption = item
                body.append({"type": "investment", "value": {"dataset": dataset, "year": year, "caption": caption}})
            elif kind == "figures":
                body.append(
                    {
                        "type": "figures",
                        "value": [
                            {"label": label, "value": value, "unit": unit, "note": note}
                            for label, value, unit, note in item[1]
                        ],
                    }
                )
        return body

    # ---- step 9: articles --------------------------------------------------

    def create_articles(self) -> None:
        """The five reports and the short articles; related links once all exist."""
        created: list[tuple[ArticlePage, Department | None, tuple[str, ...]]] = []
        for spec in (*REPORTS, *ARTICLES):
            if policy_library.is_library_article(spec):
                continue  # a document of the policy library (demo/policies.py)
            page, department = self.article(spec)
            created.append((page, department, spec.related))
        for page, department, related in created:
            pages = [key for key in related if key in self.pages]
            page.related_links = [ArticleRelatedLink(related_page=self.pages[key]) for key in pages]
            # A related policy document is a record, not a page: the article links to it at the end of its text.
            for policy in (self.policies[key] for key in related if key in self.policies):
                page.body += policy_library.link_html(policy, _("相关文件：%(title)s") % {"title": policy.title})
            self.publish(page, department)
            self.progress.tick()
        # Sitemaps and "updated" dates should show when the news happened, not when the demo was loaded.
        for page, _department, _related in created:
            Page.objects.filter(pk=page.pk).update(last_published_at=page.publish_at)

    def article(self, spec: ArticleSpec) -> tuple[ArticlePage, Department | None]:
        """An article; ``spec.department`` None is outside material (no source department)."""
        department = self.departments[spec.department] if spec.department else None
        page = ArticlePage(
            title=spec.title,
            slug=spec.key,
            subtitle=spec.subtitle,
            source_department=department,
            source_name=spec.source_name,
            author=spec.author or (department.name if department else ""),
            summary=spec.summary,
            body=self.rich_text(spec.body),
            keywords=spec.keywords,
            doc_number=spec.doc_number,
            issuer=spec.issuer,
            policy_category=spec.policy_category,
            validity=spec.validity,
        )
        return self.place_article(page, spec, department), department

    def place_article(self, page: ArticlePage, spec, department: Department | None) -> ArticlePage:
        """Date, cover and attachments, then create the page (unpublished) under its column."""
        page.publish_at = page.first_published_at = _when(spec.date)
        page.cover_image = self.images[spec.cover] if spec.cover else None
        page.attachments = [ArticleAttachment(document=self.documents[key]) for key in spec.attachments]
        column = self.pages[spec.column]
        owner = department or getattr(column, "department", None)
        self.create_page(column, page, spec.key, owner)
        return page

    # ---- step 10: multimedia hall ------------------------------------------

    def create_media_hall(self) -> None:
        """Photo albums and videos (poster, caption and transcript; no video file)."""
        hall = self.pages["media"]
        department = self.departments["bangongshi"]
        for spec in ALBUMS:
            album = PhotoAlbumPage(
                title=spec.title,
                slug=spec.slug,
                department=department,
                intro=f"<p>{html.escape(spec.intro)}</p>",
                first_published_at=_when(spec.date),
                show_in_menus=True,
            )
            album.photos = [AlbumPhoto(image=self.images[key], caption=caption) for key, caption in spec.photos]
            self.create_page(hall, album, spec.key, department)
            self.publish(album, department)
            self.progress.tick()
        for spec in VIDEOS:
            video = VideoPage(
                title=spec.title,
                slug=spec.slug,
                department=department,
                poster=self.images[spec.poster],
                caption=spec.caption,
                transcript=spec.transcript,
                first_published_at=_when(spec.date),
                show_in_menus=True,
            )
            self.create_page(hall, video, spec.key, department)
            self.publish(video, department)
            self.progress.tick()

    # ---- step 11: settings and home pages ----------------------------------

    def finish_sites(self) -> None:
        """Footer settings of each site, then the home pages' blocks and quick links, published."""
        main, invest, talent = self.sites["main"], self.sites["invest"], self.sites["talent"]
        mailbox = self.pages["mailbox"]
        # The home page's 我要写信 opens the 主任信箱 form itself.
        mailbox_path = f"{mailbox.relative_url(main)}{DIRECTOR_SLUG}/"
        subsites = {
            "main": ("来凤经济开发区（主站）", main.root_url + "/"),
            "invest": ("招商网", invest.root_url + "/"),
            "talent": ("人才网", talent.root_url + "/"),
        }
        for number, (key, site) in enumerate(self.sites.items(), start=1):
            settings = PortalSettings(
                site=site,
                site_name=site.site_name,
                site_short_name={"main": "来凤经开区", "invest": "招商网", "talent": "人才网"}[key],
                site_domain=site.hostname,
                site_id_code=f"DEMO00000{number}",
                icp_number="鄂ICP备00000000号（演示）",
                public_security_number="鄂公网安备00000000000000号（演示）",
                host_unit="来凤经济开发区管理委员会",
                organiser=self.departments["bangongshi"].name,
                address=DEMO_ADDRESS.format(floor="一楼"),
                phone=DEMO_PHONE.format(n=1),
                email="demo@example.org",
            )
            links = [
                SiteLink(group=SiteLink.Group.SUBSITE, title=title, url=url, sort_order=index)
                for index, (other, (title, url)) in enumerate(subsites.items())
                if other != key
            ]
            links += [
                SiteLink(group=SiteLink.Group.GOVERNMENT, title=title, url=url, description=note, sort_order=10 + index)
                for index, (title, url, note) in enumerate(GOVERNMENT_LINKS)
            ]
            settings.links = links
            settings.save()

        self.finish_home(
            "main-home",
            banner="banner-main",
            intro="来凤经济开发区是第一批通过核准的省属开发区，重点建设桂花树工业园和四合工业园。",
            news="news",
            notices="notices",
            dynamics="dynamics",
            mailbox_url=mailbox_path,
            links=[
                ("办事服务", "企业入园、一站式服务", "service", ""),
                ("政策法规", "优惠政策与文件", "policies", ""),
                ("便民问答", "常见问题", "faq", ""),
                ("领导信箱", "写信、查询与公开答复", "mailbox", ""),
                ("企业入园", "办事指南和流程图", "entry-guide", ""),
                ("招商网", "投资环境与招商项目", None, subsites["invest"][1]),
                ("人才网", "招聘与人才政策", None, subsites["talent"][1]),
                ("网站地图", "全部栏目", "sitemap", ""),
            ],
        )
        self.finish_home(
            "invest-home",
            banner="banner-invest",
            intro="投资来凤：湘、鄂、渝三省市交界处，“七通一平”的工业园区，“一站式”的投资服务。",
            news="inv_news",
            notices="inv_projects",
            dynamics=None,
            mailbox_url=main.root_url + mailbox_path,
            links=[
                ("投资环境", "湖北西大门", "inv-environment", ""),
                ("园区介绍", "一区三园三线", "inv-parks", ""),
                ("优惠政策", "以返代免、一事一议", "inv-policy", ""),
                ("投资服务", "四个一工作机制", "inv-service", ""),
                ("返回主站", "来凤经济开发区", None, subsites["main"][1]),
            ],
        )
        self.finish_home(
            "talent-home",
            banner="banner-talent",
            intro="开发区全部工作人员实行聘任、聘用制，通过公开招考、竞争上岗、择优录用。",
            news="tal_news",
            notices="tal_jobs",
            dynamics=None,
            mailbox_url=main.root_url + mailbox_path,
            links=[
                ("人才政策", "招贤引能", "tal-policy", ""),
                ("招聘信息", "公开招考", "tal_jobs", ""),
                ("创业服务", "人才交流中心", "tal-startup", ""),
                ("返回主站", "来凤经济开发区", None, subsites["main"][1]),
            ],
        )

    def finish_home(
        self,
        key: str,
        *,
        banner: str,
        intro: str,
        news: str,
        notices: str,
        dynamics: str | None,
        mailbox_url: str,
        links: list[tuple[str, str, str | None, str]],
    ) -> None:
        home = self.pages[key]
        home.banner = self.images[banner]
        home.intro = f"<p>{html.escape(intro)}</p>"
        home.news_column = self.pages[news]
        home.notice_column = self.pages[notices]
        home.dynamics_column = self.pages[dynamics] if dynamics else None
        home.media_hall = self.pages.get("media") if key == "main-home" else None
        home.mailbox_url = mailbox_url
        home.quick_links = [
            HomeQuickLink(
                title=title,
                description=description,
                link_page=self.pages[page_key] if page_key else None,
                link_url=url,
                sort_order=index,
            )
            for index, (title, description, page_key, url) in enumerate(links)
        ]
        self.publish(home, self.departments["bangongshi"], as_admin=True)
        self.progress.tick()

    # ---- shared helpers ----------------------------------------------------

    def create_page(self, parent: Page, page: Page, key: str, department: Department | None) -> Page:
        """Add ``page`` under ``parent`` as a draft owned by the department's editor."""
        editor = self.editors.get(department.slug) if department is not None else None
        page.owner = editor or self.admin
        page.live = False
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=page.owner, content_changed=True)
        self.pages[key] = page
        return page

    def publish(self, page: Page, department: Department | None, as_admin: bool = False) -> None:
        """Save a revision by the department's editor and publish it as the office reviewer (三审的终审)."""
        editor = self.editors.get(department.slug) if department is not None else None
        # Already validated when created (and again on publish): skip the third full_clean.
        revision = page.save_revision(
            user=(editor if not as_admin else self.admin) or self.admin, log_action=True, clean=False
        )
        revision.publish(user=self.admin if as_admin else self.reviewer, skip_permission_checks=True)
        page.refresh_from_db(fields=["live", "live_revision", "latest_revision", "numchild"])

    def rich_text(self, items: Iterable) -> str:
        """Rich-text HTML (Wagtail's database format) for article-style body items."""
        parts = []
        for item in items:
            if isinstance(item, str):
                parts.append(f"<p>{html.escape(item)}</p>")
                continue
            kind = item[0]
            if kind in {"h2", "h3", "h4"}:
                parts.append(f"<{kind}>{html.escape(item[1])}</{kind}>")
            elif kind == "right":  # a closing line: signature, date
                parts.append(f'<p style="text-align: right">{html.escape(item[1])}</p>')
            elif kind == "ul":
                parts.append("<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in item[1]) + "</ul>")
            elif kind == "page" and item[1] in self.policies:
                parts.append(policy_library.link_html(self.policies[item[1]], item[2]))
            elif kind == "page":
                target = self.pages[item[1]]
                parts.append(f'<p><a linktype="page" id="{target.pk}">{html.escape(item[2])}</a></p>')
            elif kind == "doc":
                document = self.documents[item[1]]
                parts.append(f'<p><a linktype="document" id="{document.pk}">{html.escape(item[2])}</a></p>')
            elif kind == "img":
                image = self.images[item[1]]
                parts.append(
                    f'<embed alt="{html.escape(image.description)}" embedtype="image" format="fullwidth" '
                    f'id="{image.pk}"/>'
                )
        return "".join(parts)


@dataclass(frozen=True)
class ColumnSpec:
    """A page of the column tree (栏目, organisation page, multimedia hall, site map)."""

    key: str
    parent: str
    title: str
    slug: str
    department: str | None = None
    kind: str = "column"  # column | organisation | media | sitemap | library (政策法规库) | investment (招商数据)
    column_type: str = ColumnPage.ColumnType.LIST
    content_kind: str = ColumnPage.ContentKind.NEWS  # how site search classifies the column's articles
    intro: str = ""
    section: str = ""
    in_menu: bool = True
    assign: bool = True  # give the department's groups rights on this page and below

    def make(self, department: Department | None) -> Page:
        intro = f"<p>{html.escape(self.intro)}</p>" if self.intro else ""
        common = {"title": self.title, "slug": self.slug, "department": department, "intro": intro}
        if self.kind == "organisation":
            return OrganisationPage(section=self.section, **common)
        if self.kind == "media":
            return MediaHallPage(**common)
        if self.kind == "sitemap":
            return SitemapPage(**common)
        if self.kind == "library":
            return PolicyLibraryPage(keywords=self.title, **common)
        if self.kind == "investment":
            return InvestmentDataPage(keywords=self.title, **common)
        return ColumnPage(column_type=self.column_type, content_kind=self.content_kind, keywords=self.title, **common)


DISCLOSURE = ColumnPage.ColumnType.DISCLOSURE
NOTICE, FAQ = ColumnPage.ContentKind.NOTICE, ColumnPage.ContentKind.FAQ
INTERPRETATION, GUIDE = ColumnPage.ContentKind.INTERPRETATION, ColumnPage.ContentKind.GUIDE
COLUMNS = [
    ColumnSpec("disclosure", "main-home", "政务公开", "zhengwu", "bangongshi", column_type=DISCLOSURE,
               intro="开发区概况、机构设置、部门职能、政策法规、办公地点、领导班子、政策解读、工作目标、便民问答。",
               assign=False),
    ColumnSpec("structure", "disclosure", "机构设置", "jigou", "bangongshi", kind="organisation", section="structure",
               intro="开发区管委会内设三个正科级职能机构和1个正科级事业单位。"),
    ColumnSpec("functions", "disclosure", "部门职能", "zhineng", "bangongshi", kind="organisation",
               section="functions", intro="各部门的工作职能，根据来凤经济开发区工业园区建设专题整理。"),
    ColumnSpec("policies", "disclosure", "政策法规", "zhengce", "zhaoshang", kind="library",
               intro="开发区设立、管理体制和优惠政策的文件要点。"),
    ColumnSpec("investment-data", "disclosure", "招商数据", "zhaoshangshuju", "zhaoshang", kind="investment",
               intro="园区、入园企业、重点项目和经济指标，取自管委会各部门维护的记录，可筛选、下载。"),
    ColumnSpec("offices", "disclosure", "办公地点", "bangongdidian", "bangongshi", kind="organisation",
               section="offices", intro="各部门办公地址和电话（演示数据）。"),
    ColumnSpec("leaders", "disclosure", "领导班子", "lingdao", "bangongshi", kind="organisation", section="leaders",
               intro="管委会领导及分工。演示数据只显示公开资料中记载的姓名，其余以“××”代替。"),
    ColumnSpec("interpretation", "disclosure", "政策解读", "jiedu", "zhaoshang", column_type=DISCLOSURE,
               content_kind=INTERPRETATION, intro="用问答和图解说明开发区政策。"),
    ColumnSpec("faq", "disclosure", "便民问答", "bianminwenda", "fuwu", column_type=DISCLOSURE, content_kind=FAQ,
               intro="企业和群众常问的问题。答案摘自开发区公开的资料。"),
    ColumnSpec("finance", "disclosure", "财政信息", "caizheng", "caizheng", column_type=DISCLOSURE,
               intro="财政收支、专项资金和征地资金信息，由财政分局发布。"),
    ColumnSpec("notices", "main-home", "公告与通知", "gonggao", "bangongshi", content_kind=NOTICE,
               intro="管委会及各部门的公告和通知。"),
    ColumnSpec("news", "main-home", "新闻快递", "xinwen", "bangongshi", intro="开发区要闻。"),
    ColumnSpec("selected", "main-home", "信息精选", "jingxuan", "bangongshi",
               intro="各地开发区建设经验交流材料选登。"),
    ColumnSpec("topics", "main-home", "热点专题", "zhuanti", "bangongshi", column_type=ColumnPage.ColumnType.TOPIC,
               intro="工业园区建设、治庸问责等专题。"),
    ColumnSpec("dynamics", "main-home", "开发区动态", "dongtai", "bangongshi", assign=False,
               intro="招商引资、企业服务、高新发展、劳动人事、规划建设、党群生活。"),
    ColumnSpec("dyn_invest", "dynamics", "招商引资", "zhaoshangyinzi", "zhaoshang"),
    ColumnSpec("dyn_service", "dynamics", "企业服务", "qiyefuwu", "fuwu"),
    ColumnSpec("dyn_hitech", "dynamics", "高新发展", "gaoxinfazhan", "zhaoshang"),
    ColumnSpec("dyn_labour", "dynamics", "劳动人事", "laodongrenshi", "bangongshi"),
    ColumnSpec("dyn_planning", "dynamics", "规划建设", "guihuajianshe", "guotu"),
    ColumnSpec("dyn_party", "dynamics", "党群生活", "dangqunshenghuo", "bangongshi"),
    ColumnSpec("service", "main-home", "办事服务", "banshi", "fuwu", column_type=ColumnPage.ColumnType.SERVICE,
               content_kind=GUIDE, intro="企业入园办事指南、表格下载和“一站式”服务。"),
    ColumnSpec("interaction", "main-home", "互动交流", "hudong", "bangongshi",
               column_type=ColumnPage.ColumnType.INTERACTION,
               intro="领导信箱、便民问答、民意调查、意见征集、整改台账：给领导写信，查常见问题，参加问卷调查，"
                     "对政策草案提意见，看问题整改进展。"),
    ColumnSpec("media", "main-home", "多媒体展厅", "duomeiti", "bangongshi", kind="media",
               intro="开发区美景、园区建设与项目建设图片，开发区视频。"),
    ColumnSpec("sitemap", "main-home", "网站地图", "sitemap", kind="sitemap", in_menu=False),
    ColumnSpec("inv_projects", "invest-home", "招商项目", "xiangmu", "zhaoshang", intro="五大产业招商方向与项目。"),
    ColumnSpec("inv_news", "invest-home", "招商动态", "dongtai", "zhaoshang", intro="招商引资新闻。"),
    ColumnSpec("inv-policy", "invest-home", "优惠政策", "youhuizhengce", "zhaoshang", kind="library",
               intro="凡国家、省、地已经颁发与招商引资有关的优惠政策，开发区都遵照执行。"),
    ColumnSpec("inv-sitemap", "invest-home", "网站地图", "sitemap", kind="sitemap", in_menu=False),
    ColumnSpec("tal_jobs", "talent-home", "招聘信息", "zhaopin", "bangongshi", intro="开发区和园区企业招聘信息。"),
    ColumnSpec("tal_news", "talent-home", "人才动态", "dongtai", "bangongshi", intro="人才培育与引进。"),
    ColumnSpec("tal-policy", "talent-home", "人才政策", "rencaizhengce", "bangongshi", kind="library",
               intro="采取多种优惠政策招贤引能，提高开发区的人才实力。"),
    ColumnSpec("tal-sitemap", "talent-home", "网站地图", "sitemap", kind="sitemap", in_menu=False),
]  # fmt: skip


def _when(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


def remove_demo() -> None:
    """Delete everything the demo creates (pages, sites, departments, people, media, workflows)."""
    root = Page.get_first_root_node()
    # Deleting a live page first unpublishes it (signals, log entries): pointless for a wholesale reset.
    Page.objects.filter(depth__gt=1).update(live=False)
    for page in root.get_children():
        page.specific.delete()  # the whole subtree; Sites and their settings go with their root page
    Site.objects.all().delete()
    departments = list(Department.objects.filter(slug__in=[spec.slug for spec in DEPARTMENTS]))
    collections = [department.collection_id for department in departments if department.collection_id]
    for document in get_document_model().objects.filter(collection_id__in=collections):
        document.delete()
    for image in get_image_model().objects.filter(collection_id__in=collections):
        image.delete()
    participation.remove()
    policy_library.remove_policies(departments)
    generated_policies.remove()
    remove_surveys()  # before the departments, which protect their surveys
    Leader.objects.filter(department__in=departments).delete()
    rectification_demo.remove(departments)  # its items keep (PROTECT) their departments
    notices_demo.remove(departments)  # so do notices their senders
    circulation_demo.remove(departments)  # so do official documents and their recipients
    supervision_demo.remove(departments)  # so do 督办事项
    disclosure_demo.remove()
    services_demo.remove(departments)  # so do service items and journeys
    resettlement_demo.remove(departments)
    investsite_demo.remove(departments)  # investor leads keep their department too
    investment_demo.remove(departments)  # and parks, enterprises, projects, tasks and indicators
    remove_letters(departments)
    Leader.objects.filter(name__in=[spec.name for spec in LEADERS]).delete()
    groups = [group for department in departments for group in (department.editors_group, department.heads_group)]
    workflows = [department.workflow_id for department in departments if department.workflow_id]
    task_ids = list(
        Task.objects.filter(workflow_tasks__workflow_id__in=workflows).values_list("pk", flat=True).distinct()
    )
    Workflow.objects.filter(pk__in=workflows).delete()
    GroupApprovalTask.objects.filter(pk__in=task_ids).delete()
    Task.objects.filter(pk__in=task_ids).delete()
    for department in departments:
        department.delete()
    for collection in Collection.objects.filter(pk__in=collections):
        collection.delete()
    Group.objects.filter(pk__in=[group.pk for group in groups if group is not None]).delete()
    Group.objects.filter(name=OFFICE_REVIEWERS_GROUP).delete()
    get_user_model().objects.filter(username__in=[account.username for account in demo_accounts()]).delete()


def load(
    reset: bool,
    write: Callable[[str], None],
    update: Callable[[str], None] | None = None,
    timings: bool = False,
) -> str:
    """Load the demo unless it is there: returns BUILT, PRESENT or FOREIGN (left alone).

    With ``reset`` the previous demo is removed first. Everything happens in one
    transaction: on failure the database is unchanged and the files written so
    far are removed again. A database holding pages that are not the demo's is
    left alone unless ``reset`` is given (``make run`` calls this every time).
    """
    if not reset and is_loaded():
        return PRESENT
    if not reset and has_foreign_content():
        return FOREIGN
    progress = Progress(write, DemoBuilder.STEPS + (1 if reset else 0), update, timings)
    builder = DemoBuilder(progress)
    try:
        with override_settings(TASKS=COLLECT_TASKS):
            tasks = CollectedTasks()
            with transaction.atomic():
                if reset:
                    progress.step(_("删除已有的演示数据"), total=1)
                    remove_demo()
                    progress.tick()
                builder.build()
                progress.step(_("更新搜索索引和引用索引"), total=tasks.pending())
                tasks.run(progress.tick)
                progress.finish()
            tasks.run()  # after the commit: removing the files of deleted images and documents
    except BaseException:
        progress.finish()
        for storage, name in builder.written_files:
            storage.delete(name)
        raise
    # After the commit, with the real task backend: the demo is searchable when the command returns.
    progress.step(_("建立站内搜索索引"), total=0)
    rebuild_index(partial(_absolute_progress, progress))
    progress.finish()
    return BUILT


def _absolute_progress(progress: Progress, done: int, total: int) -> None:
    """Adapt ``rebuild_index``'s ``progress(done, total)`` to the current step's counter."""
    progress.total = total
    progress.tick(done - progress.done)


class CollectedTasks:
    """Background tasks queued while building, run once each, in-process."""

    def __init__(self) -> None:
        from django_tasks import task_backends

        self.backend = task_backends["default"]
        self.position = len(self.backend.results)

    def _distinct(self) -> list:
        distinct: dict = {}
        for result in self.backend.results[self.position :]:
            key = (result.task.module_path, repr(result.args), repr(sorted(result.kwargs.items())))
            distinct.setdefault(key, result)
        return list(distinct.values())

    def pending(self) -> int:
        """How many distinct tasks are waiting."""
        return len(self._distinct())

    def run(self, tick: Callable[[], None] | None = None) -> None:
        """Run every distinct waiting task; search-index updates in bulk, one batch per model."""
        waiting = self._distinct()
        self.position = len(self.backend.results)
        search = [result for result in waiting if result.task.module_path == SEARCH_INDEX_TASK]
        self._index_for_search(search)
        if tick is not None:
            tick(len(search))
        for result in waiting:
            if result.task.module_path == SEARCH_INDEX_TASK:
                continue
            try:
                result.task.call(*result.args, **result.kwargs)
            except ObjectDoesNotExist:
                pass  # saved, then deleted again while building: nothing to index
            if tick is not None:
                tick()

    @staticmethod
    def _index_for_search(results: list) -> None:
        """What ``insert_or_update_object_task`` does per object, as one ``add_bulk`` per model."""
        from django.apps import apps
        from modelsearch.backends import get_search_backends

        pks_by_model: dict = {}
        for result in results:
            app_label, model_name, pk = result.args
            pks_by_model.setdefault(apps.get_model(app_label, model_name), []).append(pk)
        objects_by_class: dict = {}
        for model, pks in pks_by_model.items():
            queryset = model.objects.filter(pk__in=pks)
            for obj in queryset.specific() if issubclass(model, Page) else queryset:
                indexed = obj.get_indexed_instance()
                if indexed is not None:
                    # A page queued both as a Page and as its own type is indexed once: PostgreSQL's
                    # upsert refuses the same row twice in one statement.
                    objects_by_class.setdefault(type(indexed), {})[indexed.pk] = indexed
        for cls, by_pk in objects_by_class.items():
            indexable = set(cls.get_indexed_objects().filter(pk__in=list(by_pk)).values_list("pk", flat=True))
            objects = [obj for pk, obj in by_pk.items() if pk in indexable]
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(cls, objects)
