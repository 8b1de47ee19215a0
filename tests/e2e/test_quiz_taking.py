"""Browser tests for taking a quiz, with and without JavaScript.

Answers are read from the attempt's own rows (the options in the order the
trainee was shown them), so the tests answer exactly as a trainee would.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from quizzes import attempts
from quizzes.models import Attempt, Question, Response
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

STALE_TAB = re.compile("another tab")


@pytest.fixture
def quiz(seed_briefing):
    """The seed briefing's default quiz over its whole bank, in bank order."""
    seed_briefing.questions.update(status=Question.Status.APPROVED)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.shuffle_questions = False
    quiz.question_count = 6
    quiz.mode = "assessment"
    quiz.save()
    return quiz


def configure(quiz, **fields):
    for name, value in fields.items():
        setattr(quiz, name, value)
    quiz.save()
    return quiz


def approve_only(briefing, *, kinds, per_kind=None):
    """Approve the bank's questions of ``kinds`` (at most ``per_kind`` of each)."""
    briefing.questions.update(status=Question.Status.DRAFT)
    for kind in kinds:
        pks = list(briefing.questions.filter(kind=kind).values_list("pk", flat=True))
        briefing.questions.filter(pk__in=pks[:per_kind]).update(status=Question.Status.APPROVED)


def open_attempt(user):
    return Attempt.objects.get(user=user, finished_at__isnull=True)


def response_at(attempt, position):
    return Response.objects.select_related("question").get(attempt=attempt, position=position)


def correct_option_index(response):
    return [str(o) for o in response.option_order].index(str(response.answer_key[0]))


def answer_correctly(page, response):
    """Fill in the right answer with the form controls a trainee would use."""
    kind = response.question.kind
    options = [str(o) for o in response.option_order]
    key = [str(k) for k in response.answer_key]
    if kind in ("single_choice", "true_false"):
        page.check(f"#option-{options.index(key[0])}")
    elif kind == "multiple_response":
        for item in key:
            page.check(f"#option-{options.index(item)}")
    elif kind == "cloze":
        page.fill("#answer-text", key[0])
    elif kind == "matching":
        # The question's own prompts and matches, whatever order the prompts were shown in.
        question = response.question
        match_for = {
            str(p): str(c) for p, c in zip(question.prompts, question.correct, strict=True)
        }
        for index, prompt in enumerate(response.prompt_order):
            wanted = match_for[str(prompt)]
            page.select_option(f"#match-{index}", str(options.index(wanted)))
    elif kind == "ordering":
        for index, item in enumerate(options):
            page.select_option(f"#position-{index}", str(key.index(item) + 1))
    else:
        pytest.fail(f"No way to answer a {kind} question")


def wait_for_htmx(page):
    """Let htmx finish its requests (queued ones included) before looking further."""
    page.wait_for_function("() => !document.querySelector('.htmx-request')")


def stored_answer(response):
    response.refresh_from_db(fields=["answer", "score", "revision"])
    return response.answer, response.score


def question_url(attempt, position):
    return f"/quizzes/attempts/{attempt.pk}/questions/{position}/"


def start_from_briefing(page, briefing, button="Start quiz"):
    page.goto(briefing.get_absolute_url())
    page.get_by_role("button", name=button).click()
    expect(page.locator("#question-heading")).to_be_visible()


def submit_from_summary(page):
    expect(page.get_by_role("heading", name="Review and submit")).to_be_visible()
    page.get_by_label("I have finished and want to submit my answers").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_role("heading", name="Results", exact=True)).to_be_visible()


def test_a_trainee_takes_a_whole_quiz_with_javascript(context_factory, quiz, trainee):
    page = context_factory(user=trainee).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    status = page.locator("#answer-status")
    expect(status).to_have_text("")
    for position in range(1, 7):
        expect(page.locator("#question-counter")).to_have_text(f"Question {position} of 6")
        response = response_at(attempt, position)
        answer_correctly(page, response)
        if response.question.kind == "cloze":
            page.keyboard.press("Tab")  # leaving the field is what saves it
        wait_for_htmx(page)
        expect(status).to_have_text("Answer saved.")
        answer, score = stored_answer(response)
        assert answer and score == 1.0, f"question {position} ({response.question.kind})"
        if position < 6:
            page.get_by_role("button", name="Next →").click()
            expect(page).to_have_url(re.compile(question_url(attempt, position + 1) + "$"))
            expect(page.locator("#question-heading")).to_be_focused()
            expect(status).to_have_text("")
    page.get_by_role("button", name="Review and submit").click()
    expect(page.get_by_text("You have answered 6 of 6 questions.")).to_be_visible()
    submit_from_summary(page)
    expect(page.locator(".score-number")).to_have_text("100%")
    expect(page.locator(".score-verdict")).to_have_text("Passed")
    source = page.locator(".source-link a").first
    href = source.get_attribute("href")
    assert re.fullmatch(re.escape(quiz.briefing.get_absolute_url()) + r"#p\d+", href)
    source.click()
    expect(page.locator(href[href.index("#") :])).to_be_in_viewport()


def test_a_trainee_takes_a_whole_quiz_without_javascript(context_factory, quiz, trainee):
    page = context_factory(user=trainee, javascript=False).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    for position in range(1, 7):
        expect(page.locator("#question-counter")).to_have_text(f"Question {position} of 6")
        response = response_at(attempt, position)
        answer_correctly(page, response)
        button = "Next →" if position < 6 else "Review and submit"
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state()
        answer, score = stored_answer(response)
        assert answer and score == 1.0, f"question {position} ({response.question.kind})"
    submit_from_summary(page)
    expect(page.locator(".score-number")).to_have_text("100%")
    expect(page.locator(".score-verdict")).to_have_text("Passed")
    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 1.0


def test_closing_the_browser_and_coming_back_resumes_where_the_trainee_left(
    context_factory, quiz, trainee
):
    approve_only(quiz.briefing, kinds=["single_choice", "true_false"])
    configure(quiz, question_count=4)
    context = context_factory(user=trainee)
    page = context.new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    chosen = {}
    for position in (1, 2):
        response = response_at(attempt, position)
        chosen[position] = correct_option_index(response)
        page.check(f"#option-{chosen[position]}")
        wait_for_htmx(page)
        expect(page.locator("#answer-status")).to_have_text("Answer saved.")
        if position == 1:
            page.get_by_role("button", name="Next →").click()
            expect(page.locator("#question-counter")).to_have_text("Question 2 of 4")
    context.close()

    page = context_factory(user=trainee).new_page()
    start_from_briefing(page, quiz.briefing, button="Continue quiz")
    expect(page).to_have_url(re.compile(question_url(attempt, 2) + "$"))
    expect(page.locator(f"#option-{chosen[2]}")).to_be_checked()
    page.get_by_role("button", name="← Previous").click()
    expect(page.locator("#question-counter")).to_have_text("Question 1 of 4")
    expect(page.locator(f"#option-{chosen[1]}")).to_be_checked()
    assert Attempt.objects.filter(user=trainee).count() == 1


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_an_answer_from_a_stale_tab_is_refused_and_overwrites_nothing(
    context_factory, quiz, trainee, javascript
):
    approve_only(quiz.briefing, kinds=["single_choice"])
    configure(quiz, question_count=2)
    context = context_factory(user=trainee, javascript=javascript)
    tab_a, tab_b = context.new_page(), context.new_page()
    start_from_briefing(tab_a, quiz.briefing)
    attempt = open_attempt(trainee)
    tab_b.goto(question_url(attempt, 1))
    response = response_at(attempt, 1)
    right = correct_option_index(response)
    wrong = (right + 1) % len(response.option_order)

    tab_a.check(f"#option-{right}")
    tab_a.get_by_role("button", name="Save answer").click()
    expect(tab_a.get_by_text("Answer saved.")).to_be_visible()
    expect(tab_a.locator("#question-heading")).to_be_visible()
    expect(tab_a.locator(f"#option-{right}")).to_be_checked()
    # One click, as a person makes it: check() would click again when htmx swaps
    # in the refusal (with the other tab's answer) and so change the answer itself.
    tab_b.locator(f"#option-{wrong}").click()  # with htmx, choosing an option saves it
    if not javascript:
        tab_b.get_by_role("button", name="Save answer").click()

    expect(tab_b.get_by_role("alert")).to_contain_text(STALE_TAB)
    expect(tab_b.locator(f"#option-{right}")).to_be_checked()
    response.refresh_from_db()
    assert response.answer == [response.option_order[right]]


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_an_order_with_a_repeated_position_is_explained_on_the_question_page(
    context_factory, quiz, trainee, javascript
):
    approve_only(quiz.briefing, kinds=["ordering"])
    configure(quiz, question_count=1)
    page = context_factory(user=trainee, javascript=javascript).new_page()
    start_from_briefing(page, quiz.briefing)
    for index in range(len(response_at(open_attempt(trainee), 1).option_order)):
        page.select_option(f"#position-{index}", "1")
    page.get_by_role("button", name="Save answer").click()
    expect(page.get_by_role("alert")).to_have_text("Give each item a different position.")
    expect(page.locator("#question-heading")).to_be_visible()
    assert response_at(open_attempt(trainee), 1).answer == []


def test_a_timed_quiz_shows_a_countdown_and_ends_when_time_is_up(context_factory, quiz, trainee):
    approve_only(quiz.briefing, kinds=["single_choice"])
    configure(quiz, question_count=2, time_limit_minutes=1)
    page = context_factory(user=trainee).new_page()
    start_from_briefing(page, quiz.briefing)
    expect(page.locator(".countdown")).to_have_text(re.compile(r"^[01]:\d\d$"))
    attempt = open_attempt(trainee)
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - attempts.GRACE - timedelta(seconds=5)
    )
    page.locator("#option-0").click()  # saving it finds the time is up
    expect(page.get_by_role("heading", name="Results", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile("^Time is up"))).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.expired and attempt.finished_at is not None


def test_a_timed_quiz_without_javascript_ends_on_the_next_click(context_factory, quiz, trainee):
    approve_only(quiz.briefing, kinds=["single_choice"])
    configure(quiz, question_count=2, time_limit_minutes=1)
    page = context_factory(user=trainee, javascript=False).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - attempts.GRACE - timedelta(seconds=5)
    )
    page.check("#option-0")
    page.get_by_role("button", name="Next →").click()
    expect(page.get_by_role("heading", name="Results", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile("^Time is up"))).to_be_visible()
    expect(page.get_by_text("The time limit ended this attempt.")).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.expired and attempt.finished_at is not None
    assert response_at(attempt, 1).answer == []  # arrived after the deadline: not saved


FOCUSED_TEXT = """() => {
  const element = document.activeElement;
  const label = element.labels && element.labels.length ? element.labels[0] : element;
  return label.textContent || "";
}"""


def tab_to(page, name, *, limit=40):
    """Press Tab until the focused element's accessible text contains ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_TEXT)
        if name in focused:
            return
    pytest.fail(f"Tabbing never reached {name!r}")


def choose_by_keyboard(page, response):
    """Tab into the radio group and move to the right option with the arrow keys."""
    first_label = str(response.option_order[0])
    tab_to(page, first_label)
    page.keyboard.press("Space")
    for _ in range(correct_option_index(response)):
        page.keyboard.press("ArrowDown")


def test_a_trainee_completes_a_practice_quiz_with_the_keyboard_alone(
    context_factory, quiz, trainee
):
    approve_only(quiz.briefing, kinds=["single_choice", "true_false"])
    configure(quiz, question_count=2, mode="practice")
    page = context_factory(user=trainee).new_page()
    page.goto(quiz.briefing.get_absolute_url())
    tab_to(page, "Start quiz")
    page.keyboard.press("Enter")
    expect(page.locator("#question-counter")).to_have_text("Question 1 of 2")
    attempt = open_attempt(trainee)

    choose_by_keyboard(page, response_at(attempt, 1))
    tab_to(page, "Check answer")
    page.keyboard.press("Enter")
    expect(page.locator(".feedback-verdict")).to_have_text("Correct")
    expect(page.locator("#question-heading")).to_be_focused()
    tab_to(page, "Next →")
    page.keyboard.press("Enter")
    expect(page.locator("#question-counter")).to_have_text("Question 2 of 2")
    expect(page.locator("#question-heading")).to_be_focused()

    choose_by_keyboard(page, response_at(attempt, 2))
    tab_to(page, "Check answer")
    page.keyboard.press("Enter")
    expect(page.locator(".feedback-verdict")).to_have_text("Correct")
    # As after the first check: the page puts focus on the question once the
    # feedback is in, so tabbing starts from there, not from the old button.
    expect(page.locator("#question-heading")).to_be_focused()
    tab_to(page, "Review and submit")
    page.keyboard.press("Enter")
    expect(page.get_by_text("You have answered 2 of 2 questions.")).to_be_visible()
    tab_to(page, "I have finished")
    page.keyboard.press("Space")
    tab_to(page, "Submit answers")
    page.keyboard.press("Enter")
    expect(page.locator(".score-number")).to_have_text("100%")


def test_practice_feedback_says_whether_the_answer_was_right_and_where_to_read_it(
    context_factory, quiz, trainee
):
    approve_only(quiz.briefing, kinds=["single_choice"])
    configure(quiz, question_count=2, mode="practice")
    page = context_factory(user=trainee).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)

    first = response_at(attempt, 1)
    page.check(f"#option-{correct_option_index(first)}")
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator(".feedback-verdict")).to_have_text("Correct")
    page.get_by_role("button", name="Next →").click()
    expect(page.locator("#question-counter")).to_have_text("Question 2 of 2")

    second = response_at(attempt, 2)
    right = correct_option_index(second)
    page.check(f"#option-{(right + 1) % len(second.option_order)}")
    page.get_by_role("button", name="Check answer").click()
    feedback = page.locator(".feedback")
    expect(feedback.locator(".feedback-verdict")).to_have_text("Incorrect")
    expect(feedback).to_contain_text(f"Correct answer: {second.answer_key[0]}")
    sentence = second.question.source_sentence or second.question.explanation
    expect(feedback.locator("blockquote.source-sentence")).to_have_text(sentence)
    link = feedback.get_by_role("link", name=re.compile("Read it in the briefing"))
    number = second.question.paragraph.number
    expect(link).to_have_attribute("href", f"{quiz.briefing.get_absolute_url()}#p{number}")
    expect(page.get_by_role("radio").first).to_be_disabled()
    screenshot(page, "practice-feedback")


def save_directly(attempt, position, *, correctly):
    """Store an answer through the service, so the pages show answered questions."""
    response = response_at(attempt, position)
    key = [str(a) for a in response.answer_key]
    if correctly:
        answer = key
    elif response.question.kind in ("single_choice", "true_false", "multiple_response"):
        answer = [str(o) for o in response.option_order if str(o) not in key][:1]
    elif response.question.kind == "cloze":
        answer = ["not the word"]
    else:  # matching and ordering: the right items, in reverse
        answer = key[::-1]
    attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)


@pytest.mark.parametrize("mobile", [False, True], ids=["desktop", "phone"])
def test_question_summary_and_results_pages_have_no_axe_violations(
    context_factory, quiz, trainee, mobile
):
    approve_only(quiz.briefing, kinds=Question.Kind.values, per_kind=1)
    configure(quiz, question_count=0)
    suffix = "-phone" if mobile else ""
    page = context_factory(user=trainee, mobile=mobile).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    kinds = set()
    for position in range(1, 7):
        save_directly(attempt, position, correctly=position % 2 == 1)
        page.goto(question_url(attempt, position))
        kinds.add(response_at(attempt, position).question.kind)
        assert axe_violations(page) == [], f"question {position}"
        if position == 5:
            screenshot(page, f"question{suffix}")
    assert kinds == set(Question.Kind.values)
    page.get_by_role("button", name="Review and submit").click()
    expect(page.get_by_role("heading", name="Review and submit")).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, f"summary{suffix}")
    submit_from_summary(page)
    assert axe_violations(page) == []
    screenshot(page, f"results{suffix}")


def test_double_clicking_submit_finishes_the_attempt_once(context_factory, quiz, trainee):
    approve_only(quiz.briefing, kinds=["single_choice"])
    configure(quiz, question_count=2)
    page = context_factory(user=trainee, javascript=False).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    page.goto(f"/quizzes/attempts/{attempt.pk}/summary/")
    token = page.locator(".submit-form input[name=csrfmiddlewaretoken]").input_value()
    page.get_by_label("I have finished and want to submit my answers").check()
    page.get_by_role("button", name="Submit answers").dblclick()
    expect(page.get_by_role("heading", name="Results", exact=True)).to_be_visible()
    expect(page.locator(".score-number")).to_have_text("0%")
    attempt.refresh_from_db()
    first_finish = attempt.finished_at

    # Chromium folds a double click into one navigation, so send the second
    # click's post as it would arrive from a slower browser.
    again = page.request.post(
        f"/quizzes/attempts/{attempt.pk}/submit/",
        form={"csrfmiddlewaretoken": token, "confirm": "yes"},
    )
    assert again.ok
    assert "This attempt had already been submitted." in again.text()
    attempt.refresh_from_db()
    assert attempt.finished_at == first_finish
    assert Attempt.objects.filter(user=trainee).count() == 1


def wrong_option_index(response):
    return (correct_option_index(response) + 1) % len(response.option_order)


def option_label(page, response, index):
    return page.locator(f"label[for=option-{index}]")


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_practice_marks_the_choice_and_offers_a_penalised_second_try(
    context_factory, quiz, trainee, javascript
):
    approve_only(quiz.briefing, kinds=["single_choice"])
    configure(quiz, question_count=2, mode="practice", tries_allowed=2, try_penalty=50)
    page = context_factory(user=trainee, javascript=javascript).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    response = response_at(attempt, 1)
    right, wrong = correct_option_index(response), wrong_option_index(response)

    page.check(f"#option-{wrong}")
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator(".feedback-verdict")).to_have_text("Incorrect")
    expect(option_label(page, response, wrong)).to_contain_text("✗(your choice, wrong)")
    expect(page.locator(f"#option-{wrong}")).to_be_checked()  # the trainee's own choice stays
    expect(page.locator(f"#option-{wrong}")).to_be_disabled()
    expect(option_label(page, response, right)).not_to_contain_text("✓")  # not given away
    expect(page.get_by_text("You have 1 try left; each new try costs 50%")).to_be_visible()
    map_item = page.get_by_role("button", name=re.compile(r"^1\s*, checked: wrong$"))
    expect(map_item).to_contain_text("✗")
    screenshot(page, f"practice-try-again-{'js' if javascript else 'nojs'}")

    page.get_by_role("button", name="Try again").click()
    expect(page.locator(f"#option-{right}")).to_be_enabled()
    expect(page.get_by_text("Try 2 of 2: this try can earn 50% of the mark.")).to_be_visible()
    page.check(f"#option-{right}")
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator(".feedback-verdict")).to_have_text("Correct")
    expect(option_label(page, response, right)).to_contain_text("✓(your choice, right)")
    expect(page.get_by_text("Mark after 2 tries: 50%.")).to_be_visible()
    expect(page.get_by_role("button", name="Try again")).to_have_count(0)
    map_item = page.get_by_role("button", name=re.compile(r"^1\s*, checked: right$"))
    expect(map_item).to_contain_text("✓")
    response.refresh_from_db()
    assert (response.tries, response.score) == (2, 0.5)

    page.get_by_role("button", name="Review and submit").click()
    expect(page.get_by_text("Checked: right")).to_be_visible()
    submit_from_summary(page)
    expect(page.locator(".score-verdict")).to_have_text("Practice score")
    expect(page.locator(".score-number")).to_have_text("25%")  # 0.5 of 2 questions


@pytest.mark.parametrize("mobile", [False, True], ids=["desktop", "phone"])
def test_practice_pages_after_a_check_have_no_axe_violations(
    context_factory, quiz, trainee, mobile
):
    approve_only(quiz.briefing, kinds=Question.Kind.values, per_kind=1)
    configure(quiz, question_count=0, mode="practice", tries_allowed=3, try_penalty=25)
    suffix = "-phone" if mobile else ""
    page = context_factory(user=trainee, mobile=mobile).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    for position in range(1, 7):
        response = response_at(attempt, position)
        save_directly(attempt, position, correctly=position % 2 == 0)
        attempts.check_answer(attempt=attempt, response=response_at(attempt, position))
        page.goto(question_url(attempt, position))
        expect(page.locator(".feedback-verdict")).to_be_visible()
        assert axe_violations(page) == [], f"question {position} ({response.question.kind})"
        if position == 1:
            expect(page.get_by_role("button", name="Try again")).to_be_visible()
            screenshot(page, f"practice-checked{suffix}")
    page.get_by_role("button", name="Review and submit").click()
    expect(page.get_by_text(re.compile("Your score so far is"))).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, f"practice-summary{suffix}")
    submit_from_summary(page)
    expect(page.locator(".score-verdict")).to_have_text("Practice score")
    assert axe_violations(page) == []
    screenshot(page, f"practice-results{suffix}")


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_a_timed_quiz_is_reviewed_submitted_and_its_results_shown(
    context_factory, quiz, trainee, javascript
):
    approve_only(quiz.briefing, kinds=["single_choice"])
    configure(quiz, question_count=2, time_limit_minutes=5)
    page = context_factory(user=trainee, javascript=javascript).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    page.check(f"#option-{correct_option_index(response_at(attempt, 1))}")
    page.get_by_role("button", name="Review and submit").click()
    expect(page.get_by_role("heading", name="Review and submit")).to_be_visible()
    countdown = r"^[45]:\d\d$" if javascript else r"^\d\s+minutes?$"
    expect(page.locator(".countdown")).to_have_text(re.compile(countdown))
    expect(page.get_by_text("You have answered 1 of 2 questions.")).to_be_visible()
    if javascript:  # axe runs as a script in the page
        assert axe_violations(page) == []
    screenshot(page, f"timed-summary-{'js' if javascript else 'nojs'}")
    submit_from_summary(page)
    expect(page.locator(".score-number")).to_have_text("50%")
    expect(page.locator(".result-facts")).to_contain_text("Time taken")
    expect(page.get_by_role("navigation", name="Jump to a question")).to_be_visible()


def fail_answer_posts(page, attempt, position, outcomes, *, only_action=None):
    """Make the next answer posts to a question fail: "500" or "abort", one per post."""
    pending = list(outcomes)
    seen = []

    def handle(route, request):
        body = request.post_data or ""
        if request.method == "POST" and pending and (only_action is None or only_action in body):
            outcome = pending.pop(0)
            seen.append(outcome)
            if outcome == "500":
                route.fulfill(status=500, body="Server Error", content_type="text/html")
            else:
                route.abort("connectionreset")
            return
        route.continue_()

    page.route(re.compile(re.escape(question_url(attempt, position)) + "$"), handle)
    return seen


def test_a_failed_autosave_says_it_is_not_saved_and_retries_until_it_is(
    context_factory, quiz, trainee
):
    approve_only(quiz.briefing, kinds=["single_choice"])
    configure(quiz, question_count=2)
    page = context_factory(user=trainee).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    response = response_at(attempt, 1)
    right = correct_option_index(response)
    failed = fail_answer_posts(page, attempt, 1, ["500", "abort"])

    status = page.locator("#answer-status")
    page.locator(f"#option-{right}").click()
    expect(status).to_have_text("Not saved yet — retrying…")
    assert stored_answer(response)[0] == []
    expect(status).to_have_text("Answer saved.", timeout=15_000)
    assert failed == ["500", "abort"]
    assert stored_answer(response) == ([response.option_order[right]], 1.0)
    page.reload()
    expect(page.locator(f"#option-{right}")).to_be_checked()


def test_a_failed_next_keeps_the_answer_and_goes_on_once_the_server_answers(
    context_factory, quiz, trainee
):
    approve_only(quiz.briefing, kinds=["single_choice"])
    configure(quiz, question_count=2)
    page = context_factory(user=trainee).new_page()
    start_from_briefing(page, quiz.briefing)
    attempt = open_attempt(trainee)
    response = response_at(attempt, 1)
    right = correct_option_index(response)
    failed = fail_answer_posts(page, attempt, 1, ["abort", "500"], only_action="action=next")
    # Typed before htmx's change save could run: the Next post carries the answer.
    page.evaluate(f"document.getElementById('option-{right}').checked = true")

    page.get_by_role("button", name="Next →").click()
    expect(page.locator("#answer-status")).to_have_text("Not saved yet — retrying…")
    expect(page.locator("#question-counter")).to_have_text("Question 1 of 2")
    expect(page.locator(f"#option-{right}")).to_be_checked()
    expect(page.locator("#question-counter")).to_have_text("Question 2 of 2", timeout=15_000)
    assert failed == ["abort", "500"]
    assert stored_answer(response) == ([response.option_order[right]], 1.0)
