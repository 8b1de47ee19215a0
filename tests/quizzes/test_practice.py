"""Practice quizzes: checking, trying again with a penalty, ticks and crosses."""

import html
import re

import pytest
from django.urls import reverse

from quizzes import attempts
from quizzes.models import Question, Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(seed_briefing):
    """A practice quiz of single-choice questions: three tries, 25% off per extra try."""
    seed_briefing.questions.filter(kind="single_choice").update(status=Question.Status.APPROVED)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.mode = "practice"
    quiz.question_count = 2
    quiz.shuffle_questions = False
    quiz.tries_allowed = 3
    quiz.try_penalty = 25
    quiz.save()
    return quiz


@pytest.fixture
def attempt(quiz, trainee):
    return attempts.start_attempt(user=trainee, quiz=quiz)


def first(attempt) -> Response:
    return Response.objects.select_related("question", "question__paragraph").get(
        attempt=attempt, position=1
    )


def right_and_wrong(response: Response) -> tuple[str, str]:
    right = str(response.answer_key[0])
    wrong = next(str(o) for o in response.option_order if str(o) != right)
    return right, wrong


def answer(attempt, response, value):
    attempts.save_answer(attempt=attempt, response=response, answer=[value], revision=None)


def page_text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_a_right_answer_on_the_first_check_earns_the_whole_mark_and_is_final(attempt):
    response = first(attempt)
    right, _ = right_and_wrong(response)
    answer(attempt, response, right)
    attempts.check_answer(attempt=attempt, response=response)
    assert (response.tries, response.score) == (1, 1.0)
    assert attempts.is_final(response, attempt.quiz)
    with pytest.raises(attempts.AttemptError, match="right, so it is final"):
        attempts.try_again(attempt=attempt, response=response)


def test_a_wrong_check_with_tries_left_can_be_tried_again_for_a_smaller_mark(attempt):
    response = first(attempt)
    right, wrong = right_and_wrong(response)
    answer(attempt, response, wrong)
    attempts.check_answer(attempt=attempt, response=response)
    assert response.score == 0.0 and not attempts.is_final(response, attempt.quiz)

    attempts.try_again(attempt=attempt, response=response)
    answer(attempt, response, right)
    attempts.check_answer(attempt=attempt, response=response)

    stored = Response.objects.get(pk=response.pk)
    assert stored.tries == 2
    assert stored.score == pytest.approx(0.75)  # 1 × (1 − 25% × 1)
    assert stored.answer == [right]


def test_the_last_try_locks_the_answer(attempt):
    response = first(attempt)
    _, wrong = right_and_wrong(response)
    answer(attempt, response, wrong)
    for _ in range(2):
        attempts.check_answer(attempt=attempt, response=response)
        attempts.try_again(attempt=attempt, response=response)
    attempts.check_answer(attempt=attempt, response=response)
    assert response.tries == 3
    assert attempts.is_final(response, attempt.quiz)
    with pytest.raises(attempts.AttemptError, match="every try"):
        attempts.try_again(attempt=attempt, response=response)
    with pytest.raises(attempts.AttemptError, match="final"):
        answer(attempt, response, right_and_wrong(response)[0])


def test_an_answer_changed_after_a_check_carries_the_penalty_even_if_never_checked(attempt):
    response = first(attempt)
    right, wrong = right_and_wrong(response)
    answer(attempt, response, wrong)
    attempts.check_answer(attempt=attempt, response=response)
    attempts.try_again(attempt=attempt, response=response)
    answer(attempt, response, right)
    finished = attempts.submit_attempt(attempt=attempt)
    assert Response.objects.get(pk=response.pk).score == pytest.approx(0.75)
    assert finished.score == pytest.approx(0.75 / 2)


def test_checking_twice_counts_one_try(attempt):
    response = first(attempt)
    answer(attempt, response, right_and_wrong(response)[1])
    attempts.check_answer(attempt=attempt, response=response)
    attempts.check_answer(attempt=attempt, response=response)
    assert Response.objects.get(pk=response.pk).tries == 1


def test_one_try_allowed_makes_the_first_check_final(attempt):
    quiz = attempt.quiz
    quiz.tries_allowed = 1
    quiz.save()
    response = first(attempt)
    answer(attempt, response, right_and_wrong(response)[1])
    attempts.check_answer(attempt=attempt, response=response)
    assert attempts.is_final(response, quiz)


# The pages, as a trainee without JavaScript uses them.


def question_url(attempt, position=1):
    return reverse("quizzes:question", args=[attempt.pk, position])


def option_index(response, value):
    return str([str(o) for o in response.option_order].index(value))


def test_a_wrong_check_marks_the_choice_with_a_cross_and_offers_try_again(client, attempt):
    client.force_login(attempt.user)
    response = first(attempt)
    right, wrong = right_and_wrong(response)
    posted = client.post(
        question_url(attempt),
        {"answer": option_index(response, wrong), "revision": "0", "action": "check"},
    )
    assert posted.status_code == 302
    page = client.get(question_url(attempt))
    text = page_text(page)
    assert "Incorrect" in text
    assert f"{wrong} ✗ (your choice, wrong)" in text
    assert "(right answer, not chosen)" not in text  # not given away before the last try
    assert "Correct answer:" not in text
    assert "You have 2 tries left; each new try costs 25% of this question's mark." in text
    assert re.search(r'<button[^>]*value="retry"[^>]*>Try again</button>', page.content.decode())
    assert "1 ✗ , checked: wrong" in text  # the question map says so in words


def test_try_again_unlocks_the_answer_and_a_right_second_try_is_ticked(client, attempt):
    client.force_login(attempt.user)
    response = first(attempt)
    right, wrong = right_and_wrong(response)
    client.post(
        question_url(attempt),
        {"answer": option_index(response, wrong), "revision": "0", "action": "check"},
    )
    client.post(question_url(attempt), {"action": "retry"})
    unlocked = client.get(question_url(attempt)).content.decode()
    assert "disabled" not in re.search(r"<fieldset[^>]*>", unlocked).group(0)
    assert "Try 2 of 3: this try can earn 75% of the mark." in page_text(
        client.get(question_url(attempt))
    )

    client.post(
        question_url(attempt),
        {"answer": option_index(response, right), "revision": "1", "action": "check"},
    )
    text = page_text(client.get(question_url(attempt)))
    assert f"{right} ✓ (your choice, right)" in text
    assert "Correct answer:" in text
    assert "Mark after 2 tries: 75%." in text
    assert "Try again" not in text
    assert "1 ✓ , checked: right" in text


def test_the_final_wrong_try_reveals_the_right_option_with_a_tick(client, attempt):
    quiz = attempt.quiz
    quiz.tries_allowed = 1
    quiz.save()
    client.force_login(attempt.user)
    response = first(attempt)
    right, wrong = right_and_wrong(response)
    client.post(
        question_url(attempt),
        {"answer": option_index(response, wrong), "revision": "0", "action": "check"},
    )
    text = page_text(client.get(question_url(attempt)))
    assert f"{wrong} ✗ (your choice, wrong)" in text
    assert f"{right} ✓ (right answer, not chosen)" in text
    assert "Try again" not in text


def test_try_again_with_htmx_returns_the_unlocked_panel(client, attempt):
    client.force_login(attempt.user)
    response = first(attempt)
    _, wrong = right_and_wrong(response)
    client.post(
        question_url(attempt),
        {"answer": option_index(response, wrong), "revision": "0", "action": "check"},
    )
    panel = client.post(question_url(attempt), {"action": "retry"}, headers={"HX-Request": "true"})
    assert panel.status_code == 200
    assert panel["HX-Retarget"] == "#question-panel"
    assert "Try again: change your answer, then check it." in panel.content.decode()
    assert ">Check answer</button>" in panel.content.decode()


@pytest.mark.parametrize("kind", ["matching", "ordering", "cloze", "multiple_response"])
def test_every_kind_of_question_is_marked_part_by_part_after_a_check(
    client, seed_briefing, trainee, kind
):
    seed_briefing.questions.update(status=Question.Status.DRAFT)
    pk = seed_briefing.questions.filter(kind=kind).values_list("pk", flat=True).first()
    seed_briefing.questions.filter(pk=pk).update(status=Question.Status.APPROVED)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.mode, quiz.question_count, quiz.tries_allowed = "practice", 0, 2
    quiz.save()
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    response = first(attempt)
    key = [str(k) for k in response.answer_key]
    if kind == "cloze":
        given = ["not the answer"]
    elif kind == "multiple_response":
        given = key[:1]
    else:  # the right items with the first two swapped: some parts right, some wrong
        given = [key[1], key[0], *key[2:]]
    answer_value = given
    attempts.save_answer(attempt=attempt, response=response, answer=answer_value, revision=None)
    attempts.check_answer(attempt=attempt, response=response)
    client.force_login(trainee)
    text = page_text(client.get(question_url(attempt)))
    if kind == "cloze":
        assert "Your answer ✗ (wrong)" in text
    elif kind == "multiple_response":
        assert f"{key[0]} ✓ (your choice, right)" in text
    elif kind == "matching":
        prompts = [str(p) for p in response.prompt_order]
        assert f"{prompts[0]} ✗ (wrong match)" in text
        if len(key) > 2:
            assert f"{prompts[2]} ✓ (right match)" in text
    else:
        assert f"{key[0]} ✗ (in the wrong place)" in text
        if len(key) > 2:
            assert f"{key[2]} ✓ (in the right place)" in text
    assert "Try again" in text


def test_a_practice_summary_and_results_show_the_score_and_never_fail(client, attempt):
    client.force_login(attempt.user)
    response = first(attempt)
    answer(attempt, response, right_and_wrong(response)[1])  # wrong, and the pass mark is 70%
    attempts.check_answer(attempt=attempt, response=response)
    summary = page_text(client.get(reverse("quizzes:summary", args=[attempt.pk])))
    assert "you checked 1 answer and got 0 right. Your score so far is 0%" in summary
    assert "✗ Checked: wrong" in summary
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"confirm": "yes"})
    results = page_text(client.get(reverse("quizzes:results", args=[attempt.pk])))
    assert "0% Practice score" in results
    assert "Not passed" not in results and "Failed" not in results and "Pass mark" not in results


def test_an_instructor_sets_tries_and_penalty_in_the_quiz_admin(admin_client, quiz):
    page = admin_client.get(reverse("admin:quizzes_quiz_change", args=[quiz.pk]))
    body = page.content.decode()
    assert "Practice tries" in body
    assert f'name="tries_allowed" value="{quiz.tries_allowed}"' in body
    assert f'name="try_penalty" value="{quiz.try_penalty}"' in body
