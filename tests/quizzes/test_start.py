"""Who may start which quiz: the rule, the start view, the attempt's organisation and limit."""

from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from organisations.models import Membership
from quizzes import attempts
from quizzes.models import Attempt, AttemptAllowance
from tests.factories import BriefingFactory, StaffFactory, UserFactory
from tests.quizzes.quiz_world import (
    add_quiz,
    assign,
    cohort_in,
    default_quiz,
    enrol,
    finished_attempt,
)

pytestmark = pytest.mark.django_db

TODAY = date.today()


@pytest.fixture
def assessment(briefing):
    return add_quiz(briefing, "Timed assessment", time_limit_minutes=20)


@pytest.fixture
def learner(cohort_a):
    user = UserFactory()
    enrol(user, cohort_a)
    return user


def start(client, quiz):
    return client.post(reverse("quizzes:start", args=[quiz.pk]))


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_an_assessment_assigned_to_the_trainees_cohort_starts_under_its_organisation(
    client, learner, assessment, cohort_a, org_a
):
    assign(assessment, cohort_a, due_on=TODAY + timedelta(days=7))
    client.force_login(learner)
    response = start(client, assessment)
    attempt = Attempt.objects.get(user=learner, quiz=assessment)
    assert response["Location"] == reverse("quizzes:question", args=[attempt.pk, 1])
    assert attempt.organisation == org_a
    assert attempt.deadline is not None


def test_an_unassigned_assessment_on_a_visible_briefing_is_refused_with_a_reason(
    client, learner, briefing, assessment, cohort_a
):
    # The trainee reads the briefing through its default quiz's assignment.
    assign(default_quiz(briefing), cohort_a)
    client.force_login(learner)
    response = start(client, assessment)
    assert response.status_code == 302
    assert response["Location"] == briefing.get_absolute_url()
    assert messages_of(response) == [
        "This quiz has not been assigned to you, so it cannot be started."
    ]
    assert not Attempt.objects.filter(user=learner).exists()


def test_an_assessment_default_quiz_that_is_not_assigned_is_refused(
    client, learner, briefing, assessment, cohort_a
):
    assign(assessment, cohort_a)
    quiz = default_quiz(briefing, mode="assessment")
    client.force_login(learner)
    response = start(client, quiz)
    assert response["Location"] == briefing.get_absolute_url()
    assert not Attempt.objects.filter(user=learner, quiz=quiz).exists()


def test_another_organisations_quiz_answers_404_like_a_missing_one(client, learner, org_b):
    other = BriefingFactory(organisation=org_b)
    quiz = add_quiz(other, "Southgate final test")
    assign(quiz, cohort_in(org_b))
    client.force_login(learner)
    assert start(client, quiz).status_code == 404
    assert client.post(reverse("quizzes:start", args=[quiz.pk + 1000])).status_code == 404
    assert not Attempt.objects.filter(user=learner).exists()


def test_an_assignment_not_yet_open_cannot_be_started(client, learner, assessment, cohort_a):
    opens = TODAY + timedelta(days=3)
    assign(assessment, cohort_a, opens_on=opens)
    client.force_login(learner)
    response = start(client, assessment)
    assert response["Location"] == assessment.briefing.get_absolute_url()
    assert messages_of(response) == [f"This quiz opens on {opens:%-d %b %Y}."]  # 7 Jan 2026
    assert not Attempt.objects.exists()


def test_starting_is_only_a_post(client, learner, assessment, cohort_a):
    assign(assessment, cohort_a)
    client.force_login(learner)
    assert client.get(reverse("quizzes:start", args=[assessment.pk])).status_code == 405


def test_the_practice_default_quiz_of_a_visible_briefing_may_be_self_started(
    client, learner, briefing, assessment, cohort_a, org_a
):
    assign(assessment, cohort_a)
    practice = default_quiz(briefing, mode="practice")
    client.force_login(learner)
    response = start(client, practice)
    attempt = Attempt.objects.get(user=learner, quiz=practice)
    assert response["Location"] == reverse("quizzes:question", args=[attempt.pk, 1])
    # The trainee belongs to the briefing's organisation.
    assert attempt.organisation == org_a


def test_self_practice_on_a_shared_briefing_belongs_to_no_organisation(
    client, learner, briefing, assessment, cohort_a
):
    briefing.organisation = None
    briefing.save()
    assign(assessment, cohort_a)
    practice = default_quiz(briefing, mode="practice")
    client.force_login(learner)
    start(client, practice)
    assert Attempt.objects.get(user=learner, quiz=practice).organisation is None


def test_the_attempt_belongs_to_the_organisation_whose_assignment_is_due_first(
    client, learner, assessment, cohort_a, org_b
):
    cohort_b = cohort_in(org_b)
    enrol(learner, cohort_b)
    assign(assessment, cohort_a, due_on=TODAY + timedelta(days=10))
    assign(assessment, cohort_b, due_on=TODAY + timedelta(days=3))
    client.force_login(learner)
    start(client, assessment)
    assert Attempt.objects.get(user=learner).organisation == org_b


def test_an_assignment_not_yet_open_does_not_decide_the_organisation(
    client, learner, assessment, cohort_a, org_a, org_b
):
    cohort_b = cohort_in(org_b)
    enrol(learner, cohort_b)
    assign(assessment, cohort_a, due_on=TODAY + timedelta(days=10))
    assign(
        assessment,
        cohort_b,
        opens_on=TODAY + timedelta(days=1),
        due_on=TODAY + timedelta(days=2),
    )
    client.force_login(learner)
    start(client, assessment)
    assert Attempt.objects.get(user=learner).organisation == org_a


def test_an_instructor_may_preview_any_quiz_of_their_organisations_briefing(
    client, briefing, assessment, org_a
):
    instructor = UserFactory()
    Membership.objects.create(organisation=org_a, user=instructor, role=Membership.Role.INSTRUCTOR)
    client.force_login(instructor)
    response = start(client, assessment)
    attempt = Attempt.objects.get(user=instructor)
    assert response["Location"] == reverse("quizzes:question", args=[attempt.pk, 1])


def test_another_organisations_instructor_cannot_start_the_quiz(
    client, briefing, assessment, org_b
):
    instructor = UserFactory()
    Membership.objects.create(organisation=org_b, user=instructor, role=Membership.Role.INSTRUCTOR)
    client.force_login(instructor)
    assert start(client, assessment).status_code == 404


def test_a_platform_superuser_may_preview_any_quiz(client, assessment):
    client.force_login(StaffFactory())
    assert start(client, assessment).status_code == 302
    assert Attempt.objects.filter(quiz=assessment).count() == 1


def test_an_open_attempt_can_be_continued_after_its_assignment_is_withdrawn(
    client, learner, briefing, assessment, cohort_a
):
    assign(default_quiz(briefing), cohort_a)
    assignment = assign(assessment, cohort_a)
    client.force_login(learner)
    start(client, assessment)
    assignment.delete()
    attempt = Attempt.objects.get(user=learner, quiz=assessment)
    response = start(client, assessment)
    assert response["Location"] == reverse("quizzes:question", args=[attempt.pk, 1])


def test_extra_attempts_granted_to_a_trainee_raise_their_limit(learner, assessment, cohort_a):
    assessment.attempts_allowed = 1
    assessment.save()
    finished_attempt(learner, assessment, number=1, score=0.2)
    with pytest.raises(attempts.NoAttemptsLeft):
        attempts.start_attempt(user=learner, quiz=assessment)
    AttemptAllowance.objects.create(user=learner, quiz=assessment, extra_attempts=1)
    attempts.submit_attempt(attempt=attempts.start_attempt(user=learner, quiz=assessment))
    with pytest.raises(attempts.NoAttemptsLeft, match="used 2 of 2 attempts"):
        attempts.start_attempt(user=learner, quiz=assessment)


def test_another_trainees_allowance_does_not_count(learner, assessment):
    assessment.attempts_allowed = 1
    assessment.save()
    AttemptAllowance.objects.create(user=UserFactory(), quiz=assessment, extra_attempts=3)
    finished_attempt(learner, assessment, number=1, score=0.2)
    with pytest.raises(attempts.NoAttemptsLeft, match="used 1 of 1 attempt at"):
        attempts.start_attempt(user=learner, quiz=assessment)


def test_a_trainee_out_of_attempts_is_told_how_many_were_used(
    client, learner, assessment, cohort_a
):
    assign(assessment, cohort_a)
    assessment.attempts_allowed = 2
    assessment.save()
    finished_attempt(learner, assessment, number=1, score=0.2)
    finished_attempt(learner, assessment, number=2, score=0.4)
    client.force_login(learner)
    response = start(client, assessment)
    assert response["Location"] == assessment.briefing.get_absolute_url()
    assert messages_of(response) == [
        "You have used 2 of 2 attempts at this quiz, so you cannot start another."
    ]
    assert Attempt.objects.filter(user=learner).count() == 2


def test_any_organisations_instructor_may_preview_a_shared_briefings_quiz(
    client, briefing, assessment, org_b
):
    briefing.organisation = None
    briefing.save()
    instructor = UserFactory()
    Membership.objects.create(organisation=org_b, user=instructor, role=Membership.Role.INSTRUCTOR)
    client.force_login(instructor)
    assert start(client, assessment).status_code == 302
    # A preview is nobody's assignment: no organisation's reports count it.
    assert Attempt.objects.get(user=instructor).organisation is None


def test_a_trainee_of_the_briefings_organisation_cannot_preview_it(
    client, briefing, assessment, org_a
):
    member = UserFactory()
    Membership.objects.create(organisation=org_a, user=member, role=Membership.Role.TRAINEE)
    enrol(member, cohort_in(org_a))
    assign(default_quiz(briefing), member.enrolments.get().cohort)
    client.force_login(member)
    assert start(client, assessment)["Location"] == briefing.get_absolute_url()
    assert not Attempt.objects.filter(user=member, quiz=assessment).exists()
