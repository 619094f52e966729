"""The memory baseline of bench/pages.py: Django and Wagtail with nothing of ZonePortal.

A WSGI application with the installed apps, middleware and URLs of the project
that ``wagtail start`` creates (minus its two example apps), answering one
plain view: what a gunicorn worker of any Wagtail site holds before it renders
a page. It reads no database (the view does not need one), so it runs without
migrations. Served by ``bench/pages.py`` as ``minimal_wagtail:application``
with ``--chdir bench``.
"""

from __future__ import annotations

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import include, path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-minimal-wagtail-not-secret",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[
        "wagtail.contrib.forms",
        "wagtail.contrib.redirects",
        "wagtail.embeds",
        "wagtail.sites",
        "wagtail.users",
        "wagtail.snippets",
        "wagtail.documents",
        "wagtail.images",
        "wagtail.search",
        "wagtail.admin",
        "wagtail",
        "modelcluster",
        "taggit",
        "django_filters",
        "django.contrib.admin",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
        "django.contrib.staticfiles",
    ],
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    ],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    STATIC_URL="/static/",
    WAGTAIL_SITE_NAME="baseline",
    WAGTAILADMIN_BASE_URL="http://127.0.0.1",
    USE_TZ=True,
)
django.setup()


def plain(request) -> HttpResponse:
    """A response that needs no database: all the baseline serves."""
    return HttpResponse("User-agent: *\n", content_type="text/plain")


from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings.configure)
from wagtail import urls as wagtail_urls  # noqa: E402
from wagtail.admin import urls as wagtailadmin_urls  # noqa: E402

urlpatterns = [
    path("robots.txt", plain),
    path("admin/", include(wagtailadmin_urls)),
    path("", include(wagtail_urls)),
]

application = get_wsgi_application()
