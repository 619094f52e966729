"""两步验证 in the back office: the code after the password, setting up an authenticator, the account page.

The code and set-up pages are drawn like Wagtail's login page, without the admin menu: the person
has not finished signing in yet. The account page (账户设置 › 两步验证) is an ordinary admin page,
reached only once verified (``middleware.TwoFactorMiddleware``).
"""

from __future__ import annotations

import django_otp
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import devices
from .forms import ConfirmAuthenticatorForm, LoginCodeForm
from .middleware import redirect_to


def next_url(request: HttpRequest) -> str:
    """The admin page the person was heading for, if it is on this site; else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def mark_verified(request: HttpRequest, device) -> None:
    """Remember in the session that this person passed the second factor with ``device``.

    The session key changes, as at a password login: a key seen before the code proved nothing.
    """
    request.session.cycle_key()
    django_otp.login(request, device)


class VerifyView(View):
    """After the password: the 6-digit code (or a recovery code) before any admin page."""

    template_name = "twofactor/verify.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_verified():
            return HttpResponseRedirect(next_url(request))
        if not devices.has_two_factor(request.user):
            return redirect_to("two_factor:enrol", next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(LoginCodeForm(user=request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = LoginCodeForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(form)
        mark_verified(request, form.device)
        if not devices.TOTP_CODE.fullmatch(devices.normalise(form.cleaned_data["code"])):
            left = devices.remaining_recovery_codes(request.user)
            messages.warning(
                request,
                _("您使用了一个恢复码，还剩 %(count)d 个。请尽快在“账户设置 › 两步验证”中重新设置验证器。")
                % {"count": left},
            )
        return HttpResponseRedirect(next_url(request))

    def render(self, form: LoginCodeForm) -> HttpResponse:
        return render(self.request, self.template_name, {"form": form, "next": next_url(self.request)})


class EnrolView(View):
    """设置两步验证: a QR code and the secret, then one code from the app confirms it; ten recovery codes once."""

    template_name = "twofactor/enrol.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Replacing an authenticator is for the person who can use the current one: otherwise a
        # stolen password would be enough to set up a new one.
        if devices.has_two_factor(request.user) and not request.user.is_verified():
            return redirect_to("two_factor:verify", next_url(request))
        self.pending = devices.pending_authenticator(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(ConfirmAuthenticatorForm(user=request.user, pending=self.pending))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ConfirmAuthenticatorForm(request.POST, user=request.user, pending=self.pending)
        if not form.is_valid():
            return self.render(form)
        mark_verified(request, form.device)
        # Shown in this answer and never again: the codes are not kept anywhere the page could read back.
        return render(
            request,
            "twofactor/recovery_codes.html",
            {"codes": form.recovery_codes, "next": next_url(request)},
        )

    def render(self, form: ConfirmAuthenticatorForm) -> HttpResponse:
        context = {
            "form": form,
            "next": next_url(self.request),
            "qr_code": devices.qr_code_svg(self.pending),
            "secret": devices.secret_text(self.pending),
            "required": devices.must_use_two_factor(self.request.user),
        }
        return render(self.request, self.template_name, context)


class ManageView(WagtailAdminTemplateMixin, TemplateView):
    """账户设置 › 两步验证: whether it is on, set it up or replace it, and turn it off where allowed."""

    template_name = "twofactor/manage.html"
    page_title = gettext_lazy("两步验证")
    header_icon = "lock"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("账户")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context.update(
            enabled=devices.has_two_factor(user),
            required=devices.must_use_two_factor(user),
            recovery_left=devices.remaining_recovery_codes(user),
            form=kwargs.get("form") or LoginCodeForm(user=user),
        )
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        """Turn two-factor login off, confirmed with a current code; refused to those who must keep it."""
        if devices.must_use_two_factor(request.user):
            messages.error(request, _("您的账号必须使用两步验证，不能关闭。"))
            return redirect("two_factor:manage")
        form = LoginCodeForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        devices.remove_two_factor(request.user)
        messages.success(request, _("已关闭两步验证。登录时将只需要密码。"))
        return redirect("two_factor:manage")
