"""The question, summary and results pages: timed quizzes, caching, odd input."""

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse

from quizzes import attempts
from quizzes.models import Attempt, Response
from quizzes.review import duration_text

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def question_url(attempt, position=1):
    return reverse("quizzes:question", args=[attempt.pk, position])


def summary_url(attempt):
    return reverse("quizzes:summary", args=[attempt.pk])


def results_url(attempt):
    return reverse("quizzes:results", args=[attempt.pk])


def of_kind(attempt, kind) -> Response:
    """The attempt's first question of ``kind`` (the draw may hold two of one kind)."""
    response = (
        attempt.responses.select_related("question")
        .filter(question__kind=kind)
        .order_by("position")
        .first()
    )
    assert response is not None, f"the attempt holds no {kind} question"
    return response


@pytest.mark.parametrize("default", [True, False], ids=["default-quiz", "other-quiz"])
def test_a_timed_quiz_can_be_reviewed_submitted_and_its_results_read(
    client, quiz, trainee, default
):
    if not default:
        quiz.pk, quiz.is_default, quiz.title = None, False, "Timed drill"
    quiz.time_limit_minutes = 5
    quiz.save()
    client.force_login(trainee)
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)

    summary = client.get(summary_url(attempt))
    assert summary.status_code == 200
    assert re.search(r"Time left: \d+ minutes? \(until \d\d:\d\d UTC\)", page_text(summary))

    submitted = client.post(reverse("quizzes:submit", args=[attempt.pk]), {"confirm": "yes"})
    assert submitted["Location"] == results_url(attempt)
    results = client.get(results_url(attempt))
    assert results.status_code == 200
    assert "Time taken" in page_text(results)


def test_the_summary_of_a_timed_quiz_past_its_deadline_goes_to_the_results(client, attempt):
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=attempt.started_at - attempts.GRACE - timedelta(minutes=1)
    )
    response = client.get(summary_url(attempt), follow=True)
    assert response.redirect_chain[-1][0] == results_url(attempt)
    assert "Time is up" in page_text(response)


def test_quiz_pages_are_never_stored_by_the_browser_or_a_proxy(client, attempt):
    for url in (question_url(attempt), summary_url(attempt)):
        assert "no-store" in client.get(url)["Cache-Control"], url
    attempts.submit_attempt(attempt=attempt)
    assert "no-store" in client.get(results_url(attempt))["Cache-Control"]


def test_a_nul_character_in_a_typed_answer_is_dropped_not_a_server_error(client, attempt):
    target = of_kind(attempt, "cloze")
    response = client.post(
        question_url(attempt, target.position),
        {"answer": "a\x00b\x07c", "revision": "0", "action": "save"},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.answer == ["abc"]


def test_an_answer_of_control_characters_alone_is_refused_with_a_message(client, attempt):
    target = of_kind(attempt, "cloze")
    response = client.post(
        question_url(attempt, target.position),
        {"answer": "\x00\x1b", "revision": "0", "action": "save"},
    )
    assert response.status_code == 400
    assert "only control characters" in page_text(response)
    target.refresh_from_db()
    assert target.answer == []


def test_control_characters_in_a_choice_are_refused_as_not_an_option(client, attempt):
    target = of_kind(attempt, "single_choice")
    response = client.post(
        question_url(attempt, target.position),
        {"answer": "0\x00", "revision": "0", "action": "save"},
    )
    assert response.status_code == 400
    target.refresh_from_db()
    assert target.answer == []


def test_ordinary_spaces_tabs_and_line_breaks_in_a_typed_answer_are_kept_as_spaces(attempt):
    target = of_kind(attempt, "cloze")
    attempts.save_answer(
        attempt=attempt, response=target, answer=[" two\twords\r\nhere "], revision=None
    )
    assert target.answer == ["two words here"]


def test_the_summary_lists_each_question_by_its_shortened_stem(client, attempt):
    text = page_text(client.get(summary_url(attempt)))
    for response in attempt.responses.select_related("question"):
        stem = response.question.stem
        shown = stem if len(stem) <= 90 else stem[:89]
        assert f"{response.position}. {shown}" in text
    assert "Question 1 " not in text


def test_the_summary_runs_at_most_six_queries(client, attempt, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get(summary_url(attempt)).status_code == 200


def test_results_have_a_jump_list_and_the_time_taken(client, attempt):
    right = of_kind(attempt, "single_choice")
    attempts.save_answer(
        attempt=attempt, response=right, answer=list(right.answer_key), revision=None
    )
    attempts.submit_attempt(attempt=attempt, now=attempt.started_at + timedelta(seconds=725))
    page = client.get(results_url(attempt))
    text = page_text(page)
    assert "Time taken 12 min 5 s" in text
    body = page.content.decode()
    jump = re.search(r'<nav class="jump-list".*?</nav>', body, re.S).group(0)
    targets = re.findall(r'href="#answer-(\d+)"', jump)
    assert targets == [str(n) for n in range(1, 7)]
    for n in targets:
        assert f'id="answer-{n}"' in body
    entry = re.search(rf'href="#answer-{right.position}">.*?</a>', jump).group(0)
    assert page_text_of(entry).endswith("✓ : Correct")
    assert "Not answered" in jump


def page_text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_an_assessment_below_the_pass_mark_is_not_passed(client, attempt):
    attempts.submit_attempt(attempt=attempt)
    text = page_text(client.get(results_url(attempt)))
    assert "0% Not passed" in text and "Pass mark 70%." in text


@pytest.mark.parametrize(
    ("seconds", "said"),
    [(0, "0 s"), (40, "40 s"), (60, "1 min 0 s"), (725, "12 min 5 s"), (3780, "1 h 3 min")],
)
def test_a_time_taken_reads_as_people_say_it(seconds, said):
    assert duration_text(timedelta(seconds=seconds)) == said
