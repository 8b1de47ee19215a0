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


def test_the_briefing_page_runs_at_most_six_queries(
    client, reader, seed_briefing, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
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
