import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quizzes import attempts
from quizzes.models import Attempt
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def question_url(attempt, position=1):
    return reverse("quizzes:question", args=[attempt.pk, position])


def single_choice(attempt):
    return (
        attempt.responses.select_related("question").filter(question__kind="single_choice").first()
    )


def test_start_from_the_briefing_page_redirects_to_the_first_question(client, quiz, trainee):
    client.force_login(trainee)
    response = client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=trainee)
    assert response["Location"] == question_url(attempt)


def test_the_question_page_says_where_the_trainee_is(client, attempt):
    html = client.get(question_url(attempt, 2)).content.decode()
    assert "Question 2 of 6" in html
    assert 'id="question-heading"' in html


def test_the_question_page_never_contains_the_correct_answer_key(client, attempt):
    for response in attempt.responses.select_related("question"):
        if response.question.kind != "cloze":
            continue
        page = client.get(question_url(attempt, response.position)).content.decode()
        # What the trainee can read, not attribute values such as maxlength="200".
        text = html.unescape(re.sub(r"<[^>]+>", " ", page))
        assert not re.search(rf"(?<!\w){re.escape(response.answer_key[0])}(?!\w)", text)


def test_the_question_page_runs_at_most_eight_queries(
    client, attempt, django_assert_max_num_queries
):
    client.get(question_url(attempt, 1))
    with django_assert_max_num_queries(8):
        assert client.get(question_url(attempt, 2)).status_code == 200


def test_saving_an_answer_runs_at_most_six_queries(client, attempt):
    target = single_choice(attempt)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            question_url(attempt, target.position),
            {"answer": "0", "revision": "0"},
            headers={"HX-Request": "true"},
        )
    # Not counting the savepoint that the test's own transaction makes of the
    # save's transaction.
    statements = [q for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) <= 6
    assert response.status_code == 200
    assert "Answer saved." in response.content.decode()
    target.refresh_from_db()
    assert target.answer == [target.option_order[0]]


def test_without_javascript_next_saves_and_moves_on(client, attempt):
    target = single_choice(attempt)
    following = (
        question_url(attempt, target.position + 1)
        if target.position < 6
        else reverse("quizzes:summary", args=[attempt.pk])
    )
    response = client.post(
        question_url(attempt, target.position), {"answer": "1", "revision": "0", "action": "next"}
    )
    assert response.status_code == 302
    assert response["Location"] == following
    target.refresh_from_db()
    assert target.answer == [target.option_order[1]]


def test_next_on_the_last_question_leads_to_the_summary(client, attempt):
    response = client.post(question_url(attempt, 6), {"action": "next"})
    assert response["Location"] == reverse("quizzes:summary", args=[attempt.pk])


def test_an_answer_that_does_not_belong_to_the_question_gets_a_400(client, attempt):
    target = single_choice(attempt)
    response = client.post(
        question_url(attempt, target.position), {"answer": "99", "revision": "0", "action": "next"}
    )
    assert response.status_code == 400
    assert "not one of this question's options" in html.unescape(response.content.decode())


def test_a_stale_tab_gets_a_clear_message_and_changes_nothing(client, attempt):
    target = single_choice(attempt)
    client.post(question_url(attempt, target.position), {"answer": "0", "revision": "0"})
    response = client.post(
        question_url(attempt, target.position), {"answer": "1", "revision": "0", "action": "save"}
    )
    assert response.status_code == 409
    assert "another tab" in response.content.decode()
    target.refresh_from_db()
    assert target.answer == [target.option_order[0]]


def test_another_trainees_attempt_and_results_answer_404(client, attempt):
    client.force_login(UserFactory())
    assert client.get(question_url(attempt)).status_code == 404
    assert client.get(reverse("quizzes:results", args=[attempt.pk])).status_code == 404
    assert (
        client.post(reverse("quizzes:submit", args=[attempt.pk]), {"confirm": "yes"}).status_code
        == 404
    )


def test_submit_needs_confirmation_and_finishes_once(client, attempt):
    url = reverse("quizzes:submit", args=[attempt.pk])
    client.post(url)
    attempt.refresh_from_db()
    assert attempt.finished_at is None
    first = client.post(url, {"confirm": "yes"})
    second = client.post(url, {"confirm": "yes"})
    assert first["Location"] == second["Location"] == reverse("quizzes:results", args=[attempt.pk])
    assert Attempt.objects.filter(finished_at__isnull=False).count() == 1


def test_answering_a_submitted_attempt_changes_nothing(client, attempt):
    attempts.submit_attempt(attempt=attempt)
    target = single_choice(attempt)
    response = client.post(question_url(attempt, target.position), {"answer": "0", "revision": "0"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.answer == []


def test_results_show_score_answers_and_source_links(
    client, attempt, django_assert_max_num_queries
):
    attempts.submit_attempt(attempt=attempt)
    with django_assert_max_num_queries(10):
        html = client.get(reverse("quizzes:results", args=[attempt.pk])).content.decode()
    assert "0%" in html and "Not passed" in html
    assert f"{attempt.quiz.briefing.get_absolute_url()}#p" in html


def test_results_hide_correct_answers_when_review_does_not_allow_them(client, attempt):
    quiz = attempt.quiz
    quiz.review_show_correct = False
    quiz.review_show_explanations = False
    quiz.save()
    attempts.submit_attempt(attempt=attempt)
    html = client.get(reverse("quizzes:results", args=[attempt.pk])).content.decode()
    assert "Correct answer:" not in html
    assert "Read it in the briefing" not in html


def test_my_learning_query_count_does_not_grow_with_attempts(client, quiz, trainee):
    client.force_login(trainee)
    attempts.submit_attempt(attempt=attempts.start_attempt(user=trainee, quiz=quiz))
    with CaptureQueriesContext(connection) as one:
        html = client.get(reverse("quizzes:learning")).content.decode()
    assert quiz.briefing.title in html
    for _ in range(4):
        attempts.submit_attempt(attempt=attempts.start_attempt(user=trainee, quiz=quiz))
    with CaptureQueriesContext(connection) as five:
        client.get(reverse("quizzes:learning"))
    assert len(five.captured_queries) == len(one.captured_queries)


def test_my_learning_offers_to_continue_an_open_attempt(client, attempt):
    html = client.get(reverse("quizzes:learning")).content.decode()
    assert "In progress" in html
    assert f'action="{reverse("quizzes:start", args=[attempt.quiz_id])}"' in html
    assert "Continue quiz" in html
    response = client.post(reverse("quizzes:start", args=[attempt.quiz_id]))
    assert response["Location"] == question_url(attempt)


def test_my_learning_marks_an_overdue_assignment(client, quiz, trainee):
    from datetime import date, timedelta

    from cohorts.models import Assignment

    Assignment.objects.filter(quiz=quiz).update(due_on=date.today() - timedelta(days=1))
    client.force_login(trainee)
    html = client.get(reverse("quizzes:learning")).content.decode()
    assert "Overdue" in html


def test_my_learning_does_not_mark_a_future_due_date_overdue(client, quiz, trainee):
    from datetime import date, timedelta

    from cohorts.models import Assignment

    due = date.today() + timedelta(days=3)
    Assignment.objects.filter(quiz=quiz).update(due_on=due)
    client.force_login(trainee)
    html = client.get(reverse("quizzes:learning")).content.decode()
    assert "Overdue" not in html
    assert due.strftime("%-d %b %Y") in html


def test_showing_a_question_writes_nothing(client, attempt):
    client.get(question_url(attempt, 1))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(question_url(attempt, 3)).status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_the_trainee_resumes_at_the_question_last_answered(client, attempt):
    target = single_choice(attempt)
    client.get(question_url(attempt, target.position))
    client.post(
        question_url(attempt, target.position),
        {"answer": "0", "revision": "0"},
        headers={"HX-Request": "true"},
    )
    attempt.refresh_from_db()
    assert attempt.current_position == target.position
