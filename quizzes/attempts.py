"""Taking a quiz: starting, answering, flagging and submitting attempts.

All rules that protect the learner's work live here: one open attempt per
trainee and quiz (held by a database constraint), answers checked against the
options the trainee was shown, stale tabs refused without overwriting, the
deadline enforced on the server, and submission idempotent.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from quizzes import progress
from quizzes.grading import grade, penalised
from quizzes.kinds import AnswerRejected, type_of
from quizzes.models import (
    Attempt,
    AttemptAllowance,
    Question,
    Quiz,
    Response,
    TimeAccommodation,
)
from quizzes.text.selection import draw_quiz

if TYPE_CHECKING:
    from django.contrib.auth.models import User

#: Answers arriving this long after the deadline are still accepted, so a
#: trainee who clicks in the last second is not punished for network latency.
GRACE = timedelta(seconds=30)


class AttemptError(Exception):
    """A request the attempt cannot accept; the message is shown to the trainee."""


class NoAttemptsLeft(AttemptError):
    pass


class EmptyQuiz(AttemptError):
    pass


class AttemptFinished(AttemptError):
    pass


class TimeExpired(AttemptError):
    pass


class StaleAnswer(AttemptError):
    pass


class InvalidAnswer(AttemptError):
    pass


def _draw_questions(quiz: Quiz, rng: random.Random) -> list[Question]:
    """The questions of a new attempt: never two that share a fact or print each other's key.

    A quiz of ``question_count`` questions (or ``questions_per_type`` of each
    type) takes the most important questions first, see
    :func:`~quizzes.text.selection.draw_quiz`; 0 for both takes the whole bank.
    """
    bank = list(
        Question.objects.filter(briefing_id=quiz.briefing_id, status=Question.Status.APPROVED)
        .select_related(None)
        .order_by("paragraph__number", "pk")
    )
    if quiz.questions_per_type or quiz.question_count:
        bank = draw_quiz(
            bank,
            count=quiz.question_count,
            per_type=quiz.questions_per_type,
            seed=rng.random(),
        )
    if quiz.shuffle_questions:
        rng.shuffle(bank)
    return bank


def _shown_options(question: Question, quiz: Quiz, rng: random.Random) -> list[str]:
    return type_of(question.kind).shown_options(
        [str(o) for o in question.options],
        correct=[str(c) for c in question.correct],
        shuffle=quiz.shuffle_options,
        rng=rng,
    )


def _new_response(
    attempt: Attempt, question: Question, position: int, quiz: Quiz, rng: random.Random
) -> Response:
    """A response row holding what this trainee is shown and its answer key.

    Prompts (matching) are shuffled with the questions; the key is stored for
    the prompts as shown, so grading and feedback pair each prompt with its
    own match.
    """
    question_type = type_of(question.kind)
    prompts = [str(p) for p in question.prompts]
    shown_prompts = question_type.shown_prompts(prompts, shuffle=quiz.shuffle_questions, rng=rng)
    key = question_type.answer_key(
        [str(c) for c in question.correct], prompts=prompts, shown_prompts=shown_prompts
    )
    return Response(
        attempt=attempt,
        question=question,
        position=position,
        option_order=_shown_options(question, quiz, rng),
        prompt_order=shown_prompts,
        question_version=question.version,
        answer_key=key,
    )


def time_multiplier(user: User, quiz: Quiz) -> Decimal:
    accommodation = (
        TimeAccommodation.objects.filter(Q(quiz=quiz) | Q(quiz__isnull=True), user=user)
        .order_by("quiz_id")
        .first()
    )
    return accommodation.multiplier if accommodation else Decimal(1)


def open_attempt(*, user: User, quiz: Quiz) -> Attempt | None:
    return Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=True).first()


def attempts_allowed(*, user: User, quiz: Quiz) -> int:
    """The quiz's limit plus any extra attempts granted to this user; 0 is unlimited."""
    if not quiz.attempts_allowed:
        return 0
    extra = (
        AttemptAllowance.objects.filter(user=user, quiz=quiz)
        .values_list("extra_attempts", flat=True)
        .first()
    )
    return quiz.attempt_limit(extra or 0)


def start_attempt(
    *,
    user: User,
    quiz: Quiz,
    organisation_id: int | None = None,
    now: datetime | None = None,
    seed: int | None = None,
) -> Attempt:
    """Continue the open attempt, or start a new one if the limit allows.

    ``organisation_id`` is the organisation the attempt is taken under (the
    assignment's, or none for personal practice); who may start what is
    decided before, by ``quizzes.selectors.quiz_access``.

    A double click sends two starts: the second finds the first's open attempt
    (or loses the race on the database constraint and then finds it).
    """
    now = now or timezone.now()
    existing = open_attempt(user=user, quiz=quiz)
    if existing is not None:
        # An open attempt whose time ran out is finished here; the caller
        # then shows its results rather than a question.
        expire_if_due(existing, now=now)
        return existing
    used = Attempt.objects.filter(user=user, quiz=quiz).aggregate(n=Max("number"))["n"] or 0
    allowed = attempts_allowed(user=user, quiz=quiz)
    if allowed and used >= allowed:
        raise NoAttemptsLeft(
            ngettext(
                "You have used %(used)d of %(allowed)d attempt at this quiz, "
                "so you cannot start another.",
                "You have used %(used)d of %(allowed)d attempts at this quiz, "
                "so you cannot start another.",
                allowed,
            )
            % {"used": used, "allowed": allowed}
        )
    rng = random.Random(seed)
    questions = _draw_questions(quiz, rng)
    if not questions:
        raise EmptyQuiz(gettext("This quiz has no approved questions yet. Please try again later."))
    deadline = None
    if quiz.time_limit_minutes:
        seconds = quiz.time_limit_minutes * 60 * float(time_multiplier(user, quiz))
        deadline = now + timedelta(seconds=seconds)
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                user=user,
                quiz=quiz,
                organisation_id=organisation_id,
                number=used + 1,
                started_at=now,
                deadline=deadline,
            )
            Response.objects.bulk_create(
                _new_response(attempt, question, position, quiz, rng)
                for position, question in enumerate(questions, start=1)
            )
    except IntegrityError:
        raced = open_attempt(user=user, quiz=quiz)
        if raced is None:
            raise
        return raced
    return attempt


def is_past_deadline(attempt: Attempt, *, now: datetime) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + GRACE


def expire_if_due(attempt: Attempt, *, now: datetime | None = None) -> bool:
    """Finish an open attempt whose time ran out; true if it did so now."""
    now = now or timezone.now()
    if attempt.is_open and is_past_deadline(attempt, now=now):
        submit_attempt(attempt=attempt, now=now, expired=True)
        return True
    return False


def _validate_answer(response: Response, answer: list[str]) -> list[str]:
    """The answer as stored, checked against what the trainee was shown."""
    try:
        return type_of(response.question.kind).clean_answer(
            [str(a) for a in answer],
            shown=[str(o) for o in response.option_order],
            prompts=[str(p) for p in response.prompt_order],
        )
    except AnswerRejected as error:
        raise InvalidAnswer(str(error)) from error


def score_response(response: Response, answer: list[str]) -> float:
    """The answer's grade, before any penalty for extra tries."""
    question = response.question
    return grade(
        question.kind,
        options=response.option_order,
        correct=response.answer_key,
        response=answer,
        prompts=response.prompt_order,
    )


def _mark(response: Response, answer: list[str], *, quiz: Quiz, tries: int) -> float:
    """The mark an answer earns as the trainee's ``tries``-th try."""
    if not answer:
        return 0.0
    penalty = quiz.try_penalty if quiz.mode == Quiz.Mode.PRACTICE else 0
    return penalised(score_response(response, answer), tries=tries, penalty_percent=penalty)


def is_right(response: Response) -> bool:
    return response.is_answered and score_response(response, response.answer) >= 0.999


def tries_left(response: Response, quiz: Quiz) -> int:
    """Checks the trainee may still make on a practice question."""
    if quiz.mode != Quiz.Mode.PRACTICE:
        return 0
    return max(0, quiz.tries_allowed - response.tries)


def is_final(response: Response, quiz: Quiz) -> bool:
    """A checked answer is final when it is right or when no tries are left."""
    return response.checked_at is not None and (
        is_right(response) or tries_left(response, quiz) == 0
    )


@dataclass(frozen=True, slots=True)
class SavedAnswer:
    response: Response
    changed: bool


def save_answer(
    *,
    attempt: Attempt,
    response: Response,
    answer: list[str],
    revision: int | None,
    now: datetime | None = None,
) -> SavedAnswer:
    """Store an answer as soon as it is given.

    ``revision`` is the response revision the trainee's page showed; an older
    one means another tab has answered since, and nothing is overwritten.
    """
    now = now or timezone.now()
    if not attempt.is_open:
        raise AttemptFinished(
            gettext("This attempt has already been submitted; your answers are saved.")
        )
    if is_past_deadline(attempt, now=now):
        submit_attempt(attempt=attempt, now=now, expired=True)
        raise TimeExpired(
            gettext(
                "Time is up: this answer arrived after the time limit and was not saved. "
                "Your earlier answers were submitted."
            )
        )
    if revision is not None and revision != response.revision:
        raise StaleAnswer(
            gettext(
                "This question was answered in another tab or window since this page was loaded. "
                "Nothing was overwritten: reload the question to see the current answer."
            )
        )
    if response.checked_at is not None:
        if is_final(response, attempt.quiz):
            raise AttemptError(gettext("You have checked this answer, so it is final."))
        raise AttemptError(gettext("You have checked this answer: press “Try again” to change it."))
    cleaned = _validate_answer(response, answer)
    if cleaned == response.answer:
        return SavedAnswer(response, changed=False)
    # An answer given after checks counts as the next try, so it carries the
    # penalty even if the quiz is submitted without checking it.
    mark = _mark(response, cleaned, quiz=attempt.quiz, tries=response.tries + 1)
    # The answer and the trainee's place are stored together or not at all, so
    # a database that fails between the two leaves no half-saved answer.
    with transaction.atomic():
        updated = Response.objects.filter(pk=response.pk, revision=response.revision).update(
            answer=cleaned,
            answered_at=now,
            score=mark,
            revision=response.revision + 1,
        )
        if updated:
            # Showing a question writes nothing; the answer given there is
            # where the trainee resumes.
            move_to(attempt=attempt, position=response.position)
    if not updated:
        raise StaleAnswer(
            gettext(
                "This question was answered in another tab at the same moment. "
                "Nothing was overwritten: reload the question to see the current answer."
            )
        )
    response.answer = cleaned
    response.answered_at = now
    response.score = mark
    response.revision += 1
    return SavedAnswer(response, changed=True)


def check_answer(*, attempt: Attempt, response: Response, now: datetime | None = None) -> Response:
    """Practice mode: mark the answer, count the try and show the feedback.

    The answer stays locked until the trainee asks to try again; a right
    answer or the last try allowed makes it final. Each try after the first
    costs the quiz's ``try_penalty`` percent of the question's mark.
    """
    now = now or timezone.now()
    quiz = attempt.quiz
    if quiz.mode != Quiz.Mode.PRACTICE:
        raise AttemptError(gettext("Feedback is shown after you submit this quiz."))
    if not attempt.is_open:
        raise AttemptFinished(
            gettext("This attempt has already been submitted; your answers are saved.")
        )
    if not response.is_answered:
        raise InvalidAnswer(gettext("Answer the question before checking it."))
    if response.checked_at is not None:
        return response  # a second click on "Check answer" counts no extra try
    tries = response.tries + 1
    mark = _mark(response, response.answer, quiz=quiz, tries=tries)
    updated = Response.objects.filter(pk=response.pk, checked_at__isnull=True).update(
        checked_at=now, tries=tries, score=mark
    )
    if updated:
        response.checked_at, response.tries, response.score = now, tries, mark
    else:  # checked from another tab at the same moment
        response.refresh_from_db(fields=["checked_at", "tries", "score"])
    return response


def try_again(*, attempt: Attempt, response: Response) -> Response:
    """Practice mode: unlock a checked answer that was not right, if tries are left."""
    if not attempt.is_open:
        raise AttemptFinished(
            gettext("This attempt has already been submitted; your answers are saved.")
        )
    if response.checked_at is None:
        return response  # already unlocked (a second click, another tab)
    if is_right(response):
        raise AttemptError(gettext("This answer is right, so it is final."))
    if tries_left(response, attempt.quiz) == 0:
        raise AttemptError(
            gettext("You have used every try this quiz allows, so this answer is final.")
        )
    Response.objects.filter(pk=response.pk).update(checked_at=None)
    response.checked_at = None
    return response


def set_flag(*, attempt: Attempt, response: Response, flagged: bool) -> Response:
    if not attempt.is_open:
        raise AttemptFinished(gettext("This attempt has already been submitted."))
    Response.objects.filter(pk=response.pk).update(flagged=flagged)
    response.flagged = flagged
    return response


def move_to(*, attempt: Attempt, position: int) -> None:
    """Remember where the trainee is, so they resume there."""
    if attempt.is_open and attempt.current_position != position:
        Attempt.objects.filter(pk=attempt.pk).update(current_position=position)
        attempt.current_position = position


def submit_attempt(
    *, attempt: Attempt, now: datetime | None = None, expired: bool = False
) -> Attempt:
    """Finish an attempt once: a second submit (double click, second tab) changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if locked.finished_at is not None:
            return locked
        responses = list(locked.responses.select_related("question"))
        total = sum(r.score or 0.0 for r in responses if r.answer)
        locked.score = total / len(responses) if responses else 0.0
        locked.passed = locked.score * 100 >= locked.quiz.pass_mark - 1e-9
        locked.finished_at = now
        locked.expired = expired
        locked.save(update_fields=["score", "passed", "finished_at", "expired"])
        progress.record_finished_attempt(attempt=locked, responses=responses)
    attempt.score, attempt.passed = locked.score, locked.passed
    attempt.finished_at, attempt.expired = locked.finished_at, locked.expired
    return locked
