"""What the accounts app stores besides Django's users."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


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
