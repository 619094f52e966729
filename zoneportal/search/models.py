"""站内搜索的数据: the searchable documents, their vocabulary, synonyms and the query log.

The full-text index itself is a side table owned by :mod:`zoneportal.search.backends`
(SQLite FTS5 or a PostgreSQL ``tsvector`` column with a GIN index) and keyed by
``SearchDocument.id``; these models hold everything that is the same on both.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from zoneportal.portal.models import ColumnPage

#: What a search result is; results are grouped and filtered by it: the kinds
#: of content a column holds, plus letter replies and other pages. These are the
#: built-in types; a registered source may add its own (``sources.type_choices``).
DocumentType = models.TextChoices(
    "DocumentType",
    [
        *((kind.name, (kind.value, kind.label)) for kind in ColumnPage.ContentKind),
        ("REPLY", ("reply", _("信件回复"))),
        ("PAGE", ("page", _("其他页面"))),
    ],
)


def result_types() -> list[tuple[str, str]]:
    """The choices of ``SearchDocument.type``: the built-in types and those registered sources add."""
    from .sources import type_choices

    return type_choices()


class SearchDocument(models.Model):
    """索引条目: one searchable item as the results page shows it.

    Each registered source (``sources.py``: pages, and the apps that register theirs)
    writes its items under its own ``external_id`` prefix.
    """

    external_id = models.CharField(_("来源标识"), max_length=64, unique=True, help_text=_("如 page:42"))
    type = models.CharField(_("类别"), max_length=20, choices=result_types, db_index=True)
    site = models.ForeignKey(Site, verbose_name=_("站点"), null=True, blank=True, on_delete=models.CASCADE)
    url = models.CharField(_("站内地址"), max_length=500)
    title = models.CharField(_("标题"), max_length=255)
    date = models.DateTimeField(_("日期"), null=True, blank=True)
    doc_number = models.CharField(_("文号"), max_length=60, blank=True)
    category = models.CharField(_("政策分类"), max_length=50, blank=True)
    issuer = models.CharField(_("发文机关"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("年份"), null=True, blank=True)
    validity = models.CharField(_("有效性"), max_length=20, blank=True)
    # Last, so that SQLite reads the other columns without following a long text's overflow pages.
    text = models.TextField(_("正文摘录"), blank=True, help_text=_("纯文本，用于摘要和高亮"))

    class Meta:
        verbose_name = _("索引条目")
        verbose_name_plural = _("索引条目")
        # Named: sorting results by date names it to SQLite's planner (backends.SQLiteFullText.date_order).
        indexes = [models.Index(fields=["date", "id"], name="search_document_date")]

    def __str__(self) -> str:
        return self.title


class SearchTerm(models.Model):
    """词表: every indexed word with its pinyin and document frequency.

    It answers pinyin input, typo correction and suggestions without touching
    the full-text index: pinyin is computed once per word, not per token.
    """

    word = models.CharField(_("词"), max_length=40, unique=True)
    pinyin = models.CharField(_("拼音"), max_length=200, blank=True, db_index=True)
    initials = models.CharField(_("首字母"), max_length=40, blank=True, db_index=True)
    documents = models.PositiveIntegerField(_("文档数"), default=0)

    class Meta:
        verbose_name = _("词表条目")
        verbose_name_plural = _("词表")

    def __str__(self) -> str:
        return self.word


class Synonym(models.Model):
    """同义词规则, edited by administrators in the back office.

    ``失地农民 = 被征地农民`` works both ways; ``办执照 => 营业执照, 设立登记`` only
    widens a search for the left-hand side.
    """

    rule = models.CharField(
        _("规则"),
        max_length=200,
        unique=True,
        help_text=_("“甲 = 乙, 丙”表示互为同义词；“甲 => 乙, 丙”表示搜索甲时也找乙和丙"),
    )
    enabled = models.BooleanField(_("启用"), default=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("同义词")
        verbose_name_plural = _("同义词")
        ordering = ["rule"]

    def __str__(self) -> str:
        return self.rule

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from .query import parse_synonym_rules

        if not parse_synonym_rules(self.rule):
            raise ValidationError(
                {"rule": _("无法识别的规则。请写成“失地农民 = 被征地农民”或“办执照 => 营业执照, 设立登记”。")}
            )


class SearchQuery(models.Model):
    """搜索记录: one visitor query, for hot words and the administrators' report."""

    text = models.CharField(_("搜索词"), max_length=100, db_index=True)
    results = models.PositiveIntegerField(_("结果数"))
    site = models.ForeignKey(Site, verbose_name=_("站点"), null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    # A keyed hash of the visitor's address and the day (views.visitor_key):
    # hot words count visitors, not requests; no address is stored.
    visitor = models.CharField(_("访客"), max_length=16, blank=True)

    class Meta:
        verbose_name = _("搜索记录")
        verbose_name_plural = _("搜索记录")

    def __str__(self) -> str:
        return self.text


class HiddenSearchTerm(models.Model):
    """隐藏的搜索词: a query an administrator keeps out of the report, the hot words and the suggestions.

    For queries that are offensive, personal or otherwise not fit to show; the visitor's
    search itself still works and is still logged.
    """

    text = models.CharField(_("搜索词"), max_length=100, unique=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    hidden_at = models.DateTimeField(_("隐藏时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("隐藏的搜索词")
        verbose_name_plural = _("隐藏的搜索词")
        ordering = ["text"]

    def __str__(self) -> str:
        return self.text
