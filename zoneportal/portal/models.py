"""Page types of the portal: home, columns (栏目), articles, overview pages,
organisation pages, the multimedia hall and the site map; plus the site
settings that fill the footer and the government-site meta tags."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from zoneportal.core.models import Department, ReviewStatusMixin
from zoneportal.investment.blocks import InvestmentFiguresBlock

from .forms import ArticlePageForm
from .fragments import cached_part
from .paging import page_of
from .reserved import ReachableSlugMixin
from .visibility import PublicViewRestrictionsMixin, visible_to_public

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "hr",
    "link",
    "document-link",
    "image",
    "blockquote",
    # Paragraph styles of government documents (portal/wagtail_hooks.py).
    "indent",
    "align-center",
    "align-right",
]


class BodyStreamBlock(blocks.StreamBlock):
    """Body of overview and content pages: text, figures, tables and key numbers."""

    heading = blocks.CharBlock(label=_("小标题"), form_classname="title", icon="title")
    paragraph = blocks.RichTextBlock(label=_("正文"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(label=_("图片"))
    table = TableBlock(label=_("表格"))
    figures = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("label", blocks.CharBlock(label=_("指标"))),
                ("value", blocks.CharBlock(label=_("数值"))),
                ("unit", blocks.CharBlock(label=_("单位"), required=False)),
                ("note", blocks.CharBlock(label=_("说明"), required=False)),
            ],
            icon="pick",
        ),
        label=_("关键数字"),
        icon="pick",
    )
    # Read from the investment records when the page renders (one source of truth with the data pages and API).
    investment = InvestmentFiguresBlock()


class GovernmentMetaMixin(models.Model):
    """Fields for the meta tags Chinese government sites carry (栏目/文章元数据)."""

    keywords = models.CharField(_("关键词"), max_length=200, blank=True, help_text=_("用逗号或空格分隔"))

    class Meta:
        abstract = True


class SectionPage(ReviewStatusMixin, ReachableSlugMixin, PublicViewRestrictionsMixin, GovernmentMetaMixin, Page):
    """Shared behaviour of every non-article page: an owner department and an intro."""

    department = models.ForeignKey(
        Department,
        verbose_name=_("责任部门"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("导语"), blank=True, features=["bold", "italic", "link"])

    promote_panels = Page.promote_panels + [FieldPanel("keywords")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    @classmethod
    def can_exist_under(cls, parent: Page) -> bool:
        """Besides ``subpage_types``, an article column (``ColumnPage.offers_only_articles``) refuses this type.

        Wagtail asks this for the 添加子页面 type list, for creating and for moving a page.
        """
        if not super().can_exist_under(parent):
            return False
        if parent.specific_class is not ColumnPage:
            return True
        return cls in parent.specific_deferred.allowed_child_types()


class HomePage(SectionPage):
    """首页 of a site (the main site and each sub-site)."""

    tagline = models.CharField(_("标语"), max_length=120, blank=True)
    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("横幅图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    news_column = models.ForeignKey(
        "portal.ColumnPage",
        verbose_name=_("头条新闻栏目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notice_column = models.ForeignKey(
        "portal.ColumnPage",
        verbose_name=_("通知公告栏目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dynamics_column = models.ForeignKey(
        "portal.ColumnPage",
        verbose_name=_("开发区动态栏目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("其下级栏目在首页以选项卡显示"),
    )
    media_hall = models.ForeignKey(
        "portal.MediaHallPage",
        verbose_name=_("多媒体展厅"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mailbox_title = models.CharField(_("信箱名称"), max_length=50, default="主任信箱")
    mailbox_url = models.CharField(_("信箱地址"), max_length=200, blank=True, help_text=_("站内路径或完整网址"))

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("banner"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                PageChooserPanel("news_column", "portal.ColumnPage"),
                PageChooserPanel("notice_column", "portal.ColumnPage"),
                PageChooserPanel("dynamics_column", "portal.ColumnPage"),
                PageChooserPanel("media_hall", "portal.MediaHallPage"),
            ],
            heading=_("首页区块"),
        ),
        MultiFieldPanel([FieldPanel("mailbox_title"), FieldPanel("mailbox_url")], heading=_("信箱入口")),
        InlinePanel("quick_links", label=_("快捷入口")),
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = _("首页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = HomeSections(self)
        return context

    @staticmethod
    def dynamics_tabs(articles, parent: Page | None, per_tab: int) -> list[tuple[Page, list]]:
        """(column, newest articles) for each menu column below ``parent``: two queries in all."""
        if parent is None:
            return []
        tabs = list(visible_to_public(ColumnPage.objects.child_of(parent)).in_menu())
        tab_path_length = (parent.depth + 1) * Page.steplen
        ranked = (
            articles.descendant_of(parent)
            .select_related("source_department")
            .annotate(
                tab_path=Substr("path", 1, tab_path_length),
                rank=Window(
                    RowNumber(), partition_by=[Substr("path", 1, tab_path_length)], order_by=F("publish_at").desc()
                ),
            )
            .filter(rank__lte=per_tab)
            .order_by("-publish_at")
        )
        by_tab: dict[str, list] = {}
        for article in ranked:
            by_tab.setdefault(article.tab_path, []).append(article)
        return [(column, by_tab.get(column.path, [])) for column in tabs]

    @staticmethod
    def latest_articles(articles, column: Page | None, limit: int, with_image: bool = False):
        """The newest of ``articles`` anywhere under ``column``."""
        if column is None:
            return articles.none()
        articles = articles.descendant_of(column)
        if with_image:
            articles = articles.filter(cover_image__isnull=False)
        return articles.select_related("cover_image", "source_department").order_by("-publish_at")[:limit]


class HomeSections:
    """The blocks of a home page, each queried when the template first asks for it.

    The home page's template caches its blocks (``{% fragment %}``), so while
    those are cached nothing here runs.
    """

    def __init__(self, home: HomePage) -> None:
        self.home = home

    @cached_property
    def articles(self):
        return visible_to_public(ArticlePage.objects.all())

    @cached_property
    def _columns(self) -> dict[int, Page]:
        home = self.home
        return Page.objects.in_bulk(
            [home.news_column_id, home.notice_column_id, home.dynamics_column_id, home.media_hall_id]
        )

    # The section pages themselves, for their titles and "更多" links.
    @cached_property
    def news_column(self) -> Page | None:
        return self._columns.get(self.home.news_column_id)

    @cached_property
    def notice_column(self) -> Page | None:
        return self._columns.get(self.home.notice_column_id)

    @cached_property
    def dynamics_column(self) -> Page | None:
        return self._columns.get(self.home.dynamics_column_id)

    @cached_property
    def media_hall(self) -> Page | None:
        return self._columns.get(self.home.media_hall_id)

    @cached_property
    def headlines(self):
        return self.home.latest_articles(self.articles, self.news_column, 6, with_image=True)

    @cached_property
    def news(self):
        return self.home.latest_articles(self.articles, self.news_column, 8)

    @cached_property
    def notices(self):
        return self.home.latest_articles(self.articles, self.notice_column, 8)

    @cached_property
    def dynamics_tabs(self) -> list[tuple[Page, list]]:
        return self.home.dynamics_tabs(self.articles, self.dynamics_column, 6)

    @cached_property
    def media_items(self) -> list[Page]:
        return media_items(self.media_hall, limit=4) if self.media_hall else []


class HomeQuickLink(Orderable):
    """A quick link on the home page (办事服务, 政策查询, 我要写信 …)."""

    page = ParentalKey(HomePage, related_name="quick_links", on_delete=models.CASCADE)
    title = models.CharField(_("名称"), max_length=30)
    description = models.CharField(_("说明"), max_length=80, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("站内页面"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.CharField(_("链接地址"), max_length=200, blank=True)

    panels = [FieldPanel("title"), FieldPanel("description"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    @property
    def url(self) -> str:
        return self.link_page.url if self.link_page else self.link_url


class ColumnPage(RoutablePageMixin, SectionPage):
    """栏目: a column listing its sub-columns and articles, with an RSS feed.

    An information list (信息列表) of news, notices, policies or their interpretations
    holds articles only: its 添加子页面 offers 文章 and nothing else. A column group
    such as 开发区动态, which already holds sub-columns, still offers 栏目 as well; the
    structural columns (政务公开, 专题, 办事服务, 互动交流) offer every type.
    """

    class ColumnType(models.TextChoices):
        LIST = "list", _("信息列表")
        DISCLOSURE = "disclosure", _("政务公开")
        TOPIC = "topic", _("专题")
        SERVICE = "service", _("办事服务")
        INTERACTION = "interaction", _("互动交流")

    class ContentKind(models.TextChoices):
        """What the articles of a column are; site search groups and filters results by it."""

        NEWS = "news", _("新闻")
        NOTICE = "notice", _("公告")
        POLICY = "policy", _("政策文件")
        INTERPRETATION = "interpretation", _("政策解读")
        GUIDE = "guide", _("办事指南")
        FAQ = "faq", _("问答")

    #: The content kinds whose information-list columns hold articles only.
    ARTICLE_ONLY_KINDS = frozenset(
        {ContentKind.NEWS, ContentKind.NOTICE, ContentKind.POLICY, ContentKind.INTERPRETATION}
    )

    column_type = models.CharField(_("栏目类型"), max_length=20, choices=ColumnType.choices, default=ColumnType.LIST)
    content_kind = models.CharField(
        _("内容类别"),
        max_length=20,
        choices=ContentKind.choices,
        default=ContentKind.NEWS,
        help_text=_("本栏目文章在站内搜索中的分类"),
    )
    per_page = models.PositiveSmallIntegerField(_("每页条数"), default=20)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("department"),
        FieldPanel("column_type"),
        FieldPanel("content_kind"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    subpage_types = [
        "portal.ColumnPage",
        "portal.ArticlePage",
        "portal.ContentPage",
        "portal.OrganisationPage",
        "portal.MediaHallPage",
        "portal.SitemapPage",
        # 互动交流's pages of other apps.
        "faq.FaqIndexPage",
        "consultations.ConsultationPage",
        "rectification.LedgerPage",  # 整改台账, under 互动交流 or 政务公开
        "disclosure.DisclosureIndexPage",  # 信息公开, under 政务公开
        "letters.MailboxIndexPage",
        "surveys.SurveyIndexPage",  # 民意调查
        "policies.PolicyLibraryPage",  # 政策法规库, under 政务公开 or a sub-site's home
    ]

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    def offers_only_articles(self) -> bool:
        """Whether this column is an information list of a kind that holds articles only."""
        return self.column_type == self.ColumnType.LIST and self.content_kind in self.ARTICLE_ONLY_KINDS

    def allowed_child_types(self) -> list[type[Page]]:
        """The page types an editor may add (or move) below this column."""
        allowed = type(self).allowed_subpage_models()
        if not self.offers_only_articles():
            return allowed
        types: list[type[Page]] = [ArticlePage]
        # A column group (开发区动态) keeps offering sub-columns beside articles.
        if self.pk and ColumnPage.objects.child_of(self).exists():
            types.append(ColumnPage)
        return types

    def articles(self):
        """Live articles anywhere below this column, newest first."""
        return (
            visible_to_public(ArticlePage.objects.descendant_of(self))
            .select_related("source_department")
            .order_by("-publish_at", "-pk")
        )

    def sub_columns(self):
        return visible_to_public(self.get_children()).specific()

    @path("")
    def index(self, request):
        paginator = Paginator(self.articles(), self.per_page)
        # The list itself is a cached fragment; its length only changes with a publish, so it is counted once.
        paginator.count = cached_part(request, "column-count", [self.pk], paginator.object_list.count)
        page_of_articles = page_of(paginator, request)
        return self.render(request, context_overrides={"articles": page_of_articles, "paginator": paginator})

    @path("rss/")
    def rss(self, request):
        from .feeds import ColumnFeed

        return ColumnFeed(self)(request)


class ArticlePage(ReviewStatusMixin, ReachableSlugMixin, PublicViewRestrictionsMixin, GovernmentMetaMixin, Page):
    """文章: news, notices and other published information."""

    subtitle = models.CharField(_("副标题"), max_length=200, blank=True)
    source_department = models.ForeignKey(
        Department, verbose_name=_("来源部门"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_name = models.CharField(
        _("信息来源"), max_length=100, blank=True, help_text=_("非本区部门的来源，如“恩施州人民政府网”")
    )
    author = models.CharField(_("作者"), max_length=50, blank=True)
    # Empty until the first publish, which fills it in (save() below) unless the editor set a time:
    # a default taken when the form opened would put that moment in the PubDate meta tag.
    publish_at = models.DateTimeField(
        _("发布时间"), null=True, blank=True, db_index=True, help_text=_("留空则为首次发布的时间")
    )
    summary = models.TextField(_("摘要"), blank=True, max_length=500)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("标题图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("正文"), features=RICH_TEXT_FEATURES)
    # Draftail (Draft.js) has no table, so the tables of a document (预决算表, 项目清单) follow the text.
    tables = StreamField(
        [
            (
                "table",
                TableBlock(
                    label=_("表格"),
                    help_text=_("可从 Excel、WPS 表格或 Word 复制单元格后直接粘贴"),
                    # 预决算表 and project lists head their columns: a new table starts with a header row.
                    default={"table_header_choice": "row", "first_row_is_table_header": True},
                ),
            )
        ],
        verbose_name=_("附表"),
        blank=True,
    )

    class Validity(models.TextChoices):
        VALID = "valid", _("有效")
        AMENDED = "amended", _("已修订")
        EXPIRED = "expired", _("失效")
        REPEALED = "repealed", _("废止")

    # 政策文件属性: filled for documents (policies, notices with a number), blank for news.
    doc_number = models.CharField(_("文号"), max_length=60, blank=True, help_text=_("如“来开管发〔2015〕3号”"))
    issuer = models.CharField(_("发文机关"), max_length=100, blank=True)
    policy_category = models.CharField(_("政策分类"), max_length=50, blank=True, help_text=_("如“优惠政策”“财税”"))
    validity = models.CharField(_("有效性"), max_length=20, choices=Validity.choices, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [
                FieldPanel("source_department"),
                FieldPanel("source_name"),
                FieldPanel("author"),
                FieldPanel("publish_at"),
            ],
            heading=_("来源与时间"),
        ),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("tables"),
        MultiFieldPanel(
            [FieldPanel("doc_number"), FieldPanel("issuer"), FieldPanel("policy_category"), FieldPanel("validity")],
            heading=_("文件属性"),
        ),
        InlinePanel("attachments", label=_("附件")),
        InlinePanel("related_links", label=_("相关信息")),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("keywords")]
    search_fields = Page.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("tables"),
        index.SearchField("keywords"),
        index.FilterField("publish_at"),
    ]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types: list[str] = []
    base_form_class = ArticlePageForm

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")

    def save(self, *args, **kwargs):
        """A live article always has a 发布时间: the editor's, else the moment it was first published."""
        if self.live and self.publish_at is None:
            self.publish_at = self.first_published_at or timezone.now()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "publish_at" not in update_fields:
                kwargs["update_fields"] = [*update_fields, "publish_at"]
        return super().save(*args, **kwargs)

    @property
    def content_source(self) -> str:
        """ContentSource meta: the department, else the free-text source."""
        if self.source_department_id:
            return self.source_department.name
        return self.source_name

    def _siblings(self):
        return visible_to_public(ArticlePage.objects.sibling_of(self, inclusive=False))

    @cached_property
    def previous_article(self) -> ArticlePage | None:
        """The next older article in the same column (none for a draft never published)."""
        if self.publish_at is None:
            return None
        return (
            self._siblings()
            .filter(models.Q(publish_at__lt=self.publish_at) | models.Q(publish_at=self.publish_at, pk__lt=self.pk))
            .order_by("-publish_at", "-pk")
            .first()
        )

    @cached_property
    def next_article(self) -> ArticlePage | None:
        """The next newer article in the same column (none for a draft never published)."""
        if self.publish_at is None:
            return None
        return (
            self._siblings()
            .filter(models.Q(publish_at__gt=self.publish_at) | models.Q(publish_at=self.publish_at, pk__gt=self.pk))
            .order_by("publish_at", "pk")
            .first()
        )

    def related_pages(self) -> list[Page]:
        """Editor-chosen related items, else the newest articles of the same column."""
        chosen = [
            link.related_page for link in self.related_links.select_related("related_page") if link.related_page.live
        ]
        if chosen:
            return chosen
        return list(self._siblings().order_by("-publish_at")[:5])


class ArticleAttachment(Orderable):
    """附件: a document attached to an article."""

    page = ParentalKey(ArticlePage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("文档"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("显示名称"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class ArticleRelatedLink(Orderable):
    """相关信息: a page an editor links from an article."""

    page = ParentalKey(ArticlePage, related_name="related_links", on_delete=models.CASCADE)
    related_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("相关页面"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page")]


class ContentPage(SectionPage):
    """Single content page: zone overview (地理位置, 投资环境 …), work goals, FAQ."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("正文"), blank=True)
    updated_note = models.CharField(
        _("数据说明"), max_length=200, blank=True, help_text=_("如：数据来源于开发区2015年统计")
    )

    content_panels = Page.content_panels + [
        FieldPanel("department"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("updated_note"),
    ]
    search_fields = SectionPage.search_fields + [index.SearchField("body")]
    subpage_types = ["portal.ContentPage"]

    class Meta:
        verbose_name = _("内容页")
        verbose_name_plural = _("内容页")


class OrganisationPage(SectionPage):
    """机构设置 / 部门职能 / 领导班子 / 办公地点, drawn from the organisation snippets."""

    class Section(models.TextChoices):
        STRUCTURE = "structure", _("机构设置")
        FUNCTIONS = "functions", _("部门职能")
        LEADERS = "leaders", _("领导班子")
        OFFICES = "offices", _("办公地点")

    section = models.CharField(_("显示内容"), max_length=20, choices=Section.choices, default=Section.STRUCTURE)

    content_panels = Page.content_panels + [FieldPanel("section"), FieldPanel("intro")]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("机构信息页")
        verbose_name_plural = _("机构信息页")

    def get_context(self, request, *args, **kwargs):
        from zoneportal.core.models import Leader

        context = super().get_context(request, *args, **kwargs)
        context["departments"] = Department.objects.all()
        context["leaders"] = Leader.objects.select_related("photo", "department")
        return context


class MediaHallPage(SectionPage):
    """多媒体展厅: photo albums and videos."""

    subpage_types = ["portal.PhotoAlbumPage", "portal.VideoPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("多媒体展厅")
        verbose_name_plural = _("多媒体展厅")

    def media_items(self) -> list[Page]:
        return media_items(self)


def media_items(parent: Page, limit: int | None = None) -> list[Page]:
    """Albums and videos below ``parent``, newest first, covers loaded: three queries however many."""
    albums = (
        visible_to_public(PhotoAlbumPage.objects.child_of(parent))
        .prefetch_related(Prefetch("photos", queryset=AlbumPhoto.objects.select_related("image")))
        .order_by("-first_published_at")
    )
    videos = (
        visible_to_public(VideoPage.objects.child_of(parent)).select_related("poster").order_by("-first_published_at")
    )
    if limit is not None:
        albums, videos = albums[:limit], videos[:limit]
    newest_first = sorted([*albums, *videos], key=lambda item: item.first_published_at, reverse=True)
    return newest_first[:limit]


class PhotoAlbumPage(SectionPage):
    """图片集: an album of photos with captions."""

    content_panels = Page.content_panels + [FieldPanel("intro"), InlinePanel("photos", label=_("照片"), min_num=1)]
    parent_page_types = ["portal.MediaHallPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("图片集")
        verbose_name_plural = _("图片集")

    @property
    def cover(self):
        """The first photo's image (uses photos prefetched by ``media_items``)."""
        photos = sorted(self.photos.all(), key=lambda photo: (photo.sort_order or 0, photo.pk))
        return photos[0].image if photos else None


class AlbumPhoto(Orderable):
    page = ParentalKey(PhotoAlbumPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("图片"), on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("说明"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class VideoPage(SectionPage):
    """视频: a video file with a caption track and a full transcript (文字稿)."""

    video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("视频文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("MP4 或 WebM"),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("封面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    caption = models.CharField(_("视频说明"), max_length=300, blank=True)
    duration = models.CharField(_("时长"), max_length=20, blank=True)
    transcript = models.TextField(_("文字稿"), blank=True, help_text=_("供听障用户和搜索使用"))

    content_panels = Page.content_panels + [
        FieldPanel("video"),
        FieldPanel("poster"),
        FieldPanel("caption"),
        FieldPanel("duration"),
        FieldPanel("transcript"),
    ]
    search_fields = SectionPage.search_fields + [index.SearchField("caption"), index.SearchField("transcript")]
    parent_page_types = ["portal.MediaHallPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("视频")
        verbose_name_plural = _("视频")

    @property
    def cover(self):
        return self.poster


class SitemapPage(SectionPage):
    """网站地图: the whole column tree of the site."""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("网站地图")
        verbose_name_plural = _("网站地图")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        root = self.get_site().root_page
        columns = visible_to_public(root.get_descendants()).in_menu().not_type(ArticlePage).specific()
        context["sitemap_root"] = root
        context["sitemap_tree"] = build_tree(root, columns)
        return context


def build_tree(root: Page, pages) -> list[dict]:
    """Nest ``pages`` (descendants of ``root``) as [{'page', 'children'}] in tree order."""
    by_path: dict[str, dict] = {root.path: {"page": root, "children": []}}
    for page in sorted(pages, key=lambda p: p.path):
        node = {"page": page, "children": []}
        parent = by_path.get(page.path[: -Page.steplen])
        if parent is not None:
            parent["children"].append(node)
            by_path[page.path] = node
    return by_path[root.path]["children"]


@register_setting(icon="site")
class PortalSettings(ClusterableModel, BaseSiteSetting):
    """网站设置: identity, footer and registration numbers, per site."""

    site_name = models.CharField(_("网站名称"), max_length=100, default="来凤经济开发区")
    site_short_name = models.CharField(_("简称"), max_length=50, blank=True)
    site_domain = models.CharField(_("网站域名"), max_length=100, blank=True, help_text=_("用于 SiteDomain 元数据"))
    site_id_code = models.CharField(_("网站标识码"), max_length=20, blank=True)
    icp_number = models.CharField(_("ICP备案号"), max_length=50, blank=True)
    public_security_number = models.CharField(_("公安机关备案号"), max_length=50, blank=True)
    host_unit = models.CharField(_("主办单位"), max_length=100, blank=True)
    organiser = models.CharField(_("承办单位"), max_length=100, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮编"), max_length=10, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("徽标"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("显示在后台登录页和侧栏；不设置时使用默认徽标"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("site_name"),
                FieldPanel("site_short_name"),
                FieldPanel("emblem"),
                FieldPanel("site_domain"),
                FieldPanel("site_id_code"),
            ],
            heading=_("网站标识"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("host_unit"),
                FieldPanel("organiser"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel([FieldPanel("icp_number"), FieldPanel("public_security_number")], heading=_("备案信息")),
        InlinePanel("links", label=_("子网站与相关链接")),
    ]

    class Meta:
        verbose_name = _("网站设置")


class SiteLink(Orderable):
    """A link in the footer: a sub-site (招商网, 人才网 …) or a related government site."""

    class Group(models.TextChoices):
        SUBSITE = "subsite", _("子网站")
        GOVERNMENT = "government", _("相关网站")

    settings = ParentalKey(PortalSettings, related_name="links", on_delete=models.CASCADE)
    group = models.CharField(_("分组"), max_length=20, choices=Group.choices, default=Group.SUBSITE)
    title = models.CharField(_("名称"), max_length=50)
    url = models.CharField(_("网址"), max_length=200)
    description = models.CharField(_("说明"), max_length=100, blank=True)

    panels = [FieldPanel("group"), FieldPanel("title"), FieldPanel("url"), FieldPanel("description")]
