"""Reads for quiz pages, each with the joins its page needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop

from briefings.selectors import visible_briefings
from config.prepared import PreparedQuery
from organisations.models import Membership
from organisations.selectors import STAFF_ROLES, is_platform_superuser
from quizzes.assignments import Assigned, assignments_of
from quizzes.grading import grade
from quizzes.models import (
    Attempt,
    AttemptAllowance,
    Quiz,
    Response,
    TermMastery,
    answer_given,
)
from quizzes.review import duration_text

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

    from briefings.models import Briefing


class Access(StrEnum):
    """Why a user may start a quiz, or why not yet."""

    ASSIGNED = "assigned"  # assigned to one of their cohorts, and open
    PRACTICE = "practice"  # the practice default quiz of a briefing they can read
    PREVIEW = "preview"  # staff of the briefing's organisation, or a platform superuser
    UPCOMING = "upcoming"  # assigned, but the assignment opens later
    NONE = "none"  # nothing lets them start it


@dataclass(frozen=True, slots=True)
class QuizAccess:
    """The rule deciding who may start a quiz, applied to one user and quiz."""

    access: Access
    organisation_id: int | None = None
    cohort: str = ""
    opens_on: date | None = None
    due: date | None = None
    pass_mark: int = 0

    @property
    def may_start(self) -> bool:
        return self.access in (Access.ASSIGNED, Access.PRACTICE, Access.PREVIEW)

    def refusal(self) -> str:
        """What to tell a user whose start is refused."""
        if self.access == Access.UPCOMING and self.opens_on is not None:
            return gettext("This quiz opens on %(date)s.") % {
                "date": date_format(self.opens_on, "DATE_FORMAT")
            }
        return gettext("This quiz has not been assigned to you, so it cannot be started.")


@dataclass(frozen=True, slots=True)
class _UserContext:
    """What the access rule needs to know about a user, loaded in two queries."""

    superuser: bool
    member_of: frozenset[int]
    staff_of: frozenset[int]
    assigned: dict[int, list[Assigned]]  # by quiz id

    def access_to(self, quiz: Quiz, *, today: date) -> QuizAccess:
        """Decide whether the user may start ``quiz``, whose briefing they can read.

        An open assignment wins (the earliest due of several gives the
        organisation, due date and pass mark); then self-practice on the
        briefing's default practice quiz; then staff preview. An assignment
        that has not opened yet is shown but not startable.
        """
        rows = self.assigned.get(quiz.pk, [])
        opened = sorted(
            (a for a in rows if a.opens_on <= today),
            key=lambda a: (a.due is None, a.due or today, a.pk),
        )
        upcoming = min(rows, key=lambda a: (a.opens_on, a.pk)) if rows else None
        chosen = opened[0] if opened else upcoming

        def access(kind: Access, organisation_id: int | None = None) -> QuizAccess:
            mark = quiz.pass_mark
            if chosen is not None and chosen.pass_mark is not None:
                mark = chosen.pass_mark
            return QuizAccess(
                kind,
                organisation_id=organisation_id,
                cohort=chosen.cohort if chosen else "",
                opens_on=chosen.opens_on if chosen else None,
                due=chosen.due if chosen else None,
                pass_mark=mark,
            )

        if opened:
            return access(Access.ASSIGNED, opened[0].organisation_id)
        own = quiz.briefing.organisation_id
        member = own if own in self.member_of else None
        if quiz.is_default and quiz.mode == Quiz.Mode.PRACTICE:
            return access(Access.PRACTICE, member)
        # Shared briefings (no organisation) are read, and assigned, by every
        # organisation's staff, so they may preview those quizzes too.
        if self.superuser or (self.staff_of and (own is None or own in self.staff_of)):
            return access(Access.PREVIEW, member)
        if upcoming is not None:
            return access(Access.UPCOMING)
        return access(Access.NONE)


_memberships: PreparedQuery[tuple[int, str]] = PreparedQuery(
    lambda user_id: (
        Membership.objects.filter(user_id=user_id).order_by().values_list("organisation_id", "role")
    ),
    user_id=int,
)


def _user_context(user: User, quiz_ids: Iterable[int] | None = None) -> _UserContext:
    roles = _memberships.all(user_id=user.pk)
    assigned: dict[int, list[Assigned]] = {}
    for assignment in assignments_of(user, quiz_ids):
        assigned.setdefault(assignment.quiz_id, []).append(assignment)
    return _UserContext(
        superuser=is_platform_superuser(user),
        member_of=frozenset(org for org, _ in roles),
        staff_of=frozenset(org for org, role in roles if role in STAFF_ROLES),
        assigned=assigned,
    )


def quiz_access(*, user: User, quiz_id: int, today: date | None = None) -> tuple[Quiz, QuizAccess]:
    """The quiz with this user's access to it; 404 unless its briefing is visible to them."""
    try:
        quiz = (
            Quiz.objects.select_related("briefing")
            .defer("briefing__body_html", "briefing__appendix_html", "briefing__trailer")
            .get(pk=quiz_id, briefing__in=visible_briefings(user=user))
        )
    except Quiz.DoesNotExist as error:
        raise Http404("No quiz you can see has that number.") from error
    context = _user_context(user, [quiz.pk])
    return quiz, context.access_to(quiz, today=today or timezone.localdate())


@dataclass(frozen=True, slots=True)
class PastAttempt:
    """One finished attempt as the trainee's history lists it."""

    attempt: Attempt
    verdict: str  # "Passed", "Not passed", or "" for practice (its score says it all)
    link_label: str  # "Review" when the quiz shows answers afterwards, else "Results"

    @property
    def percent(self) -> int:
        return round((self.attempt.score or 0) * 100)

    @property
    def time_taken(self) -> str:
        attempt = self.attempt
        if attempt.finished_at is None:
            return ""
        end = attempt.finished_at
        # An attempt expired later, on the next visit: it used its whole time limit.
        if attempt.expired and attempt.deadline is not None:
            end = min(end, attempt.deadline)
        return duration_text(end - attempt.started_at)


class ShownAttempt(NamedTuple):
    """What a quiz card prints of one finished attempt."""

    pk: int
    number: int
    link_label: str
    finished_at: datetime | None
    percent: int
    verdict: str
    time_taken: str
    expired: bool


class ShownCard(NamedTuple):
    """What a quiz card prints, as plain values: the card's template is a memo,
    rendered once for each set of them (config/memo.py)."""

    quiz_pk: int
    title: str
    status: str
    status_label: str
    is_practice: bool
    time_limit_minutes: int | None
    access: str
    cohort: str
    opens_on: date | None
    due: date | None
    overdue: bool
    best_percent: int | None
    pass_mark: int
    attempts_used: int
    attempts_allowed: int
    may_continue: bool
    may_start: bool
    unavailable: str
    history: tuple[ShownAttempt, ...]


# A quiz card's badge for each status, translated when shown.
_STATUS_LABELS = {
    "in_progress": gettext_noop("In progress"),
    "completed": gettext_noop("Practised"),
    "passed": gettext_noop("Passed"),
    "failed": gettext_noop("Not passed"),
    "not_started": gettext_noop("Not started"),
}


@dataclass(slots=True)
class QuizCard:
    """One quiz on a trainee's list: what they may do with it and how it went."""

    quiz: Quiz
    access: QuizAccess
    today: date
    open_attempt: Attempt | None = None
    history: list[PastAttempt] = field(default_factory=list)
    attempts_used: int = 0
    extra_attempts: int = 0

    @property
    def is_practice(self) -> bool:
        return self.quiz.mode == Quiz.Mode.PRACTICE

    @property
    def attempts_allowed(self) -> int:
        """0 for unlimited; extra attempts granted to this trainee count too."""
        return self.quiz.attempt_limit(self.extra_attempts)

    @property
    def attempts_left(self) -> bool:
        return not self.attempts_allowed or self.attempts_used < self.attempts_allowed

    @property
    def may_continue(self) -> bool:
        return self.open_attempt is not None

    @property
    def may_start(self) -> bool:
        return self.open_attempt is None and self.access.may_start and self.attempts_left

    @property
    def best_score(self) -> float | None:
        scores = [p.attempt.score for p in self.history if p.attempt.score is not None]
        return max(scores) if scores else None

    @property
    def best_percent(self) -> int | None:
        best = self.best_score
        return None if best is None else round(best * 100)

    @property
    def passed(self) -> bool:
        best = self.best_score
        return best is not None and best * 100 >= self.access.pass_mark - 1e-9

    @property
    def done(self) -> bool:
        return bool(self.history) if self.is_practice else self.passed

    @property
    def status(self) -> str:
        if self.open_attempt is not None:
            return "in_progress"
        if self.history:
            if self.is_practice:
                return "completed"
            return "passed" if self.passed else "failed"
        return "not_started"

    @property
    def status_label(self) -> str:
        return gettext(_STATUS_LABELS[self.status])

    @property
    def overdue(self) -> bool:
        due = self.access.due
        return due is not None and due < self.today and not self.done

    @property
    def unavailable(self) -> str:
        """Why neither Start nor Continue is offered; empty when one is."""
        if self.may_continue or self.may_start:
            return ""
        if self.access.may_start:
            used, allowed = self.attempts_used, self.attempts_allowed
            return gettext("No attempts left: you have used %(used)d of %(allowed)d.") % {
                "used": used,
                "allowed": allowed,
            }
        return self.access.refusal()

    @property
    def shown(self) -> ShownCard:
        return ShownCard(
            quiz_pk=self.quiz.pk,
            title=self.quiz.title,
            status=self.status,
            status_label=self.status_label,
            is_practice=self.is_practice,
            time_limit_minutes=self.quiz.time_limit_minutes,
            access=str(self.access.access),
            cohort=self.access.cohort,
            opens_on=self.access.opens_on,
            due=self.access.due,
            overdue=self.overdue,
            best_percent=self.best_percent,
            pass_mark=self.access.pass_mark,
            attempts_used=self.attempts_used,
            attempts_allowed=self.attempts_allowed,
            may_continue=self.may_continue,
            may_start=self.may_start,
            unavailable=self.unavailable,
            history=tuple(
                ShownAttempt(
                    pk=past.attempt.pk,
                    number=past.attempt.number,
                    link_label=past.link_label,
                    finished_at=past.attempt.finished_at,
                    percent=past.percent,
                    verdict=past.verdict,
                    time_taken=past.time_taken,
                    expired=past.attempt.expired,
                )
                for past in self.history
            ),
        )


@dataclass(slots=True)
class BriefingQuizzes:
    briefing: Briefing
    cards: list[QuizCard]


def _past_attempt(attempt: Attempt, quiz: Quiz, pass_mark: int) -> PastAttempt:
    verdict = ""
    if quiz.mode == Quiz.Mode.ASSESSMENT:
        passed = (attempt.score or 0) * 100 >= pass_mark - 1e-9
        verdict = gettext("Passed") if passed else gettext("Not passed")
    shows_more = quiz.review_show_answers or quiz.review_show_correct
    shows_more = shows_more or quiz.review_show_explanations
    link_label = gettext("Review") if shows_more else gettext("Results")
    return PastAttempt(attempt, verdict, link_label)


def _quizzes(user_id: int) -> QuerySet[Quiz]:
    """Quizzes with the user's extra attempts, if an instructor allowed any."""
    allowance = AttemptAllowance.objects.filter(quiz=OuterRef("pk"), user_id=user_id).values(
        "extra_attempts"
    )[:1]
    return Quiz.objects.annotate(extra_attempts=Subquery(allowance)).order_by(
        "-is_default", "title", "pk"
    )


def _with_visible_briefing(quizzes: QuerySet[Quiz], user: User) -> QuerySet[Quiz]:
    """Quizzes on briefings ``user`` may read, each with its briefing (not its article)."""
    return (
        quizzes.filter(briefing__in=visible_briefings(user=user))
        .select_related("briefing")
        .defer("briefing__body_html", "briefing__appendix_html", "briefing__trailer")
    )


def _visible_quizzes(user_id: int) -> QuerySet[Quiz]:
    from django.contrib.auth.models import User

    return _with_visible_briefing(_quizzes(user_id), User(pk=user_id))


# The briefing page and My learning, built once per connection (see config.prepared).
_quizzes_on_briefing = PreparedQuery(
    lambda user_id, briefing_id: _quizzes(user_id).filter(briefing_id=briefing_id),
    user_id=int,
    briefing_id=int,
)
_quizzes_visible_to = PreparedQuery(_visible_quizzes, user_id=int)
_attempts_on_briefing = PreparedQuery(
    lambda user_id, briefing_id: Attempt.objects.filter(
        user_id=user_id, quiz__briefing_id=briefing_id
    ).order_by("-number"),
    user_id=int,
    briefing_id=int,
)
_attempts_of = PreparedQuery(
    lambda user_id: Attempt.objects.filter(user_id=user_id).order_by("-number"), user_id=int
)


def _quizzes_for(user: User, briefing_id: int | None) -> list[Quiz]:
    """The briefing's quizzes (already known to be visible), else every visible one."""
    if briefing_id is not None:
        return _quizzes_on_briefing.all(user_id=user.pk, briefing_id=briefing_id)
    if is_platform_superuser(user):
        return list(_with_visible_briefing(_quizzes(user.pk), user))
    return _quizzes_visible_to.all(user_id=user.pk)


def quiz_cards(
    *, user: User, briefing: Briefing | None = None, today: date | None = None
) -> list[QuizCard]:
    """Every quiz the user may start, or has taken, with their attempts.

    With ``briefing`` (already known to be visible), that briefing's quizzes
    only. Five queries at most, whatever the number of quizzes and attempts.
    """
    today = today or timezone.localdate()
    briefing_id = None if briefing is None else briefing.pk
    quiz_list = _quizzes_for(user, briefing_id)
    if briefing is not None:
        for quiz in quiz_list:
            quiz.briefing = briefing
    if not quiz_list:
        return []
    ids = [quiz.pk for quiz in quiz_list]
    context = _user_context(user, ids if briefing is not None else None)
    by_quiz: dict[int, list[Attempt]] = {}
    if briefing is not None:
        rows = _attempts_on_briefing.all(user_id=user.pk, briefing_id=briefing.pk)
    else:
        rows = _attempts_of.all(user_id=user.pk)
    wanted = set(ids)
    for attempt in rows:
        if attempt.quiz_id in wanted:
            by_quiz.setdefault(attempt.quiz_id, []).append(attempt)
    cards = []
    for quiz in quiz_list:
        access = context.access_to(quiz, today=today)
        taken = by_quiz.get(quiz.pk, [])
        if access.access == Access.NONE and not taken:
            continue
        for attempt in taken:
            attempt.quiz = quiz
        cards.append(
            QuizCard(
                quiz=quiz,
                access=access,
                today=today,
                open_attempt=next((a for a in taken if a.is_open), None),
                history=[_past_attempt(a, quiz, access.pass_mark) for a in taken if not a.is_open],
                attempts_used=max((a.number for a in taken), default=0),
                extra_attempts=quiz.extra_attempts or 0,  # type: ignore[attr-defined]
            )
        )
    # Most pressing first: the earliest due date still to meet, then the default quiz.
    cards.sort(
        key=lambda c: (
            c.done or c.access.due is None,
            c.access.due or date.max,
            not c.quiz.is_default,
            c.quiz.title,
        )
    )
    return cards


def learning_by_briefing(*, user: User, today: date | None = None) -> list[BriefingQuizzes]:
    """The user's quiz cards grouped by briefing, the most pressing due date first."""
    groups: dict[int, BriefingQuizzes] = {}
    for card in quiz_cards(user=user, today=today):
        group = groups.setdefault(card.quiz.briefing_id, BriefingQuizzes(card.quiz.briefing, []))
        group.cards.append(card)

    def urgency(group: BriefingQuizzes) -> tuple[bool, date, str]:
        dues = [c.access.due for c in group.cards if c.access.due and not c.done]
        return (not dues, min(dues) if dues else date.max, group.briefing.title)

    return sorted(groups.values(), key=urgency)


def _attempt_with_quiz(attempt_id: int, user_id: int) -> QuerySet[Attempt]:
    return (
        Attempt.objects.select_related("quiz", "quiz__briefing")
        # The quiz pages name and link the briefing; its article is not read.
        .defer(
            "quiz__briefing__body_html",
            "quiz__briefing__appendix_html",
            "quiz__briefing__trailer",
        )
        .filter(pk=attempt_id, user_id=user_id)
        .order_by()
    )


def _states(attempt_id: int) -> QuerySet[Response, tuple[Any, ...]]:
    # Rows as tuples: a question page reads a dozen, and model instances cost more.
    return (
        Response.objects.filter(attempt_id=attempt_id)
        .order_by("position")
        .values_list(
            "position",
            "answer",
            "flagged",
            "checked_at",
            "score",
            "answer_key",
            "question__kind",
            "question__stem",
        )
    )


# Every question page and answer save reads these: built once per connection
# (see config.prepared).
_user_attempt = PreparedQuery(_attempt_with_quiz, attempt_id=int, user_id=int)
_response_at = PreparedQuery(
    lambda attempt_id, position: (
        Response.objects.select_related("question", "question__paragraph")
        .filter(attempt_id=attempt_id, position=position)
        .order_by()
    ),
    attempt_id=int,
    position=int,
)
_response_states = PreparedQuery(_states, attempt_id=int)


def get_user_attempt(*, user: User, attempt_id: int) -> Attempt:
    """Another trainee's attempt answers 404, exactly as a missing one."""
    attempt = _user_attempt.first(attempt_id=attempt_id, user_id=user.pk)
    if attempt is None:
        raise Http404("No attempt of yours has that number.")
    return attempt


def get_response(*, attempt: Attempt, position: int) -> Response:
    response = _response_at.first(attempt_id=attempt.pk, position=position)
    if response is None:
        raise Http404("This attempt has no question at that position.")
    return response


def response_states(*, attempt: Attempt) -> list[dict[str, object]]:
    """Each question's position, stem and state: one query for the navigator and summary.

    ``result`` is "" until a practice answer is checked, then "right",
    "partly" or "wrong" by its grade before any penalty for extra tries.
    """
    rows = _response_states.all(attempt_id=attempt.pk)
    states: list[dict[str, object]] = []
    for position, answer, flagged, checked_at, score, answer_key, kind, stem in rows:
        answered = answer_given(answer)
        result = ""
        if checked_at is not None and answered:
            grade_ = grade(kind, options=(), correct=answer_key, response=answer)
            result = "right" if grade_ >= 0.999 else "partly" if grade_ > 0 else "wrong"
        states.append(
            {
                "position": position,
                "stem": stem,
                "answered": answered,
                "flagged": flagged,
                "result": result,
                "mark": (score or 0.0) if answered else 0.0,
                **_navigator_item(answered, flagged, result),
            }
        )
    return states


_RESULT_SYMBOLS = {"right": "✓", "partly": "½", "wrong": "✗"}


def _navigator_item(answered: bool, flagged: bool, result: str) -> dict[str, str]:
    """How the question map shows one question: its classes, symbol and spoken state."""
    classes = ["map-item"]
    if answered:
        classes.append("is-answered")
    if flagged:
        classes.append("is-flagged")
    if result:
        classes.append(f"is-{result}")
    if result == "right":
        spoken = gettext(", checked: right")
    elif result == "partly":
        spoken = gettext(", checked: partly right")
    elif result == "wrong":
        spoken = gettext(", checked: wrong")
    elif answered:
        spoken = gettext(", answered")
    else:
        spoken = gettext(", not answered")
    if flagged:
        spoken += gettext(", flagged")
    symbol = _RESULT_SYMBOLS.get(result, "")
    return {"classes": " ".join(classes), "symbol": symbol, "spoken": spoken}


def attempt_responses(*, attempt: Attempt) -> QuerySet[Response]:
    return (
        Response.objects.filter(attempt=attempt)
        .select_related("question", "question__paragraph")
        .order_by("position")
    )


REVISE_LIMIT = 12


def _revision_candidates(user_id: int) -> QuerySet[TermMastery]:
    return (
        TermMastery.objects.filter(user_id=user_id, wrong__gt=0)
        .select_related("term", "term__briefing")
        .order_by("-wrong", "right")[: REVISE_LIMIT * 2]
    )


# On My learning: built once per connection (see config.prepared).
_revision_candidates_of = PreparedQuery(_revision_candidates, user_id=int)


def terms_to_revise(*, user: User) -> list[TermMastery]:
    """Terms answered wrong at least once and right less than twice as often."""
    rows = _revision_candidates_of.all(user_id=user.pk)
    return [row for row in rows if row.right < 2 * row.wrong][:REVISE_LIMIT]


def briefing_quiz_cards(
    user: AbstractBaseUser | AnonymousUser, briefing: Briefing
) -> list[QuizCard]:
    """The quizzes on a briefing's page (a part registered with ``briefings.page_parts``)."""
    from django.contrib.auth.models import User

    return quiz_cards(user=user, briefing=briefing) if isinstance(user, User) else []
