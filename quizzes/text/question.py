"""The generated-question contract between the generator and the models.

Every question cites the sentence that answers it: ``paragraph`` is the
1-based paragraph number (anchor ``p<n>``) and ``start``/``end`` are character
offsets of that sentence in the paragraph's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

QuestionKind = Literal[
    "single_choice",
    "multiple_response",
    "true_false",
    "cloze",
    "matching",
    "ordering",
]

QUESTION_KINDS: tuple[QuestionKind, ...] = (
    "single_choice",
    "multiple_response",
    "true_false",
    "cloze",
    "matching",
    "ordering",
)


@dataclass(frozen=True, slots=True)
class GeneratedQuestion:
    """One question, ready to store.

    ``options``: the choices shown (true/false: ("True", "False"); cloze: ();
    matching: the right-hand items; ordering: the items in their correct order).
    ``prompts``: matching only, the left-hand items.
    ``correct``: single choice: (answer,); multiple response: the right options;
    true/false: ("True",) or ("False",); cloze: accepted answers, canonical first;
    matching: the right-hand item for each prompt, in prompt order;
    ordering: the items in their correct order.
    ``terms``: glossary terms the question exercises (for mastery tracking).
    ``key``: a stable fingerprint of what is asked; two questions with one key
    ask the same thing, so regeneration never duplicates.
    """

    kind: QuestionKind
    stem: str
    options: tuple[str, ...]
    correct: tuple[str, ...]
    explanation: str
    paragraph: int
    start: int
    end: int
    difficulty: float
    key: str
    prompts: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
