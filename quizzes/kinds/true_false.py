"""True or false: the options "True" and "False", always in that order.

Scoring: see :class:`~quizzes.kinds.choice.OneChoiceType`.
"""

from __future__ import annotations

import random

from quizzes.kinds.choice import OneChoiceType


class TrueFalse(OneChoiceType):
    kind = "true_false"
    label = "True or false"

    def shown_options(
        self, options: list[str], *, correct: list[str], shuffle: bool, rng: random.Random
    ) -> list[str]:
        return options


TYPE = TrueFalse()
