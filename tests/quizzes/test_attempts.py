from datetime import timedelta

import pytest
from django.utils import timezone

from briefings.models import GlossaryTerm
from quizzes import attempts
from quizzes.models import Attempt, BriefingProgress, Question, Response, TermMastery

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(seed_briefing):
    seed_briefing.questions.update(status=Question.Status.APPROVED)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count = 6
    quiz.save()
    return quiz


def correct_answer(response: Response) -> list[str]:
    return (
        list(response.answer_key[:1])
        if response.question.kind == "cloze"
        else list(response.answer_key)
    )


def answer_all(attempt, *, right=True):
    for response in attempt.responses.select_related("question"):
        answer = correct_answer(response)
        if not right:
            answer = (
                []
                if response.question.kind != "ordering"
                else list(reversed(response.option_order))
            )
        if answer:
            attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)


def test_starting_twice_continues_the_open_attempt(quiz, trainee):
    first = attempts.start_attempt(user=trainee, quiz=quiz)
    second = attempts.start_attempt(user=trainee, quiz=quiz)
    assert first.pk == second.pk
    assert Attempt.objects.filter(user=trainee, quiz=quiz).count() == 1
    assert first.responses.count() == 6


def test_the_database_holds_one_open_attempt_per_trainee_and_quiz(quiz, trainee):
    from django.db import IntegrityError, transaction

    attempts.start_attempt(user=trainee, quiz=quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(user=trainee, quiz=quiz, number=2, started_at=timezone.now())


def test_a_short_quiz_mixes_kinds_of_question(quiz, trainee):
    attempt = attempts.start_attempt(user=trainee, quiz=quiz, seed=3)
    kinds = list(attempt.responses.values_list("question__kind", flat=True))
    assert len(kinds) == 6
    assert len(set(kinds)) >= 4


def test_correct_answers_score_full_marks_and_pass(quiz, trainee):
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    answer_all(attempt)
    finished = attempts.submit_attempt(attempt=attempt)
    assert finished.score == pytest.approx(1.0)
    assert finished.passed is True
    progress = BriefingProgress.objects.get(user=trainee, briefing=quiz.briefing)
    assert progress.status == BriefingProgress.Status.PASSED
    assert progress.best_score == pytest.approx(1.0)
    assert progress.completed_at is not None


def test_submitting_twice_finishes_once(quiz, trainee):
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    first = attempts.submit_attempt(attempt=attempt)
    second = attempts.submit_attempt(attempt=attempt)
    assert first.finished_at == second.finished_at
    assert BriefingProgress.objects.get(user=trainee).attempts_used == 1


def test_an_answer_that_is_not_an_option_is_refused(quiz, trainee):
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    response = (
        attempt.responses.select_related("question").exclude(question__kind__in=["cloze"]).first()
    )
    with pytest.raises(attempts.InvalidAnswer):
        attempts.save_answer(
            attempt=attempt, response=response, answer=["not an option"], revision=None
        )


def test_a_stale_tab_overwrites_nothing(quiz, trainee):
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    response = (
        attempt.responses.select_related("question").filter(question__kind="single_choice").first()
    )
    options = list(response.option_order)
    attempts.save_answer(attempt=attempt, response=response, answer=[options[0]], revision=0)
    stale = Response.objects.select_related("question").get(pk=response.pk)
    stale.revision = 0  # the older page still shows revision 0
    with pytest.raises(attempts.StaleAnswer):
        attempts.save_answer(attempt=attempt, response=stale, answer=[options[1]], revision=0)
    response.refresh_from_db()
    assert response.answer == [options[0]]


def test_an_answer_after_the_deadline_is_refused_and_the_attempt_finishes(quiz, trainee):
    quiz.time_limit_minutes = 10
    quiz.save()
    start = timezone.now() - timedelta(minutes=20)
    attempt = attempts.start_attempt(user=trainee, quiz=quiz, now=start)
    response = attempt.responses.select_related("question").first()
    with pytest.raises(attempts.TimeExpired):
        attempts.save_answer(
            attempt=attempt, response=response, answer=correct_answer(response), revision=None
        )
    attempt.refresh_from_db()
    assert attempt.finished_at is not None and attempt.expired
    assert not Response.objects.filter(pk=response.pk).exclude(answer=[]).exists()


def test_an_answer_within_the_grace_period_is_kept(quiz, trainee):
    quiz.time_limit_minutes = 10
    quiz.save()
    start = timezone.now() - timedelta(minutes=10, seconds=10)
    attempt = attempts.start_attempt(user=trainee, quiz=quiz, now=start)
    response = attempt.responses.select_related("question").first()
    attempts.save_answer(
        attempt=attempt, response=response, answer=correct_answer(response), revision=None
    )
    assert attempt.finished_at is None


def test_extra_time_stretches_the_deadline(quiz, trainee):
    from quizzes.models import TimeAccommodation

    quiz.time_limit_minutes = 10
    quiz.save()
    TimeAccommodation.objects.create(user=trainee, quiz=quiz, multiplier="1.50")
    now = timezone.now()
    attempt = attempts.start_attempt(user=trainee, quiz=quiz, now=now)
    assert attempt.deadline - now == timedelta(minutes=15)


def test_the_attempt_limit_is_enforced(quiz, trainee):
    quiz.attempts_allowed = 1
    quiz.save()
    attempts.submit_attempt(attempt=attempts.start_attempt(user=trainee, quiz=quiz))
    with pytest.raises(attempts.NoAttemptsLeft):
        attempts.start_attempt(user=trainee, quiz=quiz)


def test_a_response_keeps_the_grade_of_the_version_it_answered(quiz, trainee):
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    response = (
        attempt.responses.select_related("question").filter(question__kind="single_choice").first()
    )
    attempts.save_answer(
        attempt=attempt, response=response, answer=correct_answer(response), revision=None
    )
    attempts.submit_attempt(attempt=attempt)
    question = response.question
    question.correct = [o for o in question.options if o not in question.correct][:1]
    question.record_instructor_edit()
    question.save()
    response.refresh_from_db()
    assert response.score == 1.0
    assert response.question_version == 1
    assert question.version == 2


def test_practice_check_locks_the_answer(quiz, trainee):
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    response = (
        attempt.responses.select_related("question").filter(question__kind="true_false").first()
    )
    attempts.save_answer(
        attempt=attempt, response=response, answer=correct_answer(response), revision=None
    )
    attempts.check_answer(attempt=attempt, response=response)
    with pytest.raises(attempts.AttemptError, match="final"):
        attempts.save_answer(attempt=attempt, response=response, answer=["False"], revision=None)


def test_finishing_records_mastery_of_the_glossary_terms_asked(seed_briefing, trainee):
    seed_briefing.questions.update(status=Question.Status.DRAFT)
    term_questions = seed_briefing.questions.exclude(terms=[]).filter(kind="single_choice")
    term_questions.update(status=Question.Status.APPROVED)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count = 0
    quiz.save()
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    attempts.submit_attempt(attempt=attempt)  # nothing answered: every term answered wrong
    mastered = TermMastery.objects.filter(user=trainee)
    assert mastered.exists()
    assert all(m.wrong > 0 and m.right == 0 for m in mastered)
    assert set(mastered.values_list("term__term", flat=True)) <= set(
        GlossaryTerm.objects.values_list("term", flat=True)
    )


def test_a_correct_match_scores_full_marks_when_the_prompts_are_shuffled(seed_briefing, trainee):
    seed_briefing.questions.exclude(kind="matching").update(status=Question.Status.DRAFT)
    seed_briefing.questions.filter(kind="matching").update(status=Question.Status.APPROVED)
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.question_count = 0
    quiz.shuffle_questions = True
    quiz.save()
    shuffled = 0
    for seed in range(5):
        attempt = attempts.start_attempt(user=trainee, quiz=quiz, seed=seed)
        for response in attempt.responses.select_related("question"):
            question = response.question
            shuffled += response.prompt_order != question.prompts
            # The trainee matches each prompt as the question's author intended.
            truth = dict(zip(question.prompts, question.correct, strict=True))
            answer = [truth[prompt] for prompt in response.prompt_order]
            attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
        assert attempts.submit_attempt(attempt=attempt).score == pytest.approx(1.0)
    assert shuffled


@pytest.mark.django_db(transaction=True)
def test_an_answer_whose_place_fails_to_save_is_not_stored_either(quiz, trainee):
    from django.db import OperationalError, connection

    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    target = attempt.responses.select_related("question").order_by("position").last()
    assert attempt.current_position != target.position

    def refuse_the_place(execute, sql, params, many, context):
        # The database goes away between the answer's write and the place's.
        if sql.startswith('UPDATE "quizzes_attempt"'):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_the_place), pytest.raises(OperationalError):
        attempts.save_answer(
            attempt=attempt, response=target, answer=correct_answer(target), revision=0
        )

    stored = Response.objects.get(pk=target.pk)
    assert stored.answer == [] and stored.revision == 0
    assert Attempt.objects.get(pk=attempt.pk).current_position != target.position

    attempts.save_answer(
        attempt=attempt, response=target, answer=correct_answer(target), revision=0
    )
    assert Response.objects.get(pk=target.pk).answer == correct_answer(target)
    assert Attempt.objects.get(pk=attempt.pk).current_position == target.position
