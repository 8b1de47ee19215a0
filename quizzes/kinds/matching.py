"""Matching: choose, for each item on the left (a prompt), its match among the options.

The answer holds the option chosen for each prompt in the order shown (""
when none is chosen); the answer key is stored in that order too, so
grading and feedback pair each prompt with its own match.

Scoring: prompts matched correctly / number of prompts.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext, gettext_lazy

from quizzes.kinds.base import (
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


class Matching(QuestionType):
    kind = "matching"
    label = gettext_lazy("Matching")

    def validate(
        self, *, options: list[str], correct: list[str], prompts: list[str]
    ) -> dict[str, str]:
        if len(prompts) < 2:
            return {"prompts": "Give at least two items to match."}
        if len(correct) != len(prompts):
            return {"correct": "Give one correct match for each item, in the same order."}
        if not set(correct) <= set(options):
            return {"correct": "Every match must be one of the options."}
        return {}

    def shown_prompts(self, prompts: list[str], *, shuffle: bool, rng: random.Random) -> list[str]:
        return rng.sample(prompts, len(prompts)) if shuffle else prompts

    def answer_key(
        self, correct: list[str], *, prompts: list[str], shown_prompts: list[str]
    ) -> list[str]:
        return [correct[prompts.index(prompt)] for prompt in shown_prompts]

    def posts_answer(self, data: QueryDict) -> bool:
        return any(key.startswith("match-") for key in data)

    def read_answer(self, response: Response, data: QueryDict) -> list[str]:
        """The option chosen in each prompt's select (``match-<n>``), "" for none."""
        answer = []
        for index in range(len(response.prompt_order)):
            raw = data.get(f"match-{index}", "")
            answer.append(option_at(response, raw) if raw else "")
        return answer

    def clean_answer(self, given: list[str], *, shown: list[str], prompts: list[str]) -> list[str]:
        cleaned = without_controls(given)
        if len(cleaned) != len(prompts) or any(part and part not in shown for part in cleaned):
            raise AnswerRejected(gettext("That answer does not fit this question's items."))
        return cleaned if any(cleaned) else []

    def grade(self, correct: Sequence[str], response: Sequence[str]) -> float:
        if not correct:
            return 0.0
        hits = sum(
            1
            for index, wanted in enumerate(correct)
            if index < len(response) and response[index].strip() == wanted.strip()
        )
        return hits / len(correct)

    def is_complete(self, response: Sequence[str], prompts: Sequence[str]) -> bool:
        return (
            bool(prompts)
            and len(response) == len(prompts)
            and len(chosen(response)) == len(prompts)
        )

    def choices(self, response: Response, marks: Sequence[Mark | None]) -> dict[str, Any]:
        answer = [str(a) for a in response.answer]
        return {
            "rows": [
                {
                    "index": index,
                    "prompt": prompt,
                    "selected": answer[index] if index < len(answer) else "",
                    "mark": mark_at(marks, index),
                }
                for index, prompt in enumerate(response.prompt_order)
            ],
            "options": list(enumerate(str(o) for o in response.option_order)),
        }

    def describe(self, values: Sequence[object], prompts: Sequence[object]) -> list[str]:
        """Each prompt with its match: "Kabul → Afghanistan"."""
        return [
            f"{prompt} → {value or '(no match)'}"
            for prompt, value in zip(
                [str(p) for p in prompts], [str(v) for v in values], strict=False
            )
        ]

    def marks(self, response: Response, *, reveal: bool) -> list[Mark | None]:
        answer = [str(a) for a in response.answer]
        key = [str(k) for k in response.answer_key]
        marks: list[Mark | None] = []
        for index in range(len(response.prompt_order)):
            picked = answer[index] if index < len(answer) else ""
            wanted = key[index] if index < len(key) else ""
            if picked and picked == wanted:
                marks.append(Mark(True, gettext("right match")))
            else:
                marks.append(
                    Mark(False, gettext("wrong match") if picked else gettext("no match chosen"))
                )
        return marks


TYPE = Matching()
