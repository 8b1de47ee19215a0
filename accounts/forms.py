"""The sign-in forms, labelled for what the backend accepts, and the reset form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy

from accounts.hashing import HashingBusy
from accounts.tasks import send_password_reset_emails
from accounts.throttling import lockout_message

LOGIN_LABEL = gettext_lazy("E-mail or username")
#: E-mail addresses may be longer than usernames (150 characters).
LOGIN_MAX_LENGTH = 254
BUSY_MESSAGE = gettext_lazy(
    "Many people are signing in at this moment, so yours was not checked. "
    "Wait a few seconds and sign in again."
)


def _label_login_field(field: forms.Field) -> None:
    field.label = LOGIN_LABEL
    field.max_length = LOGIN_MAX_LENGTH  # type: ignore[attr-defined]
    field.widget.attrs.update(maxlength=str(LOGIN_MAX_LENGTH), spellcheck="false")


class LockoutMessageMixin(AuthenticationForm):
    """Says so when a sign-in fails because the account or address is locked out,
    or because too many sign-ins were waiting for their passwords to be checked.

    django-axes marks the request when it refuses an attempt, or when this
    failure reached the limit; the form then shows when to try again instead of
    "wrong password", which the right password would not change.
    """

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except HashingBusy:
            # Not a failed sign-in: the password was never checked.
            raise ValidationError(BUSY_MESSAGE, code="busy") from None

    def get_invalid_login_error(self) -> ValidationError:
        if getattr(self.request, "axes_locked_out", False):
            return ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


class SignInForm(LockoutMessageMixin):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": gettext_lazy(
            "Enter a correct e-mail address or username and password. "
            "The password is case-sensitive."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _label_login_field(self.fields["username"])


class AdminSignInForm(LockoutMessageMixin, AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": gettext_lazy(
            "Enter the correct e-mail address or username and password for a "
            "staff account. The password is case-sensitive."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _label_login_field(self.fields["username"])


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, which queues the e-mails instead of sending them.

    Known and unknown addresses take the same path: the matching accounts are
    looked up and one task is queued naming them (an empty list for an address
    no account uses), so neither the answer nor its time says which it was,
    and no address that belongs to nobody is stored.
    """

    def save(
        self,
        domain_override: str | None = None,
        subject_template_name: str = "registration/password_reset_subject.txt",
        email_template_name: str = "registration/password_reset_email.html",
        use_https: bool = False,
        token_generator: Any = default_token_generator,
        from_email: str | None = None,
        request: Any = None,
        html_email_template_name: str | None = None,
        extra_email_context: dict[str, Any] | None = None,
    ) -> None:
        if token_generator is not default_token_generator:
            raise ValueError("Queued reset e-mails are made with Django's token generator.")
        if domain_override:
            site_name = domain = domain_override
        else:
            site = get_current_site(request)
            site_name, domain = site.name, site.domain
        link = {
            "domain": domain,
            "site_name": site_name,
            "use_https": use_https,
            "subject_template_name": subject_template_name,
            "email_template_name": email_template_name,
            "html_email_template_name": html_email_template_name,
            "from_email": from_email,
            "extra_email_context": extra_email_context,
            "language": translation.get_language() or "",
        }
        user_ids = [user.pk for user in self.get_users(self.cleaned_data["email"])]
        send_password_reset_emails.enqueue(user_ids=user_ids, link=link)
