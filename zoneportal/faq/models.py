"""便民问答: questions and answers per department and topic, and the page that lists them.

Entries are records, not pages: a department answers many small questions, and
they are edited in the back office (``wagtail_hooks.py``) by the department's
own staff. The public reads them on a :class:`FaqIndexPage`, a page type placed
under 互动交流 in the column tree, so it has a place in the navigation, the
breadcrumbs, the sitemap and the page cache like every other page.
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from zoneportal.core.models import Department
from zoneportal.portal.models import SectionPage
from zoneportal.portal.paging import page_of

from .forms import DepartmentOwnedForm

#: Longest search text of the list's own search box.
MAX_FILTER_LENGTH = 50


class FaqTopic(models.Model):
    """问答主题: an editable list (企业登记, 项目审批, 土地 …) by which the public filters entries."""

    name = models.CharField(_("主题名称"), max_length=40, unique=True)
    slug = models.SlugField(_("英文标识"), max_length=40, unique=True, help_text=_("用于网址中的筛选，例如 land"))
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("问答主题")
        verbose_name_plural = _("问答主题")

    def __str__(self) -> str:
        return self.name


class FaqEntryQuerySet(models.QuerySet):
    def published(self) -> FaqEntryQuerySet:
        """Entries the public may read."""
        return self.filter(published=True)

    def matching(self, text: str) -> FaqEntryQuerySet:
        """Entries whose question or answer contains every word of ``text`` (split at spaces)."""
        queryset = self
        for word in text.split()[:5]:
            queryset = queryset.filter(Q(question__icontains=word) | Q(answer__icontains=word))
        return queryset


class FaqEntry(index.Indexed, models.Model):
    """问答条目: one question with the department's answer, published or not, with the public's votes."""

    department = models.ForeignKey(
        Department, verbose_name=_("答复部门"), on_delete=models.PROTECT, related_name="faq_entries"
    )
    topic = models.ForeignKey(
        FaqTopic, verbose_name=_("主题"), null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    question = models.CharField(_("问题"), max_length=200)
    answer = models.TextField(_("答复"), help_text=_("纯文本；空一行表示分段"))
    published = models.BooleanField(
        _("公开"), default=False, help_text=_("勾选后在网站“便民问答”中显示；取消勾选即撤下")
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=100, help_text=_("数字小的排在前面"))
    source_reference = models.CharField(
        _("来源"), max_length=64, blank=True, help_text=_("由信件转为问答时，记录信件的查询编号")
    )
    helpful_count = models.PositiveIntegerField(_("有用"), default=0, editable=False)
    unhelpful_count = models.PositiveIntegerField(_("没用"), default=0, editable=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = FaqEntryQuerySet.as_manager()

    base_form_class = DepartmentOwnedForm

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldRowPanel([FieldPanel("department"), FieldPanel("topic")]),
        FieldRowPanel([FieldPanel("published"), FieldPanel("sort_order")]),
        MultiFieldPanel([FieldPanel("source_reference", read_only=True)], heading=_("来源")),
    ]
    search_fields = [index.SearchField("question"), index.SearchField("answer"), index.AutocompleteField("question")]

    class Meta:
        ordering = ["sort_order", "-updated_at", "id"]
        verbose_name = _("问答")
        verbose_name_plural = _("便民问答")

    def __str__(self) -> str:
        return self.question

    def answer_paragraphs(self) -> list[str]:
        """The answer split into paragraphs at blank lines (each keeps its single line breaks)."""
        return [part.strip() for part in self.answer.replace("\r\n", "\n").split("\n\n") if part.strip()]

    def public_url(self, request: HttpRequest | None = None) -> str | None:
        """The entry's own page on the first live 便民问答 page, or None if there is none."""
        page = FaqIndexPage.objects.live().first()
        if page is None:
            return None
        return f"{page.get_url(request)}{self.pk}/"


class FaqVote(models.Model):
    """One browser's 有用/没用 on one entry: the unique pair is what makes reposting count once."""

    entry = models.ForeignKey(FaqEntry, verbose_name=_("问答"), on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(_("访客标识"), max_length=32, help_text=_("浏览器中保存的随机标识，不含个人信息"))
    # A keyed hash of the visitor's address and the day (services.address_key): caps votes from one
    # address without storing it.
    address = models.CharField(_("访客地址摘要"), max_length=16, db_index=True)
    helpful = models.BooleanField(_("有用"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("问答评价")
        verbose_name_plural = _("问答评价")
        constraints = [models.UniqueConstraint(fields=["entry", "voter"], name="faq_one_vote_per_browser")]

    def __str__(self) -> str:
        return f"{self.entry_id}: {'+' if self.helpful else '-'}"


class FaqIndexPage(RoutablePageMixin, SectionPage):
    """便民问答 page: the published entries, filtered by department, topic and words; one page per entry."""

    per_page = models.PositiveSmallIntegerField(_("每页条数"), default=20)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("department")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("便民问答页")
        verbose_name_plural = _("便民问答页")

    def entries(self) -> QuerySet[FaqEntry]:
        """Published entries in their order, with department and topic."""
        return FaqEntry.objects.published().select_related("department", "topic")

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        """The list with its filters: ``?department=<slug>&topic=<slug>&q=<words>``; bad values are dropped."""
        entries = self.entries()
        departments = list(Department.objects.filter(faq_entries__published=True).distinct())
        topics = list(FaqTopic.objects.filter(entries__published=True).distinct())
        department = next((d for d in departments if d.slug == request.GET.get("department")), None)
        topic = next((t for t in topics if t.slug == request.GET.get("topic")), None)
        query = " ".join((request.GET.get("q") or "").split())[:MAX_FILTER_LENGTH]
        if department is not None:
            entries = entries.filter(department=department)
        if topic is not None:
            entries = entries.filter(topic=topic)
        if query:
            entries = entries.matching(query)
        paginator = Paginator(entries, self.per_page)
        page_of_entries = page_of(paginator, request)
        return self.render(
            request,
            context_overrides={
                "entries": page_of_entries,
                "departments": departments,
                "topics": topics,
                "selected_department": department,
                "selected_topic": topic,
                "faq_query": query,
                "filtered": bool(department or topic or query),
                "max_filter_length": MAX_FILTER_LENGTH,
            },
        )

    @path("<int:entry_id>/")
    def entry(self, request: HttpRequest, entry_id: int) -> HttpResponse:
        """One entry on a page of its own (search results and letters link here)."""
        entry = get_object_or_404(self.entries(), pk=entry_id)
        response = self.render(
            request,
            template="faq/faq_entry_page.html",
            context_overrides={
                "entry": entry,
                "breadcrumb_title": entry.question,
                "vote_result": request.GET.get("voted", ""),
            },
        )
        if "voted" in request.GET:
            add_never_cache_headers(response)  # the thanks is for this visitor, and the counts must be fresh
        return response

    @path("<int:entry_id>/vote/")
    def vote(self, request: HttpRequest, entry_id: int) -> HttpResponse:
        """有用/没用: a POST, counted once per browser (see views.vote)."""
        from .views import vote

        return vote(request, self, entry_id)
