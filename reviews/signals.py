"""Cards for missed facts are written when an attempt is submitted."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from quizzes.models import Attempt
from reviews.services import add_fact_cards


@receiver(post_save, sender=Attempt, dispatch_uid="reviews.fact_cards_on_submit")
def fact_cards_on_submit(
    sender: type[Attempt], instance: Attempt, update_fields: frozenset[str] | None, **_: Any
) -> None:
    """Submitting writes ``finished_at``; the cards are written in the same
    transaction, so a submit and its cards are stored together or not at all."""
    if instance.finished_at is None or "finished_at" not in (update_fields or ()):
        return
    add_fact_cards(attempt_id=instance.pk)
