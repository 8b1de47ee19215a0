"""The load_demo command: development only, once, with logins that work."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.urls import reverse

from briefings.models import Briefing
from cohorts.demo import DEMO_SLUG, FINISHED
from cohorts.models import Cohort
from organisations.models import Organisation
from quizzes.models import Attempt, Question

pytestmark = pytest.mark.django_db

LOGIN = re.compile(r"^\s+(?P<role>.+?)\s{2,}(?P<username>\S+)\s+(?P<password>\S+)$", re.M)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def approved(seed_briefing):
    """A briefing as load_seeds leaves it: its question bank approved."""
    seed_briefing.questions.update(status=Question.Status.APPROVED)
    return seed_briefing


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_refuses_without_debug(settings, approved):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        load_demo()
    assert not Organisation.objects.exists()


def test_load_demo_asks_for_a_briefing_first(settings, db):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="load_seeds"):
        load_demo()


def test_load_demo_asks_for_approved_questions_rather_than_crashing(settings, seed_briefing):
    settings.DEBUG = True  # the seed briefing's questions are still drafts
    with pytest.raises(CommandError, match="approved"):
        load_demo()
    assert not Organisation.objects.exists()


def test_load_demo_creates_the_organisation_and_prints_working_logins_once(settings, approved):
    settings.DEBUG = True

    first = load_demo()

    organisation = Organisation.objects.get(slug=DEMO_SLUG)
    cohort = Cohort.objects.get(organisation=organisation)
    assert cohort.enrolments.count() == 10
    assert Attempt.objects.filter(finished_at__isnull=False).count() == FINISHED
    assert Attempt.objects.filter(finished_at__isnull=True).count() == 1
    logins = [m.groupdict() for m in LOGIN.finditer(first)]
    roles = [login["role"] for login in logins]
    assert roles.count("trainee") == 10
    assert "instructor" in roles
    assert any(role.startswith("platform admin") for role in roles)
    for login in logins:
        user = authenticate(username=login["username"], password=login["password"])
        assert user is not None, login["username"]

    second = load_demo()

    assert "already exists" in second
    assert not LOGIN.search(second)
    assert not any(login["password"] in second for login in logins)
    assert Organisation.objects.filter(slug=DEMO_SLUG).count() == 1


def test_the_demo_instructor_sees_the_cohort_matrix_with_real_data(client, settings, approved):
    settings.DEBUG = True
    logins = {m["username"]: m["password"] for m in LOGIN.finditer(load_demo())}
    assert client.login(
        username="instructor@demo.example", password=logins["instructor@demo.example"]
    )
    settings.DEBUG = False

    dashboard = client.get(reverse("cohorts:dashboard")).content.decode()
    cohort = Cohort.objects.get(organisation__slug=DEMO_SLUG)
    assert reverse("cohorts:cohort", args=[cohort.pk]) in dashboard

    html = client.get(reverse("cohorts:cohort", args=[cohort.pk])).content.decode()
    assert "10 trainees" in html
    for name in ("Amira Haddad", "Dana Petrov", "Farah Nasser"):
        assert name in html
    finished = re.findall(r"\d+% \((?:pass|fail)\)", html)
    assert len(finished) == FINISHED
    assert html.count("In progress") == 1
    assert html.count("Not started") == 2
    assert html.count('role="img"') == 2  # the score distribution and the completion line
    analysis = client.get(reverse("cohorts:analysis", args=[cohort.assignments.get().pk]))
    assert f"First attempts: {FINISHED}." in analysis.content.decode()


def test_the_demo_organisation_authors_its_own_copy_and_not_the_shared_seed(
    client, settings, approved
):
    settings.DEBUG = True
    logins = {m["username"]: m["password"] for m in LOGIN.finditer(load_demo())}
    load_demo()  # a second run adds no second copy

    organisation = Organisation.objects.get(slug=DEMO_SLUG)
    own = Briefing.objects.get(organisation=organisation)
    assert own.copied_from == approved and own.status == Briefing.Status.PUBLISHED
    assert own.questions.filter(status=Question.Status.APPROVED).count() == (
        approved.questions.count()
    )
    assignment = Cohort.objects.get(organisation=organisation).assignments.get()
    assert assignment.quiz.briefing == own
    assert client.login(
        username="instructor@demo.example", password=logins["instructor@demo.example"]
    )
    copy_page = client.get(reverse("admin:briefings_briefing_change", args=[own.pk]))
    assert 'name="title"' in copy_page.content.decode()
    seed_page = client.get(reverse("admin:briefings_briefing_change", args=[approved.pk]))
    seed_html = seed_page.content.decode()
    assert 'name="title"' not in seed_html
    assert "Shared by the platform with every organisation" in seed_html


def test_load_demo_gives_an_older_demo_organisation_its_copy(settings, approved):
    settings.DEBUG = True
    # A demo organisation made before organisations had copies of their own.
    organisation = Organisation.objects.create(name="Demo Training Centre", slug=DEMO_SLUG)

    out = load_demo()

    assert "already exists" in out
    own = Briefing.objects.get(organisation=organisation)
    assert own.copied_from == approved and own.status == Briefing.Status.PUBLISHED
    approved.refresh_from_db()
    assert approved.organisation is None
