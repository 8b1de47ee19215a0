"""Reading GIFT written here or elsewhere into :class:`ImportedQuestion` objects.

Reads what :func:`quizzes.text.gift.to_gift` writes (an ordering question,
written as matching against "1st", "2nd", …, comes back as ordering) and GIFT
written by hand or by Moodle: multiple choice, weighted multiple response,
true/false, short answer, missing word, matching and exact numbers. Essays,
descriptions and numeric tolerances have no counterpart here and are refused
with the line they are on.

Escaped characters are swapped for private-use stand-ins while a question is
split at its markers, then swapped back, so every question is read in one
pass with no backtracking: the time grows with the length of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizzes.text.generation import BLANK
from quizzes.text.gift import ORDERING_INSTRUCTION
from quizzes.text.question import QuestionKind
from quizzes.text.question_files import (
    MAX_PROBLEMS,
    MAX_QUESTIONS,
    FileProblem,
    ImportedQuestion,
    QuestionFileError,
    gettext_noop,
    plain_text,
)

__all__ = ["read_gift"]

_STAND_INS = {
    "\\": "\ue000",
    "~": "\ue001",
    "=": "\ue002",
    "#": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    ":": "\ue006",
    "-": "\ue007",
    ">": "\ue008",
    "%": "\ue009",
}
_RESTORE = str.maketrans({stand_in: char for char, stand_in in _STAND_INS.items()})
_PRIVATE = re.compile("[\ue000-\ue009]")
_FORMAT_MARK = re.compile(r"\[(html|moodle|plain|markdown)\]")
_ANSWER_MARK = re.compile(r"[=~]")
_WEIGHT = re.compile(r"%(-?\d{1,3}(?:\.\d{1,7})?)%")
_NUMBER = re.compile(r"-?\d[\d,]{0,30}(?:\.\d{1,15})?")
_ORDINAL = re.compile(r"(\d{1,4})(?:st|nd|rd|th)")
_TRUE = {"T", "TRUE"}
_FALSE = {"F", "FALSE"}


class _Refused(ValueError):
    def __init__(self, line: int, template: str, **params: object) -> None:
        super().__init__(template % params if params else template)
        self.line = line
        self.template = template
        self.params = params


@dataclass
class _Block:
    line: int
    lines: list[str]


@dataclass(frozen=True, slots=True)
class _Answer:
    mark: str
    weight: float
    text: str


def _hide_escapes(text: str) -> str:
    out: list[str] = []
    chars = iter(text)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        following = next(chars, "")
        if following == "n":
            out.append("\n")
        elif following in _STAND_INS:
            out.append(_STAND_INS[following])
        else:
            out.append(char + following)
    return "".join(out)


def _shown(text: str) -> str:
    """A fragment with hidden escapes as the text it stands for."""
    return text.translate(_RESTORE)


def _blocks(text: str) -> list[_Block]:
    """Questions separated by blank lines, with comment and category lines dropped."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("//") or stripped.startswith("$CATEGORY:"):
            continue
        if not stripped:
            current = None
            continue
        if current is None:
            current = _Block(number, [])
            blocks.append(current)
        current.lines.append(line)
    return blocks


def _answers(body: str, line: int) -> list[_Answer]:
    marks = list(_ANSWER_MARK.finditer(body))
    if not marks or body[: marks[0].start()].strip():
        raise _Refused(line, gettext_noop("each answer must start with = (right) or ~ (wrong)"))
    answers: list[_Answer] = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(body)
        raw = body[mark.end() : end].split("#", 1)[0].strip()  # answer feedback is not kept
        weight = 1.0 if mark.group() == "=" else 0.0
        found = _WEIGHT.match(raw)
        if found:
            weight = float(found.group(1)) / 100
            raw = raw[found.end() :].strip()
        answers.append(_Answer(mark.group(), weight, raw))
    return answers


def _true_false(body: str) -> tuple[str, ...] | None:
    value = body.split("#", 1)[0].strip().upper()
    if value in _TRUE:
        return ("True",)
    if value in _FALSE:
        return ("False",)
    return None


def _numeric(body: str, line: int) -> tuple[str, ...]:
    value = body.split("#", 1)[0].strip().removeprefix("=").strip()
    value = _shown(value).removesuffix(":0").strip()
    if not _NUMBER.fullmatch(value):
        raise _Refused(
            line,
            gettext_noop(
                "only an exact number can be imported, such as {#1200}: "
                "tolerances and ranges have no counterpart here"
            ),
        )
    return (value,)


def _matching(answers: list[_Answer], line: int) -> dict[str, tuple[str, ...]]:
    prompts: list[str] = []
    rights: list[str] = []
    extras: list[str] = []
    for answer in answers:
        if answer.mark != "=":
            raise _Refused(
                line, gettext_noop("every pair of a matching question is written =left -> right")
            )
        left, _, right = answer.text.partition("->")
        left, right = _shown(left.strip()), _shown(right.strip())
        if not right:
            raise _Refused(line, gettext_noop("a matching pair has nothing after ->"))
        if left:
            prompts.append(left)
            rights.append(right)
        else:
            extras.append(right)  # "= -> answer": a match that belongs to no item
    options = tuple(dict.fromkeys([*rights, *extras]))
    return {"prompts": tuple(prompts), "correct": tuple(rights), "options": options}


def _as_ordering(pairs: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The items in order, when a matching question pairs each with "1st", "2nd", …"""
    places = [_ORDINAL.fullmatch(right) for right in pairs["correct"]]
    if len(places) < 2 or len(pairs["options"]) != len(places):
        return None
    numbers = [int(place.group(1)) for place in places if place is not None]
    if sorted(numbers) != list(range(1, len(places) + 1)):
        return None
    return tuple(item for _, item in sorted(zip(numbers, pairs["prompts"], strict=True)))


def _choices(answers: list[_Answer], line: int) -> tuple[QuestionKind, dict[str, tuple[str, ...]]]:
    options = tuple(_shown(answer.text) for answer in answers)
    if any(not option for option in options):
        raise _Refused(line, gettext_noop("an answer is empty"))
    if all(answer.mark == "=" for answer in answers):
        # Only right answers: a short answer, every full-marks one accepted.
        full = tuple(_shown(a.text) for a in answers if a.weight >= 0.999)
        if not full:
            raise _Refused(
                line, gettext_noop("a short answer needs at least one answer worth 100%")
            )
        return "cloze", {"options": (), "correct": full}
    right = [answer for answer in answers if answer.weight > 0]
    if not right:
        raise _Refused(line, gettext_noop("no answer is marked right (= or a positive %weight%)"))
    correct = tuple(_shown(answer.text) for answer in right)
    if len(right) == 1 and right[0].weight >= 0.999:
        return "single_choice", {"options": options, "correct": correct}
    return "multiple_response", {"options": options, "correct": correct}


def _kind_and_fields(body: str, line: int) -> tuple[QuestionKind, dict[str, tuple[str, ...]]]:
    if not body:
        raise _Refused(line, gettext_noop("an empty { } is an essay, which cannot be imported"))
    verdict = _true_false(body)
    if verdict is not None:
        return "true_false", {"options": ("True", "False"), "correct": verdict}
    if body.startswith("#"):
        return "cloze", {"options": (), "correct": _numeric(body[1:], line)}
    answers = _answers(body, line)
    if not all("->" in answer.text for answer in answers):
        return _choices(answers, line)
    pairs = _matching(answers, line)
    ordered = _as_ordering(pairs)
    if ordered is not None:
        return "ordering", {"options": ordered, "correct": ordered}
    return "matching", pairs


def _question(block: _Block) -> ImportedQuestion:
    text = _hide_escapes("\n".join(block.lines).strip())
    line = block.line
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise _Refused(line, gettext_noop("the question name has no closing ::"))
        name, text = _shown(text[2:end]).strip(), text[end + 2 :].lstrip()
    mark = _FORMAT_MARK.match(text)
    markup = bool(mark and mark.group(1) == "html")
    if mark:
        text = text[mark.end() :]
    opening = text.find("{")
    if opening < 0:
        raise _Refused(
            line, gettext_noop("no answers in { }: a description cannot be imported as a question")
        )
    answer_line = line + text.count("\n", 0, opening)
    closing = text.find("}", opening)
    if closing < 0:
        raise _Refused(
            answer_line, gettext_noop("the answers opened with { are never closed with }")
        )
    if text.find("{", opening + 1) >= 0:
        raise _Refused(
            answer_line, gettext_noop("a question has one answer block { }; this one has more")
        )
    before, body, after = text[:opening], text[opening + 1 : closing], text[closing + 1 :]
    body, _, feedback = body.partition("####")
    kind, fields = _kind_and_fields(body.strip(), answer_line)
    stem = _shown(before) + BLANK + _shown(after) if after.strip() else _shown(before)
    explanation = _shown(feedback)
    if markup:
        stem, explanation = plain_text(stem), plain_text(explanation)
        fields = {name: tuple(plain_text(item) for item in items) for name, items in fields.items()}
    stem, explanation = stem.strip(), explanation.strip()
    if kind == "ordering":
        stem = stem.removesuffix(ORDERING_INSTRUCTION.strip()).strip()
    if not stem:
        raise _Refused(line, gettext_noop("the question has no text"))
    return ImportedQuestion(
        kind=kind,
        stem=stem,
        options=fields["options"],
        correct=fields["correct"],
        prompts=fields.get("prompts", ()),
        explanation=explanation,
        line=line,
        name=name,
    )


def read_gift(text: str) -> list[ImportedQuestion]:
    """The questions of a GIFT file, or :class:`QuestionFileError` naming every bad line."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    private = _PRIVATE.search(text)
    if private:
        line = text.count("\n", 0, private.start()) + 1
        raise QuestionFileError(
            [FileProblem.of(line, gettext_noop("holds private-use characters"))]
        )
    problems: list[FileProblem] = []
    questions: list[ImportedQuestion] = []
    for block in _blocks(text):
        try:
            questions.append(_question(block))
        except _Refused as refused:
            problems.append(
                FileProblem(refused.line, str(refused), refused.template, refused.params)
            )
        if len(questions) > MAX_QUESTIONS:
            problems.append(
                FileProblem.of(
                    block.line,
                    gettext_noop("a file holds at most %(most)s questions"),
                    most=MAX_QUESTIONS,
                )
            )
            break
        if len(problems) >= MAX_PROBLEMS:
            break
    if not questions and not problems:
        problems.append(FileProblem.of(1, gettext_noop("the file holds no questions")))
    if problems:
        raise QuestionFileError(problems, questions)
    return questions
