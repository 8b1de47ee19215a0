"""The review page in Chromium: keys 1–4, focus after each rating, and axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizzes import attempts
from reviews.models import ReviewLog
from tests.e2e.conftest import axe_violations, screenshot
from tests.factories import OrganisationFactory, UserFactory
from tests.quizzes.quiz_world import approve_bank, assign, cohort_in, enrol
from tests.reviews.conftest import take_quiz

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reviewer(seed_briefing):
    """A trainee with the seed briefing's terms to learn and two facts missed in its quiz."""
    organisation = OrganisationFactory(name="Northwind Training")
    seed_briefing.organisation = organisation
    seed_briefing.save()
    approve_bank(seed_briefing)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count = 12
    quiz.save()
    cohort = cohort_in(organisation, name="Spring intake")
    assign(quiz, cohort)
    user = UserFactory(username="rosa", first_name="Rosa", last_name="Diaz")
    enrol(user, cohort)
    attempt, _missed = take_quiz(user, quiz, wrong=2)
    attempts.submit_attempt(attempt=attempt)
    return user


def test_a_trainee_rates_every_card_with_keys_one_to_four(context_factory, reviewer):
    page = context_factory(user=reviewer).new_page()
    page.goto("/reviews/")
    status = page.get_by_role("status")
    expect(status).to_contain_text("5 cards due")
    expect(page.get_by_text("Keys: 1 Again, 2 Hard, 3 Good, 4 Easy.")).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, "review-front")

    for number, (key, label) in enumerate(
        [("1", "Again"), ("2", "Hard"), ("3", "Good"), ("4", "Easy"), ("3", "Good")], start=1
    ):
        page.get_by_role("button", name="Show answer").focus()
        page.keyboard.press("Enter")
        expect(page.get_by_role("group", name="How well did you remember it?")).to_be_visible()
        expect(page.locator("#card")).to_be_focused()
        if number == 1:
            assert axe_violations(page) == []
            screenshot(page, "review-answer")
        page.keyboard.press(key)
        expect(page).to_have_url(re.compile(rf"rated={key}$"))
        expect(status).to_contain_text(f"Rated {label}.")
        expect(page.locator("#card")).to_be_focused()

    ratings = list(ReviewLog.objects.order_by("pk").values_list("rating", flat=True))
    assert ratings == [1, 2, 3, 4, 3]
    expect(page.get_by_role("heading", name="Nothing due")).to_be_visible()
    expect(page.locator("#card")).to_contain_text("Next card due on")
    assert axe_violations(page) == []
    screenshot(page, "review-nothing-due")


def test_a_key_pressed_twice_rates_the_card_once(context_factory, reviewer):
    page = context_factory(user=reviewer).new_page()
    page.goto("/reviews/")
    page.get_by_role("button", name="Show answer").click()
    # The page's script puts the focus on the card once its keys listen.
    expect(page.locator("#card")).to_be_focused()
    page.keyboard.press("3")
    page.keyboard.press("3")
    expect(page.get_by_role("status")).to_contain_text("Rated Good.")
    assert ReviewLog.objects.count() == 1


def test_the_review_page_fits_a_phone_and_passes_axe(context_factory, reviewer):
    page = context_factory(user=reviewer, mobile=True).new_page()
    page.goto("/reviews/")
    page.get_by_role("button", name="Show answer").click()
    expect(page.get_by_role("button", name="Easy")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []
    screenshot(page, "review-answer-phone")


def test_ratings_work_in_a_browser_without_javascript(context_factory, reviewer):
    page = context_factory(user=reviewer, javascript=False).new_page()
    page.goto("/reviews/")
    expect(page.get_by_text("Keys: 1 Again")).to_be_hidden()
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name="Good").click()
    expect(page.get_by_role("status")).to_contain_text("Rated Good. 4 cards due")
    assert list(ReviewLog.objects.values_list("rating", flat=True)) == [3]


def test_the_forgotten_terms_report_passes_axe(context_factory, reviewer, seed_briefing):
    from reviews import selectors, services
    from tests.factories import MembershipFactory

    card = selectors.next_card(reviewer)
    while card is not None and card.kind != "term":
        services.rate_card(user=reviewer, key=card.key, rating=3, reps_seen=card.reps)
        card = selectors.next_card(reviewer)
    services.rate_card(user=reviewer, key=card.key, rating=1, reps_seen=0)
    cohort = reviewer.enrolments.get().cohort
    instructor = UserFactory(username="ines", is_staff=True)
    MembershipFactory(organisation=cohort.organisation, user=instructor, role="instructor")
    page = context_factory(user=instructor).new_page()
    page.goto(f"/teach/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Terms most often forgotten").click()
    expect(page.get_by_role("row", name=re.compile(card.front))).to_contain_text("1")
    assert axe_violations(page) == []
    screenshot(page, "review-forgotten-terms")


@pytest.fixture
def returning_trainee(seed_briefing):
    """A trainee who, three days ago, missed seven facts in the quiz, then rated
    those and the briefing's three terms Good: every one is due again today."""
    from datetime import timedelta

    from django.utils import timezone

    from cohorts.models import Assignment
    from reviews import selectors, services
    from reviews.models import CardState

    three_days_ago = timezone.now() - timedelta(days=3)
    organisation = OrganisationFactory(name="Northwind Training")
    seed_briefing.organisation = organisation
    seed_briefing.save()
    approve_bank(seed_briefing)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count = 12
    quiz.save()
    cohort = cohort_in(organisation, name="Spring intake")
    assign(quiz, cohort)
    Assignment.objects.filter(cohort=cohort).update(opens_on=three_days_ago.date())
    user = UserFactory(username="rosa", first_name="Rosa", last_name="Diaz")
    enrol(user, cohort)
    terms = seed_briefing.glossary_terms.exclude(expansion="").count()
    attempt, _missed = take_quiz(user, quiz, wrong=10 - terms)
    attempts.submit_attempt(attempt=attempt, now=three_days_ago)
    CardState.objects.filter(user=user).update(due=three_days_ago)
    while (card := selectors.next_card(user, three_days_ago)) is not None:
        services.rate_card(
            user=user, key=card.key, rating=3, reps_seen=card.reps, now=three_days_ago
        )
    return user


def test_after_three_days_away_ten_cards_wait_for_review(context_factory, returning_trainee):
    page = context_factory(user=returning_trainee).new_page()
    page.goto("/reviews/")
    expect(page.get_by_role("status")).to_have_text("10 cards due.")
    expect(page.locator(".review-new")).to_have_count(0)
    assert axe_violations(page) == []
    screenshot(page, "review-after-three-days")


def test_my_learning_shows_the_ten_cards_due_after_three_days(context_factory, returning_trainee):
    page = context_factory(user=returning_trainee).new_page()
    page.goto("/quizzes/learning/")
    summary = page.get_by_role("region", name="Review")
    expect(summary).to_contain_text("10 cards due.")
    assert axe_violations(page) == []
    screenshot(page, "my-learning-cards-due")
    summary.get_by_role("link", name="Review now").click()
    expect(page.get_by_role("status")).to_have_text("10 cards due.")
