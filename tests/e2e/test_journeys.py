"""The journeys a cohort's trainees take, end to end, for every quiz setting.

Each run starts on My learning, starts one quiz by its title, answers every
question, reviews and submits, reads the results, then finds those results
again from My learning. The matrix covers practice and assessment, with and
without a time limit, the briefing's default quiz and a second assigned quiz,
with JavaScript on and off.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from cohorts.models import Assignment
from quizzes.models import Attempt, Question, Quiz
from quizzes.text.selection import clash
from tests.e2e.conftest import axe_violations, screenshot
from tests.e2e.test_quiz_taking import answer_correctly, response_at, wait_for_htmx

pytestmark = pytest.mark.django_db(transaction=True)

QUESTIONS = 4
HTMX_READY = """() => {
  const fieldset = document.querySelector("fieldset.question[hx-post]");
  return !document.querySelector(".htmx-request, .htmx-settling")
    && (!fieldset || fieldset["htmx-internal-data"] !== undefined);
}"""
KINDS = ["single_choice", "true_false", "cloze", "matching"]


def approve_a_small_bank(briefing):
    """One approved question of each of four kinds, none giving another away, so every
    run draws and answers them all."""
    briefing.questions.update(status=Question.Status.DRAFT)
    chosen: list[Question] = []
    # The scarcest kind first, so its few questions are not shut out by the others.
    for kind in sorted(KINDS, key=lambda k: briefing.questions.filter(kind=k).count()):
        question = next(
            (
                q
                for q in briefing.questions.filter(kind=kind).order_by("pk")
                if not any(clash(q, other) for other in chosen)
            ),
            None,
        )
        assert question is not None, f"the seed bank has no {kind} question to add"
        chosen.append(question)
    briefing.questions.filter(pk__in=[q.pk for q in chosen]).update(status=Question.Status.APPROVED)


def the_quiz(briefing, cohort, *, which, mode, timed):
    """The default quiz, or a second quiz assigned to the same cohort."""
    settings = {
        "mode": mode,
        "time_limit_minutes": 20 if timed else None,
        "question_count": QUESTIONS,
        "shuffle_questions": False,
    }
    if which == "default":
        quiz = briefing.quizzes.get(is_default=True)
        for name, value in settings.items():
            setattr(quiz, name, value)
        quiz.save()
        return quiz
    quiz = Quiz.objects.create(
        briefing=briefing, title=f"Second quiz: {mode}{' timed' if timed else ''}", **settings
    )
    Assignment.objects.create(cohort=cohort, quiz=quiz)
    return quiz


def quiz_card(page, quiz):
    """The part of My learning that offers ``quiz``, found by its heading."""
    heading = page.get_by_role("heading", name=quiz.title, exact=True)
    return page.locator(".quiz-card").filter(has=heading)


def answer_every_question(page, attempt, *, javascript, practice):
    for position in range(1, QUESTIONS + 1):
        expect(page.locator("#question-counter")).to_have_text(
            f"Question {position} of {QUESTIONS}"
        )
        response = response_at(attempt, position)
        if javascript:
            # A question swapped in by htmx saves on change only once htmx has wired it up.
            page.wait_for_function(HTMX_READY)
        answer_correctly(page, response)
        if javascript:
            if response.question.kind == "cloze":
                page.keyboard.press("Tab")  # leaving the field is what saves it
            wait_for_htmx(page)
            expect(page.locator("#answer-status")).to_contain_text("saved")
        if practice and position == 1:
            page.get_by_role("button", name="Check answer").click()
            expect(page.get_by_text("Correct", exact=False).first).to_be_visible()
        button = "Next →" if position < QUESTIONS else "Review and submit"
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("which", ["default", "second"])
@pytest.mark.parametrize("timed", [False, True], ids=["untimed", "timed"])
@pytest.mark.parametrize("mode", ["practice", "assessment"])
def test_a_trainee_takes_a_quiz_from_my_learning_and_finds_the_results_again(
    context_factory, seed_briefing, trainee, mode, timed, which, javascript
):
    approve_a_small_bank(seed_briefing)
    cohort = trainee.enrolments.get().cohort
    quiz = the_quiz(seed_briefing, cohort, which=which, mode=mode, timed=timed)
    page = context_factory(user=trainee, javascript=javascript).new_page()

    page.goto("/quizzes/learning/")
    card = quiz_card(page, quiz)
    expect(card).to_have_count(1)
    card.get_by_role("button", name=re.compile("^Start")).click()
    expect(page.locator("#question-heading")).to_be_visible()
    attempt = Attempt.objects.get(user=trainee, quiz=quiz, finished_at__isnull=True)
    if timed and javascript:
        expect(page.locator(".countdown")).to_have_text(re.compile(r"^\d+:\d\d$"))

    answer_every_question(page, attempt, javascript=javascript, practice=mode == "practice")

    expect(page.get_by_role("heading", name="Review and submit")).to_be_visible()
    first_stem = response_at(attempt, 1).question.stem
    expect(page.locator("main")).to_contain_text(first_stem[:30])
    page.get_by_label("I have finished and want to submit my answers").check()
    page.get_by_role("button", name="Submit answers").click()

    expect(page.get_by_role("heading", name="Results", exact=True)).to_be_visible()
    expect(page.locator(".score-number")).to_have_text("100%")
    expect(page.locator("main")).to_contain_text("Time taken")
    if mode == "practice":
        expect(page.locator("main")).not_to_contain_text("Failed")
    results_url = page.url
    attempt.refresh_from_db()
    assert attempt.finished_at is not None and attempt.score == 1.0

    page.goto("/quizzes/learning/")
    card = quiz_card(page, quiz)
    card.get_by_role("link", name=re.compile("attempt 1")).click()
    expect(page).to_have_url(results_url)
    expect(page.locator(".score-number")).to_have_text("100%")
    if which == "second" and mode == "assessment" and timed and javascript:
        screenshot(page, "journey-results-again")
        assert axe_violations(page) == []
