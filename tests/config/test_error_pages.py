"""Error pages in the site's own frame and words, whichever way a request fails."""

import pytest
from django.test import Client, override_settings
from django.urls import path, reverse

from config.urls import urlpatterns as site_patterns


def broken_view(request):
    raise RuntimeError("a fault no one expected")


urlpatterns = [*site_patterns, path("broken/", broken_view)]

pytestmark = pytest.mark.django_db


def test_a_missing_page_answers_404_with_a_way_back(client):
    response = client.get("/no/such/page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in page
    assert f'href="{reverse("briefings:list")}"' in page
    assert 'lang="en-gb"' in page


def test_a_missing_page_speaks_the_language_the_visitor_chose(client):
    client.post("/i18n/setlang/", {"language": "en-us", "next": "/"})
    page = client.get("/no/such/page/").content.decode()
    assert 'lang="en-us"' in page


@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
def test_an_unexpected_fault_answers_500_with_the_sites_page_not_a_bare_error():
    browser = Client(raise_request_exception=False)
    response = browser.get("/broken/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in page
    assert "Server Error" not in page
