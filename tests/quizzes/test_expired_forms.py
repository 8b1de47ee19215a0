"""A form refused for its CSRF token (a stale tab) comes back ready to send again."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def single_choice(attempt):
    return (
        attempt.responses.select_related("question").filter(question__kind="single_choice").first()
    )


def hidden_fields(page: str) -> dict[str, str]:
    return {
        html.unescape(name): html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', page)
    }


@pytest.fixture
def strict(attempt, trainee):
    """A browser that CSRF checks apply to, signed in as the trainee, with the question open."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(trainee)
    target = single_choice(attempt)
    url = reverse("quizzes:question", args=[attempt.pk, target.position])
    assert browser.get(url).status_code == 200
    return browser, url, target


def test_an_answer_from_an_expired_form_comes_back_to_send_again_and_then_saves(strict):
    browser, url, target = strict
    refused = browser.post(
        url,
        {"csrfmiddlewaretoken": "x" * 64, "answer": "1", "revision": "0", "action": "next"},
        headers={"Origin": "http://testserver"},
    )
    page = refused.content.decode()
    assert refused.status_code == 403
    assert "This form has expired" in page
    fields = hidden_fields(page)
    assert fields["answer"] == "1" and fields["action"] == "next"
    target.refresh_from_db()
    assert target.answer == []

    resent = browser.post(url, fields, headers={"Origin": "http://testserver"})
    assert resent.status_code == 302
    target.refresh_from_db()
    assert target.answer == [target.option_order[1]]


def test_a_form_posted_from_another_site_is_explained_but_not_offered_again(strict):
    browser, url, target = strict
    refused = browser.post(
        url,
        {"answer": "1", "revision": "0", "action": "next"},
        headers={"Origin": "https://elsewhere.example"},
    )
    page = refused.content.decode()
    assert refused.status_code == 403
    assert "This form has expired" in page
    assert 'name="answer"' not in page and "csrfmiddlewaretoken" not in page


def test_an_expired_sign_in_form_never_puts_the_password_in_the_page():
    UserFactory(username="rosa")
    browser = Client(enforce_csrf_checks=True)
    browser.get(reverse("login"))
    refused = browser.post(
        reverse("login"),
        {"csrfmiddlewaretoken": "x" * 64, "username": "rosa", "password": "s3cret-words"},
        headers={"Origin": "http://testserver"},
    )
    page = refused.content.decode()
    assert refused.status_code == 403
    assert "s3cret-words" not in page and 'name="username"' not in page
