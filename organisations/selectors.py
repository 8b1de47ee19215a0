"""Which organisations a user belongs to and teaches: the scoping every app goes through."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from organisations.models import Membership, Organisation

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
