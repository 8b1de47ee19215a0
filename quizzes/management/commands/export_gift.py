from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from briefings.models import Briefing
from quizzes.export import approved_bank_as_gift
from quizzes.models import Question


class Command(BaseCommand):
    help = "Write a briefing's approved question bank in Moodle's GIFT format."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument(
            "--output", "-o", type=Path, help="File to write (default: standard output)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        briefing = Briefing.objects.filter(slug=options["slug"]).first()
        if briefing is None:
            raise CommandError(f"No briefing has the slug “{options['slug']}”.")
        if not briefing.questions.filter(status=Question.Status.APPROVED).exists():
            raise CommandError(f"“{briefing.title}” has no approved questions to export.")
        gift = approved_bank_as_gift(briefing)
        if options["output"]:
            options["output"].write_text(gift, encoding="utf-8")
            self.stdout.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(gift)
