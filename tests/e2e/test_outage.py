"""Browser tests for a database that goes away for a few seconds while a trainee answers.

The live server's queries fail as they do while PostgreSQL is stopped (the
connection is refused); the test's own queries, on the main thread, go on.
"""

from __future__ import annotations

import threading
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from playwright.sync_api import expect

from config.middleware import RETRY_AFTER_SECONDS
from tests.e2e.conftest import axe_violations, screenshot
from tests.e2e.test_quiz_taking import (
    approve_only,
    configure,
    correct_option_index,
    open_attempt,
    question_url,
    response_at,
    start_from_briefing,
    stored_answer,
)

pytestmark = pytest.mark.django_db(transaction=True)

# Two retries, each held back by Retry-After, plus room for a slow machine.
RECOVERY_TIMEOUT = (2 * RETRY_AFTER_SECONDS + 10) * 1000


@pytest.fixture
def quiz(seed_briefing):
    """The seed's default quiz: two single-choice questions, in bank order."""
    approve_only(seed_briefing, kinds=["single_choice"])
    quiz = seed_briefing.quizzes.get(is_default=True)
    return configure(quiz, shuffle_questions=False, question_count=2, mode="assessment")


class Outage:
    """How many more of the server's requests find the database gone (-1: all, until ended)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._left = 0

    def begin(self, requests: int = -1) -> None:
        with self._lock:
            self._left = requests

    def end(self) -> None:
        self.begin(0)

    def strikes(self) -> bool:
        with self._lock:
            if self._left == 0:
                return False
            if self._left > 0:
                self._left -= 1
            return True


@pytest.fixture
def outage():
    state = Outage()
    original = BaseDatabaseWrapper._cursor

    # Every query asks for a cursor here; the connection bookkeeping Django does
    # between requests does not, just as it does not reach a stopped server.
    def cursor(self, name=None):
        if threading.current_thread() is not threading.main_thread() and state.strikes():
            raise OperationalError("connection to server failed: Connection refused")
        return original(self, name)

    with mock.patch.object(BaseDatabaseWrapper, "_cursor", cursor):
        yield state


def watch(page):
    """The answer posts' statuses and any CSP report in the console."""
    seen = {"statuses": [], "csp": []}

    def on_response(response):
        if response.request.method == "POST" and "/questions/" in response.url:
            seen["statuses"].append(response.status)

    def on_console(message):
        if "Content Security Policy" in message.text:
            seen["csp"].append(message.text)

    page.on("response", on_response)
    page.on("console", on_console)
    return seen


def test_the_autosave_says_not_saved_yet_while_the_database_is_away_then_saved(
    context_factory, quiz, trainee, outage
):
    page = context_factory(user=trainee).new_page()
    seen = watch(page)
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    response = response_at(attempt, 1)
    right = correct_option_index(response)
    status = page.locator("#answer-status")
    expect(status).to_have_attribute("aria-live", "polite")

    outage.begin(requests=2)
    page.locator(f"#option-{right}").click()
    expect(status).to_have_text("Not saved yet — retrying…")
    expect(status).to_have_class("status-line is-unsaved")
    screenshot(page, "outage-not-saved-yet")
    assert stored_answer(response)[0] == []

    expect(status).to_have_text("Answer saved.", timeout=RECOVERY_TIMEOUT)
    assert seen["statuses"] == [503, 503, 200]
    assert stored_answer(response) == ([response.option_order[right]], 1.0)
    assert seen["csp"] == []
    page.reload()
    expect(page.locator(f"#option-{right}")).to_be_checked()


def test_a_retried_next_lands_on_the_next_question_and_says_saved(
    context_factory, quiz, trainee, outage
):
    page = context_factory(user=trainee).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    response = response_at(attempt, 1)
    right = correct_option_index(response)
    # Chosen without a change event: the Next post carries the answer.
    page.evaluate(f"document.getElementById('option-{right}').checked = true")

    outage.begin(requests=1)
    page.get_by_role("button", name="Next →").click()
    expect(page.locator("#answer-status")).to_have_text("Not saved yet — retrying…")
    expect(page.locator("#question-counter")).to_have_text(
        "Question 2 of 2", timeout=RECOVERY_TIMEOUT
    )
    status = page.locator("#answer-status")
    expect(status).to_have_text("Saved.")
    # Nothing is left unsaved, so leaving the page asks nothing.
    expect(status).to_have_class("status-line")
    assert stored_answer(response) == ([response.option_order[right]], 1.0)


def test_without_javascript_the_answer_comes_back_to_send_again(
    context_factory, quiz, trainee, outage
):
    page = context_factory(user=trainee, javascript=False).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    response = response_at(attempt, 1)
    right = correct_option_index(response)
    page.check(f"#option-{right}")

    outage.begin()
    page.get_by_role("button", name="Next →").click()
    expect(page.get_by_role("heading", name="Back in a moment")).to_be_visible()
    expect(page.get_by_text("this page keeps it")).to_be_visible()
    assert page.url.endswith(question_url(attempt, 1))
    screenshot(page, "outage-503-page")
    outage.end()
    assert stored_answer(response)[0] == []

    page.get_by_role("button", name="Send again").click()
    expect(page.locator("#question-counter")).to_have_text("Question 2 of 2")
    assert stored_answer(response) == ([response.option_order[right]], 1.0)


def test_the_503_page_passes_the_accessibility_rules(context_factory, trainee, outage):
    page = context_factory(user=trainee).new_page()
    outage.begin()
    page.goto("/briefings/")
    expect(page.get_by_role("heading", name="Back in a moment")).to_be_visible()
    outage.end()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Try again").click()
    expect(page.get_by_role("heading", name="Briefings")).to_be_visible()
