"""Who is in which cohort, and which cohorts a user teaches."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, overload

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Lower
from django.utils import timezone

from cohorts.models import (
    Assignment,
    Cohort,
    Enrolment,
    EnrolmentUpload,
    Invitation,
)
from config.prepared import PreparedQuery
from organisations.models import Membership
from organisations.selectors import is_platform_superuser, taught_organisations
from quizzes.assignments import Assigned

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User


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


def assigned_briefings(user: AbstractBaseUser | AnonymousUser) -> Q:
    """Briefings with a quiz assigned to a cohort ``user`` is enrolled in, as a
    condition on briefings (registered with ``briefings.access``)."""
    return Q(quizzes__assignments__cohort__enrolments__user_id=user.pk)


def _assignments_with_enrolment(user_id: int) -> QuerySet[Assignment]:
    from django.contrib.auth.models import User

    return (
        trainee_assignments(User(pk=user_id))
        .select_related(None)
        .select_related("cohort")
        # The enrolment that matched the filter above: each trainee's own due date.
        .annotate(enrolled_on=F("cohort__enrolments__enrolled_on"))
        .order_by("pk")
    )


# Every page that decides whether a trainee may start a quiz reads these:
# built once per connection (see config.prepared).
_assignments_of = PreparedQuery(_assignments_with_enrolment, user_id=int)


def quiz_assignments(user: User, quiz_ids: list[int] | None) -> list[Assigned]:
    """The user's assignments as the quizzes app's access rule reads them, in one query.

    Registered with ``quizzes.assignments`` in ``CohortsConfig.ready``.
    """
    if not user.is_authenticated:
        return []
    wanted = None if quiz_ids is None else set(quiz_ids)
    return [
        Assigned(
            quiz_id=assignment.quiz_id,
            organisation_id=assignment.cohort.organisation_id,
            cohort=assignment.cohort.name,
            opens_on=assignment.opens_on,
            due=assignment.due_for(assignment.enrolled_on),  # type: ignore[attr-defined]
            pass_mark=assignment.pass_mark,
            pk=assignment.pk,
        )
        for assignment in _assignments_of.all(user_id=user.pk)
        if wanted is None or assignment.quiz_id in wanted
    ]


def pending_invitations_for(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Invitation]:
    """Places the user has been offered and has neither accepted nor declined."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    return _pending_invitations(user.pk)


def _pending_invitations(user_id: int) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(
            user_id=user_id, accepted_at__isnull=True, declined_at__isnull=True
        )
        .select_related("cohort", "cohort__organisation")
        .order_by("created_at")
    )


# On My learning: built once per connection (see config.prepared).
_pending_invitations_of = PreparedQuery(_pending_invitations, user_id=int)


def pending_invitation_list(user: AbstractBaseUser | AnonymousUser) -> list[Invitation]:
    """My learning's invitations (registered with ``quizzes.page_parts``)."""
    if not user.is_authenticated:
        return []
    return _pending_invitations_of.all(user_id=user.pk)


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


def _roster_querysets(
    cohort: Cohort, *, query: str = "", email: str = ""
) -> tuple[QuerySet[Enrolment], QuerySet[Invitation]]:
    """The cohort's enrolments and pending invitations whose name or address
    contains ``query`` (and whose address is ``email``, ignoring case, if given)."""
    enrolments = cohort.enrolments.all()
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
    if email:
        enrolments = enrolments.filter(user__email__iexact=email)
        invitations = invitations.filter(email__iexact=email)
    return enrolments, invitations


class Roster:
    """A cohort's roster (trainees and pending invitations) by address, read a
    slice at a time: a paginator counts it in one query and reads a page in at
    most three, whatever the cohort's size.

    The database sorts by the lower-cased address, then trainees before
    invitations; on SQLite ``LOWER`` folds ASCII letters only, so an address
    with other capitals sorts by its code points.
    """

    def __init__(self, cohort: Cohort, *, query: str = "", email: str = "") -> None:
        self.enrolments, self.invitations = _roster_querysets(cohort, query=query, email=email)
        self.organisation_id = cohort.organisation_id

    def count(self) -> int:
        return (
            self.enrolments.order_by()
            .values("pk")
            .union(self.invitations.order_by().values("pk"), all=True)
            .count()
        )

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[RosterEntry]:
        return iter(self[:])

    @overload
    def __getitem__(self, index: int) -> RosterEntry: ...
    @overload
    def __getitem__(self, index: slice) -> list[RosterEntry]: ...
    def __getitem__(self, index: int | slice) -> RosterEntry | list[RosterEntry]:
        if isinstance(index, int):
            position = index if index >= 0 else len(self) + index
            found = self[position : position + 1] if position >= 0 else []
            if not found:
                raise IndexError(index)
            return found[0]
        if index.step not in (None, 1):
            raise ValueError("A roster is read in slices of consecutive people.")
        keys = (
            self.enrolments.order_by()
            .annotate(sort_email=Lower("user__email"), kind=Value(0))
            .values_list("sort_email", "kind", "pk")
            .union(
                self.invitations.order_by()
                .annotate(sort_email=Lower("email"), kind=Value(1))
                .values_list("sort_email", "kind", "pk"),
                all=True,
            )
            .order_by("sort_email", "kind", "pk")
        )
        page = list(keys[index.start : index.stop])
        return self._entries([(kind, pk) for _, kind, pk in page])

    def _entries(self, keys: list[tuple[int, int]]) -> list[RosterEntry]:
        """The people at ``keys`` ((0, enrolment id) or (1, invitation id)), in that order."""
        sent = Exists(
            Membership.objects.filter(
                organisation_id=self.organisation_id,
                user_id=OuterRef("user_id"),
                invitation_sent_at__isnull=False,
            )
        )
        unconfirmed = ExpressionWrapper(
            Q(user__last_login__isnull=True)
            & Q(user__password__startswith=UNUSABLE_PASSWORD_PREFIX),
            output_field=BooleanField(),
        )
        found: dict[tuple[int, int], RosterEntry] = {}
        enrolments = self.enrolments.filter(pk__in=[pk for kind, pk in keys if kind == 0])
        rows = enrolments.annotate(unconfirmed=unconfirmed, sent=sent).values_list(
            "pk",
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__email",
            "enrolled_on",
            "unconfirmed",
            "sent",
        )
        for pk, user_id, first, last, email, since, invited, email_sent in rows:
            found[0, pk] = RosterEntry(
                email=email,
                name=f"{first} {last}".strip() or email,
                since=since,
                invited=invited,
                user_id=None if invited else user_id,
                email_sent=email_sent or not invited,
            )
        invitations = self.invitations.filter(pk__in=[pk for kind, pk in keys if kind == 1])
        for pk, first, last, email, created_at, sent_at in invitations.values_list(
            "pk", "first_name", "last_name", "email", "created_at", "sent_at"
        ):
            found[1, pk] = RosterEntry(
                email=email,
                name=f"{first} {last}".strip() or email,
                since=timezone.localdate(created_at),
                invited=True,
                user_id=None,
                email_sent=sent_at is not None,
            )
        return [found[key] for key in keys]


def cohort_roster(cohort: Cohort, *, query: str = "") -> Roster:
    """Enrolled trainees and pending invitations whose name or address contains
    ``query``, by address, read from the database a page at a time."""
    return Roster(cohort, query=query)


def roster_entry(cohort: Cohort, email: str) -> RosterEntry | None:
    """The person at ``email`` (ignoring case) on the cohort's roster, if any."""
    email = email.strip()
    found = Roster(cohort, email=email)[:1] if email else []
    return found[0] if found else None


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
