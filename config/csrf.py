"""The page a form gets when its CSRF token no longer matches: a stale tab.

A page left open while its person signed out and in again (in another tab,
say) holds a token the site no longer accepts, and its form is refused. When
the browser says the form came from this site, the page puts the posted fields
back in a form with a fresh token, so an answer given without JavaScript is
sent again with one press instead of lost. A form posted from another site
gets only the explanation: offering to send it again would undo the check.
Passwords and files are never put back, as on the "back in a moment" page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from config.middleware import replayable_fields


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's ``CSRF_FAILURE_VIEW``: the explanation, and the form to send again when safe."""
    fields = replayable_fields(request) if _from_this_site(request) else None
    context: dict[str, object] = {"path": request.get_full_path(), "fields": fields}
    if fields is not None:
        context["csrf_token"] = get_token(request)
    response = HttpResponse(render_to_string("403_csrf.html", context), status=403)
    # The page may hold what was posted.
    add_never_cache_headers(response)
    return response


def _from_this_site(request: HttpRequest) -> bool:
    """Whether the browser says the post came from a page of this site (Origin, else Referer)."""
    try:
        here = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return False
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == here
    referer = urlsplit(request.headers.get("Referer", ""))
    return bool(referer.netloc) and f"{referer.scheme}://{referer.netloc}" == here
