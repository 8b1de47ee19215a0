"""Time a 100,000-row enrolment file and the pages of a 100,000-trainee cohort.

Runs on a fresh SQLite database in a temporary directory (or on the database
DATABASE_URL names, which it empties first with ``flush``), under production
settings, with the database task backend and its worker, as a deployment runs:

    .venv/bin/python bench/cohorts_scale.py [--rows 100000]

It prints the time to enrol the file (the task), to send its e-mails (the
worker's e-mail tasks, to a mail backend that discards them), to enrol the
same file again, and the median of five requests of each cohort page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="cohorts-scale-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
    os.environ["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
    os.environ.setdefault("DJANGO_PLAIN_STATIC", "1")

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("flush", "--no-input", verbosity=0)
    run(args.rows)


def run(rows: int) -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from briefings.services import import_article
    from cohorts import services
    from cohorts.models import Assignment, Cohort, EnrolmentUpload, Invitation
    from organisations.models import Membership, Organisation
    from quizzes.models import Attempt

    organisation = Organisation.objects.create(name="Scale", slug="scale")
    cohort = Cohort.objects.create(
        organisation=organisation, name="Everyone", start_date="2026-01-05"
    )
    instructor = User.objects.create_user("instructor", "instructor@example.org", is_staff=True)
    Membership.objects.create(
        organisation=organisation, user=instructor, role=Membership.Role.INSTRUCTOR
    )
    # A tenth of the file already has an account elsewhere, so is invited.
    for start in range(0, rows // 10, 5000):
        User.objects.bulk_create(
            User(username=f"known{n}", email=f"t{n}@example.org")
            for n in range(start, min(start + 5000, rows // 10))
        )
    data = "email,first name,last name\n" + "".join(
        f"t{n}@example.org,Trainee,Number {n}\n" for n in range(rows)
    )

    def upload_and_enrol() -> tuple[EnrolmentUpload, float, float]:
        upload = services.start_enrolment_upload(
            cohort=cohort, data=data.encode(), site_url="https://example.org", filename="all.csv"
        )
        began = time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0",
                     "--max-tasks", "1", verbosity=0)  # fmt: skip
        enrolled = time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
        sent = time.perf_counter()
        upload.refresh_from_db()
        return upload, enrolled - began, sent - enrolled

    upload, enrol_seconds, email_seconds = upload_and_enrol()
    assert upload.status == EnrolmentUpload.Status.DONE, upload.status
    assert upload.rows_done == rows
    accounts, invitations = User.objects.count(), Invitation.objects.count()
    unsent = (
        Membership.objects.filter(
            role=Membership.Role.TRAINEE, invitation_sent_at__isnull=True
        ).count()
        + Invitation.objects.filter(sent_at__isnull=True).count()
    )
    print(f"enrol {rows:,} rows (task):            {enrol_seconds:6.1f} s")
    print(f"send their {upload.emails_queued:,} e-mails (tasks):   {email_seconds:6.1f} s")
    print(f"e-mails left unsent:                  {unsent}")
    again, again_seconds, again_email_seconds = upload_and_enrol()
    assert (User.objects.count(), Invitation.objects.count()) == (accounts, invitations)
    print(
        f"same file again:                      {again_seconds:6.1f} s, "
        f"{again.emails_queued} e-mails queued, no account or invitation added"
    )

    # Finished attempts for one trainee in fifty, on an assigned quiz.
    seed = next((REPO / "seeds").glob("*.txt"))
    briefing = import_article(data=seed.read_bytes(), source_name=seed.name).briefing
    quiz = briefing.quizzes.get(is_default=True)
    Assignment.objects.create(cohort=cohort, quiz=quiz, due_on=timezone.localdate())
    now = timezone.now()
    trainees = list(cohort.enrolments.values_list("user_id", flat=True)[::50])
    Attempt.objects.bulk_create(
        [
            Attempt(
                user_id=user_id,
                quiz=quiz,
                organisation=organisation,
                number=1,
                started_at=now - timedelta(hours=1),
                finished_at=now,
                score=(i % 10) / 10,
                passed=(i % 10) >= 7,
            )  # fmt: skip
            for i, user_id in enumerate(trainees)
        ],
        batch_size=2000,
    )
    # They have signed in, as anyone who has taken a quiz has.
    User.objects.filter(pk__in=trainees).update(last_login=now)

    client = Client()
    client.force_login(instructor)
    pages = {
        "cohort page 1": (reverse("cohorts:cohort", args=[cohort.pk]), {}),
        "cohort page 1000": (reverse("cohorts:cohort", args=[cohort.pk]), {"page": "1000"}),
        "cohort by score": (
            reverse("cohorts:cohort", args=[cohort.pk]),
            {"sort": f"-a{quiz.assignments.get().pk}"},
        ),
        "cohort search": (reverse("cohorts:cohort", args=[cohort.pk]), {"q": "Number 4242"}),
        "roster page 1": (reverse("cohorts:enrol", args=[cohort.pk]), {}),
        "roster page 1000": (reverse("cohorts:enrol", args=[cohort.pk]), {"page": "1000"}),
        "roster search": (reverse("cohorts:enrol", args=[cohort.pk]), {"q": "t4242@"}),
    }
    print(f"cohort of {cohort.enrolments.count():,} trainees and "
          f"{cohort.invitations.count():,} invitations, {len(trainees):,} attempts")  # fmt: skip
    for name, (url, params) in pages.items():
        times, size = [], 0
        for _ in range(5):
            began = time.perf_counter()
            response = client.get(url, params)
            times.append(time.perf_counter() - began)
            assert response.status_code == 200, (name, response.status_code)
            size = len(response.content)
        print(f"{name:<20} median {statistics.median(times):5.2f} s, {size / 1024:6.0f} KB")


if __name__ == "__main__":
    main()
