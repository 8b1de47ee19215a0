"""Answers while the database is away: never acknowledged unless stored, never lost."""

import html
import re
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.db.models import QuerySet
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config.middleware import RETRY_AFTER_SECONDS
from quizzes import attempts

pytestmark = pytest.mark.django_db

REFUSED = OperationalError("connection to server failed: Connection refused")
HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


@contextmanager
def database_down():
    """Every query fails, from the session's onwards, as while the server is stopped."""
    with mock.patch.object(connection, "ensure_connection", side_effect=REFUSED):
        yield


@contextmanager
def writes_refused():
    """Reads work, then the write fails: the database went away in the middle of the post."""
    with mock.patch.object(QuerySet, "update", side_effect=REFUSED):
        yield


def question_url(attempt, position):
    return reverse("quizzes:question", args=[attempt.pk, position])


def single_choice(attempt):
    return (
        attempt.responses.select_related("question").filter(question__kind="single_choice").first()
    )


def kept_fields(page):
    return [(name, html.unescape(value)) for name, value in HIDDEN_INPUT.findall(page)]


@pytest.mark.parametrize("outage", [database_down, writes_refused])
def test_without_javascript_the_answer_comes_back_in_a_form_to_send_again(client, attempt, outage):
    target = single_choice(attempt)
    url = question_url(attempt, target.position)
    with outage():
        response = client.post(url, {"answer": "1", "revision": "0", "action": "next"})
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    page = response.content.decode()
    assert "Back in a moment" in page
    assert "this page keeps it" in page
    assert f'<form method="post" action="{url}">' in page
    fields = kept_fields(page)
    assert ("answer", "1") in fields
    assert ("revision", "0") in fields
    assert ("action", "next") in fields
    assert [name for name, _ in fields].count("csrfmiddlewaretoken") == 1
    assert ">Send again</button>" in page
    target.refresh_from_db()
    assert target.answer == []


def test_sending_the_kept_form_again_saves_the_answer_once_the_database_is_back(quiz, trainee):
    # CSRF is checked as in a browser: the kept form must carry a token that works.
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(trainee)
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    target = single_choice(attempt)
    url = question_url(attempt, target.position)
    question_page = browser.get(url).content.decode()
    token = dict(kept_fields(question_page))["csrfmiddlewaretoken"]
    posted = {"csrfmiddlewaretoken": token, "answer": "2", "revision": "0", "action": "next"}

    with database_down():
        outage_page = browser.post(url, posted)
    assert outage_page.status_code == 503

    fields = kept_fields(outage_page.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    again = browser.post(url, data)
    assert again.status_code == 302
    target.refresh_from_db()
    assert target.answer == [target.option_order[2]]


def test_a_typed_answer_is_kept_exactly(client, attempt):
    typed = 'The "Regional" <Council> & 1,200 km'
    with database_down():
        response = client.post(
            question_url(attempt, 1),
            {"answer": typed, "revision": "0", "action": "save"},
        )
    assert response.status_code == 503
    assert ("answer", typed) in kept_fields(response.content.decode())


@pytest.mark.parametrize("outage", [database_down, writes_refused])
def test_an_htmx_autosave_during_an_outage_is_not_acknowledged(client, attempt, outage):
    target = single_choice(attempt)
    with outage():
        response = client.post(
            question_url(attempt, target.position),
            {"answer": "0", "revision": "0"},
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["HX-Reswap"] == "none"
    assert "saved" not in response.content.decode().lower()
    target.refresh_from_db()
    assert target.answer == []


def test_an_autosave_is_acknowledged_straight_after_its_writes(client, attempt):
    # No read or rendering query runs between the save's writes and the reply,
    # so a database that goes away then cannot turn a stored answer into an error.
    target = single_choice(attempt)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            question_url(attempt, target.position),
            {"answer": "0", "revision": "0"},
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 200
    assert "Answer saved." in response.content.decode()
    sql = [query["sql"] for query in queries.captured_queries]
    written = next(n for n, q in enumerate(sql) if q.startswith('UPDATE "quizzes_response"'))
    # The answer and the place are written in one transaction, which the
    # test's own transaction makes a savepoint.
    assert all(q.startswith(("UPDATE", "RELEASE SAVEPOINT")) for q in sql[written:])
    target.refresh_from_db()
    assert target.answer == [target.option_order[0]]


@pytest.mark.parametrize("htmx", [True, False])
def test_an_answer_sent_again_after_its_reply_was_lost_is_acknowledged(client, attempt, htmx):
    # The database went away after the commit: the page still shows revision 0.
    target = single_choice(attempt)
    url = question_url(attempt, target.position)
    headers = {"HX-Request": "true"} if htmx else {}
    post = {"answer": "1", "revision": "0"} | ({} if htmx else {"action": "next"})
    assert client.post(url, post, headers=headers).status_code in (200, 302)

    again = client.post(url, post, headers=headers)
    if htmx:
        assert again.status_code == 200
        page = again.content.decode()
        assert "Answer saved." in page
        assert 'name="revision" value="1"' in page  # the page catches up
    else:
        assert again.status_code == 302
    target.refresh_from_db()
    assert (target.answer, target.revision) == ([target.option_order[1]], 1)


def test_another_answer_at_the_old_revision_is_still_refused(client, attempt):
    target = single_choice(attempt)
    url = question_url(attempt, target.position)
    client.post(url, {"answer": "1", "revision": "0"}, headers={"HX-Request": "true"})
    stale = client.post(url, {"answer": "2", "revision": "0"}, headers={"HX-Request": "true"})
    assert stale.status_code == 409
    target.refresh_from_db()
    assert target.answer == [target.option_order[1]]


def test_the_retried_autosave_is_saved_once_the_database_is_back(client, attempt):
    target = single_choice(attempt)
    post = {"answer": "1", "revision": "0"}
    url = question_url(attempt, target.position)
    with database_down():
        assert client.post(url, post, headers={"HX-Request": "true"}).status_code == 503
    response = client.post(url, post, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Answer saved." in response.content.decode()
    target.refresh_from_db()
    assert target.answer == [target.option_order[1]]
    assert target.revision == 1


def test_the_question_page_answers_503_while_the_database_is_down(client, attempt):
    with database_down():
        response = client.get(question_url(attempt, 1))
    assert response.status_code == 503
    assert f'href="{question_url(attempt, 1)}">Try again</a>' in response.content.decode()
