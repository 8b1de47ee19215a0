"""Throttling of sign-ins (through django-axes) and of password-reset e-mails.

Sign-in failures are counted per account and per client address; the limits
and the wait are settings (``AXES_FAILURE_LIMIT``, ``LOGIN_FAILURES_PER_ADDRESS``,
``AXES_COOLOFF_TIME``). A locked-out attempt is refused before any password is
hashed, and the sign-in form says when to try again (see ``accounts.forms``).
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, User
from django.db import transaction
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import time_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from accounts.models import PasswordResetRequest

#: An IPv6 subscriber is usually given a whole /64, so it counts as one address.
IPV6_SUBSCRIBER_PREFIX = 64


def client_address(request: HttpRequest) -> str | None:
    """The address a client's failures and reset requests are counted under.

    Behind the proxy a deployment trusts (``DJANGO_BEHIND_PROXY``, which sets
    ``SECURE_PROXY_SSL_HEADER``), that is the last ``X-Forwarded-For`` entry, the
    one the proxy itself appended; anything before it the client could forge.
    """
    address = request.META.get("REMOTE_ADDR") or None
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        address = forwarded or address
    if address is None:
        return None
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/{IPV6_SUBSCRIBER_PREFIX}", strict=False)[0])
    return str(ip)


def account_key(request: HttpRequest, credentials: Mapping[str, Any] | None) -> str:
    """The name an attempt's failures are counted under: one per account.

    A login names an account by its username or its e-mail address in any case
    (see ``accounts.backends``); all of these count against the account's
    username, so switching between them earns no extra guesses. A login that
    names no single account counts under itself, folded to lower case.
    """
    if credentials is not None:
        login = credentials.get(User.USERNAME_FIELD)
    else:
        login = request.POST.get(User.USERNAME_FIELD)
    login = str(login or "").strip()
    if not login:
        return ""
    users = User._default_manager
    if users.filter(username=login).exists():
        return login
    by_email = list(users.filter(email__iexact=login).values_list("username", flat=True)[:2])
    if len(by_email) == 1:
        return by_email[0]
    return login.casefold()


class LoginThrottleHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """Axes' database handler with a higher limit for an address than for an account."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        # One query per AXES_LOCKOUT_PARAMETERS entry: ["username", "ip_address"].
        by_account, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        # Axes compares one count with AXES_FAILURE_LIMIT; an address's failures
        # are scaled so that LOGIN_FAILURES_PER_ADDRESS of them reach it.
        scaled = by_address * settings.AXES_FAILURE_LIMIT // settings.LOGIN_FAILURES_PER_ADDRESS
        return max(by_account, scaled)

    def user_logged_in(
        self, sender: object, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
    ) -> None:
        super().user_logged_in(sender, request, user, **kwargs)
        clear_account_failures(user)


def clear_account_failures(user: AbstractBaseUser) -> None:
    """Forget the failed sign-ins counted against an account (not its addresses'),
    once someone has shown they hold its password or its mailbox."""
    AccessAttempt.objects.filter(username=user.get_username()).delete()


def _minutes(wait: timedelta) -> str:
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def lockout_message() -> SafeString:
    """What a locked-out sign-in is told: when to try again, and the reset path."""
    wait: timedelta = settings.AXES_COOLOFF_TIME
    until = timezone.localtime(timezone.now() + wait)
    if until.second or until.microsecond:
        until = until.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return format_html(
        gettext(
            "Too many failed attempts to sign in. Try again in {} (after {}). "
            'Forgotten your password? <a href="{}">Reset it by e-mail</a>: '
            "that works now, even while signing in is paused."
        ),
        _minutes(wait),
        f"{time_format(until, 'TIME_FORMAT')} {until.tzname()}",
        reverse("password_reset"),
    )


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None,
    credentials: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """The sign-in page, which shows the lockout message, answered as 429 with Retry-After."""
    response = original_response if original_response is not None else HttpResponse()
    response.status_code = 429
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def _email_digest(email: str) -> str:
    return salted_hmac(
        "accounts.PasswordResetRequest", email.strip().casefold(), algorithm="sha256"
    ).hexdigest()


def _wait_after(requests: list[PasswordResetRequest], limit: int) -> timedelta:
    """How long until fewer than ``limit`` of these requests, newest first, are in the window."""
    if len(requests) < limit:
        return timedelta(0)
    oldest_counted = requests[limit - 1].requested_at
    return oldest_counted + settings.PASSWORD_RESET_WINDOW - timezone.now()


@transaction.atomic
def admit_password_reset(*, email: str, client_address: str | None) -> timedelta | None:
    """Record a request for a password-reset e-mail if the limits allow one.

    Returns None when the request is admitted, or how long until one would be.
    Requests are counted per target address and per client address in the same
    way whether or not an account uses the address, so the answer reveals nothing
    about who has an account.
    """
    now = timezone.now()
    window_start = now - settings.PASSWORD_RESET_WINDOW
    PasswordResetRequest.objects.filter(requested_at__lt=window_start).delete()
    digest = _email_digest(email)
    recent = PasswordResetRequest.objects.filter(requested_at__gte=window_start).order_by(
        "-requested_at"
    )
    wait = _wait_after(
        list(recent.filter(email_digest=digest)[: settings.PASSWORD_RESETS_PER_EMAIL]),
        settings.PASSWORD_RESETS_PER_EMAIL,
    )
    if client_address is not None:
        by_client = recent.filter(client_address=client_address)
        wait = max(
            wait,
            _wait_after(
                list(by_client[: settings.PASSWORD_RESETS_PER_CLIENT]),
                settings.PASSWORD_RESETS_PER_CLIENT,
            ),
        )
    if wait > timedelta(0):
        return wait
    PasswordResetRequest.objects.create(
        email_digest=digest, client_address=client_address, requested_at=now
    )
    return None


def password_reset_wait_message(wait: timedelta) -> str:
    return gettext("Too many requests for a reset link. Try again in %(wait)s.") % {
        "wait": _minutes(wait)
    }
