"""The question types as the Django side sees them, one module each, and their registry.

A type's module holds everything about it that the quiz pages, attempts,
grading, feedback and ``Question.clean`` need (see
:class:`~quizzes.kinds.base.QuestionType`); its template
``templates/quizzes/kinds/<kind>.html`` holds its answer inputs and admin
preview. A new type needs its module, its template and a line here; the
callers ask :func:`type_of` and name no type.
"""

from __future__ import annotations

from quizzes.kinds import (
    cloze,
    matching,
    multiple_response,
    ordering,
    single_choice,
    true_false,
)
from quizzes.kinds.base import AnswerRejected, Mark, QuestionType

__all__ = ["TYPES", "AnswerRejected", "Mark", "QuestionType", "type_of"]

TYPES: dict[str, QuestionType] = {
    module.TYPE.kind: module.TYPE
    for module in (single_choice, multiple_response, true_false, cloze, matching, ordering)
}


def type_of(kind: str) -> QuestionType:
    """The registered type ``kind``; ``ValueError`` for a type that is not registered."""
    try:
        return TYPES[kind]
    except KeyError:
        raise ValueError(f"Unknown question type: {kind!r}") from None
