"""Who is in which cohort, and which cohorts a user teaches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils import timezone

from cohorts.models import (
    Assignment,
    Cohort,
    Enrolment,
    EnrolmentUpload,
    Invitation,
)
from organisations.models import Membership
from organisations.selectors import is_platform_superuser, taught_organisations

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def taught_cohorts(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Cohort]:
    if is_platform_superuser(user):
        return Cohort.objects.select_related("organisation")
    return Cohort.objects.filter(organisation__in=taught_organisations(user)).select_related(
        "organisation"
    )


def trainee_assignments(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Assignment]:
    """Assignments of the cohorts the user is enrolled in."""
    if not user.is_authenticated:
        return Assignment.objects.none()
    return Assignment.objects.filter(cohort__enrolments__user_id=user.pk).select_related(
        "cohort", "quiz", "quiz__briefing"
    )


def pending_invitations_for(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Invitation]:
    """Places the user has been offered and has neither accepted nor declined."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(
            user_id=user.pk, accepted_at__isnull=True, declined_at__isnull=True
        )
        .select_related("cohort", "cohort__organisation")
        .order_by("created_at")
    )


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One person on a cohort's roster, as the instructor may see them.

    A new account that never signed in and a pending invitation both read
    "Invited", with the names and address the instructor gave, so the roster
    does not tell whether an address already had an account elsewhere.
    """

    email: str
    name: str
    since: date
    invited: bool
    user_id: int | None  # only for trainees who have taken up their place
    #: False while the invitation or set-password e-mail has not gone out.
    email_sent: bool = True


def is_unconfirmed(enrolment: Enrolment) -> bool:
    """An account made by enrolment that has not signed in yet."""
    user = enrolment.user
    return user.last_login is None and not user.has_usable_password()


def cohort_roster(cohort: Cohort, *, query: str = "") -> list[RosterEntry]:
    """Enrolled trainees and pending invitations whose name or address contains
    ``query``, by address (two queries of plain values, at any cohort size)."""
    sent = Exists(
        Membership.objects.filter(
            organisation_id=cohort.organisation_id,
            user_id=OuterRef("user_id"),
            invitation_sent_at__isnull=False,
        )
    )
    unconfirmed = ExpressionWrapper(
        Q(user__last_login__isnull=True) & Q(user__password__startswith=UNUSABLE_PASSWORD_PREFIX),
        output_field=BooleanField(),
    )
    enrolments = cohort.enrolments.annotate(unconfirmed=unconfirmed, sent=sent)
    invitations = cohort.invitations.filter(accepted_at__isnull=True, declined_at__isnull=True)
    query = query.strip()
    if query:
        enrolments = enrolments.filter(
            Q(user__email__icontains=query)
            | Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
        )
        invitations = invitations.filter(
            Q(email__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    entries = []
    for user_id, first, last, email, since, invited, email_sent in enrolments.values_list(
        "user_id",
        "user__first_name",
        "user__last_name",
        "user__email",
        "enrolled_on",
        "unconfirmed",
        "sent",
    ):
        entries.append(
            RosterEntry(
                email=email,
                name=f"{first} {last}".strip() or email,
                since=since,
                invited=invited,
                user_id=None if invited else user_id,
                email_sent=email_sent or not invited,
            )
        )
    for first, last, email, created_at, sent_at in invitations.values_list(
        "first_name", "last_name", "email", "created_at", "sent_at"
    ):
        entries.append(
            RosterEntry(
                email=email,
                name=f"{first} {last}".strip() or email,
                since=timezone.localdate(created_at),
                invited=True,
                user_id=None,
                email_sent=sent_at is not None,
            )
        )
    return sorted(entries, key=lambda e: e.email.casefold())


def roster_entry(cohort: Cohort, email: str) -> RosterEntry | None:
    """The person at ``email`` (ignoring case) on the cohort's roster, if any."""
    email = email.strip()
    return next(
        (e for e in cohort_roster(cohort, query=email) if e.email.casefold() == email.casefold()),
        None,
    )


def unsent_email_count(cohort: Cohort) -> int:
    """People of the cohort whose invitation or set-password e-mail has not gone out."""
    accounts = Membership.objects.filter(
        organisation_id=cohort.organisation_id,
        invitation_sent_at__isnull=True,
        user__enrolments__cohort=cohort,
        user__last_login__isnull=True,
        user__password__startswith=UNUSABLE_PASSWORD_PREFIX,
    ).count()
    invitations = cohort.invitations.filter(
        sent_at__isnull=True, accepted_at__isnull=True, declined_at__isnull=True
    ).count()
    return accounts + invitations


def enrolment_uploads(cohort: Cohort, *, limit: int = 3) -> list[EnrolmentUpload]:
    """The cohort's latest enrolment files, newest first, without their contents."""
    return list(cohort.uploads.defer("data").order_by("-created_at", "-pk")[:limit])
