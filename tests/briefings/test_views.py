import pytest
from django.urls import reverse

from briefings.services import import_article
from tests.conftest import SHARED_ARTICLES
from tests.factories import UserFactory, enrol_in_briefing

pytestmark = pytest.mark.django_db

LONG_BRIEF = "Wire\n\nA Long Report\n\nBy Desk\n\n" + "\n\n".join(
    f"Paragraph {n} says the UN met the OSCE on May {n % 28 + 1}." for n in range(1, 301)
)


@pytest.fixture
def reader(client, trainee):
    client.force_login(trainee)
    return trainee


def test_reading_requires_sign_in(client, seed_briefing):
    response = client.get(seed_briefing.get_absolute_url())
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_list_shows_published_briefings(client, reader, seed_briefing):
    response = client.get(reverse("briefings:list"))
    assert response.status_code == 200
    assert seed_briefing.title in response.content.decode()


def test_a_draft_briefing_is_not_listed_or_readable(client, reader, seed_briefing):
    seed_briefing.status = "draft"
    seed_briefing.save()
    assert seed_briefing.title not in client.get(reverse("briefings:list")).content.decode()
    assert client.get(seed_briefing.get_absolute_url()).status_code == 404


def test_the_briefing_page_shows_its_parts(client, reader, seed_briefing):
    html = client.get(seed_briefing.get_absolute_url()).content.decode()
    assert 'id="p1"' in html
    assert "By IWPR Central Asia" in html
    assert "Collective Security Treaty Organisation" in html
    assert "Glossary" in html and "People" in html and "Quotations" in html
    assert "Tajiks Talk Up Afghan Spillover Risks" in html


def test_the_briefing_page_runs_at_most_eight_queries(
    client, reader, seed_briefing, django_assert_max_num_queries
):
    # The session, the user, the briefing with the reader's right to read it, its
    # quizzes, the reader's memberships, assignments and attempts, and their
    # learned terms (reviews.selectors.learned_terms).
    with django_assert_max_num_queries(8):
        response = client.get(seed_briefing.get_absolute_url())
    assert response.status_code == 200


def test_the_query_count_does_not_grow_with_the_article(
    client, reader, seed_briefing, django_assert_num_queries
):
    long = import_article(data=LONG_BRIEF.encode(), source_name="long.txt").briefing
    enrol_in_briefing(reader, long)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as short_run:
        client.get(seed_briefing.get_absolute_url())
    with django_assert_num_queries(len(short_run.captured_queries)):
        client.get(long.get_absolute_url())


@pytest.mark.skipif(not SHARED_ARTICLES.is_dir(), reason="shared articles are not beside the repo")
def test_every_shared_article_imports_and_renders(client, reader):
    for path in sorted(SHARED_ARTICLES.glob("*.txt")):
        briefing = import_article(data=path.read_bytes(), source_name=path.name).briefing
        enrol_in_briefing(reader, briefing)
        response = client.get(briefing.get_absolute_url())
        assert response.status_code == 200, path.name
        assert briefing.paragraphs.count() > 0, path.name


def test_a_trainee_does_not_see_briefings_not_assigned_to_their_cohorts(client, seed_briefing):
    client.force_login(UserFactory())
    assert seed_briefing.title not in client.get(reverse("briefings:list")).content.decode()
    assert client.get(seed_briefing.get_absolute_url()).status_code == 404


def _add_quiz(briefing, title, **fields):
    from quizzes.models import Quiz

    fields.setdefault("mode", Quiz.Mode.ASSESSMENT)
    return Quiz.objects.create(briefing=briefing, title=title, question_count=3, **fields)


def _finished(user, quiz, number, score):
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.models import Attempt

    now = timezone.now()
    return Attempt.objects.create(
        user=user,
        quiz=quiz,
        number=number,
        started_at=now - timedelta(minutes=3),
        finished_at=now,
        score=score,
        passed=score >= 0.7,
    )


def _cohort_of(user):
    return user.enrolments.get().cohort


def test_the_briefing_page_offers_every_quiz_assigned_to_the_trainee(client, reader, seed_briefing):
    from cohorts.models import Assignment

    timed = _add_quiz(seed_briefing, "Timed assessment", time_limit_minutes=20)
    Assignment.objects.create(cohort=_cohort_of(reader), quiz=timed)
    html = client.get(seed_briefing.get_absolute_url()).content.decode()
    assert "2 quizzes on this briefing" in html
    for quiz in seed_briefing.quizzes.all():
        assert f'id="quiz-{quiz.pk}-title"' in html
        assert f'action="{reverse("quizzes:start", args=[quiz.pk])}"' in html
    assert "20 minutes" in html


def test_the_briefing_page_does_not_offer_a_quiz_the_trainee_may_not_start(
    client, reader, seed_briefing
):
    hidden = _add_quiz(seed_briefing, "Unassigned final")
    html = client.get(seed_briefing.get_absolute_url()).content.decode()
    assert "Unassigned final" not in html
    assert reverse("quizzes:start", args=[hidden.pk]) not in html
    assert "1 quiz on this briefing" in html


def test_the_briefing_page_shows_the_trainees_attempts_with_links_to_results(
    client, reader, seed_briefing
):
    quiz = seed_briefing.quizzes.get(is_default=True)
    first = _finished(reader, quiz, 1, 0.4)
    second = _finished(reader, quiz, 2, 0.9)
    html = client.get(seed_briefing.get_absolute_url()).content.decode()
    assert "Your attempts (2)" in html
    for attempt in (first, second):
        url = reverse("quizzes:results", args=[attempt.pk])
        assert f'href="{url}">Review of attempt {attempt.number}</a>' in html
    assert "40%" in html and "90%" in html


def test_an_instructor_previews_every_quiz_of_their_organisations_briefing(client, seed_briefing):
    from organisations.models import Membership
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory()
    seed_briefing.organisation = organisation
    seed_briefing.save()
    final = _add_quiz(seed_briefing, "Final assessment")
    instructor = UserFactory()
    Membership.objects.create(
        organisation=organisation, user=instructor, role=Membership.Role.INSTRUCTOR
    )
    client.force_login(instructor)
    html = client.get(seed_briefing.get_absolute_url()).content.decode()
    assert f'action="{reverse("quizzes:start", args=[final.pk])}"' in html
    assert "Preview: you teach this briefing" in html


def test_the_briefing_page_query_count_does_not_grow_with_quizzes_and_attempts(
    client, reader, seed_briefing, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cohorts.models import Assignment

    cohort = _cohort_of(reader)
    _finished(reader, seed_briefing.quizzes.get(is_default=True), 1, 0.5)
    with CaptureQueriesContext(connection) as one:
        client.get(seed_briefing.get_absolute_url())
    for n in range(4):
        quiz = _add_quiz(seed_briefing, f"Extra {n}")
        Assignment.objects.create(cohort=cohort, quiz=quiz)
        for number in range(1, 4):
            _finished(reader, quiz, number, 0.8)
    with django_assert_num_queries(len(one.captured_queries)):
        html = client.get(seed_briefing.get_absolute_url()).content.decode()
    assert "5 quizzes on this briefing" in html
