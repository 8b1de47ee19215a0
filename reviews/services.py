"""Writes: cards for missed facts, and ratings through FSRS."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from briefings.models import GlossaryTerm
from quizzes.models import Response
from reviews import scheduling, selectors
from reviews.models import CardState, ReviewLog
from reviews.selectors import CardNotFound

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

# A response earning less than this is a missed fact (the quizzes app counts
# a term as right from the same mark).
FULL_MARKS = 0.999


def add_fact_cards(*, attempt_id: int, now: datetime | None = None) -> int:
    """Give the trainee a card for each question answered wrongly in a submitted attempt.

    Idempotent: a fact that already has a card keeps its schedule, however
    often it is missed. Unanswered questions make no card: nothing was
    misremembered. Returns the number of new cards.
    """
    now = now or timezone.now()
    responses = Response.objects.filter(
        attempt_id=attempt_id, attempt__finished_at__isnull=False, score__lt=FULL_MARKS
    ).values_list("attempt__user_id", "question_id", "question__briefing_id", "answer")
    memory = scheduling.new_memory(now)
    cards = [
        CardState(
            user_id=user_id,
            kind=CardState.Kind.FACT,
            briefing_id=briefing_id,
            question_id=question_id,
            state=memory.state,
            step=memory.step,
            due=memory.due,
        )
        for user_id, question_id, briefing_id, answer in responses
        if answer and any(str(part).strip() for part in answer)
    ]
    if not cards:
        return 0
    with transaction.atomic():
        before = CardState.objects.filter(user_id=cards[0].user_id).count()
        CardState.objects.bulk_create(cards, ignore_conflicts=True)
        return CardState.objects.filter(user_id=cards[0].user_id).count() - before


@dataclass(frozen=True, slots=True)
class Rated:
    """What a rating did: ``card`` is None when it was refused as stale."""

    card: CardState | None
    rating: int

    @property
    def stale(self) -> bool:
        return self.card is None


def rate_card(
    *,
    user: AbstractBaseUser,
    key: str,
    rating: int,
    reps_seen: int,
    now: datetime | None = None,
) -> Rated:
    """Rate one of the trainee's cards, once.

    ``reps_seen`` is how many ratings the card had when the page showed it. A
    second submit, another tab's rating or a card not due yet changes nothing
    (the result says it was stale). Another trainee's card, or no card at all,
    raises ``CardNotFound``.
    """
    if rating not in ReviewLog.Rating.values:
        raise ValueError(f"Unknown rating {rating!r}.")
    kind, item_id = selectors.parse_key(key)
    now = now or timezone.now()
    with transaction.atomic():
        state = _locked_state(user, kind, item_id)
        if state is None:
            if kind != CardState.Kind.TERM or not selectors.is_new_term_card(
                user, term_id=item_id, now=now
            ):
                raise CardNotFound(key)
            _create_term_state(user, term_id=item_id, now=now)
            state = _locked_state(user, kind, item_id)
            if state is None:  # pragma: no cover - the row was just written
                raise CardNotFound(key)
        if state.reps != reps_seen or state.due > now:
            return Rated(card=None, rating=rating)
        before = state.state
        memory = scheduling.rate(
            scheduling.Memory(
                state=state.state,
                step=state.step,
                stability=state.stability,
                difficulty=state.difficulty,
                due=state.due,
                last_review=state.last_review,
            ),
            rating,
            now,
        )
        state.state, state.step = memory.state, memory.step
        state.stability, state.difficulty = memory.stability, memory.difficulty
        state.due, state.last_review = memory.due, memory.last_review
        state.reps += 1
        state.save(
            update_fields=["state", "step", "stability", "difficulty", "due", "last_review", "reps"]
        )
        ReviewLog.objects.create(
            card=state, rating=rating, reviewed_at=now, state_before=before, due_after=memory.due
        )
    return Rated(card=state, rating=rating)


def _locked_state(user: AbstractBaseUser, kind: str, item_id: int) -> CardState | None:
    field = "term_id" if kind == CardState.Kind.TERM else "question_id"
    return (
        CardState.objects.select_for_update()
        .filter(user_id=user.pk, kind=kind, **{field: item_id})
        .first()
    )


def _create_term_state(user: AbstractBaseUser, *, term_id: int, now: datetime) -> None:
    briefing_id = GlossaryTerm.objects.values_list("briefing_id", flat=True).get(pk=term_id)
    memory = scheduling.new_memory(now)
    # Two tabs rating the same new card at once: the second insert is ignored
    # and its rating then fails the ``reps_seen`` check.
    CardState.objects.bulk_create(
        [
            CardState(
                user_id=user.pk,
                kind=CardState.Kind.TERM,
                briefing_id=briefing_id,
                term_id=term_id,
                state=memory.state,
                step=memory.step,
                due=memory.due,
            )
        ],
        ignore_conflicts=True,
    )
