"""Question banks, quizzes, attempts and learner progress.

Learner state is data: an attempt stores its drawn question and option order,
each response stores its grade and the question version it answered, and
progress rows are updated when an attempt finishes, never recomputed per page.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from quizzes.kinds import TYPES
from quizzes.text.question import QUESTION_KINDS


class Question(models.Model):
    class Kind(models.TextChoices):
        # Each type's label lives with the type, in quizzes.kinds.
        SINGLE_CHOICE = "single_choice", TYPES["single_choice"].label
        MULTIPLE_RESPONSE = "multiple_response", TYPES["multiple_response"].label
        TRUE_FALSE = "true_false", TYPES["true_false"].label
        CLOZE = "cloze", TYPES["cloze"].label
        MATCHING = "matching", TYPES["matching"].label
        ORDERING = "ordering", TYPES["ordering"].label

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Origin(models.TextChoices):
        GENERATED = "generated", _("Generated from the text")
        INSTRUCTOR = "instructor", _("Written by an instructor")

    briefing = models.ForeignKey(
        "briefings.Briefing", on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    origin = models.CharField(max_length=12, choices=Origin, default=Origin.INSTRUCTOR)
    stem = models.TextField()
    options = models.JSONField(
        default=list,
        blank=True,
        help_text=_(
            "Choices shown, one string each. Matching: the right-hand items. "
            "Ordering: the items in their correct order. Cloze: leave empty."
        ),
    )
    prompts = models.JSONField(
        default=list, blank=True, help_text=_("Matching only: the left-hand items.")
    )
    correct = models.JSONField(
        default=list,
        help_text=_(
            "Correct option(s). Cloze: every accepted answer. Matching: the right-hand "
            "item for each prompt, in prompt order. Ordering: the items in order."
        ),
    )
    explanation = models.TextField(blank=True, help_text=_("The source sentence that answers it."))
    paragraph = models.ForeignKey(
        "briefings.Paragraph",
        on_delete=models.PROTECT,
        related_name="questions",
        help_text=_("The paragraph that answers the question."),
    )
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    difficulty = models.FloatField(default=0.5)
    terms = models.JSONField(default=list, blank=True, help_text=_("Glossary terms it exercises."))
    citations = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text=_("Every sentence the question uses: paragraph number, offsets and text."),
    )
    facts = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text=_(
            "Fingerprints of the facts it rests on; questions sharing one never share a quiz."
        ),
    )
    key_forms = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text=_("Every way the text writes its answer; a question printing one gives it away."),
    )
    importance = models.FloatField(
        default=0.0,
        help_text=_("How much its facts matter to the story (0–1); quizzes draw from the top."),
    )
    key = models.CharField(
        max_length=200, blank=True, help_text=_("What is asked; one question per key.")
    )
    generator_version = models.CharField(max_length=20, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    edited = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["briefing", "paragraph__number", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["briefing", "key"], name="question_key_unique"),
            models.CheckConstraint(
                condition=Q(difficulty__gte=0) & Q(difficulty__lte=1),
                name="question_difficulty_range",
            ),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="question_span"),
            models.CheckConstraint(
                condition=Q(kind__in=QUESTION_KINDS), name="question_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.stem[:80]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_citations()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        """Each type's answer must fit its options (see quizzes.kinds); errors name the field."""
        errors: dict[str, str] = {}
        options = [str(o) for o in self.options or []]
        correct = [str(c) for c in self.correct or []]
        prompts = [str(p) for p in self.prompts or []]
        if not self.stem.strip():
            errors["stem"] = "Write the question."
        if not correct:
            errors["correct"] = "Give the correct answer."
        elif len(set(options)) != len(options):
            errors["options"] = "Each option must be different."
        elif (question_type := TYPES.get(self.kind)) is not None:
            errors.update(question_type.validate(options=options, correct=correct, prompts=prompts))
        if self.paragraph_id is not None and self.end > 0:
            length = len(self.paragraph.text)
            if self.end > length:
                errors["end"] = f"The paragraph has only {length} characters."
        if errors:
            raise ValidationError(errors)

    def record_instructor_edit(self) -> None:
        """Mark a change by an instructor: regeneration will not touch it again."""
        if not self.key:
            digest = hashlib.sha256(" ".join(self.stem.casefold().split()).encode()).hexdigest()
            self.key = f"instructor:{digest[:24]}"
        if self.pk is not None:
            self.version += 1
        self.edited = True

    @property
    def source_sentence(self) -> str:
        return self.paragraph.text[self.start : self.end]

    def cited(self) -> list[tuple[int, int, int]]:
        """(paragraph number, start, end) of each cited sentence, as stored at save time."""
        return [(int(c["paragraph"]), int(c["start"]), int(c["end"])) for c in self.citations]

    def refresh_citations(self) -> None:
        """Keep the first citation in step with ``paragraph``/``start``/``end``.

        Generated questions arrive with every sentence they use; a question an
        instructor writes, or re-points at another span, cites that span first.
        """
        if self.paragraph_id is None:
            return
        paragraph = self.paragraph
        span = (paragraph.number, self.start, self.end)
        citations = list(self.citations or [])
        if citations and self.cited()[0] == span:
            return
        text = paragraph.text[self.start : self.end] if self.end else paragraph.text
        first = {"paragraph": span[0], "start": span[1], "end": span[2], "text": text}
        self.citations = [first, *citations[1:]]


class Quiz(models.Model):
    class Mode(models.TextChoices):
        PRACTICE = "practice", _("Practice: feedback after each question")
        ASSESSMENT = "assessment", _("Assessment: feedback after submission")

    class Grading(models.TextChoices):
        HIGHEST = "highest", _("Highest attempt")
        LAST = "last", _("Last attempt")
        FIRST = "first", _("First attempt")
        AVERAGE = "average", _("Average of attempts")

    briefing = models.ForeignKey(
        "briefings.Briefing", on_delete=models.CASCADE, related_name="quizzes"
    )
    title = models.CharField(max_length=300)
    is_default = models.BooleanField(default=False)
    mode = models.CharField(max_length=12, choices=Mode, default=Mode.PRACTICE)
    question_count = models.PositiveIntegerField(
        default=0, help_text=_("Questions drawn from the approved bank; 0 for the whole bank.")
    )
    questions_per_type = models.PositiveIntegerField(
        default=0, help_text=_("If set, draw this many of each question type instead.")
    )
    shuffle_questions = models.BooleanField(default=True)
    shuffle_options = models.BooleanField(default=True)
    time_limit_minutes = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Leave empty for no time limit.")
    )
    attempts_allowed = models.PositiveIntegerField(default=0, help_text=_("0 for unlimited."))
    pass_mark = models.PositiveIntegerField(default=70, help_text=_("Percent needed to pass."))
    grading_method = models.CharField(max_length=10, choices=Grading, default=Grading.HIGHEST)
    review_show_answers = models.BooleanField(
        default=True, help_text=_("Trainees may see their own answers afterwards.")
    )
    review_show_correct = models.BooleanField(
        default=True, help_text=_("Trainees may see the correct answers afterwards.")
    )
    review_show_explanations = models.BooleanField(
        default=True, help_text=_("Trainees may see the source sentences afterwards.")
    )
    tries_allowed = models.PositiveIntegerField(
        default=1,
        help_text=_("Practice: how many times a trainee may check an answer before it is final."),
    )
    try_penalty = models.PositiveIntegerField(
        default=0,
        help_text=_("Practice: percent of the question's mark lost for each try after the first."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["briefing", "title"]
        verbose_name_plural = _("quizzes")
        constraints = [
            models.UniqueConstraint(
                fields=["briefing"], condition=Q(is_default=True), name="one_default_quiz"
            ),
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="quiz_pass_mark_percent"),
            models.CheckConstraint(
                condition=Q(tries_allowed__gte=1), name="quiz_tries_at_least_one"
            ),
            models.CheckConstraint(
                condition=Q(try_penalty__lte=100), name="quiz_try_penalty_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:start", kwargs={"quiz_id": self.pk})

    def attempt_limit(self, extra_attempts: int = 0) -> int:
        """Attempts a trainee may make, with ``extra_attempts`` granted to them; 0 is unlimited."""
        return self.attempts_allowed + extra_attempts if self.attempts_allowed else 0


class Attempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attempts",
        help_text=_(
            "The organisation whose assignment it was taken under; empty for personal "
            "practice. Only that organisation's staff see it."
        ),
    )
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True, help_text=_("Fraction of marks, 0 to 1."))
    passed = models.BooleanField(null=True, blank=True)
    expired = models.BooleanField(default=False, help_text=_("Finished by its time limit."))
    current_position = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(finished_at__isnull=True),
                name="one_open_attempt_per_quiz",
            ),
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="attempt_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.quiz} · attempt {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("quizzes:question", kwargs={"attempt_id": self.pk, "position": 1})

    @property
    def is_open(self) -> bool:
        return self.finished_at is None


def answer_given(answer: list[Any] | None) -> bool:
    """Whether a stored answer holds anything: a blank gap or no choice is no answer."""
    return any(str(part).strip() for part in answer or ())


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="responses")
    position = models.PositiveIntegerField()
    option_order = models.JSONField(default=list, help_text=_("Options as shown, in order."))
    prompt_order = models.JSONField(default=list)
    answer = models.JSONField(default=list, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    flagged = models.BooleanField(default=False)
    checked_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("Practice mode: when feedback was shown (answer locked)."),
    )
    score = models.FloatField(null=True, blank=True)
    question_version = models.PositiveIntegerField(default=1)
    answer_key = models.JSONField(
        default=list, help_text=_("The correct answer(s) of the version answered.")
    )
    revision = models.PositiveIntegerField(default=0)
    tries = models.PositiveIntegerField(
        default=0, help_text=_("Practice: how many times the answer was checked.")
    )

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="response_once"),
            models.UniqueConstraint(fields=["attempt", "position"], name="response_position"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt} · question {self.position}"

    @property
    def is_answered(self) -> bool:
        return answer_given(self.answer)


class AttemptAllowance(models.Model):
    """Attempts granted to one trainee on one quiz beyond the quiz's own limit."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempt_allowances"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="allowances")
    extra_attempts = models.PositiveIntegerField(default=1)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz"], name="allowance_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: +{self.extra_attempts} on {self.quiz}"


class TimeAccommodation(models.Model):
    """Extra time for one trainee, on one quiz or on every quiz."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="time_accommodations"
    )
    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, null=True, blank=True, related_name="accommodations"
    )
    multiplier = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=1.5,
        help_text=_("1.5 gives half as much time again."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz"], name="accommodation_unique"),
            models.CheckConstraint(
                condition=Q(multiplier__gte=1) & Q(multiplier__lte=10),
                name="accommodation_multiplier_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: ×{self.multiplier}"


class BriefingProgress(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="briefing_progress"
    )
    briefing = models.ForeignKey(
        "briefings.Briefing", on_delete=models.CASCADE, related_name="progress"
    )
    status = models.CharField(max_length=12, choices=Status, default=Status.NOT_STARTED)
    best_score = models.FloatField(null=True, blank=True)
    last_score = models.FloatField(null=True, blank=True)
    grade = models.FloatField(null=True, blank=True, help_text=_("By the quiz's grading method."))
    attempts_used = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = _("briefing progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "briefing"], name="progress_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.briefing}: {self.get_status_display()}"


class TermMastery(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="term_mastery"
    )
    term = models.ForeignKey(
        "briefings.GlossaryTerm", on_delete=models.CASCADE, related_name="mastery"
    )
    right = models.PositiveIntegerField(default=0)
    wrong = models.PositiveIntegerField(default=0)
    last_answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = _("term mastery")
        constraints = [
            models.UniqueConstraint(fields=["user", "term"], name="mastery_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.term.term}: {self.right}/{self.right + self.wrong}"

    @property
    def ratio(self) -> float:
        total = self.right + self.wrong
        return self.right / total if total else 0.0
