"""Browser tests for My learning and the quiz cards on the briefing page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from quizzes.models import Attempt, Quiz
from tests.e2e.conftest import SCREENSHOTS, axe_violations, screenshot
from tests.factories import BriefingFactory, OrganisationFactory, UserFactory
from tests.quizzes.quiz_world import (
    add_quiz,
    approve_bank,
    assign,
    cohort_in,
    default_quiz,
    enrol,
    finished_attempt,
)

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = date.today()
PHONE_WIDTH = 390


@pytest.fixture
def learner(seed_briefing):
    """A trainee of two organisations with several quizzes and attempts."""
    north = OrganisationFactory(name="Northwind Training")
    south = OrganisationFactory(name="Southgate Academy")
    seed_briefing.organisation = north
    seed_briefing.save()
    approve_bank(seed_briefing)
    user = UserFactory()
    spring = cohort_in(north, name="Spring intake for regional correspondents")
    evening = cohort_in(south, name="Evening class")
    enrol(user, spring)
    enrol(user, evening)

    practice = default_quiz(seed_briefing, mode=Quiz.Mode.PRACTICE, title="Warm-up practice")
    assign(practice, spring)
    timed = add_quiz(seed_briefing, "Timed assessment", time_limit_minutes=20, attempts_allowed=5)
    assign(timed, spring, due_on=TODAY + timedelta(days=4))
    late = add_quiz(
        seed_briefing,
        "Afghanistan–Tajikistan border security: a very long assessment title that must wrap",
    )
    assign(late, spring, due_on=TODAY - timedelta(days=2))
    for number, score in enumerate((0.2, 0.55, 0.85), start=1):
        finished_attempt(user, timed, number=number, score=score, minutes=7 + number)
    finished_attempt(user, practice, number=1, score=0.4, minutes=3)

    other = BriefingFactory(organisation=south, title="A second briefing from another organisation")
    south_quiz = add_quiz(other, "Southgate checkpoint")
    assign(south_quiz, evening, opens_on=TODAY + timedelta(days=3))
    return user


def test_my_learning_fits_a_phone_and_passes_axe(context_factory, learner):
    page = context_factory(user=learner, mobile=True).new_page()
    page.goto("/quizzes/learning/")
    expect(page.get_by_role("heading", name="Timed assessment")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    assert axe_violations(page) == []
    screenshot(page, "my-learning-phone")


def test_my_learning_passes_axe_on_a_desktop(context_factory, learner):
    page = context_factory(user=learner).new_page()
    page.goto("/quizzes/learning/")
    assert axe_violations(page) == []
    screenshot(page, "my-learning-desktop")


@pytest.mark.parametrize("mobile", [False, True], ids=["desktop", "phone"])
def test_the_briefing_page_with_several_quizzes_passes_axe(
    context_factory, learner, seed_briefing, mobile
):
    page = context_factory(user=learner, mobile=mobile).new_page()
    page.goto(seed_briefing.get_absolute_url())
    expect(page.get_by_role("heading", name="3 quizzes on this briefing")).to_be_visible()
    page.get_by_text("Your attempts (3)").click()
    assert axe_violations(page) == []
    if mobile:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    name = f"briefing-quizzes-{'phone' if mobile else 'desktop'}"
    screenshot(page, name)
    page.locator(".briefing-quizzes").screenshot(path=str(SCREENSHOTS / f"{name}-section.png"))


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_trainee_starts_a_chosen_quiz_and_finds_its_results_again(
    context_factory, learner, javascript
):
    page = context_factory(user=learner, javascript=javascript).new_page()
    page.goto("/quizzes/learning/")
    card = page.get_by_role("article", name="Timed assessment")
    card.get_by_role("button", name="Start quiz").click()
    expect(page.locator("#question-heading")).to_be_visible()
    attempt = Attempt.objects.get(user=learner, finished_at__isnull=True)
    assert attempt.quiz.title == "Timed assessment"
    assert attempt.number == 4

    page.goto("/quizzes/learning/")
    card = page.get_by_role("article", name="Timed assessment")
    expect(card.get_by_text("In progress")).to_be_visible()
    card.get_by_role("link", name="Review of attempt 2").click()
    expect(page.get_by_role("heading", name="Results", exact=True)).to_be_visible()
    expect(page.get_by_text("55%").first).to_be_visible()
