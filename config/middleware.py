"""A friendly 503, not a 500, while the database cannot be reached.

A database that restarts or fails over goes away for a few seconds, and every
query meanwhile raises ``OperationalError`` (``InterfaceError`` on a connection
closed under it). Pages then get the site's "back in a moment" page and htmx
requests a line of plain text, both with ``Retry-After``, so that people and
the autosave script know to send again rather than give up.

A form post comes back as a form holding the same fields, so an answer given
without JavaScript is sent again with one press once the database is back.
A post that carries a password or a file is not put back in the page: a
password does not belong in HTML, and a browser cannot refill a file field.

Sits near the top of ``MIDDLEWARE`` so that it also sees the outage when a
middleware inside it (the session, saved on the way out) meets it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Mapping
from typing import Any, cast

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP, build_policy
from django.utils.log import log_response
from django.utils.translation import gettext, gettext_noop

CSPConfig = Mapping[str, Collection[str] | str]

RETRY_AFTER_SECONDS = 3
DATABASE_ERRORS = (OperationalError, InterfaceError)
PLAIN_TEXT = gettext_noop(
    "Back in a moment: the site cannot reach its database just now. Try again in a few seconds."
)
# Set on a request whose 500 came from a database error in another middleware.
_OUTAGE_FLAG = "_database_unavailable"


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _OUTAGE_FLAG, False):
            # Django has logged the error; the middleware that add these
            # headers to every page ran before the error was turned into a 500.
            response = database_unavailable_response(request, replay=False)
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
            if policy := cast("CSPConfig", settings.SECURE_CSP):
                response.headers.setdefault(CSP.HEADER_ENFORCE, build_policy(policy))
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        response = database_unavailable_response(request)
        log_response(
            "Database unavailable: %s",
            request.path,
            response=response,
            request=request,
            exception=exception,
        )
        return response


@receiver(got_request_exception, dispatch_uid="config.middleware.note_database_outage")
def note_database_outage(sender: object, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """Mark a request whose uncaught error (outside any view) was the database's."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        setattr(request, _OUTAGE_FLAG, True)


def database_unavailable_response(request: HttpRequest, *, replay: bool = True) -> HttpResponse:
    """The 503 for ``request``: plain text for htmx, else the page (with the form to send again).

    Rendered without the request's context processors, which would read the
    session and the user from the database that is down.
    """
    if request.headers.get("HX-Request") == "true":
        response = HttpResponse(
            gettext(PLAIN_TEXT), content_type="text/plain; charset=utf-8", status=503
        )
        # The page stays as it is; the script that sent the request decides what to say.
        response["HX-Reswap"] = "none"
    else:
        fields = replayable_fields(request) if replay else None
        context: dict[str, object] = {
            "retry_after": RETRY_AFTER_SECONDS,
            "path": request.get_full_path(),
            "posted": request.method == "POST",
            "fields": fields,
        }
        if fields is not None:
            context["csrf_token"] = get_token(request)
        response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never kept by a cache: the outage passes, and the page may hold what was posted.
    add_never_cache_headers(response)
    return response


def replayable_fields(request: HttpRequest) -> list[tuple[str, str]] | None:
    """The posted fields to send again, or None when the post cannot be replayed from a page."""
    if request.method != "POST" or request.FILES:
        return None
    fields: list[tuple[str, str]] = []
    for name, values in request.POST.lists():
        if name == "csrfmiddlewaretoken":
            continue  # the page carries a fresh one
        if "password" in name.lower():
            return None
        fields.extend((name, value) for value in values)
    return fields
