"""Template context every public page needs: the 简/繁 state and the links between the two."""

from django.http import HttpRequest

from .traditional import PREFIX, is_traditional


def portal(request: HttpRequest) -> dict:
    traditional = is_traditional(request)
    # The same page in the other script: strip or add the /zh-hant prefix.
    path = request.get_full_path()
    if traditional:
        simplified_url, traditional_url = path[len(PREFIX) :] or "/", path
    else:
        simplified_url, traditional_url = path, PREFIX + path
    return {
        "is_traditional": traditional,
        "simplified_url": simplified_url,
        "traditional_url": traditional_url,
    }
