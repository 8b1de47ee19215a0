"""An instructor onboards a cohort in the browser; a new trainee takes the quiz.

One journey: a CSV upload with a bad row (refused whole), the fixed upload,
assigning the seed quiz, the trainee signing in and finishing the quiz
without JavaScript, then the instructor reading the score in the matrix, the
chart and the grades CSV. Every instructor page is checked with axe.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import expect

from cohorts.demo import instructor_group
from cohorts.models import Assignment, Cohort, Enrolment
from organisations.models import Membership, Organisation
from quizzes.models import Attempt, Question, Quiz, Response
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "email,first name,last name,cohort\n"
FIXED = HEADER + "rosa@example.org,Rosa,Parks,Autumn\nsam@example.org,Sam,Okoye,Autumn\n"
BROKEN = FIXED + "tom.example.org,Tom,Bad,Autumn\n"
PASSWORD = "a long trainee passphrase"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def quiz(seed_briefing):
    """Three single-answer questions in bank order: deterministic to answer."""
    seed_briefing.questions.filter(kind__in=["single_choice", "true_false"]).update(
        status=Question.Status.APPROVED
    )
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions, quiz.shuffle_options = 3, False, False
    quiz.mode, quiz.pass_mark = "assessment", 70
    quiz.save()
    return quiz


@pytest.fixture
def cohort(db):
    organisation = Organisation.objects.create(name="Harbour Training", slug="harbour")
    return Cohort.objects.create(organisation=organisation, name="Autumn", start_date=date.today())


@pytest.fixture
def instructor(cohort):
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


def upload(page, text: str) -> None:
    page.get_by_label("CSV file").set_input_files(
        files=[{"name": "trainees.csv", "mimeType": "text/csv", "buffer": text.encode()}]
    )
    page.get_by_role("button", name="Check and enrol").click()
    page.wait_for_load_state()


def take_quiz_without_javascript(page, trainee, quiz, *, right: int) -> None:
    page.goto(quiz.briefing.get_absolute_url())
    page.get_by_role("button", name="Start quiz").click()
    attempt = Attempt.objects.get(user=trainee, finished_at__isnull=True)
    for position in range(1, 4):
        expect(page.locator("#question-counter")).to_have_text(f"Question {position} of 3")
        response = Response.objects.get(attempt=attempt, position=position)
        options = [str(o) for o in response.option_order]
        key = str(response.answer_key[0])
        wanted = key if position <= right else next(o for o in options if o != key)
        page.check(f"#option-{options.index(wanted)}")
        button = "Next →" if position < 3 else "Review and submit"
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state()
    page.get_by_label("I have finished and want to submit my answers").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.locator(".score-number")).to_have_text("67%")


def test_an_instructor_enrols_assigns_and_reads_a_new_trainees_score(
    context_factory, cohort, instructor, quiz
):
    page = context_factory(user=instructor).new_page()
    cohort_url = reverse("cohorts:cohort", args=[cohort.pk])

    # The dashboard and the empty cohort page.
    page.goto(reverse("cohorts:dashboard"))
    expect(page.get_by_role("heading", name="Your cohorts")).to_be_visible()
    assert_accessible(page, "dashboard")
    page.get_by_role("link", name="Autumn").click()
    expect(page.get_by_role("heading", name="Autumn", level=1)).to_be_visible()

    # A file with a bad row: every bad row listed, nothing created.
    page.get_by_role("link", name="Enrol trainees").first.click()
    expect(page.get_by_role("heading", name="Enrol trainees")).to_be_visible()
    assert_accessible(page, "enrol page")
    users = User.objects.count()
    upload(page, BROKEN)
    errors = page.locator("#csv-errors")
    expect(errors).to_contain_text("Nothing was created.")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody th")).to_have_text("4")
    assert User.objects.count() == users and not Enrolment.objects.exists()
    assert_accessible(page, "enrol page with the row errors")
    screenshot(page, "teach-enrol-errors")

    # The fixed file.
    upload(page, FIXED)
    expect(page.get_by_role("status")).to_have_text(
        "2 addresses enrolled or invited; 2 invitation e-mails sent."
    )
    expect(page.locator("#csv-errors")).to_have_count(0)
    assert Enrolment.objects.filter(cohort=cohort).count() == 2

    # Assign the seed quiz from the cohort page.
    page.goto(cohort_url)
    page.get_by_label("Briefing quiz").select_option(str(quiz.pk))
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("status")).to_have_text(f"Assigned {quiz.title}.")
    assert Assignment.objects.filter(cohort=cohort, quiz=quiz).exists()

    # The new trainee chooses a password (the e-mail's link, tested elsewhere),
    # signs in with the form and takes the quiz without JavaScript.
    rosa = User.objects.get(email="rosa@example.org")
    rosa.set_password(PASSWORD)
    rosa.save()
    trainee_page = context_factory(javascript=False).new_page()
    trainee_page.goto(reverse("login"))
    trainee_page.get_by_label("Username").fill("rosa@example.org")
    trainee_page.get_by_label("Password").fill(PASSWORD)
    trainee_page.get_by_role("button", name="Sign in").click()
    expect(trainee_page.get_by_role("button", name="Sign out")).to_be_visible()
    take_quiz_without_javascript(trainee_page, rosa, quiz, right=2)

    # The instructor sees the score in the matrix, the chart and the CSV.
    page.goto(cohort_url)
    rosa_row = page.locator("table.matrix tbody tr", has_text="Rosa Parks")
    expect(rosa_row.locator("td").first).to_contain_text("67% (fail)")
    sam_row = page.locator("table.matrix tbody tr", has_text="Sam Okoye")
    expect(sam_row.locator("td").first).to_have_text("Not started")
    expect(page.locator("table.matrix tfoot")).to_contain_text("0 passed, 1 finished; mean 67%")
    charts = page.locator('svg[role="img"]')
    expect(charts).to_have_count(2)
    expect(charts.first).to_be_visible()
    band = page.locator("figure.chart", has_text="Score distribution").locator(
        "tbody tr", has_text="60–69%"
    )
    expect(band.locator("td")).to_have_text("1")
    assert_accessible(page, "cohort page")
    screenshot(page, "teach-cohort")

    grades = page.request.get(reverse("cohorts:grades_csv", args=[cohort.pk]))
    assert grades.ok
    rows = [line.split(",") for line in grades.text().splitlines()]
    rosa_line = next(row for row in rows if row[1] == "rosa@example.org")
    assert rosa_line[3:5] == ["67", ""]

    # The item analysis of the assignment.
    page.get_by_role("link", name="item analysis").click()
    expect(page.get_by_role("heading", name=re.compile("^Item analysis"))).to_be_visible()
    expect(page.get_by_text("First attempts: 1.")).to_be_visible()
    assert_accessible(page, "item analysis")
    screenshot(page, "teach-analysis")


def test_an_instructor_assigns_a_second_quiz_and_follows_the_matrix_into_an_attempt(
    context_factory, cohort, instructor, quiz
):
    """Enrol from a CSV without a cohort column, assign a second quiz, follow the
    matrix into a trainee's attempt, override the grade and read item analysis."""
    Assignment.objects.create(cohort=cohort, quiz=quiz)
    second = Quiz.objects.create(
        briefing=quiz.briefing,
        title="Timed check on Tajikistan",
        mode="assessment",
        time_limit_minutes=15,
        question_count=3,
        shuffle_questions=False,
        shuffle_options=False,
        pass_mark=70,
    )
    page = context_factory(user=instructor).new_page()
    cohort_url = reverse("cohorts:cohort", args=[cohort.pk])

    page.goto(reverse("cohorts:enrol", args=[cohort.pk]))
    upload(page, "email,first name,last name\nrosa@example.org,Rosa,Parks\n")
    expect(page.get_by_role("status")).to_have_text(
        "1 address enrolled or invited; 1 invitation e-mail sent."
    )

    page.goto(cohort_url)
    page.get_by_label("Briefing quiz").select_option(str(second.pk))
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("status")).to_have_text(f"Assigned {second.title}.")
    headers = page.locator("table.matrix thead th")
    expect(headers.filter(has_text=second.title)).to_have_count(1)
    expect(headers.filter(has_text=quiz.title)).to_have_count(1)

    # Rosa takes the second quiz from My learning, without JavaScript.
    rosa = User.objects.get(email="rosa@example.org")
    trainee_page = context_factory(user=rosa, javascript=False).new_page()
    trainee_page.goto(reverse("quizzes:learning"))
    card = trainee_page.locator(".quiz-card").filter(
        has=trainee_page.get_by_role("heading", name=second.title)
    )
    card.get_by_role("button", name=re.compile("^Start quiz")).click()
    attempt = Attempt.objects.get(user=rosa, quiz=second, finished_at__isnull=True)
    assert attempt.organisation_id == cohort.organisation_id
    for position in range(1, 4):
        response = Response.objects.get(attempt=attempt, position=position)
        options = [str(o) for o in response.option_order]
        wanted = (
            str(response.answer_key[0])
            if position == 1
            else next(o for o in options if o != str(response.answer_key[0]))
        )
        trainee_page.check(f"#option-{options.index(wanted)}")
        button = "Next →" if position < 3 else "Review and submit"
        trainee_page.get_by_role("button", name=button).click()
    trainee_page.get_by_label("I have finished and want to submit my answers").check()
    trainee_page.get_by_role("button", name="Submit answers").click()
    expect(trainee_page.locator(".score-number")).to_have_text("33%")

    # The matrix cell for the second quiz leads to Rosa's attempt.
    page.goto(cohort_url)
    rosa_row = page.locator("table.matrix tbody tr", has_text="Rosa Parks")
    rosa_row.get_by_role("link", name=re.compile(r"^33% \(fail\)")).click()
    expect(page.get_by_role("heading", name="Rosa Parks", level=1)).to_be_visible()
    page.get_by_role("link", name="Attempt 1").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(second.title)
    assert_accessible(page, "the attempt's answers")

    # Override the grade of the second quiz, with a reason.
    page.goto(reverse("cohorts:trainee", args=[cohort.pk, rosa.pk]))
    section = page.locator("section", has=page.get_by_role("heading", name=second.title))
    section.get_by_label("Grade (%)").fill("75")
    section.get_by_label("Reason").fill("Retook the check on paper")
    section.get_by_role("button", name=re.compile("^Override grade")).click()
    expect(page.get_by_role("status")).to_contain_text("overridden to 75%")
    page.goto(cohort_url)
    expect(rosa_row).to_contain_text("75% (pass, overridden)")

    # Item analysis of the second quiz, readable at 1280 px.
    page.get_by_role("link", name="item analysis").nth(1).click()
    expect(page.get_by_role("heading", name=re.compile("^Item analysis"))).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280, f"item analysis scrolls sideways ({width} px)"
    flags = page.get_by_role("columnheader", name=re.compile("Flags?"))
    expect(flags).to_be_in_viewport()
    assert_accessible(page, "item analysis of the second quiz")
    screenshot(page, "teach-analysis-second-quiz")
