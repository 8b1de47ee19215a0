"""Single choice: several options, exactly one right; the options are shuffled if the quiz says so.

Scoring: see :class:`~quizzes.kinds.choice.OneChoiceType`.
"""

from __future__ import annotations

from quizzes.kinds.choice import OneChoiceType


class SingleChoice(OneChoiceType):
    kind = "single_choice"
    label = "Multiple choice (one answer)"


TYPE = SingleChoice()
