"""The instructor pages under /teach/: who reaches them, enrolment, assignment, analysis."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from briefings.models import Briefing
from cohorts.demo import instructor_group
from cohorts.models import Assignment, Enrolment
from organisations.models import Membership
from quizzes import attempts
from quizzes.models import Question
from tests.factories import CohortFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = "email,first name,last name,cohort\n"
GOOD = HEADER + "ada@example.org,Ada,Lovelace,Autumn\nalan@example.org,Alan,Turing,Autumn\n"
BAD = GOOD + "alan.example.org,Alan,Again,Autumn\nbob@example.org,Bob,,Autumn\n"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cohort(db):
    return CohortFactory(name="Autumn", organisation=OrganisationFactory(name="Harbour Training"))


@pytest.fixture
def instructor(cohort):
    user = UserFactory(username="teacher", is_staff=True)
    user.groups.add(instructor_group())
    Membership.objects.create(
        organisation=cohort.organisation, user=user, role=Membership.Role.INSTRUCTOR
    )
    return user


@pytest.fixture
def instructor_client(client, instructor):
    client.force_login(instructor)
    return client


def upload(client, cohort, text: str):
    return client.post(
        reverse("cohorts:enrol", args=[cohort.pk]),
        {"upload": "1", "file": SimpleUploadedFile("trainees.csv", text.encode(), "text/csv")},
    )


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# ---------------------------------------------------------------------------
# Who reaches /teach/


@pytest.mark.parametrize("name", ["cohorts:dashboard", "cohorts:cohort", "cohorts:enrol"])
def test_a_trainee_gets_404_on_teach_pages(client, cohort, name):
    trainee = UserFactory()
    Membership.objects.create(organisation=cohort.organisation, user=trainee)
    Enrolment.objects.create(cohort=cohort, user=trainee)
    client.force_login(trainee)
    args = [] if name == "cohorts:dashboard" else [cohort.pk]
    assert client.get(reverse(name, args=args)).status_code == 404


def test_staff_without_an_organisation_gets_404(client, cohort):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("cohorts:dashboard")).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, cohort):
    response = client.get(reverse("cohorts:cohort", args=[cohort.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_instructor_dashboard_lists_their_cohorts(instructor_client, cohort):
    CohortFactory(name="Someone else's cohort")
    html = instructor_client.get(reverse("cohorts:dashboard")).content.decode()
    assert reverse("cohorts:cohort", args=[cohort.pk]) in html
    assert "Someone else" not in html


def test_the_teach_link_is_marked_current_on_teach_pages(instructor_client, cohort):
    html = instructor_client.get(reverse("cohorts:dashboard")).content.decode()
    assert 'aria-current="page">Teach</a>' in html


# ---------------------------------------------------------------------------
# Enrolment page


def test_a_bad_upload_shows_every_bad_row_with_its_line_and_creates_nothing(
    instructor_client, cohort, mailoutbox
):
    users = User.objects.count()

    response = upload(instructor_client, cohort, BAD)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was created." in html
    table = html[html.index('id="csv-errors"') :]
    lines = re.findall(r'<th scope="row">(\d+)</th>', table)
    assert lines == ["4", "5"]
    assert User.objects.count() == users
    assert not Enrolment.objects.exists()
    assert mailoutbox == []


def test_a_good_upload_redirects_with_a_summary(
    instructor_client, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(instructor_client, cohort, GOOD)

    assert response.status_code == 302
    assert response.url == reverse("cohorts:enrol", args=[cohort.pk])
    assert messages_of(response) == ["2 addresses enrolled or invited; 2 invitation e-mails sent."]
    assert Enrolment.objects.filter(cohort=cohort).count() == 2
    assert len(mailoutbox) == 2
    page = instructor_client.get(response.url).content.decode()
    assert "Enrolled and invited (2)" in page
    assert "ada@example.org" in page


def test_an_upload_without_a_file_says_so(instructor_client, cohort):
    response = instructor_client.post(reverse("cohorts:enrol", args=[cohort.pk]), {"upload": "1"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_the_email_form_enrols_one_trainee(
    instructor_client, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = instructor_client.post(
            reverse("cohorts:enrol", args=[cohort.pk]),
            {"email": "lin@example.org", "first_name": "Lin", "last_name": "Wu"},
        )
    assert response.status_code == 302
    assert messages_of(response) == ["1 address enrolled or invited; 1 invitation e-mail sent."]
    assert Enrolment.objects.filter(cohort=cohort, user__email="lin@example.org").exists()
    assert len(mailoutbox) == 1


def test_the_email_form_shows_a_bad_address_next_to_the_field(instructor_client, cohort):
    response = instructor_client.post(
        reverse("cohorts:enrol", args=[cohort.pk]), {"email": "lin at example"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert not Enrolment.objects.exists()


# ---------------------------------------------------------------------------
# Assigning from the cohort page


@pytest.fixture
def quiz(seed_briefing):
    seed_briefing.questions.update(status=Question.Status.APPROVED)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions = 3, False
    quiz.save()
    return quiz


def test_the_assign_form_assigns_a_quiz(instructor_client, cohort, quiz):
    response = instructor_client.post(
        reverse("cohorts:assign", args=[cohort.pk]),
        {"quiz": quiz.pk, "opens_on": "2025-01-06", "due_days_after_enrolment": "7"},
    )
    assert response.status_code == 302
    assert messages_of(response) == [f"Assigned {quiz.title}."]
    assignment = Assignment.objects.get(cohort=cohort)
    assert assignment.due_days_after_enrolment == 7


def test_the_assign_form_refuses_both_kinds_of_due_date(instructor_client, cohort, quiz):
    response = instructor_client.post(
        reverse("cohorts:assign", args=[cohort.pk]),
        {
            "quiz": quiz.pk,
            "opens_on": "2025-01-06",
            "due_on": "2025-02-01",
            "due_days_after_enrolment": "7",
        },
    )
    assert response.status_code == 302
    assert messages_of(response) == ["Give a due date or a number of days, not both."]
    assert not Assignment.objects.exists()


def test_the_assign_form_does_not_offer_another_organisations_quiz(instructor_client, cohort, quiz):
    quiz.briefing.organisation = OrganisationFactory()
    quiz.briefing.save()
    html = instructor_client.get(reverse("cohorts:cohort", args=[cohort.pk])).content.decode()
    assert f'<option value="{quiz.pk}"' not in html
    response = instructor_client.post(
        reverse("cohorts:assign", args=[cohort.pk]), {"quiz": quiz.pk, "opens_on": "2025-01-06"}
    )
    assert "Select a valid choice" in messages_of(response)[0]
    assert not Assignment.objects.exists()


# ---------------------------------------------------------------------------
# Item analysis


def organisation_of(user: User) -> int | None:
    """The organisation of the user's cohort: their attempts are taken under it."""
    return (
        Enrolment.objects.filter(user=user)
        .values_list("cohort__organisation_id", flat=True)
        .first()
    )


def finish(user, quiz, right):
    attempt = attempts.start_attempt(
        user=user, quiz=quiz, seed=1, organisation_id=organisation_of(user)
    )
    for response in attempt.responses.select_related("question").order_by("position")[:right]:
        key = [str(k) for k in response.answer_key]
        answer = key[:1] if response.question.kind == Question.Kind.CLOZE else key
        attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
    attempts.submit_attempt(attempt=attempt)
    return attempt


def test_item_analysis_shows_facility_discrimination_and_flags_with_an_edit_link(
    instructor_client, cohort, quiz
):
    # The organisation's own briefing: its instructor may edit the questions.
    Briefing.objects.filter(pk=quiz.briefing_id).update(organisation=cohort.organisation)
    assignment = Assignment.objects.create(cohort=cohort, quiz=quiz)
    first_attempts = []
    # Five first attempts: the fewest that item analysis flags on.
    for n, right in enumerate([1, 1, 2, 3, 2]):
        trainee = UserFactory(username=f"learner{n}")
        Enrolment.objects.create(cohort=cohort, user=trainee)
        first_attempts.append(finish(trainee, quiz, right))
    finish(trainee, quiz, 0)  # a second attempt: not counted

    response = instructor_client.get(reverse("cohorts:analysis", args=[assignment.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "First attempts: 5." in html
    assert "Facility" in html and "Discrimination" in html
    responses = first_attempts[0].responses.order_by("position")
    easy, middling, hard = (r.question for r in responses)
    rows = {
        question: html[html.index(question.stem[:40]) :].split("</tr>")[0]
        for question in (easy, middling, hard)
    }
    assert "<td>1.00</td>" in rows[easy]  # everyone right
    assert "too easy" in rows[easy]
    assert reverse("admin:quizzes_question_change", args=[easy.pk]) in rows[easy]
    assert "<td>0.60</td>" in rows[middling]
    assert "edit" not in rows[middling]
    assert "<td>0.20</td>" in rows[hard]


def test_item_analysis_without_attempts_says_so(instructor_client, cohort, quiz):
    assignment = Assignment.objects.create(cohort=cohort, quiz=quiz)
    response = instructor_client.get(reverse("cohorts:analysis", args=[assignment.pk]))
    assert "No finished first attempts yet." in response.content.decode()
