"""The isolation matrix: nothing of organisation A answers anyone from organisation B.

Two organisations each get an instructor, a cohort, a trainee with a finished
attempt, an assignment and an enrolment; A owns the seed briefing, B owns a
briefing of its own. Every object URL of A, on the site and in the admin, is
then requested as B's instructor and as B's trainee, and as the A user who
owns it, so a scoping that lets everyone in (or no one) fails here.

The world is built once per module inside a transaction that is rolled back
at the end; each test runs in a savepoint of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client
from django.urls import reverse

from briefings.models import Briefing
from briefings.services import import_article
from cohorts import services
from cohorts.demo import instructor_group
from cohorts.models import Assignment, Cohort, Enrolment, GradeOverride, Invitation
from organisations.admin import OrganisationScopedAdmin
from organisations.models import Membership, Organisation
from quizzes import attempts
from quizzes.models import (
    Attempt,
    AttemptAllowance,
    BriefingProgress,
    Question,
    Quiz,
    TermMastery,
    TimeAccommodation,
)
from tests.conftest import SEED, SHARED_ARTICLES

pytestmark = pytest.mark.django_db

B_ARTICLE = SHARED_ARTICLES / "03_usagm_abadullah_hananzai.txt"


ORGANISATION_NAMES = {"a": "Alder Training", "b": "Birch Training"}


def organisation_of(user: User) -> int | None:
    """The organisation of the user's cohort: their attempts are taken under it."""
    return (
        Enrolment.objects.filter(user=user)
        .values_list("cohort__organisation_id", flat=True)
        .first()
    )


def finish_attempt(user: User, quiz: Quiz, *, right: int) -> Attempt:
    """A submitted attempt with the first ``right`` questions answered correctly."""
    attempt = attempts.start_attempt(
        user=user, quiz=quiz, seed=1, organisation_id=organisation_of(user)
    )
    for response in attempt.responses.select_related("question").order_by("position")[:right]:
        key = [str(k) for k in response.answer_key]
        answer = key[:1] if response.question.kind == Question.Kind.CLOZE else key
        attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
    return attempts.submit_attempt(attempt=attempt)


@dataclass
class Side:
    """One organisation's people and things."""

    organisation: Organisation
    instructor: User
    trainee: User
    cohort: Cohort
    briefing: Briefing
    quiz: Quiz
    assignment: Assignment
    enrolment: Enrolment
    membership: Membership
    attempt: Attempt
    guest: User
    invitation: Invitation
    platform_admin: User
    objects: dict[str, Any] = field(default_factory=dict)


def _access_record(model: str, trainee: User, **fields: Any) -> Any:
    """A django-axes sign-in record for the trainee (imported here: axes is optional)."""
    from django.apps import apps

    return apps.get_model("axes", model).objects.create(
        username=trainee.username,
        ip_address="192.0.2.10",
        user_agent="isolation matrix",
        http_accept="text/html",
        path_info="/accounts/login/",
        **fields,
    )


def _task_record(trainee: User) -> Any:
    """A queued e-mail task naming the trainee, as the tasks' database backend stores it."""
    from django.apps import apps
    from django.utils import timezone

    return apps.get_model("django_tasks_database", "DBTaskResult").objects.create(
        args_kwargs={"args": [], "kwargs": {"email": trainee.email}},
        task_path="cohorts.tasks.send_invitation",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


#: One object of A for every admin that is not scoped by organisation: only
#: platform admins may open these, so B's instructor is refused outright.
UNSCOPED_OBJECTS: dict[str, Callable[[User], Any]] = {
    "auth.user": lambda trainee: trainee,
    "auth.group": lambda trainee: instructor_group(),
    "axes.accessattempt": lambda trainee: _access_record(
        "AccessAttempt", trainee, get_data="", post_data="", failures_since_start=1
    ),
    "axes.accesslog": lambda trainee: _access_record("AccessLog", trainee),
    "axes.accessfailurelog": lambda trainee: _access_record("AccessFailureLog", trainee),
    "django_tasks_database.dbtaskresult": lambda trainee: _task_record(trainee),
}
#: Records that even platform admins only read: what they get when they try more.
READ_ONLY_OWNER_STATUSES: dict[str, dict[str, int]] = {
    "axes": {"change POST": 302},
    "django_tasks_database": {"change POST": 403, "delete": 403, "delete POST": 403},
}


def build_side(name: str, briefing: Briefing) -> Side:
    organisation = Organisation.objects.create(name=ORGANISATION_NAMES[name], slug=f"org-{name}")
    briefing.organisation = organisation
    briefing.save(update_fields=["organisation"])
    briefing.questions.update(status=Question.Status.APPROVED)
    quiz = briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions = 3, False
    quiz.save()
    instructor = User.objects.create_user(
        f"instructor-{name}", f"instructor-{name}@example.org", "pw", is_staff=True
    )
    instructor.groups.add(instructor_group())
    # Organisations themselves are edited by organisation admins; the
    # instructors get those rights here so the organisation admin is scoped
    # by its queryset in this matrix, not merely refused by a permission.
    instructor.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_organisation", "change_organisation", "delete_organisation"]
        )
    )
    Membership.objects.create(
        organisation=organisation, user=instructor, role=Membership.Role.INSTRUCTOR
    )
    trainee = User.objects.create_user(
        f"trainee-{name}", f"trainee-{name}@example.org", "pw", first_name=f"Trainee{name}"
    )
    membership = Membership.objects.create(organisation=organisation, user=trainee)
    cohort = Cohort.objects.create(
        organisation=organisation, name=f"Cohort {name}", start_date=date(2025, 1, 6)
    )
    enrolment = Enrolment.objects.create(cohort=cohort, user=trainee)
    assignment = Assignment.objects.create(cohort=cohort, quiz=quiz)
    attempt = finish_attempt(trainee, quiz, right=2)
    # Someone with an account of no organisation, invited into the cohort.
    guest = User.objects.create_user(f"guest-{name}", f"guest-{name}@example.org", "pw")
    services.enrol_by_email(cohort=cohort, email=guest.email, site_url="http://testserver")
    invitation = Invitation.objects.get(cohort=cohort, user=guest)
    term = briefing.glossary_terms.order_by("pk").first()
    objects: dict[str, Any] = {
        "briefings.briefing": briefing,
        "briefings.glossaryterm": term,
        "briefings.person": briefing.people.order_by("pk").first(),
        "briefings.quotation": briefing.quotations.order_by("pk").first(),
        "quizzes.question": briefing.questions.order_by("pk").first(),
        "quizzes.quiz": quiz,
        "quizzes.attempt": attempt,
        "quizzes.timeaccommodation": TimeAccommodation.objects.create(
            user=trainee, quiz=quiz, multiplier=Decimal("1.5")
        ),
        "quizzes.briefingprogress": BriefingProgress.objects.get(user=trainee, briefing=briefing),
        "quizzes.termmastery": TermMastery.objects.get_or_create(user=trainee, term=term)[0],
        "organisations.organisation": organisation,
        "organisations.membership": membership,
        "cohorts.cohort": cohort,
        "cohorts.enrolment": enrolment,
        "cohorts.assignment": assignment,
    }
    objects.update({label: UNSCOPED_OBJECTS[label](trainee) for label in UNSCOPED_ADMIN_MODELS})
    missing = [label for label, obj in objects.items() if obj is None]
    assert not missing, f"{briefing} has no {missing} to test with"
    return Side(
        organisation=organisation,
        instructor=instructor,
        trainee=trainee,
        cohort=cohort,
        briefing=briefing,
        quiz=quiz,
        assignment=assignment,
        enrolment=enrolment,
        membership=membership,
        attempt=attempt,
        guest=guest,
        invitation=invitation,
        platform_admin=User.objects.create_superuser(
            f"admin-{name}", f"admin-{name}@example.org", "pw"
        ),
        objects=objects,
    )


@dataclass
class World:
    a: Side
    b: Side


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        seed = import_article(data=SEED.read_bytes(), source_name=SEED.name).briefing
        other = import_article(data=B_ARTICLE.read_bytes(), source_name=B_ARTICLE.name).briefing
        built = World(a=build_side("a", seed), b=build_side("b", other))
        yield built
        transaction.set_rollback(True)


# ---------------------------------------------------------------------------
# The URLs of A's objects.


@dataclass(frozen=True)
class Target:
    """One URL of an A object, who in A may use it, and what they get."""

    name: str
    url: Callable[[World], str]
    method: str = "GET"
    data: dict[str, str] = field(default_factory=dict)
    owner: str = "instructor"  # the A user for whom the URL works
    owner_status: int = 200
    admin: bool = False
    #: What anyone else gets in the admin when the object is out of their
    #: reach: Django's "doesn't exist" redirect to the index, or a 403 where
    #: instructors hold no permission at all (deleting learner data).
    outsider_admin_status: int = 302


def _trainee_url(name: str, world: World) -> str:
    return reverse(f"cohorts:{name}", args=[world.a.cohort.pk, world.a.trainee.pk])


def _attempt_url(name: str) -> Callable[[World], str]:
    kwargs: Callable[[World], dict[str, int]] = lambda w: {"attempt_id": w.a.attempt.pk}  # noqa: E731
    if name == "question":
        return lambda w: reverse("quizzes:question", kwargs={**kwargs(w), "position": 1})
    return lambda w: reverse(f"quizzes:{name}", kwargs=kwargs(w))


SITE_TARGETS = [
    Target("teach cohort", lambda w: reverse("cohorts:cohort", args=[w.a.cohort.pk])),
    Target("teach enrol page", lambda w: reverse("cohorts:enrol", args=[w.a.cohort.pk])),
    Target(
        "teach enrol by e-mail",
        lambda w: reverse("cohorts:enrol", args=[w.a.cohort.pk]),
        method="POST",
        data={"email": "newcomer@example.org"},
        owner_status=302,
    ),
    Target(
        "teach assign",
        lambda w: reverse("cohorts:assign", args=[w.a.cohort.pk]),
        method="POST",
        data={"quiz": "", "opens_on": "2025-01-06"},
        owner_status=302,
    ),
    Target(
        "teach resend invitation",
        lambda w: reverse("cohorts:resend", args=[w.a.cohort.pk]),
        method="POST",
        data={"email": "guest-a@example.org"},
        owner_status=302,
    ),
    Target(
        "teach resend unsent e-mails",
        lambda w: reverse("cohorts:resend_unsent", args=[w.a.cohort.pk]),
        method="POST",
        owner_status=302,
    ),
    # Polled by htmx; a plain GET is sent on to the enrol page.
    Target(
        "teach enrolment status",
        lambda w: reverse("cohorts:enrol_status", args=[w.a.cohort.pk]),
        owner_status=302,
    ),
    Target(
        "teach remove confirmation",
        lambda w: reverse("cohorts:remove", args=[w.a.cohort.pk]) + "?email=trainee-a@example.org",
    ),
    Target(
        "teach remove",
        lambda w: reverse("cohorts:remove", args=[w.a.cohort.pk]),
        method="POST",
        data={"email": "trainee-a@example.org"},
        owner_status=302,
    ),
    Target("teach trainee page", lambda w: _trainee_url("trainee", w)),
    Target(
        "teach trainee attempt",
        lambda w: reverse(
            "cohorts:trainee_attempt", args=[w.a.cohort.pk, w.a.trainee.pk, w.a.attempt.pk]
        ),
    ),
    Target(
        "teach extra attempts",
        lambda w: _trainee_url("grant_attempts", w),
        method="POST",
        data={"assignment": "{assignment}", "extra_attempts": "1"},
        owner_status=302,
    ),
    Target(
        "teach extra time",
        lambda w: _trainee_url("extra_time", w),
        method="POST",
        data={"assignment": "{assignment}", "multiplier": "1.5"},
        owner_status=302,
    ),
    Target(
        "teach grade override",
        lambda w: _trainee_url("override", w),
        method="POST",
        data={"assignment": "{assignment}", "percent": "80", "reason": "Marked by hand"},
        owner_status=302,
    ),
    Target("invitation page", lambda w: w.a.invitation.get_absolute_url(), owner="guest"),
    Target(
        "invitation accept",
        lambda w: w.a.invitation.get_absolute_url(),
        method="POST",
        data={"answer": "accept"},
        owner="guest",
        owner_status=302,
    ),
    Target(
        "invitation decline",
        lambda w: w.a.invitation.get_absolute_url(),
        method="POST",
        data={"answer": "decline"},
        owner="guest",
        owner_status=302,
    ),
    Target("grades CSV", lambda w: reverse("cohorts:grades_csv", args=[w.a.cohort.pk])),
    Target("responses CSV", lambda w: reverse("cohorts:responses_csv", args=[w.a.cohort.pk])),
    Target("item analysis", lambda w: reverse("cohorts:analysis", args=[w.a.assignment.pk])),
    Target(
        "forgotten terms",
        lambda w: reverse("reviews_teach:forgotten_terms", args=[w.a.cohort.pk]),
    ),
    Target("briefing page", lambda w: w.a.briefing.get_absolute_url()),
    Target(
        "quiz start",
        lambda w: reverse("quizzes:start", args=[w.a.quiz.pk]),
        method="POST",
        owner_status=302,
    ),
    # A submitted attempt sends its owner on to the results.
    Target("attempt question", _attempt_url("question"), owner="trainee", owner_status=302),
    Target("attempt summary", _attempt_url("summary"), owner="trainee", owner_status=302),
    Target("attempt results", _attempt_url("results"), owner="trainee"),
    Target(
        "attempt submit",
        _attempt_url("submit"),
        method="POST",
        data={"confirm": "yes"},
        owner="trainee",
        owner_status=302,
    ),
]

#: Every model whose admin is scoped by organisation; checked against the
#: admin registry below, so a newly registered model must join the matrix.
ADMIN_MODELS = [
    "briefings.briefing",
    "briefings.glossaryterm",
    "briefings.person",
    "briefings.quotation",
    "quizzes.question",
    "quizzes.quiz",
    "quizzes.attempt",
    "quizzes.timeaccommodation",
    "quizzes.briefingprogress",
    "quizzes.termmastery",
    "organisations.organisation",
    "organisations.membership",
    "cohorts.cohort",
    "cohorts.enrolment",
    "cohorts.assignment",
]
#: Learner data: instructors may view it but never delete it.
VIEW_ONLY = {"quizzes.attempt", "quizzes.briefingprogress", "quizzes.termmastery"}


def _admin_url(label: str, action: str) -> Callable[[World], str]:
    app, model = label.split(".")
    return lambda w: reverse(f"admin:{app}_{model}_{action}", args=[w.a.objects[label].pk])


ADMIN_TARGETS = [
    Target(
        f"admin {label} {action}",
        _admin_url(label, action),
        admin=True,
        owner_status=403 if action == "delete" and label in VIEW_ONLY else 200,
        outsider_admin_status=403 if action == "delete" and label in VIEW_ONLY else 302,
    )
    for label in ADMIN_MODELS
    for action in ("change", "delete", "history")
] + [
    Target(
        "admin question preview",
        lambda w: reverse(
            "admin:quizzes_question_preview", args=[w.a.objects["quizzes.question"].pk]
        ),
        admin=True,
        outsider_admin_status=404,
    )
]

#: Every other registered admin: none is scoped by organisation, so only
#: platform admins open them and B's instructor is refused with a 403.
UNSCOPED_ADMIN_MODELS = sorted(
    model._meta.label_lower
    for model, model_admin in admin.site._registry.items()
    if not isinstance(model_admin, OrganisationScopedAdmin)
)


def _unscoped_targets(label: str) -> list[Target]:
    app, model = label.split(".")
    owner_statuses = READ_ONLY_OWNER_STATUSES.get(app, {})

    def target(action: str, url: Callable[[World], str], **fields: Any) -> Target:
        name = f"admin {label} {action}"
        return Target(
            name,
            url,
            admin=True,
            owner="platform_admin",
            owner_status=owner_statuses.get(action, fields.pop("owner_status", 200)),
            outsider_admin_status=403,
            **fields,
        )

    targets = [
        target("changelist", lambda w: reverse(f"admin:{app}_{model}_changelist")),
        target("change", _admin_url(label, "change")),
        target("change POST", _admin_url(label, "change"), method="POST"),
        target("history", _admin_url(label, "history")),
        target("delete", _admin_url(label, "delete")),
        target(
            "delete POST",
            _admin_url(label, "delete"),
            method="POST",
            data={"post": "yes"},
            owner_status=302,
        ),
    ]
    if label == "auth.user":
        targets += [
            target("password", _admin_url(label, "password_change")),
            target("password POST", _admin_url(label, "password_change"), method="POST"),
        ]
    return targets


def _briefing_url(route: str) -> Callable[[World], str]:
    return lambda w: reverse(route, args=[w.a.briefing.pk])


def _view_on_site(label: str) -> Callable[[World], str]:
    def url(world: World) -> str:
        obj = world.a.objects[label] if "." in label else getattr(world.a, label)
        content_type = ContentType.objects.get_for_model(obj)
        return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])

    return url


OTHER_ADMIN_TARGETS = [
    target for label in UNSCOPED_ADMIN_MODELS for target in _unscoped_targets(label)
] + [
    Target(
        "admin briefing copy",
        lambda w: reverse("admin:briefings_briefing_copy", args=[w.a.briefing.pk]),
        method="POST",
        data={"organisation": "{organisation}"},
        admin=True,
        owner_status=302,
        outsider_admin_status=404,
    ),
    *(
        Target(
            f"admin briefing {name}",
            _briefing_url(route),
            admin=True,
            outsider_admin_status=404,
        )
        for name, route in (
            ("GIFT", "admin:quizzes_gift"),
            ("Moodle XML", "admin:quizzes_xml"),
            ("Anki deck", "admin:quizzes_anki"),
            ("question import", "admin:quizzes_import_questions"),
        )
    ),
    Target(
        "admin briefing question import POST",
        _briefing_url("admin:quizzes_import_questions"),
        method="POST",
        admin=True,
        owner_status=200,  # the form again: no file was sent
        outsider_admin_status=404,
    ),
    Target(
        "admin view on site briefing",
        _view_on_site("briefings.briefing"),
        admin=True,
        owner_status=302,
        outsider_admin_status=404,
    ),
    Target(
        "admin view on site attempt",
        _view_on_site("quizzes.attempt"),
        admin=True,
        owner_status=302,
        outsider_admin_status=404,
    ),
    Target(
        "admin view on site invitation",
        _view_on_site("invitation"),
        admin=True,
        owner="platform_admin",
        owner_status=302,
        outsider_admin_status=404,
    ),
]

#: Everything the matrix requests; the lead reports ``len(COVERED_URLS)``.
COVERED_URLS = SITE_TARGETS + ADMIN_TARGETS + OTHER_ADMIN_TARGETS


#: Every admin URL of the matrix.
ALL_ADMIN_TARGETS = ADMIN_TARGETS + OTHER_ADMIN_TARGETS
OUTSIDER_ADMIN_CASES = [pytest.param(t, id=t.name.replace(" ", "-")) for t in ALL_ADMIN_TARGETS]


def test_the_matrix_covers_every_site_and_admin_url_it_promises():
    admin_count = len(ALL_ADMIN_TARGETS)
    print(f"isolation matrix: {len(SITE_TARGETS)} site + {admin_count} admin URLs")
    assert len(SITE_TARGETS) == 27
    assert len(ADMIN_TARGETS) == 3 * len(ADMIN_MODELS) + 1 == 46
    # User passwords (2), briefing copy and views on site (4), question files (5).
    assert len(OTHER_ADMIN_TARGETS) == 6 * len(UNSCOPED_ADMIN_MODELS) + 2 + 4 + 5
    assert len({t.name for t in COVERED_URLS}) == len(COVERED_URLS)


def test_every_unscoped_admin_has_an_object_in_the_matrix():
    assert set(UNSCOPED_ADMIN_MODELS) <= set(UNSCOPED_OBJECTS)


def test_every_organisation_scoped_admin_is_in_the_matrix():
    scoped = {
        model._meta.label_lower
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, OrganisationScopedAdmin)
    }
    assert scoped == set(ADMIN_MODELS)


def request(client: Client, target: Target, world: World):
    url = target.url(world)
    if target.method == "POST":
        data = {
            key: value.format(
                assignment=world.a.assignment.pk, organisation=world.a.organisation.pk
            )
            for key, value in target.data.items()
        }
        return client.post(url, data)
    return client.get(url)


def _ids(targets: list[Target]) -> list[str]:
    return [t.name.replace(" ", "-") for t in targets]


# ---------------------------------------------------------------------------
# B's people get nothing of A.


@pytest.mark.parametrize("target", SITE_TARGETS, ids=_ids(SITE_TARGETS))
@pytest.mark.parametrize("visitor", ["instructor", "trainee"])
def test_organisation_b_gets_404_for_every_site_url_of_a(client, world, target, visitor):
    client.force_login(getattr(world.b, visitor))
    counted = (Enrolment, User, Attempt, Invitation, GradeOverride, AttemptAllowance)
    before = [model.objects.count() for model in counted]
    pending = world.a.invitation.is_pending
    accommodation = TimeAccommodation.objects.get(user=world.a.trainee).multiplier

    response = request(client, target, world)

    assert response.status_code == 404
    assert world.a.cohort.name not in response.content.decode()
    assert [model.objects.count() for model in counted] == before
    world.a.invitation.refresh_from_db()
    assert world.a.invitation.is_pending == pending
    assert TimeAccommodation.objects.get(user=world.a.trainee).multiplier == accommodation


@pytest.mark.parametrize("target", OUTSIDER_ADMIN_CASES)
def test_organisation_b_instructor_finds_no_admin_object_of_a(client, world, target):
    client.force_login(world.b.instructor)

    response = request(client, target, world)

    assert response.status_code == target.outsider_admin_status
    if response.status_code == 302:
        # Django's answer to a missing object: back to the index, with a warning.
        assert response.url == reverse("admin:index")
        warnings = [str(m) for m in get_messages(response.wsgi_request)]
        assert len(warnings) == 1 and "doesn’t exist" in warnings[0]
    body = response.content.decode() if not response.streaming else ""
    assert str(world.a.objects["organisations.organisation"]) not in body
    assert world.a.briefing.title not in body


@pytest.mark.parametrize("target", ALL_ADMIN_TARGETS, ids=_ids(ALL_ADMIN_TARGETS))
def test_organisation_b_trainee_is_sent_to_the_admin_login(client, world, target):
    client.force_login(world.b.trainee)

    response = request(client, target, world)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login") + "?next=")


def test_a_missing_object_answers_b_exactly_like_an_object_of_a(client, world):
    """The matrix's 302 is the admin's not-found, not a refusal that confirms A's row exists."""
    client.force_login(world.b.instructor)
    missing = client.get(reverse("admin:cohorts_cohort_change", args=[999_999]))
    of_a = client.get(reverse("admin:cohorts_cohort_change", args=[world.a.cohort.pk]))
    assert (missing.status_code, missing.url) == (of_a.status_code, of_a.url)


# ---------------------------------------------------------------------------
# The same URLs work for A's own people, so the matrix can fail.


@pytest.mark.parametrize("target", COVERED_URLS, ids=_ids(COVERED_URLS))
def test_the_same_urls_work_for_organisation_a(client, world, target):
    client.force_login(getattr(world.a, target.owner))

    response = request(client, target, world)

    assert response.status_code == target.owner_status
    if response.status_code == 302:
        assert response.url != reverse("admin:index"), "sent away as not found"
        assert not response.url.startswith(reverse("login"))


# ---------------------------------------------------------------------------
# Lists, pickers and shared trainees: the ways round the object URLs.


@pytest.mark.parametrize("label", ADMIN_MODELS)
def test_b_instructor_admin_lists_show_none_of_a(client, world, label):
    client.force_login(world.b.instructor)
    app, model = label.split(".")
    response = client.get(reverse(f"admin:{app}_{model}_changelist"))
    assert response.status_code == 200
    a_change = reverse(f"admin:{app}_{model}_change", args=[world.a.objects[label].pk])
    b_change = reverse(f"admin:{app}_{model}_change", args=[world.b.objects[label].pk])
    html = response.content.decode()
    assert a_change not in html
    assert b_change in html
    # Nor in the sidebar filters, which list related rows by name.
    assert world.a.briefing.title not in html
    assert world.a.organisation.name not in html
    assert world.a.trainee.username not in html


def test_b_instructor_dashboard_lists_only_b_cohorts(client, world):
    client.force_login(world.b.instructor)
    html = client.get(reverse("cohorts:dashboard")).content.decode()
    assert world.b.cohort.name in html
    assert world.a.cohort.name not in html


def test_b_instructor_cannot_assign_a_quiz_of_a_through_the_admin(client, world):
    client.force_login(world.b.instructor)
    response = client.post(
        reverse("admin:cohorts_assignment_add"),
        {"cohort": world.b.cohort.pk, "quiz": world.a.quiz.pk, "opens_on": "2025-01-06"},
    )
    assert response.status_code == 200  # the form again, with an error
    assert "Select a valid choice" in response.content.decode()
    assert not Assignment.objects.filter(cohort=world.b.cohort, quiz=world.a.quiz).exists()


def test_b_instructor_cannot_add_a_question_to_a_briefing_of_a(client, world):
    client.force_login(world.b.instructor)
    paragraph = world.a.briefing.paragraphs.order_by("number").first()
    before = Question.objects.filter(briefing=world.a.briefing).count()
    response = client.post(
        reverse("admin:quizzes_question_add"),
        {
            "briefing": world.a.briefing.pk,
            "kind": "true_false",
            "status": "approved",
            "stem": "Planted by organisation B?",
            "options": "True\nFalse",
            "correct": "True",
            "paragraph": paragraph.pk,
            "start": 0,
            "end": 1,
            "difficulty": 0.5,
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Question.objects.filter(briefing=world.a.briefing).count() == before


def test_b_instructor_cannot_enrol_a_trainee_of_a_through_the_admin_picker(client, world):
    client.force_login(world.b.instructor)
    response = client.post(
        reverse("admin:cohorts_enrolment_add"),
        {"cohort": world.b.cohort.pk, "user": world.a.trainee.pk, "enrolled_on": "2025-01-06"},
    )
    assert response.status_code == 200
    assert not Enrolment.objects.filter(cohort=world.b.cohort, user=world.a.trainee).exists()


def test_sharing_a_trainee_does_not_show_b_their_work_on_a_briefing_of_a(client, world):
    """One account per person: once A's trainee accepts B's invitation, B sees
    the trainee, but not their attempts at A's own quizzes."""
    services.enrol_by_email(
        cohort=world.b.cohort, email=world.a.trainee.email, site_url="http://testserver"
    )
    invitation = Invitation.objects.get(cohort=world.b.cohort, user=world.a.trainee)
    services.accept_invitation(invitation=invitation, user=world.a.trainee)
    assert Membership.objects.filter(organisation=world.b.organisation, user=world.a.trainee)
    client.force_login(world.b.instructor)

    for label in ("quizzes.attempt", "quizzes.briefingprogress", "quizzes.termmastery"):
        app, model = label.split(".")
        url = reverse(f"admin:{app}_{model}_change", args=[world.a.objects[label].pk])
        response = client.get(url)
        assert response.status_code == 302, label
        assert response.url == reverse("admin:index"), label
        listing = client.get(reverse(f"admin:{app}_{model}_changelist")).content.decode()
        assert url not in listing, label
    matrix = client.get(reverse("cohorts:cohort", args=[world.b.cohort.pk])).content.decode()
    assert world.a.trainee.first_name in matrix  # the shared trainee is in B's matrix...
    assert world.a.briefing.title not in matrix  # ...with B's assignments only


def test_the_scoped_trainee_of_a_is_not_listed_under_b_before_sharing(client, world):
    client.force_login(world.b.instructor)
    html = client.get(reverse("admin:organisations_membership_changelist")).content.decode()
    assert world.a.trainee.username not in html
    assert world.b.trainee.username in html


def test_b_instructor_cannot_slip_a_quiz_of_a_into_the_cohort_page_inline(client, world):
    """Inlines (assignments, enrolments on the cohort page) pick from B's rows only."""
    client.force_login(world.b.instructor)
    cohort = world.b.cohort
    existing_assignment, existing_enrolment = world.b.assignment, world.b.enrolment
    response = client.post(
        reverse("admin:cohorts_cohort_change", args=[cohort.pk]),
        {
            "organisation": world.b.organisation.pk,
            "name": cohort.name,
            "start_date": cohort.start_date.isoformat(),
            "assignments-TOTAL_FORMS": "2",
            "assignments-INITIAL_FORMS": "1",
            "assignments-0-id": existing_assignment.pk,
            "assignments-0-cohort": cohort.pk,
            "assignments-0-quiz": world.b.quiz.pk,
            "assignments-0-opens_on": existing_assignment.opens_on.isoformat(),
            "assignments-1-cohort": cohort.pk,
            "assignments-1-quiz": world.a.quiz.pk,
            "assignments-1-opens_on": "2025-01-06",
            "enrolments-TOTAL_FORMS": "2",
            "enrolments-INITIAL_FORMS": "1",
            "enrolments-0-id": existing_enrolment.pk,
            "enrolments-0-cohort": cohort.pk,
            "enrolments-0-user": world.b.trainee.pk,
            "enrolments-0-enrolled_on": existing_enrolment.enrolled_on.isoformat(),
            "enrolments-1-cohort": cohort.pk,
            "enrolments-1-user": world.a.trainee.pk,
            "enrolments-1-enrolled_on": "2025-01-06",
        },
    )
    assert response.status_code == 200, "the inline accepted another organisation's rows"
    assert response.content.decode().count("Select a valid choice") == 2
    assert not Assignment.objects.filter(cohort=cohort, quiz=world.a.quiz).exists()
    assert not Enrolment.objects.filter(cohort=cohort, user=world.a.trainee).exists()
