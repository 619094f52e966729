"""网上办公 › 通知 in the back office: the inbox, the sent notices, writing one, reading, signing, reminding.

Every view checks ``access`` itself and answers others with the back office's Chinese 403; every change
goes through ``services``. The inbox and the notice page are laid out for a phone too (``notices.css``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import ModelLogEntry

from zoneportal.core.admin_views import forbidden
from zoneportal.core.department_scope import works_for_a_department
from zoneportal.core.ownership import is_office
from zoneportal.core.storage import private_download
from zoneportal.core.workdays import working_days_left

from . import access, services
from .forms import NoticeForm, WithdrawForm
from .models import Notice, NoticeAttachment, NoticeReceipt

PER_PAGE = 20


def may_use(user) -> bool:
    """Whether ``user`` has a place in 通知 at all (the office, or staff of a department)."""
    return is_office(user) or works_for_a_department(user)


class NoticeMixin(WagtailAdminTemplateMixin):
    """The app's views: refused in Chinese for anyone outside the office and the departments."""

    model = Notice
    header_icon = "mail"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_use(request.user):
            return forbidden(request)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": reverse("notices:index"), "label": _("通知")}, *self.trail()]

    def trail(self) -> list[dict]:
        return [{"url": "", "label": self.get_page_title()}]


class InboxView(NoticeMixin, TemplateView):
    """收到的通知: the notices addressed to my departments, unread first marked, newest first."""

    template_name = "notices/inbox.html"
    page_title = gettext_lazy("收到的通知")

    def trail(self) -> list[dict]:
        return []

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        notices = access.received_notices(user).select_related("sender")
        page = Paginator(notices, PER_PAGE).get_page(self.request.GET.get("p"))
        receipts = {
            receipt.notice_id: receipt
            for receipt in NoticeReceipt.objects.filter(user=user, notice__in=[notice.pk for notice in page])
        }
        rows = [(notice, receipts.get(notice.pk), _clock(notice)) for notice in page]
        context.update(
            rows=rows,
            page=page,
            unread=access.unread_count(user),
            may_send=access.may_send(user),
        )
        return context


class SentView(NoticeMixin, TemplateView):
    """发出的通知: the notices I may manage, drafts included, with how many people signed."""

    template_name = "notices/sent.html"
    page_title = gettext_lazy("发出的通知")

    def get_context_data(self, **kwargs) -> dict:
        if not access.may_send(self.request.user):
            raise PermissionDenied
        context = super().get_context_data(**kwargs)
        notices = (
            access.sent_notices(self.request.user)
            .select_related("sender")
            .annotate(signed=Count("receipts", filter=Q(receipts__signed_at__isnull=False)))
            .order_by(*Notice._meta.ordering)  # a grouped query drops Meta.ordering
        )
        context["page"] = Paginator(notices, PER_PAGE).get_page(self.request.GET.get("p"))
        return context


class NoticeFormView(NoticeMixin, TemplateView):
    """起草 or 修改草稿: 保存草稿, or 发布 at once (the form is checked whole; nothing is half-saved)."""

    template_name = "notices/form.html"

    def get_notice(self) -> Notice:
        if "pk" not in self.kwargs:
            return Notice()
        notice = get_object_or_404(Notice, pk=self.kwargs["pk"])
        if not access.may_manage(self.request.user, notice):
            raise PermissionDenied
        return notice

    def get_page_title(self) -> str:
        return _("修改通知草稿") if "pk" in self.kwargs else _("起草通知")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if may_use(request.user) and not access.may_send(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        notice = self.get_notice()
        if notice.pk and notice.state != Notice.State.DRAFT:
            messages.error(request, _("通知已发布，不能再修改；如有错误请撤回后重新起草。"))
            return redirect("notices:detail", notice.pk)
        return self.render_to_response(self.get_context_data(form=NoticeForm(instance=notice, user=request.user)))

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        notice = self.get_notice()
        form = NoticeForm(request.POST, request.FILES, instance=notice, user=request.user)
        publishing = request.POST.get("action") == "publish"
        if form.is_valid() and publishing and not form.recipients():
            form.add_error("departments", _("请至少选择一个接收单位。"))
        if not form.is_valid():
            messages.error(request, _("通知未保存，请按提示修改。"))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            with transaction.atomic():
                notice = services.save_draft(
                    form.save(commit=False),
                    user=request.user,
                    departments=form.recipients(),
                    files=form.cleaned_data["files"],
                )
                if publishing:
                    services.publish(notice, user=request.user)
        except services.NoticeRefused as refusal:
            form.add_error(refusal.field, refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, _("通知已发布。") if publishing else _("草稿已保存。"))
        return redirect("notices:detail", notice.pk)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        notice = kwargs["form"].instance
        context["attachments"] = list(notice.attachments.all()) if notice.pk else []
        return context


class NoticeView(NoticeMixin, TemplateView):
    """One notice: a recipient's first opening is 已读, with the 签收 button; its sender sees the receipts."""

    template_name = "notices/notice.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.notice = get_object_or_404(Notice.objects.select_related("sender"), pk=kwargs["pk"])
        if may_use(request.user) and not access.may_read(request.user, self.notice):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return self.notice.title

    def get_context_data(self, withdraw_form: WithdrawForm | None = None, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user, notice = self.request.user, self.notice
        manages = access.may_manage(user, notice)
        context.update(
            notice=notice,
            receipt=services.open_notice(notice, user=user),
            is_recipient=access.is_recipient(user, notice),
            manages=manages,
            clock=_clock(notice),
            attachments=list(notice.attachments.all()),
            recipients=list(notice.departments.all()),
        )
        if manages:
            context.update(
                overview=services.receipt_overview(notice),
                withdraw_form=withdraw_form or WithdrawForm(),
                history=ModelLogEntry.objects.for_instance(notice).select_related("user").order_by("-timestamp", "-pk"),
            )
        return context


class WithdrawView(NoticeView):
    """撤回 with a reason (POST); a missing reason comes back on the notice page in Chinese."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = WithdrawForm(request.POST)
        if form.is_valid():
            try:
                services.withdraw(self.notice, user=request.user, reason=form.cleaned_data["reason"])
            except services.NoticeRefused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(request, _("通知已撤回。"))
                return redirect("notices:detail", self.notice.pk)
        return self.render_to_response(self.get_context_data(withdraw_form=form), status=400)


class StepView(NoticeMixin, View):
    """A one-button step on a notice (POST only); a refusal is a message on the notice page."""

    http_method_names = ["post"]

    def step(self, notice: Notice, user) -> str:
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        notice = get_object_or_404(Notice, pk=pk)
        if not access.may_read(request.user, notice):
            return forbidden(request)
        try:
            messages.success(request, self.step(notice, request.user))
        except services.NoticeRefused as refusal:
            messages.error(request, refusal.message)
        return redirect("notices:detail", notice.pk)


class PublishView(StepView):
    """发布 a draft."""

    def step(self, notice: Notice, user) -> str:
        services.publish(notice, user=user)
        return _("通知已发布。")


class SignView(StepView):
    """签收."""

    def step(self, notice: Notice, user) -> str:
        services.sign(notice, user=user)
        return _("已签收。")


class RemindView(StepView):
    """催办 the recipients who have not signed."""

    def step(self, notice: Notice, user) -> str:
        result = services.remind(notice, user=user)
        if result.reminded:
            return _("已向 %(count)s 名未签收人员发送催办提醒。") % {"count": result.reminded}
        if result.already:
            return _("未签收人员今天都已催办过，明天可再次催办。")
        return _("所有人员均已签收，无需催办。")


class AttachmentView(NoticeMixin, View):
    """A stored attachment, for whoever may read its notice (it has no public address)."""

    model = NoticeAttachment

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        attachment = get_object_or_404(NoticeAttachment.objects.select_related("notice"), pk=pk)
        if not access.may_read(request.user, attachment.notice):
            return forbidden(request)
        return private_download(attachment.file, attachment.original_name)


@dataclass(frozen=True)
class Clock:
    """Working days left until a notice's deadline (``days`` negative once past; ``late`` the days past)."""

    days: int

    @property
    def late(self) -> int:
        return max(0, -self.days)


def _clock(notice: Notice) -> Clock | None:
    """The notice's deadline clock in working days, or None without a deadline."""
    return Clock(working_days_left(notice.deadline)) if notice.deadline else None
