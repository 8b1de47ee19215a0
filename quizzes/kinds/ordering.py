"""Ordering: put the items in order by giving each its position (a select per item).

The answer is the trainee's order of the items. Scoring: adjacent pairs in
the trainee's order that are also adjacent, in that order, in the correct
order, divided by (number of items - 1). So a list with one item moved
scores most of the marks, and a reversed list scores 0. With fewer than two
items the score is 1 for the right item, else 0.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext, gettext_lazy

from quizzes.kinds.base import AnswerRejected, Mark, QuestionType, chosen, mark_at, without_controls

if TYPE_CHECKING:
    from django.http import QueryDict

    from quizzes.models import Response


class Ordering(QuestionType):
    kind = "ordering"
    label = gettext_lazy("Ordering")

    def validate(
        self, *, options: list[str], correct: list[str], prompts: list[str]
    ) -> dict[str, str]:
        if len(options) < 3:
            return {"options": "Give at least three items to put in order."}
        if sorted(correct) != sorted(options):
            return {"correct": "The correct order must list every item exactly once."}
        return {}

    def shown_options(
        self, options: list[str], *, correct: list[str], shuffle: bool, rng: random.Random
    ) -> list[str]:
        """Always shuffled, and never shown already in order: that would give the answer away."""
        shuffled = options[:]
        for _ in range(10):
            rng.shuffle(shuffled)
            if shuffled != correct:
                break
        return shuffled

    def posts_answer(self, data: QueryDict) -> bool:
        return any(key.startswith("position-") for key in data)

    def read_answer(self, response: Response, data: QueryDict) -> list[str]:
        """Items sorted by the position the trainee gave each (``position-<n>``)."""
        items = [str(o) for o in response.option_order]
        raws = [data.get(f"position-{index}", "") for index in range(len(items))]
        if not any(raws):
            return []
        if not all(raws):
            raise AnswerRejected(gettext("Give every item a position."))
        try:
            positions = [int(raw) for raw in raws]
        except ValueError as error:
            raise AnswerRejected(gettext("Positions are whole numbers.")) from error
        if any(not 1 <= p <= len(items) for p in positions):
            raise AnswerRejected(f"Positions run from 1 to {len(items)}.")
        if len(set(positions)) != len(items):
            raise AnswerRejected(gettext("Give each item a different position."))
        return [item for _, item in sorted(zip(positions, items, strict=True))]

    def clean_answer(self, given: list[str], *, shown: list[str], prompts: list[str]) -> list[str]:
        cleaned = without_controls(given)
        if sorted(cleaned) != sorted(shown):
            raise AnswerRejected(gettext("Put every item in order exactly once."))
        return cleaned

    def grade(self, correct: Sequence[str], response: Sequence[str]) -> float:
        wanted = [item.strip() for item in correct]
        given = chosen(response)
        if len(wanted) < 2:
            return 1.0 if given == wanted else 0.0
        correct_pairs = set(zip(wanted, wanted[1:], strict=False))
        hits = sum(1 for pair in zip(given, given[1:], strict=False) if pair in correct_pairs)
        return min(1.0, hits / (len(wanted) - 1))

    def is_complete(self, response: Sequence[str], prompts: Sequence[str]) -> bool:
        given = chosen(response)
        return bool(given) and len(given) == len(response) and len(set(given)) == len(given)

    def choices(self, response: Response, marks: Sequence[Mark | None]) -> dict[str, Any]:
        options = [str(o) for o in response.option_order]
        position_of = {item: n for n, item in enumerate((str(a) for a in response.answer), 1)}
        return {
            "items": [
                {
                    "index": index,
                    "text": item,
                    "position": position_of.get(item),
                    "mark": mark_at(marks, index),
                }
                for index, item in enumerate(options)
            ],
            "positions": list(range(1, len(options) + 1)),
        }

    def describe(self, values: Sequence[object], prompts: Sequence[object]) -> list[str]:
        """The items numbered in order: "1. The treaty is signed"."""
        return [f"{n}. {value}" for n, value in enumerate(values, start=1)]

    def marks(self, response: Response, *, reveal: bool) -> list[Mark | None]:
        answer = [str(a) for a in response.answer]
        key = [str(k) for k in response.answer_key]
        return [
            Mark(True, gettext("in the right place"))
            if item in answer and item in key and answer.index(item) == key.index(item)
            else Mark(False, gettext("in the wrong place"))
            for item in (str(o) for o in response.option_order)
        ]


TYPE = Ordering()
