"""Read a trainee's answer from a posted form.

Choices are posted as indexes into the options the trainee was shown, so a
value that does not belong to the question is easy to spot and refuse.
"""

from __future__ import annotations

from django.http import QueryDict

from quizzes.attempts import InvalidAnswer
from quizzes.models import Question, Response


def _option_at(response: Response, raw: str) -> str:
    try:
        index = int(raw)
    except ValueError as error:
        raise InvalidAnswer("That answer is not one of this question's options.") from error
    if not 0 <= index < len(response.option_order):
        raise InvalidAnswer("That answer is not one of this question's options.")
    return str(response.option_order[index])


def answer_from_post(response: Response, data: QueryDict) -> list[str]:
    """The answer in the stored shape (see ``quizzes.grading``)."""
    kind = response.question.kind
    if kind == Question.Kind.CLOZE:
        return [data.get("answer", "")]
    if kind == Question.Kind.MATCHING:
        chosen = []
        for index in range(len(response.prompt_order)):
            raw = data.get(f"match-{index}", "")
            chosen.append(_option_at(response, raw) if raw else "")
        return chosen
    if kind == Question.Kind.ORDERING:
        return _ordering_from_post(response, data)
    return [_option_at(response, raw) for raw in data.getlist("answer") if raw != ""]


def _ordering_from_post(response: Response, data: QueryDict) -> list[str]:
    """Items sorted by the position the trainee gave each (a select per item)."""
    items = [str(o) for o in response.option_order]
    raws = [data.get(f"position-{index}", "") for index in range(len(items))]
    if not any(raws):
        return []
    if not all(raws):
        raise InvalidAnswer("Give every item a position.")
    try:
        positions = [int(raw) for raw in raws]
    except ValueError as error:
        raise InvalidAnswer("Positions are whole numbers.") from error
    if any(not 1 <= p <= len(items) for p in positions):
        raise InvalidAnswer(f"Positions run from 1 to {len(items)}.")
    if len(set(positions)) != len(items):
        raise InvalidAnswer("Give each item a different position.")
    return [item for _, item in sorted(zip(positions, items, strict=True))]


def has_answer_fields(data: QueryDict) -> bool:
    """Whether the post carries an answer at all (navigation alone does not)."""
    return "answer" in data or any(k.startswith(("match-", "position-")) for k in data)
