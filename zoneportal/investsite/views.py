"""The contact page: GET shows the inquiry form, POST stores a lead and shows its tracking number."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from zoneportal.core.models import Department
from zoneportal.core.network import over_limit

from .forms import InquiryForm
from .leads import notify_new_lead
from .models import InvestContactPage, InvestorLead, lead_department_slug

RATE_GROUP = "investor-inquiry"
RETRY_AFTER_SECONDS = 600


def contact(request: HttpRequest, page: InvestContactPage) -> HttpResponse:
    """GET: the page and its form (or, with ``?sent=<number>``, the thank-you note); POST: a new lead.

    The lead is committed before the browser is sent to the thank-you address,
    so the number it shows is already in the back office. A visitor over
    ``INVESTOR_INQUIRY_RATE`` keeps what they typed and is asked to wait.
    """
    form = InquiryForm()
    status = 200
    refusal = ""
    sent = ""
    if request.method == "POST":
        form = InquiryForm(request.POST)
        if over_limit(request, RATE_GROUP, settings.INVESTOR_INQUIRY_RATE):
            refusal = _("提交过于频繁，请稍后再试。您填写的内容已保留。")
            status = 429
        elif form.is_valid():
            with transaction.atomic():
                lead: InvestorLead = form.save(commit=False)
                lead.language = page.locale.language_code
                lead.page = page
                lead.department = page.department or Department.objects.get(slug=lead_department_slug())
                lead.save()
                # After the commit: the mail never speaks of a lead that was rolled back.
                transaction.on_commit(lambda: notify_new_lead(lead))
            return redirect(f"{page.get_url(request)}?sent={lead.tracking_number}#inquiry", permanent=False)
        else:
            status = 400
    elif request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    else:
        number = request.GET.get("sent", "")[:20]
        if number and InvestorLead.objects.filter(tracking_number=number).exists():
            sent = number
    context = {**page.get_context(request), "form": form, "refusal": refusal, "sent": sent}
    response = TemplateResponse(request, page.get_template(request), context)
    response.status_code = status
    if status == 429:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
