"""The question types, one module each, and the one registry of them.

A new type needs its module and a line here; the generator asks every
registered type and names none.
"""

from __future__ import annotations

from quizzes.text.generation.drafts import QuestionType, common_problems
from quizzes.text.generation.kinds import (
    cloze,
    matching,
    multiple_response,
    ordering,
    single_choice,
    true_false,
)
from quizzes.text.question import GeneratedQuestion, QuestionKind

# The order is the order of building: when a fact could become a question of
# several types used equally often so far, the earlier type is tried first
# unless the seed's tie-break says otherwise. QUESTION_KINDS gives the order
# in which questions of one sentence are listed.
TYPES: dict[QuestionKind, QuestionType] = {
    module.TYPE.kind: module.TYPE
    for module in (single_choice, cloze, true_false, matching, ordering, multiple_response)
}


def problems(question: GeneratedQuestion) -> list[str]:
    """What is wrong with a question (empty when it is fit to ask)."""
    return [*TYPES[question.kind].check(question), *common_problems(question)]
