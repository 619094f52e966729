"""The lists the compliance checks use, per-column update limits, and the self-inspection's runs."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .checks import Severity


class Typo(models.Model):
    """常见错别字: a wrong form often typed in government texts and the right one (按装 → 安装)."""

    wrong = models.CharField(_("错误写法"), max_length=30, unique=True)
    right = models.CharField(_("正确写法"), max_length=30)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        ordering = ["wrong"]
        verbose_name = _("常见错别字")
        verbose_name_plural = _("常见错别字")

    def __str__(self) -> str:
        return f"{self.wrong} → {self.right}"


class SensitiveTerm(models.Model):
    """敏感词（发布检查）: 阻断 stops publishing; 警告 asks the reviewer to decide.

    Not the letters app's list, which holds a citizen's letter for review: a word a citizen may
    write is not always one the government may publish, and this list needs a severity.
    """

    class Level(models.TextChoices):
        BLOCKING = Severity.BLOCKING.value, _("阻断")
        WARNING = Severity.WARNING.value, _("警告")

    word = models.CharField(_("敏感词"), max_length=50, unique=True)
    severity = models.CharField(_("级别"), max_length=10, choices=Level.choices, default=Level.WARNING)

    class Meta:
        ordering = ["word"]
        verbose_name = _("敏感词（发布检查）")
        verbose_name_plural = _("敏感词（发布检查）")

    def __str__(self) -> str:
        return self.word


class ColumnThreshold(models.Model):
    """栏目更新期限: a column's own limit, instead of the default for its 内容类别 (动态 14 days, 通知公告 180)."""

    column = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("栏目"), on_delete=models.CASCADE, related_name="+"
    )
    days = models.PositiveIntegerField(
        _("更新期限（天）"), null=True, blank=True, help_text=_("超过这么多天没有新内容即为不更新；留空则不检查本栏目")
    )

    class Meta:
        verbose_name = _("栏目更新期限")
        verbose_name_plural = _("栏目更新期限")

    def __str__(self) -> str:
        return str(self.column)


class InspectionRun(models.Model):
    """一次网站自查: when, how it was started, each indicator's result (JSON) and the verdict."""

    class Trigger(models.TextChoices):
        COMMAND = "command", _("命令")
        TASK = "task", _("每日任务")

    started_at = models.DateTimeField(_("开始时间"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    trigger = models.CharField(_("发起方式"), max_length=10, choices=Trigger.choices, default=Trigger.COMMAND)
    passed = models.BooleanField(_("全部通过"), default=False)
    veto_failed = models.BooleanField(_("单项否决未通过"), default=False)
    failed_count = models.PositiveIntegerField(_("未通过指标数"), default=0)
    results = models.JSONField(_("检查结果"), default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("网站自查记录")
        verbose_name_plural = _("网站自查记录")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"
