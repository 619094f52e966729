"""Departments (部门) of the management committee and their leaders.

A department is both the publisher and the manager of its columns (栏目): it owns
two user groups (editors and heads), a collection for its images and documents,
and a three-step review workflow. ``zoneportal.core.ownership`` wires these up.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import AbstractGroupApprovalTask, Collection, Workflow, WorkflowState
from wagtail.search import index

from .forms import COMMENT_REQUIRED, ApproveWithCommentForm, ReturnForChangesForm


class Department(index.Indexed, models.Model):
    """部门: the committee office, a bureau (分局), a service centre or a park's management office (园区管理机构)."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("管委会")
        OFFICE = "office", _("办公室")
        BUREAU = "bureau", _("正科级职能机构")
        INSTITUTION = "institution", _("事业单位")
        PARK = "park", _("园区管理机构")

    name = models.CharField(_("部门名称"), max_length=100, unique=True)
    slug = models.SlugField(_("英文标识"), max_length=60, unique=True, help_text=_("用于用户组和网址，例如 finance"))
    kind = models.CharField(_("机构类别"), max_length=20, choices=Kind.choices, default=Kind.BUREAU)
    summary = models.CharField(_("一句话简介"), max_length=200, blank=True)
    functions = RichTextField(_("工作职能"), blank=True, features=["bold", "ol", "ul", "link"])
    staffing = models.CharField(_("人员编制"), max_length=200, blank=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=100, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    editors_group = models.OneToOneField(
        Group, verbose_name=_("编辑用户组"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    heads_group = models.OneToOneField(
        Group, verbose_name=_("负责人用户组"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        Collection, verbose_name=_("图片与文档库"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    workflow = models.OneToOneField(
        Workflow, verbose_name=_("审核流程"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("summary"),
                FieldPanel("sort_order"),
            ],
            heading=_("基本信息"),
        ),
        FieldPanel("functions"),
        FieldPanel("staffing"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("office_hours")], heading=_("办公地点")
        ),
        MultiFieldPanel(
            [
                FieldPanel("editors_group", read_only=True),
                FieldPanel("heads_group", read_only=True),
                FieldPanel("collection", read_only=True),
                FieldPanel("workflow", read_only=True),
            ],
            heading=_("权限（保存时自动创建）"),
        ),
    ]

    search_fields = [index.SearchField("name"), index.SearchField("functions"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("部门")
        verbose_name_plural = _("部门")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        from .ownership import provision_department

        provision_department(self)


class Leader(index.Indexed, models.Model):
    """领导班子成员: a leader with photo, title and duties (分工)."""

    name = models.CharField(_("姓名"), max_length=50)
    title = models.CharField(_("职务"), max_length=100)
    department = models.ForeignKey(
        Department, verbose_name=_("所在部门"), null=True, blank=True, on_delete=models.SET_NULL, related_name="leaders"
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("照片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duties = models.TextField(_("工作分工"), blank=True)
    biography = models.TextField(_("简历"), blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("department"),
        FieldPanel("photo"),
        FieldPanel("duties"),
        FieldPanel("biography"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("title"), index.SearchField("duties")]

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("领导")
        verbose_name_plural = _("领导班子")

    def __str__(self) -> str:
        return f"{self.name}（{self.title}）"


class ReviewTask(AbstractGroupApprovalTask):
    """审核步骤: members of the chosen groups approve, or return the page to its editor with a comment.

    Wagtail's own group approval, except that 退回修改 (Wagtail's "reject")
    needs a comment: the editor works from it, sees it on the edit page and the
    dashboard, and gets it by email.
    """

    groups = models.ManyToManyField(
        Group,
        verbose_name=_("审核用户组"),
        help_text=_("处于本步骤的页面由这些用户组的成员审核：通过，或写明意见后退回修改"),
    )

    class Meta:
        verbose_name = _("审核步骤（退回须写明意见）")
        verbose_name_plural = _("审核步骤")

    def get_actions(self, obj, user) -> list[tuple[str, str, bool]]:
        """Approve, approve with a comment, or return for changes (which always asks for the comment)."""
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("退回修改"), True),
                ("approve", _("通过"), False),
                ("approve", _("通过并附意见"), True),
            ]
        return []

    def get_form_for_action(self, action: str):
        """The dialog's form: a required comment for 退回修改."""
        return ReturnForChangesForm if action == "reject" else ApproveWithCommentForm

    def on_action(self, task_state, user, action_name: str, **kwargs):
        """Refuse a 退回修改 without a comment, and an approval a guard refuses, whichever view asks."""
        if action_name == "reject" and not str(kwargs.get("comment") or "").strip():
            raise ValidationError(COMMENT_REQUIRED, code="comment_required")
        if action_name == "approve":
            from .approval_guards import refusal

            # A guard (the compliance checks) may refuse: the step stays in review and the
            # reviewer is sent to the page saying why (the views follow the URL returned).
            refused = refusal(task_state, user)
            if refused:
                return refused
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> str:
        """Shown when an administrator chooses the type of a new workflow step."""
        return _("所选用户组的成员可以通过本步骤，或写明意见后退回编辑修改")


class ReviewStatusMixin:
    """For page models: a page returned for changes says 已退回修改, not 草稿 or 审核中.

    Wagtail's ``status_string`` (page listings, the dashboard's recent edits,
    reports) only knows "in moderation" and "draft"; an editor needs to see at
    a glance that a reviewer sent the page back.
    """

    @property
    def status_string(self) -> str:
        # current_workflow_state uses the states that page listings prefetch.
        state = self.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return _("已发布 + 已退回修改") if self.live else _("已退回修改")
        return super().status_string


class Holiday(models.Model):
    """节假日安排: one day of the State Council's arrangement, entered by the committee office.

    A row overrides ``chinese-calendar`` for its date; years the package does not
    know yet are entered here as soon as the arrangement is published
    (``zoneportal.core.workdays`` reads both).
    """

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("放假")
        WORKDAY = "workday", _("调休上班")

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices, default=Kind.DAY_OFF)
    name = models.CharField(_("节日名称"), max_length=30, help_text=_("如 春节、国庆节"))

    panels = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("name")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("节假日安排")
        verbose_name_plural = _("节假日安排")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}（{self.get_kind_display()}）"

    @admin.display(description=_("星期"))
    def weekday(self) -> str:
        """星期日 …: a 调休上班 row is always a weekend day, and the listing shows it."""
        return _("星期%(day)s") % {"day": WEEKDAY_NAMES[self.date.weekday()]}

    def clean(self) -> None:
        """A make-up workday (调休上班) is always a Saturday or a Sunday: a weekday is a working day anyway."""
        if self.kind == self.Kind.WORKDAY and self.date is not None and self.date.weekday() < 5:
            raise ValidationError({"date": not_a_weekend(self.date)})


WEEKDAY_NAMES = "一二三四五六日"


def not_a_weekend(day) -> str:
    """The error for a 调休上班 date that falls on a weekday."""
    return _("%(date)s 是星期%(weekday)s，不是周末；调休上班日只能是周六或周日。") % {
        "date": f"{day:%Y-%m-%d}",
        "weekday": WEEKDAY_NAMES[day.weekday()],
    }


class PersonReminder(models.Model):
    """催办记录 of one person on one day; each app adds what it was about and the unique constraint that keeps
    a day's reminder from going out twice (``core.reminders.claim``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("人员"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("日期"))
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        abstract = True


class StaffAttachment(models.Model):
    """A file staff attached (checked by its content, kept in private storage, served by ``private_download``):
    the name it was uploaded with, who uploaded it and when. Each app adds what it belongs to and its ``file``
    (its own folder)."""

    original_name = models.CharField(_("原文件名"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name
