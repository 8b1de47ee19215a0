"""Multiple response: tick every right option among at least three.

Scoring (Moodle-style partial credit): each right option ticked earns
1/len(correct); each ticked option that is not right loses 1/len(correct);
the total is floored at 0. Ticking nothing scores 0, so does ticking every
box when half the options are wrong. An option ticked twice counts once.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext_lazy

from quizzes.kinds.base import chosen
from quizzes.kinds.choice import ChoiceType


class MultipleResponse(ChoiceType):
    kind = "multiple_response"
    label = gettext_lazy("Multiple response")

    def validate(
        self, *, options: list[str], correct: list[str], prompts: list[str]
    ) -> dict[str, str]:
        if len(options) < 3:
            return {"options": "Give at least three options."}
        if not set(correct) <= set(options):
            return {"correct": "Every correct answer must be one of the options."}
        return {}

    def grade(self, correct: Sequence[str], response: Sequence[str]) -> float:
        right = {item.strip() for item in correct}
        if not right:
            return 0.0
        ticked = set(chosen(response))
        step = 1.0 / len(right)
        earned = step * len(ticked & right) - step * len(ticked - right)
        return min(1.0, max(0.0, earned))

    def is_complete(self, response: Sequence[str], prompts: Sequence[str]) -> bool:
        return bool(chosen(response))


TYPE = MultipleResponse()
