from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from briefings.export import briefing_as_dict
from briefings.selectors import briefing_export_queryset


class Command(BaseCommand):
    help = "Print a briefing as JSON (schema in README.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")

    def handle(self, *args: Any, **options: Any) -> None:
        briefing = briefing_export_queryset().filter(slug=options["slug"]).first()
        if briefing is None:
            raise CommandError(f"No briefing has the slug “{options['slug']}”.")
        self.stdout.write(json.dumps(briefing_as_dict(briefing), ensure_ascii=False, indent=2))
