"""Shared quiz-test fixtures: two organisations, their seed briefing, a quiz and an attempt."""

from __future__ import annotations

import pytest

from quizzes import attempts
from quizzes.models import Question
from tests.factories import OrganisationFactory
from tests.quizzes.quiz_world import approve_bank, cohort_in


@pytest.fixture
def org_a():
    return OrganisationFactory(name="Northwind Training")


@pytest.fixture
def org_b():
    return OrganisationFactory(name="Southgate Academy")


@pytest.fixture
def briefing(seed_briefing, org_a):
    """The seed briefing, owned by organisation A, with its whole bank approved."""
    seed_briefing.organisation = org_a
    seed_briefing.save()
    approve_bank(seed_briefing)
    return seed_briefing


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
