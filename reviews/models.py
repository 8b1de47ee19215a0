"""Review cards and each trainee's schedule for them.

A card is a glossary term of a briefing assigned to the trainee, or a fact
behind a question they answered wrongly. ``CardState`` holds one trainee's
FSRS memory state for one card; ``ReviewLog`` keeps every rating given.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CardState(models.Model):
    """One trainee's schedule for one card: FSRS's memory state, stored as data.

    A missed fact gets its row when the attempt is submitted. A glossary term
    gets its row at its first rating: until then it is a new card (due at
    once, no memory state), found from the trainee's assignments, so no
    enrolment path has to write rows for every term of every briefing.
    """

    class Kind(models.TextChoices):
        TERM = "term", _("Glossary term")
        FACT = "fact", _("Missed fact")

    class State(models.IntegerChoices):
        # The values of fsrs.State.
        LEARNING = 1, _("Learning")
        REVIEW = 2, _("Review")
        RELEARNING = 3, _("Relearning")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_states"
    )
    kind = models.CharField(max_length=4, choices=Kind)
    briefing = models.ForeignKey(
        "briefings.Briefing", on_delete=models.CASCADE, related_name="card_states"
    )
    term = models.ForeignKey(
        "briefings.GlossaryTerm",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="card_states",
    )
    question = models.ForeignKey(
        "quizzes.Question",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="card_states",
    )
    state = models.PositiveSmallIntegerField(choices=State, default=State.LEARNING)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True, help_text=_("Days."))
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(
        default=0, help_text=_("Ratings given; a rating sent for an older count is ignored.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "due"], name="card_state_user_due"),
            models.Index(fields=["user", "briefing", "kind"], name="card_state_user_briefing"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "term"], condition=Q(term__isnull=False), name="card_term_once"
            ),
            models.UniqueConstraint(
                fields=["user", "question"],
                condition=Q(question__isnull=False),
                name="card_fact_once",
            ),
            models.CheckConstraint(
                condition=(Q(kind="term", term__isnull=False, question__isnull=True))
                | Q(kind="fact", question__isnull=False, term__isnull=True),
                name="card_kind_matches_item",
            ),
        ]

    def __str__(self) -> str:
        item = self.term_id if self.kind == self.Kind.TERM else self.question_id
        return f"{self.user} · {self.kind} {item} · due {self.due:%Y-%m-%d %H:%M}"

    @property
    def key(self) -> str:
        """The card's name in forms and addresses, e.g. ``term:12``."""
        return f"{self.kind}:{self.term_id if self.kind == self.Kind.TERM else self.question_id}"


class ReviewLog(models.Model):
    class Rating(models.IntegerChoices):
        # The values of fsrs.Rating.
        AGAIN = 1, _("Again")
        HARD = 2, _("Hard")
        GOOD = 3, _("Good")
        EASY = 4, _("Easy")

    card = models.ForeignKey(CardState, on_delete=models.CASCADE, related_name="logs")
    rating = models.PositiveSmallIntegerField(choices=Rating)
    reviewed_at = models.DateTimeField()
    state_before = models.PositiveSmallIntegerField(choices=CardState.State)
    due_after = models.DateTimeField()

    class Meta:
        ordering = ["card", "reviewed_at"]
        indexes = [models.Index(fields=["rating", "card"], name="review_log_rating")]

    def __str__(self) -> str:
        return f"{self.card} · {self.get_rating_display()} at {self.reviewed_at:%Y-%m-%d %H:%M}"
