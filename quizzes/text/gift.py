"""Moodle GIFT export of generated questions.

GIFT is Moodle's plain-text question format. Each question is written as
``::name::stem{answers ####explanation}``, after a ``$CATEGORY:`` line:

* single choice: ``{=right ~wrong ~wrong}``;
* multiple response: every option weighted, ``{~%50%right ~%-50%wrong}``,
  right options sharing 100% and each wrong one costing 100%/len(correct),
  which is the partial-credit rule of :mod:`quizzes.kinds.multiple_response`;
* true/false: ``{TRUE}`` or ``{FALSE}``;
* cloze: a short-answer "missing word" question, with the accepted answers
  where the blank is: ``The road is {=1,200 =1200} kilometres long.``;
* matching: ``{=left -> right ...}``;
* ordering: GIFT has no ordering type, so an ordering question is exported
  as a matching question that pairs each item with its position ("1st",
  "2nd", ...). Moodle then credits each item placed at its own position,
  which is stricter than this app's adjacent-pairs rule: a list with one
  item moved early loses more marks in Moodle than here.

The special characters ``~ = # { } :`` and the backslash are escaped with a
backslash, and line breaks are written as ``\\n``, as Moodle's own exporter
does. GIFT cannot escape the ``->`` of a matching pair, so an arrow inside a
matching item is written as "→". Moodle short answers treat ``*`` as a
wildcard, so an accepted answer containing one is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from quizzes.text.generation import BLANK
from quizzes.text.question import GeneratedQuestion, QuestionKind

__all__ = ["to_gift"]

_RESERVED = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}


def _escape(text: str) -> str:
    """Text with GIFT's reserved characters escaped and line breaks as ``\\n``."""
    escaped = "".join(_RESERVED.get(char, char) for char in text)
    return escaped.replace("\r", "").replace("\n", "\\n")


def _escape_pair_item(text: str) -> str:
    return _escape(text.replace("->", "\u2192"))


def _weight(fraction: float) -> str:
    """A Moodle answer weight: 50, 33.33333, -25."""
    return f"{100 * fraction:.5f}".rstrip("0").rstrip(".")


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _single_choice(question: GeneratedQuestion) -> str:
    return " ".join(
        ("=" if option in question.correct else "~") + _escape(option)
        for option in question.options
    )


def _multiple_response(question: GeneratedQuestion) -> str:
    right = 1 / len(question.correct)
    return " ".join(
        f"~%{_weight(right if option in question.correct else -right)}%{_escape(option)}"
        for option in question.options
    )


def _true_false(question: GeneratedQuestion) -> str:
    return "TRUE" if question.correct == ("True",) else "FALSE"


def _cloze(question: GeneratedQuestion) -> str:
    return " ".join(f"={_escape(answer)}" for answer in question.correct if "*" not in answer)


def _pairs(pairs: Iterable[tuple[str, str]]) -> str:
    return " ".join(
        f"={_escape_pair_item(left)} -> {_escape_pair_item(right)}" for left, right in pairs
    )


def _matching(question: GeneratedQuestion) -> str:
    return _pairs(zip(question.prompts, question.correct, strict=True))


def _ordering(question: GeneratedQuestion) -> str:
    return _pairs((item, _ordinal(place)) for place, item in enumerate(question.correct, start=1))


@dataclass(frozen=True, slots=True)
class _Format:
    """How one question type is written: its answers, and where they go."""

    answers: Callable[[GeneratedQuestion], str]
    #: Said after the stem, for a type GIFT writes as another.
    instruction: str = ""
    #: The answers go where the stem's blank is, if it has one.
    at_blank: bool = False


_FORMATS: dict[QuestionKind, _Format] = {
    "single_choice": _Format(_single_choice),
    "multiple_response": _Format(_multiple_response),
    "true_false": _Format(_true_false),
    "cloze": _Format(_cloze, at_blank=True),
    "matching": _Format(_matching),
    "ordering": _Format(
        _ordering,
        instruction=" Give each event its place in that order (1st is the earliest).",
    ),
}


def _question(question: GeneratedQuestion) -> str:
    form = _FORMATS[question.kind]
    name = _escape(f"{question.kind} p{question.paragraph} {question.key}")
    block = "{" + form.answers(question) + " ####" + _escape(question.explanation) + "}"
    stem = question.stem + form.instruction
    if form.at_blank and BLANK in stem:
        before, _, after = stem.partition(BLANK)
        text = _escape(before) + block + _escape(after)
    else:
        text = _escape(stem) + block
    return f"// {question.key}\n::{name}::{text}\n"


#: Said after an ordering question's stem; the reader takes it off again.
ORDERING_INSTRUCTION = _FORMATS["ordering"].instruction


def to_gift(questions: Iterable[GeneratedQuestion], *, category: str) -> str:
    """The questions as a GIFT file for Moodle, filed under ``category``.

    A "/" in the category name is doubled, as Moodle reads a single "/" as a
    step into a subcategory.
    """
    name = " ".join(category.split()).replace("/", "//")
    parts = [f"$CATEGORY: {name}\n"]
    parts += [_question(question) for question in questions]
    return "\n".join(parts)
