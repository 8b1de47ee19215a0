"""Reads: the trainee's next card, due counts, learned terms, and what a cohort forgets.

Every count here is one query, whatever the number of cards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from briefings.models import Briefing, GlossaryTerm
from cohorts.models import Cohort
from cohorts.selectors import trainee_assignments
from config.prepared import PreparedQuery
from reviews.cloze import make_cloze
from reviews.models import CardState, ReviewLog
from reviews.scheduling import LEARNED_STABILITY_DAYS

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser


class CardNotFound(Exception):
    """No such card among the trainee's own."""


def parse_key(key: str) -> tuple[str, int]:
    """``term:12`` → ("term", 12); anything else is no card of anyone's."""
    kind, _, number = key.partition(":")
    if kind not in CardState.Kind.values or not number.isdigit():
        raise CardNotFound(key)
    return kind, int(number)


def _assigned_briefing_ids(user: User | AnonymousUser, today: date) -> QuerySet[Any]:
    """Briefings of the trainee's open assignments, as a subquery."""
    return (
        trainee_assignments(user).filter(opens_on__lte=today).order_by().values("quiz__briefing_id")
    )


def new_term_cards(
    user: User, now: datetime, *, today: date | None = None
) -> QuerySet[GlossaryTerm]:
    """Defined terms of the trainee's assigned briefings that they have never rated."""
    rated = CardState.objects.filter(user_id=user.pk, term_id=OuterRef("pk"))
    today = today or timezone.localdate(now)
    return (
        GlossaryTerm.objects.filter(briefing_id__in=_assigned_briefing_ids(user, today))
        .exclude(expansion="")
        .exclude(Exists(rated))
    )


def is_new_term_card(user: User, *, term_id: int, now: datetime) -> bool:
    return new_term_cards(user, now).filter(pk=term_id).exists()


def _count(queryset: QuerySet[Any]) -> Subquery:
    """``SELECT COUNT(*)`` of ``queryset`` as a scalar subquery."""
    counted = queryset.order_by().annotate(n=Func(Value(1), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class DueCounts:
    reviews: int  # cards rated before and due again
    new: int  # terms never rated

    @property
    def total(self) -> int:
        return self.reviews + self.new


def due_counts(user: User | AnonymousUser, now: datetime | None = None) -> DueCounts:
    """Cards due now, in one query however many cards the trainee has."""
    if not user.is_authenticated:
        return DueCounts(0, 0)
    now = now or timezone.now()
    row = _due_counts.first(user_id=user.pk, now=now, today=timezone.localdate(now))
    return DueCounts(*row) if row else DueCounts(0, 0)


def _counts_due(user_id: int, now: datetime, today: date) -> QuerySet[Any, tuple[int, int]]:
    user = get_user_model()(pk=user_id)
    return (
        get_user_model()
        .objects.filter(pk=user_id)
        .values_list(
            _count(CardState.objects.filter(user_id=user_id, due__lte=now)),
            _count(new_term_cards(user, now, today=today)),
        )
    )


# On My learning and the review page: built once per connection (see config.prepared).
_due_counts: PreparedQuery[tuple[int, int]] = PreparedQuery(
    _counts_due, user_id=int, now=datetime, today=date
)


def next_due_at(user: User) -> datetime | None:
    """When the trainee's next card falls due (the empty state's date)."""
    return (
        CardState.objects.filter(user_id=user.pk)
        .order_by("due")
        .values_list("due", flat=True)
        .first()
    )


@dataclass(frozen=True, slots=True)
class LearnedTerms:
    learned: int
    total: int


def learned_terms(user: User | AnonymousUser, briefing: Briefing) -> LearnedTerms:
    """How many of the briefing's defined terms the trainee has learned, in one query.

    Learned: in FSRS's Review state with a stability of at least
    ``LEARNED_STABILITY_DAYS`` (see reviews.scheduling).
    """
    if not user.is_authenticated:
        return LearnedTerms(0, 0)
    learned = _terms_learned.all(user_id=user.pk, briefing_id=briefing.pk)
    return LearnedTerms(learned=sum(learned), total=len(learned))


def _term_learned(user_id: int, briefing_id: int) -> QuerySet[GlossaryTerm, bool]:
    learned = CardState.objects.filter(
        user_id=user_id,
        term_id=OuterRef("pk"),
        state=CardState.State.REVIEW,
        stability__gte=LEARNED_STABILITY_DAYS,
    )
    return (
        GlossaryTerm.objects.filter(briefing_id=briefing_id)
        .exclude(expansion="")
        .annotate(learned=Exists(learned))
        .order_by()
        .values_list("learned", flat=True)
    )


# On every briefing page: built once per connection (see config.prepared).
_terms_learned: PreparedQuery[bool] = PreparedQuery(_term_learned, user_id=int, briefing_id=int)


@dataclass(frozen=True, slots=True)
class ReviewCard:
    """One card as the review page shows it."""

    key: str
    kind: str
    reps: int
    briefing_title: str
    front: str
    #: The answer, as (before, highlighted, after); description_html beside it for terms.
    back: tuple[str, str, str]
    details_html: SafeString
    source_url: str
    source_label: str
    is_new: bool


def _term_card(term: GlossaryTerm, *, reps: int, is_new: bool) -> ReviewCard:
    paragraph = term.defined_in or term.first_used_in
    briefing_url = term.briefing.get_absolute_url()
    if paragraph is not None:
        url, label = f"{briefing_url}#{paragraph.anchor}", f"paragraph {paragraph.number}"
    else:
        url, label = f"{briefing_url}#{term.anchor}", "the glossary"
    return ReviewCard(
        key=f"{CardState.Kind.TERM}:{term.pk}",
        kind=CardState.Kind.TERM,
        reps=reps,
        briefing_title=term.briefing.title,
        front=term.term,
        back=("", term.expansion, ""),
        # Rendered and cleaned when the term was saved (briefings.rendering).
        details_html=mark_safe(term.description_html),  # noqa: S308
        source_url=url,
        source_label=label,
        is_new=is_new,
    )


def _fact_card(state: CardState) -> ReviewCard:
    question = state.question
    assert question is not None
    citation = (question.citations or [{}])[0]
    number = int(citation.get("paragraph") or question.paragraph.number)
    sentence = str(citation.get("text") or question.source_sentence)
    answers = [str(a) for a in [*(question.key_forms or []), *(question.correct or [])]]
    cloze = make_cloze(sentence, answers)
    if cloze is not None:
        front, back = cloze.front, (cloze.before, cloze.answer, cloze.after)
    else:
        front, back = question.stem, ("", sentence, "")
    return ReviewCard(
        key=state.key,
        kind=CardState.Kind.FACT,
        reps=state.reps,
        briefing_title=question.briefing.title,
        front=front,
        back=back,
        details_html=SafeString(""),
        source_url=f"{question.briefing.get_absolute_url()}#p{number}",
        source_label=f"paragraph {number}",
        is_new=state.reps == 0,
    )


def _state_card(state: CardState) -> ReviewCard:
    if state.kind == CardState.Kind.TERM:
        assert state.term is not None
        return _term_card(state.term, reps=state.reps, is_new=state.reps == 0)
    return _fact_card(state)


_STATE_RELATED = (
    "term__briefing",
    "term__defined_in",
    "term__first_used_in",
    "question__briefing",
    "question__paragraph",
)
_TERM_RELATED = ("briefing", "defined_in", "first_used_in")


def next_card(user: User, now: datetime | None = None) -> ReviewCard | None:
    """The card to show: the longest overdue first, then terms never seen, in text order.

    One query when a rated card is due, two otherwise.
    """
    now = now or timezone.now()
    state = (
        CardState.objects.filter(user_id=user.pk, due__lte=now)
        .select_related(*_STATE_RELATED)
        .order_by("due", "pk")
        .first()
    )
    if state is not None:
        return _state_card(state)
    term = (
        new_term_cards(user, now)
        .select_related(*_TERM_RELATED)
        .order_by("briefing_id", F("first_used_in__number").asc(nulls_last=True), "term")
        .first()
    )
    return _term_card(term, reps=0, is_new=True) if term is not None else None


def card_for(user: User, key: str, now: datetime | None = None) -> ReviewCard | None:
    """The trainee's card named ``key`` if it is due now; None otherwise (rated
    meanwhile, not theirs, or no such card)."""
    now = now or timezone.now()
    try:
        kind, item_id = parse_key(key)
    except CardNotFound:
        return None
    field = "term_id" if kind == CardState.Kind.TERM else "question_id"
    state = (
        CardState.objects.filter(user_id=user.pk, kind=kind, **{field: item_id})
        .select_related(*_STATE_RELATED)
        .first()
    )
    if state is not None:
        return _state_card(state) if state.due <= now else None
    if kind != CardState.Kind.TERM:
        return None
    term = new_term_cards(user, now).select_related(*_TERM_RELATED).filter(pk=item_id).first()
    return _term_card(term, reps=0, is_new=True) if term is not None else None


@dataclass(frozen=True, slots=True)
class ForgottenTerm:
    term: str
    expansion: str
    briefing_title: str
    again: int  # "Again" ratings
    trainees: int  # trainees who gave at least one


def forgotten_terms(cohort: Cohort, *, limit: int = 20) -> list[ForgottenTerm]:
    """The cohort's terms most often rated "Again", by its trainees, on its assigned briefings.

    Counts only: no trainee's own ratings are shown.
    """
    rows = (
        ReviewLog.objects.filter(
            rating=ReviewLog.Rating.AGAIN,
            card__kind=CardState.Kind.TERM,
            card__user__enrolments__cohort=cohort,
            card__briefing__quizzes__assignments__cohort=cohort,
        )
        .values(
            "card__term_id", "card__term__term", "card__term__expansion", "card__briefing__title"
        )
        .annotate(again=Count("pk", distinct=True), trainees=Count("card__user_id", distinct=True))
        .order_by("-again", "-trainees", "card__term__term")[:limit]
    )
    return [
        ForgottenTerm(
            term=row["card__term__term"],
            expansion=row["card__term__expansion"],
            briefing_title=row["card__briefing__title"],
            again=row["again"],
            trainees=row["trainees"],
        )
        for row in rows
    ]
