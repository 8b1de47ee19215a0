from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from briefings.models import Briefing
from quizzes.bank_import import MAX_FILE_BYTES, import_questions


class Command(BaseCommand):
    help = (
        "Add the questions of a GIFT or Moodle XML file to a briefing's bank as hand-written "
        "drafts; nothing is added if any question is bad."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("file", type=Path)
        parser.add_argument("--approve", action="store_true", help="Approve them at once.")

    def handle(self, *args: Any, **options: Any) -> None:
        briefing = Briefing.objects.filter(slug=options["slug"]).first()
        if briefing is None:
            raise CommandError(f"No briefing has the slug “{options['slug']}”.")
        path: Path = options["file"]
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None
        try:
            outcome = import_questions(
                briefing=briefing, data=data, name=path.name, approve=options["approve"]
            )
        except ValidationError as error:
            raise CommandError(f"{path}: " + "; ".join(error.messages)) from None
        self.stdout.write(
            f"{path}: {outcome.created} questions imported from {outcome.format_name}, "
            f"{outcome.skipped} already in the bank, {outcome.unplaced} not found in the text"
        )
