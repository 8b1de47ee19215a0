"""Cohorts of an organisation's trainees, their enrolments and assignments.

Every trainee- and instructor-facing query is scoped through these rows and
the organisations app's memberships: a trainee sees what is assigned to
their cohorts; instructors and organisation admins see their own
organisation only.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


class Cohort(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=200)
    start_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "-start_date", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="cohort_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Enrolment(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    enrolled_on = models.DateField(default=date.today)

    class Meta:
        ordering = ["cohort", "user"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="enrolment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort}"


class Assignment(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="assignments")
    quiz = models.ForeignKey("quizzes.Quiz", on_delete=models.CASCADE, related_name="assignments")
    opens_on = models.DateField(default=date.today)
    due_on = models.DateField(null=True, blank=True, help_text=_("A fixed due date…"))
    due_days_after_enrolment = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("…or a number of days after each trainee's enrolment.")
    )
    pass_mark = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Percent required; empty uses the quiz's pass mark.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cohort", "opens_on"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "quiz"], name="assignment_once"),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True) | Q(due_days_after_enrolment__isnull=True),
                name="assignment_one_kind_of_due_date",
            ),
            models.CheckConstraint(
                condition=Q(pass_mark__isnull=True) | Q(pass_mark__lte=100),
                name="assignment_pass_mark_percent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} → {self.cohort}"

    def due_for(self, enrolled_on: date) -> date | None:
        """The due date for a trainee who enrolled on ``enrolled_on``."""
        if self.due_on is not None:
            return self.due_on
        if self.due_days_after_enrolment is not None:
            return enrolled_on + timedelta(days=self.due_days_after_enrolment)
        return None

    def required_pass_mark(self) -> int:
        return self.pass_mark if self.pass_mark is not None else self.quiz.pass_mark


class Invitation(models.Model):
    """An offer of a place in a cohort to an account that is not yet a member.

    Enrolling an address whose account belongs to no organisation, or only to
    others, must not enrol it silently: the person is asked, and only on
    accepting do they become a trainee of the cohort's organisation. Their
    attempts taken under other organisations stay out of this one's reach
    either way (attempts carry the organisation they were taken under).
    """

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    #: The address as the instructor typed it, and the names they gave: the
    #: roster shows these, never the account's own details.
    email = models.EmailField()
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    #: When the invitation e-mail went out; empty until it is sent.
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cohort", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"],
                condition=Q(accepted_at__isnull=True, declined_at__isnull=True),
                name="invitation_pending_once",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(declined_at__isnull=True),
                name="invitation_accepted_or_declined",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.cohort}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("invitations:respond", kwargs={"token": self.token})

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.declined_at is None


class EnrolmentUpload(models.Model):
    """A CSV file of trainees for a cohort, enrolled by a background task.

    The row counts and the problems found (by line number) are what the
    cohort's pages show while the task runs and after it ends.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Enrolling")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Nothing enrolled")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="uploads")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    filename = models.CharField(max_length=255, blank=True)
    #: The file as uploaded, kept only until it has been read.
    data = models.BinaryField(blank=True)
    sha256 = models.CharField(max_length=64)
    site_url = models.CharField(max_length=200)
    #: The uploader's language, which the problems and e-mails are written in.
    language = models.CharField(max_length=15, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    #: [line, reason] pairs; any problem in the file means nothing is enrolled.
    problems = models.JSONField(default=list, blank=True)
    addresses = models.PositiveIntegerField(default=0)
    emails_queued = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cohort", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rows_done__lte=models.F("rows_total")),
                name="enrolment_upload_done_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename or 'CSV upload'} → {self.cohort} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent_done(self) -> int:
        return 100 * self.rows_done // self.rows_total if self.rows_total else 0


class GradeOverride(models.Model):
    """An instructor's grade for one trainee on one assignment, with the reason."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="grade_overrides"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grade_overrides"
    )
    percent = models.PositiveIntegerField()
    reason = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["assignment", "user"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "user"], name="grade_override_once"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="grade_override_percent"),
            models.CheckConstraint(condition=~Q(reason=""), name="grade_override_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.assignment}: {self.percent}%"
