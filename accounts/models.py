"""What the accounts app stores besides Django's users."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.sessions.backends.db import SessionStore


class PasswordResetRequest(models.Model):
    """A password-reset e-mail asked for, kept for the throttle's window.

    The target address is stored only as a keyed digest: the table serves to
    count requests, and holds addresses that may belong to no account.
    """

    email_digest = models.CharField(max_length=64)
    client_address = models.GenericIPAddressField(null=True, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["email_digest", "requested_at"]),
            models.Index(fields=["client_address", "requested_at"]),
            models.Index(fields=["requested_at"]),
        ]

    def __str__(self) -> str:
        return f"Password reset requested at {self.requested_at:%Y-%m-%d %H:%M}"


class Session(AbstractBaseSession):
    """A visitor's session, with the account signed in to it, if any.

    The account's column lets a page read the session and its user in one
    query (``accounts.sessions``), and deleting an account ends its sessions.
    It follows the session's own data whenever the session is saved; the
    data stays what decides who is signed in. No database constraint ties the
    column to the user table, so a session saved while its account is being
    deleted is not an error.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @classmethod
    def get_session_store_class(cls) -> type[SessionStore]:
        from accounts.sessions.db import SessionStore

        return SessionStore
