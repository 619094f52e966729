"""Small non-page views of the portal: robots.txt and the error pages."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt: everything public may be crawled, the back office may not."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /zh-hant/admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 in Chinese, with the search box and ways back."""
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500 without context processors, so a broken database cannot break the error page too."""
    return HttpResponseServerError(loader.get_template("500.html").render({"site_name": settings.WAGTAIL_SITE_NAME}))
