"""Organisations and their members: the tenancy every other app is scoped by.

A trainee sees what is assigned to their cohorts; instructors and
organisation admins see their own organisation only. This app sits below
briefings, quizzes and cohorts and imports none of them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A customer that onboards its own trainees; owns cohorts and may own briefings."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table was made when the model lived in cohorts; keeping its name
        # moved the model without touching a row or a foreign key constraint.
        db_table = "cohorts_organisation"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        TRAINEE = "trainee", _("Trainee")
        INSTRUCTOR = "instructor", _("Instructor")
        ADMIN = "admin", _("Organisation admin")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=12, choices=Role, default=Role.TRAINEE)
    created_at = models.DateTimeField(auto_now_add=True)
    #: When the e-mail with a link to choose a password went to an account
    #: made by enrolment; empty until it is sent, so a send is never repeated
    #: by a retry or a second upload of the same file.
    invitation_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "cohorts_membership"  # see Organisation.Meta
        ordering = ["organisation", "user"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="membership_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} ({self.get_role_display()})"

    @property
    def is_staff_role(self) -> bool:
        return self.role in (self.Role.INSTRUCTOR, self.Role.ADMIN)
