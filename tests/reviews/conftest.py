"""A trainee with the seed briefing assigned, and attempts submitted the way a trainee does."""

from __future__ import annotations

import pytest

from quizzes import attempts
from quizzes.models import Attempt, Question, Quiz, Response
from tests.factories import MembershipFactory, UserFactory
from tests.quizzes.quiz_world import assign, cohort_in, enrol


@pytest.fixture
def quiz(briefing) -> Quiz:
    """An assessment of twelve questions drawn from the whole approved bank."""
    quiz = briefing.quizzes.get(is_default=True)
    quiz.question_count = 12
    quiz.mode = Quiz.Mode.ASSESSMENT
    quiz.attempts_allowed = 0
    quiz.save()
    return quiz


@pytest.fixture
def cohort_a(org_a, quiz):
    cohort = cohort_in(org_a, name="Spring intake")
    assign(quiz, cohort)
    return cohort


@pytest.fixture
def learner(cohort_a):
    user = UserFactory(username="rosa", first_name="Rosa", last_name="Diaz")
    enrol(user, cohort_a)
    return user


@pytest.fixture
def classmate(cohort_a):
    user = UserFactory(username="sam", first_name="Sam", last_name="Okafor")
    enrol(user, cohort_a)
    return user


@pytest.fixture
def instructor_a(org_a):
    user = UserFactory(username="ines", is_staff=True)
    MembershipFactory(organisation=org_a, user=user, role="instructor")
    return user


@pytest.fixture
def instructor_b(org_b):
    user = UserFactory(username="bruno", is_staff=True)
    MembershipFactory(organisation=org_b, user=user, role="instructor")
    cohort_in(org_b, name="Evening class")
    return user


def wrong_answer(response: Response) -> list[str] | None:
    """An answer the grader marks wrong, for the kinds where one is easy to give."""
    if response.question.kind in (Question.Kind.SINGLE_CHOICE, Question.Kind.TRUE_FALSE):
        key = {str(k) for k in response.answer_key}
        return next(([str(o)] for o in response.option_order if str(o) not in key), None)
    if response.question.kind == Question.Kind.CLOZE:
        return ["zebra crossing"]
    return None


def right_answer(response: Response) -> list[str]:
    if response.question.kind == Question.Kind.CLOZE:
        return [str(response.answer_key[0])]
    return [str(k) for k in response.answer_key]


def take_quiz(user, quiz: Quiz, *, wrong: int, organisation_id=None) -> tuple[Attempt, set[int]]:
    """Start an attempt, answer ``wrong`` questions wrongly and the rest rightly.

    Returns the open attempt and the ids of the questions answered wrongly;
    the caller submits it (through the page or the service).
    """
    attempt = attempts.start_attempt(user=user, quiz=quiz, organisation_id=organisation_id)
    missed: set[int] = set()
    for response in attempt.responses.select_related("question").order_by("position"):
        answer = wrong_answer(response) if len(missed) < wrong else None
        if answer is not None:
            missed.add(response.question_id)
        else:
            answer = right_answer(response)
        attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
    assert len(missed) == wrong, "the quiz drew too few questions that can be answered wrongly"
    return attempt, missed
