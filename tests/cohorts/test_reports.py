"""The cohort page's progress matrix, its sorting and totals, and the CSV exports."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from briefings.services import import_article
from cohorts import reports
from cohorts.demo import instructor_group
from cohorts.models import Assignment, Enrolment
from organisations.models import Membership
from quizzes import attempts
from quizzes.models import Attempt, Question, Quiz, Response
from tests.conftest import SHARED_ARTICLES
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Dozens of accounts per test: hash their passwords cheaply."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def organisation_of(user: User) -> int | None:
    """The organisation of the user's cohort: their attempts are taken under it."""
    return (
        Enrolment.objects.filter(user=user)
        .values_list("cohort__organisation_id", flat=True)
        .first()
    )


def finish_attempt(user: User, quiz: Quiz, *, right: int, submit: bool = True) -> Attempt:
    """An attempt with the first ``right`` questions answered correctly, then submitted."""
    attempt = attempts.start_attempt(
        user=user, quiz=quiz, seed=1, organisation_id=organisation_of(user)
    )
    for response in attempt.responses.select_related("question").order_by("position")[:right]:
        key = [str(k) for k in response.answer_key]
        answer = key[:1] if response.question.kind == Question.Kind.CLOZE else key
        attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
    return attempts.submit_attempt(attempt=attempt) if submit else attempt


def ready(briefing):
    """The briefing's default quiz: three approved questions in bank order, pass mark 70."""
    briefing.questions.update(status=Question.Status.APPROVED)
    quiz = briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions, quiz.pass_mark = 3, False, 70
    quiz.save()
    return quiz


@pytest.fixture
def quiz(seed_briefing):
    return ready(seed_briefing)


@pytest.fixture
def second_quiz(db):
    path = SHARED_ARTICLES / "01_usagm_ricardo_de_mello.txt"
    return ready(import_article(data=path.read_bytes(), source_name=path.name).briefing)


@pytest.fixture
def cohort(db):
    return CohortFactory(name="Spring intake", start_date=TODAY - timedelta(days=30))


@pytest.fixture
def instructor_client(client, cohort):
    instructor = UserFactory(username="teacher", is_staff=True)
    instructor.groups.add(instructor_group())
    Membership.objects.create(
        organisation=cohort.organisation, user=instructor, role=Membership.Role.INSTRUCTOR
    )
    client.force_login(instructor)
    return client


def enrol(cohort, first, last="", *, enrolled_on=None):
    user = UserFactory(first_name=first, last_name=last, username=f"{first}{last}".lower())
    Membership.objects.create(organisation=cohort.organisation, user=user)
    Enrolment.objects.create(cohort=cohort, user=user, enrolled_on=enrolled_on or TODAY)
    return user


def page(client, cohort, **params):
    response = client.get(reverse("cohorts:cohort", args=[cohort.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def csv_rows(response) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


# ---------------------------------------------------------------------------
# Query count


def test_the_cohort_page_query_count_does_not_grow_with_trainees(
    instructor_client, cohort, quiz, second_quiz
):
    Assignment.objects.create(cohort=cohort, quiz=quiz, due_on=TODAY + timedelta(days=3))
    Assignment.objects.create(cohort=cohort, quiz=second_quiz, due_days_after_enrolment=7)

    def add_trainees(start: int, stop: int) -> None:
        for n in range(start, stop):
            trainee = enrol(cohort, f"Trainee{n:03}", enrolled_on=TODAY - timedelta(days=n % 9))
            finish_attempt(trainee, quiz, right=n % 4)
            if n % 2:
                finish_attempt(trainee, second_quiz, right=3, submit=n % 3 != 0)

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            html = page(instructor_client, cohort)
        assert "<svg" in html
        return len(queries)

    add_trainees(0, 5)
    with_5 = count_queries()
    add_trainees(5, 50)
    with_50 = count_queries()

    assert Enrolment.objects.filter(cohort=cohort).count() == 50
    assert with_50 == with_5
    # Paged by the database: counts, the page's keys and people, the people
    # with attempts, and the idle ones by day, beside the enrolment files.
    assert with_5 <= 18


# ---------------------------------------------------------------------------
# Cell states


@pytest.fixture
def states(cohort, quiz):
    """One trainee in each state of an assignment due yesterday."""
    Assignment.objects.create(cohort=cohort, quiz=quiz, due_on=TODAY - timedelta(days=1))
    people = {
        "not_started": enrol(cohort, "Nadia", "Notyet"),
        "in_progress": enrol(cohort, "Ivan", "Inprogress"),
        "passed": enrol(cohort, "Pia", "Passed"),
        "failed": enrol(cohort, "Femi", "Failed"),
    }
    finish_attempt(people["in_progress"], quiz, right=1, submit=False)
    finish_attempt(people["passed"], quiz, right=3)
    finish_attempt(people["failed"], quiz, right=2)
    return people


def test_each_cell_shows_not_started_in_progress_pass_or_fail(cohort, states):
    matrix = reports.progress_matrix(cohort)
    cells = {row.enrolment.user.first_name: row.cells[0] for row in matrix.rows}
    assert {name: cell.state for name, cell in cells.items()} == {
        "Nadia": "not_started",
        "Ivan": "in_progress",
        "Pia": "passed",
        "Femi": "failed",
    }
    assert cells["Pia"].label == "100% (pass)"
    assert cells["Femi"].label == "67% (fail), overdue"
    assert cells["Nadia"].label == "Not started, overdue"
    assert cells["Ivan"].label == "In progress, overdue"


def test_the_page_shows_the_labels_and_marks_overdue_cells(instructor_client, cohort, states):
    html = page(instructor_client, cohort)
    assert "100% (pass)" in html
    assert "67% (fail), overdue" in html
    assert "Not started, overdue" in html
    assert html.count("cell-overdue") == 3
    assert 'class="cell cell-passed"' in html


def test_a_pass_is_never_overdue_even_past_the_due_date(cohort, states):
    matrix = reports.progress_matrix(cohort)
    pia = next(r for r in matrix.rows if r.enrolment.user.first_name == "Pia")
    assert pia.cells[0].overdue is False
    assert pia.cells[0].completed_at is not None


def test_the_assignment_pass_mark_overrides_the_quizs(cohort, states):
    Assignment.objects.filter(cohort=cohort).update(pass_mark=60)
    matrix = reports.progress_matrix(cohort)
    femi = next(r for r in matrix.rows if r.enrolment.user.first_name == "Femi")
    assert femi.cells[0].label == "67% (pass)"


def test_a_due_date_counted_from_enrolment_is_overdue_only_for_early_enrollers(cohort, quiz):
    Assignment.objects.create(cohort=cohort, quiz=quiz, due_days_after_enrolment=10)
    enrol(cohort, "Early", enrolled_on=TODAY - timedelta(days=11))
    enrol(cohort, "Recent", enrolled_on=TODAY - timedelta(days=10))
    matrix = reports.progress_matrix(cohort)
    cells = {row.enrolment.user.first_name: row.cells[0] for row in matrix.rows}
    assert cells["Early"].due == TODAY - timedelta(days=1)
    assert cells["Early"].overdue is True
    assert cells["Recent"].due == TODAY
    assert cells["Recent"].overdue is False


# ---------------------------------------------------------------------------
# Sorting and totals


@pytest.fixture
def scored(cohort, quiz, second_quiz):
    first = Assignment.objects.create(cohort=cohort, quiz=quiz)
    second = Assignment.objects.create(cohort=cohort, quiz=second_quiz, opens_on=TODAY)
    zoe, amy, bob = (
        enrol(cohort, "Zoe", "Adams"),
        enrol(cohort, "amy", "Brown"),
        enrol(cohort, "Bob"),
    )
    finish_attempt(zoe, quiz, right=3)
    finish_attempt(amy, quiz, right=1)
    finish_attempt(zoe, second_quiz, right=3)
    finish_attempt(bob, second_quiz, right=2)
    return first, second


def names_in_order(html: str, *names: str) -> list[str]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return sorted(names, key=body.index)


def test_sorting_by_name_ignores_case_and_reverses(instructor_client, cohort, scored):
    assert names_in_order(page(instructor_client, cohort), "Zoe", "amy", "Bob") == [
        "amy",
        "Bob",
        "Zoe",
    ]
    assert names_in_order(page(instructor_client, cohort, sort="-name"), "Zoe", "amy", "Bob") == [
        "Zoe",
        "Bob",
        "amy",
    ]


def test_sorting_by_an_assignment_score_both_ways(instructor_client, cohort, scored):
    first, _ = scored
    ascending = page(instructor_client, cohort, sort=f"a{first.pk}")
    descending = page(instructor_client, cohort, sort=f"-a{first.pk}")
    # Bob has not started the first assignment: lowest of all.
    assert names_in_order(ascending, "Zoe", "amy", "Bob") == ["Bob", "amy", "Zoe"]
    assert names_in_order(descending, "Zoe", "amy", "Bob") == ["Zoe", "amy", "Bob"]


def test_the_column_header_link_toggles_the_direction(instructor_client, cohort, scored):
    first, _ = scored
    html = page(instructor_client, cohort, sort=f"a{first.pk}")
    assert f'href="?sort=-a{first.pk}"' in html
    html = page(instructor_client, cohort, sort=f"-a{first.pk}")
    assert f'href="?sort=a{first.pk}"' in html
    assert 'aria-sort="descending"' in html


def test_sorting_by_passed_puts_the_most_passes_first(instructor_client, cohort, scored):
    html = page(instructor_client, cohort, sort="-passed")
    assert names_in_order(html, "Zoe", "amy", "Bob")[0] == "Zoe"


def test_rows_and_columns_have_totals(instructor_client, cohort, scored):
    matrix = reports.progress_matrix(cohort)
    passed = {row.enrolment.user.first_name: row.passed for row in matrix.rows}
    assert passed == {"amy": 0, "Bob": 0, "Zoe": 2}
    first, second = matrix.totals
    assert (first.passed, first.finished, first.overdue, first.mean_percent) == (1, 2, 0, 67)
    assert (second.passed, second.finished, second.mean_percent) == (1, 2, 83)

    html = page(instructor_client, cohort)
    assert "2 of 2" in html and html.count("0 of 2") == 2
    assert "1 passed, 2 finished; mean 67%" in html
    assert "1 passed, 2 finished; mean 83%" in html


# ---------------------------------------------------------------------------
# CSV exports


def test_grades_csv_has_a_row_per_trainee_and_a_score_and_date_per_assignment(
    instructor_client, cohort, scored
):
    first, second = scored
    response = instructor_client.get(reverse("cohorts:grades_csv", args=[cohort.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="grades-cohort-{cohort.pk}.csv"' in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    title_1, title_2 = first.quiz.briefing.title, second.quiz.briefing.title
    assert header == [
        "name",
        "email",
        "enrolled on",
        f"{title_1} (score %)",
        f"{title_1} (completed)",
        f"{title_1} (overridden because)",
        f"{title_2} (score %)",
        f"{title_2} (completed)",
        f"{title_2} (overridden because)",
    ]
    by_name = {row[0]: row for row in rows}
    assert len(rows) == 3 == len(by_name)
    today = TODAY.isoformat()
    assert by_name["Zoe Adams"][3:] == ["100", today, "", "100", today, ""]
    assert by_name["amy Brown"][3:] == ["33", "", "", "", "", ""]
    assert by_name["Bob"][3:] == ["", "", "", "67", "", ""]
    assert by_name["Bob"][1] == "bob@example.org"


def test_responses_csv_streams_every_answer_of_the_cohorts_assignments(
    instructor_client, cohort, scored, quiz
):
    outsider = UserFactory()
    finish_attempt(outsider, quiz, right=3)  # not in the cohort: not in the file
    response = instructor_client.get(reverse("cohorts:responses_csv", args=[cohort.pk]))
    assert isinstance(response, StreamingHttpResponse)
    header, *rows = csv_rows(response)
    assert header[:3] == ["email", "quiz", "attempt"] and header[-2:] == ["score", "answered at"]
    assert len(rows) == 4 * 3  # four attempts of three questions
    assert {row[0] for row in rows} == {
        "zoeadams@example.org",
        "amybrown@example.org",
        "bob@example.org",
    }
    zoe_first = [r for r in rows if r[0] == "zoeadams@example.org" and r[1] == quiz.title]
    assert [r[4] for r in zoe_first] == ["1", "2", "3"]
    assert all(r[9] == "1.000" and r[8] and r[10] for r in zoe_first)
    amy = [r for r in rows if r[0] == "amybrown@example.org"]
    assert [r[9] for r in amy] == ["1.000", "", ""]  # unanswered questions have no score


def test_an_empty_cohort_page_says_what_to_do(instructor_client, cohort):
    html = page(instructor_client, cohort)
    assert "Nothing is assigned to this cohort yet." in html


def test_ties_stay_in_name_order_whichever_way_the_column_is_sorted(
    instructor_client, cohort, scored
):
    for sort in ("passed", "-passed"):
        order = names_in_order(page(instructor_client, cohort, sort=sort), "Zoe", "amy", "Bob")
        assert order == (["amy", "Bob", "Zoe"] if sort == "passed" else ["Zoe", "amy", "Bob"])


def test_exports_never_hand_a_spreadsheet_a_formula(instructor_client, cohort, scored, quiz):
    """Names come from uploads and answers from trainees: "=…" must arrive as text."""
    User.objects.filter(first_name="Bob").update(first_name='=HYPERLINK("http://x.example")')
    zoe_response = Response.objects.filter(attempt__user__first_name="Zoe").order_by("pk").first()
    Response.objects.filter(pk=zoe_response.pk).update(answer=["@SUM(1+1)"])

    grades = csv_rows(instructor_client.get(reverse("cohorts:grades_csv", args=[cohort.pk])))
    responses = csv_rows(instructor_client.get(reverse("cohorts:responses_csv", args=[cohort.pk])))

    assert [r[0] for r in grades if "x.example" in r[0]] == ['\'=HYPERLINK("http://x.example")']
    assert "'@SUM(1+1)" in [r[8] for r in responses]
    cells = [cell for row in grades + responses for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]


def test_item_analysis_of_random_draws_counts_only_attempts_that_showed_each_question(
    monkeypatch,
):
    from types import SimpleNamespace

    from cohorts import reports

    # Two attempts drew different questions: q1 was answered right both times
    # it was shown, so its facility is 1, not diluted by the attempt without it.
    marks = {10: {1: 1.0, 2: 0.0}, 11: {1: 1.0, 3: 1.0}, 12: {2: 1.0, 3: 0.0}}
    rows = [
        (attempt, question, score, "answered", f"Question {question}")
        for attempt, answers in marks.items()
        for question, score in answers.items()
    ]

    class FakeQuery:
        def filter(self, *args, **kwargs):
            return self

        def exclude(self, *args, **kwargs):
            return self

        def values(self, *args):
            return self

        def values_list(self, *args):
            return rows

    # The attempts are only a lazy subquery here; the responses are faked.
    monkeypatch.setattr(reports.Response, "objects", FakeQuery())
    assignment = SimpleNamespace(
        cohort=SimpleNamespace(enrolments=Enrolment.objects.none(), organisation_id=1), quiz_id=1
    )
    report = reports.item_analysis(assignment)
    assert report is not None and not report.same_questions
    by_stem = {stem: (stats, shown) for stem, stats, shown in report.items}
    assert by_stem["Question 1"][0].facility == 1.0
    assert by_stem["Question 1"][1] == 2
    assert report.quiz.cronbach_alpha is None


# ---------------------------------------------------------------------------
# Sorting a page at a time


@pytest.fixture
def mixed(cohort, quiz):
    """Passes, fails, an attempt in progress, overrides both ways, people who
    have not started, pending invitations and an account that never signed in
    (shown as invited, without its attempt), with names in no useful order."""
    from cohorts.models import GradeOverride, Invitation

    assignment = Assignment.objects.create(cohort=cohort, quiz=quiz)
    for first, right in [("Hana", 3), ("cara", 3), ("Olu", 1), ("ben", 1), ("Ida", 2)]:
        finish_attempt(enrol(cohort, first), quiz, right=right)
    finish_attempt(enrol(cohort, "Gus"), quiz, right=3, submit=False)
    for first in ["Tom", "anne", "Yves", "dora", "Finn"]:
        enrol(cohort, first)
    teacher = UserFactory(username="marker")
    for first, percent in [("Pia", 90), ("Eli", 40)]:
        user = enrol(cohort, first)
        if first == "Eli":
            finish_attempt(user, quiz, right=3)
        GradeOverride.objects.create(
            assignment=assignment, user=user, percent=percent, reason="Checked", created_by=teacher
        )
    never = User.objects.create_user("quinn", "quinn@example.org", first_name="Quinn")
    Membership.objects.create(organisation=cohort.organisation, user=never)
    Enrolment.objects.create(cohort=cohort, user=never)
    finish_attempt(never, quiz, right=3)
    for first in ["Vera", "kim"]:
        guest = UserFactory(username=f"guest-{first}")
        Invitation.objects.create(
            cohort=cohort, user=guest, email=guest.email, first_name=first, token=first
        )
    return assignment


@pytest.mark.parametrize("direction", ["", "-"])
@pytest.mark.parametrize("column", ["passed", "assignment"])
def test_a_page_sorted_by_score_or_passes_matches_the_whole_list_sorted(
    cohort, mixed, monkeypatch, column, direction
):
    sort = direction + ("passed" if column == "passed" else f"a{mixed.pk}")
    whole = reports.progress_matrix(cohort, sort=sort)
    sorted_sizes: list[int] = []
    sort_rows = reports.sort_rows

    def counting_sort_rows(rows, *args):
        sorted_sizes.append(len(rows))
        return sort_rows(rows, *args)

    monkeypatch.setattr(reports, "sort_rows", counting_sort_rows)
    pages = [
        reports.progress_matrix(cohort, sort=sort, page=number, per_page=4)
        for number in range(1, 6)
    ]

    assert [row.name for matrix in pages[:4] for row in matrix.rows] == [
        row.name for row in whole.rows
    ]
    assert [len(matrix.rows) for matrix in pages] == [4, 4, 4, 4, 4]
    assert pages[4].rows == pages[3].rows  # past the end: the last page
    assert {(matrix.count, matrix.pages) for matrix in pages} == {(16, 4)}
    assert pages[0].totals == whole.totals
    # Only people with a score (or a pass) are sorted in Python; the rest are
    # paged by the database in name order.
    assert sorted_sizes and max(sorted_sizes) <= 8
