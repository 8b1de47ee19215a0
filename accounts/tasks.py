"""Password-reset e-mails, sent by the task worker rather than inside the request.

The reset form queues one task for every request it admits, naming the
accounts the address belongs to (none for an address no account uses), so the
request does the same work whoever asks; the worker (``manage.py db_worker``)
renders and sends the messages. A failed send is queued again with a growing
delay, up to ``MAX_SEND_ATTEMPTS`` times, for the accounts not yet mailed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.tasks import task
from django.utils import timezone, translation

from accounts import services

MAX_SEND_ATTEMPTS = 5
#: The delay before the second attempt; it doubles each time after.
FIRST_RETRY_DELAY = timedelta(seconds=30)


@task
def send_password_reset_emails(user_ids: list[int], link: dict[str, Any], attempt: int = 1) -> int:
    """Reset e-mails to these accounts; ``link`` says how to write the link (see
    ``services.deliver_password_reset_emails``; its ``language`` is the one
    the form was shown in). Returns the number sent."""
    sent: list[int] = []
    try:
        with translation.override(link.get("language") or None):
            services.deliver_password_reset_emails(user_ids=user_ids, link=link, sent=sent)
    except OSError:  # smtplib's errors are OSErrors too
        if attempt >= MAX_SEND_ATTEMPTS:
            raise
        retry = send_password_reset_emails
        if retry.get_backend().supports_defer:
            delay = FIRST_RETRY_DELAY * 2 ** (attempt - 1)
            retry = retry.using(run_after=timezone.now() + delay)
        unsent = [pk for pk in user_ids if pk not in sent]
        retry.enqueue(user_ids=unsent, link=link, attempt=attempt + 1)
    return len(sent)
