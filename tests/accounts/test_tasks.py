"""Password-reset e-mails are queued by the request and sent by the task worker."""

from __future__ import annotations

import re

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.factories import UserFactory

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
KNOWN = "amira.haddad@example.org"
UNKNOWN = "nobody@example.org"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def queued(settings):
    """Tasks go to the database queue, as in production, until the worker runs them."""
    settings.TASKS = DATABASE_TASKS


def request_reset(client, email):
    return client.post(reverse("password_reset"), {"email": email})


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


def same_page(html):
    # The CSP nonce and the masked CSRF token differ on every response.
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "", re.sub(r'nonce="[^"]*"', "", html))


@pytest.mark.django_db(transaction=True)
def test_a_reset_request_queues_the_email_and_the_worker_sends_a_working_link(
    client, queued, mailoutbox
):
    amira = UserFactory(username="amira", email=KNOWN)

    response = request_reset(client, KNOWN)

    assert response.status_code == 302
    assert mailoutbox == []
    assert (
        DBTaskResult.objects.filter(task_path__endswith="send_password_reset_emails").count() == 1
    )

    run_worker()

    assert [message.to for message in mailoutbox] == [[KNOWN]]
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mailoutbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    new = "a fresh long passphrase 42"
    client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    amira.refresh_from_db()
    assert amira.check_password(new)


@pytest.mark.django_db(transaction=True)
def test_an_unknown_address_is_answered_alike_and_its_queued_task_names_no_one(
    client, queued, mailoutbox
):
    UserFactory(username="amira", email=KNOWN)

    known = request_reset(client, KNOWN)
    unknown = request_reset(client, UNKNOWN)

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert same_page(client.get(known["Location"]).content.decode()) == same_page(
        client.get(unknown["Location"]).content.decode()
    )
    # Each request queued one task; the unknown address's names no account and
    # keeps no trace of the address.
    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert len(tasks) == 2
    assert tasks[1].args_kwargs["kwargs"]["user_ids"] == []
    assert UNKNOWN not in str(tasks[1].args_kwargs)

    run_worker()

    assert [message.to for message in mailoutbox] == [[KNOWN]]


@pytest.mark.django_db
def test_a_failed_send_is_tried_again_for_the_accounts_not_yet_mailed(
    client, mailoutbox, monkeypatch
):
    UserFactory(username="amira", email=KNOWN)
    UserFactory(username="amira2", email=KNOWN.upper())
    real_send = EmailMultiAlternatives.send
    failures = iter([None, OSError("connection refused")])

    def flaky(message, *args, **kwargs):
        if error := next(failures, None):
            raise error
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", flaky)

    assert request_reset(client, KNOWN).status_code == 302

    # The first account was mailed, the second failed once and was sent on the retry.
    assert sorted(message.to[0] for message in mailoutbox) == [KNOWN.upper(), KNOWN]
