"""The pages a trainee opens most build no SQL after their first view.

Their queries are prepared (config.prepared): built once per connection and
run again with the trainee's values, since building the SQL cost the ORM more
than the database took to run it.
"""

from __future__ import annotations

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db.models.sql.compiler import SQLCompiler
from django.urls import reverse

pytestmark = pytest.mark.django_db


@contextmanager
def counting_built_queries():
    built: list[str] = []
    original = SQLCompiler.as_sql

    def as_sql(self, *args, **kwargs):
        sql, params = original(self, *args, **kwargs)
        built.append(sql)
        return sql, params

    with mock.patch.object(SQLCompiler, "as_sql", as_sql):
        yield built


def pages(attempt):
    return [
        attempt.quiz.briefing.get_absolute_url(),
        reverse("quizzes:question", kwargs={"attempt_id": attempt.pk, "position": 1}),
        reverse("quizzes:question", kwargs={"attempt_id": attempt.pk, "position": 2}),
        reverse("quizzes:learning"),
    ]


def test_a_second_view_of_each_trainee_page_builds_no_sql(client, attempt):
    for url in pages(attempt):
        assert client.get(url).status_code == 200

    for url in pages(attempt):
        with counting_built_queries() as built:
            assert client.get(url).status_code == 200
        assert built == [], url


def test_prepared_pages_show_each_trainee_their_own_attempt(client, attempt, quiz):
    from quizzes import attempts
    from tests.factories import UserFactory, enrol_in_briefing

    other = UserFactory()
    enrol_in_briefing(other, quiz.briefing)
    theirs = attempts.start_attempt(user=other, quiz=quiz)
    mine = reverse("quizzes:question", kwargs={"attempt_id": attempt.pk, "position": 1})
    their_url = reverse("quizzes:question", kwargs={"attempt_id": theirs.pk, "position": 1})

    assert client.get(mine).status_code == 200
    assert client.get(their_url).status_code == 404
    client.force_login(other)
    assert client.get(their_url).status_code == 200
    assert client.get(mine).status_code == 404
