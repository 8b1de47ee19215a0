from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from briefings.models import Briefing
from cohorts.demo import DEMO_SLUG, create_demo
from quizzes.models import Question

_TOUR = (
    "Authoring: the instructor edits the demo organisation's own copy of the briefing "
    "(and its question bank) in /admin/; the shared seed briefing is the platform admin's."
)


class Command(BaseCommand):
    help = "Create a demo organisation with logins and finished attempts (DEBUG only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo data is for development only: set DJANGO_DEBUG=1.")
        # The demo trainees take the quiz, so its bank must have approved questions.
        # The platform's shared seed; the demo organisation gets its own copy.
        briefing = (
            Briefing.objects.filter(organisation__isnull=True, quizzes__is_default=True)
            .filter(questions__status=Question.Status.APPROVED)
            .order_by("pk")
            .first()
        )
        if briefing is None:
            raise CommandError(
                "Load a briefing with approved questions first (manage.py load_seeds)."
            )
        logins = create_demo(briefing=briefing)
        if not logins:
            self.stdout.write(
                f"Demo organisation “{DEMO_SLUG}” already exists; its logins were printed when "
                "it was created. Reset a password with: manage.py changepassword USERNAME"
            )
            self.stdout.write(_TOUR)
            return
        self.stdout.write(self.style.SUCCESS("Demo logins (shown once, keep them):"))
        for login in logins:
            self.stdout.write(f"  {login.role:<36} {login.username:<28} {login.password}")
        self.stdout.write(_TOUR)
