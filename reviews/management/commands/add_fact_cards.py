"""Cards for wrong answers in attempts submitted before spaced review existed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from quizzes.models import Attempt
from reviews.services import add_fact_cards


class Command(BaseCommand):
    help = (
        "Give every trainee a review card for each question answered wrongly in a submitted "
        "attempt. Running it again adds nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        finished = Attempt.objects.filter(finished_at__isnull=False).order_by("pk")
        added = sum(
            add_fact_cards(attempt_id=pk, now=when)
            for pk, when in finished.values_list("pk", "finished_at").iterator()
        )
        self.stdout.write(f"{added} card{'' if added == 1 else 's'} added.")
