"""The generated-question contract between the generator and the models.

Every question cites every sentence it uses: ``citations`` lists them as
(paragraph, start, end), the 1-based paragraph number (anchor ``p<n>``) and
the character offsets of the sentence in that paragraph's text, in reading
order. ``paragraph``/``start``/``end`` repeat the first of them.
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

Citation = tuple[int, int, int]
"""(paragraph number, start, end) of one cited sentence."""

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
    ``citations``: every sentence the question uses (see the module docstring).
    ``facts``: fingerprints of the facts it is built on; two questions that
    share one (or cite one sentence) are never drawn into one quiz.
    ``importance``: how much the facts matter to the story, in [0, 1]; a
    default quiz draws from the top.
    ``key_forms``: every way the text writes what the question asks for (the
    answer, its acronym or full name, a true/false statement's value and the
    value swapped into it); another question printing one gives it away.
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
    citations: tuple[Citation, ...] = ()
    facts: tuple[str, ...] = ()
    importance: float = 0.0
    key_forms: tuple[str, ...] = ()

    def cited(self) -> tuple[Citation, ...]:
        """The cited sentences, falling back to the one ``paragraph``/``start``/``end`` give."""
        return self.citations or ((self.paragraph, self.start, self.end),)
