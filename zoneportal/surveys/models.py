"""Surveys (民意调查), their questions and the answers citizens send.

A :class:`Survey` belongs to a department and holds its :class:`Question` rows
inline (Wagtail's InlinePanel on a ClusterableModel): the builder is one form,
validated as a whole by :class:`~zoneportal.surveys.forms.SurveyAdminForm`.
A :class:`SurveyResponse` keeps every answer of one person in a JSON object keyed
by question id; uploaded files are :class:`ResponseFile` rows. Once a survey has
responses its questions are locked, so the ids and choices answers refer to stay
meaningful.

Anonymous surveys store no identity: no address, no contact; the browser token
and (for verified surveys) the phone or e-mail are kept only as keyed hashes that
prove "this person answered already" and nothing else.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from zoneportal.core.models import Department

#: The public URL prefix of surveys (below 互动交流); zoneportal/urls.py mounts the views there.
URL_PREFIX = "hudong/diaocha/"


def lines(text: str) -> list[str]:
    """The non-empty, stripped lines of ``text`` (choices and matrix rows are entered one per line)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def keyed_hash(purpose: str, value: str) -> str:
    """A hash of ``value`` keyed by the site's secret: comparable, not reversible without the key."""
    return salted_hmac(f"zoneportal.surveys.{purpose}", value, algorithm="sha256").hexdigest()


class LockedNotice(HelpPanel):
    """A warning at the top of the builder once a survey has answers (the form refuses question changes)."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self) -> bool:
            return bool(self.instance.pk) and self.instance.is_locked()


class Survey(ClusterableModel):
    """问卷: a questionnaire or poll of a department, open between two times."""

    class Identity(models.TextChoices):
        ANONYMOUS = "anonymous", _("匿名（不保存任何身份信息）")
        CONTACT = "contact", _("实名（填写姓名和联系方式）")

    class Verification(models.TextChoices):
        NONE = "none", _("不验证（每个浏览器限答一次）")
        PHONE = "phone", _("手机验证码")
        EMAIL = "email", _("电子邮箱验证码")

    class Status(models.TextChoices):
        DRAFT = "draft", _("未发布")
        UPCOMING = "upcoming", _("未开始")
        OPEN = "open", _("进行中")
        CLOSED = "closed", _("已结束")

    title = models.CharField(_("标题"), max_length=120)
    slug = models.SlugField(
        _("网址标识"),
        max_length=60,
        unique=True,
        help_text=_("网址中的英文或拼音，例如 zhiyong-wenze-2016；有答卷后请勿修改"),
    )
    department = models.ForeignKey(
        Department, verbose_name=_("所属部门"), on_delete=models.PROTECT, related_name="surveys"
    )
    intro = models.TextField(_("说明"), blank=True, help_text=_("显示在问卷开头：目的、用途、填写须知"))
    thanks = models.CharField(
        _("提交后的致谢语"), max_length=300, blank=True, default=_("感谢您的参与！您的意见已收到。")
    )
    opens_at = models.DateTimeField(_("开始时间"), null=True, blank=True, help_text=_("留空表示发布后立即开始"))
    closes_at = models.DateTimeField(_("截止时间"), null=True, blank=True, help_text=_("留空表示不设截止时间"))
    is_published = models.BooleanField(_("在网站上发布"), default=False)
    results_published = models.BooleanField(
        _("公开调查结果"), default=False, help_text=_("勾选后，网站上显示各题的统计图表（文字答案不公开）")
    )
    identity = models.CharField(_("答卷方式"), max_length=20, choices=Identity.choices, default=Identity.ANONYMOUS)
    verification = models.CharField(
        _("身份验证"), max_length=20, choices=Verification.choices, default=Verification.NONE
    )
    is_generated_demo = models.BooleanField(
        _("演示数据"), default=False, editable=False, help_text=_("答卷由演示程序生成")
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    panels = [
        LockedNotice(
            content=_(
                "<p><strong>这份问卷已经有答卷，题目已锁定。</strong>"
                "可以修改标题、说明、时间、发布和公开结果，以及各题的填写提示；题目本身不能再增删改。</p>"
            ),
            heading=_("题目已锁定"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel("department"),
                FieldPanel("intro"),
                FieldPanel("thanks"),
            ],
            heading=_("基本信息"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("is_published"),
                FieldPanel("results_published"),
            ],
            heading=_("时间与发布"),
        ),
        MultiFieldPanel([FieldPanel("identity"), FieldPanel("verification")], heading=_("答卷人")),
        InlinePanel("questions", heading=_("题目"), label=_("题目"), min_num=1),
    ]

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("调查问卷")
        verbose_name_plural = _("调查问卷")

    def __str__(self) -> str:
        return self.title

    def status(self, now=None) -> str:
        """Where the survey stands now: one of :class:`Status`."""
        now = now or timezone.now()
        if not self.is_published:
            return self.Status.DRAFT
        if self.opens_at and now < self.opens_at:
            return self.Status.UPCOMING
        if self.closes_at and now >= self.closes_at:
            return self.Status.CLOSED
        return self.Status.OPEN

    def status_label(self) -> str:
        return self.Status(self.status()).label

    status_label.short_description = _("状态")  # type: ignore[attr-defined]

    def is_open(self) -> bool:
        return self.status() == self.Status.OPEN

    def is_locked(self) -> bool:
        """Whether answers exist, so the questions may no longer change."""
        return self.pk is not None and self.responses.exists()

    def response_count(self) -> int:
        annotated = getattr(self, "answers", None)  # the back office's listing counts them in its query
        return annotated if annotated is not None else self.responses.count()

    response_count.short_description = _("答卷数")  # type: ignore[attr-defined]

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", args=[self.slug])

    def results_url(self) -> str:
        return reverse("surveys:results", args=[self.slug])

    def ordered_questions(self) -> list[Question]:
        """The questions in their order, each with ``number`` (题号, from 1) set."""
        questions = sorted(
            self.questions.all(),
            key=lambda question: (question.sort_order is None, question.sort_order, question.pk or 0),
        )
        for number, question in enumerate(questions, start=1):
            question.number = number
        return questions


class Question(Orderable):
    """题目: one question of a survey; what it asks and how an answer is checked."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("单选题")
        MULTIPLE = "multiple", _("多选题")
        RATING = "rating", _("评分题（1—5分）")
        MATRIX = "matrix", _("矩阵题（每行选一项）")
        RANKING = "ranking", _("排序题")
        SHORT_TEXT = "short_text", _("填空题（单行）")
        LONG_TEXT = "long_text", _("意见建议（多行）")
        NUMBER = "number", _("数字题")
        FILE = "file", _("上传文件")

    #: Kinds whose answers come from the ``choices`` list.
    CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.MATRIX, Kind.RANKING})
    #: Kinds another question may depend on (“show Q3 when Q2's answer is 是”).
    CONDITION_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE})

    survey = ParentalKey(Survey, verbose_name=_("问卷"), on_delete=models.CASCADE, related_name="questions")
    section = models.CharField(
        _("所属部分"), max_length=60, blank=True, help_text=_("例如“一、基本情况”；与上一题不同时开始新的部分")
    )
    kind = models.CharField(_("题型"), max_length=20, choices=Kind.choices, default=Kind.SINGLE)
    text = models.CharField(_("题目"), max_length=300)
    help_text = models.CharField(_("填写提示"), max_length=300, blank=True)
    required = models.BooleanField(_("必答"), default=True)
    choices = models.TextField(
        _("选项"), blank=True, help_text=_("每行一个。单选、多选、排序题的选项；矩阵题的列（如 满意、一般、不满意）")
    )
    rows = models.TextField(_("矩阵的行"), blank=True, help_text=_("矩阵题每行一个评价对象"))
    min_choices = models.PositiveSmallIntegerField(_("最少选几项"), null=True, blank=True, help_text=_("多选题"))
    max_choices = models.PositiveSmallIntegerField(_("最多选几项"), null=True, blank=True, help_text=_("多选题"))
    show_if_number = models.PositiveSmallIntegerField(
        _("显示条件：第几题"),
        null=True,
        blank=True,
        help_text=_("只在前面某一题（单选或多选）选了下面的选项时显示本题"),
    )
    show_if_choice = models.CharField(_("显示条件：选项"), max_length=100, blank=True)

    panels = [
        FieldPanel("section"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("choices"),
        FieldPanel("rows"),
        FieldRowPanel([FieldPanel("min_choices"), FieldPanel("max_choices")]),
        FieldRowPanel([FieldPanel("show_if_number"), FieldPanel("show_if_choice")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("题目")
        verbose_name_plural = _("题目")

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        """Choices, rows and min/max fit the kind (the builder shows each error next to its field)."""
        from .forms import clean_question

        clean_question(self)

    @property
    def choice_list(self) -> list[str]:
        return lines(self.choices)

    @property
    def row_list(self) -> list[str]:
        return lines(self.rows)

    @property
    def key(self) -> str:
        """The key of this question's answer in :attr:`SurveyResponse.answers`."""
        return str(self.pk)


class SurveyResponse(models.Model):
    """答卷: everything one person answered, keyed by question id.

    Values: a choice (single), a list of choices (multiple), 1–5 (rating),
    ``{row: column}`` (matrix), the choices in rank order (ranking), text, a
    number as text, or a file's :class:`ResponseFile` id. Questions that were
    not shown or not answered are absent.
    """

    survey = models.ForeignKey(Survey, verbose_name=_("问卷"), on_delete=models.CASCADE, related_name="responses")
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now, db_index=True)
    answers = models.JSONField(_("答案"), default=dict)
    token_hash = models.CharField(_("浏览器标识（散列）"), max_length=64, blank=True, editable=False)
    contact_hash = models.CharField(_("验证号码（散列）"), max_length=64, blank=True, editable=False)
    name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("手机号码"), max_length=20, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    is_generated = models.BooleanField(_("演示生成"), default=False, editable=False)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("答卷")
        verbose_name_plural = _("答卷")
        constraints = [
            # One response per browser and per verified phone/e-mail, enforced by the database too.
            models.UniqueConstraint(
                fields=["survey", "token_hash"], condition=~models.Q(token_hash=""), name="survey_one_per_token"
            ),
            models.UniqueConstraint(
                fields=["survey", "contact_hash"], condition=~models.Q(contact_hash=""), name="survey_one_per_contact"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


def response_upload_to(instance: ResponseFile, filename: str) -> str:
    """A folder nobody can guess: citizens' files must not be found by trying names under /media/."""
    return f"surveys/{instance.response.survey_id}/{secrets.token_hex(12)}/{filename}"


class ResponseFile(models.Model):
    """An uploaded file answering a question of kind 上传文件 (checked by content before it is kept)."""

    response = models.ForeignKey(SurveyResponse, verbose_name=_("答卷"), on_delete=models.CASCADE, related_name="files")
    question = models.ForeignKey(Question, verbose_name=_("题目"), on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("文件"), upload_to=response_upload_to)
    original_name = models.CharField(_("原文件名"), max_length=200)

    class Meta:
        verbose_name = _("答卷附件")
        verbose_name_plural = _("答卷附件")

    def __str__(self) -> str:
        return self.original_name


class VerificationCode(models.Model):
    """验证码 sent to a phone or e-mail before answering a verified survey; only hashes are kept."""

    survey = models.ForeignKey(Survey, verbose_name=_("问卷"), on_delete=models.CASCADE, related_name="+")
    contact_hash = models.CharField(_("号码（散列）"), max_length=64, db_index=True)
    code_hash = models.CharField(_("验证码（散列）"), max_length=64)
    created_at = models.DateTimeField(_("发送时间"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    used = models.BooleanField(_("已使用"), default=False)

    class Meta:
        verbose_name = _("验证码")
        verbose_name_plural = _("验证码")

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.contact_hash[:8]}"
