"""Scoring one response to one question, as a fraction in [0, 1].

Pure Python (no Django), so the rules can be read and tested on their own.
``response`` is always a sequence of strings; what it holds depends on the
question type.

* **single_choice**, **true_false** -- ``response`` holds the chosen option.
  Score 1 if it is the correct option, else 0. Choosing nothing, or more than
  one option, scores 0.
* **multiple_response** -- ``response`` holds the selected options
  (Moodle-style partial credit). Each correct option selected earns
  1/len(correct); each selected option that is not correct loses
  1/len(correct); the total is floored at 0. Selecting nothing scores 0, so
  does ticking every box when half the options are wrong. Selecting an
  option twice counts once.
* **cloze** -- ``response`` holds the typed text. Score 1 if it matches any
  accepted answer under :func:`quizzes.text.answers.answer_matches` (case,
  spacing, punctuation, thousands separators, units and month spellings are
  forgiven), else 0.
* **matching** -- ``response[i]`` is the item chosen for ``prompts[i]`` (""
  when unanswered). Score = prompts matched correctly / number of prompts.
* **ordering** -- ``response`` is the trainee's order of the items. Score =
  adjacent pairs in the trainee's order that are also adjacent, in that
  order, in the correct order, divided by (number of items - 1). So a list
  with one item moved scores most of the marks, and a reversed list scores 0.
  With fewer than two items the score is 1 for the right item, else 0.

Practice quizzes may allow several tries: :func:`penalised` takes the
quiz's penalty off the grade for each try after the first.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizzes.text.answers import answer_matches

__all__ = ["grade", "is_complete_response", "penalised"]


def _chosen(response: Sequence[str]) -> list[str]:
    return [item.strip() for item in response if item.strip()]


def _grade_single(correct: Sequence[str], response: Sequence[str]) -> float:
    chosen = _chosen(response)
    if len(chosen) != 1 or not correct:
        return 0.0
    return 1.0 if chosen[0] == correct[0].strip() else 0.0


def _grade_multiple(correct: Sequence[str], response: Sequence[str]) -> float:
    right = {item.strip() for item in correct}
    if not right:
        return 0.0
    selected = set(_chosen(response))
    step = 1.0 / len(right)
    earned = step * len(selected & right) - step * len(selected - right)
    return min(1.0, max(0.0, earned))


def _grade_cloze(correct: Sequence[str], response: Sequence[str]) -> float:
    typed = " ".join(_chosen(response))
    return 1.0 if answer_matches(typed, correct) else 0.0


def _grade_matching(correct: Sequence[str], response: Sequence[str]) -> float:
    if not correct:
        return 0.0
    hits = sum(
        1
        for index, wanted in enumerate(correct)
        if index < len(response) and response[index].strip() == wanted.strip()
    )
    return hits / len(correct)


def _grade_ordering(correct: Sequence[str], response: Sequence[str]) -> float:
    wanted = [item.strip() for item in correct]
    given = _chosen(response)
    if len(wanted) < 2:
        return 1.0 if given == wanted else 0.0
    correct_pairs = set(zip(wanted, wanted[1:], strict=False))
    hits = sum(1 for pair in zip(given, given[1:], strict=False) if pair in correct_pairs)
    return min(1.0, hits / (len(wanted) - 1))


def grade(
    kind: str,
    *,
    options: Sequence[str],
    correct: Sequence[str],
    response: Sequence[str],
    prompts: Sequence[str] = (),
) -> float:
    """Score ``response`` to a question of type ``kind``, in [0, 1].

    The rules for each type are in the module docstring. ``options`` and
    ``prompts`` are accepted so every caller passes the whole question; the
    score does not depend on the order options were shown in.

    Raises ``ValueError`` for an unknown question type.
    """
    del options, prompts  # Scores depend only on what is correct and what was given.
    if kind in ("single_choice", "true_false"):
        return _grade_single(correct, response)
    if kind == "multiple_response":
        return _grade_multiple(correct, response)
    if kind == "cloze":
        return _grade_cloze(correct, response)
    if kind == "matching":
        return _grade_matching(correct, response)
    if kind == "ordering":
        return _grade_ordering(correct, response)
    raise ValueError(f"Unknown question type: {kind!r}")


def is_complete_response(kind: str, response: Sequence[str], prompts: Sequence[str] = ()) -> bool:
    """Whether ``response`` answers every part of the question.

    One option for single choice and true/false; at least one option for
    multiple response; some text for cloze; a choice for every prompt for
    matching; a full order with no blanks or repeats for ordering.
    """
    chosen = _chosen(response)
    if kind in ("single_choice", "true_false"):
        return len(chosen) == 1
    if kind in ("multiple_response", "cloze"):
        return bool(chosen)
    if kind == "matching":
        return bool(prompts) and len(response) == len(prompts) and len(chosen) == len(prompts)
    if kind == "ordering":
        return bool(chosen) and len(chosen) == len(response) and len(set(chosen)) == len(chosen)
    raise ValueError(f"Unknown question type: {kind!r}")


def penalised(score: float, *, tries: int, penalty_percent: float) -> float:
    """``score`` earned on the ``tries``-th try, less ``penalty_percent`` per extra try.

    score × (1 − penalty × (tries − 1)), never below 0: with a 25% penalty a
    right answer on the second try earns 0.75, on the fifth nothing.
    """
    extra = max(0, tries - 1)
    return max(0.0, score * (1.0 - penalty_percent / 100.0 * extra))
