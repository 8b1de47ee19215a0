"""Enrolment files and invitation e-mails as background tasks, and long rosters in pages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cohorts import services, tasks
from cohorts.models import Assignment, Cohort, Enrolment, EnrolmentUpload, Invitation
from organisations.models import Membership
from tests.factories import CohortFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE = "https://example.org"
HEADER = "email,first name,last name\n"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def rows(count: int, *, start: int = 0) -> str:
    return "".join(f"p{n}@example.org,Person,Number {n}\n" for n in range(start, start + count))


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cohort(db):
    return CohortFactory(name="Autumn", organisation=OrganisationFactory(name="Harbour"))


@pytest.fixture
def instructor(cohort):
    user = UserFactory(username="teacher", is_staff=True)
    Membership.objects.create(
        organisation=cohort.organisation, user=user, role=Membership.Role.INSTRUCTOR
    )
    return user


@pytest.fixture
def teacher(client, instructor):
    client.force_login(instructor)
    return client


@pytest.fixture
def outsider(client, db):
    """An instructor of another organisation."""
    other = CohortFactory(name="Elsewhere", organisation=OrganisationFactory(name="Other"))
    user = UserFactory(username="stranger", is_staff=True)
    Membership.objects.create(
        organisation=other.organisation, user=user, role=Membership.Role.INSTRUCTOR
    )
    client.force_login(user)
    return client


def start(cohort: Cohort, text: str) -> EnrolmentUpload:
    upload = services.start_enrolment_upload(
        cohort=cohort, data=text.encode(), site_url=SITE, filename="people.csv"
    )
    upload.refresh_from_db()
    return upload


# ---------------------------------------------------------------------------
# Enrolment files


def test_five_thousand_rows_finish_and_every_email_is_queued_exactly_once(cohort, mailoutbox):
    text = HEADER + rows(5000)
    upload = start(cohort, text)

    assert upload.status == EnrolmentUpload.Status.DONE
    assert (upload.rows_done, upload.rows_total, upload.addresses) == (5000, 5000, 5000)
    assert Enrolment.objects.filter(cohort=cohort).count() == 5000
    assert len(mailoutbox) == 5000
    assert len({m.to[0] for m in mailoutbox}) == 5000
    assert not Membership.objects.filter(role="trainee", invitation_sent_at=None).exists()
    assert upload.data == b""  # the file is not kept once read


def test_uploading_the_same_file_again_adds_no_one_and_sends_nothing(cohort, mailoutbox):
    foreign = UserFactory(email="known@example.org")
    text = HEADER + rows(30) + "known@example.org,Known,Person\n"
    start(cohort, text)
    accounts, invitations = User.objects.count(), Invitation.objects.count()
    assert len(mailoutbox) == 31 and invitations == 1
    assert Invitation.objects.get(user=foreign).sent_at is not None

    again = start(cohort, text)

    assert again.status == EnrolmentUpload.Status.DONE
    assert (User.objects.count(), Invitation.objects.count()) == (accounts, invitations)
    assert len(mailoutbox) == 31
    assert again.emails_queued == 0


def test_a_file_with_bad_rows_enrols_nothing_and_keeps_every_problem_by_line(cohort):
    text = HEADER + rows(3) + "not-an-address,Bad,Row\n" + rows(2, start=3) + "x@example.org,,\n"

    upload = start(cohort, text)

    assert upload.status == EnrolmentUpload.Status.FAILED
    assert [line for line, _ in upload.problems] == [5, 8, 8]
    assert "not-an-address" in upload.problems[0][1]
    assert not Enrolment.objects.filter(cohort=cohort).exists()


def test_a_file_still_waiting_is_not_queued_twice(cohort, settings):
    settings.TASKS = DATABASE_TASKS
    text = HEADER + rows(2)

    first, second = start(cohort, text), start(cohort, text)

    assert first.pk == second.pk
    assert first.status == EnrolmentUpload.Status.QUEUED


def test_a_large_upload_redirects_to_its_progress_which_htmx_polls(cohort, teacher, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.TASKS = DATABASE_TASKS
    url = reverse("cohorts:enrol", args=[cohort.pk])
    file = SimpleUploadedFile("big.csv", (HEADER + rows(3)).encode(), "text/csv")

    response = teacher.post(url, {"upload": "1", "file": file})

    assert response.status_code == 302
    assert response.url == f"{url}#enrolment-status"
    page = teacher.get(url).content.decode()
    assert "big.csv" in page and "Waiting to start" in page
    assert 'hx-trigger="every 2s"' in page
    assert f'href="{url}#enrolment-status">Check progress' in page  # without JavaScript
    status_url = reverse("cohorts:enrol_status", args=[cohort.pk])
    fragment = teacher.get(status_url, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "<progress" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    plain = teacher.get(status_url)
    assert plain.status_code == 302 and plain.url == f"{url}#enrolment-status"
    cohort_page = teacher.get(reverse("cohorts:cohort", args=[cohort.pk])).content.decode()
    assert 'id="enrolment-status"' in cohort_page and "big.csv" in cohort_page


def test_a_finished_upload_stops_the_polling(cohort, teacher):
    start(cohort, HEADER + rows(2))

    fragment = teacher.get(
        reverse("cohorts:enrol_status", args=[cohort.pk]), headers={"HX-Request": "true"}
    ).content.decode()

    assert "Finished" in fragment and "hx-trigger" not in fragment


@pytest.mark.django_db(transaction=True)
def test_the_database_backend_worker_runs_a_queued_upload_and_its_emails(settings, mailoutbox):
    settings.TASKS = DATABASE_TASKS
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cohort = CohortFactory(name="Worker", organisation=OrganisationFactory(name="Queue"))

    upload = start(cohort, HEADER + rows(3))
    assert upload.status == EnrolmentUpload.Status.QUEUED
    assert mailoutbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    upload.refresh_from_db()
    assert upload.status == EnrolmentUpload.Status.DONE
    assert Enrolment.objects.filter(cohort=cohort).count() == 3
    assert sorted(m.to[0] for m in mailoutbox) == [f"p{n}@example.org" for n in range(3)]


# ---------------------------------------------------------------------------
# E-mails: retried, marked sent, resent from /teach/


def test_a_failed_send_is_retried_and_sent_once(cohort, mailoutbox, monkeypatch):
    real = services.send_set_password_emails
    failures = iter([OSError("connection refused")])

    def flaky(users, *, site_url):
        error = next(failures, None)
        if error is not None:
            raise error
        return real(users, site_url=site_url)

    monkeypatch.setattr(services, "send_set_password_emails", flaky)

    start(cohort, HEADER + rows(2))

    assert sorted(m.to[0] for m in mailoutbox) == ["p0@example.org", "p1@example.org"]
    assert not Membership.objects.filter(role="trainee", invitation_sent_at=None).exists()


def test_a_retry_waits_longer_each_time_on_a_backend_that_can_wait(settings, monkeypatch):
    settings.TASKS = DATABASE_TASKS
    queued = []

    class Recorder:
        def __init__(self, run_after=None):
            self.run_after = run_after

        def enqueue(self, **kwargs):
            queued.append((self.run_after, kwargs["attempt"]))

    monkeypatch.setattr(
        type(tasks.send_account_emails), "using", lambda self, run_after: Recorder(run_after)
    )
    now = timezone.now()
    for attempt in range(1, tasks.MAX_SEND_ATTEMPTS + 1):
        tasks.retry_later(tasks.send_account_emails, attempt, user_ids=[1])

    delays = [round((after - now).total_seconds()) for after, _ in queued]
    assert [attempt for _, attempt in queued] == [2, 3, 4, 5]
    assert delays == [30, 60, 120, 240]


def test_sends_that_keep_failing_stay_unsent_and_can_be_resent_from_teach(
    cohort, teacher, mailoutbox, monkeypatch
):
    real = services.send_set_password_emails

    def down(users, *, site_url):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send_set_password_emails", down)
    start(cohort, HEADER + rows(2))  # the task fails after its retries; enrolment stands
    assert Enrolment.objects.filter(cohort=cohort).count() == 2
    unsent = Membership.objects.filter(role=Membership.Role.TRAINEE, invitation_sent_at=None)
    assert unsent.count() == 2
    enrol_url = reverse("cohorts:enrol", args=[cohort.pk])
    page = teacher.get(enrol_url).content.decode()
    assert "e-mail not sent yet" in page
    assert "2 invitation e-mails have not gone out yet" in page

    monkeypatch.setattr(services, "send_set_password_emails", real)
    response = teacher.post(reverse("cohorts:resend_unsent", args=[cohort.pk]))

    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["p0@example.org", "p1@example.org"]
    assert "not gone out yet" not in teacher.get(enrol_url).content.decode()


def test_resend_queues_the_invitation_again_even_when_it_was_sent(cohort, teacher, mailoutbox):
    start(cohort, HEADER + rows(1))
    assert len(mailoutbox) == 1

    teacher.post(reverse("cohorts:resend", args=[cohort.pk]), {"email": "p0@example.org"})

    assert len(mailoutbox) == 2


# ---------------------------------------------------------------------------
# Long rosters: pages, search, and the same queries at any size


@pytest.fixture
def assigned(cohort, seed_briefing):
    """The cohort with the seed briefing's quiz assigned, so its page shows the matrix."""
    Assignment.objects.create(cohort=cohort, quiz=seed_briefing.quizzes.get(is_default=True))
    return cohort


def enrol_many(cohort: Cohort, count: int, *, start: int = 0) -> None:
    upload = services.start_enrolment_upload(
        cohort=cohort, data=(HEADER + rows(count, start=start)).encode(), site_url=SITE
    )
    upload.refresh_from_db()
    assert upload.status == EnrolmentUpload.Status.DONE


def test_the_progress_matrix_is_paginated_and_searchable(assigned, teacher, mailoutbox):
    cohort = assigned
    enrol_many(cohort, 120)
    url = reverse("cohorts:cohort", args=[cohort.pk])

    first = teacher.get(url).content.decode()
    assert "120 trainees" in first
    assert "Page 1 of 3" in first
    assert first.count("@example.org</span>") == 50
    third = teacher.get(url, {"page": "3"}).content.decode()
    assert third.count("@example.org</span>") == 20
    assert "Page 3 of 3" in third and 'rel="prev"' in third and 'rel="next"' not in third
    found = teacher.get(url, {"q": "Number 119"}).content.decode()
    assert "1 match for “Number 119”" in found
    assert "p119@example.org" in found and "p11@example.org" not in found
    assert teacher.get(url, {"page": "junk"}).status_code == 200
    assert teacher.get(url, {"page": "99"}).status_code == 200


def test_the_roster_is_paginated_and_searchable(cohort, teacher, mailoutbox):
    enrol_many(cohort, 60)
    url = reverse("cohorts:enrol", args=[cohort.pk])

    page = teacher.get(url).content.decode()
    assert "Enrolled and invited (60)" in page and "Page 1 of 2" in page
    found = teacher.get(url, {"q": "p59@"}).content.decode()
    assert "1 match for “p59@”" in found and "p59@example.org" in found


@pytest.mark.parametrize("page_name", ["cohorts:cohort", "cohorts:enrol"])
def test_a_page_of_a_cohort_takes_the_same_queries_at_any_size(
    assigned, teacher, mailoutbox, page_name
):
    cohort = assigned
    url = reverse(page_name, args=[cohort.pk])
    enrol_many(cohort, 10)
    with CaptureQueriesContext(connection) as small:
        assert teacher.get(url, {"page": "1"}).status_code == 200
    enrol_many(cohort, 300, start=10)
    with CaptureQueriesContext(connection) as large:
        assert teacher.get(url, {"page": "2"}).status_code == 200

    assert len(large) == len(small), [q["sql"] for q in large]
    assert len(large) <= 25


# ---------------------------------------------------------------------------
# Isolation of the new pages


def test_another_organisations_instructor_gets_404_from_the_new_pages(cohort, outsider):
    start(cohort, HEADER + rows(1))
    status = reverse("cohorts:enrol_status", args=[cohort.pk])
    assert outsider.get(status, headers={"HX-Request": "true"}).status_code == 404
    assert outsider.post(reverse("cohorts:resend_unsent", args=[cohort.pk])).status_code == 404
    assert outsider.get(reverse("cohorts:cohort", args=[cohort.pk]), {"q": "p0"}).status_code == (
        404
    )


def test_a_trainee_gets_404_from_the_new_pages(cohort, client):
    trainee = UserFactory()
    Membership.objects.create(organisation=cohort.organisation, user=trainee)
    client.force_login(trainee)
    status = reverse("cohorts:enrol_status", args=[cohort.pk])
    assert client.get(status, headers={"HX-Request": "true"}).status_code == 404
    assert client.post(reverse("cohorts:resend_unsent", args=[cohort.pk])).status_code == 404
