"""来信办理 in the back office: the inbox, the letter page with its steps, attachments, and the settings.

- :class:`LetterIndexView` — Wagtail's generic listing, scoped to what the user may see
  (``access.Staff.letters``), with filters and the deadline clock.
- :class:`LetterView` — one letter: content, the writer's contact, attachments, the clock,
  the whole log, and one form per step the user may take now. A POST takes one step
  through ``workflow.perform`` after checking, under the letter's row lock, that nobody
  changed the letter since the page was drawn; otherwise it says so and keeps the text.
- :func:`attachment` — streams an attachment from private storage to staff who may see the letter.
- Mailboxes, categories and sensitive words: ``ModelViewSet``\\ s only the office may use.

Another department's letter is a 404 in every view (its existence is not confirmed);
a step the user's role does not allow is a 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from zoneportal.core.admin_views import forbidden
from zoneportal.core.approval_guards import check_public_text
from zoneportal.core.models import Department
from zoneportal.core.notifications import notify
from zoneportal.core.ownership import office_condition
from zoneportal.core.storage import private_download
from zoneportal.rectification import access as ledger_access

from . import access, follow_up, oversight
from .admin_forms import StepForm, form_for, version
from .models import Letter, LetterAttachment, LetterCategory, LetterEvent, Mailbox, SensitiveWord
from .workflow import ACTIONS, IllegalTransition, perform

#: Labels of the log entries the inbox writes itself (not state changes of ``workflow.ACTIONS``).
EXTRA_EVENT_LABELS = {
    "draft": gettext_lazy("保存拟答复"),
    "publish": gettext_lazy("在网站公开"),
    "unpublish": gettext_lazy("取消在网站公开"),
    follow_up.TO_FAQ: gettext_lazy("转为问答"),
    follow_up.TO_LEDGER: gettext_lazy("开立整改事项"),
}

#: The button of each step on the letter page, and the confirmation after it.
STEP_BUTTONS = {
    "release": gettext_lazy("审查通过"),
    "accept": gettext_lazy("受理"),
    "reject": gettext_lazy("不予受理"),
    "direct": gettext_lazy("直办（本部门办理）"),
    "forward": gettext_lazy("转办"),
    "assign": gettext_lazy("交办"),
    "draft": gettext_lazy("保存拟答复"),
    "submit_reply": gettext_lazy("提交审核"),
    "return_reply": gettext_lazy("退回修改"),
    "approve_reply": gettext_lazy("审核通过并答复"),
    "reopen": gettext_lazy("重新办理"),
    "archive": gettext_lazy("归档"),
    "publish": gettext_lazy("公开 / 不公开"),
}
STEP_DONE = {
    "release": gettext_lazy("信件 %(number)s 已审查通过，可以受理。"),
    "accept": gettext_lazy("信件 %(number)s 已受理。"),
    "reject": gettext_lazy("信件 %(number)s 不予受理，理由已记录。"),
    "direct": gettext_lazy("信件 %(number)s 由本部门直接办理。"),
    "forward": gettext_lazy("信件 %(number)s 已转办。"),
    "assign": gettext_lazy("信件 %(number)s 已交办，期限 %(due)s。"),
    "draft": gettext_lazy("信件 %(number)s 的拟答复已保存。"),
    "submit_reply": gettext_lazy("信件 %(number)s 的答复已提交部门负责人审核。"),
    "return_reply": gettext_lazy("信件 %(number)s 的答复已退回修改。"),
    "approve_reply": gettext_lazy("信件 %(number)s 已答复，来信人可凭查询码查看。"),
    "reopen": gettext_lazy("信件 %(number)s 已重新办理。"),
    "archive": gettext_lazy("信件 %(number)s 已归档。"),
    "publish": gettext_lazy("信件 %(number)s 已在网站公开。"),
    "unpublish": gettext_lazy("信件 %(number)s 已取消在网站公开。"),
}
#: Steps shown as a plain button (with an optional note tucked away); the others show their form.
QUICK_STEPS = ("release", "accept", "direct", "archive")
#: Steps whose form holds a reply: the full width of the page.
WIDE_STEPS = ("draft", "submit_reply", "approve_reply")


class Stale(Exception):
    """The letter changed after the page was drawn: someone else acted on it."""


def event_label(action: str) -> str:
    """The log's name for an action: the workflow's label, the inbox's own, or the raw name (other apps' events)."""
    if action in ACTIONS:
        return str(ACTIONS[action].label)
    return str(EXTRA_EVENT_LABELS.get(action, action))


def staff_of(request: HttpRequest) -> access.Staff:
    """The user's roles, read once per request."""
    if not hasattr(request, "_letters_staff"):
        request._letters_staff = access.Staff.of(request.user)
    return request._letters_staff


@dataclass(frozen=True)
class LetterCounts:
    """What every admin page counts of the user's letters: the menu's 来信办理（n） and the red banner's."""

    waiting: int
    three_months: int


def letter_counts(request: HttpRequest) -> LetterCounts:
    """The user's waiting and three-month letters, counted in one query once per request.

    The banner reads its first letters only when there are some, so most pages pay this query alone.
    """
    if not hasattr(request, "_letter_counts"):
        staff = staff_of(request)
        counts = staff.letters().aggregate(
            waiting=Count("pk", filter=staff.waiting_condition()),
            three_months=Count("pk", filter=oversight.three_month_condition(timezone.localdate())),
        )
        request._letter_counts = LetterCounts(counts["waiting"] or 0, counts["three_months"] or 0)
    return request._letter_counts


# ---- the listing -------------------------------------------------------------------------------


class LetterFilterSet(WagtailFilterSet):
    """The inbox's filters; the choices offered follow what the user may see."""

    waiting = ChoiceFilter(
        label=gettext_lazy("等我办理"),
        choices=[("1", gettext_lazy("只看等我办理的")), ("0", gettext_lazy("不含等我办理的"))],
        method="filter_waiting",
    )
    status = ChoiceFilter(label=gettext_lazy("状态"), choices=Letter.Status.choices)
    deadline = ChoiceFilter(
        label=gettext_lazy("期限"),
        choices=[("overdue", gettext_lazy("已超期")), ("near", gettext_lazy("临近期限（2 个工作日内）"))],
        method="filter_deadline",
    )
    held = ChoiceFilter(
        label=gettext_lazy("敏感词"),
        choices=[("1", gettext_lazy("待人工审查")), ("0", gettext_lazy("无需审查"))],
        method="filter_held",
    )
    mailbox = ModelChoiceFilter(label=gettext_lazy("信箱"), queryset=Mailbox.objects.all())
    category = ModelChoiceFilter(label=gettext_lazy("类别"), queryset=LetterCategory.objects.select_related("mailbox"))
    department = ModelChoiceFilter(label=gettext_lazy("承办部门"), queryset=Department.objects.all())

    class Meta:
        model = Letter
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["category"].field.label_from_instance = lambda c: f"{c.mailbox.name} › {c.name}"
        staff = staff_of(self.request)
        if not staff.office:
            self.filters["department"].queryset = Department.objects.filter(pk__in=staff.head_of | staff.editor_of)

    def filter_waiting(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        waiting = staff_of(self.request).waiting().values("pk")
        return queryset.filter(pk__in=waiting) if value == "1" else queryset.exclude(pk__in=waiting)

    def filter_held(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(held_for_review=value == "1")

    def filter_deadline(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "overdue":
            return access.overdue(queryset)
        if value == "near":
            return access.near_deadline(queryset)
        return queryset


class ClockColumn(Column):
    """剩余工作日: working days left on an open letter, red when it is overdue."""

    cell_template_name = "letters/admin/clock_cell.html"

    def get_cell_context_data(self, instance: Letter, parent_context) -> dict:
        context = super().get_cell_context_data(instance, parent_context)
        context["clock"] = clock(instance)
        return context


class StatusColumn(Column):
    cell_template_name = "letters/admin/status_cell.html"


class HeldColumn(Column):
    cell_template_name = "letters/admin/held_cell.html"


def clock(letter: Letter) -> dict | None:
    """What the deadline clock shows for a letter: days left, and whether it is late or close (None: stopped)."""
    if not letter.is_open or letter.merged_into_id:
        return None
    left = letter.working_days_left()
    return {"left": left, "late": left < 0, "late_by": -left, "near": 0 <= left <= access.NEAR_DAYS}


class LetterIndexView(IndexView):
    """来信办理: the letters the user may see, newest first, with filters and the deadline clock."""

    model = Letter
    template_name = "letters/admin/index.html"
    filterset_class = LetterFilterSet
    search_fields = ["tracking_number", "subject", "content", "name"]
    page_title = gettext_lazy("来信办理")
    header_icon = "mail"
    paginate_by = 30
    any_permission_required = None
    default_ordering = "-received_at"

    @cached_property
    def permission_policy(self):
        # Access is by department (access.Staff), not by Django model permissions.
        return None

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not staff_of(request).has_inbox:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self) -> QuerySet[Letter]:
        return staff_of(self.request).letters().select_related("mailbox", "department", "category")

    def get_valid_orderings(self) -> list[str]:
        return ["received_at", "-received_at", "due_on", "-due_on", "tracking_number", "-tracking_number"]

    def detail_url(self, letter: Letter) -> str:
        return reverse("letters_inbox:detail", args=[quote(letter.pk)])

    @cached_property
    def columns(self) -> list[Column]:
        return [
            TitleColumn(
                "tracking_number",
                label=_("信件编号"),
                get_url=self.detail_url,
                sort_key="tracking_number",
            ),
            Column("subject", label=_("标题")),
            Column("mailbox", label=_("信箱")),
            Column("department", label=_("承办部门")),
            StatusColumn("status", label=_("状态"), accessor="get_status_display"),
            DateColumn("received_at", label=_("收信时间"), sort_key="received_at"),
            Column("due_on", label=_("答复期限"), sort_key="due_on"),
            ClockColumn("clock", label=_("剩余工作日")),
            HeldColumn("held_for_review", label=_("敏感词")),
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        staff = staff_of(self.request)
        context["waiting_count"] = staff.waiting().count()
        context["waiting_url"] = reverse("letters_inbox:index") + "?waiting=1"
        return context


# ---- one letter ----------------------------------------------------------------------------------


class LetterView(WagtailAdminTemplateMixin, TemplateView):
    """One letter and the forms of the steps the user may take on it now."""

    template_name = "letters/admin/letter.html"
    header_icon = "mail"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.staff = staff_of(request)
        if not self.staff.has_inbox:
            return forbidden(request)
        self.letter = get_letter(self.staff, kwargs["pk"])
        self.failed: dict | None = None
        self.bound: StepForm | None = None
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("信件 %(number)s") % {"number": self.letter.tracking_number}

    def get_page_subtitle(self) -> str:
        return self.letter.subject

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("letters_inbox:index"), "label": _("来信办理")},
            {"url": "", "label": self.letter.tracking_number},
        ]

    # -- showing

    def step_forms(self) -> list[dict]:
        """One entry per step the user may take now, each with its (possibly bound) form."""
        letter = self.letter
        entries, seen_forms = [], {}
        for step in self.staff.steps(letter):
            prefix = "submit_reply" if step == "draft" else step
            if prefix in seen_forms:
                seen_forms[prefix]["buttons"].append((step, STEP_BUTTONS[step]))
                continue
            bound = self.bound is not None and self.bound.prefix == prefix
            form = self.bound if bound else form_for(step, letter)
            entry = {
                "step": step,
                "form": form,
                "title": STEP_BUTTONS[step],
                "buttons": [(step, STEP_BUTTONS[step])],
                "quick": step in QUICK_STEPS and not (bound and form.errors),
                "open": bound,
                "wide": step in WIDE_STEPS,
            }
            if step == access.DRAFT:
                entry["title"] = _("拟答复")
            if step == access.PUBLISH:
                entry["title"] = _("网站公开")
                entry["buttons"] = [("publish", _("取消公开") if letter.is_published else _("在网站公开"))]
            seen_forms[prefix] = entry
            entries.append(entry)
        return entries

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        letter = self.letter
        events = letter.events.select_related("actor", "department")
        context.update(
            letter=letter,
            roles=self.staff.roles(letter),
            clock=clock(letter),
            attachments=letter.attachments.all(),
            events=[(event, event_label(event.action)) for event in events],
            steps=self.step_forms(),
            failed=self.failed,
            merged=letter.merged.all(),
            returned=last_return(letter),
            publishable=access.publishable(letter),
            follow_up=self.follow_up(),
        )
        return context

    def follow_up(self) -> dict:
        """转为问答 and 开立整改事项: whether this user may, and what was made from the letter already."""
        letter = self.letter
        made_faq = follow_up.faq_entry_of(letter)
        return {
            "faq_allowed": follow_up.is_answered(letter) and follow_up.may_make_faq(self.staff, letter),
            "faq_entry": made_faq,
            "faq_url": reverse(FAQ_EDIT_URL, args=[quote(made_faq.pk)]) if made_faq else "",
            "ledger_allowed": follow_up.may_open_ledger_item(self.staff, letter),
            "ledger_items": [
                (item, reverse(LEDGER_EDIT_URL, args=[quote(item.pk)]))
                for item in ledger_access.visible_items(self.staff.user, follow_up.ledger_items_of(letter))
            ],
        }

    # -- acting

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        step = request.POST.get("step", "")
        if step not in access.STEP_ROLES:
            return HttpResponseBadRequest(_("未知的操作。"))
        if not self.staff.may(self.letter, step):
            return forbidden(request)
        form = form_for(step, self.letter, request.POST)
        self.bound = form
        if not form.is_valid():
            messages.error(request, _("请按提示修改后再提交。"))
            return self.render_to_response(self.get_context_data(), status=200)
        try:
            done = take_step(self.staff, self.letter, step, form)
        except Stale:
            self.letter.refresh_from_db()
            message = _("在您打开此页后，信件已被他人处理（现状态：%(status)s）。您的操作未执行，请查看最新情况。")
            return self.refuse(step, form, message % {"status": self.letter.get_status_display()})
        except ValidationError as error:  # IllegalTransition too
            return self.refuse(step, form, " ".join(error.messages))
        messages.success(
            request,
            STEP_DONE[done] % {"number": self.letter.tracking_number, "due": self.letter.due_on},
        )
        self.letter.refresh_from_db()
        if self.staff.may_see(self.letter):
            return redirect("letters_inbox:detail", pk=self.letter.pk)
        return redirect("letters_inbox:index")

    def refuse(self, step: str, form: StepForm, message: str) -> HttpResponse:
        """Say why the step was not taken; show the fresh letter and what the user typed (nothing is lost)."""
        self.letter.refresh_from_db()
        if not self.staff.may_see(self.letter):
            # Handed to another department meanwhile: nothing more of it may be shown.
            messages.error(self.request, message)
            return redirect("letters_inbox:index")
        messages.error(self.request, message)
        self.failed = {"label": STEP_BUTTONS[step], "text": form.typed_text()}
        if step in self.staff.steps(self.letter):
            # Still possible: keep the form as typed, based on the letter as it is now.
            data = self.request.POST.copy()
            data[form.add_prefix("version")] = version(self.letter)
            self.bound = form_for(step, self.letter, data)
            self.bound.is_valid()
        else:
            self.bound = None
        return self.render_to_response(self.get_context_data(), status=409)


FAQ_EDIT_URL = "wagtailsnippets_faq_faqentry:edit"
LEDGER_EDIT_URL = "rectification_item:edit"


def to_faq(request: HttpRequest, pk: int) -> HttpResponse:
    """转为问答 (POST): an unpublished FAQ entry from the answered letter, then its edit page.

    403 for a user who may see the letter but not add the answering department's FAQ
    entries; a letter not answered yet is refused with a message. A second click opens
    the entry made by the first.
    """
    staff = staff_of(request)
    if not staff.has_inbox:
        return forbidden(request)
    letter = get_letter(staff, pk)
    if request.method != "POST":
        return redirect("letters_inbox:detail", pk=letter.pk)
    if not follow_up.may_make_faq(staff, letter):
        return forbidden(request)
    if not follow_up.is_answered(letter):
        messages.error(request, _("信件 %(number)s 尚未答复，不能转为问答。") % {"number": letter.tracking_number})
        return redirect("letters_inbox:detail", pk=letter.pk)
    entry, created = follow_up.make_faq(staff, letter)
    if created:
        messages.success(
            request,
            _("已根据信件 %(number)s 的答复创建问答（未公开）。请把问题改写成通用的说法、删去个人信息，再勾选“公开”。")
            % {"number": letter.tracking_number},
        )
    else:
        messages.warning(
            request, _("信件 %(number)s 已转为问答，这是当时创建的问答。") % {"number": letter.tracking_number}
        )
    return redirect(FAQ_EDIT_URL, quote(entry.pk))


def to_ledger(request: HttpRequest, pk: int) -> HttpResponse:
    """开立整改事项 (POST): a ledger item for the letter's department, sourced from the letter, then its edit page.

    403 for a user who may see the letter but not give the department a ledger item;
    a letter not accepted (待受理, 不予受理) or merged into another is refused with a message.
    """
    staff = staff_of(request)
    if not staff.has_inbox:
        return forbidden(request)
    letter = get_letter(staff, pk)
    if request.method != "POST":
        return redirect("letters_inbox:detail", pk=letter.pk)
    if not ledger_access.departments_for(request.user).filter(pk=letter.department_id).exists():
        return forbidden(request)
    if not follow_up.may_open_ledger_item(staff, letter):
        messages.error(request, _("信件 %(number)s 受理后才能开立整改事项。") % {"number": letter.tracking_number})
        return redirect("letters_inbox:detail", pk=letter.pk)
    try:
        item = follow_up.open_ledger_item(staff, letter)
    except PermissionDenied:
        return forbidden(request)
    messages.success(
        request,
        _("已根据信件 %(number)s 开立整改事项。请填写整改措施、责任人和整改时限后保存。")
        % {"number": letter.tracking_number},
    )
    return redirect(LEDGER_EDIT_URL, quote(item.pk))


def last_return(letter: Letter) -> LetterEvent | None:
    """The head's 退回修改 the draft is waiting on (shown beside the draft), if that is where the letter stands."""
    if letter.status != Letter.Status.PROCESSING:
        return None
    last = letter.events.exclude(action="draft").order_by("-at", "-id").select_related("actor").first()
    return last if last is not None and last.action == "return_reply" else None


def get_letter(staff: access.Staff, pk) -> Letter:
    """The letter, if the user may see it; 404 for another department's letter as for a missing one."""
    letter = get_object_or_404(Letter.objects.select_related("mailbox", "category", "department"), pk=pk)
    if not staff.may_see(letter):
        raise Http404
    return letter


def take_step(staff: access.Staff, letter: Letter, step: str, form: StepForm) -> str:
    """Take ``step`` on ``letter`` if nobody changed it since ``form`` was drawn; returns what was done.

    The letter's row is locked for the check and the step together (``perform``
    locks it again inside the same transaction), so two people cannot both act on
    the version they saw.
    """
    arguments = form.step_arguments()
    with transaction.atomic():
        current = Letter.objects.select_for_update(of=("self",)).select_related("mailbox", "category").get(pk=letter.pk)
        if version(current) != form.cleaned_data["version"]:
            raise Stale
        if step not in staff.steps(current):
            raise IllegalTransition(_("此信件当前不能执行这一操作。"))
        if step == access.DRAFT:
            current.draft_reply = arguments["draft_reply"]
            current.save(update_fields=["draft_reply"])
            log_event(current, "draft", staff.user)
            return step
        if step == access.PUBLISH:
            if arguments["publish"] and current.reply:
                check_public_text(current, current.reply, staff.user)
            current.is_published = arguments["publish"]
            current.save(update_fields=["is_published"])
            action = "publish" if current.is_published else "unpublish"
            log_event(current, action, staff.user, note=arguments["note"])
            return action
        perform(current, step, user=staff.user, **arguments)
        letter.refresh_from_db()
        if step == "approve_reply":
            transaction.on_commit(lambda: notify_reply(letter))
        return step


def log_event(letter: Letter, action: str, user, note: str = "") -> LetterEvent:
    """A log entry for a change that is not a state change (kept from the writer's timeline)."""
    return LetterEvent.objects.create(
        letter=letter,
        actor=user,
        action=action,
        from_status=letter.status,
        to_status=letter.status,
        department=letter.department,
        note=note,
        is_public=False,
    )


def notify_reply(letter: Letter) -> None:
    """Tell the writer the answer is there (after the commit: the answer is stored before anyone is told)."""
    notify(
        subject=_("您的来信已答复"),
        body=_("您的信件 %(number)s 已答复，请凭信件编号和查询码在网站“信件查询”中查看。")
        % {"number": letter.tracking_number},
        phone=letter.phone,
        email=letter.email,
    )


def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """An attachment of a letter, to staff who may see the letter (404 for anybody else), as a download."""
    staff = staff_of(request)
    if not staff.has_inbox:
        return forbidden(request)
    letter = get_letter(staff, pk)
    item = get_object_or_404(LetterAttachment, pk=attachment_pk, letter=letter)
    return private_download(item.file, item.original_name)


class InboxViewSet(ViewSet):
    """The URLs of 来信办理 under /admin/letters/ (namespace ``letters_inbox``)."""

    name = "letters_inbox"
    url_prefix = "letters"
    icon = "mail"

    def get_urlpatterns(self) -> list:
        index = LetterIndexView.as_view(
            index_url_name="letters_inbox:index", index_results_url_name="letters_inbox:index_results"
        )
        results = LetterIndexView.as_view(
            index_url_name="letters_inbox:index",
            index_results_url_name="letters_inbox:index_results",
            results_only=True,
        )
        return [
            path("", index, name="index"),
            path("results/", results, name="index_results"),
            path("<int:pk>/", LetterView.as_view(), name="detail"),
            path("<int:pk>/attachments/<int:attachment_pk>/", attachment, name="attachment"),
            path("<int:pk>/to-faq/", to_faq, name="to_faq"),
            path("<int:pk>/to-ledger/", to_ledger, name="to_ledger"),
        ]


# ---- settings: office only -------------------------------------------------------------------------


class OfficeOnlyPolicy(BasePermissionPolicy):
    """Every action for the office (``access.is_office``), none for anyone else."""

    def user_has_permission(self, user, action: str) -> bool:
        return access.is_office(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return access.is_office(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        return get_user_model().objects.filter(is_active=True).filter(office_condition()).distinct()

    def users_with_permission(self, action: str) -> QuerySet:
        return self.users_with_any_permission([action])

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return access.is_office(user)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return access.is_office(user)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        return self.model._default_manager.all() if access.is_office(user) else self.model._default_manager.none()


# Only the office may list, add, change or delete these: Wagtail's generic views check the policy in every view.
for _model in (Mailbox, LetterCategory, SensitiveWord):
    register_permission_policy(_model, OfficeOnlyPolicy(_model), exact_class=True)


def yes_no(value: bool) -> str:
    """是 / 否 (Wagtail's boolean cells say True / False to screen readers)."""
    return _("是") if value else _("否")


class MailboxViewSet(ModelViewSet):
    model = Mailbox
    icon = "mail"
    name = "letter_mailboxes"
    url_prefix = "letters/mailboxes"
    menu_label = gettext_lazy("信箱")
    list_display = [
        "name",
        "department",
        "reply_days",
        Column(
            "allows_anonymous", label=gettext_lazy("允许匿名来信"), accessor=lambda box: yes_no(box.allows_anonymous)
        ),
        Column("is_active", label=gettext_lazy("开放"), accessor=lambda box: yes_no(box.is_active)),
        "sort_order",
    ]
    form_fields = [
        "name",
        "slug",
        "description",
        "department",
        "reply_days",
        "allows_anonymous",
        "is_active",
        "sort_order",
    ]
    search_fields = ["name"]


class LetterCategoryViewSet(ModelViewSet):
    model = LetterCategory
    icon = "tag"
    name = "letter_categories"
    url_prefix = "letters/categories"
    menu_label = gettext_lazy("信件类别")
    list_display = ["name", "mailbox", "reply_days", "sort_order"]
    list_filter = ["mailbox"]
    form_fields = ["mailbox", "name", "reply_days", "sort_order"]
    search_fields = ["name"]


class SensitiveWordViewSet(ModelViewSet):
    model = SensitiveWord
    icon = "warning"
    name = "letter_sensitive_words"
    url_prefix = "letters/sensitive-words"
    menu_label = gettext_lazy("敏感词")
    list_display = ["word"]
    form_fields = ["word"]
    search_fields = ["word"]


class LetterSettingsGroup(ViewSetGroup):
    """来信设置: mailboxes with their deadlines, categories, sensitive words (the office's)."""

    items = (MailboxViewSet, LetterCategoryViewSet, SensitiveWordViewSet)
    menu_label = gettext_lazy("来信设置")
    menu_icon = "cogs"
    menu_name = "letter-settings"
    menu_order = 160
