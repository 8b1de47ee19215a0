"""Writes for organisations: enrolment (one by one or by CSV) and assignments."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, mailers
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext, ngettext

from briefings.models import Briefing
from cohorts.csv_enrolment import EnrolmentRow, RowError, parse_enrolment_csv
from cohorts.models import (
    Assignment,
    Cohort,
    Enrolment,
    EnrolmentUpload,
    GradeOverride,
    Invitation,
)
from organisations.models import Membership, Organisation
from quizzes.models import AttemptAllowance, Quiz, TimeAccommodation

BATCH = 500
#: Rows enrolled per transaction by an upload task, between progress updates.
UPLOAD_CHUNK = 5000
#: Accounts or invitations per e-mail task.
EMAIL_BATCH = 200


@dataclass(frozen=True, slots=True)
class EnrolmentOutcome:
    """What an enrolment did. Only ``addresses`` and ``emails_sent`` may be
    shown to the instructor: the other counts tell new, member and foreign
    accounts apart, which the instructor must not learn."""

    created_accounts: int
    new_enrolments: int
    rows: int
    errors: tuple[RowError, ...] = ()
    invitations: int = 0
    invited_people: int = 0
    addresses: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def emails_sent(self) -> int:
        """One e-mail per new account and one per invited person, each queued once."""
        return self.created_accounts + self.invited_people

    def message(self) -> str:
        """The same words whether the addresses had accounts here, elsewhere or nowhere."""
        addresses = ngettext(
            "%(count)d address enrolled or invited",
            "%(count)d addresses enrolled or invited",
            self.addresses,
        ) % {"count": self.addresses}
        emails = ngettext(
            "%(count)d invitation e-mail sent.",
            "%(count)d invitation e-mails sent.",
            self.emails_sent,
        ) % {"count": self.emails_sent}
        return gettext("%(addresses)s; %(emails)s") % {"addresses": addresses, "emails": emails}


def _normalise_email(email: str) -> str:
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def _chunks[T](items: Sequence[T], size: int = BATCH) -> Iterable[Sequence[T]]:
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
                subject=gettext("Your Briefing & Quiz account"),
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


def pluralize(count: int, suffix: str = "s") -> str:
    return "" if count == 1 else suffix


def send_invitation_emails(invitations: Sequence[Invitation], *, site_url: str) -> int:
    """One e-mail per invited person, with a link to accept or decline each place."""
    by_user: dict[int, list[Invitation]] = {}
    for invitation in invitations:
        by_user.setdefault(invitation.user_id, []).append(invitation)
    messages = []
    for group in by_user.values():
        body = render_to_string(
            "cohorts/email/invitation.txt",
            {
                "invitations": [
                    (invitation, f"{site_url}{invitation.get_absolute_url()}")
                    for invitation in group
                ],
                "first_name": group[0].first_name,
            },
        )
        organisations = sorted({i.cohort.organisation.name for i in group})
        messages.append(
            EmailMessage(
                subject=gettext("Invitation from %(organisations)s · Briefing & Quiz")
                % {"organisations": ", ".join(organisations)},
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[group[0].email],
            )
        )
    if not messages:
        return 0
    with mailers.default as connection:
        return int(connection.send_messages(messages) or 0)


def enrol_rows(
    *,
    organisation: Organisation,
    rows: Sequence[EnrolmentRow],
    site_url: str,
    invited_by: User | None = None,
) -> EnrolmentOutcome:
    """Enrol each address in its cohort; repeating the same rows changes nothing.

    * No account with the address: a new account, made a trainee of the
      organisation, enrolled, and sent a link to choose a password.
    * An account already a member of the organisation: enrolled.
    * Any other account (another organisation's, or of none): not enrolled.
      A pending ``Invitation`` is stored and the person is e-mailed a link to
      accept or decline; only on accepting do they join. This keeps an
      instructor from pulling another organisation's trainee in unasked.

    One account per mailbox: addresses are compared ignoring case (an existing
    "Ada@Example.org" is used for "ada@example.org"), and a new account
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
        member_ids: set[int] = set()
        existing_ids = [user.pk for user in existing.values()]
        for id_chunk in _chunks(existing_ids):
            member_ids.update(
                Membership.objects.filter(
                    organisation=organisation, user_id__in=id_chunk
                ).values_list("user_id", flat=True)
            )
        foreign = {key for key, user in existing.items() if user.pk not in member_ids}
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
            # What set_unusable_password() stores, from one random draw instead
            # of forty: it is most of the cost of a large file.
            user.password = UNUSABLE_PASSWORD_PREFIX + secrets.token_hex(20)
            new_users.append(user)
        created = User.objects.bulk_create(new_users, batch_size=BATCH)
        if created and any(u.pk is None for u in created):
            created = list(User.objects.filter(email__in=[u.email for u in created]))
        for user in created:
            existing[user.email.lower()] = user
        Membership.objects.bulk_create(
            [Membership(organisation=organisation, user=user) for user in created],
            ignore_conflicts=True,
            batch_size=BATCH,
        )
        before = Enrolment.objects.filter(cohort__organisation=organisation).count()
        Enrolment.objects.bulk_create(
            [
                Enrolment(cohort=cohorts[row.cohort], user=existing[row.email.lower()])
                for row in rows
                if row.email.lower() not in foreign
            ],
            ignore_conflicts=True,
            batch_size=BATCH,
        )
        after = Enrolment.objects.filter(cohort__organisation=organisation).count()
        invitations = _invite(
            rows=[row for row in rows if row.email.lower() in foreign],
            users={key: existing[key] for key in foreign},
            cohorts=cohorts,
            invited_by=invited_by,
        )
        # Queued in the same transaction as the rows they announce: with the
        # database task backend, either both are stored or neither is.
        queue_account_emails(
            organisation=organisation, user_ids=[u.pk for u in created], site_url=site_url
        )
        queue_invitation_emails(invitation_ids=[i.pk for i in invitations], site_url=site_url)
    return EnrolmentOutcome(
        created_accounts=len(created),
        new_enrolments=after - before,
        rows=len(rows),
        invitations=len(invitations),
        invited_people=len({i.user_id for i in invitations}),
        addresses=len(keys),
    )


def _invite(
    *,
    rows: Sequence[EnrolmentRow],
    users: dict[str, User],
    cohorts: dict[str, Cohort],
    invited_by: User | None,
) -> list[Invitation]:
    """Pending invitations for ``rows`` that have none yet (and are not enrolled)."""
    if not rows:
        return []
    user_ids = [user.pk for user in users.values()]
    cohort_ids = [cohort.pk for cohort in cohorts.values()]
    pending = set(
        Invitation.objects.filter(
            user_id__in=user_ids,
            cohort_id__in=cohort_ids,
            accepted_at__isnull=True,
            declined_at__isnull=True,
        ).values_list("cohort_id", "user_id")
    )
    pending |= set(
        Enrolment.objects.filter(user_id__in=user_ids, cohort_id__in=cohort_ids).values_list(
            "cohort_id", "user_id"
        )
    )
    invitations: list[Invitation] = []
    for row in rows:
        cohort, user = cohorts[row.cohort], users[row.email.lower()]
        if (cohort.pk, user.pk) in pending:
            continue
        pending.add((cohort.pk, user.pk))
        invitations.append(
            Invitation(
                cohort=cohort,
                user=user,
                email=row.email,
                first_name=row.first_name,
                last_name=row.last_name,
                token=secrets.token_urlsafe(32),
                invited_by=invited_by,
            )
        )
    return Invitation.objects.bulk_create(invitations, batch_size=BATCH)


def enrol_csv(
    *,
    organisation: Organisation,
    data: bytes,
    site_url: str,
    cohort: Cohort | None = None,
    invited_by: User | None = None,
) -> EnrolmentOutcome:
    """Check the whole file first; any bad row means nothing is created.

    With ``cohort`` (uploading on that cohort's page) the file needs no
    cohort column; rows that name none go to ``cohort``.
    """
    parsed = parse_enrolment_csv(
        data,
        known_cohorts=list(organisation.cohorts.values_list("name", flat=True)),
        default_cohort=cohort.name if cohort is not None else None,
    )
    if not parsed.ok:
        return EnrolmentOutcome(0, 0, len(parsed.rows), tuple(parsed.errors))
    return enrol_rows(
        organisation=organisation, rows=parsed.rows, site_url=site_url, invited_by=invited_by
    )


def enrol_by_email(
    *,
    cohort: Cohort,
    email: str,
    first_name: str = "",
    last_name: str = "",
    site_url: str,
    invited_by: User | None = None,
) -> EnrolmentOutcome:
    try:
        validate_email(email.strip())
    except ValidationError as error:
        raise ValidationError({"email": gettext("Enter a valid e-mail address.")}) from error
    row = EnrolmentRow(
        line=1,
        email=_normalise_email(email),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        cohort=cohort.name,
    )
    return enrol_rows(
        organisation=cohort.organisation, rows=[row], site_url=site_url, invited_by=invited_by
    )


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
        raise ValidationError({"quiz": gettext("That quiz belongs to another organisation.")})
    if quiz.briefing.status != Briefing.Status.PUBLISHED:
        raise ValidationError({"quiz": gettext("Publish the briefing before assigning its quiz.")})
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


# ---------------------------------------------------------------------------
# E-mails, sent by tasks (cohorts/tasks.py) outside the request


def queue_account_emails(
    *, organisation: Organisation, user_ids: Sequence[int], site_url: str, resend: bool = False
) -> int:
    """Queue the set-password e-mails of new accounts, in batches; returns the tasks queued."""
    from cohorts import tasks

    queued = 0
    for chunk in _chunks(list(user_ids), EMAIL_BATCH):
        tasks.send_account_emails.enqueue(
            organisation_id=organisation.pk,
            user_ids=list(chunk),
            site_url=site_url,
            resend=resend,
            language=translation.get_language() or "",
        )
        queued += 1
    return queued


def queue_invitation_emails(
    *, invitation_ids: Sequence[int], site_url: str, resend: bool = False
) -> int:
    """Queue the e-mails of new invitations, in batches; returns the tasks queued."""
    from cohorts import tasks

    queued = 0
    for chunk in _chunks(list(invitation_ids), EMAIL_BATCH):
        tasks.send_invitation_emails.enqueue(
            invitation_ids=list(chunk),
            site_url=site_url,
            resend=resend,
            language=translation.get_language() or "",
        )
        queued += 1
    return queued


def deliver_account_emails(
    *, organisation_id: int, user_ids: Sequence[int], site_url: str, resend: bool = False
) -> int:
    """Send the set-password e-mails not sent yet (all of them with ``resend``).

    Each membership is marked sent in the transaction that sends it, so a
    retried task skips what already went; a send that fails marks nothing
    and raises for the task to retry.
    """
    with transaction.atomic():
        memberships = Membership.objects.select_for_update().filter(
            organisation_id=organisation_id, user_id__in=user_ids
        )
        if not resend:
            memberships = memberships.filter(invitation_sent_at__isnull=True)
        pending = list(memberships.select_related("user").order_by("pk"))
        sent = send_set_password_emails([m.user for m in pending], site_url=site_url)
        Membership.objects.filter(pk__in=[m.pk for m in pending]).update(
            invitation_sent_at=timezone.now()
        )
    return sent


def deliver_invitation_emails(
    *, invitation_ids: Sequence[int], site_url: str, resend: bool = False
) -> int:
    """Send the pending invitations' e-mails not sent yet (all of them with ``resend``)."""
    with transaction.atomic():
        invitations = Invitation.objects.select_for_update().filter(
            pk__in=invitation_ids, accepted_at__isnull=True, declined_at__isnull=True
        )
        if not resend:
            invitations = invitations.filter(sent_at__isnull=True)
        pending = list(invitations.select_related("cohort__organisation").order_by("pk"))
        sent = send_invitation_emails(pending, site_url=site_url)
        Invitation.objects.filter(pk__in=[i.pk for i in pending]).update(sent_at=timezone.now())
    return sent


def resend_unsent_emails(*, cohort: Cohort, site_url: str) -> int:
    """Queue again every e-mail of the cohort's people that has not gone out.

    For sends that failed after their retries: new accounts never signed in
    whose set-password e-mail is unsent, and pending invitations unsent.
    Returns the number of people concerned.
    """
    user_ids = list(
        Membership.objects.filter(
            organisation_id=cohort.organisation_id,
            invitation_sent_at__isnull=True,
            user__enrolments__cohort=cohort,
            user__last_login__isnull=True,
            user__password__startswith=UNUSABLE_PASSWORD_PREFIX,
        ).values_list("user_id", flat=True)
    )
    invitation_ids = list(
        cohort.invitations.filter(
            sent_at__isnull=True, accepted_at__isnull=True, declined_at__isnull=True
        ).values_list("pk", flat=True)
    )
    with transaction.atomic():
        queue_account_emails(organisation=cohort.organisation, user_ids=user_ids, site_url=site_url)
        queue_invitation_emails(invitation_ids=invitation_ids, site_url=site_url)
    return len(user_ids) + len(invitation_ids)


# ---------------------------------------------------------------------------
# Enrolment files, read and enrolled by a task


def start_enrolment_upload(
    *,
    cohort: Cohort,
    data: bytes,
    site_url: str,
    filename: str = "",
    uploaded_by: User | None = None,
) -> EnrolmentUpload:
    """Store the file and queue its enrolment; the same file still waiting or
    running for the cohort is not queued twice."""
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        running = (
            EnrolmentUpload.objects.select_for_update()
            .filter(
                cohort=cohort,
                sha256=digest,
                status__in=[EnrolmentUpload.Status.QUEUED, EnrolmentUpload.Status.RUNNING],
            )
            .first()
        )
        if running is not None:
            return running
        upload = EnrolmentUpload(
            cohort=cohort,
            uploaded_by=uploaded_by,
            filename=filename[:255],
            data=data,
            sha256=digest,
            site_url=site_url,
            language=translation.get_language() or "",
        )
        upload.full_clean(exclude=["data"])
        upload.save()
        from cohorts import tasks

        tasks.enrol_upload.enqueue(upload_id=upload.pk)
    return upload


def run_enrolment_upload(*, upload_id: int) -> EnrolmentUpload:
    """Check the whole file, then enrol it a chunk at a time, saving progress.

    Any bad row means nothing is enrolled, and every problem is stored with
    its line, in the language of the instructor who uploaded the file. Each
    chunk commits on its own, and enrolling a row again changes nothing, so a
    task that stops half-way can simply run again.
    """
    upload = EnrolmentUpload.objects.select_related("cohort__organisation").get(pk=upload_id)
    with translation.override(upload.language or None):
        return _run_enrolment_upload(upload)


def _run_enrolment_upload(upload: EnrolmentUpload) -> EnrolmentUpload:
    if upload.status in (EnrolmentUpload.Status.DONE, EnrolmentUpload.Status.FAILED):
        return upload
    cohort = upload.cohort
    organisation = cohort.organisation
    parsed = parse_enrolment_csv(
        bytes(upload.data),
        known_cohorts=list(organisation.cohorts.values_list("name", flat=True)),
        default_cohort=cohort.name,
    )
    if not parsed.ok:
        upload.status = EnrolmentUpload.Status.FAILED
        upload.problems = [[error.line, error.reason] for error in parsed.errors]
        upload.finished_at = timezone.now()
        upload.data = b""
        upload.save(update_fields=["status", "problems", "finished_at", "data"])
        return upload
    upload.status = EnrolmentUpload.Status.RUNNING
    upload.rows_total = len(parsed.rows)
    upload.rows_done = 0
    upload.addresses = len({row.email.lower() for row in parsed.rows})
    upload.save(update_fields=["status", "rows_total", "rows_done", "addresses"])
    emails = 0
    for chunk in _chunks(parsed.rows, UPLOAD_CHUNK):
        with transaction.atomic():
            outcome = enrol_rows(
                organisation=organisation,
                rows=chunk,
                site_url=upload.site_url,
                invited_by=upload.uploaded_by,
            )
            emails += outcome.emails_sent
            upload.rows_done += len(chunk)
            upload.emails_queued = emails
            upload.save(update_fields=["rows_done", "emails_queued"])
    upload.status = EnrolmentUpload.Status.DONE
    upload.finished_at = timezone.now()
    upload.data = b""
    upload.save(update_fields=["status", "finished_at", "data"])
    return upload


def upload_message(upload: EnrolmentUpload) -> str:
    """The finished upload in the words of ``EnrolmentOutcome.message``."""
    return EnrolmentOutcome(
        created_accounts=upload.emails_queued,
        new_enrolments=0,
        rows=upload.rows_total,
        addresses=upload.addresses,
    ).message()


# ---------------------------------------------------------------------------
# Invitations


def accept_invitation(*, invitation: Invitation, user: User) -> Enrolment:
    """The invited person joins the organisation as a trainee and the cohort.

    Their attempts taken under other organisations stay invisible here:
    reports read only attempts taken under this organisation's assignments.
    """
    if invitation.user_id != user.pk or not invitation.is_pending:
        raise ValidationError(gettext("This invitation is not open to you."))
    with transaction.atomic():
        Membership.objects.get_or_create(
            organisation_id=invitation.cohort.organisation_id,
            user=user,
            defaults={"role": Membership.Role.TRAINEE},
        )
        enrolment, _ = Enrolment.objects.get_or_create(cohort=invitation.cohort, user=user)
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return enrolment


def decline_invitation(*, invitation: Invitation, user: User) -> None:
    if invitation.user_id != user.pk or not invitation.is_pending:
        raise ValidationError(gettext("This invitation is not open to you."))
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])


def _pending_invitation(cohort: Cohort, email: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("cohort__organisation")
        .filter(
            cohort=cohort,
            email__iexact=email.strip(),
            accepted_at__isnull=True,
            declined_at__isnull=True,
        )
        .first()
    )


def _unconfirmed_enrolment(cohort: Cohort, email: str) -> Enrolment | None:
    """An enrolment whose account has never signed in (made by enrolment)."""
    return (
        Enrolment.objects.select_related("user")
        .filter(
            cohort=cohort,
            user__email__iexact=email.strip(),
            user__last_login__isnull=True,
            # An unusable password: the account was made by enrolment.
            user__password__startswith=UNUSABLE_PASSWORD_PREFIX,
        )
        .first()
    )


def resend_invitation(*, cohort: Cohort, email: str, site_url: str) -> int:
    """Queue another e-mail to whoever at ``email`` has not yet taken up their place.

    A pending invitation gets its invitation again; a new account that never
    signed in gets a fresh set-password link. Either way one e-mail, so the
    instructor cannot tell which it was. Returns the number queued.
    """
    invitation = _pending_invitation(cohort, email)
    if invitation is not None:
        queue_invitation_emails(invitation_ids=[invitation.pk], site_url=site_url, resend=True)
        return 1
    enrolment = _unconfirmed_enrolment(cohort, email)
    if enrolment is not None:
        queue_account_emails(
            organisation=cohort.organisation,
            user_ids=[enrolment.user_id],
            site_url=site_url,
            resend=True,
        )
        return 1
    return 0


def remove_from_cohort(*, cohort: Cohort, email: str) -> bool:
    """Unenrol the trainee at ``email`` or withdraw their pending invitation.

    The account, its membership and its attempts stay; only the place in the
    cohort goes. True when something was removed.
    """
    with transaction.atomic():
        withdrawn, _ = Invitation.objects.filter(
            cohort=cohort,
            email__iexact=email.strip(),
            accepted_at__isnull=True,
            declined_at__isnull=True,
        ).delete()
        unenrolled, _ = Enrolment.objects.filter(
            cohort=cohort, user__email__iexact=email.strip()
        ).delete()
    return bool(withdrawn or unenrolled)


# ---------------------------------------------------------------------------
# Instructor adjustments for one trainee


def grant_extra_attempts(
    *, assignment: Assignment, user: User, extra: int, granted_by: User
) -> AttemptAllowance:
    """Add ``extra`` attempts on the assignment's quiz beyond the quiz's limit."""
    if extra < 1 or extra > 20:
        raise ValidationError({"extra_attempts": gettext("Grant between 1 and 20 attempts.")})
    with transaction.atomic():
        allowance, created = AttemptAllowance.objects.select_for_update().get_or_create(
            user=user,
            quiz_id=assignment.quiz_id,
            defaults={"extra_attempts": extra, "granted_by": granted_by},
        )
        if not created:
            allowance.extra_attempts += extra
            allowance.granted_by = granted_by
            allowance.full_clean()
            allowance.save()
    return allowance


def set_extra_time(
    *, assignment: Assignment, user: User, multiplier: Decimal
) -> TimeAccommodation | None:
    """Time limits on the assignment's quiz multiplied for this trainee; 1 removes it."""
    with transaction.atomic():
        if multiplier == 1:
            TimeAccommodation.objects.filter(user=user, quiz_id=assignment.quiz_id).delete()
            return None
        accommodation = TimeAccommodation.objects.filter(
            user=user, quiz_id=assignment.quiz_id
        ).first() or TimeAccommodation(user=user, quiz_id=assignment.quiz_id)
        accommodation.multiplier = multiplier
        accommodation.full_clean()
        accommodation.save()
    return accommodation


def override_grade(
    *, assignment: Assignment, user: User, percent: int, reason: str, created_by: User
) -> GradeOverride:
    """Record the instructor's grade; the reason and who gave it are kept."""
    reason = reason.strip()
    errors = {}
    if not reason:
        errors["reason"] = gettext("Say why the grade is overridden.")
    if not 0 <= percent <= 100:
        errors["percent"] = gettext("Give a percentage from 0 to 100.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        override = GradeOverride.objects.filter(assignment=assignment, user=user).first()
        override = override or GradeOverride(assignment=assignment, user=user)
        override.percent, override.reason, override.created_by = percent, reason, created_by
        override.full_clean()
        override.save()
    return override


def remove_grade_override(*, assignment: Assignment, user: User) -> bool:
    deleted, _ = GradeOverride.objects.filter(assignment=assignment, user=user).delete()
    return bool(deleted)
