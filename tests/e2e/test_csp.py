"""Every page runs under the strict Content Security Policy without one violation.

The pages are derived from the URLconf: each URL pattern is reached by a
page visit below (every main-frame request is resolved, forms posted on the
way included) or is skipped for a stated reason, so a new URL pattern fails
here until it has a page. Each page is loaded in Chromium with a listener for
``securitypolicyviolation`` installed before any of the page's own scripts
(Playwright's init scripts are not subject to the page's policy), and the
console and uncaught errors are watched too. The policy header itself must
hold neither ``'unsafe-inline'`` nor ``'unsafe-eval'``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from briefings.models import Briefing
from cohorts import services
from cohorts.demo import instructor_group
from cohorts.models import Assignment, Cohort, Invitation
from organisations.models import Membership
from quizzes import attempts
from quizzes.models import Attempt, Question, Quiz, TermMastery, TimeAccommodation
from tests.factories import enrol_in_briefing

pytestmark = pytest.mark.django_db(transaction=True)

MARK = "CSP violation:"
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'")

# Runs in every document before its own scripts; reports each blocked load,
# inline script, inline style or eval on the console, where the test reads it.
LISTEN_FOR_VIOLATIONS = f"""
document.addEventListener("securitypolicyviolation", (event) => {{
  console.error(`{MARK} ${{event.violatedDirective}} blocked ${{event.blockedURI || "?"}}`
    + ` at ${{event.sourceFile || "?"}}:${{event.lineNumber}}`
    + ` sample="${{event.sample}}"`);
}});
"""

#: URL patterns no page visit reaches, and why each needs none.
SKIPPED: dict[str, str] = {
    "healthz/": "plain text for load balancers; no document to run a policy on",
    "admin/r/<path:content_type_id>/<path:object_id>/": (
        "Django's own view-on-site route, never reached: config/urls.py serves the same "
        "addresses first (a redirect, no document)"
    ),
    # Downloads: CSV, no document.
    "teach/cohorts/<int:cohort_id>/grades.csv": "a CSV download",
    "teach/cohorts/<int:cohort_id>/responses.csv": "a CSV download",
    "admin/briefings/briefing/<int:briefing_id>/questions.gift": "a GIFT download",
    "admin/briefings/briefing/<int:briefing_id>/questions.xml": "a Moodle XML download",
    "admin/briefings/briefing/<int:briefing_id>/deck.apkg": "an Anki deck download",
    # POST-only endpoints that redirect back to a page visited here.
    "teach/cohorts/<int:cohort_id>/enrol/resend/": "POST-only, back to the enrol page",
    "teach/cohorts/<int:cohort_id>/enrol/resend-unsent/": "POST-only, back to the enrol page",
    "teach/cohorts/<int:cohort_id>/assign/": "POST-only, back to the cohort page",
    "teach/cohorts/<int:cohort_id>/trainees/<int:user_id>/extra-attempts/": (
        "POST-only, back to the trainee page"
    ),
    "teach/cohorts/<int:cohort_id>/trainees/<int:user_id>/extra-time/": (
        "POST-only, back to the trainee page"
    ),
    "teach/cohorts/<int:cohort_id>/trainees/<int:user_id>/override/": (
        "POST-only, back to the trainee page"
    ),
    "admin/briefings/briefing/<int:briefing_id>/copy/": "POST-only, on to the copy's change form",
    "admin/logout/": "POST-only, the same logged-out page as accounts/logout/",
    "i18n/setlang/": "POST-only, back to the page the language was chosen on",
    # Not documents.
    "admin/autocomplete/": "JSON for the admin's select widgets",
    "admin/jsi18n/": "the admin's JavaScript catalogue",
    "jsi18n/": "the site's JavaScript catalogue, loaded by every page's script tag",
}
#: The admin's per-model redirect from ``<id>/`` to ``<id>/change/``, which is visited.
SKIPPED_PATTERNS = {re.compile(r"admin/\w+/\w+/<path:object_id>/"): "redirects to the change form"}


def url_routes(patterns: list[URLPattern | URLResolver] | None = None) -> Iterator[str]:
    """Every route of the URLconf, joined as ``ResolverMatch.route`` joins them."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = str(pattern.pattern).removeprefix("^")
        if isinstance(pattern, URLResolver):
            yield from (route + inner for inner in url_routes(pattern.url_patterns))
        else:
            yield route


def skipped(route: str) -> bool:
    return route in SKIPPED or any(rule.fullmatch(route) for rule in SKIPPED_PATTERNS)


def route_of(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).route
    except Resolver404:
        return None


# ---------------------------------------------------------------------------
# A site with one of everything a page can show.


@dataclass
class Site:
    trainee: User
    instructor: User
    platform_admin: User
    guest: User
    briefing: Briefing
    quiz: Quiz
    cohort: Cohort
    assignment: Assignment
    invitation: Invitation
    open_attempt: Attempt
    finished_attempt: Attempt


def _sign_in_record(model: str, user: User, **fields: Any) -> Any:
    return apps.get_model("axes", model).objects.create(
        username=user.username,
        ip_address="192.0.2.10",
        user_agent="csp test",
        http_accept="text/html",
        path_info="/accounts/login/",
        **fields,
    )


#: Admin models that no page here creates a row of.
EXTRA_ROWS: dict[str, Callable[[User], Any]] = {
    "axes.accessattempt": lambda user: _sign_in_record(
        "AccessAttempt", user, get_data="", post_data="", failures_since_start=1
    ),
    "axes.accesslog": lambda user: _sign_in_record("AccessLog", user),
    "axes.accessfailurelog": lambda user: _sign_in_record("AccessFailureLog", user),
    "django_tasks_database.dbtaskresult": lambda user: apps.get_model(
        "django_tasks_database", "DBTaskResult"
    ).objects.create(
        args_kwargs={"args": [], "kwargs": {"email": user.email}},
        task_path="cohorts.tasks.send_invitation",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    ),
}


@pytest.fixture
def site(seed_briefing) -> Site:
    briefing = seed_briefing
    quiz = briefing.quizzes.get(is_default=True)
    # The whole bank, so an attempt holds a question of every kind.
    briefing.questions.update(status=Question.Status.APPROVED)
    quiz.question_count, quiz.questions_per_type = 0, 0
    quiz.shuffle_questions, quiz.attempts_allowed = False, 0
    quiz.save()
    trainee = User.objects.create_user(
        "tamsin", "tamsin@example.org", "pw", first_name="Tamsin", last_name="Hale"
    )
    cohort = enrol_in_briefing(trainee, briefing)
    instructor = User.objects.create_user("imogen", "imogen@example.org", "pw", is_staff=True)
    instructor.groups.add(instructor_group())
    Membership.objects.create(
        organisation=cohort.organisation, user=instructor, role=Membership.Role.INSTRUCTOR
    )
    platform_admin = User.objects.create_superuser("root", "root@example.org", "pw")
    guest = User.objects.create_user("gwen", "gwen@example.org", "pw")
    services.enrol_by_email(cohort=cohort, email=guest.email, site_url="http://testserver")

    organisation_id = cohort.organisation_id
    finished = attempts.start_attempt(
        user=trainee, quiz=quiz, seed=1, organisation_id=organisation_id
    )
    for response in finished.responses.order_by("position")[:2]:
        key = [str(k) for k in response.answer_key]
        attempts.save_answer(attempt=finished, response=response, answer=key, revision=None)
    finished = attempts.submit_attempt(attempt=finished)
    opened = attempts.start_attempt(
        user=trainee, quiz=quiz, seed=2, organisation_id=organisation_id
    )
    TimeAccommodation.objects.create(user=trainee, quiz=quiz, multiplier=Decimal("1.5"))
    TermMastery.objects.get_or_create(user=trainee, term=briefing.glossary_terms.first())
    for label, make in EXTRA_ROWS.items():
        if label in {m._meta.label_lower for m in admin.site._registry}:
            make(trainee)
    return Site(
        trainee=trainee,
        instructor=instructor,
        platform_admin=platform_admin,
        guest=guest,
        briefing=briefing,
        quiz=quiz,
        cohort=cohort,
        assignment=Assignment.objects.get(cohort=cohort, quiz=quiz),
        invitation=Invitation.objects.get(cohort=cohort, user=guest),
        open_attempt=opened,
        finished_attempt=finished,
    )


# ---------------------------------------------------------------------------
# The page visits.


@dataclass(frozen=True)
class Visit:
    """A page opened by one kind of visitor, and what they then do on it."""

    who: str  # "anonymous", or a user attribute of Site
    path: str
    then: Callable[[Any], None] | None = None
    #: ANY_STATUS where a read-only admin may refuse the page (403) but must not fail.
    status: int = 200


ANY_STATUS = -1


def answer_and_wait(page: Any) -> None:
    """Answer, so the htmx save and the fragment it swaps in run under the policy too."""
    main = page.locator("main")
    if main.locator("input[type=radio], input[type=checkbox]").count():
        main.locator("input[type=radio], input[type=checkbox]").first.check()
    elif main.locator("select").count():
        main.locator("select").first.select_option(index=1)
    else:
        main.locator("input[type=text]").first.fill("an answer")
        page.keyboard.press("Tab")  # leaving the field is what saves it
    page.wait_for_load_state("networkidle")


def submit_the_attempt(page: Any) -> None:
    page.get_by_label("I have finished and want to submit my answers").check()
    page.get_by_role("button", name="Submit answers").click()
    page.wait_for_url(re.compile(r"/results/$"))


def start_the_quiz(page: Any) -> None:
    page.get_by_role("button", name=re.compile(r"(Start|Resume|Continue)")).first.click()
    page.wait_for_url(re.compile(r"/questions/\d+/$"))


def review_a_card(page: Any) -> None:
    page.get_by_role("button", name="Show answer").click()
    page.wait_for_url(re.compile(r"\?card="))
    page.keyboard.press("3")
    page.wait_for_url(re.compile(r"\?rated=3$"))


def sign_out(page: Any) -> None:
    page.get_by_role("button", name=re.compile("Sign out")).click()
    page.wait_for_load_state()


def import_an_article(page: Any) -> None:
    page.get_by_label("Or paste the article").fill(
        "Harbour Pilots Strike Over Night Shifts\n\n"
        "Pilots at the port walked out on Monday over new night rotas.\n\n"
        "The port authority said talks would resume on Thursday. On March 3, 2025, "
        "40 of the port's 52 pilots stopped work.\n"
    )
    page.locator("input[type=submit], button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/import/[^/]+/$"))


def trainee_visits(site: Site) -> list[Visit]:
    opened = site.open_attempt
    by_kind: dict[str, int] = {}
    for position, kind in opened.responses.order_by("position").values_list(
        "position", "question__kind"
    ):
        by_kind.setdefault(kind, position)
    assert sorted(by_kind) == sorted(Question.Kind.values), "a kind of question has no page"
    question = "quizzes:question"
    return [
        Visit("anonymous", "/"),
        Visit("trainee", reverse("briefings:list")),
        Visit("trainee", site.briefing.get_absolute_url(), then=start_the_quiz),
        *[
            Visit("trainee", reverse(question, args=[opened.pk, position]), then=answer_and_wait)
            for kind, position in sorted(by_kind.items())
        ],
        Visit("trainee", reverse("quizzes:summary", args=[opened.pk]), then=submit_the_attempt),
        Visit("trainee", reverse("quizzes:results", args=[site.finished_attempt.pk])),
        Visit("trainee", reverse("quizzes:learning")),
        Visit("trainee", reverse("reviews:review"), then=review_a_card),
        Visit("trainee", reverse("password_change")),
        Visit("trainee", reverse("password_change_done")),
        Visit("trainee", reverse("quizzes:learning"), then=sign_out),
        Visit("guest", reverse("invitations:list")),
        Visit("guest", site.invitation.get_absolute_url()),
    ]


def instructor_visits(site: Site) -> list[Visit]:
    cohort, trainee = site.cohort.pk, site.trainee.pk
    return [
        Visit("instructor", reverse("cohorts:dashboard")),
        Visit("instructor", reverse("cohorts:cohort", args=[cohort])),
        Visit("instructor", reverse("cohorts:enrol", args=[cohort])),
        Visit("instructor", reverse("cohorts:enrol_status", args=[cohort])),
        Visit(
            "instructor",
            reverse("cohorts:remove", args=[cohort]) + f"?email={site.trainee.email}",
        ),
        Visit("instructor", reverse("cohorts:trainee", args=[cohort, trainee])),
        Visit(
            "instructor",
            reverse("cohorts:trainee_attempt", args=[cohort, trainee, site.finished_attempt.pk]),
        ),
        Visit("instructor", reverse("cohorts:analysis", args=[site.assignment.pk])),
        Visit("instructor", reverse("reviews_teach:forgotten_terms", args=[cohort])),
        Visit("instructor", reverse("admin:briefings_briefing_import"), then=import_an_article),
    ]


def account_visits(site: Site) -> list[Visit]:
    uid = urlsafe_base64_encode(force_bytes(site.guest.pk))
    token = default_token_generator.make_token(site.guest)
    return [
        Visit("anonymous", reverse("login")),
        Visit("anonymous", reverse("password_reset")),
        Visit("anonymous", reverse("password_reset_done")),
        # A valid link is sent on to the set-password form; a used one explains.
        Visit("anonymous", reverse("password_reset_confirm", args=[uid, token])),
        Visit("anonymous", reverse("password_reset_confirm", args=[uid, "expired-token"])),
        Visit("anonymous", reverse("password_reset_complete")),
        Visit("anonymous", reverse("admin:login")),
        Visit("anonymous", "/no-such-page/", status=404),
    ]


def admin_visits(site: Site) -> list[Visit]:
    visits = [
        Visit("platform_admin", reverse("admin:index")),
        Visit("platform_admin", reverse("admin:password_change")),
        Visit("platform_admin", reverse("admin:password_change_done")),
        Visit("platform_admin", "/admin/no-such-page/", status=404),
    ]
    app_labels = sorted({model._meta.app_label for model in admin.site._registry})
    visits += [
        Visit("platform_admin", reverse("admin:app_list", args=[label])) for label in app_labels
    ]
    for model in sorted(admin.site._registry, key=lambda m: m._meta.label_lower):
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        visits += [Visit("platform_admin", reverse(f"{info}_changelist"))]
        visits += [Visit("platform_admin", reverse(f"{info}_add"), status=ANY_STATUS)]
        row = model._default_manager.order_by("pk").first()
        if row is None:
            continue  # the coverage check names the missing pages
        visits += [
            Visit("platform_admin", reverse(f"{info}_{action}", args=[row.pk]), status=ANY_STATUS)
            for action in ("change", "history", "delete")
        ]
    question = site.briefing.questions.order_by("pk").first()
    assert question is not None
    briefing_type = ContentType.objects.get_for_model(Briefing)
    visits += [
        Visit("platform_admin", reverse("admin:quizzes_question_preview", args=[question.pk])),
        Visit(
            "platform_admin",
            reverse("admin:quizzes_import_questions", args=[site.briefing.pk]),
        ),
        Visit("platform_admin", reverse("admin:auth_user_password_change", args=[site.trainee.pk])),
        Visit(
            "platform_admin",
            reverse("admin:view_on_site", args=[briefing_type.pk, site.briefing.pk]),
        ),
    ]
    return visits


def all_visits(site: Site) -> list[Visit]:
    return [
        *trainee_visits(site),
        *instructor_visits(site),
        *account_visits(site),
        *admin_visits(site),
    ]


# ---------------------------------------------------------------------------
# The test.


class PolicyWatch:
    """What the policy blocked, and which URL patterns were navigated, on watched pages."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.reached: set[str] = set()
        self.label = "(no page yet)"

    def open(self, context: Any) -> Any:
        context.add_init_script(LISTEN_FOR_VIOLATIONS)
        page = context.new_page()

        def on_console(message: Any) -> None:
            if MARK in message.text or "Content Security Policy" in message.text:
                self.problems.append(f"{self.label}: {message.text}")

        def on_request(request: Any) -> None:
            if request.is_navigation_request() and request.frame == page.main_frame:
                route = route_of(request.url)
                if route is not None:
                    self.reached.add(route)

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.problems.append(f"{self.label}: {error}"))
        page.on("request", on_request)
        return page

    def settle(self, page: Any) -> None:
        """Wait for the page, and for the console messages it sent on the way."""
        page.wait_for_load_state("load")
        page.evaluate("0")


def test_every_page_runs_under_a_strict_policy_without_a_violation(
    context_factory, site: Site
) -> None:
    visits = all_visits(site)
    watch = PolicyWatch()
    pages: dict[str, Any] = {}
    unsafe_headers: list[str] = []

    for visit in visits:
        watch.label = f"{visit.who} {visit.path}"
        if visit.who not in pages:
            user = None if visit.who == "anonymous" else getattr(site, visit.who)
            pages[visit.who] = watch.open(context_factory(user=user))
        page = pages[visit.who]
        response = page.goto(visit.path)
        assert response is not None, watch.label
        if visit.status == ANY_STATUS:
            assert response.status < 500, watch.label
        else:
            assert response.status == visit.status, watch.label
        for header in ("content-security-policy", "content-security-policy-report-only"):
            policy = response.headers.get(header, "")
            if any(word in policy for word in UNSAFE):
                unsafe_headers.append(f"{watch.label}: {header}: {policy}")
        if "text/html" in response.headers.get("content-type", ""):
            assert response.headers.get("content-security-policy"), f"{watch.label}: no policy"
        watch.settle(page)
        if visit.then is not None:
            watch.label += f" then {visit.then.__name__}"
            visit.then(page)
            watch.settle(page)

    print(f"CSP: {len(visits)} page visits over {len(watch.reached)} URL patterns")
    unreached = [
        route for route in url_routes() if route not in watch.reached and not skipped(route)
    ]
    assert not unreached, f"URL patterns no page visits (add a Visit or a reason): {unreached}"
    assert not unsafe_headers, "\n".join(unsafe_headers)
    assert not watch.problems, "\n".join(watch.problems)


PROBE = (
    "<!doctype html><html lang='en'><title>Probe</title>"
    "<p style='color: red'>An inline style.</p><script>window.probed = true;</script>"
)


def test_the_watch_reports_inline_code_that_the_policy_blocks(context_factory) -> None:
    """The check can fail: the site's own policy on a page of inline code is reported."""
    watch = PolicyWatch()
    page = watch.open(context_factory())
    policy = page.goto(reverse("login")).headers["content-security-policy"]
    page.route(
        "**/csp-probe/",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            headers={"content-security-policy": policy},
            body=PROBE,
        ),
    )
    watch.label = "probe"
    page.goto("/csp-probe/")
    watch.settle(page)

    assert not page.evaluate("window.probed === true")
    blocked = " ".join(watch.problems)
    assert MARK in blocked
    assert "style-src" in blocked and "script-src" in blocked


def test_the_skip_list_names_only_patterns_that_exist() -> None:
    routes = set(url_routes())
    assert not [route for route in SKIPPED if route not in routes]


def test_the_policy_settings_allow_no_inline_code_or_eval(settings) -> None:
    for name in ("SECURE_CSP", "SECURE_CSP_REPORT_ONLY"):
        policy = getattr(settings, name, None) or {}
        sources = [str(source) for values in policy.values() for source in values]
        assert not [source for source in sources if source in UNSAFE], name
