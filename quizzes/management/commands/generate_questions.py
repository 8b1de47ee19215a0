from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from briefings.models import Briefing
from quizzes.services import ensure_default_quiz, generate_question_bank


class Command(BaseCommand):
    help = "Regenerate a briefing's question bank; reviewed and edited questions are kept."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("--approve", action="store_true", help="Approve new questions.")

    def handle(self, *args: Any, **options: Any) -> None:
        briefing = Briefing.objects.filter(slug=options["slug"]).first()
        if briefing is None:
            raise CommandError(f"No briefing has the slug “{options['slug']}”.")
        outcome = generate_question_bank(briefing=briefing, approve=options["approve"])
        ensure_default_quiz(briefing=briefing)
        self.stdout.write(
            f"{briefing.title}: {outcome.created} new, {outcome.refreshed} refreshed, "
            f"{outcome.kept} kept, {outcome.retired} retired."
        )
