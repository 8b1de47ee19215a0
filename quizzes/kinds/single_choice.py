"""Single choice: several options, exactly one right; the options are shuffled if the quiz says so.

Scoring: see :class:`~quizzes.kinds.choice.OneChoiceType`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from quizzes.kinds.choice import OneChoiceType


class SingleChoice(OneChoiceType):
    kind = "single_choice"
    label = gettext_lazy("Multiple choice (one answer)")


TYPE = SingleChoice()
