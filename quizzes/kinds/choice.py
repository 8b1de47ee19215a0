"""What the choice types (single choice, true/false, multiple response) share.

The trainee picks among the options shown; each is posted as its index in
the options shown (``answer``, repeated for several), so a value that does
not belong to the question is easy to spot and refuse.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext

from quizzes.kinds.base import (
    NOT_AN_OPTION,
    AnswerRejected,
    Mark,
    QuestionType,
    chosen,
    mark_at,
    option_at,
    without_controls,
)

if TYPE_CHECKING:
    from django.http import QueryDict

    from quizzes.models import Response


class ChoiceType(QuestionType):
    """Options to choose from, shown as radio buttons or check boxes."""

    def posts_answer(self, data: QueryDict) -> bool:
        return "answer" in data

    def read_answer(self, response: Response, data: QueryDict) -> list[str]:
        return [option_at(response, raw) for raw in data.getlist("answer") if raw != ""]

    def clean_answer(self, given: list[str], *, shown: list[str], prompts: list[str]) -> list[str]:
        picked = [part for part in without_controls(given) if part]
        if any(part not in shown for part in picked) or len(set(picked)) != len(picked):
            raise AnswerRejected(NOT_AN_OPTION)
        return picked

    def choices(self, response: Response, marks: Sequence[Mark | None]) -> dict[str, Any]:
        answer = [str(a) for a in response.answer]
        return {
            "options": [
                {
                    "index": index,
                    "text": option,
                    "selected": option in answer,
                    "mark": mark_at(marks, index),
                }
                for index, option in enumerate(str(o) for o in response.option_order)
            ]
        }

    def marks(self, response: Response, *, reveal: bool) -> list[Mark | None]:
        picked = {str(a) for a in response.answer}
        key = {str(k) for k in response.answer_key}
        marks: list[Mark | None] = []
        for option in (str(o) for o in response.option_order):
            if option in picked:
                right = option in key
                marks.append(
                    Mark(
                        right,
                        gettext("your choice, right") if right else gettext("your choice, wrong"),
                    )
                )
            elif reveal and option in key:
                marks.append(Mark(True, gettext("right answer, not chosen")))
            else:
                marks.append(None)
        return marks


class OneChoiceType(ChoiceType):
    """Exactly one option is right, and the trainee chooses one.

    Score 1 if the chosen option is the correct one, else 0. Choosing
    nothing, or more than one option, scores 0.
    """

    def validate(
        self, *, options: list[str], correct: list[str], prompts: list[str]
    ) -> dict[str, str]:
        if len(options) < 2:
            return {"options": "Give at least two options."}
        if len(correct) != 1 or correct[0] not in options:
            return {"correct": "Give exactly one correct answer, written as one of the options."}
        return {}

    def clean_answer(self, given: list[str], *, shown: list[str], prompts: list[str]) -> list[str]:
        picked = super().clean_answer(given, shown=shown, prompts=prompts)
        if len(picked) > 1:
            raise AnswerRejected(gettext("Choose one option only."))
        return picked

    def grade(self, correct: Sequence[str], response: Sequence[str]) -> float:
        picked = chosen(response)
        if len(picked) != 1 or not correct:
            return 0.0
        return 1.0 if picked[0] == correct[0].strip() else 0.0

    def is_complete(self, response: Sequence[str], prompts: Sequence[str]) -> bool:
        return len(chosen(response)) == 1
