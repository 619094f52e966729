"""公文流转 in the back office: the three lists, the draft form, the document page and its steps.

A person off the document's route gets a 403 page in Chinese; one on the route who is not the
current step's assignee reads the document and its route (流转记录) without the step's buttons,
and a step posted anyway is refused with 403. A refused step (wrong state, no opinion) shows the
document again with the reason and what was typed, and changes nothing.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from zoneportal.core.admin_views import forbidden
from zoneportal.core.ownership import is_office
from zoneportal.core.storage import private_download

from . import access, deadlines, services
from .forms import CompleteForm, DistributeForm, DocumentForm, OpinionForm, SignForm
from .models import Distribution, DocumentAttachment, OfficialDocument

State = OfficialDocument.State
LIST_PAGE_SIZE = 50


class DocumentListView(View):
    """待我处理, 我拟的 and 全部 (the office's)."""

    model = OfficialDocument
    tab = "pending"
    titles = {"pending": gettext_lazy("待我处理"), "mine": gettext_lazy("我拟的"), "all": gettext_lazy("全部公文")}

    def get(self, request: HttpRequest) -> HttpResponse:
        if self.tab == "all" and not is_office(request.user):
            return forbidden(request)
        if self.tab == "pending":
            documents = access.pending_documents(request.user)
        elif self.tab == "mine":
            documents = OfficialDocument.objects.filter(drafter=request.user)
        else:
            documents = OfficialDocument.objects.all()
        paginator = Paginator(documents.select_related("department").order_by("-updated_at", "-pk"), LIST_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("p"))  # a malformed or too large number: the first or last page
        rows = [(document, deadlines.is_overdue(document)) for document in page]
        return render(
            request,
            "circulation/list.html",
            {
                "rows": rows,
                "page": page,
                "elided_page_range": paginator.get_elided_page_range(page.number),
                "tab": self.tab,
                "page_title": self.titles[self.tab],
                "may_draft": access.drafting_departments(request.user).exists(),
                "office": is_office(request.user),
            },
        )


class DocumentFormView(View):
    """拟稿 (a new draft) and 修改 (the drafter's own draft): the form keeps what was typed when refused."""

    model = OfficialDocument

    def dispatch(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        self.document = None
        if pk is not None:
            self.document = get_object_or_404(OfficialDocument, pk=pk)
            if self.document.drafter_id != request.user.pk or self.document.state != State.DRAFT:
                return forbidden(request)
        elif not access.drafting_departments(request.user).exists():
            return forbidden(request)
        return super().dispatch(request)

    def get(self, request: HttpRequest) -> HttpResponse:
        initial = {}
        if self.document is None:
            own = access.drafting_departments(request.user).filter(pk__in=access.department_ids(request.user))
            initial["department"] = own.first()
        return self.show(DocumentForm(instance=self.document, initial=initial, user=request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = DocumentForm(request.POST, request.FILES, instance=self.document, user=request.user)
        if not form.is_valid():
            return self.show(form, status=400)
        try:
            document = services.save_draft(
                form.instance,
                user=request.user,
                reviewers=form.cleaned_data["reviewers"],
                signers=form.cleaned_data["signers"],
                files=form.cleaned_data["attachments"],
                removed=form.cleaned_data.get("remove_attachments", ()),
            )
        except services.TransitionRefused as refusal:
            form.add_error(None, refusal.message)
            return self.show(form, status=409)
        except PermissionDenied:
            return forbidden(request)
        messages.success(request, _("草稿已保存：“%(title)s”。") % {"title": document.title})
        return redirect("circulation:document", document.pk)

    def show(self, form: forms.Form, status: int = 200) -> HttpResponse:
        title = _("修改草稿") if self.document else _("拟稿")
        return render(
            self.request,
            "circulation/form.html",
            {"form": form, "document": self.document, "page_title": title},
            status=status,
        )


def document_context(request: HttpRequest, document: OfficialDocument, **forms_given) -> dict:
    """What the document page shows: the document, its route, its recipients and the user's step forms."""
    user = request.user
    acting = access.may_act(user, document)
    distributions = list(document.distributions.select_related("department", "received_by", "done_by"))
    copies = [(copy, deadlines.distribution_overdue(copy), access.may_handle(user, copy)) for copy in distributions]
    return {
        "document": document,
        "page_title": document.title,
        "overdue": deadlines.is_overdue(document),
        "attachments": list(document.attachments.all()),
        "route": list(services.route(document)),
        "reviewers": list(document.reviewers.all()),
        "signers": list(document.signers.all()),
        "copies": copies,
        "acting": acting,
        "may_archive": document.state == State.DISTRIBUTED and access.may_archive(user),
        "review_form": forms_given.get("review_form") or OpinionForm(),
        "sign_form": forms_given.get("sign_form") or SignForm(initial={"number": document.number}),
        "distribute_form": forms_given.get("distribute_form") or DistributeForm(),
        "complete_form": forms_given.get("complete_form") or CompleteForm(),
        "complete_copy": forms_given.get("complete_copy"),
        "archive_form": forms_given.get("archive_form") or OpinionForm(),
    }


class DocumentView(View):
    """The document page: its text, attachments, recipients and route; the user's step, if any."""

    model = OfficialDocument

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = get_object_or_404(OfficialDocument.objects.select_related("department", "drafter"), pk=pk)
        if not access.on_route(request.user, document):
            return forbidden(request)
        return render(request, "circulation/document.html", document_context(request, document))


class StepView(View):
    """One step on a document (POST only): the form, the service call, the document page again."""

    model = OfficialDocument
    http_method_names = ["post"]
    form_class: type[forms.Form] = OpinionForm
    form_name = "review_form"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = get_object_or_404(OfficialDocument.objects.select_related("department", "drafter"), pk=pk)
        if not access.on_route(request.user, document):
            return forbidden(request)
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.perform(document, form)
            except PermissionDenied:
                return forbidden(request)
            except services.TransitionRefused as refusal:
                form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)
            else:
                messages.success(request, self.done_message(document))
                return redirect("circulation:document", document.pk)
        document.refresh_from_db()
        context = document_context(request, document, **{self.form_name: form})
        return render(request, "circulation/document.html", context, status=409)

    def perform(self, document: OfficialDocument, form: forms.Form) -> None:
        raise NotImplementedError

    def done_message(self, document: OfficialDocument) -> str:
        raise NotImplementedError


class SubmitView(StepView):
    def perform(self, document, form) -> None:
        services.submit(document, user=self.request.user)

    def done_message(self, document) -> str:
        return _("已送审：“%(title)s”。") % {"title": document.title}


class ApproveView(StepView):
    def perform(self, document, form) -> None:
        services.approve(document, user=self.request.user, opinion=form.cleaned_data["opinion"])

    def done_message(self, document) -> str:
        return _("审核通过，已送签发：“%(title)s”。") % {"title": document.title}


class ReturnView(StepView):
    def perform(self, document, form) -> None:
        services.return_to_draft(document, user=self.request.user, opinion=form.cleaned_data["opinion"])

    def done_message(self, document) -> str:
        return _("已退回拟稿人修改：“%(title)s”。") % {"title": document.title}


class SignView(StepView):
    form_class = SignForm
    form_name = "sign_form"

    def perform(self, document, form) -> None:
        data = form.cleaned_data
        services.sign(document, user=self.request.user, number=data["number"], opinion=data["opinion"])

    def done_message(self, document) -> str:
        return _("已签发：“%(title)s”，待分发。") % {"title": document.title}


class DistributeView(StepView):
    form_class = DistributeForm
    form_name = "distribute_form"

    def perform(self, document, form) -> None:
        services.distribute(document, user=self.request.user, departments=form.cleaned_data["departments"])

    def done_message(self, document) -> str:
        return _("已分发：“%(title)s”。") % {"title": document.title}


class ArchiveView(StepView):
    form_name = "archive_form"

    def perform(self, document, form) -> None:
        services.archive(document, user=self.request.user, opinion=form.cleaned_data["opinion"])

    def done_message(self, document) -> str:
        return _("已归档：“%(title)s”。") % {"title": document.title}


class CopyStepView(View):
    """签收 and 办结 of one recipient department's copy (POST only)."""

    model = Distribution
    http_method_names = ["post"]
    complete = False

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        copy = get_object_or_404(Distribution.objects.select_related("document", "department"), pk=pk)
        document = copy.document
        if not access.on_route(request.user, document):
            return forbidden(request)
        form = CompleteForm(request.POST)
        form.is_valid()
        try:
            if self.complete:
                services.complete(copy, user=request.user, note=form.cleaned_data.get("note", ""))
                done = _("已办结：“%(title)s”。")
            else:
                services.receive(copy, user=request.user)
                done = _("已签收：“%(title)s”。")
        except PermissionDenied:
            return forbidden(request)
        except services.TransitionRefused as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)
            document.refresh_from_db()
            context = document_context(request, document, complete_form=form, complete_copy=copy.pk)
            return render(request, "circulation/document.html", context, status=409)
        messages.success(request, done % {"title": document.title})
        return redirect("circulation:document", document.pk)


class AttachmentView(View):
    """An attachment, for people on its document's route only (it has no public address)."""

    model = DocumentAttachment

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        attachment = get_object_or_404(DocumentAttachment.objects.select_related("document"), pk=pk)
        if not access.on_route(request.user, attachment.document):
            return forbidden(request)
        return private_download(attachment.file, attachment.original_name)
