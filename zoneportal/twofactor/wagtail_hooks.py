"""两步验证 in the Wagtail admin: its pages (namespace ``two_factor``) and the entry in 账户设置."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .views import EnrolView, ManageView, VerifyView

urlpatterns = [
    path("verify/", VerifyView.as_view(), name="verify"),
    path("enrol/", EnrolView.as_view(), name="enrol"),
    path("", ManageView.as_view(), name="manage"),
]


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include((urlpatterns, "two_factor"), namespace="two_factor"))]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request: HttpRequest) -> dict:
    return {
        "url": reverse("two_factor:manage"),
        "label": _("两步验证"),
        "help_text": _("登录时除密码外，再输入手机验证器应用中的6位数字。"),
    }
