"""What a trainee may see about an answer: feedback and the review after submission."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.utils.translation import gettext

from quizzes.attempts import score_response
from quizzes.kinds import Mark, type_of
from quizzes.models import Quiz, Response


@dataclass(frozen=True, slots=True)
class Source:
    """One sentence a question cites, with a link to it in the briefing."""

    sentence: str
    url: str
    paragraph_number: int


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
    #: Whether the answer can no longer change (always, once submitted).
    final: bool = True
    tries: int = 0
    tries_left: int = 0
    penalty: int = 0
    #: The mark after any penalty for extra tries, as a fraction.
    mark: float = 0.0
    #: Every sentence the question cites, in reading order.
    sources: tuple[Source, ...] = ()

    @property
    def penalised(self) -> bool:
        return self.mark < self.score - 1e-9

    @property
    def mark_percent(self) -> int:
        return round(self.mark * 100)


def _verdict(answered: bool, grade: float) -> str:
    if not answered:
        return gettext("Not answered")
    if grade >= 0.999:
        return gettext("Correct")
    if grade > 0:
        return gettext("Partly correct (%(percent)d%%)") % {"percent": round(grade * 100)}
    return gettext("Incorrect")


def feedback_for(
    response: Response,
    *,
    briefing_url: str,
    show_answer: bool = True,
    show_correct: bool = True,
    show_explanation: bool = True,
    final: bool = True,
    tries_left: int = 0,
    penalty: int = 0,
) -> Feedback:
    question = response.question
    question_type = type_of(question.kind)
    paragraph = question.paragraph
    answered = response.is_answered
    grade = score_response(response, [str(a) for a in response.answer]) if answered else 0.0
    return Feedback(
        position=response.position,
        stem=question.stem,
        kind=question.get_kind_display(),
        answered=answered,
        score=grade,
        verdict=_verdict(answered, grade),
        your_answer=question_type.describe(response.answer, response.prompt_order),
        correct_answer=question_type.describe_key(response.answer_key, response.prompt_order),
        source_sentence=paragraph.text[question.start : question.end] or question.explanation,
        source_url=f"{briefing_url}#p{paragraph.number}",
        paragraph_number=paragraph.number,
        show_answer=show_answer,
        show_correct=show_correct,
        show_explanation=show_explanation,
        final=final,
        tries=response.tries,
        tries_left=tries_left,
        penalty=penalty,
        mark=(response.score or 0.0) if answered else 0.0,
        sources=tuple(
            Source(str(c["text"]), f"{briefing_url}#p{c['paragraph']}", int(c["paragraph"]))
            for c in question.citations
        ),
    )


def answer_marks(response: Response, *, reveal: bool) -> list[Mark | None]:
    """Ticks and crosses for a checked answer, one per row the question shows.

    Rows are the options (choice questions and ordering, in the order shown),
    the prompts (matching) or the one text box (cloze). The trainee's own
    choices are always marked; ``reveal`` also ticks the right options the
    trainee did not choose, once the answer is final.
    """
    return type_of(response.question.kind).marks(response, reveal=reveal)


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


def duration_text(duration: timedelta) -> str:
    """A time taken as people say it: "12 min 5 s", "1 h 3 min", "40 s"."""
    seconds = max(0, round(duration.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if minutes:
        return gettext("%(minutes)d min %(seconds)d s") % {"minutes": minutes, "seconds": seconds}
    return gettext("%(seconds)d s") % {"seconds": seconds}
