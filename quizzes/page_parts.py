"""What apps above quizzes add to the My learning page.

The cohorts app lists a trainee's pending invitations there, but quizzes may
not import cohorts; so cohorts registers a builder here from its
``AppConfig.ready``, and the page's view asks for every part by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    type Builder = Callable[[User], Any]

_builders: dict[str, Builder] = {}


def register_learning_part(name: str, build: Builder) -> None:
    """Put ``build(user)`` in My learning's context as ``name``."""
    _builders[name] = build


def learning_parts(*, user: User) -> dict[str, Any]:
    return {name: build(user) for name, build in _builders.items()}
