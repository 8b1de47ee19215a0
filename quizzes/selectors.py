"""Reads for quiz pages, each with the joins its page needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from quizzes.grading import grade
from quizzes.models import Attempt, BriefingProgress, Quiz, Response, TermMastery

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from briefings.models import Briefing


def default_quiz_for(*, briefing: Briefing, user: User) -> Quiz | None:
    """The briefing's default quiz, annotated with the user's open attempt id."""
    open_attempts = Attempt.objects.filter(
        quiz=OuterRef("pk"), user=user, finished_at__isnull=True
    ).values("pk")[:1]
    return (
        Quiz.objects.filter(briefing=briefing, is_default=True)
        .annotate(open_attempt_id=Subquery(open_attempts))
        .first()
    )


def get_user_attempt(*, user: User, attempt_id: int) -> Attempt:
    """Another trainee's attempt answers 404, exactly as a missing one."""
    try:
        return Attempt.objects.select_related("quiz", "quiz__briefing").get(
            pk=attempt_id, user=user
        )
    except Attempt.DoesNotExist as error:
        raise Http404("No attempt of yours has that number.") from error


def get_response(*, attempt: Attempt, position: int) -> Response:
    try:
        return Response.objects.select_related("question", "question__paragraph").get(
            attempt=attempt, position=position
        )
    except Response.DoesNotExist as error:
        raise Http404("This attempt has no question at that position.") from error


def response_states(*, attempt: Attempt) -> list[dict[str, object]]:
    """Each question's position, stem and state: one query for the navigator and summary.

    ``result`` is "" until a practice answer is checked, then "right",
    "partly" or "wrong" by its grade before any penalty for extra tries.
    """
    rows = (
        Response.objects.filter(attempt=attempt)
        .select_related("question")
        .order_by("position")
        .only(
            "position",
            "answer",
            "flagged",
            "checked_at",
            "score",
            "answer_key",
            "question__kind",
            "question__stem",
        )
    )
    states: list[dict[str, object]] = []
    for r in rows:
        result = ""
        if r.checked_at is not None and r.is_answered:
            grade_ = grade(r.question.kind, options=(), correct=r.answer_key, response=r.answer)
            result = "right" if grade_ >= 0.999 else "partly" if grade_ > 0 else "wrong"
        states.append(
            {
                "position": r.position,
                "stem": r.question.stem,
                "answered": r.is_answered,
                "flagged": r.flagged,
                "result": result,
                "mark": (r.score or 0.0) if r.is_answered else 0.0,
            }
        )
    return states


def attempt_responses(*, attempt: Attempt) -> QuerySet[Response]:
    return (
        Response.objects.filter(attempt=attempt)
        .select_related("question", "question__paragraph")
        .order_by("position")
    )


def progress_for(*, user: User) -> QuerySet[BriefingProgress]:
    return BriefingProgress.objects.filter(user=user).select_related("briefing")


def open_attempts_for(*, user: User) -> QuerySet[Attempt]:
    return Attempt.objects.filter(user=user, finished_at__isnull=True).select_related("quiz")


def terms_to_revise(*, user: User, limit: int = 12) -> list[TermMastery]:
    """Terms answered wrong at least once and right less than twice as often."""
    rows = (
        TermMastery.objects.filter(user=user, wrong__gt=0)
        .select_related("term", "term__briefing")
        .order_by("-wrong", "right")
    )
    return [row for row in rows[: limit * 2] if row.right < 2 * row.wrong][:limit]
