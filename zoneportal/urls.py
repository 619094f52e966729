from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from zoneportal.investsite.sitemap import TranslatedSitemap
from zoneportal.portal import views as portal_views

handler404 = "zoneportal.portal.views.page_not_found"
handler500 = "zoneportal.portal.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_static, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    path("api/v1/", include("zoneportal.search.api")),
    path("search/", include("zoneportal.search.urls")),
    path("policies/", include("zoneportal.policies.urls")),
]
# Wagtail's page serving is last: it takes every remaining path. Chinese pages keep their addresses, the
# 招商网's translations are under /en/, /ru/ … (the language comes from the prefix alone: investsite/languages.py).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
