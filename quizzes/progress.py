"""Learner progress, updated once when an attempt finishes (never per page view)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from briefings.models import GlossaryTerm
from quizzes.models import Attempt, BriefingProgress, Quiz, Response, TermMastery


def _grade(quiz: Quiz, finished: list[Attempt]) -> float | None:
    scores = [a.score for a in finished if a.score is not None]
    if not scores:
        return None
    match quiz.grading_method:
        case Quiz.Grading.LAST:
            return scores[-1]
        case Quiz.Grading.FIRST:
            return scores[0]
        case Quiz.Grading.AVERAGE:
            return sum(scores) / len(scores)
        case _:
            return max(scores)


def record_finished_attempt(*, attempt: Attempt, responses: Sequence[Response]) -> None:
    """Update the trainee's progress on the briefing and mastery of its glossary terms."""
    quiz = attempt.quiz
    finished = list(
        Attempt.objects.filter(
            user_id=attempt.user_id, quiz=quiz, finished_at__isnull=False
        ).order_by("number")
    )
    grade = _grade(quiz, finished)
    passed = grade is not None and grade * 100 >= quiz.pass_mark - 1e-9
    row, _ = BriefingProgress.objects.get_or_create(
        user_id=attempt.user_id, briefing_id=quiz.briefing_id
    )
    row.best_score = max(a.score or 0.0 for a in finished)
    row.last_score = attempt.score
    row.grade = grade
    row.attempts_used = len(finished)
    row.status = BriefingProgress.Status.PASSED if passed else BriefingProgress.Status.FAILED
    if passed and row.completed_at is None:
        row.completed_at = attempt.finished_at
    row.save()

    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for response in responses:
        for term in response.question.terms:
            if response.answer and (response.score or 0.0) >= 0.999:
                right[term] += 1
            else:
                wrong[term] += 1
    names = set(right) | set(wrong)
    if not names:
        return
    terms = GlossaryTerm.objects.filter(briefing_id=quiz.briefing_id, term__in=names)
    for term in terms:
        mastery, _ = TermMastery.objects.get_or_create(user_id=attempt.user_id, term=term)
        mastery.right += right[term.term]
        mastery.wrong += wrong[term.term]
        mastery.last_answered_at = attempt.finished_at
        mastery.save()
