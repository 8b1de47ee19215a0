import pytest
from django.core.management import call_command

from quizzes import attempts
from reviews.models import CardState
from tests.reviews.conftest import take_quiz

pytestmark = pytest.mark.django_db


def test_wrong_answers_given_before_review_existed_get_cards_once(learner, quiz, capsys):
    attempt, missed = take_quiz(learner, quiz, wrong=3)
    attempts.submit_attempt(attempt=attempt)
    CardState.objects.all().delete()  # as before this app was installed

    call_command("add_fact_cards")
    assert set(CardState.objects.values_list("question_id", flat=True)) == missed
    assert capsys.readouterr().out.strip() == "3 cards added."

    call_command("add_fact_cards")
    assert CardState.objects.count() == len(missed)
    assert capsys.readouterr().out.strip() == "0 cards added."
