from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from briefings.management.commands.import_article import read_article_file, validation_message
from briefings.services import import_article


class Command(BaseCommand):
    help = "Import every article in seeds/ (idempotent: unchanged files are left alone)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--directory", type=Path, default=settings.BASE_DIR / "seeds")

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["directory"]
        paths = sorted(p for p in directory.glob("*.txt") if p.is_file())
        if not paths:
            raise CommandError(f"{directory}: no .txt articles to load.")
        for path in paths:
            try:
                outcome = import_article(
                    data=read_article_file(path),
                    source_name=path.name,
                    update=True,
                    approve_questions=True,
                )
            except ValidationError as error:
                raise CommandError(validation_message(error)) from error
            self.stdout.write(f"{path.name}: {outcome.action} “{outcome.briefing.title}”")
