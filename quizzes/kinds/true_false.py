"""True or false: the options "True" and "False", always in that order.

Scoring: see :class:`~quizzes.kinds.choice.OneChoiceType`.
"""

from __future__ import annotations

import random

from django.utils.translation import gettext_lazy

from quizzes.kinds.choice import OneChoiceType


class TrueFalse(OneChoiceType):
    kind = "true_false"
    label = gettext_lazy("True or false")

    def shown_options(
        self, options: list[str], *, correct: list[str], shuffle: bool, rng: random.Random
    ) -> list[str]:
        return options


TYPE = TrueFalse()
