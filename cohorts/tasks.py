"""Background work for cohorts: enrolment files and the e-mails enrolment sends.

Each task is queued with Django's tasks framework (the database backend of
django-tasks-db in production, run by ``manage.py db_worker``). A failed send
is queued again with a growing delay, up to ``MAX_SEND_ATTEMPTS`` times; what
still fails stays marked unsent and can be resent from the cohort's enrol page.
Each e-mail task is written in ``language``, the language of the page that
queued it (the site's default when empty).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.tasks import Task, task
from django.utils import timezone, translation

from cohorts import services

MAX_SEND_ATTEMPTS = 5
#: The delay before the second attempt; it doubles each time after.
FIRST_RETRY_DELAY = timedelta(seconds=30)


def retry_later(failed: Task[..., Any], attempt: int, **kwargs: Any) -> bool:
    """Queue ``failed`` again after a delay; False once the attempts are used up."""
    if attempt >= MAX_SEND_ATTEMPTS:
        return False
    retry = failed
    if failed.get_backend().supports_defer:
        delay = FIRST_RETRY_DELAY * 2 ** (attempt - 1)
        retry = failed.using(run_after=timezone.now() + delay)
    retry.enqueue(attempt=attempt + 1, **kwargs)
    return True


@task
def enrol_upload(upload_id: int) -> int:
    """Enrol an uploaded file's rows; returns the rows enrolled."""
    return services.run_enrolment_upload(upload_id=upload_id).rows_done


@task
def send_account_emails(
    organisation_id: int,
    user_ids: list[int],
    site_url: str,
    resend: bool = False,
    attempt: int = 1,
    language: str = "",
) -> int:
    """Set-password e-mails for new accounts; returns the number sent."""
    arguments: dict[str, Any] = {
        "organisation_id": organisation_id,
        "user_ids": user_ids,
        "site_url": site_url,
        "resend": resend,
    }
    try:
        with translation.override(language or None):
            return services.deliver_account_emails(**arguments)
    except OSError:  # smtplib's errors are OSErrors too
        if retry_later(send_account_emails, attempt, language=language, **arguments):
            return 0
        raise


@task
def send_invitation_emails(
    invitation_ids: list[int],
    site_url: str,
    resend: bool = False,
    attempt: int = 1,
    language: str = "",
) -> int:
    """Invitation e-mails for people who already have an account; returns the number sent."""
    arguments: dict[str, Any] = {
        "invitation_ids": invitation_ids,
        "site_url": site_url,
        "resend": resend,
    }
    try:
        with translation.override(language or None):
            return services.deliver_invitation_emails(**arguments)
    except OSError:
        if retry_later(send_invitation_emails, attempt, language=language, **arguments):
            return 0
        raise
