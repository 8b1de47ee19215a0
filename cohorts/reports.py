"""Cohort reports: the progress matrix, chart data, item analysis and CSV rows.

Each report reads a fixed number of queries however many trainees the cohort
has: rows are fetched in bulk and combined in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat, Lower, NullIf, Trim, TruncDate
from django.utils import timezone
from django.utils.translation import gettext

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
            passed = self.state == "passed"
            if self.override is not None:
                text = (
                    gettext("%(percent)s%% (pass, overridden)")
                    if passed
                    else gettext("%(percent)s%% (fail, overridden)")
                )
            else:
                text = (
                    gettext("%(percent)s%% (pass)") if passed else gettext("%(percent)s%% (fail)")
                )
            text = text % {"percent": self.percent}
        else:
            text = gettext("In progress") if self.state == "in_progress" else gettext("Not started")
        return gettext("%(label)s, overdue") % {"label": text} if self.overdue else text


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
    #: The rows of the page asked for, or all of them when no page was.
    rows: list[Row]
    totals: list[ColumnTotal]
    #: How many people match (all of the cohort without a search).
    count: int = 0
    page: int = 1
    pages: int = 1
    query: str = ""
    #: Per assignment, every matching person's score (0 to 1), for the charts.
    scores: list[list[float]] = field(default_factory=list)
    #: When each pass happened, across every matching person, for the charts.
    completions: list[datetime] = field(default_factory=list)


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
    organisation_id: int, user_ids: QuerySet[Any] | list[int], quiz_ids: list[int]
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
    organisation_id: int,
    user_ids: QuerySet[Any] | list[int],
    quiz_ids: list[int],
    marks: dict[int, int],
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


@dataclass(slots=True)
class Person:
    """A row of the roster before its page is chosen: only what sorting needs."""

    enrolment_id: int | None
    invitation_id: int | None
    user_id: int | None
    name: str
    email: str
    since: date
    cells: list[Cell] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(1 for c in self.cells if c.state == "passed")


class _Sortable(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def passed(self) -> int: ...
    @property
    def cells(self) -> list[Cell]: ...


def _people_querysets(
    cohort: Cohort, query: str = ""
) -> tuple[QuerySet[Enrolment], QuerySet[Invitation]]:
    """The cohort's enrolments and pending invitations whose name or address
    contains ``query``, each with the lower-cased name the roster sorts by."""
    unconfirmed = ExpressionWrapper(
        Q(user__last_login__isnull=True) & Q(user__password__startswith=UNUSABLE_PASSWORD_PREFIX),
        output_field=BooleanField(),
    )
    enrolments = cohort.enrolments.annotate(
        unconfirmed=unconfirmed,
        sort_name=Lower(
            Coalesce(
                NullIf(Trim(Concat("user__first_name", Value(" "), "user__last_name")), Value("")),
                Case(
                    When(unconfirmed, then="user__email"),
                    default="user__username",
                    output_field=CharField(),
                ),
                output_field=CharField(),
            )
        ),
    )
    invitations = cohort.invitations.filter(
        accepted_at__isnull=True, declined_at__isnull=True
    ).annotate(
        sort_name=Lower(
            Coalesce(
                NullIf(Trim(Concat("first_name", Value(" "), "last_name")), Value("")),
                "email",
                output_field=CharField(),
            )
        )
    )
    query = query.strip()
    if query:
        enrolments = enrolments.filter(
            Q(user__email__icontains=query)
            | Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
        )
        invitations = invitations.filter(
            Q(email__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    return enrolments, invitations


def _people(enrolments: QuerySet[Enrolment], invitations: QuerySet[Invitation]) -> list[Person]:
    """People from querysets made by ``_people_querysets`` (which annotates them)."""
    people = []
    # The stubs cannot see "unconfirmed", annotated by _people_querysets.
    for pk, user_id, since, first, last, email, username, invited in enrolments.values_list(  # type: ignore[misc]
        "pk",
        "user_id",
        "enrolled_on",
        "user__first_name",
        "user__last_name",
        "user__email",
        "user__username",
        "unconfirmed",
    ):
        full = f"{first} {last}".strip()
        name = full or (email if invited else username)
        people.append(Person(pk, None, None if invited else user_id, name, email, since))
    for pk, first, last, email, created_at in invitations.values_list(
        "pk", "first_name", "last_name", "email", "created_at"
    ):
        name = f"{first} {last}".strip() or email
        people.append(Person(None, pk, None, name, email, timezone.localdate(created_at)))
    return people


def cohort_people(cohort: Cohort, *, query: str = "") -> list[Person]:
    """Everyone on the cohort's roster (trainees and pending invitations) whose
    name or address contains ``query``, in two queries of plain values."""
    return _people(*_people_querysets(cohort, query))


def _name_page(
    enrolments: QuerySet[Enrolment],
    invitations: QuerySet[Invitation],
    *,
    descending: bool,
    offset: int,
    limit: int,
) -> list[Person]:
    """One page of people in name order, sorted and cut by the database."""
    ordered = (
        enrolments.order_by()
        .values_list("sort_name", "pk", Value("e"))
        .union(invitations.order_by().values_list("sort_name", "pk", Value("i")), all=True)
        .order_by("-sort_name" if descending else "sort_name", "-pk" if descending else "pk")
    )
    keys = list(ordered[offset : offset + limit])
    enrolment_ids = [pk for _, pk, kind in keys if kind == "e"]
    invitation_ids = [pk for _, pk, kind in keys if kind == "i"]
    found = _people(
        enrolments.filter(pk__in=enrolment_ids), invitations.filter(pk__in=invitation_ids)
    )
    by_key = {
        ("e", p.enrolment_id) if p.enrolment_id is not None else ("i", p.invitation_id): p
        for p in found
    }
    return [by_key[(kind, pk)] for _, pk, kind in keys]


@dataclass(frozen=True, slots=True)
class _Ranking:
    """A sort by a number most people of a large cohort have none of (a score,
    a pass): who has one, in Python and in SQL, to page the rest by name."""

    ranked: Callable[[Person], bool]
    condition: Q


def _ranking(cohort: Cohort, assignments: list[Assignment], key: str) -> _Ranking | None:
    """How to sort by ``key`` ("passed" or "a<assignment id>") a page at a time.

    The conditions are subqueries the database runs once, not per person, and
    leave out accounts that never signed in, as their rows do.
    """
    finished = Attempt.objects.filter(
        organisation_id=cohort.organisation_id, finished_at__isnull=False, score__isnull=False
    )
    signed_in = Q(user__last_login__isnull=False) | ~Q(
        user__password__startswith=UNUSABLE_PASSWORD_PREFIX
    )
    if key == "passed":
        passes = Q(pk__in=[])
        for assignment in assignments:
            mark = assignment.required_pass_mark()
            overridden = GradeOverride.objects.filter(assignment=assignment)
            passed = finished.filter(quiz_id=assignment.quiz_id, score__gte=(mark - 1e-9) / 100)
            passes |= Q(user_id__in=overridden.filter(percent__gte=mark).values("user_id")) | (
                ~Q(user_id__in=overridden.values("user_id"))
                & Q(user_id__in=passed.values("user_id"))
            )
        return _Ranking(lambda person: person.passed > 0, signed_in & passes)
    ids = [a.pk for a in assignments]
    if key.startswith("a") and key[1:].isdigit() and int(key[1:]) in ids:
        index = ids.index(int(key[1:]))
        assignment = assignments[index]
        scored = Q(user_id__in=finished.filter(quiz_id=assignment.quiz_id).values("user_id")) | Q(
            user_id__in=GradeOverride.objects.filter(assignment=assignment).values("user_id")
        )
        return _Ranking(lambda person: person.cells[index].score is not None, signed_in & scored)
    return None


def _ranked_page(
    enrolments: QuerySet[Enrolment],
    invitations: QuerySet[Invitation],
    active: list[Person],
    ranking: _Ranking,
    *,
    sort: str,
    assignments: list[Assignment],
    count: int,
    offset: int,
    limit: int,
) -> list[Person] | None:
    """One page sorted by a score or by passes, as ``sort_rows`` sorts everyone.

    The people with a score (or a pass) are among the ``active`` ones, already
    read with their cells, and are sorted here; everyone else ties below them
    in name order, which the database pages. None when the database and the
    cells disagree on who is ranked (an override for someone who never signed
    in, say): the caller then sorts everyone.
    """
    ranked = [person for person in active if ranking.ranked(person)]
    if set(enrolments.filter(ranking.condition).order_by().values_list("pk", flat=True)) != {
        person.enrolment_id for person in ranked
    }:
        return None
    ranked = sort_rows(ranked, sort, assignments)
    rest = enrolments.exclude(ranking.condition)
    if sort.startswith("-"):
        head = ranked[offset : offset + limit]
        start, wanted = max(0, offset - len(ranked)), limit - len(head)
        tail = _name_page(rest, invitations, descending=False, offset=start, limit=wanted)
        return head + tail if wanted else head
    unranked = count - len(ranked)
    wanted = max(0, min(limit, unranked - offset))
    head = (
        _name_page(rest, invitations, descending=False, offset=offset, limit=wanted)
        if wanted
        else []
    )
    start = max(0, offset - unranked)
    return head + ranked[start : start + limit - len(head)]


def progress_matrix(
    cohort: Cohort,
    *,
    sort: str = "name",
    today: date | None = None,
    query: str = "",
    page: int | None = None,
    per_page: int = 50,
) -> Matrix:
    """The cohort's progress, with totals and chart data over everyone who
    matches ``query``, and rows for one ``page`` of them (all without one).

    The queries are the same in number at any cohort size. Attempts are read
    only for trainees who have any; sorted by name, the database orders and
    cuts the page, and people who have not started are counted by day.
    """
    today = today or timezone.localdate()
    assignments = list(
        cohort.assignments.select_related("quiz", "quiz__briefing").order_by("opens_on", "pk")
    )
    enrolments, invitations = _people_querysets(cohort, query)
    trainees = cohort.enrolments.values("user_id")
    quiz_ids = [a.quiz_id for a in assignments]
    marks = {a.quiz_id: a.required_pass_mark() for a in assignments}
    summary = _attempt_summary(cohort.organisation_id, trainees, quiz_ids) if assignments else {}
    passed_at = _passed_at(cohort.organisation_id, trainees, quiz_ids, marks) if assignments else {}
    overrides = {
        (o.user_id, o.assignment_id): o
        for o in GradeOverride.objects.filter(assignment__cohort=cohort)
    }
    touched = {user_id for user_id, _ in summary} | {user_id for user_id, _ in passed_at}
    touched |= {user_id for user_id, _ in overrides}
    # Most people of a large cohort have not started: their rows of cells are
    # the same for everyone enrolled on the same day, and are shared.
    untouched: dict[date, list[Cell]] = {}

    def cells_for(user_id: int | None, since: date) -> list[Cell]:
        if user_id is None or user_id not in touched:
            if since not in untouched:
                untouched[since] = [
                    make_cell(a, since, None, None, None, today) for a in assignments
                ]
            return untouched[since]
        return [
            make_cell(
                assignment,
                since,
                summary.get((user_id, assignment.quiz_id)),
                passed_at.get((user_id, assignment.quiz_id)),
                overrides.get((user_id, assignment.pk)),
                today,
            )
            for assignment in assignments
        ]

    key = sort.removeprefix("-")
    descending = sort.startswith("-")
    ranked_by = _ranking(cohort, assignments, key)
    if page is not None and (key == "name" or ranked_by is not None):
        # The usual view of a large cohort: the database sorts and cuts the
        # page, and the totals count the people who have not started by day.
        count = enrolments.count() + invitations.count()
        pages = max(1, -(-count // per_page))
        number = min(page, pages)
        offset = (number - 1) * per_page
        active = Q(
            user_id__in=Attempt.objects.filter(
                organisation_id=cohort.organisation_id, quiz_id__in=quiz_ids
            ).values("user_id")
        ) | Q(user_id__in=GradeOverride.objects.filter(assignment__cohort=cohort).values("user_id"))
        counted = _people(enrolments.filter(active), invitations.none())
        columns: list[list[tuple[Cell, int]]] = [[] for _ in assignments]
        for person in counted:
            person.cells = cells_for(person.user_id, person.since)
            for index, cell in enumerate(person.cells):
                columns[index].append((cell, 1))
        idle: dict[date, int] = defaultdict(int)
        for since, idle_count in (
            enrolments.exclude(active).order_by().values_list("enrolled_on").annotate(n=Count("pk"))
        ):
            idle[since] += idle_count
        invited_on = TruncDate("created_at", tzinfo=timezone.get_current_timezone())
        for since, idle_count in (
            invitations.order_by()
            .annotate(invited_on=invited_on)
            .values_list("invited_on")
            .annotate(n=Count("pk"))
        ):
            idle[since] += idle_count
        for since, idle_count in idle.items():
            for index, cell in enumerate(cells_for(None, since)):
                columns[index].append((cell, idle_count))
        completions = [
            c.completed_at for p in counted for c in p.cells if c.completed_at is not None
        ]
        shown: list[Person] | None
        if ranked_by is None:
            shown = _name_page(
                enrolments, invitations, descending=descending, offset=offset, limit=per_page
            )
        else:
            shown = _ranked_page(
                enrolments,
                invitations,
                counted,
                ranked_by,
                sort=sort,
                assignments=assignments,
                count=count,
                offset=offset,
                limit=per_page,
            )
        if shown is not None:
            for person in shown:
                person.cells = cells_for(person.user_id, person.since)
    else:
        shown = None
    if shown is None:
        people = _people(enrolments, invitations)
        for person in people:
            person.cells = cells_for(person.user_id, person.since)
        people = sort_rows(people, sort, assignments)
        columns = [[(p.cells[index], 1) for p in people] for index in range(len(assignments))]
        completions = [
            c.completed_at for p in people for c in p.cells if c.completed_at is not None
        ]
        count = len(people)
        pages = max(1, -(-count // per_page)) if page is not None else 1
        number = min(page, pages) if page is not None else 1
        shown = people[(number - 1) * per_page : number * per_page] if page is not None else people
    return Matrix(
        cohort,
        assignments,
        _rows(shown),
        _totals(assignments, columns),
        count=count,
        page=number,
        pages=pages,
        query=query.strip(),
        scores=[[c.score for c, _ in column if c.score is not None] for column in columns],
        completions=completions,
    )


def _totals(
    assignments: list[Assignment], columns: list[list[tuple[Cell, int]]]
) -> list[ColumnTotal]:
    """Each assignment's totals from its cells, each standing for ``n`` people."""
    totals = []
    for assignment, column in zip(assignments, columns, strict=True):
        scores = [c.score for c, _ in column if c.score is not None]
        totals.append(
            ColumnTotal(
                assignment=assignment,
                passed=sum(n for c, n in column if c.state == "passed"),
                finished=len(scores),
                overdue=sum(n for c, n in column if c.overdue),
                mean_percent=round(100 * sum(scores) / len(scores)) if scores else None,
            )
        )
    return totals


def _rows(people: list[Person]) -> list[Row]:
    """Full rows for ``people``, in their order (two queries)."""
    enrolments = Enrolment.objects.select_related("user").in_bulk(
        [p.enrolment_id for p in people if p.enrolment_id is not None]
    )
    invitations = Invitation.objects.in_bulk(
        [p.invitation_id for p in people if p.invitation_id is not None]
    )
    rows = []
    for person in people:
        if person.enrolment_id is not None:
            row = Row(enrolments[person.enrolment_id], person.cells)
        else:
            assert person.invitation_id is not None
            row = Row(None, person.cells, invitation=invitations[person.invitation_id])
        rows.append(row)
    return rows


def sort_rows[S: _Sortable](rows: list[S], sort: str, assignments: list[Assignment]) -> list[S]:
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
    return charts.score_bins(min(100.0, s * 100) for s in matrix.scores[index])


def completion_points(matrix: Matrix) -> list[tuple[str, float]]:
    """Cumulative share of (trainee, assignment) pairs passed, by day."""
    total = matrix.count * len(matrix.assignments)
    if not total:
        return []
    days: dict[date, int] = defaultdict(int)
    for completed_at in matrix.completions:
        days[timezone.localdate(completed_at)] += 1
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
