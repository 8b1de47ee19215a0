from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes import attempts
from reviews import selectors, services
from reviews.models import CardState, ReviewLog
from reviews.selectors import CardNotFound
from tests.factories import BriefingFactory, GlossaryTermFactory
from tests.quizzes.quiz_world import add_quiz, assign, enrol
from tests.reviews.conftest import take_quiz

pytestmark = pytest.mark.django_db


def defined_terms(briefing):
    return set(briefing.glossary_terms.exclude(expansion="").values_list("term", flat=True))


def seen_terms(user):
    """Every term card the trainee meets by rating each card as it comes, until none is due."""
    seen = set()
    while (card := selectors.next_card(user)) is not None and card.kind == "term":
        seen.add(card.front)
        services.rate_card(user=user, key=card.key, rating=3, reps_seen=card.reps)
    return seen


def test_a_trainee_gets_a_card_for_each_defined_term_of_an_assigned_briefing(learner, briefing):
    assert selectors.due_counts(learner).new == len(defined_terms(briefing)) > 0
    assert seen_terms(learner) == defined_terms(briefing)
    assert selectors.due_counts(learner).total == 0


def test_terms_of_briefings_not_assigned_or_not_yet_open_make_no_cards(learner, cohort_a):
    unassigned = BriefingFactory()
    GlossaryTermFactory(briefing=unassigned, term="UNHCR")
    later = BriefingFactory()
    GlossaryTermFactory(briefing=later, term="OSCE")
    assign(
        add_quiz(later, "Next week"),
        cohort_a,
        opens_on=timezone.localdate() + timedelta(days=7),
    )
    assert not seen_terms(learner) & {"UNHCR", "OSCE"}


def test_an_undefined_abbreviation_makes_no_card_until_it_is_completed(learner, briefing):
    term = briefing.glossary_terms.filter(expansion="").first()  # the seed leaves some undefined
    before = selectors.due_counts(learner).new
    assert term.term not in seen_terms(learner)
    term.expansion = "Completed by an instructor"
    term.save()
    assert selectors.due_counts(learner).new == 1
    assert selectors.next_card(learner).front == term.term
    assert before == len(defined_terms(briefing)) - 1


def test_submitting_makes_a_card_for_each_question_answered_wrongly_and_no_other(learner, quiz):
    attempt, missed = take_quiz(learner, quiz, wrong=4)
    attempts.submit_attempt(attempt=attempt)
    cards = CardState.objects.filter(user=learner, kind=CardState.Kind.FACT)
    assert set(cards.values_list("question_id", flat=True)) == missed
    assert all(card.due <= timezone.now() for card in cards)


def test_missing_a_fact_again_keeps_its_card_and_schedule(learner, quiz):
    attempt, missed = take_quiz(learner, quiz, wrong=2)
    attempts.submit_attempt(attempt=attempt)
    card = selectors.next_card(learner)
    services.rate_card(user=learner, key=card.key, rating=3, reps_seen=0)
    rated = CardState.objects.get(user=learner, kind="fact", reps=1)

    assert services.add_fact_cards(attempt_id=attempt.pk) == 0
    attempts.submit_attempt(attempt=attempt)  # a second submit changes nothing either

    assert CardState.objects.filter(user=learner, kind="fact").count() == len(missed)
    rated.refresh_from_db()
    assert rated.reps == 1 and rated.due > timezone.now()


def test_a_card_rated_good_is_not_due_tomorrow(learner):
    now = timezone.now()
    card = selectors.next_card(learner, now)
    rated = services.rate_card(user=learner, key=card.key, rating=3, reps_seen=0, now=now)
    tomorrow = now + timedelta(days=1)
    assert rated.card.due > tomorrow
    assert selectors.card_for(learner, card.key, tomorrow) is None
    assert card.key not in {c.key for c in [selectors.next_card(learner, tomorrow)] if c}


def test_a_card_rated_again_comes_back_within_the_hour(learner):
    now = timezone.now()
    card = selectors.next_card(learner, now)
    rated = services.rate_card(user=learner, key=card.key, rating=1, reps_seen=0, now=now)
    assert now < rated.card.due <= now + timedelta(hours=1)
    assert selectors.card_for(learner, card.key, now + timedelta(hours=1)) is not None


def test_a_known_card_forgotten_later_is_relearned_soon(learner):
    now = timezone.now()
    card = selectors.next_card(learner, now)
    first = services.rate_card(user=learner, key=card.key, rating=3, reps_seen=0, now=now)
    later = first.card.due + timedelta(hours=1)
    lapse = services.rate_card(user=learner, key=card.key, rating=1, reps_seen=1, now=later)
    assert lapse.card.state == CardState.State.RELEARNING
    assert lapse.card.due <= later + timedelta(hours=1)


def test_each_rating_is_logged_once_and_a_resent_rating_changes_nothing(learner):
    card = selectors.next_card(learner)
    first = services.rate_card(user=learner, key=card.key, rating=3, reps_seen=0)
    again = services.rate_card(user=learner, key=card.key, rating=1, reps_seen=0)
    assert not first.stale and again.stale
    log = ReviewLog.objects.get(card__user=learner)
    assert log.rating == ReviewLog.Rating.GOOD
    assert CardState.objects.get(user=learner).due == first.card.due


def test_a_card_not_due_yet_cannot_be_rated(learner):
    now = timezone.now()
    card = selectors.next_card(learner, now)
    services.rate_card(user=learner, key=card.key, rating=4, reps_seen=0, now=now)
    early = services.rate_card(user=learner, key=card.key, rating=1, reps_seen=1, now=now)
    assert early.stale
    assert ReviewLog.objects.filter(card__user=learner).count() == 1


def test_one_trainee_cannot_rate_another_trainees_fact_card(learner, quiz, classmate):
    attempt, missed = take_quiz(learner, quiz, wrong=1)
    attempts.submit_attempt(attempt=attempt)
    key = f"fact:{missed.pop()}"
    with pytest.raises(CardNotFound):
        services.rate_card(user=classmate, key=key, rating=4, reps_seen=0)
    assert not CardState.objects.filter(user=classmate).exists()
    assert selectors.card_for(classmate, key) is None


def test_a_trainee_cannot_rate_terms_of_a_briefing_not_assigned_to_them(learner):
    outsider = GlossaryTermFactory(briefing=BriefingFactory(), term="UNHCR")
    for key in (f"term:{outsider.pk}", "term:x", "card:1", ""):
        with pytest.raises(CardNotFound):
            services.rate_card(user=learner, key=key, rating=3, reps_seen=0)
    assert not CardState.objects.filter(user=learner).exists()


def test_a_term_shared_by_two_trainees_keeps_a_schedule_for_each(learner, classmate):
    card = selectors.next_card(learner)
    services.rate_card(user=learner, key=card.key, rating=4, reps_seen=0)
    assert selectors.card_for(classmate, card.key) is not None
    services.rate_card(user=classmate, key=card.key, rating=1, reps_seen=0)
    states = dict(
        CardState.objects.filter(term_id=card.key.split(":")[1]).values_list("user", "state")
    )
    assert states == {learner.pk: CardState.State.REVIEW, classmate.pk: CardState.State.LEARNING}


def test_a_term_is_learned_once_it_is_stable_for_three_weeks(learner, briefing):
    now = timezone.now()
    total = len(defined_terms(briefing))
    card = selectors.next_card(learner, now)
    rated = services.rate_card(user=learner, key=card.key, rating=4, reps_seen=0, now=now)
    assert selectors.learned_terms(learner, briefing).learned == 0  # one "Easy" is not enough
    for reps in range(1, 6):
        due = rated.card.due
        rated = services.rate_card(user=learner, key=card.key, rating=3, reps_seen=reps, now=due)
    assert rated.card.stability >= 21
    assert selectors.learned_terms(learner, briefing) == selectors.LearnedTerms(1, total)


def test_a_trainee_in_another_organisation_sees_only_their_own_assignments(learner, org_b):
    from tests.quizzes.quiz_world import cohort_in

    other = BriefingFactory(organisation=org_b)
    GlossaryTermFactory(briefing=other, term="OSCE")
    outsider_cohort = cohort_in(org_b)
    assign(add_quiz(other, "Southgate quiz"), outsider_cohort)
    assert "OSCE" not in seen_terms(learner)
    enrol(learner, outsider_cohort)
    assert selectors.next_card(learner).front == "OSCE"
