"""Question bank exports: the ``questions`` section of the JSON, Moodle GIFT and Moodle XML."""

from __future__ import annotations

from typing import Any

from briefings.models import Briefing
from quizzes.models import Question
from quizzes.text.gift import to_gift
from quizzes.text.moodle_xml import to_moodle_xml
from quizzes.text.question import GeneratedQuestion


def questions_for_export(briefing: Briefing) -> list[dict[str, Any]]:
    return [
        {
            "id": q.pk,
            "type": q.kind,
            "status": q.status,
            "origin": q.origin,
            "stem": q.stem,
            "options": q.options,
            "prompts": q.prompts,
            "correct": q.correct,
            "explanation": q.explanation,
            "paragraph": f"p{q.paragraph.number}",
            "start": q.start,
            "end": q.end,
            "citations": [
                {"anchor": f"p{c['paragraph']}", "start": c["start"], "end": c["end"]}
                for c in q.citations
            ],
            "difficulty": q.difficulty,
            "importance": q.importance,
            "terms": q.terms,
            "generator_version": q.generator_version,
            "version": q.version,
        }
        for q in briefing.questions.select_related("paragraph").order_by("pk")
    ]


def as_generated(question: Question) -> GeneratedQuestion:
    return GeneratedQuestion(
        kind=question.kind,  # type: ignore[arg-type]
        stem=question.stem,
        options=tuple(question.options),
        correct=tuple(question.correct),
        explanation=question.explanation,
        paragraph=question.paragraph.number,
        start=question.start,
        end=question.end,
        difficulty=question.difficulty,
        key=question.key,
        prompts=tuple(question.prompts),
        terms=tuple(question.terms),
    )


def approved_questions(briefing: Briefing) -> list[GeneratedQuestion]:
    """The approved bank in the order it was made, in one query."""
    questions = briefing.questions.filter(status=Question.Status.APPROVED).select_related(
        "paragraph"
    )
    return [as_generated(q) for q in questions.order_by("pk")]


def approved_bank_as_gift(briefing: Briefing) -> str:
    return to_gift(approved_questions(briefing), category=briefing.title)


def approved_bank_as_moodle_xml(briefing: Briefing) -> str:
    return to_moodle_xml(approved_questions(briefing), category=briefing.title)
