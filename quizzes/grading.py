"""Scoring one response to one question, as a fraction in [0, 1].

Plain Python (no Django), so the rules can be read and tested on their own.
``response`` is always a sequence of strings; what it holds depends on the
question type, and so does the rule: each type's module in
:mod:`quizzes.kinds` states and applies its own (for example, partial
credit for multiple response, adjacent pairs for ordering).

Practice quizzes may allow several tries: :func:`penalised` takes the
quiz's penalty off the grade for each try after the first.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizzes.kinds import type_of

__all__ = ["grade", "is_complete_response", "penalised"]


def grade(
    kind: str,
    *,
    options: Sequence[str],
    correct: Sequence[str],
    response: Sequence[str],
    prompts: Sequence[str] = (),
) -> float:
    """Score ``response`` to a question of type ``kind``, in [0, 1].

    ``options`` and ``prompts`` are accepted so every caller passes the
    whole question; the score does not depend on the order options were
    shown in.

    Raises ``ValueError`` for an unknown question type.
    """
    del options, prompts  # Scores depend only on what is correct and what was given.
    return type_of(kind).grade(correct, response)


def is_complete_response(kind: str, response: Sequence[str], prompts: Sequence[str] = ()) -> bool:
    """Whether ``response`` answers every part of the question, by its type's rule.

    For example one option for single choice, a choice for every prompt for
    matching, a full order with no blanks or repeats for ordering.
    """
    return type_of(kind).is_complete(response, prompts)


def penalised(score: float, *, tries: int, penalty_percent: float) -> float:
    """``score`` earned on the ``tries``-th try, less ``penalty_percent`` per extra try.

    score × (1 − penalty × (tries − 1)), never below 0: with a 25% penalty a
    right answer on the second try earns 0.75, on the fifth nothing.
    """
    extra = max(0, tries - 1)
    return max(0.0, score * (1.0 - penalty_percent / 100.0 * extra))
