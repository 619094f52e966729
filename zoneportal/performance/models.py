"""考核目标: what the office expects of a department in a year (items, freshness, review speed)."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from zoneportal.core.models import Department


class PerformanceTarget(models.Model):
    """A department's targets for one year; its achievement is computed (``figures.achievement``), never typed."""

    class Per(models.TextChoices):
        MONTH = "month", _("每月")
        QUARTER = "quarter", _("每季度")
        YEAR = "year", _("每年")

    department = models.ForeignKey(
        Department, verbose_name=_("部门"), on_delete=models.CASCADE, related_name="performance_targets"
    )
    year = models.PositiveIntegerField(_("年度"), validators=[MinValueValidator(2000)])
    items = models.PositiveIntegerField(
        _("发布信息数"), help_text=_("栏目信息、政策文件和答复来信合计"), validators=[MinValueValidator(1)]
    )
    items_per = models.CharField(_("信息数计算周期"), max_length=10, choices=Per.choices, default=Per.MONTH)
    max_days_between_updates = models.PositiveIntegerField(
        _("栏目最长更新间隔（天）"),
        null=True,
        blank=True,
        help_text=_("部门每个栏目距上次更新不超过这么多天；留空不考核"),
    )
    max_turnaround_workdays = models.PositiveIntegerField(
        _("审核最长用时（工作日）"), null=True, blank=True, help_text=_("每一步审核从提交到通过的平均用时；留空不考核")
    )

    class Meta:
        ordering = ["-year", "department__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year"],
                name="performance_target_once_a_year",
                violation_error_message=_("该部门这一年度已有考核目标，请修改原有目标"),
            )
        ]
        verbose_name = _("考核目标")
        verbose_name_plural = _("考核目标")

    def __str__(self) -> str:
        return _("%(department)s %(year)s 年考核目标") % {"department": self.department, "year": self.year}
