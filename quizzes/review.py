"""What a trainee may see about an answer: feedback and the review after submission."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizzes.models import Question, Quiz, Response


@dataclass(frozen=True, slots=True)
class Feedback:
    position: int
    stem: str
    kind: str
    answered: bool
    score: float
    verdict: str
    your_answer: list[str]
    correct_answer: list[str]
    source_sentence: str
    source_url: str
    paragraph_number: int
    show_answer: bool
    show_correct: bool
    show_explanation: bool


def _verdict(response: Response) -> str:
    if not response.is_answered:
        return "Not answered"
    score = response.score or 0.0
    if score >= 0.999:
        return "Correct"
    if score > 0:
        return f"Partly correct ({round(score * 100)}%)"
    return "Incorrect"


def _describe(
    kind: str, values: Sequence[object], *, prompts: Sequence[object] = (), first_only: bool = False
) -> list[str]:
    """An answer as lines a person can read (matching as pairs, ordering numbered)."""
    lines = [str(v) for v in values]
    if kind == Question.Kind.MATCHING:
        return [
            f"{prompt} → {value or '(no match)'}"
            for prompt, value in zip([str(p) for p in prompts], lines, strict=False)
        ]
    if kind == Question.Kind.ORDERING:
        return [f"{n}. {value}" for n, value in enumerate(lines, start=1)]
    return lines[:1] if first_only else lines


def feedback_for(
    response: Response,
    *,
    briefing_url: str,
    show_answer: bool = True,
    show_correct: bool = True,
    show_explanation: bool = True,
) -> Feedback:
    question = response.question
    paragraph = question.paragraph
    return Feedback(
        position=response.position,
        stem=question.stem,
        kind=question.get_kind_display(),
        answered=response.is_answered,
        score=response.score or 0.0,
        verdict=_verdict(response),
        your_answer=_describe(question.kind, response.answer, prompts=response.prompt_order),
        correct_answer=_describe(
            question.kind,
            response.answer_key,
            prompts=response.prompt_order,
            first_only=question.kind == Question.Kind.CLOZE,
        ),
        source_sentence=paragraph.text[question.start : question.end] or question.explanation,
        source_url=f"{briefing_url}#p{paragraph.number}",
        paragraph_number=paragraph.number,
        show_answer=show_answer,
        show_correct=show_correct,
        show_explanation=show_explanation,
    )


def build_review(quiz: Quiz, responses: Sequence[Response]) -> list[Feedback]:
    briefing_url = quiz.briefing.get_absolute_url()
    return [
        feedback_for(
            response,
            briefing_url=briefing_url,
            show_answer=quiz.review_show_answers,
            show_correct=quiz.review_show_correct,
            show_explanation=quiz.review_show_explanations,
        )
        for response in responses
    ]
