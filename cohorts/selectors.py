"""Who belongs where: the scoping every page and admin list goes through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone

from cohorts.models import Assignment, Cohort, Enrolment, Invitation, Membership, Organisation

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

STAFF_ROLES = (Membership.Role.INSTRUCTOR, Membership.Role.ADMIN)


def is_platform_superuser(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(getattr(user, "is_superuser", False))


def taught_organisations(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Organisation]:
    """Organisations where the user is an instructor or organisation admin."""
    if is_platform_superuser(user):
        return Organisation.objects.all()
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user_id=user.pk, memberships__role__in=STAFF_ROLES
    ).distinct()


def taught_organisation_ids(user: AbstractBaseUser | AnonymousUser) -> list[int]:
    return list(taught_organisations(user).values_list("pk", flat=True))


def teaches(user: AbstractBaseUser | AnonymousUser) -> bool:
    if is_platform_superuser(user):
        return True
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user_id=user.pk, role__in=STAFF_ROLES).exists()


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


def is_unconfirmed(enrolment: Enrolment) -> bool:
    """An account made by enrolment that has not signed in yet."""
    user = enrolment.user
    return user.last_login is None and not user.has_usable_password()


def cohort_roster(cohort: Cohort) -> list[RosterEntry]:
    """Enrolled trainees and pending invitations, by address (two queries)."""
    entries = []
    for enrolment in cohort.enrolments.select_related("user"):
        user = enrolment.user
        invited = is_unconfirmed(enrolment)
        entries.append(
            RosterEntry(
                email=user.email,
                name=user.get_full_name() or user.email,
                since=enrolment.enrolled_on,
                invited=invited,
                user_id=None if invited else user.pk,
            )
        )
    for invitation in cohort.invitations.filter(accepted_at__isnull=True, declined_at__isnull=True):
        name = f"{invitation.first_name} {invitation.last_name}".strip()
        entries.append(
            RosterEntry(
                email=invitation.email,
                name=name or invitation.email,
                since=timezone.localdate(invitation.created_at),
                invited=True,
                user_id=None,
            )
        )
    return sorted(entries, key=lambda e: e.email.casefold())
