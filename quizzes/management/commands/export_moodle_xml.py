from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from briefings.models import Briefing
from quizzes.export import approved_bank_as_moodle_xml
from quizzes.models import Question


class Command(BaseCommand):
    help = "Write a briefing's approved question bank in Moodle XML."

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
        xml = approved_bank_as_moodle_xml(briefing)
        if options["output"]:
            options["output"].write_text(xml, encoding="utf-8")
            self.stdout.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(xml, ending="")
