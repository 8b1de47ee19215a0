"""Enrolling an address that belongs to another organisation's trainee.

Organisation A's instructor types the address of Bea, a trainee of
organisation B, on A's cohort page. Both organisations assign the same
shared briefing, and Bea has already taken its quiz for B. The instructor is
treated as an attacker: Bea must not be enrolled unasked, nothing A reads may
show her work for B (before or after she accepts), and nothing A is told may
reveal whether the address had an account.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cohorts.demo import instructor_group
from cohorts.models import Assignment, Cohort, Enrolment, Invitation
from organisations.models import Membership, Organisation
from quizzes import attempts
from quizzes.models import Attempt, BriefingProgress, Question, Quiz, TermMastery

pytestmark = pytest.mark.django_db

BEA = "bea@example.org"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def finish(user: User, quiz: Quiz, *, right: int, organisation: Organisation) -> Attempt:
    """A submitted attempt, taken under ``organisation``'s assignment."""
    attempt = attempts.start_attempt(user=user, quiz=quiz, seed=1, organisation_id=organisation.pk)
    for response in attempt.responses.select_related("question").order_by("position")[:right]:
        key = [str(k) for k in response.answer_key]
        answer = key[:1] if response.question.kind == Question.Kind.CLOZE else key
        attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
    return attempts.submit_attempt(attempt=attempt)


@dataclass
class World:
    a: Organisation
    b: Organisation
    a_cohort: Cohort
    a_assignment: Assignment
    instructor: User
    bea: User
    quiz: Quiz
    b_attempt: Attempt


@pytest.fixture
def world(seed_briefing) -> World:
    seed_briefing.questions.update(status=Question.Status.APPROVED)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions, quiz.pass_mark = 3, False, 70
    quiz.save()
    assert seed_briefing.organisation_id is None  # shared by the platform
    a = Organisation.objects.create(name="Alder Training", slug="alder")
    b = Organisation.objects.create(name="Birch Training", slug="birch")
    a_cohort = Cohort.objects.create(organisation=a, name="Alder spring", start_date=date.today())
    b_cohort = Cohort.objects.create(organisation=b, name="Birch spring", start_date=date.today())
    a_assignment = Assignment.objects.create(cohort=a_cohort, quiz=quiz)
    Assignment.objects.create(cohort=b_cohort, quiz=quiz)
    instructor = User.objects.create_user("ines", "ines@alder.example", "pw", is_staff=True)
    instructor.groups.add(instructor_group())
    Membership.objects.create(organisation=a, user=instructor, role=Membership.Role.INSTRUCTOR)
    bea = User.objects.create_user("bea", BEA, "pw", first_name="Bea", last_name="Birch")
    Membership.objects.create(organisation=b, user=bea)
    Enrolment.objects.create(cohort=b_cohort, user=bea)
    b_attempt = finish(bea, quiz, right=3, organisation=b)
    return World(a, b, a_cohort, a_assignment, instructor, bea, quiz, b_attempt)


@pytest.fixture
def a_client(client: Client, world: World) -> Client:
    client.force_login(world.instructor)
    return client


def said(client: Client, response) -> list[str]:
    """The messages a redirect carries; following it shows (and uses up) them."""
    assert response.status_code == 302
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    client.get(response.url)
    return shown


def enrol_by_form(client: Client, cohort: Cohort, email: str, capture) -> list[str]:
    with capture(execute=True):
        response = client.post(
            reverse("cohorts:enrol", args=[cohort.pk]),
            {"email": email, "first_name": "Bea", "last_name": "Birch"},
        )
    return said(client, response)


def enrol_by_csv(client: Client, cohort: Cohort, text: str, capture) -> list[str]:
    with capture(execute=True):
        response = client.post(
            reverse("cohorts:enrol", args=[cohort.pk]),
            {"upload": "1", "file": SimpleUploadedFile("people.csv", text.encode(), "text/csv")},
        )
    return said(client, response)


def accept(bea: User, mail) -> None:
    """Bea follows the link in her e-mail, signed in, and accepts."""
    url = re.search(r"https?://testserver(/invitations/\S+/)", mail.body).group(1)
    client = Client()
    client.force_login(bea)
    assert client.get(url).status_code == 200
    assert client.post(url, {"answer": "accept"}).status_code == 302


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


# ---------------------------------------------------------------------------
# Not enrolled unasked


def test_a_foreign_trainee_entered_on_the_form_is_invited_not_enrolled(
    a_client, world, mailoutbox, django_capture_on_commit_callbacks
):
    enrol_by_form(a_client, world.a_cohort, "Bea@EXAMPLE.org", django_capture_on_commit_callbacks)

    assert not Enrolment.objects.filter(cohort=world.a_cohort, user=world.bea).exists()
    assert not Membership.objects.filter(organisation=world.a, user=world.bea).exists()
    invitation = Invitation.objects.get(cohort=world.a_cohort)
    assert invitation.user == world.bea and invitation.is_pending
    assert User.objects.filter(email__iexact=BEA).count() == 1  # no second account
    [mail] = mailoutbox
    assert mail.to == ["Bea@example.org"]
    assert invitation.get_absolute_url() in mail.body
    assert "Alder Training" in mail.body


def test_a_foreign_trainee_in_an_upload_without_a_cohort_column_is_invited_not_enrolled(
    a_client, world, mailoutbox, django_capture_on_commit_callbacks
):
    text = "Email,First name,Last name\nBEA@example.ORG,Bea,Birch\nnew@example.org,Nia,New\n"

    enrol_by_csv(a_client, world.a_cohort, text, django_capture_on_commit_callbacks)

    assert not Enrolment.objects.filter(cohort=world.a_cohort, user=world.bea).exists()
    assert not Membership.objects.filter(organisation=world.a, user=world.bea).exists()
    assert Invitation.objects.filter(cohort=world.a_cohort, user=world.bea).count() == 1
    assert Enrolment.objects.filter(cohort=world.a_cohort, user__email="new@example.org")
    assert sorted(m.to[0].lower() for m in mailoutbox) == [BEA, "new@example.org"]


def test_uploading_the_foreign_address_again_neither_enrols_nor_invites_twice(
    a_client, world, mailoutbox, django_capture_on_commit_callbacks
):
    text = "email,first name,last name\nbea@example.org,Bea,Birch\n"
    enrol_by_csv(a_client, world.a_cohort, text, django_capture_on_commit_callbacks)
    mailoutbox.clear()

    enrol_by_csv(a_client, world.a_cohort, text, django_capture_on_commit_callbacks)

    assert Invitation.objects.filter(cohort=world.a_cohort).count() == 1
    assert not Enrolment.objects.filter(cohort=world.a_cohort, user=world.bea).exists()
    assert mailoutbox == []


# ---------------------------------------------------------------------------
# Nothing tells A whether the address had an account


def test_the_message_is_the_same_for_a_new_a_foreign_and_an_unattached_address(
    a_client, world, django_capture_on_commit_callbacks
):
    User.objects.create_user("loner", "loner@example.org", "pw")  # an account of no organisation
    capture = django_capture_on_commit_callbacks
    by_form = {
        email: enrol_by_form(a_client, world.a_cohort, email, capture)
        for email in ("newcomer@example.org", "Bea@Example.org", "loner@example.org")
    }
    by_csv = {
        email: enrol_by_csv(
            a_client,
            Cohort.objects.create(organisation=world.a, name=email, start_date=date.today()),
            f"email,first name,last name\n{email},Some,One\n",
            capture,
        )
        for email in ("second-new@example.org", "BEA@example.org", "LONER@example.org")
    }  # fmt: skip

    assert set(map(tuple, by_form.values())) == {
        ("1 address enrolled or invited; 1 invitation e-mail sent.",)
    }
    assert set(map(tuple, by_csv.values())) == {
        ("1 address enrolled or invited; 1 invitation e-mail sent.",)
    }


def test_the_roster_shows_a_new_account_and_a_foreign_invitation_alike(
    a_client, world, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    enrol_by_form(a_client, world.a_cohort, "Bea@example.org", capture)
    with capture(execute=True):
        a_client.post(
            reverse("cohorts:enrol", args=[world.a_cohort.pk]),
            {"email": "Nia@example.org", "first_name": "Bea", "last_name": "Birch"},
        )

    html = a_client.get(reverse("cohorts:enrol", args=[world.a_cohort.pk])).content.decode()
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", html, re.S)
    assert len(rows) == 2
    bea_row, nia_row = sorted(rows, key=lambda r: "Nia" in r)
    assert bea_row.replace("Bea@example.org", "X").replace("Bea%40example.org", "X") == (
        nia_row.replace("Nia@example.org", "X").replace("Nia%40example.org", "X")
    )
    assert "Invited" in bea_row
    matrix = a_client.get(reverse("cohorts:cohort", args=[world.a_cohort.pk])).content.decode()
    assert "2 trainees" in matrix
    assert matrix.count("(invited)") == 2


# ---------------------------------------------------------------------------
# A never reads Bea's work for B


def assert_a_sees_none_of_beas_work_for_b(client: Client, world: World) -> None:
    cohort = world.a_cohort
    matrix = client.get(reverse("cohorts:cohort", args=[cohort.pk])).content.decode()
    assert "100% (pass)" not in matrix
    grades = csv_rows(client.get(reverse("cohorts:grades_csv", args=[cohort.pk])))
    [bea_grades] = [row for row in grades[1:] if row[1].lower() == BEA]
    assert bea_grades[3:] == ["", "", ""]  # score, completed, override
    responses = csv_rows(client.get(reverse("cohorts:responses_csv", args=[cohort.pk])))
    assert [row for row in responses[1:] if row[0].lower() == BEA] == []
    attempt_page = reverse(
        "cohorts:trainee_attempt", args=[cohort.pk, world.bea.pk, world.b_attempt.pk]
    )
    assert client.get(attempt_page).status_code == 404
    admin_pages = {
        "admin:quizzes_attempt": world.b_attempt,
        "admin:quizzes_briefingprogress": BriefingProgress.objects.get(user=world.bea),
        "admin:quizzes_termmastery": TermMastery.objects.filter(user=world.bea).first(),
    }
    for name, row in admin_pages.items():
        assert row is not None, name
        change = reverse(f"{name}_change", args=[row.pk])
        assert client.get(change).url == reverse("admin:index"), name
        listing = client.get(reverse(f"{name}_changelist")).content.decode()
        assert change not in listing, name
        assert BEA not in listing and ">bea<" not in listing, name


def test_before_she_answers_a_sees_none_of_beas_work_for_b(
    a_client, world, django_capture_on_commit_callbacks
):
    enrol_by_form(a_client, world.a_cohort, BEA, django_capture_on_commit_callbacks)
    assert_a_sees_none_of_beas_work_for_b(a_client, world)


def test_after_she_accepts_a_sees_only_the_work_bea_does_for_a(
    a_client, world, mailoutbox, django_capture_on_commit_callbacks
):
    enrol_by_form(a_client, world.a_cohort, BEA, django_capture_on_commit_callbacks)
    accept(world.bea, mailoutbox[0])
    assert Enrolment.objects.filter(cohort=world.a_cohort, user=world.bea).exists()
    assert Membership.objects.get(organisation=world.a, user=world.bea).role == "trainee"

    assert_a_sees_none_of_beas_work_for_b(a_client, world)
    trainee_page = reverse("cohorts:trainee", args=[world.a_cohort.pk, world.bea.pk])
    assert "No attempts yet." in a_client.get(trainee_page).content.decode()

    # Her attempt for A is A's to see: the same pages show it.
    own = finish(world.bea, world.quiz, right=1, organisation=world.a)
    matrix = a_client.get(reverse("cohorts:cohort", args=[world.a_cohort.pk])).content.decode()
    assert "33% (fail)" in matrix and "100% (pass)" not in matrix
    page = a_client.get(trainee_page).content.decode()
    assert (
        reverse("cohorts:trainee_attempt", args=[world.a_cohort.pk, world.bea.pk, own.pk]) in page
    )
    responses = csv_rows(a_client.get(reverse("cohorts:responses_csv", args=[world.a_cohort.pk])))
    assert {row[2] for row in responses[1:] if row[0] == BEA} == {str(own.number)}
    assert own.number == 2  # her first was for B
    analysis = a_client.get(reverse("cohorts:analysis", args=[world.a_assignment.pk]))
    assert "First attempts: 1." in analysis.content.decode()
    listing = a_client.get(reverse("admin:quizzes_attempt_changelist")).content.decode()
    assert reverse("admin:quizzes_attempt_change", args=[own.pk]) in listing
    assert reverse("admin:quizzes_attempt_change", args=[world.b_attempt.pk]) not in listing


# ---------------------------------------------------------------------------
# The invitation pages


@pytest.fixture
def invitation(a_client, world, django_capture_on_commit_callbacks) -> Invitation:
    enrol_by_form(a_client, world.a_cohort, BEA, django_capture_on_commit_callbacks)
    return Invitation.objects.get(cohort=world.a_cohort, user=world.bea)


def test_someone_elses_invitation_answers_404_and_changes_nothing(a_client, world, invitation):
    url = invitation.get_absolute_url()
    assert a_client.get(url).status_code == 404
    assert a_client.post(url, {"answer": "accept"}).status_code == 404
    stranger = Client()
    stranger.force_login(User.objects.create_user("sam", "sam@example.org", "pw"))
    assert stranger.post(url, {"answer": "decline"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.is_pending
    assert not Enrolment.objects.filter(cohort=world.a_cohort, user=world.instructor).exists()


def test_a_signed_out_visitor_is_sent_to_sign_in_first(invitation):
    response = Client().get(invitation.get_absolute_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_declining_leaves_bea_outside_organisation_a(client, world, invitation):
    client.force_login(world.bea)
    response = client.post(invitation.get_absolute_url(), {"answer": "decline"})

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    assert not Membership.objects.filter(organisation=world.a, user=world.bea).exists()
    # An answered invitation is gone: the link cannot accept it later.
    assert client.post(invitation.get_absolute_url(), {"answer": "accept"}).status_code == 404
    assert not Enrolment.objects.filter(cohort=world.a_cohort, user=world.bea).exists()


def test_bea_sees_her_pending_invitations(client, world, invitation):
    client.force_login(world.bea)
    html = client.get(reverse("invitations:list")).content.decode()
    assert invitation.get_absolute_url() in html
    assert "Alder Training" in html


def test_resending_sends_the_invitation_again_with_the_same_message_as_for_a_new_account(
    a_client, world, invitation, mailoutbox, django_capture_on_commit_callbacks
):
    enrol_by_form(a_client, world.a_cohort, "nia@example.org", django_capture_on_commit_callbacks)
    mailoutbox.clear()
    told = {}
    for email in (BEA, "nia@example.org"):
        response = a_client.post(
            reverse("cohorts:resend", args=[world.a_cohort.pk]), {"email": email}
        )
        told[email] = said(a_client, response)

    assert [m.to[0] for m in mailoutbox] == [BEA, "nia@example.org"]
    assert invitation.get_absolute_url() in mailoutbox[0].body
    assert "/accounts/reset/" in mailoutbox[1].body
    assert told[BEA] == [f"Invitation e-mail sent again to {BEA}."]
    assert told["nia@example.org"] == ["Invitation e-mail sent again to nia@example.org."]


def test_a_withdrawn_invitation_can_no_longer_be_accepted(a_client, world, invitation):
    page = a_client.get(reverse("cohorts:remove", args=[world.a_cohort.pk]), {"email": BEA})
    assert "Withdraw the invitation of Bea Birch?" in page.content.decode()

    response = a_client.post(reverse("cohorts:remove", args=[world.a_cohort.pk]), {"email": BEA})

    assert response.status_code == 302
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    bea = Client()
    bea.force_login(world.bea)
    assert bea.post(invitation.get_absolute_url(), {"answer": "accept"}).status_code == 404
    assert not Enrolment.objects.filter(cohort=world.a_cohort, user=world.bea).exists()
