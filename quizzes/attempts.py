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

from quizzes import progress
from quizzes.grading import grade
from quizzes.models import Attempt, Question, Quiz, Response, TimeAccommodation

if TYPE_CHECKING:
    from django.contrib.auth.models import User

#: Answers arriving this long after the deadline are still accepted, so a
#: trainee who clicks in the last second is not punished for network latency.
GRACE = timedelta(seconds=30)
MAX_TEXT_ANSWER = 200


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
    bank = list(
        Question.objects.filter(briefing_id=quiz.briefing_id, status=Question.Status.APPROVED)
        .select_related(None)
        .order_by("paragraph__number", "pk")
    )
    if quiz.questions_per_type:
        drawn: list[Question] = []
        for kind in Question.Kind.values:
            of_kind = [q for q in bank if q.kind == kind]
            drawn.extend(rng.sample(of_kind, min(len(of_kind), quiz.questions_per_type)))
        bank = sorted(drawn, key=lambda q: (q.paragraph_id, q.pk))
    elif quiz.question_count and quiz.question_count < len(bank):
        # Take the types in turn so a short quiz still mixes kinds of question.
        by_kind: dict[str, list[Question]] = {}
        for question in bank:
            by_kind.setdefault(question.kind, []).append(question)
        for questions in by_kind.values():
            rng.shuffle(questions)
        kinds = sorted(by_kind)
        rng.shuffle(kinds)
        chosen: set[int] = set()
        while len(chosen) < quiz.question_count:
            for kind in kinds:
                if by_kind[kind] and len(chosen) < quiz.question_count:
                    chosen.add(by_kind[kind].pop().pk)
        bank = [q for q in bank if q.pk in chosen]
    if quiz.shuffle_questions:
        rng.shuffle(bank)
    return bank


def _shown_options(question: Question, quiz: Quiz, rng: random.Random) -> list[str]:
    options = [str(o) for o in question.options]
    if question.kind == Question.Kind.TRUE_FALSE:
        return options
    if question.kind == Question.Kind.ORDERING:
        # Never show the items already in order: that would give the answer away.
        shuffled = options[:]
        for _ in range(10):
            rng.shuffle(shuffled)
            if shuffled != [str(c) for c in question.correct]:
                break
        return shuffled
    if quiz.shuffle_options:
        rng.shuffle(options)
    return options


def _new_response(
    attempt: Attempt, question: Question, position: int, quiz: Quiz, rng: random.Random
) -> Response:
    """A response row holding what this trainee is shown and its answer key.

    Matching prompts may be shuffled; the key is stored in the order shown,
    so grading and feedback pair each prompt with its own match.
    """
    prompts = [str(p) for p in question.prompts]
    correct = [str(c) for c in question.correct]
    shown_prompts = prompts
    if question.kind == Question.Kind.MATCHING and quiz.shuffle_questions:
        shown_prompts = rng.sample(prompts, len(prompts))
    key = correct
    if question.kind == Question.Kind.MATCHING:
        key = [correct[prompts.index(prompt)] for prompt in shown_prompts]
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


def start_attempt(
    *, user: User, quiz: Quiz, now: datetime | None = None, seed: int | None = None
) -> Attempt:
    """Continue the open attempt, or start a new one if the limit allows.

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
    if quiz.attempts_allowed and used >= quiz.attempts_allowed:
        raise NoAttemptsLeft(
            f"You have used all {quiz.attempts_allowed} attempt(s) this quiz allows."
        )
    rng = random.Random(seed)
    questions = _draw_questions(quiz, rng)
    if not questions:
        raise EmptyQuiz("This quiz has no approved questions yet. Please try again later.")
    deadline = None
    if quiz.time_limit_minutes:
        seconds = quiz.time_limit_minutes * 60 * float(time_multiplier(user, quiz))
        deadline = now + timedelta(seconds=seconds)
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                user=user, quiz=quiz, number=used + 1, started_at=now, deadline=deadline
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
    kind = response.question.kind
    shown = [str(o) for o in response.option_order]
    cleaned = [str(a).strip() for a in answer]
    if kind == Question.Kind.CLOZE:
        text = " ".join(cleaned).strip()
        if len(text) > MAX_TEXT_ANSWER:
            raise InvalidAnswer(f"Answers are at most {MAX_TEXT_ANSWER} characters long.")
        return [text] if text else []
    if kind == Question.Kind.MATCHING:
        prompts = [str(p) for p in response.prompt_order]
        if len(cleaned) != len(prompts) or any(c and c not in shown for c in cleaned):
            raise InvalidAnswer("That answer does not fit this question's items.")
        return cleaned if any(cleaned) else []
    if kind == Question.Kind.ORDERING:
        if sorted(cleaned) != sorted(shown):
            raise InvalidAnswer("Put every item in order exactly once.")
        return cleaned
    chosen = [c for c in cleaned if c]
    if any(c not in shown for c in chosen) or len(set(chosen)) != len(chosen):
        raise InvalidAnswer("That answer is not one of this question's options.")
    if kind in (Question.Kind.SINGLE_CHOICE, Question.Kind.TRUE_FALSE) and len(chosen) > 1:
        raise InvalidAnswer("Choose one option only.")
    return chosen


def score_response(response: Response, answer: list[str]) -> float:
    question = response.question
    return grade(
        question.kind,
        options=response.option_order,
        correct=response.answer_key,
        response=answer,
        prompts=response.prompt_order,
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
        raise AttemptFinished("This attempt has already been submitted; your answers are saved.")
    if is_past_deadline(attempt, now=now):
        submit_attempt(attempt=attempt, now=now, expired=True)
        raise TimeExpired(
            "Time is up: this answer arrived after the time limit and was not saved. "
            "Your earlier answers were submitted."
        )
    if revision is not None and revision != response.revision:
        raise StaleAnswer(
            "This question was answered in another tab or window since this page was loaded. "
            "Nothing was overwritten: reload the question to see the current answer."
        )
    if response.checked_at is not None:
        raise AttemptError("You have checked this answer, so it is final.")
    cleaned = _validate_answer(response, answer)
    if cleaned == response.answer:
        return SavedAnswer(response, changed=False)
    updated = Response.objects.filter(pk=response.pk, revision=response.revision).update(
        answer=cleaned,
        answered_at=now,
        score=score_response(response, cleaned) if cleaned else 0.0,
        revision=response.revision + 1,
    )
    if not updated:
        raise StaleAnswer(
            "This question was answered in another tab at the same moment. "
            "Nothing was overwritten: reload the question to see the current answer."
        )
    response.answer = cleaned
    response.answered_at = now
    response.score = score_response(response, cleaned) if cleaned else 0.0
    response.revision += 1
    return SavedAnswer(response, changed=True)


def check_answer(*, attempt: Attempt, response: Response, now: datetime | None = None) -> Response:
    """Practice mode: lock the answer and reveal the feedback for this question."""
    now = now or timezone.now()
    if attempt.quiz.mode != Quiz.Mode.PRACTICE:
        raise AttemptError("Feedback is shown after you submit this quiz.")
    if not response.is_answered:
        raise InvalidAnswer("Answer the question before checking it.")
    if response.checked_at is None:
        Response.objects.filter(pk=response.pk).update(checked_at=now)
        response.checked_at = now
    return response


def set_flag(*, attempt: Attempt, response: Response, flagged: bool) -> Response:
    if not attempt.is_open:
        raise AttemptFinished("This attempt has already been submitted.")
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
