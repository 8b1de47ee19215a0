"""An instructor's tools for one trainee, in the browser at 1280 px.

Enrol from a CSV without a cohort column on the cohort's own page, open a
trainee from the matrix, grant an extra attempt, override a grade, read an
attempt's answers, and walk to the unenrol confirmation; every page is
checked with axe. A second journey invites another organisation's trainee,
who accepts the invitation in their own browser.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import expect

from cohorts.demo import instructor_group
from cohorts.models import Assignment, Cohort, Enrolment, GradeOverride
from organisations.models import Membership, Organisation
from quizzes import attempts
from quizzes.models import AttemptAllowance, Question, Quiz
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

CSV = "email,first name,last name\nrosa@example.org,Rosa,Parks\nsam@example.org,Sam,Okoye\n"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def quiz(seed_briefing) -> Quiz:
    seed_briefing.questions.filter(kind__in=["single_choice", "true_false"]).update(
        status=Question.Status.APPROVED
    )
    quiz: Quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions, quiz.shuffle_options = 3, False, False
    quiz.mode, quiz.pass_mark, quiz.attempts_allowed = "assessment", 70, 1
    quiz.save()
    return quiz


@pytest.fixture
def cohort(db) -> Cohort:
    organisation = Organisation.objects.create(name="Harbour Training", slug="harbour")
    return Cohort.objects.create(organisation=organisation, name="Autumn", start_date=date.today())


@pytest.fixture
def instructor(cohort) -> User:
    user = User.objects.create_user(
        "imogen", "imogen@example.org", "pw", first_name="Imogen", is_staff=True
    )
    user.groups.add(instructor_group())
    Membership.objects.create(
        organisation=cohort.organisation, user=user, role=Membership.Role.INSTRUCTOR
    )
    return user


def assert_accessible(page, what: str) -> None:
    assert axe_violations(page) == [], what


def finish(user: User, quiz: Quiz, cohort: Cohort, *, right: int) -> None:
    attempt = attempts.start_attempt(
        user=user, quiz=quiz, seed=1, organisation_id=cohort.organisation_id
    )
    for response in attempt.responses.order_by("position")[:right]:
        answer = [str(response.answer_key[0])]
        attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
    attempts.submit_attempt(attempt=attempt)


def test_an_instructor_enrols_from_a_csv_then_grants_an_attempt_and_overrides_a_grade(
    context_factory, cohort, instructor, quiz
):
    Assignment.objects.create(cohort=cohort, quiz=quiz)
    page = context_factory(user=instructor).new_page()

    # A CSV with no cohort column, uploaded on the cohort's own page.
    page.goto(reverse("cohorts:enrol", args=[cohort.pk]))
    page.get_by_label("CSV file").set_input_files(
        files=[{"name": "trainees.csv", "mimeType": "text/csv", "buffer": CSV.encode()}]
    )
    page.get_by_role("button", name="Check and enrol").click()
    expect(page.get_by_role("status")).to_have_text(
        "2 addresses enrolled or invited; 2 invitation e-mails sent."
    )
    roster = page.locator("table.data-table tbody tr")
    expect(roster).to_have_count(2)
    expect(roster.first).to_contain_text("Invited")
    assert_accessible(page, "enrol page with its roster")
    screenshot(page, "teach-tools-enrol")

    # Rosa signs in and fails the quiz; the matrix cell leads to her page.
    rosa = User.objects.get(email="rosa@example.org")
    rosa.set_password("a long trainee passphrase")
    rosa.save()
    finish(rosa, quiz, cohort, right=1)
    page.goto(reverse("cohorts:cohort", args=[cohort.pk]))
    rosa_row = page.locator("table.matrix tbody tr", has_text="Rosa Parks")
    rosa_row.get_by_role("link", name=re.compile(r"^33% \(fail\).*attempts of Rosa Parks")).click()
    expect(page.get_by_role("heading", name="Rosa Parks", level=1)).to_be_visible()
    assert_accessible(page, "trainee page")

    # One more attempt.
    page.get_by_label("Extra attempts").fill("1")
    page.get_by_role("button", name="Grant attempts").click()
    expect(page.get_by_role("status")).to_contain_text("now has 1 extra attempt at")
    assert AttemptAllowance.objects.get(user=rosa, quiz=quiz).extra_attempts == 1

    # An overridden grade, with its reason.
    page.get_by_label("Grade (%)").fill("80")
    page.get_by_label("Reason").fill("Answered the questions orally")
    page.get_by_role("button", name="Override grade").click()
    expect(page.get_by_role("status")).to_contain_text("overridden to 80%")
    expect(page.locator("main")).to_contain_text("Reason: Answered the questions orally")
    assert GradeOverride.objects.get(user=rosa).created_by == instructor
    assert_accessible(page, "trainee page after the changes")
    screenshot(page, "teach-tools-trainee")

    phone = context_factory(user=instructor, mobile=True).new_page()
    phone.goto(reverse("cohorts:trainee", args=[cohort.pk, rosa.pk]))
    assert_accessible(phone, "trainee page on a phone")
    screenshot(phone, "teach-tools-trainee-phone")

    page.get_by_role("link", name="Attempt 1").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("attempt 1")
    assert_accessible(page, "an attempt's answers")
    screenshot(page, "teach-tools-attempt")

    page.goto(reverse("cohorts:cohort", args=[cohort.pk]))
    expect(rosa_row.locator("td").first).to_contain_text("80% (pass, overridden)")
    expect(rosa_row.locator("td").first).to_contain_text("Answered the questions orally")
    assert_accessible(page, "cohort page with an override")
    screenshot(page, "teach-tools-cohort")

    # Unenrolling asks first.
    page.goto(reverse("cohorts:trainee", args=[cohort.pk, rosa.pk]))
    page.get_by_role("link", name="Unenrol").click()
    expect(page.get_by_role("heading", name="Unenrol Rosa Parks?")).to_be_visible()
    assert_accessible(page, "unenrol confirmation")
    page.get_by_role("button", name="Unenrol Rosa Parks").click()
    expect(page.get_by_role("status")).to_contain_text("is no longer in Autumn")
    assert not Enrolment.objects.filter(cohort=cohort, user=rosa).exists()


def test_another_organisations_trainee_accepts_an_invitation(
    context_factory, cohort, instructor, quiz
):
    other = Organisation.objects.create(name="Birch Training", slug="birch")
    bea = User.objects.create_user("bea", "bea@example.org", "pw", first_name="Bea")
    Membership.objects.create(organisation=other, user=bea)
    page = context_factory(user=instructor).new_page()
    page.goto(reverse("cohorts:enrol", args=[cohort.pk]))
    page.get_by_label("E-mail").fill("Bea@Example.org")
    page.get_by_role("button", name="Enrol", exact=True).click()
    expect(page.get_by_role("status")).to_have_text(
        "1 address enrolled or invited; 1 invitation e-mail sent."
    )
    assert not Enrolment.objects.filter(user=bea).exists()

    bea_page = context_factory(user=bea).new_page()
    bea_page.goto(reverse("invitations:list"))
    bea_page.get_by_role("link", name="Harbour Training: Autumn").click()
    expect(bea_page.get_by_role("heading", name="Harbour Training invites you")).to_be_visible()
    assert_accessible(bea_page, "invitation page")
    screenshot(bea_page, "teach-tools-invitation")
    bea_page.get_by_role("button", name="Accept and join Autumn").click()
    expect(bea_page.get_by_role("status")).to_contain_text("You joined Autumn")
    assert Enrolment.objects.filter(cohort=cohort, user=bea).exists()
