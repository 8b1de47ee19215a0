"""What a trainee may see about an answer: feedback and the review after submission."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from quizzes.attempts import score_response
from quizzes.models import Question, Quiz, Response


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


@dataclass(frozen=True, slots=True)
class Mark:
    """A tick or a cross beside one part of a checked answer."""

    right: bool
    words: str

    @property
    def symbol(self) -> str:
        return "✓" if self.right else "✗"


def _verdict(answered: bool, grade: float) -> str:
    if not answered:
        return "Not answered"
    if grade >= 0.999:
        return "Correct"
    if grade > 0:
        return f"Partly correct ({round(grade * 100)}%)"
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
    final: bool = True,
    tries_left: int = 0,
    penalty: int = 0,
) -> Feedback:
    question = response.question
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
    kind = response.question.kind
    answer = [str(a) for a in response.answer]
    key = [str(k) for k in response.answer_key]
    options = [str(o) for o in response.option_order]
    if kind == Question.Kind.CLOZE:
        right = bool(answer) and score_response(response, answer) >= 0.999
        return [Mark(right, "right" if right else "wrong")]
    if kind == Question.Kind.MATCHING:
        marks: list[Mark | None] = []
        for index in range(len(response.prompt_order)):
            chosen = answer[index] if index < len(answer) else ""
            wanted = key[index] if index < len(key) else ""
            if chosen and chosen == wanted:
                marks.append(Mark(True, "right match"))
            else:
                marks.append(Mark(False, "wrong match" if chosen else "no match chosen"))
        return marks
    if kind == Question.Kind.ORDERING:
        return [
            Mark(True, "in the right place")
            if item in answer and item in key and answer.index(item) == key.index(item)
            else Mark(False, "in the wrong place")
            for item in options
        ]
    chosen_set, key_set = set(answer), set(key)
    choice_marks: list[Mark | None] = []
    for option in options:
        if option in chosen_set:
            right = option in key_set
            words = "your choice, right" if right else "your choice, wrong"
            choice_marks.append(Mark(right, words))
        elif reveal and option in key_set:
            choice_marks.append(Mark(True, "right answer, not chosen"))
        else:
            choice_marks.append(None)
    return choice_marks


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
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {seconds} s"
    return f"{seconds} s"
