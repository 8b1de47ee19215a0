"""Two application servers on one database: a trainee can alternate between them.

The servers keep nothing of their own: sessions, attempts and answers live in
the database, so a load balancer may send each request to either server. The
test starts two gunicorn servers against the test database and takes a whole
attempt, every request to the other server than the one before.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from quizzes.models import Attempt, Question

REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="two servers share one database server: run on PostgreSQL (make test does)",
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _database_url() -> str:
    settings = connection.settings_dict
    host = urllib.parse.quote(settings["HOST"] or "", safe="")
    user = settings["USER"] or "postgres"
    return f"postgres://{user}@{host}/{settings['NAME']}"


@contextmanager
def _server(port: int) -> Iterator[str]:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_DEBUG": "1",
        "DJANGO_SECRET_KEY": "two-servers-share-this-secret-key-so-sessions-carry-over",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "1", "--log-level", "warning"],
        cwd=REPO,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/accounts/login/", timeout=5).close()
                break
            except OSError:
                # Refused while the server binds, or slow while its worker
                # imports the project on a busy machine: ask again until the deadline.
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"the server on port {port} did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


class Browser:
    """A cookie jar and a form poster, as a trainee's browser would use them."""

    def __init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.statuses: list[int] = []

    def get(self, url: str) -> str:
        with self.opener.open(url, timeout=20) as reply:
            self.statuses.append(reply.status)
            return str(reply.read().decode())

    def post(self, url: str, page: str, fields: dict[str, str]) -> str:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, "the page carries a CSRF token"
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), **fields})
        request = urllib.request.Request(url, data=data.encode(), headers={"Referer": url})
        try:
            with self.opener.open(request, timeout=20) as reply:
                self.statuses.append(reply.status)
                return str(reply.read().decode())
        except urllib.error.HTTPError as error:
            self.statuses.append(error.code)
            raise


def _answer_fields(page: str) -> dict[str, str]:
    """The first option of a choice question, or a typed answer, and the page's revision."""
    revision = re.search(r'name="revision" value="(\d+)"', page)
    assert revision, "the question page carries the answer's revision"
    option = re.search(r'name="answer" value="([^"]+)"', page)
    answer = option.group(1) if option and 'type="text"' not in page else "an answer"
    return {"answer": answer, "revision": revision.group(1), "action": "save"}


def test_a_trainee_alternating_between_two_servers_loses_nothing_and_sees_no_stale_alarm(
    quiz, trainee
):
    # Questions answered by one field: the test is about the servers, not the answer forms.
    quiz.briefing.questions.exclude(kind__in=["single_choice", "true_false", "cloze"]).update(
        status=Question.Status.DRAFT
    )
    quiz.mode = "practice"
    quiz.save()
    with _server(_free_port()) as first, _server(_free_port()) as second:
        servers = [first, second]
        browser = Browser()
        login = browser.get(f"{first}/accounts/login/")
        browser.post(
            f"{first}/accounts/login/",
            login,
            {"username": trainee.username, "password": "correct horse battery staple"},
        )
        briefing = browser.get(second + quiz.briefing.get_absolute_url())
        assert trainee.username in briefing or "Sign out" in briefing
        start = reverse("quizzes:start", kwargs={"quiz_id": quiz.pk})
        browser.post(first + start, briefing, {})
        attempt = Attempt.objects.get(user=trainee)
        count = attempt.responses.count()
        for position in range(1, count + 1):
            server = servers[position % 2]
            path = reverse(
                "quizzes:question", kwargs={"attempt_id": attempt.pk, "position": position}
            )
            page = browser.get(server + path)
            other = servers[(position + 1) % 2]
            browser.post(other + path, page, _answer_fields(page))
        summary_path = reverse("quizzes:summary", kwargs={"attempt_id": attempt.pk})
        summary = browser.get(first + summary_path)
        submit = reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk})
        results = browser.post(second + submit, summary, {"confirm": "yes"})

    attempt.refresh_from_db()
    assert attempt.finished_at is not None
    assert attempt.responses.exclude(answer=[]).count() == count
    assert 409 not in browser.statuses and not [s for s in browser.statuses if s >= 400]
    assert "stale" not in results.lower() and "another tab" not in results.lower()
