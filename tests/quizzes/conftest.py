"""Shared quiz-test fixtures: two organisations, their seed briefing, a quiz and an attempt."""

from __future__ import annotations

import pytest

from quizzes import attempts
from quizzes.models import Question
from tests.quizzes.quiz_world import cohort_in


@pytest.fixture
def cohort_a(org_a):
    return cohort_in(org_a, name="Spring intake")


@pytest.fixture
def quiz(seed_briefing):
    """The seed's default quiz as a six-question assessment over the whole bank."""
    seed_briefing.questions.update(status=Question.Status.APPROVED)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count = 6
    quiz.mode = "assessment"
    quiz.save()
    return quiz


@pytest.fixture
def attempt(client, quiz, trainee):
    """An open attempt at ``quiz``, with the trainee signed in."""
    client.force_login(trainee)
    return attempts.start_attempt(user=trainee, quiz=quiz)
