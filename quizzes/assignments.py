"""A trainee's assignments of quizzes, as the access rule reads them.

Cohorts assign quizzes to their trainees, and the cohorts app sits above
quizzes; so it registers the function that lists a user's assignments here
(``CohortsConfig.ready``) instead of quizzes reading its tables. With none
registered nobody has an assignment: only practice and staff preview remain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    type AssignmentSource = Callable[[User, list[int] | None], Iterable[Assigned]]


@dataclass(frozen=True, slots=True)
class Assigned:
    """A quiz assigned to a cohort the user is enrolled in."""

    quiz_id: int
    organisation_id: int
    cohort: str
    opens_on: date
    due: date | None  # this trainee's: a fixed date, or counted from their enrolment
    pass_mark: int | None  # None: the quiz's own pass mark
    pk: int


_sources: list[AssignmentSource] = []


def register_assignment_source(source: AssignmentSource) -> None:
    """Add ``source(user, quiz_ids)``: the user's assignments, of ``quiz_ids`` when not None."""
    if source not in _sources:
        _sources.append(source)


def assignments_of(user: User, quiz_ids: Iterable[int] | None = None) -> list[Assigned]:
    """The user's assignments, of the quizzes ``quiz_ids`` only when given."""
    ids = None if quiz_ids is None else list(quiz_ids)
    return [assigned for source in _sources for assigned in source(user, ids)]
