"""The project's URLs plus one view that always fails, to see the 500 page."""

from django.urls import path

from zoneportal.urls import handler404, handler500
from zoneportal.urls import urlpatterns as project_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


def broken_view(request):
    """Fails the way an unexpected bug would."""
    raise RuntimeError("deliberate failure for the 500 page test")


urlpatterns = [path("__broken__/", broken_view), *project_urlpatterns]
