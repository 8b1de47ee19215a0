"""Who belongs where: the scoping every page and admin list goes through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from cohorts.models import Assignment, Cohort, Enrolment, Membership, Organisation

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


def enrolments_of(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Enrolment]:
    if not user.is_authenticated:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(user_id=user.pk)


@dataclass(frozen=True, slots=True)
class DueDate:
    briefing_id: int
    cohort: str
    due: date | None
    pass_mark: int


def due_dates_for(user: AbstractBaseUser | AnonymousUser) -> dict[int, DueDate]:
    """For each assigned briefing, the trainee's earliest due date (two queries)."""
    enrolled_on = dict(enrolments_of(user).values_list("cohort_id", "enrolled_on"))
    result: dict[int, DueDate] = {}
    assignments = Assignment.objects.filter(cohort_id__in=list(enrolled_on)).select_related(
        "cohort", "quiz"
    )
    for assignment in assignments:
        due = assignment.due_for(enrolled_on[assignment.cohort_id])
        briefing_id = assignment.quiz.briefing_id
        known = result.get(briefing_id)
        if known is None or (due is not None and (known.due is None or due < known.due)):
            result[briefing_id] = DueDate(
                briefing_id, assignment.cohort.name, due, assignment.required_pass_mark()
            )
    return result
