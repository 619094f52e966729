"""Surveys' place in the column tree: one 民意调查 page under 互动交流 serving every public survey page.

A routable page, so the surveys get readable addresses below the column, the
column's breadcrumbs and side navigation, the sitemap and the 繁體 view, and
editors can move or rename the page like any other; the views are in
:mod:`zoneportal.surveys.views`::

    /hudong/diaocha/                  the list: open, upcoming and closed surveys
    /hudong/diaocha/<slug>/           a questionnaire (shown, checked and stored)
    /hudong/diaocha/<slug>/xiexie/    thanks, after the response is committed
    /hudong/diaocha/<slug>/jieguo/    the published results

The questionnaire and the thanks are never kept by the page cache (they carry a
CSRF token and the visitor's own state); the list and the results are, until a
survey changes (``signals.py``).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, Site

from zoneportal.portal.models import SectionPage

#: The routes below a survey's address, by name.
THANKS_ROUTE = "xiexie/"
RESULTS_ROUTE = "jieguo/"


class SurveyIndexPage(RoutablePageMixin, SectionPage):
    """民意调查: the published surveys, each questionnaire, its thanks and its results."""

    content_panels = Page.content_panels + [FieldPanel("department"), FieldPanel("intro")]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("民意调查页")
        verbose_name_plural = _("民意调查页")

    @classmethod
    def serving(cls, request: HttpRequest | None = None) -> SurveyIndexPage | None:
        """The live, public 民意调查 page surveys link to: the one on the request's site, else the first one."""
        pages = list(cls.objects.live().public().order_by("path"))
        if not pages:
            return None
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            for page in pages:
                if page.path.startswith(site.root_page.path):
                    return page
        return pages[0]

    def survey_url(self, survey, route: str = "", request: HttpRequest | None = None) -> str | None:
        """The address of ``survey`` (``route``: "", :data:`THANKS_ROUTE` or :data:`RESULTS_ROUTE`) below this page."""
        base = self.get_url(request)
        return f"{base}{survey.slug}/{route}" if base else None

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        """The list, then every published survey and its published results."""
        from .models import Survey

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        for survey in Survey.objects.filter(is_published=True).order_by("pk"):
            urls.append({"location": f"{base}{survey.slug}/", "lastmod": survey.updated_at})
            if survey.results_published:
                urls.append({"location": f"{base}{survey.slug}/{RESULTS_ROUTE}", "lastmod": survey.updated_at})
        return urls

    @path("")
    def index(self, request: HttpRequest):
        from . import views

        return views.survey_list(request, self)

    @path("<slug:slug>/")
    def survey(self, request: HttpRequest, slug: str):
        from . import views

        return views.survey_detail(request, self, slug)

    @path(f"<slug:slug>/{THANKS_ROUTE}")
    def thanks(self, request: HttpRequest, slug: str):
        from . import views

        return views.survey_thanks(request, self, slug)

    @path(f"<slug:slug>/{RESULTS_ROUTE}")
    def results(self, request: HttpRequest, slug: str):
        from . import views

        return views.survey_results(request, self, slug)
