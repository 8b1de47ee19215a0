"""The sign-in view, and password-reset views with a throttle on the e-mails they send."""

from __future__ import annotations

import math
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpResponse
from django.utils.log import log_response

from accounts.forms import QueuedPasswordResetForm, SignInForm
from accounts.throttling import (
    admit_password_reset,
    clear_account_failures,
    client_address,
    password_reset_wait_message,
)

#: What a sign-in refused for want of a hashing thread is told to wait.
BUSY_RETRY_AFTER_SECONDS = 5


class SignInView(auth_views.LoginView):
    """Django's sign-in view; a sign-in refused while too many wait is a 503.

    The form comes back with the login still in it and "try again in a few
    seconds" (see ``accounts.hashing``), with ``Retry-After``.
    """

    authentication_form = SignInForm

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, code="busy"):
            response.status_code = 503
            response["Retry-After"] = str(BUSY_RETRY_AFTER_SECONDS)
            # Expected under a crowd, so a warning rather than Django's error for a 5xx.
            log_response(
                "Sign-in refused while too many wait: %s",
                self.request.path,
                response=response,
                request=self.request,
                level="warning",
            )
        return response


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
