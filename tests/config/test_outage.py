"""A database that goes away: pages answer a friendly 503 with Retry-After, never a 500."""

import glob
import json
import os
import subprocess
import sys
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.handlers.exception import convert_exception_to_response
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from config.middleware import RETRY_AFTER_SECONDS, DatabaseUnavailableMiddleware
from tests.conftest import REPO
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@contextmanager
def database_down(error=None):
    """Every query fails as it does while the server refuses connections."""
    error = error or OperationalError("connection to server failed: Connection refused")
    with mock.patch.object(connection, "ensure_connection", side_effect=error):
        yield


@pytest.fixture
def signed_in(client):
    client.force_login(UserFactory())
    return client


def assert_friendly_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]


def test_a_page_answers_a_friendly_503_with_retry_after(signed_in):
    with database_down():
        response = signed_in.get(reverse("briefings:list") + "?page=2")
    assert_friendly_503(response)
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "<h1>Back in a moment</h1>" in page
    assert "cannot reach its database" in page
    assert 'href="/briefings/?page=2">Try again</a>' in page
    assert "Server Error" not in page


def test_the_503_page_keeps_the_site_look_and_its_security_headers(signed_in):
    with database_down():
        response = signed_in.get(reverse("briefings:list"))
    page = response.content.decode()
    assert 'rel="stylesheet" href="/static/css/site.css"' in page
    assert 'class="site-header"' in page
    assert "<script" not in page  # nothing for the CSP to allow
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_a_connection_closed_under_the_site_is_a_503_too(signed_in):
    with database_down(InterfaceError("connection already closed")):
        response = signed_in.get(reverse("quizzes:learning"))
    assert_friendly_503(response)


def test_an_htmx_request_gets_plain_text_and_the_page_is_left_alone(signed_in):
    with database_down():
        response = signed_in.get(reverse("briefings:list"), headers={"HX-Request": "true"})
    assert_friendly_503(response)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["HX-Reswap"] == "none"
    assert "try again in a few seconds" in response.content.decode().lower()


def test_a_sign_in_during_an_outage_never_puts_the_password_in_the_page(client):
    user = UserFactory()
    with database_down():
        response = client.post(
            reverse("login"), {"username": user.username, "password": "sw0rdfish-Secret"}
        )
    assert_friendly_503(response)
    page = response.content.decode()
    assert "sw0rdfish-Secret" not in page
    assert "<form" not in page
    assert 'href="/accounts/login/">go back to the page</a>' in page


def test_a_database_error_met_by_a_middleware_outside_the_view_is_a_503():
    # As when the session is saved on the way out: Django has already turned
    # the inner error into a 500 by the time it reaches this middleware.
    def save_session(request):
        raise OperationalError("server closed the connection unexpectedly")

    middleware = DatabaseUnavailableMiddleware(convert_exception_to_response(save_session))
    response = middleware(RequestFactory().get("/briefings/"))
    assert_friendly_503(response)
    assert "Back in a moment" in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_other_errors_stay_server_errors():
    def broken(request):
        raise ValueError("a bug, not an outage")

    middleware = DatabaseUnavailableMiddleware(convert_exception_to_response(broken))
    assert middleware(RequestFactory().get("/")).status_code == 500
    assert middleware.process_exception(RequestFactory().get("/"), ValueError("bug")) is None


def test_a_view_error_that_is_not_the_database_still_reaches_the_error_handler():
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())
    with mock.patch("briefings.views.render", side_effect=ValueError("a bug")):
        assert client.get(reverse("briefings:list")).status_code == 500


def test_the_middleware_passes_healthy_responses_through():
    middleware = DatabaseUnavailableMiddleware(lambda request: HttpResponse("fine"))
    assert middleware(RequestFactory().get("/")).content == b"fine"


@pytest.mark.skipif(
    not glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reason="PostgreSQL is not installed"
)
def test_stopping_postgresql_mid_run_gives_503s_and_loses_no_acknowledged_answer(tmp_path):
    # bench/outage.py on its own throwaway cluster: trainees answer through
    # gunicorn while PostgreSQL is stopped for 3 seconds and started again.
    counts_file = tmp_path / "counts.json"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [
            sys.executable,
            "bench/outage.py",
            *("--trainees", "8", "--workers", "2", "--before", "2", "--outage", "3"),
            *("--after", "4", "--json", str(counts_file)),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    counts = json.loads(counts_file.read_text())
    assert counts["500"] == 0
    assert counts["503"] > 0
    assert counts["acknowledged answers missing"] == 0
    assert counts["saves never acknowledged"] == 0
    assert counts["questions checked against the database"] > 0
