import pytest
from django.urls import reverse

from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_only_staff_reach_the_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_the_briefing_change_page_opens_with_its_inlines(client, seed_briefing):
    client.force_login(StaffFactory())
    url = reverse("admin:briefings_briefing_change", args=[seed_briefing.pk])
    html = client.get(url).content.decode()
    assert "Glossary terms" in html
    assert "Paragraphs" in html
    assert "View on site" in html


def test_an_instructor_completes_an_undefined_abbreviation_and_the_reader_sees_it(
    client, seed_briefing
):
    client.force_login(StaffFactory())
    nato = seed_briefing.glossary_terms.get(term="NATO")
    url = reverse("admin:briefings_glossaryterm_change", args=[nato.pk])
    response = client.post(
        url,
        {
            "briefing": seed_briefing.pk,
            "term": "NATO",
            "expansion": "North Atlantic Treaty Organization",
            "description": "a *military alliance*",
            "source": "abbreviation",
            "defined_in": "",
            "first_used_in": nato.first_used_in_id or "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(seed_briefing.get_absolute_url()).content.decode()
    assert "North Atlantic Treaty Organization" in page
    assert "<em>military alliance</em>" in page


def test_the_glossary_list_filters_undefined_terms(client, seed_briefing):
    client.force_login(StaffFactory())
    url = reverse("admin:briefings_glossaryterm_changelist") + "?expansion__isempty=1"
    html = client.get(url).content.decode()
    assert "NATO" in html
    assert "Collective Security Treaty Organisation" not in html
