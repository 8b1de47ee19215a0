from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from briefings.models import Briefing
from quizzes.decks import briefing_deck


class Command(BaseCommand):
    help = "Write a briefing's glossary and the facts of its approved questions as an Anki deck."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("--output", "-o", type=Path, required=True, help="The .apkg to write.")
        parser.add_argument(
            "--site",
            default="http://127.0.0.1:8000",
            help="Address of the site, for the paragraph links on the cards.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        briefing = Briefing.objects.filter(slug=options["slug"]).first()
        if briefing is None:
            raise CommandError(f"No briefing has the slug “{options['slug']}”.")
        deck = briefing_deck(briefing, base_url=options["site"])
        options["output"].write_bytes(deck.data)
        self.stdout.write(
            f"Wrote {options['output']}: {deck.notes} notes "
            f"({deck.terms} glossary terms, {deck.facts} facts)"
        )
