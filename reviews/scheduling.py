"""The FSRS scheduler every card is rated with, and its translation to our rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

# One short step before a card graduates: the trainee has read the article,
# so "Good" on a first sight means known for days, while "Again" brings the
# card back within the same sitting. Relearning a lapse takes one step too.
SCHEDULER = Scheduler(
    learning_steps=(timedelta(minutes=10),),
    relearning_steps=(timedelta(minutes=10),),
)

# A term counts as learned once FSRS expects it to be recalled, nine times in
# ten, three weeks after its last review (stability is that span, in days).
# Three weeks is Anki's "mature" mark, and outlasts any fuzz of a first
# interval, so one lucky "Easy" does not count.
LEARNED_STABILITY_DAYS = 21.0


@dataclass(frozen=True, slots=True)
class Memory:
    """The part of a card's row FSRS reads and writes."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None


def new_memory(now: datetime) -> Memory:
    """A card never rated: learning, first step, due at once."""
    return Memory(
        state=State.Learning.value,
        step=0,
        stability=None,
        difficulty=None,
        due=now,
        last_review=None,
    )


def rate(memory: Memory, rating: int, now: datetime) -> Memory:
    """The memory after ``rating`` (1 Again … 4 Easy) given at ``now``."""
    card = Card(
        card_id=1,  # unused by the scheduler; passing it skips the package's id clock
        state=State(memory.state),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=memory.due.astimezone(UTC),
        last_review=memory.last_review.astimezone(UTC) if memory.last_review else None,
    )
    after, _log = SCHEDULER.review_card(card, Rating(rating), review_datetime=now.astimezone(UTC))
    return Memory(
        state=after.state.value,
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        due=after.due,
        last_review=after.last_review,
    )
