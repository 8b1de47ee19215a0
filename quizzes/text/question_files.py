"""What the GIFT and Moodle XML readers give: questions written elsewhere, and
line-numbered errors.

A reader never stops at the first mistake: it reads the whole file and raises
one :class:`QuestionFileError` listing every problem with the line it is on,
so an instructor can fix a file in one go. Nothing here imports Django.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from quizzes.text.question import QuestionKind

__all__ = [
    "MAX_QUESTIONS",
    "FileProblem",
    "ImportedQuestion",
    "QuestionFileError",
    "gettext_noop",
    "plain_text",
]

#: More questions than this in one file is refused: no briefing's bank needs it,
#: and it bounds the work one upload can cause.
MAX_QUESTIONS = 1000
#: A file with more problems than this lists only the first ones.
MAX_PROBLEMS = 50


def gettext_noop(message: str) -> str:
    """Mark ``message`` for the translation catalogue and return it unchanged; the
    Django side translates a problem's ``template`` and fills in its ``params``."""
    return message


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A problem on ``line``: ``message`` is the English text, ``template`` the
    message as marked for translation (with ``%(name)s`` placeholders that
    ``params`` fill in) when it differs."""

    line: int
    message: str
    template: str = field(default="", compare=False)
    params: Mapping[str, object] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, line: int, template: str, **params: object) -> FileProblem:
        return cls(line, template % params if params else template, template, params)

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class QuestionFileError(ValueError):
    """Everything wrong with a question file, each problem with its line number."""

    def __init__(
        self, problems: list[FileProblem], questions: list[ImportedQuestion] | None = None
    ) -> None:
        self.problems = problems[:MAX_PROBLEMS]
        #: The questions that could be read, for checks that add their own problems.
        self.questions = questions or []
        super().__init__("; ".join(str(problem) for problem in self.problems))


@dataclass(frozen=True, slots=True)
class ImportedQuestion:
    """One question read from a file, in the shapes :mod:`quizzes.kinds` stores.

    ``line`` is where the question starts in the file; ``explanation`` is the
    general feedback, which this app's own exports fill with the source sentence.
    """

    kind: QuestionKind
    stem: str
    options: tuple[str, ...]
    correct: tuple[str, ...]
    line: int
    prompts: tuple[str, ...] = ()
    explanation: str = ""
    name: str = ""


_TAG = re.compile(r"<[^<>]{0,500}>")
_BREAK = re.compile(r"<(?:br|/p|/div|/li)\b[^<>]{0,100}>", re.IGNORECASE)


def plain_text(markup: str) -> str:
    """HTML question text as the plain text this app stores: tags dropped,
    entities decoded, runs of spaces closed up."""
    text = _BREAK.sub(" ", markup)
    text = _TAG.sub("", text)
    return " ".join(html.unescape(text).split())
