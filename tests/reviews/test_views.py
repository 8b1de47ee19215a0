import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from briefings.models import Briefing, GlossaryTerm
from cohorts.models import Assignment
from quizzes import attempts
from reviews import selectors, services
from reviews.models import CardState, ReviewLog
from tests.factories import UserFactory
from tests.quizzes.quiz_world import assign, cohort_in, enrol
from tests.reviews.conftest import take_quiz

pytestmark = pytest.mark.django_db

REVIEW = reverse("reviews:review")
RATE = reverse("reviews:rate")


def text_of(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def hidden(response, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', response.content.decode())
    assert match, f"no {name} field on the page"
    return match.group(1)


def status_line(response) -> str:
    match = re.search(r'role="status">(.*?)</p>', response.content.decode(), flags=re.S)
    assert match
    return " ".join(match.group(1).split())


def submit_through_the_page(client, attempt):
    url = reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk})
    return client.post(url, {"confirm": "yes"})


def test_the_whole_review_journey_works_without_javascript(client, learner, quiz, briefing):
    attempt, missed = take_quiz(learner, quiz, wrong=2)
    client.force_login(learner)
    assert submit_through_the_page(client, attempt).status_code == 302
    terms = briefing.glossary_terms.exclude(expansion="").count()
    expected = terms + len(missed)

    page = client.get(REVIEW)
    assert f"{expected} cards due" in status_line(page)
    shown = 0
    while "Show answer" in text_of(page):
        key = hidden(page, "card")
        answer = client.get(REVIEW, {"card": key})
        assert "How well did you remember it?" in text_of(answer)
        assert "Read it in paragraph" in text_of(answer)
        assert re.search(r'href="/briefings/[^"]+#p\d+"', answer.content.decode())
        rated = client.post(RATE, {"card": key, "reps": hidden(answer, "reps"), "rating": "3"})
        assert rated.status_code == 302
        page = client.get(rated["Location"])
        assert status_line(page).startswith("Rated Good.")
        shown += 1
        assert shown <= expected, "a card rated Good came back in the same sitting"
    assert shown == expected
    assert "Nothing due" in text_of(page)
    first_due = CardState.objects.filter(user=learner).order_by("due").first().due
    assert f"Next card due on {timezone.localtime(first_due):%-d %b %Y}" in text_of(page)


def test_a_fact_card_shows_its_sentence_with_a_gap_then_the_answer(client, learner, quiz):
    attempt, missed = take_quiz(learner, quiz, wrong=4)
    attempts.submit_attempt(attempt=attempt)
    # A true/false statement is shown as it was asked; any other answer leaves a gap.
    question = quiz.briefing.questions.exclude(kind="true_false").filter(pk__in=missed).first()
    assert question is not None
    client.force_login(learner)
    key = f"fact:{question.pk}"
    answer = client.get(REVIEW, {"card": key})
    card = selectors.card_for(learner, key)
    assert "[…]" in card.front
    assert card.front.replace("[…]", card.back[1]) == question.citations[0]["text"]
    assert f"<mark>{card.back[1]}</mark>" in answer.content.decode()


def test_rating_twice_from_the_same_page_rates_once(client, learner):
    client.force_login(learner)
    page = client.get(REVIEW)
    key = hidden(page, "card")
    form = {"card": key, "reps": "0", "rating": "3"}
    client.post(RATE, form)
    second = client.post(RATE, {**form, "rating": "1"})
    assert "That card was already rated, so nothing changed." in status_line(
        client.get(second["Location"])
    )
    assert list(ReviewLog.objects.values_list("rating", flat=True)) == [3]


def test_showing_the_answer_of_a_card_rated_in_another_tab_moves_on(client, learner):
    client.force_login(learner)
    key = hidden(client.get(REVIEW), "card")
    client.post(RATE, {"card": key, "reps": "0", "rating": "4"})
    stale = client.get(REVIEW, {"card": key})
    assert stale.status_code == 302
    page = client.get(stale["Location"])
    assert "nothing changed" in status_line(page)
    assert hidden(page, "card") != key


def test_a_trainee_cannot_rate_or_see_another_trainees_card_by_id(client, learner, quiz):
    attempt, missed = take_quiz(learner, quiz, wrong=1)
    attempts.submit_attempt(attempt=attempt)
    key = f"fact:{next(iter(missed))}"
    intruder = UserFactory(username="mallory")
    client.force_login(intruder)
    assert client.post(RATE, {"card": key, "reps": "0", "rating": "4"}).status_code == 404
    assert client.get(REVIEW, {"card": key}).status_code == 302  # on to their own (none)
    assert "No cards yet" in text_of(client.get(REVIEW))
    state = CardState.objects.get(user=learner, kind="fact")
    assert state.reps == 0 and not ReviewLog.objects.exists()


def test_a_rating_that_is_not_one_of_the_four_is_refused(client, learner):
    client.force_login(learner)
    key = hidden(client.get(REVIEW), "card")
    for rating in ("0", "5", "good", ""):
        response = client.post(RATE, {"card": key, "reps": "0", "rating": rating})
        assert response.status_code == 400
    assert not ReviewLog.objects.exists()


def test_the_review_page_needs_a_sign_in(client):
    assert client.get(REVIEW).status_code == 302
    assert client.post(RATE, {}).status_code == 302


def many_cards(user, count: int, *, due) -> None:
    """``count`` glossary cards due at ``due``, in a briefing of ``count`` terms."""
    briefing = Briefing.objects.create(title=f"{count} terms", slug=f"terms-{count}")
    terms = GlossaryTerm.objects.bulk_create(
        GlossaryTerm(briefing=briefing, term=f"T{index}", expansion=f"Term {index}")
        for index in range(count)
    )
    CardState.objects.bulk_create(
        CardState(
            user=user, kind="term", briefing=briefing, term=term, due=due, state=2, stability=3
        )
        for term in terms
    )


def test_the_review_page_makes_at_most_six_queries_with_many_cards(
    client, learner, briefing, django_assert_max_num_queries
):
    now = timezone.now()
    many_cards(learner, 300, due=now - timedelta(days=3))
    client.force_login(learner)
    client.get(REVIEW)  # the session is read from the database once, then cached
    with django_assert_max_num_queries(6):
        page = client.get(REVIEW)
    key = hidden(page, "card")
    with django_assert_max_num_queries(6):
        client.get(REVIEW, {"card": key})
    CardState.objects.filter(user=learner).update(due=now + timedelta(days=3))
    for term in briefing.glossary_terms.exclude(expansion=""):
        services.rate_card(user=learner, key=f"term:{term.pk}", rating=4, reps_seen=0)
    with django_assert_max_num_queries(6):
        empty = client.get(REVIEW)
    assert "Nothing due" in text_of(empty)


def test_due_counts_cost_one_query_whatever_the_number_of_cards(learner, briefing):
    counts = []
    for extra in (0, 40):
        many_cards(learner, extra, due=timezone.now())
        with CaptureQueriesContext(connection) as queries:
            due = selectors.due_counts(learner)
        counts.append((len(queries), due.total))
        with CaptureQueriesContext(connection) as queries:
            selectors.learned_terms(learner, briefing)
        assert len(queries) == 1
    assert counts[0][0] == counts[1][0] == 1
    assert counts[1][1] > counts[0][1]


def test_after_three_days_away_ten_cards_are_due_and_the_oldest_comes_first(
    client, learner, quiz, briefing
):
    three_days_ago = timezone.now() - timedelta(days=3)
    Assignment.objects.filter(quiz=quiz).update(opens_on=three_days_ago.date())
    terms = briefing.glossary_terms.exclude(expansion="").count()
    attempt, missed = take_quiz(learner, quiz, wrong=10 - terms)
    attempts.submit_attempt(attempt=attempt, now=three_days_ago)
    CardState.objects.filter(user=learner).update(due=three_days_ago)
    while (card := selectors.next_card(learner, three_days_ago)) is not None:
        services.rate_card(
            user=learner, key=card.key, rating=3, reps_seen=card.reps, now=three_days_ago
        )
    client.force_login(learner)
    assert "Nothing due" not in text_of(client.get(REVIEW))
    assert selectors.due_counts(learner) == selectors.DueCounts(reviews=10, new=0)


def forget(user, key: str, *, times: int) -> None:
    """Rate a card "Again" ``times`` times, each when it falls due."""
    now = timezone.now()
    for _ in range(times):
        state = CardState.objects.filter(user=user, term_id=int(key.split(":")[1])).first()
        reps, when = (state.reps, state.due) if state else (0, now)
        services.rate_card(user=user, key=key, rating=1, reps_seen=reps, now=max(when, now))
        now = max(when, now) + timedelta(hours=1)


def test_instructors_see_the_terms_their_cohort_forgets_most(
    client, learner, classmate, instructor_a, cohort_a, briefing
):
    first, second = briefing.glossary_terms.exclude(expansion="").order_by("term")[:2]
    forget(learner, f"term:{first.pk}", times=3)
    forget(classmate, f"term:{first.pk}", times=1)
    forget(classmate, f"term:{second.pk}", times=1)
    services.rate_card(user=learner, key=f"term:{second.pk}", rating=3, reps_seen=0)

    client.force_login(instructor_a)
    url = reverse("reviews_teach:forgotten_terms", kwargs={"cohort_id": cohort_a.pk})
    page = text_of(client.get(url))
    assert f"{first.term} {first.expansion} {briefing.title} 4 2" in page
    assert f"{second.term} {second.expansion} {briefing.title} 1 1" in page
    assert page.index(first.term + " ") < page.index(second.term + " ")
    assert learner.get_username() not in page and "Rosa" not in page


def test_another_organisations_instructor_or_a_trainee_cannot_see_the_report(
    client, learner, instructor_b, cohort_a, briefing
):
    term = briefing.glossary_terms.exclude(expansion="").first()
    forget(learner, f"term:{term.pk}", times=1)
    url = reverse("reviews_teach:forgotten_terms", kwargs={"cohort_id": cohort_a.pk})
    for user in (instructor_b, learner):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 404
        assert term.expansion not in response.content.decode()


def test_ratings_of_trainees_outside_the_cohort_are_not_counted(
    client, learner, instructor_a, cohort_a, org_a, briefing, quiz
):
    other_cohort = cohort_in(org_a, name="Autumn intake")
    assign(quiz, other_cohort)
    outsider = UserFactory(username="otto")
    enrol(outsider, other_cohort)
    term = briefing.glossary_terms.exclude(expansion="").first()
    forget(outsider, f"term:{term.pk}", times=2)
    client.force_login(instructor_a)
    url = reverse("reviews_teach:forgotten_terms", kwargs={"cohort_id": cohort_a.pk})
    assert "No term has been forgotten in review yet." in text_of(client.get(url))
    url = reverse("reviews_teach:forgotten_terms", kwargs={"cohort_id": other_cohort.pk})
    assert f"{term.term} {term.expansion} {briefing.title} 2 1" in text_of(client.get(url))


def test_the_cohort_page_links_to_its_forgotten_terms(client, instructor_a, cohort_a):
    client.force_login(instructor_a)
    page = client.get(reverse("cohorts:cohort", kwargs={"cohort_id": cohort_a.pk}))
    url = reverse("reviews_teach:forgotten_terms", kwargs={"cohort_id": cohort_a.pk})
    assert f'<a href="{url}">Terms most often forgotten</a>' in page.content.decode()
