"""What apps above briefings add to a briefing's page.

The quizzes app shows a briefing's quizzes on its page, but briefings may not
import quizzes; so quizzes registers a builder here from its
``AppConfig.ready``, and the page's view asks for every part by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from briefings.models import Briefing

    type Builder = Callable[[AbstractBaseUser | AnonymousUser, Briefing], Any]

_builders: dict[str, Builder] = {}


def register_detail_part(name: str, build: Builder) -> None:
    """Put ``build(user, briefing)`` in the briefing page's context as ``name``."""
    _builders[name] = build


def detail_parts(*, user: AbstractBaseUser | AnonymousUser, briefing: Briefing) -> dict[str, Any]:
    return {name: build(user, briefing) for name, build in _builders.items()}
