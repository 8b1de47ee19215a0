from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from briefings.services import MAX_ARTICLE_BYTES, import_article, parse_source


def read_article_file(path: Path) -> bytes:
    """Read a file, refusing oversized ones before loading them into memory."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise CommandError(f"{path}: the file is over 5 MB ({size:,} bytes).")
        return path.read_bytes()
    except FileNotFoundError as error:
        raise CommandError(f"{path}: no such file.") from error
    except IsADirectoryError as error:
        raise CommandError(f"{path}: is a directory, not an article file.") from error
    except PermissionError as error:
        raise CommandError(f"{path}: permission denied.") from error


def validation_message(error: ValidationError) -> str:
    return " ".join(error.messages)


class Command(BaseCommand):
    help = "Import plain-text news articles as structured briefings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Article files (UTF-8 text).")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Re-import a file whose text changed since it was imported.",
        )
        parser.add_argument(
            "--approve",
            action="store_true",
            help="Approve the generated questions at once instead of leaving them for review.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Check every file before importing any, so one bad file in a batch
        # leaves the database as it was.
        files = [(path, read_article_file(path)) for path in options["paths"]]
        for path, data in files:
            try:
                parse_source(data=data, source_name=path.name)
            except ValidationError as error:
                raise CommandError(validation_message(error)) from error
        for path, data in files:
            started = time.perf_counter()
            try:
                outcome = import_article(
                    data=data,
                    source_name=path.name,
                    update=options["update"],
                    approve_questions=options["approve"],
                )
            except ValidationError as error:
                raise CommandError(validation_message(error)) from error
            elapsed = time.perf_counter() - started
            self.stdout.write(
                f"{path.name}: {outcome.action} “{outcome.briefing.title}” "
                f"(/briefings/{outcome.briefing.slug}/) in {elapsed:.2f}s"
            )
