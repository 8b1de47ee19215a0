"""Cohort reports: the progress matrix, chart data, item analysis and CSV rows.

Each report reads a fixed number of queries however many trainees the cohort
has: rows are fetched in bulk and combined in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from cohorts import analysis, charts, selectors
from cohorts.models import Assignment, Cohort, Enrolment, GradeOverride, Invitation
from quizzes.models import Attempt, AttemptAllowance, Response, TimeAccommodation


@dataclass(slots=True)
class Cell:
    state: str  # not_started | in_progress | passed | failed
    score: float | None
    due: date | None
    overdue: bool
    completed_at: datetime | None
    #: The instructor's grade replaces the attempts' when there is one.
    override: GradeOverride | None = None
    attempts: int = 0

    @property
    def percent(self) -> int | None:
        return None if self.score is None else round(self.score * 100)

    @property
    def label(self) -> str:
        if self.state in ("passed", "failed"):
            verdict = "pass" if self.state == "passed" else "fail"
            text = f"{self.percent}% ({verdict})"
            if self.override is not None:
                text = f"{self.percent}% ({verdict}, overridden)"
        else:
            text = "In progress" if self.state == "in_progress" else "Not started"
        return f"{text}, overdue" if self.overdue else text


@dataclass(slots=True)
class Row:
    """A trainee of the cohort, or a person invited who has not answered yet."""

    enrolment: Enrolment | None
    cells: list[Cell] = field(default_factory=list)
    invitation: Invitation | None = None

    @property
    def invited(self) -> bool:
        """Shown as "Invited": a pending invitation, or a new account never signed in."""
        return self.enrolment is None or selectors.is_unconfirmed(self.enrolment)

    @property
    def name(self) -> str:
        if self.enrolment is None:
            assert self.invitation is not None
            invited = f"{self.invitation.first_name} {self.invitation.last_name}".strip()
            return invited or self.invitation.email
        user = self.enrolment.user
        if self.invited:
            return user.get_full_name() or user.email
        return user.get_full_name() or user.get_username()

    @property
    def email(self) -> str:
        if self.enrolment is None:
            assert self.invitation is not None
            return self.invitation.email
        return self.enrolment.user.email

    @property
    def user_id(self) -> int | None:
        """Only for trainees who have taken up their place (the trainee page links)."""
        return None if self.invited or self.enrolment is None else self.enrolment.user_id

    @property
    def since(self) -> date:
        if self.enrolment is None:
            assert self.invitation is not None
            return timezone.localdate(self.invitation.created_at)
        return self.enrolment.enrolled_on

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


def cohort_attempts(cohort: Cohort) -> QuerySet[Attempt]:
    """Attempts an instructor of the cohort may read: taken under the cohort's
    organisation, at its assigned quizzes, by its trainees.

    The organisation filter is what keeps a person who trains with two
    organisations apart: on a shared briefing, work done under another
    organisation's assignment never shows here.
    """
    return Attempt.objects.filter(
        organisation_id=cohort.organisation_id,
        quiz_id__in=cohort.assignments.values("quiz_id"),
        user_id__in=cohort.enrolments.values("user_id"),
    )


def _attempt_summary(
    organisation_id: int, user_ids: list[int], quiz_ids: list[int]
) -> dict[tuple[int, int], Any]:
    rows = (
        Attempt.objects.filter(
            organisation_id=organisation_id, user_id__in=user_ids, quiz_id__in=quiz_ids
        )
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
    organisation_id: int, user_ids: list[int], quiz_ids: list[int], marks: dict[int, int]
) -> dict[tuple[int, int], datetime]:
    """When each trainee first reached the assignment's pass mark (one query)."""
    result: dict[tuple[int, int], datetime] = {}
    rows = (
        Attempt.objects.filter(
            organisation_id=organisation_id,
            user_id__in=user_ids,
            quiz_id__in=quiz_ids,
            finished_at__isnull=False,
        )
        .order_by("finished_at")
        .values_list("user_id", "quiz_id", "score", "finished_at")
    )
    for user_id, quiz_id, score, finished_at in rows:
        key = (user_id, quiz_id)
        if key not in result and finished_at and (score or 0) * 100 >= marks[quiz_id] - 1e-9:
            result[key] = finished_at
    return result


def make_cell(
    assignment: Assignment,
    enrolled_on: date,
    data: dict[str, Any] | None,
    completed: datetime | None,
    override: GradeOverride | None,
    today: date,
) -> Cell:
    """One trainee's standing on one assignment; an override decides pass or fail."""
    best = data["best"] if data else None
    due = assignment.due_for(enrolled_on)
    attempts = (data["finished"] + data["open"]) if data else 0
    if override is not None:
        best = override.percent / 100
        passed = override.percent >= assignment.required_pass_mark()
        state = "passed" if passed else "failed"
        completed = (completed or override.created_at) if passed else None
    elif data and data["finished"]:
        state = "passed" if completed else "failed"
    elif data and data["open"]:
        state = "in_progress"
    else:
        state = "not_started"
    overdue = due is not None and due < today and completed is None
    return Cell(state, best, due, overdue, completed, override, attempts)


def progress_matrix(cohort: Cohort, *, sort: str = "name", today: date | None = None) -> Matrix:
    today = today or timezone.localdate()
    assignments = list(
        cohort.assignments.select_related("quiz", "quiz__briefing").order_by("opens_on", "pk")
    )
    enrolments = list(cohort.enrolments.select_related("user"))
    invitations = list(
        cohort.invitations.filter(accepted_at__isnull=True, declined_at__isnull=True)
    )
    user_ids = [e.user_id for e in enrolments]
    quiz_ids = [a.quiz_id for a in assignments]
    marks = {a.quiz_id: a.required_pass_mark() for a in assignments}
    summary = _attempt_summary(cohort.organisation_id, user_ids, quiz_ids)
    passed_at = _passed_at(cohort.organisation_id, user_ids, quiz_ids, marks)
    overrides = {
        (o.user_id, o.assignment_id): o
        for o in GradeOverride.objects.filter(assignment__cohort=cohort)
    }
    rows = []
    for enrolment in enrolments:
        row = Row(enrolment)
        for assignment in assignments:
            key = (enrolment.user_id, assignment.quiz_id)
            row.cells.append(
                make_cell(
                    assignment,
                    enrolment.enrolled_on,
                    summary.get(key),
                    passed_at.get(key),
                    overrides.get((enrolment.user_id, assignment.pk)),
                    today,
                )
            )
        rows.append(row)
    for invitation in invitations:
        row = Row(None, invitation=invitation)
        invited_on = timezone.localdate(invitation.created_at)
        row.cells = [make_cell(a, invited_on, None, None, None, today) for a in assignments]
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
    taken_here = Attempt.objects.filter(
        organisation_id=assignment.cohort.organisation_id, quiz_id=assignment.quiz_id
    )
    # A trainee's first attempt for this organisation: their attempt number 1
    # may have been taken for another organisation sharing the briefing.
    earlier = taken_here.filter(user_id=OuterRef("user_id"), number__lt=OuterRef("number"))
    first_attempts = (
        taken_here.filter(user_id__in=user_ids, finished_at__isnull=False)
        .exclude(Exists(earlier))
        .values("pk")
    )
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
            f"{assignment.quiz.briefing.title} (overridden because)",
        ]
    yield header
    for row in matrix.rows:
        line = [row.name, row.email, row.since.isoformat()]
        for cell in row.cells:
            line.append("" if cell.percent is None else str(cell.percent))
            completed = cell.completed_at
            line.append(timezone.localdate(completed).isoformat() if completed else "")
            line.append(cell.override.reason if cell.override is not None else "")
        yield line


def response_rows(cohort: Cohort) -> Iterator[list[str]]:
    """All responses of the cohort's trainees to its assignments, streamed in chunks."""
    yield [
        "email", "quiz", "attempt", "attempt finished", "position", "question id",
        "type", "question", "answer", "score", "answered at",
    ]  # fmt: skip
    responses = (
        Response.objects.filter(attempt__in=cohort_attempts(cohort))
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


@dataclass(slots=True)
class TraineeAssignment:
    """One assignment as seen on a trainee's page: standing, attempts, adjustments."""

    assignment: Assignment
    cell: Cell
    attempts: list[Attempt]
    extra_attempts: int
    time_multiplier: Decimal | None


def trainee_report(
    cohort: Cohort, enrolment: Enrolment, *, today: date | None = None
) -> list[TraineeAssignment]:
    """The trainee's attempts at the cohort's assignments, taken under the
    cohort's organisation only, with any grants and overrides (six queries)."""
    today = today or timezone.localdate()
    assignments = list(
        cohort.assignments.select_related("quiz", "quiz__briefing").order_by("opens_on", "pk")
    )
    quiz_ids = [a.quiz_id for a in assignments]
    by_quiz: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in Attempt.objects.filter(
        organisation_id=cohort.organisation_id, user_id=enrolment.user_id, quiz_id__in=quiz_ids
    ).order_by("number"):
        by_quiz[attempt.quiz_id].append(attempt)
    overrides = {
        o.assignment_id: o
        for o in GradeOverride.objects.filter(
            assignment__cohort=cohort, user_id=enrolment.user_id
        ).select_related("created_by")
    }
    allowances = dict(
        AttemptAllowance.objects.filter(
            user_id=enrolment.user_id, quiz_id__in=quiz_ids
        ).values_list("quiz_id", "extra_attempts")
    )
    accommodations = dict(
        TimeAccommodation.objects.filter(
            user_id=enrolment.user_id, quiz_id__in=quiz_ids
        ).values_list("quiz_id", "multiplier")
    )
    result = []
    for assignment in assignments:
        attempts = by_quiz.get(assignment.quiz_id, [])
        finished = [a for a in attempts if a.finished_at is not None]
        mark = assignment.required_pass_mark()
        completed = next(
            (a.finished_at for a in finished if (a.score or 0) * 100 >= mark - 1e-9), None
        )
        data = None
        if attempts:
            scores = [a.score for a in finished if a.score is not None]
            data = {
                "best": max(scores) if scores else None,
                "finished": len(finished),
                "open": len(attempts) - len(finished),
            }
        cell = make_cell(
            assignment,
            enrolment.enrolled_on,
            data,
            completed,
            overrides.get(assignment.pk),
            today,
        )
        result.append(
            TraineeAssignment(
                assignment=assignment,
                cell=cell,
                attempts=attempts,
                extra_attempts=allowances.get(assignment.quiz_id, 0),
                time_multiplier=accommodations.get(assignment.quiz_id),
            )
        )
    return result
