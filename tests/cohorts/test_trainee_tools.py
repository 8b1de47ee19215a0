"""One trainee in a cohort, from /teach/: their attempts, extra attempts and
time, grade overrides, unenrolling; and the headers that keep results out of
caches."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cohorts.demo import instructor_group
from cohorts.models import Assignment, Cohort, Enrolment, GradeOverride
from organisations.models import Membership, Organisation
from quizzes import attempts
from quizzes.models import Attempt, AttemptAllowance, Question, Quiz, TimeAccommodation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def quiz(seed_briefing) -> Quiz:
    seed_briefing.questions.update(status=Question.Status.APPROVED)
    quiz: Quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions, quiz.pass_mark = 3, False, 70
    quiz.attempts_allowed, quiz.time_limit_minutes = 1, 10
    quiz.save()
    return quiz


@pytest.fixture
def cohort(db) -> Cohort:
    organisation = Organisation.objects.create(name="Harbour Training", slug="harbour")
    return Cohort.objects.create(organisation=organisation, name="Autumn", start_date=date.today())


@pytest.fixture
def assignment(cohort, quiz) -> Assignment:
    return Assignment.objects.create(cohort=cohort, quiz=quiz)


@pytest.fixture
def instructor(cohort) -> User:
    user = User.objects.create_user("imogen", "imogen@example.org", "pw", first_name="Imogen")
    user.is_staff = True
    user.save()
    user.groups.add(instructor_group())
    Membership.objects.create(
        organisation=cohort.organisation, user=user, role=Membership.Role.INSTRUCTOR
    )
    return user


@pytest.fixture
def teacher(client, instructor):
    client.force_login(instructor)
    return client


def add_trainee(cohort: Cohort, name: str) -> User:
    user = User.objects.create_user(name.lower(), f"{name.lower()}@example.org", "pw")
    user.first_name = name
    user.save()
    Membership.objects.create(organisation=cohort.organisation, user=user)
    Enrolment.objects.create(cohort=cohort, user=user)
    return user


@pytest.fixture
def rosa(cohort) -> User:
    return add_trainee(cohort, "Rosa")


def finish(user: User, quiz: Quiz, cohort: Cohort, *, right: int) -> Attempt:
    attempt = attempts.start_attempt(
        user=user, quiz=quiz, seed=1, organisation_id=cohort.organisation_id
    )
    for response in attempt.responses.select_related("question").order_by("position")[:right]:
        key = [str(k) for k in response.answer_key]
        answer = key[:1] if response.question.kind == Question.Kind.CLOZE else key
        attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
    return attempts.submit_attempt(attempt=attempt)


def url(name: str, cohort: Cohort, user: User, *extra: int) -> str:
    return reverse(f"cohorts:{name}", args=[cohort.pk, user.pk, *extra])


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# ---------------------------------------------------------------------------
# The trainee page and an attempt's answers


def test_a_matrix_cell_links_to_the_trainees_attempts_and_on_to_their_answers(
    teacher, cohort, assignment, quiz, rosa
):
    attempt = finish(rosa, quiz, cohort, right=2)
    matrix = teacher.get(reverse("cohorts:cohort", args=[cohort.pk])).content.decode()
    assert f'href="{url("trainee", cohort, rosa)}#assignment-1"' in matrix

    page = teacher.get(url("trainee", cohort, rosa)).content.decode()
    assert "67% (fail)" in page
    attempt_url = url("trainee_attempt", cohort, rosa, attempt.pk)
    assert attempt_url in page

    answers = teacher.get(attempt_url)
    assert answers.status_code == 200
    html = answers.content.decode()
    first = attempt.responses.select_related("question").order_by("position").first()
    assert first.question.stem in html
    assert html.count("Not answered") == 1  # the third question was left blank


def test_someone_not_in_the_cohort_has_no_trainee_page(teacher, cohort, assignment):
    outsider = User.objects.create_user("olga", "olga@example.org", "pw")
    Membership.objects.create(organisation=cohort.organisation, user=outsider)
    assert teacher.get(url("trainee", cohort, outsider)).status_code == 404


def test_an_attempt_of_another_quiz_is_not_shown_through_the_cohort(
    teacher, cohort, assignment, rosa
):
    from briefings.services import import_article
    from tests.conftest import SHARED_ARTICLES

    path = SHARED_ARTICLES / "01_usagm_ricardo_de_mello.txt"
    other = import_article(data=path.read_bytes(), source_name=path.name).briefing
    other.questions.update(status=Question.Status.APPROVED)
    unassigned = finish(rosa, other.quizzes.get(is_default=True), cohort, right=1)
    assert teacher.get(url("trainee_attempt", cohort, rosa, unassigned.pk)).status_code == 404


# ---------------------------------------------------------------------------
# Extra attempts, extra time, overrides


def test_granting_an_extra_attempt_lets_the_trainee_start_again(
    teacher, instructor, cohort, assignment, quiz, rosa
):
    finish(rosa, quiz, cohort, right=1)
    with pytest.raises(attempts.NoAttemptsLeft):
        attempts.start_attempt(user=rosa, quiz=quiz, organisation_id=cohort.organisation_id)

    response = teacher.post(
        url("grant_attempts", cohort, rosa), {"assignment": assignment.pk, "extra_attempts": 1}
    )

    assert response.status_code == 302
    assert messages_of(response) == [f"Rosa now has 1 extra attempt at {quiz.title}."]
    allowance = AttemptAllowance.objects.get(user=rosa, quiz=quiz)
    assert (allowance.extra_attempts, allowance.granted_by) == (1, instructor)
    second = attempts.start_attempt(user=rosa, quiz=quiz, organisation_id=cohort.organisation_id)
    assert second.number == 2


def test_extra_time_is_stored_and_one_removes_it(teacher, cohort, assignment, quiz, rosa):
    teacher.post(
        url("extra_time", cohort, rosa), {"assignment": assignment.pk, "multiplier": "1.5"}
    )
    assert TimeAccommodation.objects.get(user=rosa, quiz=quiz).multiplier == Decimal("1.5")
    assert "×1.5" in teacher.get(url("trainee", cohort, rosa)).content.decode()

    teacher.post(url("extra_time", cohort, rosa), {"assignment": assignment.pk, "multiplier": "1"})
    assert not TimeAccommodation.objects.filter(user=rosa).exists()


def test_an_override_keeps_its_reason_and_author_and_shows_everywhere(
    teacher, instructor, cohort, assignment, quiz, rosa
):
    finish(rosa, quiz, cohort, right=1)
    reason = "Answered orally in class"

    response = teacher.post(
        url("override", cohort, rosa),
        {"assignment": assignment.pk, "percent": "85", "reason": reason},
    )

    assert response.status_code == 302
    override = GradeOverride.objects.get(assignment=assignment, user=rosa)
    assert (override.percent, override.reason, override.created_by) == (85, reason, instructor)
    matrix = teacher.get(reverse("cohorts:cohort", args=[cohort.pk])).content.decode()
    assert "85% (pass, overridden)" in matrix and reason in matrix
    page = teacher.get(url("trainee", cohort, rosa)).content.decode()
    assert "Grade overridden to 85% by Imogen" in page and reason in page
    body = b"".join(teacher.get(reverse("cohorts:grades_csv", args=[cohort.pk])).streaming_content)
    [header, row] = list(csv.reader(io.StringIO(body.decode())))
    assert row[3] == "85" and row[5] == reason


def test_an_override_without_a_reason_is_refused(teacher, cohort, assignment, rosa):
    response = teacher.post(
        url("override", cohort, rosa), {"assignment": assignment.pk, "percent": "85", "reason": " "}
    )
    assert response.status_code == 302
    assert messages_of(response) == ["This field is required."]
    assert not GradeOverride.objects.exists()


def test_an_override_can_be_removed(teacher, cohort, assignment, rosa):
    GradeOverride.objects.create(assignment=assignment, user=rosa, percent=90, reason="Viva")
    teacher.post(url("override", cohort, rosa), {"assignment": assignment.pk, "remove": "1"})
    assert not GradeOverride.objects.exists()


def test_tools_refuse_an_assignment_of_another_cohort(teacher, cohort, quiz, rosa):
    other = Cohort.objects.create(
        organisation=cohort.organisation, name="Winter", start_date=date.today()
    )
    elsewhere = Assignment.objects.create(cohort=other, quiz=quiz)
    response = teacher.post(
        url("override", cohort, rosa), {"assignment": elsewhere.pk, "percent": "1", "reason": "x"}
    )
    assert response.status_code == 404
    assert not GradeOverride.objects.exists()


# ---------------------------------------------------------------------------
# Unenrolling, CSV on the cohort's page, resending


def test_unenrolling_asks_first_then_keeps_the_account_and_its_attempts(
    teacher, cohort, assignment, quiz, rosa
):
    finish(rosa, quiz, cohort, right=3)
    confirm = teacher.get(reverse("cohorts:remove", args=[cohort.pk]), {"email": rosa.email})
    assert confirm.status_code == 200
    assert "Unenrol Rosa?" in confirm.content.decode()
    assert Enrolment.objects.filter(cohort=cohort, user=rosa).exists()  # nothing yet

    response = teacher.post(reverse("cohorts:remove", args=[cohort.pk]), {"email": rosa.email})

    assert response.status_code == 302
    assert not Enrolment.objects.filter(cohort=cohort, user=rosa).exists()
    assert Attempt.objects.filter(user=rosa).count() == 1
    assert User.objects.filter(pk=rosa.pk).exists()
    assert teacher.get(url("trainee", cohort, rosa)).status_code == 404


def test_unenrolling_needs_a_post(teacher, cohort, rosa):
    teacher.get(reverse("cohorts:remove", args=[cohort.pk]), {"email": rosa.email})
    assert Enrolment.objects.filter(cohort=cohort, user=rosa).exists()


def test_a_csv_on_the_cohorts_page_needs_no_cohort_column(
    teacher, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    text = "email,first name,last name\nada@example.org,Ada,Lovelace\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = teacher.post(
            reverse("cohorts:enrol", args=[cohort.pk]),
            {"upload": "1", "file": SimpleUploadedFile("t.csv", text.encode(), "text/csv")},
        )
    assert response.status_code == 302
    assert messages_of(response) == ["1 address enrolled or invited; 1 invitation e-mail sent."]
    assert Enrolment.objects.filter(cohort=cohort, user__email="ada@example.org").exists()
    assert len(mailoutbox) == 1


def test_resending_to_a_new_account_sends_a_fresh_set_password_link(
    teacher, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        teacher.post(reverse("cohorts:enrol", args=[cohort.pk]), {"email": "lin@example.org"})
    teacher.post(reverse("cohorts:resend", args=[cohort.pk]), {"email": "lin@example.org"})
    assert len(mailoutbox) == 2
    assert all("/accounts/reset/" in m.body for m in mailoutbox)


def test_resending_to_a_trainee_who_signed_in_sends_nothing(teacher, cohort, rosa, mailoutbox):
    rosa.last_login = rosa.date_joined
    rosa.save()
    response = teacher.post(reverse("cohorts:resend", args=[cohort.pk]), {"email": rosa.email})
    assert mailoutbox == []
    assert messages_of(response) == [f"{rosa.email} has no invitation waiting in Autumn."]


# ---------------------------------------------------------------------------
# Caching and query budgets


@pytest.mark.parametrize(
    "name", ["cohort", "enrol", "grades_csv", "responses_csv", "trainee", "trainee_attempt"]
)
def test_pages_with_learner_results_are_never_stored_by_caches(
    teacher, cohort, assignment, quiz, rosa, name
):
    attempt = finish(rosa, quiz, cohort, right=1)
    args = {
        "trainee": [cohort.pk, rosa.pk],
        "trainee_attempt": [cohort.pk, rosa.pk, attempt.pk],
    }.get(name, [cohort.pk])
    response = teacher.get(reverse(f"cohorts:{name}", args=args))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_trainee_page_query_count_does_not_grow_with_attempts_or_assignments(
    teacher, cohort, assignment, quiz, rosa, django_assert_max_num_queries
):
    quiz.attempts_allowed = 0
    quiz.save()
    for right in (1, 2, 3):
        finish(rosa, quiz, cohort, right=right)
    with django_assert_max_num_queries(14):
        assert teacher.get(url("trainee", cohort, rosa)).status_code == 200


def test_the_attempt_page_reads_a_fixed_number_of_queries(
    teacher, cohort, assignment, quiz, rosa, django_assert_max_num_queries
):
    attempt = finish(rosa, quiz, cohort, right=3)
    with django_assert_max_num_queries(10):
        assert teacher.get(url("trainee_attempt", cohort, rosa, attempt.pk)).status_code == 200


def test_the_enrol_page_query_count_does_not_grow_with_the_roster(
    teacher, cohort, django_assert_max_num_queries
):
    for n in range(30):
        add_trainee(cohort, f"Person{n}")
    with django_assert_max_num_queries(10):
        assert teacher.get(reverse("cohorts:enrol", args=[cohort.pk])).status_code == 200


def test_the_cohort_page_reads_as_many_queries_with_thirty_invitations_as_with_three(
    teacher, cohort, assignment, rosa
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cohorts.models import Invitation

    def invite(start: int, stop: int) -> None:
        for n in range(start, stop):
            guest = User.objects.create_user(f"guest{n}", f"guest{n}@example.org", "pw")
            Invitation.objects.create(
                cohort=cohort, user=guest, email=guest.email, token=f"token-{n}"
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            html = teacher.get(reverse("cohorts:cohort", args=[cohort.pk])).content.decode()
        assert "(invited)" in html
        return len(queries)

    invite(0, 3)
    with_3 = count()
    invite(3, 30)
    assert count() == with_3
