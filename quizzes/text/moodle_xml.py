"""Moodle XML: the question bank written for Moodle, and questions read from it.

Each question type maps to one Moodle type (see Moodle's "Moodle XML format"
documentation and ``question/format/xml/format.php``):

* single choice: ``multichoice`` with ``<single>true</single>``, the right
  option worth 100 and the others 0;
* multiple response: ``multichoice`` with ``<single>false</single>``, each
  right option worth 100/k and each wrong one -100/k (k right options), the
  partial-credit rule of :mod:`quizzes.kinds.multiple_response`; the right
  fractions add up to 100;
* true/false: ``truefalse``, the answers ``true`` and ``false`` worth 100 and 0;
* cloze (fill in the blank): ``shortanswer``, every accepted answer worth 100,
  the stem keeping its blank; Moodle reads ``*`` as a wildcard, so an answer
  holding one is left out, as in GIFT;
* matching: ``matching``, a ``<subquestion>`` per item with its match, and an
  empty-text subquestion for each option that matches no item;
* ordering: ``ordering`` (in Moodle's core since 4.4), the items in order with
  fractions 1, 2, 3, …, graded ``RELATIVE_NEXT_EXCLUDE_LAST``: each item
  followed by its right neighbour earns a share, the rule of
  :mod:`quizzes.kinds.ordering`.

The file opens with a ``category`` question naming the briefing. Text that
Moodle reads as HTML (question text, feedback, choice answers) is written
HTML-escaped; text Moodle reads as plain (short answers, matches) is written
as it is. Either is wrapped in CDATA when it holds ``<``, ``>`` or ``&``,
with a ``]]>`` inside split across two sections, as Moodle's own exporter does.

The reader takes those types back (and ``numerical`` with an exact answer, as
fill in the blank), through expat with document types refused, so an entity
cannot expand; every problem is reported with its line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.parsers import expat

from quizzes.text.question import GeneratedQuestion, QuestionKind
from quizzes.text.question_files import (
    MAX_PROBLEMS,
    MAX_QUESTIONS,
    FileProblem,
    ImportedQuestion,
    QuestionFileError,
    gettext_noop,
    plain_text,
)

__all__ = ["MOODLE_TYPES", "read_moodle_xml", "to_moodle_xml"]

#: Our question type → the Moodle question type it is written as.
MOODLE_TYPES: dict[QuestionKind, str] = {
    "single_choice": "multichoice",
    "multiple_response": "multichoice",
    "true_false": "truefalse",
    "cloze": "shortanswer",
    "matching": "matching",
    "ordering": "ordering",
}

#: Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Elements one file may hold: far above any real bank, and a bound on memory.
MAX_ELEMENTS = 200_000
#: Moodle XML nests six deep at most; a deeper file is not a question file.
MAX_DEPTH = 32


# ---------------------------------------------------------------------------
# Writing


def _cdata(text: str) -> str:
    text = _NOT_XML.sub("", text)
    if not any(char in text for char in "<>&"):
        return text
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _html(text: str) -> str:
    """Plain text as the HTML Moodle shows: escaped, line breaks kept."""
    return _cdata(html.escape(text, quote=False).replace("\n", "<br>"))


def _attribute(text: str) -> str:
    return html.escape(_NOT_XML.sub("", text), quote=True)


def _fraction(value: float) -> str:
    """A Moodle answer fraction: 100, 33.33333, -50."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _html_answer(fraction: float, text: str) -> str:
    return (
        f'    <answer fraction="{_fraction(fraction)}" format="html">\n'
        f"      <text>{_html(text)}</text>\n"
        '      <feedback format="html"><text></text></feedback>\n'
        "    </answer>\n"
    )


def _plain_answer(fraction: float, text: str) -> str:
    return (
        f'    <answer fraction="{_fraction(fraction)}" format="plain_text">\n'
        f"      <text>{_cdata(text)}</text>\n"
        '      <feedback format="html"><text></text></feedback>\n'
        "    </answer>\n"
    )


_COMBINED_FEEDBACK = "".join(
    f'    <{name} format="html"><text></text></{name}>\n'
    for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
)


def _write_multichoice(question: GeneratedQuestion) -> str:
    single = question.kind == "single_choice"
    share = 100 / len(question.correct) if question.correct else 0
    parts = [
        f"    <single>{'true' if single else 'false'}</single>\n",
        "    <shuffleanswers>true</shuffleanswers>\n",
        "    <answernumbering>abc</answernumbering>\n",
        _COMBINED_FEEDBACK,
    ]
    for option in question.options:
        right = option in question.correct
        if single:
            parts.append(_html_answer(100 if right else 0, option))
        else:
            parts.append(_html_answer(share if right else -share, option))
    return "".join(parts)


def _write_truefalse(question: GeneratedQuestion) -> str:
    true = question.correct == ("True",)
    return _plain_answer(100 if true else 0, "true") + _plain_answer(0 if true else 100, "false")


def _write_shortanswer(question: GeneratedQuestion) -> str:
    answers = [answer for answer in question.correct if "*" not in answer]
    return "    <usecase>0</usecase>\n" + "".join(_plain_answer(100, a) for a in answers)


def _write_matching(question: GeneratedQuestion) -> str:
    parts = ["    <shuffleanswers>true</shuffleanswers>\n", _COMBINED_FEEDBACK]
    for prompt, match in zip(question.prompts, question.correct, strict=True):
        parts.append(
            '    <subquestion format="html">\n'
            f"      <text>{_html(prompt)}</text>\n"
            f"      <answer><text>{_cdata(match)}</text></answer>\n"
            "    </subquestion>\n"
        )
    for extra in (option for option in question.options if option not in question.correct):
        parts.append(
            '    <subquestion format="html">\n'
            "      <text></text>\n"
            f"      <answer><text>{_cdata(extra)}</text></answer>\n"
            "    </subquestion>\n"
        )
    return "".join(parts)


def _write_ordering(question: GeneratedQuestion) -> str:
    parts = [
        "    <layouttype>VERTICAL</layouttype>\n",
        "    <selecttype>ALL</selecttype>\n",
        "    <selectcount>0</selectcount>\n",
        "    <gradingtype>RELATIVE_NEXT_EXCLUDE_LAST</gradingtype>\n",
        "    <showgrading>SHOW</showgrading>\n",
        "    <numberingstyle>none</numberingstyle>\n",
        _COMBINED_FEEDBACK,
    ]
    parts += [_html_answer(place, item) for place, item in enumerate(question.correct, start=1)]
    return "".join(parts)


_ANSWERS = {
    "single_choice": _write_multichoice,
    "multiple_response": _write_multichoice,
    "true_false": _write_truefalse,
    "cloze": _write_shortanswer,
    "matching": _write_matching,
    "ordering": _write_ordering,
}


def _question(question: GeneratedQuestion) -> str:
    name = f"{question.kind} p{question.paragraph} {question.key}"
    return (
        f"  <!-- {_attribute(question.key).replace('--', '- -')} -->\n"
        f'  <question type="{MOODLE_TYPES[question.kind]}">\n'
        f"    <name><text>{_cdata(name)}</text></name>\n"
        f'    <questiontext format="html"><text>{_html(question.stem)}</text></questiontext>\n'
        '    <generalfeedback format="html">'
        f"<text>{_html(question.explanation)}</text></generalfeedback>\n"
        "    <defaultgrade>1</defaultgrade>\n"
        "    <penalty>0.3333333</penalty>\n"
        "    <hidden>0</hidden>\n"
        f"{_ANSWERS[question.kind](question)}"
        "  </question>\n"
    )


def to_moodle_xml(questions: Iterable[GeneratedQuestion], *, category: str) -> str:
    """The questions as a Moodle XML file, filed under ``category`` in the course.

    A "/" in the category name is doubled, as Moodle reads a single "/" as a
    step into a subcategory.
    """
    name = " ".join(category.split()).replace("/", "//")
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<quiz>\n"
        '  <question type="category">\n'
        f"    <category><text>{_cdata('$course$/' + name)}</text></category>\n"
        '    <info format="html"><text></text></info>\n'
        "  </question>\n"
    )
    return head + "".join(_question(q) for q in questions) + "</quiz>\n"


# ---------------------------------------------------------------------------
# Reading


@dataclass
class _Node:
    tag: str
    attributes: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def child(self, tag: str) -> _Node | None:
        return next((node for node in self.children if node.tag == tag), None)

    def all(self, tag: str) -> list[_Node]:
        return [node for node in self.children if node.tag == tag]


class _Refused(ValueError):
    def __init__(self, line: int, template: str, **params: object) -> None:
        super().__init__(template % params if params else template)
        self.line = line
        self.template = template
        self.params = params


def _tree(text: str) -> _Node:
    parser = expat.ParserCreate("UTF-8")
    parser.buffer_text = True
    root = _Node("", {}, 1)
    stack = [root]
    count = 0

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > MAX_ELEMENTS:
            raise _Refused(parser.CurrentLineNumber, gettext_noop("the file has too many elements"))
        if len(stack) > MAX_DEPTH:
            raise _Refused(
                parser.CurrentLineNumber, gettext_noop("elements nest too deep for a question file")
            )
        node = _Node(tag, attributes, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def end(tag: str) -> None:
        stack.pop()

    def characters(data: str) -> None:
        stack[-1].chunks.append(data)

    def doctype(*_: object) -> None:
        raise _Refused(
            parser.CurrentLineNumber, gettext_noop("a document type (<!DOCTYPE>) is not accepted")
        )

    def entity(*_: object) -> None:
        raise _Refused(
            parser.CurrentLineNumber, gettext_noop("entity declarations are not accepted")
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as error:
        message = expat.ErrorString(error.code)
        raise _Refused(
            error.lineno, gettext_noop("the XML is not well formed (%(reason)s)"), reason=message
        ) from None
    return root


def _text_of(node: _Node | None, *, markup_default: str = "html") -> str:
    """The ``<text>`` of an element, as plain text whatever format it declares."""
    if node is None:
        return ""
    text_node = node.child("text")
    raw = text_node.text if text_node is not None else node.text
    form = node.attributes.get("format", markup_default)
    if form in ("html", "moodle_auto_format"):
        return plain_text(raw)
    return raw.strip()


def _fraction_of(answer: _Node) -> float:
    raw = answer.attributes.get("fraction", "0")
    try:
        return float(raw)
    except ValueError:
        raise _Refused(
            answer.line, gettext_noop("the fraction “%(fraction)s” is not a number"), fraction=raw
        ) from None


def _answers(question: _Node, *, markup_default: str) -> list[tuple[_Node, float, str]]:
    answers = [
        (answer, _fraction_of(answer), _text_of(answer, markup_default=markup_default))
        for answer in question.all("answer")
    ]
    for answer, _, text in answers:
        if not text:
            raise _Refused(answer.line, gettext_noop("an answer is empty"))
    return answers


def _read_multichoice(question: _Node) -> tuple[QuestionKind, dict[str, tuple[str, ...]]]:
    single = _text_of(question.child("single"), markup_default="plain_text") != "false"
    answers = _answers(question, markup_default="html")
    if len(answers) < 2:
        raise _Refused(
            question.line, gettext_noop("a multiple choice question needs at least two answers")
        )
    options = tuple(text for _, _, text in answers)
    if single:
        right = tuple(text for _, fraction, text in answers if fraction >= 99.99)
        if len(right) != 1:
            raise _Refused(
                question.line,
                gettext_noop("a one-answer multiple choice needs exactly one answer worth 100"),
            )
        return "single_choice", {"options": options, "correct": right}
    right = tuple(text for _, fraction, text in answers if fraction > 0)
    if not right:
        raise _Refused(question.line, gettext_noop("no answer has a positive fraction"))
    return "multiple_response", {"options": options, "correct": right}


def _read_truefalse(question: _Node) -> tuple[QuestionKind, dict[str, tuple[str, ...]]]:
    verdict = ""
    for answer, fraction, text in _answers(question, markup_default="plain_text"):
        if text.lower() not in ("true", "false"):
            raise _Refused(
                answer.line, gettext_noop("a true/false answer is written “true” or “false”")
            )
        if fraction >= 99.99:
            verdict = text.capitalize()
    if not verdict:
        raise _Refused(question.line, gettext_noop("neither “true” nor “false” is worth 100"))
    return "true_false", {"options": ("True", "False"), "correct": (verdict,)}


def _read_shortanswer(question: _Node) -> tuple[QuestionKind, dict[str, tuple[str, ...]]]:
    answers = _answers(question, markup_default="plain_text")
    right = tuple(text for _, fraction, text in answers if fraction >= 99.99)
    if not right:
        raise _Refused(
            question.line, gettext_noop("a short answer question needs an answer worth 100")
        )
    return "cloze", {"options": (), "correct": right}


def _read_numerical(question: _Node) -> tuple[QuestionKind, dict[str, tuple[str, ...]]]:
    right: list[str] = []
    for answer, fraction, text in _answers(question, markup_default="plain_text"):
        tolerance = _text_of(answer.child("tolerance"), markup_default="plain_text") or "0"
        if fraction < 99.99:
            continue
        try:
            exact = float(tolerance) == 0
        except ValueError:
            exact = False
        if not exact:
            raise _Refused(
                answer.line,
                gettext_noop("only exact numbers can be imported: tolerances have no counterpart"),
            )
        right.append(text)
    if not right:
        raise _Refused(
            question.line, gettext_noop("a numerical question needs an answer worth 100")
        )
    return "cloze", {"options": (), "correct": tuple(right)}


def _read_matching(question: _Node) -> tuple[QuestionKind, dict[str, tuple[str, ...]]]:
    prompts: list[str] = []
    rights: list[str] = []
    extras: list[str] = []
    for sub in question.all("subquestion"):
        prompt = _text_of(sub, markup_default="html")
        match = _text_of(sub.child("answer"), markup_default="plain_text")
        if not match:
            raise _Refused(sub.line, gettext_noop("a subquestion has no answer"))
        if prompt:
            prompts.append(prompt)
            rights.append(match)
        else:
            extras.append(match)
    options = tuple(dict.fromkeys([*rights, *extras]))
    return "matching", {"prompts": tuple(prompts), "correct": tuple(rights), "options": options}


def _read_ordering(question: _Node) -> tuple[QuestionKind, dict[str, tuple[str, ...]]]:
    answers = _answers(question, markup_default="html")
    items = tuple(text for _, _, text in sorted(answers, key=lambda answer: answer[1]))
    return "ordering", {"options": items, "correct": items}


_READERS = {
    "multichoice": _read_multichoice,
    "truefalse": _read_truefalse,
    "shortanswer": _read_shortanswer,
    "numerical": _read_numerical,
    "matching": _read_matching,
    "match": _read_matching,
    "ordering": _read_ordering,
}


def _imported(node: _Node) -> ImportedQuestion:
    moodle_type = node.attributes.get("type", "")
    reader = _READERS.get(moodle_type)
    if reader is None:
        raise _Refused(
            node.line,
            gettext_noop(
                "the Moodle question type “%(type)s” has no counterpart here "
                "(multichoice, truefalse, shortanswer, numerical, matching and ordering do)"
            ),
            type=moodle_type,
        )
    kind, fields = reader(node)
    stem = _text_of(node.child("questiontext"))
    if not stem:
        raise _Refused(node.line, gettext_noop("the question has no text"))
    return ImportedQuestion(
        kind=kind,
        stem=stem,
        options=fields["options"],
        correct=fields["correct"],
        prompts=fields.get("prompts", ()),
        explanation=_text_of(node.child("generalfeedback")),
        line=node.line,
        name=_text_of(node.child("name"), markup_default="plain_text"),
    )


def read_moodle_xml(text: str) -> list[ImportedQuestion]:
    """The questions of a Moodle XML file, or :class:`QuestionFileError` naming every bad line."""
    text = text.removeprefix("\ufeff")
    try:
        root = _tree(text)
    except _Refused as refused:
        raise QuestionFileError(
            [FileProblem(refused.line, str(refused), refused.template, refused.params)]
        ) from None
    quiz = root.children[0] if root.children else None
    if quiz is None or quiz.tag != "quiz":
        line = quiz.line if quiz is not None else 1
        raise QuestionFileError(
            [FileProblem.of(line, gettext_noop("a Moodle XML file is one <quiz> element"))]
        )
    problems: list[FileProblem] = []
    questions: list[ImportedQuestion] = []
    for node in quiz.all("question"):
        if node.attributes.get("type") == "category":
            continue
        if len(questions) >= MAX_QUESTIONS:
            problems.append(
                FileProblem.of(
                    node.line,
                    gettext_noop("a file holds at most %(most)s questions"),
                    most=MAX_QUESTIONS,
                )
            )
            break
        try:
            questions.append(_imported(node))
        except _Refused as refused:
            problems.append(
                FileProblem(refused.line, str(refused), refused.template, refused.params)
            )
        if len(problems) >= MAX_PROBLEMS:
            break
    if not questions and not problems:
        problems.append(FileProblem.of(quiz.line, gettext_noop("the file holds no questions")))
    if problems:
        raise QuestionFileError(problems, questions)
    return questions
