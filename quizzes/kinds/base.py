"""What every question type gives the quiz pages, grading, feedback and the admin.

A type is one object (see :class:`QuestionType`); the pages, the attempt
rules, the review and ``Question.clean`` ask the registry in
:mod:`quizzes.kinds` for it and never name a type. Nothing here imports
Django at run time, so :mod:`quizzes.grading` stays plain Python.
"""

from __future__ import annotations

import random
import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from quizzes.text.question import QuestionKind

if TYPE_CHECKING:
    from django.http import QueryDict

    from quizzes.models import Response

#: Control characters (C0, DEL and C1) other than tab, line feed and carriage
#: return. A browser never sends them from a form; PostgreSQL cannot store
#: NUL in a JSON column, and none of them means anything in an answer.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

NOT_AN_OPTION = gettext_lazy("That answer is not one of this question's options.")


class AnswerRejected(ValueError):
    """An answer that does not fit its question; the message is shown to the trainee."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A tick or a cross beside one part of a checked answer."""

    right: bool
    words: str

    @property
    def symbol(self) -> str:
        return "✓" if self.right else "✗"


def chosen(response: Sequence[str]) -> list[str]:
    """The non-blank parts of a response, stripped."""
    return [item.strip() for item in response if item.strip()]


def without_controls(given: Sequence[str]) -> list[str]:
    """Each part of an answer stripped, with control characters taken out."""
    return [CONTROL.sub("", part).strip() for part in given]


def option_at(response: Response, raw: str) -> str:
    """The option the trainee was shown at the posted index ``raw``."""
    try:
        index = int(raw)
    except ValueError as error:
        raise AnswerRejected(NOT_AN_OPTION) from error
    if not 0 <= index < len(response.option_order):
        raise AnswerRejected(NOT_AN_OPTION)
    return str(response.option_order[index])


def mark_at(marks: Sequence[Mark | None], index: int) -> Mark | None:
    return marks[index] if index < len(marks) else None


class QuestionType(ABC):
    """One question type, everything about it the Django side needs.

    Answers are always lists of strings, in the shape this type stores (see
    :meth:`grade`). ``options``, ``prompts`` and ``correct`` are the
    question's fields as strings; ``shown`` and the response's
    ``prompt_order`` are what one trainee was shown.
    """

    kind: ClassVar[QuestionKind]
    #: The type's name in the admin and on feedback.
    label: ClassVar[StrOrPromise]

    @property
    def template(self) -> str:
        """The answer inputs on the question page.

        The same template holds the partials ``preview`` (the inputs as the
        admin preview shows them) and ``key`` (the correct answer there).
        """
        return f"quizzes/kinds/{self.kind}.html"

    # Authoring

    @abstractmethod
    def validate(
        self, *, options: list[str], correct: list[str], prompts: list[str]
    ) -> dict[str, str]:
        """What is wrong with a question of this type, by field.

        Called once the question has a correct answer and distinct options.
        """

    # Showing a question to one trainee

    def shown_prompts(self, prompts: list[str], *, shuffle: bool, rng: random.Random) -> list[str]:
        """The prompts in the order this trainee sees them."""
        return prompts

    def shown_options(
        self, options: list[str], *, correct: list[str], shuffle: bool, rng: random.Random
    ) -> list[str]:
        """The options in the order this trainee sees them: shuffled if the quiz says so."""
        if shuffle:
            rng.shuffle(options)
        return options

    def answer_key(
        self, correct: list[str], *, prompts: list[str], shown_prompts: list[str]
    ) -> list[str]:
        """The correct answer in the shape grading expects for the prompts as shown."""
        return correct

    # Answering

    @abstractmethod
    def posts_answer(self, data: QueryDict) -> bool:
        """Whether a post carries this type's answer fields."""

    @abstractmethod
    def read_answer(self, response: Response, data: QueryDict) -> list[str]:
        """The posted answer in the stored shape; raises :class:`AnswerRejected`."""

    @abstractmethod
    def clean_answer(self, given: list[str], *, shown: list[str], prompts: list[str]) -> list[str]:
        """The answer as it is stored, or :class:`AnswerRejected` if it does not fit."""

    # Grading (plain Python: see quizzes.grading)

    @abstractmethod
    def grade(self, correct: Sequence[str], response: Sequence[str]) -> float:
        """The score of ``response`` against ``correct``, in [0, 1]."""

    @abstractmethod
    def is_complete(self, response: Sequence[str], prompts: Sequence[str]) -> bool:
        """Whether ``response`` answers every part of the question."""

    # The question page, feedback and review

    @abstractmethod
    def choices(self, response: Response, marks: Sequence[Mark | None]) -> dict[str, Any]:
        """What :attr:`template` shows, with the trainee's current answer and its marks."""

    def describe(self, values: Sequence[object], prompts: Sequence[object]) -> list[str]:
        """An answer as lines a person can read."""
        return [str(value) for value in values]

    def describe_key(self, values: Sequence[object], prompts: Sequence[object]) -> list[str]:
        """The correct answer as lines a person can read."""
        return self.describe(values, prompts)

    @abstractmethod
    def marks(self, response: Response, *, reveal: bool) -> list[Mark | None]:
        """Ticks and crosses for a checked answer, one per row :attr:`template` shows.

        The trainee's own choices are always marked; ``reveal`` also marks
        what they missed, once the answer is final.
        """
