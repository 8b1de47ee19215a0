"""Read a trainee's answer from a posted form.

Each question type reads its own fields (see :mod:`quizzes.kinds`). Choices
are posted as indexes into the options the trainee was shown, so a value
that does not belong to the question is easy to spot and refuse.
"""

from __future__ import annotations

from django.http import QueryDict

from quizzes.attempts import InvalidAnswer
from quizzes.kinds import TYPES, AnswerRejected, type_of
from quizzes.models import Response


def answer_from_post(response: Response, data: QueryDict) -> list[str]:
    """The answer in the stored shape (see ``quizzes.grading``)."""
    try:
        return type_of(response.question.kind).read_answer(response, data)
    except AnswerRejected as error:
        raise InvalidAnswer(str(error)) from error


def has_answer_fields(data: QueryDict) -> bool:
    """Whether the post carries an answer at all (navigation alone does not)."""
    return any(question_type.posts_answer(data) for question_type in TYPES.values())
