from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from briefings.services import MAX_ARTICLE_BYTES, import_article, preview_article


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
    help = (
        "Import news articles (plain text, Markdown, HTML pages or Word .docx) as structured "
        "briefings, and report what was understood of each."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", type=Path, help="Article files (.txt, .md, .html or .docx)."
        )
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
        parser.add_argument(
            "--organisation",
            metavar="SLUG",
            help="Store new briefings as this organisation's own (default: shared with all).",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Store new briefings as drafts, hidden from trainees until published.",
        )
        parser.add_argument(
            "--title",
            help="The article's title, for a text that has no title line (one file only).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["paths"]
        title: str | None = options["title"]
        if title is not None and not title.strip():
            raise CommandError("--title is empty.")
        if title is not None and len(paths) > 1:
            raise CommandError("--title names the title of one article: import one file with it.")
        organisation = None
        if options["organisation"]:
            from organisations.models import Organisation

            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with the slug “{options['organisation']}”.")
        # Check every file before importing any, so one bad file in a batch
        # leaves the database as it was.
        files = [(path, read_article_file(path)) for path in paths]
        for path, data in files:
            try:
                preview_article(data=data, source_name=path.name, title=title)
            except ValidationError as error:
                message = validation_message(error)
                if _needs_title(error):
                    message += " Give the title with --title."
                raise CommandError(message) from error
        try:
            with transaction.atomic():
                for path, data in files:
                    self._import(path, data, options, title=title, organisation=organisation)
        except ValidationError as error:
            raise CommandError(validation_message(error)) from error

    def _import(
        self,
        path: Path,
        data: bytes,
        options: dict[str, Any],
        *,
        title: str | None,
        organisation: Any,
    ) -> None:
        started = time.perf_counter()
        outcome = import_article(
            data=data,
            source_name=path.name,
            update=options["update"],
            approve_questions=options["approve"],
            organisation=organisation,
            draft=options["draft"],
            title=title,
        )
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{path.name}: {outcome.action} “{outcome.briefing.title}” "
            f"(/briefings/{outcome.briefing.slug}/) in {elapsed:.2f}s"
        )
        for line in outcome.report.lines():
            self.stdout.write(f"  {line}")


def _needs_title(error: ValidationError) -> bool:
    return any(
        getattr(item, "code", None) == "title_needed"
        for item in getattr(error, "error_dict", {}).get("source", [])
    )
