"""Builders for tests with several quizzes, cohorts and organisations."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from cohorts.models import Assignment, Enrolment
from organisations.models import Membership
from quizzes.models import Attempt, Question, Quiz
from tests.factories import CohortFactory, OrganisationFactory


def approve_bank(briefing) -> None:
    briefing.questions.update(status=Question.Status.APPROVED)


def add_quiz(briefing, title: str, **fields) -> Quiz:
    fields.setdefault("mode", Quiz.Mode.ASSESSMENT)
    fields.setdefault("question_count", 3)
    return Quiz.objects.create(briefing=briefing, title=title, **fields)


def default_quiz(briefing, **fields) -> Quiz:
    quiz = briefing.quizzes.get(is_default=True)
    for name, value in fields.items():
        setattr(quiz, name, value)
    quiz.question_count = 3
    quiz.save()
    return quiz


def cohort_in(organisation=None, **fields):
    return CohortFactory(organisation=organisation or OrganisationFactory(), **fields)


def enrol(user, cohort, *, enrolled_on: date | None = None) -> Enrolment:
    Membership.objects.get_or_create(organisation=cohort.organisation, user=user)
    enrolment, _ = Enrolment.objects.get_or_create(cohort=cohort, user=user)
    if enrolled_on is not None:
        enrolment.enrolled_on = enrolled_on
        enrolment.save()
    return enrolment


def assign(quiz, cohort, **fields) -> Assignment:
    fields.setdefault("opens_on", date.today())
    return Assignment.objects.create(quiz=quiz, cohort=cohort, **fields)


def finished_attempt(
    user,
    quiz,
    *,
    number: int,
    score: float,
    minutes: float = 5,
    days_ago: int = 0,
    organisation=None,
) -> Attempt:
    """A finished attempt as the database keeps it, with a known score and duration."""
    finished = timezone.now() - timedelta(days=days_ago)
    return Attempt.objects.create(
        user=user,
        quiz=quiz,
        organisation=organisation,
        number=number,
        started_at=finished - timedelta(minutes=minutes),
        finished_at=finished,
        score=score,
        passed=score * 100 >= quiz.pass_mark,
    )
