"""Password-reset views with a throttle on the e-mails they send."""

from __future__ import annotations

import math
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import HttpResponse

from accounts.forms import QueuedPasswordResetForm
from accounts.throttling import (
    admit_password_reset,
    clear_account_failures,
    client_address,
    password_reset_wait_message,
)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, refusing (with 429 and the form again) past the throttle's limits.

    Known and unknown addresses are counted and answered alike; an admitted
    request queues its e-mails for the task worker and goes to "Check your
    e-mail" whether or not there is anything to send.
    """

    form_class = QueuedPasswordResetForm

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        wait = admit_password_reset(
            email=form.cleaned_data["email"], client_address=client_address(self.request)
        )
        if wait is None:
            return super().form_valid(form)
        form.add_error(None, ValidationError(password_reset_wait_message(wait), code="throttled"))
        response = self.form_invalid(form)
        response.status_code = 429
        response["Retry-After"] = str(math.ceil(wait.total_seconds()))
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view; a new password also lifts the account's sign-in lockout."""

    def form_valid(self, form: SetPasswordForm[Any]) -> HttpResponse:
        response = super().form_valid(form)
        clear_account_failures(form.user)
        return response
