"""Who else may read a briefing: rules registered by the apps above briefings.

A trainee reads the briefings whose quizzes are assigned to their cohorts,
but briefings knows neither quizzes nor cohorts; the cohorts app registers
that rule here from its ``AppConfig.ready``. With no rule registered only
staff read briefings, so a missing rule hides briefings and never shows one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db.models import Q

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    type ReaderRule = Callable[[AbstractBaseUser | AnonymousUser], Q]

_rules: list[ReaderRule] = []


def register_reader_rule(rule: ReaderRule) -> None:
    """Add ``rule(user)``: a condition on briefings the signed-in ``user`` may read."""
    if rule not in _rules:
        _rules.append(rule)


def readable_by(user: AbstractBaseUser | AnonymousUser) -> Q:
    """Briefings some registered rule lets the signed-in ``user`` read."""
    condition = Q(pk__in=[])
    for rule in _rules:
        condition |= rule(user)
    return condition
