"""Importing questions written elsewhere (GIFT or Moodle XML) into a briefing's bank.

The whole file is read and every question checked, by the same rules as a
question written in the admin (``Question.full_clean``), before anything is
written; then all of them are saved in one transaction. A bad file changes
nothing and gets every problem back with its line number.

Imported questions are hand-written (``origin`` instructor, marked edited so
regeneration never touches them) and drafts unless approved at once. Each
is tied to the paragraph whose text holds its explanation (this app's own
exports put the source sentence there), else to the first paragraph holding
its answer, else to the first paragraph, and the outcome says how many need
their paragraph set by hand. A question already in the bank (same type and
text) is skipped, so importing a file twice adds nothing the second time.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from briefings.models import Briefing, Paragraph
from quizzes.models import Question
from quizzes.text.gift_import import read_gift
from quizzes.text.moodle_xml import read_moodle_xml
from quizzes.text.question import QUESTION_KINDS
from quizzes.text.question_files import FileProblem, ImportedQuestion, QuestionFileError

#: A bigger question file is refused before it is read.
MAX_FILE_BYTES = 1024 * 1024
#: An answer shorter than this is too common to say which paragraph a question is about.
MIN_ANSWER_TO_PLACE = 4
QUOTES = "\"'“”‘’«»"
#: The name this app's GIFT and Moodle XML exports give a question.
_OWN_NAME = re.compile(rf"(?:{'|'.join(QUESTION_KINDS)}) p(\d+) ")


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    created: int
    skipped: int
    unplaced: int
    format_name: str


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ValidationError(
            _("line %(line)d: the file is not UTF-8 text") % {"line": line}
        ) from None


def _is_xml(name: str, text: str) -> bool:
    return PurePath(name).suffix.lower() == ".xml" or text.lstrip("\ufeff \t\r\n").startswith("<")


def read_question_file(
    *, data: bytes, name: str
) -> tuple[str, list[ImportedQuestion], list[FileProblem]]:
    """The format's name, the questions an uploaded file holds and the problems of
    those that cannot be read; ``ValidationError`` for a file that cannot be read at all."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            _("The file is over 1 MB (%(size)s bytes).") % {"size": f"{len(data):,}"}
        )
    text = _decode(data)
    xml = _is_xml(name, text)
    format_name = "Moodle XML" if xml else "GIFT"
    try:
        return format_name, read_moodle_xml(text) if xml else read_gift(text), []
    except QuestionFileError as error:
        return format_name, error.questions, error.problems


def _problem_text(problem: FileProblem) -> str:
    """A reader's problem in the instructor's language, with its line number."""
    message = _(problem.template) if problem.template else problem.message
    if problem.params:
        message = message % problem.params
    return _("line %(line)d: %(message)s") % {"line": problem.line, "message": message}


def _fingerprint(kind: str, stem: str) -> tuple[str, str]:
    return kind, " ".join(stem.casefold().split())


def _sentences(explanation: str) -> list[str]:
    """The source sentence(s) an explanation quotes: the whole of it first, then
    each quoted sentence, as the exports join several with a space."""
    whole = explanation.strip()
    parts = [whole, *whole.split("\u201d \u201c")] if whole else []
    return [found for part in parts if (found := part.strip().strip(QUOTES).strip())]


def _place(
    imported: ImportedQuestion, paragraphs: list[Paragraph]
) -> tuple[Paragraph, int, int, bool]:
    """(paragraph, start, end, found in the text) for an imported question.

    This app's exports name each question "<type> p<paragraph> <key>" and put
    its source sentence in the explanation, so their questions come back to
    the same span; others are placed by their explanation or answer.
    """
    named = _OWN_NAME.match(imported.name)
    by_number = {paragraph.number: paragraph for paragraph in paragraphs}
    if named and int(named.group(1)) in by_number:
        paragraph = by_number[int(named.group(1))]
        for sentence in _sentences(imported.explanation):
            start = paragraph.text.find(sentence)
            if start >= 0:
                return paragraph, start, start + len(sentence), True
        return paragraph, 0, 0, True
    for sentence in _sentences(imported.explanation):
        for paragraph in paragraphs:
            start = paragraph.text.find(sentence)
            if start >= 0:
                return paragraph, start, start + len(sentence), True
    for answer in imported.correct:
        if len(answer) < MIN_ANSWER_TO_PLACE:
            continue
        for paragraph in paragraphs:
            if answer in paragraph.text:
                return paragraph, 0, 0, True
    return paragraphs[0], 0, 0, False


def _question(
    imported: ImportedQuestion, briefing: Briefing, paragraphs: list[Paragraph], status: str
) -> tuple[Question, bool]:
    paragraph, start, end, placed = _place(imported, paragraphs)
    question = Question(
        briefing=briefing,
        kind=imported.kind,
        status=status,
        origin=Question.Origin.INSTRUCTOR,
        stem=imported.stem,
        options=list(imported.options),
        prompts=list(imported.prompts),
        correct=list(imported.correct),
        explanation=imported.explanation,
        paragraph=paragraph,
        start=start,
        end=end,
    )
    question.record_instructor_edit()
    return question, placed


def import_questions(
    *, briefing: Briefing, data: bytes, name: str, approve: bool = False
) -> ImportOutcome:
    """Add the questions of a GIFT or Moodle XML file to ``briefing``'s bank.

    Raises ``ValidationError`` with one "line N: …" message per problem, and
    writes nothing, if any question is unreadable or breaks a rule of its type.
    """
    format_name, questions, unread = read_question_file(data=data, name=name)
    paragraphs = list(briefing.paragraphs.order_by("number"))
    if not paragraphs:
        raise ValidationError(_("The briefing has no paragraphs for questions to cite."))
    existing = {
        _fingerprint(kind, stem) for kind, stem in briefing.questions.values_list("kind", "stem")
    }
    keys = set(briefing.questions.exclude(key="").values_list("key", flat=True))
    status = Question.Status.APPROVED if approve else Question.Status.DRAFT
    problems = [(problem.line, _problem_text(problem)) for problem in unread]
    new: list[Question] = []
    skipped = unplaced = 0
    for imported in questions:
        fingerprint = _fingerprint(imported.kind, imported.stem)
        if fingerprint in existing:
            skipped += 1
            continue
        question, placed = _question(imported, briefing, paragraphs, status)
        if question.key in keys:
            # Another type with the same text: the bank keeps one question per text.
            digest = hashlib.sha256(f"{imported.kind} {question.key}".encode()).hexdigest()
            question.key = f"instructor:{digest[:24]}"
        try:
            # The briefing and paragraph were just read, and the kind is checked by
            # clean(): no query per question.
            question.full_clean(
                exclude=["key", "briefing", "paragraph"], validate_constraints=False
            )
        except ValidationError as error:
            problems += [
                (
                    imported.line,
                    _("line %(line)d: %(message)s") % {"line": imported.line, "message": m},
                )
                for m in error.messages
            ]
            continue
        existing.add(fingerprint)
        keys.add(question.key)
        unplaced += not placed
        new.append(question)
    if problems:
        # One list in file order, whichever check found each problem.
        raise ValidationError([message for _, message in sorted(problems, key=lambda p: p[0])])
    with transaction.atomic():
        for question in new:
            question.refresh_citations()
        Question.objects.bulk_create(new)
    return ImportOutcome(
        created=len(new), skipped=skipped, unplaced=unplaced, format_name=format_name
    )
