"""Demo data for development: an organisation, a cohort and some finished attempts.

Everything goes through the same services trainees and instructors use, so
the dashboards show data shaped exactly like real use.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction
from django.utils import timezone

from briefings import services as briefing_services
from briefings.models import Briefing
from cohorts.models import Assignment, Cohort, Enrolment
from organisations.models import Membership, Organisation
from quizzes import attempts
from quizzes.models import Attempt, Question

DEMO_SLUG = "demo"
#: Demo trainees with a finished attempt; the next one has an open attempt.
FINISHED = 7
INSTRUCTOR_GROUP = "Instructors"

#: Models instructors edit in the admin (authoring) and only view (learner data).
AUTHORING = {
    "briefings": ["briefing", "paragraph", "glossaryterm", "person", "quotation", "crossreference"],
    "quizzes": ["question", "quiz", "timeaccommodation"],
    "cohorts": ["cohort", "enrolment", "assignment"],
    "organisations": ["membership"],
}
VIEW_ONLY = {"quizzes": ["attempt", "response", "briefingprogress", "termmastery"]}


@dataclass(frozen=True, slots=True)
class Login:
    role: str
    username: str
    password: str


def instructor_group() -> Group:
    """The permission set an instructor needs in the admin (scoped per organisation)."""
    group, _ = Group.objects.get_or_create(name=INSTRUCTOR_GROUP)
    codenames = [
        f"{action}_{model}"
        for models in AUTHORING.values()
        for model in models
        for action in ("add", "change", "delete", "view")
    ] + [f"view_{model}" for models in VIEW_ONLY.values() for model in models]
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    return group


def _user(username: str, *, first: str, last: str, staff: bool = False) -> tuple[User, str]:
    password = secrets.token_urlsafe(9)
    user = User.objects.create_user(
        username=username,
        email=username,
        password=password,
        first_name=first,
        last_name=last,
        is_staff=staff,
    )
    return user, password


def _answer(attempt: Attempt, rng: random.Random, skill: float, when: datetime) -> None:
    for response in attempt.responses.select_related("question"):
        key = [str(k) for k in response.answer_key]
        shown = [str(o) for o in response.option_order]
        kind = response.question.kind
        right = rng.random() < skill
        if kind == Question.Kind.CLOZE:
            answer = key[:1] if right else ["not sure"]
        elif kind == Question.Kind.ORDERING:
            answer = key if right else list(reversed(shown))
        elif kind == Question.Kind.MATCHING:
            answer = key if right else list(reversed(key))
        elif kind == Question.Kind.MULTIPLE_RESPONSE:
            answer = key if right else [o for o in shown if o not in key][:1]
        else:
            answer = key if right else [o for o in shown if o not in key][:1]
        attempts.save_answer(
            attempt=attempt, response=response, answer=answer, revision=None, now=when
        )


def demo_briefing(*, organisation: Organisation, source: Briefing) -> Briefing:
    """The organisation's own published copy of ``source``, made once.

    The shared seed stays the platform's; the demo instructor authors on this
    copy, the way an organisation adapts a shared briefing.
    """
    existing = source.copies.filter(organisation=organisation).order_by("pk").first()
    if existing is not None:
        return existing
    copy = briefing_services.copy_briefing(briefing=source, organisation=organisation, by=None)
    copy.status = Briefing.Status.PUBLISHED
    return briefing_services.save_briefing(briefing=copy, by=None)


def create_demo(*, briefing: Briefing, seed: int = 7) -> list[Login]:
    """Create the demo organisation once; returns the logins to print (empty if it exists).

    Run again, it only adds what an older demo lacks (the organisation's own
    copy of the briefing).
    """
    existing = Organisation.objects.filter(slug=DEMO_SLUG).first()
    if existing is not None:
        demo_briefing(organisation=existing, source=briefing)
        return []
    rng = random.Random(seed)
    now = timezone.now()
    logins: list[Login] = []
    with transaction.atomic():
        organisation = Organisation.objects.create(name="Demo Training Centre", slug=DEMO_SLUG)
        cohort = Cohort.objects.create(
            organisation=organisation,
            name="Autumn intake",
            start_date=(now - timedelta(days=14)).date(),
        )
        if not User.objects.filter(username="admin").exists():
            admin, password = _user("admin", first="Platform", last="Admin", staff=True)
            admin.is_superuser = True
            admin.save()
            logins.append(Login("platform admin (all organisations)", "admin", password))
        instructor, password = _user(
            "instructor@demo.example", first="Imogen", last="Instructor", staff=True
        )
        instructor.groups.add(instructor_group())
        Membership.objects.create(
            organisation=organisation, user=instructor, role=Membership.Role.INSTRUCTOR
        )
        logins.append(Login("instructor", instructor.username, password))
        own = demo_briefing(organisation=organisation, source=briefing)
        quiz = own.quizzes.get(is_default=True)
        Assignment.objects.create(
            cohort=cohort, quiz=quiz, opens_on=cohort.start_date, due_days_after_enrolment=10
        )
        people = [("Amira", "Haddad"), ("Ben", "Okafor"), ("Chen", "Wei"), ("Dana", "Petrov"),
                  ("Eli", "Moreau"), ("Farah", "Nasser"), ("Gustav", "Lind"), ("Hana", "Sato"),
                  ("Ivan", "Horvat"), ("Jo", "Mensah")]  # fmt: skip
        for index, (first, last) in enumerate(people):
            trainee, password = _user(f"{first.lower()}@demo.example", first=first, last=last)
            Membership.objects.create(organisation=organisation, user=trainee)
            Enrolment.objects.create(
                cohort=cohort, user=trainee, enrolled_on=(now - timedelta(days=14 - index)).date()
            )
            logins.append(Login("trainee", trainee.username, password))
            if index >= FINISHED + 1:
                continue  # the last ones have not started: the matrix shows it
            started = now - timedelta(days=8 - index, hours=rng.randint(1, 8))
            attempt = attempts.start_attempt(
                user=trainee,
                quiz=quiz,
                now=started,
                seed=seed + index,
                organisation_id=cohort.organisation_id,
            )
            if index == FINISHED:
                continue  # one attempt left open: "in progress"
            _answer(attempt, rng, skill=0.35 + 0.09 * index, when=started + timedelta(minutes=9))
            attempts.submit_attempt(attempt=attempt, now=started + timedelta(minutes=12))
    return logins
