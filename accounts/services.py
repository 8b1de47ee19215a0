"""What the accounts app sends: password-reset e-mails, from the task worker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def deliver_password_reset_emails(
    *, user_ids: Sequence[int], link: dict[str, Any], sent: list[int]
) -> None:
    """Send each account its password-reset link, appending its id to ``sent``.

    ``link`` holds what the reset form was given: ``domain``, ``site_name``,
    ``use_https``, the template names, ``from_email`` and ``extra_email_context``.
    An account that was deactivated or lost its usable password since the
    request is skipped, as the form would have skipped it. A failure to send
    raises (``OSError``), unlike Django's form, so the task can try again.
    """
    users = User._default_manager.filter(pk__in=user_ids, is_active=True).order_by("pk")
    email_field = User.get_email_field_name()
    for user in users:
        if not user.has_usable_password():
            continue
        address = getattr(user, email_field)
        context = {
            "email": address,
            "domain": link["domain"],
            "site_name": link["site_name"],
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "user": user,
            "token": default_token_generator.make_token(user),
            "protocol": "https" if link["use_https"] else "http",
            **(link.get("extra_email_context") or {}),
        }
        subject = "".join(
            loader.render_to_string(link["subject_template_name"], context).splitlines()
        )
        body = loader.render_to_string(link["email_template_name"], context)
        message = EmailMultiAlternatives(subject, body, link.get("from_email"), [address])
        if html_template := link.get("html_email_template_name"):
            message.attach_alternative(loader.render_to_string(html_template, context), "text/html")
        message.send()
        sent.append(user.pk)
