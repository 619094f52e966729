"""Template context every public page needs: the site's navigation and 简/繁 state."""

from django.http import HttpRequest
from wagtail.models import Site

from .traditional import PREFIX, is_traditional


def portal(request: HttpRequest) -> dict:
    site = Site.find_for_request(request)
    traditional = is_traditional(request)
    # The same page in the other script: strip or add the /zh-hant prefix.
    path = request.get_full_path()
    if traditional:
        simplified_url, traditional_url = path[len(PREFIX) :] or "/", path
    else:
        simplified_url, traditional_url = path, PREFIX + path
    return {
        "current_site": site,
        "is_traditional": traditional,
        "simplified_url": simplified_url,
        "traditional_url": traditional_url,
    }
