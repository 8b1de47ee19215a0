"""My learning: one card per quiz open to the trainee, with its attempt history."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from quizzes.models import Quiz
from tests.factories import BriefingFactory, OrganisationFactory, UserFactory
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
def learner(client, cohort_a):
    user = UserFactory()
    enrol(user, cohort_a)
    client.force_login(user)
    return user


@pytest.fixture
def practice(briefing, cohort_a):
    quiz = default_quiz(briefing, mode=Quiz.Mode.PRACTICE, title="Warm-up practice")
    assign(quiz, cohort_a)
    return quiz


@pytest.fixture
def assessment(briefing, cohort_a):
    quiz = add_quiz(briefing, "Timed assessment", time_limit_minutes=20)
    assign(quiz, cohort_a, due_on=TODAY + timedelta(days=5))
    return quiz


def my_learning(client) -> str:
    response = client.get(reverse("quizzes:learning"))
    assert response.status_code == 200
    return response.content.decode()


def card(html: str, quiz) -> str:
    """The HTML of one quiz's card, found by its heading's id."""
    match = re.search(
        rf'<article class="card quiz-card" aria-labelledby="quiz-{quiz.pk}-title">.*?</article>',
        html,
        re.S,
    )
    assert match, f"no card for {quiz.title}"
    return match.group(0)


def start_form(quiz) -> str:
    return f'action="{reverse("quizzes:start", args=[quiz.pk])}"'


def results_link(attempt) -> str:
    return f'href="{reverse("quizzes:results", args=[attempt.pk])}"'


def test_every_assigned_quiz_has_its_own_card_and_start_button(
    client, learner, practice, assessment
):
    html = my_learning(client)
    for quiz in (practice, assessment):
        text = card(html, quiz)
        assert f'id="quiz-{quiz.pk}-title" class="quiz-card-title">{quiz.title}</h3>' in text
        assert start_form(quiz) in text
        assert "Start quiz" in text
    assert "20 minutes" in card(html, assessment)
    assert "Assessment" in card(html, assessment)
    assert "Practice" in card(html, practice)


def test_a_quiz_the_trainee_may_not_start_is_not_offered(client, learner, practice, briefing):
    unassigned = add_quiz(briefing, "Instructors only final")
    html = my_learning(client)
    assert unassigned.title not in html
    assert start_form(unassigned) not in html


def test_an_assignment_opening_later_is_listed_without_a_start_button(
    client, learner, practice, briefing, cohort_a
):
    later = add_quiz(briefing, "Next week's test")
    opens = TODAY + timedelta(days=7)
    assign(later, cohort_a, opens_on=opens)
    text = card(my_learning(client), later)
    assert start_form(later) not in text
    assert f"This quiz opens on {opens:%-d %b %Y}." in text  # British English: 7 Jan 2026


def test_each_card_shows_its_own_due_date_and_overdue_mark(
    client, learner, practice, briefing, cohort_a
):
    late = add_quiz(briefing, "Late test")
    assign(late, cohort_a, due_on=TODAY - timedelta(days=2))
    html = my_learning(client)
    assert (TODAY - timedelta(days=2)).strftime("%-d %b %Y") in card(html, late)
    assert "Overdue" in card(html, late)
    assert "Overdue" not in card(html, practice)


def test_a_passed_assessment_is_no_longer_overdue(client, learner, briefing, cohort_a):
    late = add_quiz(briefing, "Late test")
    assign(late, cohort_a, due_on=TODAY - timedelta(days=2))
    finished_attempt(learner, late, number=1, score=0.9)
    text = card(my_learning(client), late)
    assert "Overdue" not in text
    assert "Passed" in text


def test_the_history_lists_each_finished_attempt_with_a_link_to_its_results(
    client, learner, assessment
):
    first = finished_attempt(learner, assessment, number=1, score=0.5, minutes=4.2, days_ago=2)
    second = finished_attempt(learner, assessment, number=2, score=0.8, minutes=12)
    text = card(my_learning(client), assessment)
    assert f"{results_link(first)}>Review of attempt 1</a>" in text
    assert f"{results_link(second)}>Review of attempt 2</a>" in text
    assert "50%" in text and "80%" in text
    assert "Not passed" in text and "Passed" in text
    assert "4 min 12 s" in text and "12 min" in text
    assert first.finished_at.strftime("%-d %b %Y") in text
    # Newest first.
    assert text.index("attempt 2</a>") < text.index("attempt 1</a>")
    assert "Best score</dt><dd>80%" in text
    assert client.get(reverse("quizzes:results", args=[first.pk])).status_code == 200


def test_the_link_says_results_when_the_quiz_shows_no_answers_afterwards(
    client, learner, assessment
):
    assessment.review_show_answers = False
    assessment.review_show_correct = False
    assessment.review_show_explanations = False
    assessment.save()
    attempt = finished_attempt(learner, assessment, number=1, score=0.5)
    text = card(my_learning(client), assessment)
    assert f"{results_link(attempt)}>Results of attempt 1</a>" in text
    assert "Review of attempt" not in text


def test_a_practice_quiz_is_never_labelled_failed(client, learner, practice):
    finished_attempt(learner, practice, number=1, score=0.1)
    text = card(my_learning(client), practice)
    assert "10%" in text
    assert "Not passed" not in text and "Failed" not in text
    assert "Practised" in text


def test_the_assignments_pass_mark_decides_passed(client, learner, briefing, cohort_a):
    quiz = add_quiz(briefing, "Lenient test", pass_mark=70)
    assign(quiz, cohort_a, pass_mark=50)
    finished_attempt(learner, quiz, number=1, score=0.6)
    text = card(my_learning(client), quiz)
    assert "pass mark 50%" in text
    assert ">Passed</span>" in text


def test_an_open_attempt_is_continued_by_a_post(client, learner, assessment):
    client.post(reverse("quizzes:start", args=[assessment.pk]))
    text = card(my_learning(client), assessment)
    assert "In progress" in text
    assert start_form(assessment) in text and "Continue quiz" in text


def test_a_trainee_out_of_attempts_is_told_so_and_offered_no_start(client, learner, assessment):
    assessment.attempts_allowed = 1
    assessment.save()
    finished_attempt(learner, assessment, number=1, score=0.2)
    text = card(my_learning(client), assessment)
    assert start_form(assessment) not in text
    assert "No attempts left: you have used 1 of 1." in text
    assert "1 of 1 used" in text


def test_quizzes_from_two_organisations_are_listed_side_by_side(
    client, learner, practice, assessment
):
    org_b = OrganisationFactory(name="Southgate Academy")
    other = BriefingFactory(organisation=org_b)
    cohort_b = cohort_in(org_b, name="Evening class")
    enrol(learner, cohort_b)
    southgate = add_quiz(other, "Southgate quiz")
    assign(southgate, cohort_b)
    html = my_learning(client)
    assert "Evening class" in card(html, southgate)
    assert "Spring intake" in card(html, assessment)
    assert start_form(southgate) in html and start_form(assessment) in html


def test_another_trainees_attempts_are_not_listed(client, learner, assessment, cohort_a):
    other = UserFactory()
    enrol(other, cohort_a)
    theirs = finished_attempt(other, assessment, number=1, score=0.9)
    html = my_learning(client)
    assert results_link(theirs) not in html
    assert "Not started" in card(html, assessment)


def test_pending_invitations_from_another_organisation_are_listed_first(client, learner, practice):
    from cohorts import services
    from cohorts.models import Invitation

    evening = cohort_in(OrganisationFactory(name="Southgate Academy"), name="Evening class")
    services.enrol_by_email(cohort=evening, email=learner.email, site_url="http://testserver")
    invitation = Invitation.objects.get(cohort=evening, user=learner)
    html = my_learning(client)
    assert "Southgate Academy invites you to join Evening class." in html
    assert f'href="{invitation.get_absolute_url()}"' in html
    assert html.index("Invitations") < html.index(practice.title)

    services.accept_invitation(invitation=invitation, user=learner)
    assert "invites you to join" not in my_learning(client)


def quizzes_with_attempts(learner, briefing, cohort, count):
    for n in range(count):
        quiz = add_quiz(briefing, f"Extra quiz {n}")
        assign(quiz, cohort, due_on=TODAY + timedelta(days=n))
        finished_attempt(learner, quiz, number=1, score=0.5)
        finished_attempt(learner, quiz, number=2, score=0.7)


def test_my_learning_makes_as_many_queries_for_five_quizzes_as_for_one(
    client, learner, practice, briefing, cohort_a, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    quizzes_with_attempts(learner, briefing, cohort_a, 1)
    with CaptureQueriesContext(connection) as one:
        my_learning(client)
    quizzes_with_attempts(learner, briefing, cohort_a, 4)
    other_org = cohort_in(name="Another intake")
    enrol(learner, other_org)
    quizzes_with_attempts(learner, briefing, other_org, 1)
    assert len(one.captured_queries) <= 10  # one of them counts the review cards due
    with django_assert_num_queries(len(one.captured_queries)):
        html = my_learning(client)
    assert html.count('class="card quiz-card"') == 7
    assert html.count("Review of attempt 2") == 6
