"""Every URL pattern has a case in the isolation matrix, or a stated reason it needs none.

The URLconf is walked as Django resolves it, and each pattern must either be
reached by a URL of ``test_isolation``'s matrix or be allowed below: a page
that holds no object of one organisation (public pages, the visitor's own
lists, the admin's site-wide views), or one covered by a named test. So a new
URL pattern fails here until someone decides how organisation B is kept out.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path, resolve, reverse

from briefings.models import Briefing
from tests.cohorts import test_isolation
from tests.cohorts.test_isolation import COVERED_URLS, World, world

__all__ = ["world"]  # the matrix's world, built once for this module too

pytestmark = pytest.mark.django_db

#: Patterns that take no object of one organisation, each with why it needs no case.
ALLOWED_ROUTES: dict[str, str] = {
    "": "redirects to the briefing list",
    "healthz/": "answers 'ok' and reads nothing",
    "admin/r/<path:content_type_id>/<path:object_id>/": (
        "Django's own view-on-site route, never reached: config/urls.py serves the same "
        "addresses first with one scoped to the admin's querysets (the matrix covers it)"
    ),
    "briefings/": "lists what the visitor's own memberships let them read",
    "quizzes/learning/": "the visitor's own assignments and attempts",
    "reviews/": "the visitor's own review cards, found by their own user id",
    "reviews/rate/": (
        "rates a card of the visitor's own, looked up with their user id "
        "(the reviews app's view tests: a trainee cannot rate or see another trainee's card)"
    ),
    "teach/": "the instructor's own cohorts (test_b_instructor_dashboard_lists_only_b_cohorts)",
    "invitations/": "the visitor's own pending invitations",
    "accounts/login/": "public sign-in",
    "accounts/logout/": "signs the visitor out",
    "accounts/password_change/": "the visitor's own password",
    "accounts/password_change/done/": "a confirmation with no object",
    "accounts/password_reset/": "public; says the same whether or not the address exists",
    "accounts/password_reset/done/": "a confirmation with no object",
    "accounts/reset/<uidb64>/<token>/": "guarded by the signed token e-mailed to the owner",
    "accounts/reset/done/": "a confirmation with no object",
    "admin/": "the admin index lists models, not objects",
    "admin/login/": "public sign-in",
    "admin/logout/": "signs the visitor out",
    "admin/password_change/": "the visitor's own password",
    "admin/password_change/done/": "a confirmation with no object",
    "admin/jsi18n/": "the admin's translated JavaScript",
    "i18n/setlang/": "sets the visitor's own language cookie, for no object",
    "jsi18n/": "the site's translated JavaScript",
    "admin/autocomplete/": "answers from the related model admin's own (scoped) queryset",
    "admin/briefings/briefing/import/": "a blank import form",
    "admin/briefings/briefing/import/<str:token>/": (
        "the token lives in the importer's own session "
        "(test_a_pending_import_of_a_is_not_reachable_by_b)"
    ),
}

#: Patterns the admin makes for every model, or for the whole site.
ALLOWED_PATTERNS: dict[re.Pattern[str], str] = {
    re.compile(r"admin/\w+/\w+/$"): "a changelist; scoped lists are checked by "
    "test_b_instructor_admin_lists_show_none_of_a, the others are in the matrix",
    re.compile(r"admin/\w+/\w+/add/$"): "a blank add form; its pickers are scoped "
    "(test_b_instructor_cannot_assign_a_quiz_of_a_through_the_admin and the like)",
    re.compile(r"admin/\w+/\w+/<path:object_id>/$"): "redirects to the change URL, "
    "which is in the matrix",
    re.compile(r"admin/\(\?P<app_label>[\w|]+\)/\$$"): "an app's index lists models, not objects",
    re.compile(r"admin/\(\?P<url>\.\*\)\$$"): "the admin's catch-all: a 404 or a login redirect",
}


def url_routes(patterns: list[URLPattern | URLResolver] | None = None) -> Iterator[str]:
    """Every route of the URLconf, joined as ``ResolverMatch.route`` joins them."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = str(pattern.pattern).removeprefix("^")
        if isinstance(pattern, URLResolver):
            yield from (route + inner for inner in url_routes(pattern.url_patterns))
        else:
            yield route


def why_allowed(route: str) -> str | None:
    if route in ALLOWED_ROUTES:
        return ALLOWED_ROUTES[route]
    return next((why for rule, why in ALLOWED_PATTERNS.items() if rule.fullmatch(route)), None)


def matrix_routes(world: World) -> set[str]:
    return {resolve(urlsplit(target.url(world)).path).route for target in COVERED_URLS}


def routes_without_a_case(world: World, routes: list[str]) -> list[str]:
    covered = matrix_routes(world)
    return [route for route in routes if route not in covered and why_allowed(route) is None]


def test_every_url_pattern_has_an_isolation_case_or_a_reason(world):
    routes = list(url_routes())

    missing = routes_without_a_case(world, routes)

    assert not missing, (
        "URL patterns with no case in tests/cohorts/test_isolation.py "
        f"(add a Target, or a reason to ALLOWED_ROUTES): {missing}"
    )


def test_the_allow_list_names_only_patterns_that_exist(world):
    routes = set(url_routes())
    stale = [route for route in ALLOWED_ROUTES if route not in routes]
    assert not stale, f"no such URL pattern any more: {stale}"
    covered_and_allowed = sorted(matrix_routes(world) & set(ALLOWED_ROUTES))
    assert not covered_and_allowed, f"in the matrix, so not to be allowed: {covered_and_allowed}"


def test_the_named_tests_the_reasons_rely_on_exist():
    reasons = [*ALLOWED_ROUTES.values(), *ALLOWED_PATTERNS.values()]
    named = {name for why in reasons for name in re.findall(r"test_\w+", why)}
    here = sys.modules[__name__]
    absent = [n for n in named if not hasattr(test_isolation, n) and not hasattr(here, n)]
    assert not absent


def _archive(request: HttpRequest, cohort_id: int) -> HttpResponse:
    return HttpResponse()


def test_a_new_pattern_taking_an_object_id_fails_the_coverage(world):
    """The check bites: a cohort URL added without a case is reported."""
    added = "teach/cohorts/<int:cohort_id>/archive/"

    routes = [*url_routes(), *url_routes([path(added, _archive)])]

    assert routes_without_a_case(world, routes) == [added]


# ---------------------------------------------------------------------------
# The import preview: its token is the only key, and it lives in a session.


def test_a_pending_import_of_a_is_not_reachable_by_b(world):
    importer, outsider = Client(), Client()
    importer.force_login(world.a.instructor)
    started = importer.post(
        reverse("admin:briefings_briefing_import"),
        {
            "source_text": (
                "Alder private memo\n\nThe new depot opens on 3 March 2025, the council "
                "said on Monday. It will employ 40 people from the town.\n\n"
                "A second depot is planned for 2027.\n"
            ),
            "organisation": world.a.organisation.pk,
            "status": Briefing.Status.DRAFT,
        },
    )
    assert started.status_code == 302
    preview = started.url
    assert importer.get(preview).status_code == 200
    before = Briefing.objects.count()

    for visitor in (world.b.instructor, world.b.trainee):
        outsider.force_login(visitor)
        for response in (
            outsider.get(preview),
            outsider.post(preview, {"action": "import", "title": "Taken by B"}),
        ):
            assert response.status_code == 302
            expected = "admin:briefings_briefing_import" if visitor.is_staff else "admin:login"
            assert urlsplit(response.url).path == reverse(expected)
            assert "private memo" not in response.content.decode()

    assert Briefing.objects.count() == before
