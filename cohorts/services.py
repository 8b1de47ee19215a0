"""Writes for organisations: enrolment (one by one or by CSV) and assignments."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, mailers
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from briefings.models import Briefing
from cohorts.csv_enrolment import EnrolmentRow, RowError, parse_enrolment_csv
from cohorts.models import Assignment, Cohort, Enrolment, Membership, Organisation
from quizzes.models import Quiz

BATCH = 500


@dataclass(frozen=True, slots=True)
class EnrolmentOutcome:
    created_accounts: int
    new_enrolments: int
    rows: int
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def _normalise_email(email: str) -> str:
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def _chunks(items: Sequence[str], size: int = BATCH) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def send_set_password_emails(users: Sequence[User], *, site_url: str) -> int:
    """One e-mail per new account with a link to choose a password."""
    if not users:
        return 0
    messages = []
    for user in users:
        path = reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        body = render_to_string(
            "cohorts/email/set_password.txt", {"user": user, "url": f"{site_url}{path}"}
        )
        messages.append(
            EmailMessage(
                subject="Your Briefing & Quiz account",
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[user.email],
            )
        )
    with mailers.default as connection:
        return int(connection.send_messages(messages) or 0)


def _taken_usernames(candidates: Sequence[str]) -> set[str]:
    taken: set[str] = set()
    for chunk in _chunks(list(candidates)):
        taken.update(User.objects.filter(username__in=chunk).values_list("username", flat=True))
    return taken


def _free_username(email: str, taken: set[str]) -> str:
    """The e-mail address, or with a number added when another account has it as its name."""
    username, counter = email[:150], 2
    while username in taken:
        suffix = f"-{counter}"
        username, counter = email[: 150 - len(suffix)] + suffix, counter + 1
    taken.add(username)
    return username


def enrol_rows(
    *, organisation: Organisation, rows: Sequence[EnrolmentRow], site_url: str
) -> EnrolmentOutcome:
    """Create or reuse accounts and enrol them; repeating the same rows changes nothing.

    One account per mailbox: addresses are compared ignoring case (an existing
    "Ada@Example.org" is reused for "ada@example.org"), and a new account
    takes the first spelling in ``rows``.
    """
    cohorts = {c.name: c for c in organisation.cohorts.all()}
    first_row: dict[str, EnrolmentRow] = {}
    for row in rows:
        first_row.setdefault(row.email.lower(), row)
    keys = sorted(first_row)
    with transaction.atomic():
        existing: dict[str, User] = {}
        for chunk in _chunks(keys):
            matches = (
                User.objects.annotate(email_key=Lower("email"))
                .filter(email_key__in=chunk)
                .order_by("pk")
            )
            for match in matches:
                existing.setdefault(match.email_key, match)
        new_users = []
        missing = [key for key in keys if key not in existing]
        taken = _taken_usernames([first_row[key].email[:150] for key in missing])
        for key in missing:
            row = first_row[key]
            user = User(
                username=_free_username(row.email, taken),
                email=row.email,
                first_name=row.first_name,
                last_name=row.last_name,
            )
            user.set_unusable_password()
            new_users.append(user)
        created = User.objects.bulk_create(new_users, batch_size=BATCH)
        if created and any(u.pk is None for u in created):
            created = list(User.objects.filter(email__in=[u.email for u in created]))
        for user in created:
            existing[user.email.lower()] = user
        Membership.objects.bulk_create(
            [Membership(organisation=organisation, user=existing[key]) for key in keys],
            ignore_conflicts=True,
            batch_size=BATCH,
        )
        before = Enrolment.objects.filter(cohort__organisation=organisation).count()
        Enrolment.objects.bulk_create(
            [
                Enrolment(cohort=cohorts[row.cohort], user=existing[row.email.lower()])
                for row in rows
            ],
            ignore_conflicts=True,
            batch_size=BATCH,
        )
        after = Enrolment.objects.filter(cohort__organisation=organisation).count()
        transaction.on_commit(lambda: send_set_password_emails(created, site_url=site_url))
    return EnrolmentOutcome(
        created_accounts=len(created), new_enrolments=after - before, rows=len(rows)
    )


def enrol_csv(*, organisation: Organisation, data: bytes, site_url: str) -> EnrolmentOutcome:
    """Check the whole file first; any bad row means nothing is created."""
    parsed = parse_enrolment_csv(
        data, known_cohorts=list(organisation.cohorts.values_list("name", flat=True))
    )
    if not parsed.ok:
        return EnrolmentOutcome(0, 0, len(parsed.rows), tuple(parsed.errors))
    return enrol_rows(organisation=organisation, rows=parsed.rows, site_url=site_url)


def enrol_by_email(
    *, cohort: Cohort, email: str, first_name: str = "", last_name: str = "", site_url: str
) -> EnrolmentOutcome:
    try:
        validate_email(email.strip())
    except ValidationError as error:
        raise ValidationError({"email": "Enter a valid e-mail address."}) from error
    row = EnrolmentRow(
        line=1,
        email=_normalise_email(email),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        cohort=cohort.name,
    )
    return enrol_rows(organisation=cohort.organisation, rows=[row], site_url=site_url)


def assign_quiz(
    *,
    cohort: Cohort,
    quiz: Quiz,
    opens_on: date | None = None,
    due_on: date | None = None,
    due_days_after_enrolment: int | None = None,
    pass_mark: int | None = None,
) -> Assignment:
    """Assign a published quiz of the cohort's organisation (or a shared one), or
    change the existing assignment; nothing is written when a value is refused."""
    if quiz.briefing.organisation_id not in (None, cohort.organisation_id):
        raise ValidationError({"quiz": "That quiz belongs to another organisation."})
    if quiz.briefing.status != Briefing.Status.PUBLISHED:
        raise ValidationError({"quiz": "Publish the briefing before assigning its quiz."})
    with transaction.atomic():
        assignment = Assignment.objects.filter(cohort=cohort, quiz=quiz).first() or Assignment(
            cohort=cohort, quiz=quiz
        )
        assignment.opens_on = opens_on or assignment.opens_on or timezone.localdate()
        assignment.due_on = due_on
        assignment.due_days_after_enrolment = due_days_after_enrolment
        assignment.pass_mark = pass_mark
        assignment.full_clean()
        assignment.save()
    return assignment
