"""Pure-Python question generation: facts, questions, answer matching and GIFT export.

Nothing here imports Django; the ``quizzes`` app maps these results to models.
"""

from quizzes.text.answers import answer_matches, normalise_answer
from quizzes.text.facts import FACT_KINDS, Fact, FactKind, extract_facts, split_sentences
from quizzes.text.generation import BLANK, GENERATOR_VERSION, generate_questions
from quizzes.text.gift import to_gift
from quizzes.text.question import QUESTION_KINDS, GeneratedQuestion, QuestionKind

__all__ = [
    "BLANK",
    "FACT_KINDS",
    "GENERATOR_VERSION",
    "QUESTION_KINDS",
    "Fact",
    "FactKind",
    "GeneratedQuestion",
    "QuestionKind",
    "answer_matches",
    "extract_facts",
    "generate_questions",
    "normalise_answer",
    "split_sentences",
    "to_gift",
]
