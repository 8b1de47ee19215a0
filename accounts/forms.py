"""The sign-in forms, labelled for what the backend accepts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from accounts.throttling import lockout_message

LOGIN_LABEL = "E-mail or username"
#: E-mail addresses may be longer than usernames (150 characters).
LOGIN_MAX_LENGTH = 254


def _label_login_field(field: forms.Field) -> None:
    field.label = LOGIN_LABEL
    field.max_length = LOGIN_MAX_LENGTH  # type: ignore[attr-defined]
    field.widget.attrs.update(maxlength=str(LOGIN_MAX_LENGTH), spellcheck="false")


class LockoutMessageMixin(AuthenticationForm):
    """Says so when a sign-in fails because the account or address is locked out.

    django-axes marks the request when it refuses an attempt, or when this
    failure reached the limit; the form then shows when to try again instead of
    "wrong password", which the right password would not change.
    """

    def get_invalid_login_error(self) -> ValidationError:
        if getattr(self.request, "axes_locked_out", False):
            return ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


class SignInForm(LockoutMessageMixin):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct e-mail address or username and password. "
        "The password is case-sensitive.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _label_login_field(self.fields["username"])


class AdminSignInForm(LockoutMessageMixin, AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": "Enter the correct e-mail address or username and password for a "
        "staff account. The password is case-sensitive.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _label_login_field(self.fields["username"])
