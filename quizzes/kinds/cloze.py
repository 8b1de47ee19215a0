"""Fill in the blank: the trainee types the missing words.

Scoring: 1 if the typed text matches any accepted answer under
:func:`quizzes.text.answers.answer_matches` (case, spacing, punctuation,
thousands separators, units and month spellings are forgiven), else 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext, gettext_lazy

from quizzes.kinds.base import AnswerRejected, Mark, QuestionType, chosen, mark_at, without_controls
from quizzes.text.answers import answer_matches

if TYPE_CHECKING:
    from django.http import QueryDict

    from quizzes.models import Response

#: The longest answer kept; the text box stops there too.
MAX_LENGTH = 200


class Cloze(QuestionType):
    kind = "cloze"
    label = gettext_lazy("Fill in the blank")

    def validate(
        self, *, options: list[str], correct: list[str], prompts: list[str]
    ) -> dict[str, str]:
        return {}

    def posts_answer(self, data: QueryDict) -> bool:
        return "answer" in data

    def read_answer(self, response: Response, data: QueryDict) -> list[str]:
        return [data.get("answer", "")]

    def clean_answer(self, given: list[str], *, shown: list[str], prompts: list[str]) -> list[str]:
        text = " ".join(" ".join(without_controls(given)).split())
        if not text and any(part.strip() for part in given):
            raise AnswerRejected(
                gettext(
                    "That answer holds only control characters, which cannot be saved. "
                    "Type the answer as plain text."
                )
            )
        if len(text) > MAX_LENGTH:
            raise AnswerRejected(
                gettext("Answers are at most %(length)d characters long.") % {"length": MAX_LENGTH}
            )
        return [text] if text else []

    def grade(self, correct: Sequence[str], response: Sequence[str]) -> float:
        typed = " ".join(chosen(response))
        return 1.0 if answer_matches(typed, correct) else 0.0

    def is_complete(self, response: Sequence[str], prompts: Sequence[str]) -> bool:
        return bool(chosen(response))

    def choices(self, response: Response, marks: Sequence[Mark | None]) -> dict[str, Any]:
        answer = [str(a) for a in response.answer]
        return {
            "text": answer[0] if answer else "",
            "mark": mark_at(marks, 0),
            "max_length": MAX_LENGTH,
        }

    def describe_key(self, values: Sequence[object], prompts: Sequence[object]) -> list[str]:
        """The canonical answer only, not every spelling accepted."""
        return self.describe(values, prompts)[:1]

    def marks(self, response: Response, *, reveal: bool) -> list[Mark | None]:
        answer = [str(a) for a in response.answer]
        key = [str(k) for k in response.answer_key]
        right = bool(answer) and self.grade(key, answer) >= 0.999
        return [Mark(right, gettext("right") if right else gettext("wrong"))]


TYPE = Cloze()
