"""What the commands that write a briefing's approved question bank share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from briefings.models import Briefing
from quizzes.models import Question


class BankExportCommand(BaseCommand):
    """Writes one briefing's approved bank, to a file or to standard output."""

    #: Turns a briefing into the text of the export; set by each command.
    render: Callable[[Briefing], str]

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
        text = type(self).render(briefing)
        if options["output"]:
            options["output"].write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text, ending="" if text.endswith("\n") else "\n")
