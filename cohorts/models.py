from __future__ import annotations

from django.db import models


class Organisation(models.Model):
    """A customer that onboards its own trainees; owns cohorts and may own briefings."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
