"""Cohort reports: the progress matrix, chart data, item analysis and CSV rows.

Each report reads a fixed number of queries however many trainees the cohort
has: rows are fetched in bulk and combined in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from cohorts import analysis, charts
from cohorts.models import Assignment, Cohort, Enrolment
from quizzes.models import Attempt, Response


@dataclass(slots=True)
class Cell:
    state: str  # not_started | in_progress | passed | failed
    score: float | None
    due: date | None
    overdue: bool
    completed_at: datetime | None

    @property
    def percent(self) -> int | None:
        return None if self.score is None else round(self.score * 100)

    @property
    def label(self) -> str:
        if self.state in ("passed", "failed"):
            verdict = "pass" if self.state == "passed" else "fail"
            text = f"{self.percent}% ({verdict})"
        else:
            text = "In progress" if self.state == "in_progress" else "Not started"
        return f"{text}, overdue" if self.overdue else text


@dataclass(slots=True)
class Row:
    enrolment: Enrolment
    cells: list[Cell] = field(default_factory=list)

    @property
    def name(self) -> str:
        user = self.enrolment.user
        return user.get_full_name() or user.get_username()

    @property
    def passed(self) -> int:
        return sum(1 for c in self.cells if c.state == "passed")


@dataclass(slots=True)
class ColumnTotal:
    assignment: Assignment
    passed: int
    finished: int
    overdue: int
    mean_percent: int | None


@dataclass(slots=True)
class Matrix:
    cohort: Cohort
    assignments: list[Assignment]
    rows: list[Row]
    totals: list[ColumnTotal]


def _attempt_summary(user_ids: list[int], quiz_ids: list[int]) -> dict[tuple[int, int], Any]:
    rows = (
        Attempt.objects.filter(user_id__in=user_ids, quiz_id__in=quiz_ids)
        .values("user_id", "quiz_id")
        .annotate(
            best=Max("score", filter=Q(finished_at__isnull=False)),
            finished=Count("pk", filter=Q(finished_at__isnull=False)),
            open=Count("pk", filter=Q(finished_at__isnull=True)),
            first_finished=Min("finished_at"),
        )
    )
    return {(r["user_id"], r["quiz_id"]): r for r in rows}


def _passed_at(
    user_ids: list[int], quiz_ids: list[int], marks: dict[int, int]
) -> dict[tuple[int, int], datetime]:
    """When each trainee first reached the assignment's pass mark (one query)."""
    result: dict[tuple[int, int], datetime] = {}
    rows = (
        Attempt.objects.filter(
            user_id__in=user_ids, quiz_id__in=quiz_ids, finished_at__isnull=False
        )
        .order_by("finished_at")
        .values_list("user_id", "quiz_id", "score", "finished_at")
    )
    for user_id, quiz_id, score, finished_at in rows:
        key = (user_id, quiz_id)
        if key not in result and finished_at and (score or 0) * 100 >= marks[quiz_id] - 1e-9:
            result[key] = finished_at
    return result


def progress_matrix(cohort: Cohort, *, sort: str = "name", today: date | None = None) -> Matrix:
    today = today or timezone.localdate()
    assignments = list(
        cohort.assignments.select_related("quiz", "quiz__briefing").order_by("opens_on", "pk")
    )
    enrolments = list(cohort.enrolments.select_related("user"))
    user_ids = [e.user_id for e in enrolments]
    quiz_ids = [a.quiz_id for a in assignments]
    marks = {a.quiz_id: a.required_pass_mark() for a in assignments}
    summary = _attempt_summary(user_ids, quiz_ids)
    passed_at = _passed_at(user_ids, quiz_ids, marks)
    rows = []
    for enrolment in enrolments:
        row = Row(enrolment)
        for assignment in assignments:
            data = summary.get((enrolment.user_id, assignment.quiz_id))
            best = data["best"] if data else None
            due = assignment.due_for(enrolment.enrolled_on)
            completed = passed_at.get((enrolment.user_id, assignment.quiz_id))
            if data and data["finished"]:
                state = "passed" if completed else "failed"
            elif data and data["open"]:
                state = "in_progress"
            else:
                state = "not_started"
            overdue = due is not None and due < today and completed is None
            row.cells.append(Cell(state, best, due, overdue, completed))
        rows.append(row)
    rows = sort_rows(rows, sort, assignments)
    totals = []
    for index, assignment in enumerate(assignments):
        cells = [r.cells[index] for r in rows]
        scores = [c.score for c in cells if c.score is not None]
        totals.append(
            ColumnTotal(
                assignment=assignment,
                passed=sum(1 for c in cells if c.state == "passed"),
                finished=len(scores),
                overdue=sum(1 for c in cells if c.overdue),
                mean_percent=round(100 * sum(scores) / len(scores)) if scores else None,
            )
        )
    return Matrix(cohort, assignments, rows, totals)


def sort_rows(rows: list[Row], sort: str, assignments: list[Assignment]) -> list[Row]:
    """Sort by name, passes or an assignment's score; ties stay in name order either way."""
    descending = sort.startswith("-")
    key = sort.removeprefix("-")
    by_name = sorted(rows, key=lambda r: r.name.casefold())
    # ``reverse`` keeps equal rows in their existing order, so ties read A to Z.
    if key == "passed":
        return sorted(by_name, key=lambda r: r.passed, reverse=descending)
    if key.startswith("a") and key[1:].isdigit():
        ids = [a.pk for a in assignments]
        if int(key[1:]) in ids:
            index = ids.index(int(key[1:]))
            return sorted(by_name, key=lambda r: _score_key(r.cells[index]), reverse=descending)
    return by_name[::-1] if descending else by_name


def _score_key(cell: Cell) -> float:
    return cell.score if cell.score is not None else -1.0


def score_bins(matrix: Matrix, index: int) -> list[tuple[str, int]]:
    """Best scores of an assignment in ten bands, for the distribution chart."""
    scores = (row.cells[index].score for row in matrix.rows)
    return charts.score_bins(min(100.0, s * 100) for s in scores if s is not None)


def completion_points(matrix: Matrix) -> list[tuple[str, float]]:
    """Cumulative share of (trainee, assignment) pairs passed, by day."""
    total = len(matrix.rows) * len(matrix.assignments)
    if not total:
        return []
    days: dict[date, int] = defaultdict(int)
    for row in matrix.rows:
        for cell in row.cells:
            if cell.completed_at is not None:
                days[timezone.localdate(cell.completed_at)] += 1
    running = 0
    points = []
    for day in sorted(days):
        running += days[day]
        points.append((day.isoformat(), 100 * running / total))
    return points


@dataclass(frozen=True, slots=True)
class ItemReport:
    quiz: analysis.QuizStatistics
    #: (stem, statistics, attempts that showed the question)
    items: list[tuple[str, analysis.ItemStatistics[int], int]]
    #: False when attempts drew different questions from the bank: each item is
    #: then analysed over the attempts that showed it, and the test-level
    #: reliability (Cronbach's alpha) is not defined.
    same_questions: bool


def item_analysis(assignment: Assignment) -> ItemReport | None:
    """Moodle's statistics on the cohort's first finished attempts at the quiz."""
    user_ids = assignment.cohort.enrolments.values("user_id")
    first_attempts = Attempt.objects.filter(
        quiz_id=assignment.quiz_id, user_id__in=user_ids, number=1, finished_at__isnull=False
    ).values("pk")
    marks: dict[int, dict[int, float]] = defaultdict(dict)
    stems: dict[int, str] = {}
    for attempt_id, question_id, score, answered, stem in Response.objects.filter(
        attempt_id__in=first_attempts
    ).values_list("attempt_id", "question_id", "score", "answered_at", "question__stem"):
        marks[attempt_id][question_id] = float(score or 0.0) if answered else 0.0
        stems[question_id] = stem
    if not marks:
        return None
    attempts = list(marks.values())
    result = analysis.analyse_attempts(attempts)
    question_sets = {frozenset(a) for a in attempts}
    if len(question_sets) == 1:
        items = [(stems[item.question_id], item, len(attempts)) for item in result.items]
        return ItemReport(result.quiz, items, True)
    # Random draws: like Moodle's random questions, an item counts only the
    # attempts that showed it; an attempt's total is still its whole score.
    drawn = []
    for item in result.items:
        shown = [a for a in attempts if item.question_id in a]
        own = analysis.analyse_attempts(shown)
        stats = next(i for i in own.items if i.question_id == item.question_id)
        drawn.append((stems[item.question_id], stats, len(shown)))
    return ItemReport(replace(result.quiz, cronbach_alpha=None), drawn, False)


def grade_rows(matrix: Matrix) -> Iterator[list[str]]:
    """Grades CSV: one row per trainee, a score and a completion date per assignment."""
    header = ["name", "email", "enrolled on"]
    for assignment in matrix.assignments:
        header += [
            f"{assignment.quiz.briefing.title} (score %)",
            f"{assignment.quiz.briefing.title} (completed)",
        ]
    yield header
    for row in matrix.rows:
        user = row.enrolment.user
        line = [row.name, user.email, row.enrolment.enrolled_on.isoformat()]
        for cell in row.cells:
            line.append("" if cell.percent is None else str(cell.percent))
            completed = cell.completed_at
            line.append(timezone.localdate(completed).isoformat() if completed else "")
        yield line


def response_rows(cohort: Cohort) -> Iterator[list[str]]:
    """All responses of the cohort's trainees to its assignments, streamed in chunks."""
    yield [
        "email", "quiz", "attempt", "attempt finished", "position", "question id",
        "type", "question", "answer", "score", "answered at",
    ]  # fmt: skip
    quiz_ids = cohort.assignments.values("quiz_id")
    user_ids = cohort.enrolments.values("user_id")
    responses = (
        Response.objects.filter(attempt__quiz_id__in=quiz_ids, attempt__user_id__in=user_ids)
        .order_by("attempt__user__email", "attempt__quiz_id", "attempt__number", "position")
        .values_list(
            "attempt__user__email",
            "attempt__quiz__title",
            "attempt__number",
            "attempt__finished_at",
            "position",
            "question_id",
            "question__kind",
            "question__stem",
            "answer",
            "score",
            "answered_at",
        )  # fmt: skip
    )
    for (
        email,
        quiz,
        number,
        finished,
        position,
        qid,
        kind,
        stem,
        answer,
        score,
        at,
    ) in responses.iterator(chunk_size=2000):
        yield [
            email, quiz, str(number), finished.isoformat() if finished else "", str(position),
            str(qid), kind, stem, " | ".join(str(a) for a in answer),
            "" if score is None else f"{score:.3f}", at.isoformat() if at else "",
        ]  # fmt: skip
