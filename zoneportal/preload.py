"""What gunicorn's master loads before it forks its workers (``gunicorn.conf.py``, ``when_ready``).

With ``preload_app`` the master imports Django and the project once; each worker is a ``fork()`` of it and shares
those memory pages until it writes to them. Everything here would otherwise be built by every worker on its first
request, as private memory: the URL patterns and the views they import, Wagtail's hooks (which import every app's
``wagtail_hooks``, the admin included), the translation catalogues, the public templates and their tag libraries,
and search's segmenter with its dictionaries. None of it touches the database or the cache: the master must not hold a
connection that its workers would inherit. :func:`preload` closes any database connection that something opened
anyway; Django's Redis cache keeps its pools open on ``close()``, but redis-py's pool sees the new process id after a
fork and opens new connections in the worker.

What only some requests need stays out, loaded by the worker that needs it: pypinyin (indexing and typo correction,
``search.pinyin``), the 繁體 converter (``portal.traditional``), openpyxl (spreadsheet exports in the back office).
docs/deployment.md ("Preloading") and docs/benchmarks.md ("Worker memory") give the reasons and the figures.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

#: Folders of the public site's templates, relative to the project package; a template's name is its path below
#: the ``templates`` folder in front.
PUBLIC_TEMPLATE_DIRS = ("templates", "templates/includes", "templates/portal", "search/templates/search")


def preload() -> None:
    """Build in this process what every worker needs, then close database connections (and caches, where closing
    means something)."""
    from django.core.cache import caches
    from django.db import connections
    from django.template.loader import get_template
    from django.urls import get_resolver, reverse
    from django.utils import translation
    from wagtail import hooks

    from zoneportal.search import analysis

    get_resolver().url_patterns  # noqa: B018  (imports the URL configuration and its views)
    hooks.search_for_hooks()
    with translation.override(settings.LANGUAGE_CODE):
        translation.gettext("首页")  # loads the catalogues of every installed app
        reverse("robots_txt")  # fills the resolver's reverse lookup table for this language
        for name in public_templates():
            get_template(name)  # parsed once, kept by the cached template loader
    analysis.preload()

    # Nothing above should have connected; if something did, the workers must not inherit the database socket or file.
    connections.close_all()
    caches.close_all()


def public_templates() -> list[str]:
    """Names of the templates the public pages are rendered from."""
    package = Path(__file__).resolve().parent
    names = []
    for folder in PUBLIC_TEMPLATE_DIRS:
        prefix = folder.split("templates", 1)[1].strip("/")
        names += [f"{prefix}/{path.name}".lstrip("/") for path in sorted((package / folder).glob("*.html"))]
    return names
