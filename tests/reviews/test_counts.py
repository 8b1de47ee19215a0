"""The two counts other pages show: cards due on My learning, terms learned on the briefing page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reviews import selectors, services
from reviews.models import CardState
from tests.reviews.test_views import many_cards, text_of

pytestmark = pytest.mark.django_db

LEARNING = reverse("quizzes:learning")


def queries_for(client, url: str) -> int:
    client.get(url)  # the session is cached after the first request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_my_learning_shows_the_cards_due_with_a_link_to_review(client, learner, briefing):
    terms = briefing.glossary_terms.exclude(expansion="").count()
    client.force_login(learner)
    page = client.get(LEARNING)
    assert f"{terms} cards due ({terms} new). Review now" in text_of(page)
    assert f'href="{reverse("reviews:review")}"' in page.content.decode()


def test_my_learning_says_when_nothing_is_due(client, learner, briefing):
    for term in briefing.glossary_terms.exclude(expansion=""):
        services.rate_card(user=learner, key=f"term:{term.pk}", rating=3, reps_seen=0)
    client.force_login(learner)
    assert "No cards due." in text_of(client.get(LEARNING))


def test_the_due_count_on_my_learning_costs_the_same_queries_for_many_cards(
    client, learner, briefing
):
    client.force_login(learner)
    few = queries_for(client, LEARNING)
    many_cards(learner, 500, due=timezone.now() - timedelta(days=1))
    assert queries_for(client, LEARNING) == few
    assert "503 cards due (3 new)" in text_of(client.get(LEARNING))


def learn(user, term, now):
    """Rate a term until FSRS counts it learned."""
    rated = services.rate_card(user=user, key=f"term:{term.pk}", rating=4, reps_seen=0, now=now)
    while rated.card.stability < 21:
        reps = rated.card.reps
        rated = services.rate_card(
            user=user, key=f"term:{term.pk}", rating=3, reps_seen=reps, now=rated.card.due
        )


def test_the_briefing_page_shows_how_many_of_its_terms_are_learned(client, learner, briefing):
    terms = list(briefing.glossary_terms.exclude(expansion=""))
    client.force_login(learner)
    assert f"Glossary terms learned in review: 0 of {len(terms)}" in text_of(
        client.get(briefing.get_absolute_url())
    )
    learn(learner, terms[0], timezone.now())
    services.rate_card(user=learner, key=f"term:{terms[1].pk}", rating=4, reps_seen=0)
    assert CardState.objects.filter(user=learner).count() == 2
    assert selectors.learned_terms(learner, briefing).learned == 1
    assert f"Glossary terms learned in review: 1 of {len(terms)}" in text_of(
        client.get(briefing.get_absolute_url())
    )


def test_the_learned_count_costs_the_same_queries_for_many_cards(client, learner, briefing):
    client.force_login(learner)
    url = briefing.get_absolute_url()
    few = queries_for(client, url)
    many_cards(learner, 500, due=timezone.now())
    learn(learner, briefing.glossary_terms.exclude(expansion="").first(), timezone.now())
    assert queries_for(client, url) == few
