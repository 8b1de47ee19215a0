"""Report reads from a read replica: which pages read where, and reading your own writes."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pytest
from django.db import connections
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.models import Assignment, Cohort
from cohorts.routers import REPLICA, pin_cookie_name, reading_reports
from quizzes import attempts
from quizzes.models import Question, Quiz
from tests.config.test_settings import manage
from tests.factories import CohortFactory, EnrolmentFactory, MembershipFactory, UserFactory

# The replica is a second connection: it sees only committed rows.
pytestmark = pytest.mark.django_db(transaction=True)
with_replica = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="class")
def replica(django_db_setup: None) -> Iterator[None]:
    """A ``replica`` alias reading the test database, as DATABASE_REPLICA_URL adds
    one; set up before each test's database access, which must allow it."""
    entry = copy.deepcopy(connections["default"].settings_dict)
    entry["TEST"]["MIRROR"] = "default"
    connections.settings[REPLICA] = entry
    yield
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture
def cohort():
    return CohortFactory(name="Autumn")


@pytest.fixture
def quiz(seed_briefing) -> Quiz:
    seed_briefing.questions.update(status=Question.Status.APPROVED)
    quiz: Quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions, quiz.pass_mark = 3, False, 60
    quiz.save()
    return quiz


@pytest.fixture
def teacher(client, cohort):
    user = UserFactory(username="imogen", is_staff=True)
    MembershipFactory(organisation=cohort.organisation, user=user, role="instructor")
    client.force_login(user)
    return client


@pytest.fixture
def rosa(cohort, quiz):
    """A trainee who has finished the assigned quiz, all answers right."""
    user = UserFactory(username="rosa", first_name="Rosa", last_name="Reyes")
    MembershipFactory(organisation=cohort.organisation, user=user)
    EnrolmentFactory(cohort=cohort, user=user)
    Assignment.objects.create(cohort=cohort, quiz=quiz)
    attempt = attempts.start_attempt(
        user=user, quiz=quiz, seed=1, organisation_id=cohort.organisation_id
    )
    for response in attempt.responses.select_related("question").order_by("position"):
        key = [str(k) for k in response.answer_key]
        answer = key[:1] if response.question.kind == Question.Kind.CLOZE else key
        attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
    attempts.submit_attempt(attempt=attempt)
    return user


@contextmanager
def queries_by_alias() -> Iterator[dict[str, list[str]]]:
    """The SQL each database alias ran inside the block."""
    found: dict[str, list[str]] = {}
    with ExitStack() as stack:
        captured = {
            alias: stack.enter_context(CaptureQueriesContext(connections[alias]))
            for alias in connections
        }
        yield found
    for alias, context in captured.items():
        found[alias] = [query["sql"] for query in context.captured_queries]


def read(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def mentions(queries: list[str], table: str) -> bool:
    return any(f'"{table}"' in sql for sql in queries)


def writes(queries: list[str]) -> list[str]:
    return [sql for sql in queries if sql.split()[0] in {"INSERT", "UPDATE", "DELETE"}]


def report_urls(cohort: Cohort) -> dict[str, str]:
    assignment = cohort.assignments.get()
    return {
        "matrix": reverse("cohorts:cohort", args=[cohort.pk]),
        "grades": reverse("cohorts:grades_csv", args=[cohort.pk]),
        "responses": reverse("cohorts:responses_csv", args=[cohort.pk]),
        "analysis": reverse("cohorts:analysis", args=[assignment.pk]),
    }


@pytest.mark.usefixtures("replica")
@with_replica
class TestWithAReplica:
    def test_each_report_reads_attempts_from_the_replica_and_shows_the_same_results(
        self, teacher, cohort, rosa
    ):
        for name, url in report_urls(cohort).items():
            with queries_by_alias() as queries:
                page = read(teacher, url)

            assert mentions(queries[REPLICA], "quizzes_attempt"), name
            assert not mentions(queries["default"], "quizzes_attempt"), name
            assert writes(queries[REPLICA]) == [], name
            assert ("Rosa Reyes" in page or "rosa@example.org" in page) or name == "analysis"
        assert "100% (pass)" in read(teacher, report_urls(cohort)["matrix"])

    def test_the_access_check_and_every_other_page_read_from_the_primary(
        self, teacher, cohort, rosa
    ):
        pages = [
            reverse("cohorts:dashboard"),
            reverse("cohorts:enrol", args=[cohort.pk]),
            reverse("cohorts:trainee", args=[cohort.pk, rosa.pk]),
        ]
        for url in pages:
            with queries_by_alias() as queries:
                read(teacher, url)
            assert queries[REPLICA] == [], url
        with queries_by_alias() as queries:
            read(teacher, report_urls(cohort)["matrix"])
        assert mentions(queries["default"], "cohorts_cohort")
        assert mentions(queries["default"], "accounts_session")

    def test_a_prepared_query_reads_where_the_router_sends_it_each_time(self, cohort):
        from config.prepared import PreparedQuery

        # Built first inside a report block, then run outside it, and back.
        by_pk = PreparedQuery(lambda pk: Cohort.objects.filter(pk=pk), pk=int)
        for where in (REPLICA, "default", REPLICA, "default"):
            with queries_by_alias() as queries, ExitStack() as stack:
                if where == REPLICA:
                    stack.enter_context(reading_reports(RequestFactory().get("/")))
                assert by_pk.first(pk=cohort.pk) == cohort
            assert mentions(queries[where], "cohorts_cohort"), where
            other = "default" if where == REPLICA else REPLICA
            assert not mentions(queries[other], "cohorts_cohort"), where

    def test_an_object_read_from_the_replica_is_saved_to_the_primary(self, cohort):
        with reading_reports(RequestFactory().get("/")):
            copy_of_cohort = Cohort.objects.get(pk=cohort.pk)
        assert copy_of_cohort._state.db == REPLICA

        copy_of_cohort.name = "Winter"
        with queries_by_alias() as queries:
            copy_of_cohort.save()

        assert writes(queries["default"]) and queries[REPLICA] == []
        assert Cohort.objects.get(pk=cohort.pk).name == "Winter"

    def test_after_a_change_the_instructor_reads_the_primary_until_the_pin_expires(
        self, teacher, cohort, rosa, settings
    ):
        assignment = cohort.assignments.get()
        with queries_by_alias() as queries:
            response = teacher.post(
                reverse("cohorts:override", args=[cohort.pk, rosa.pk]),
                {"assignment": assignment.pk, "percent": "40", "reason": "Copied answers"},
            )
            matrix = read(teacher, report_urls(cohort)["matrix"])

        assert response.status_code == 302
        assert "40% (fail, overridden)" in matrix
        assert writes(queries["default"]) and queries[REPLICA] == []
        pin = response.cookies[pin_cookie_name()]
        assert int(pin["max-age"]) == settings.DATABASE_REPLICA_PIN_SECONDS
        assert pin["httponly"] and pin["samesite"] == "Lax"

        del teacher.cookies[pin_cookie_name()]  # the browser drops it when it expires
        with queries_by_alias() as queries:
            assert "40% (fail, overridden)" in read(teacher, report_urls(cohort)["matrix"])
        assert mentions(queries[REPLICA], "cohorts_gradeoverride")


def test_without_a_replica_reports_read_the_primary_and_no_pin_is_set(teacher, cohort, rosa):
    assert REPLICA not in connections
    for name, url in report_urls(cohort).items():
        with queries_by_alias() as queries:
            read(teacher, url)
        assert list(queries) == ["default"]
        assert mentions(queries["default"], "quizzes_attempt"), name
    response = teacher.post(
        reverse("cohorts:override", args=[cohort.pk, rosa.pk]),
        {"assignment": cohort.assignments.get().pk, "percent": "40", "reason": "Copied"},
    )
    assert response.status_code == 302
    assert pin_cookie_name() not in response.cookies


def database_settings(extra_env: dict[str, str]) -> dict[str, object]:
    script = (
        "import json; from django.conf import settings;"
        "print(json.dumps({'aliases': {a: [d['HOST'], d['NAME'], d.get('TEST', {})]"
        " for a, d in settings.DATABASES.items()},"
        " 'routers': settings.DATABASE_ROUTERS}, default=str))"
    )
    result = manage("shell", "-c", script, extra_env=extra_env)
    assert result.returncode == 0, result.stderr
    loaded: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def test_database_replica_url_adds_a_replica_that_tests_read_as_the_primary():
    with_replica = database_settings(
        {"DATABASE_REPLICA_URL": "postgres://reader:secret@replica.example.org:5432/briefings"}
    )
    without = database_settings({})

    aliases = with_replica["aliases"]
    assert isinstance(aliases, dict)
    host, name, test = aliases[REPLICA]
    assert (host, name, test["MIRROR"]) == ("replica.example.org", "briefings", "default")
    assert with_replica["routers"] == ["cohorts.routers.ReportReplicaRouter"]
    assert isinstance(without["aliases"], dict) and list(without["aliases"]) == ["default"]
