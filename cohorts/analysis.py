"""Item analysis of a quiz, after Moodle's quiz statistics.

The formulas follow https://docs.moodle.org/dev/Quiz_statistics_calculations
and Moodle's own ``question/classes/statistics/questions/calculator.php``.
The caller chooses the attempts; item analysis assumes one attempt per
trainee, so pass first attempts unless there is a reason not to.

Notation, for an item i over S attempts s:

* ``x_i(s)`` is the item's mark (fraction x max mark), ``X(s)`` the attempt's
  total, and ``X_i(s) = X(s) - x_i(s)`` the *rest of the test*.
* ``V`` and ``C`` are sample variance and covariance (denominator S - 1).

Per item:

* facility index ``F_i = mean(x_i) / max_i``;
* standard deviation ``SD_i = sqrt(V(x_i)) / max_i``;
* discrimination index ``D_i = C(x_i, X_i) / sqrt(V(x_i) V(X_i))``, the
  Pearson correlation with the rest of the test. Moodle prints it as a
  percentage; here it is the fraction in [-1, 1];
* discriminative efficiency ``DE_i = C(x_i, X_i) / C_max(x_i, X_i)``, where
  ``C_max`` is the covariance obtained after sorting the item's marks and the
  rest-of-test scores independently into ascending order and pairing them
  off: the largest covariance any assignment of these item marks to these
  trainees could give. Sorting changes neither variance, so this equals
  ``D_i / r_max``, with ``r_max`` the correlation of the sorted pairs. It is at
  most 1 (again a fraction, not Moodle's percentage) and negative when the
  item runs against the rest of the test.

For the whole quiz: mean, median, sample standard deviation, skewness and
kurtosis of the totals (Moodle's k-statistics), and Cronbach's alpha,
``k / (k - 1) * (1 - sum V(x_i) / V(X))``.

Items are flagged (too hard, too easy, poor discrimination) only once they
have ``MIN_ATTEMPTS_TO_FLAG`` attempts.

A number that is undefined for the data (too few attempts, or a variance of
zero) is ``None``; nothing here divides by zero.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "MIN_ATTEMPTS_TO_FLAG",
    "POOR_DISCRIMINATION_BELOW",
    "TOO_EASY_ABOVE",
    "TOO_HARD_BELOW",
    "ItemFlag",
    "ItemStatistics",
    "QuizAnalysis",
    "QuizStatistics",
    "analyse_attempts",
]

TOO_HARD_BELOW = 0.2
TOO_EASY_ABOVE = 0.95
POOR_DISCRIMINATION_BELOW = 0.1
#: Below this many attempts one trainee's slip decides a facility or a
#: correlation, so an item is not flagged yet (its numbers are still shown).
MIN_ATTEMPTS_TO_FLAG = 5

# Variances below this are rounding noise from summing fractions such as 0.1,
# not spread between trainees; treating them as spread would turn noise into
# a correlation of +-1.
_ZERO_VARIANCE = 1e-12


class ItemFlag(StrEnum):
    """Why an item deserves an instructor's second look."""

    TOO_HARD = "too hard"
    TOO_EASY = "too easy"
    POOR_DISCRIMINATION = "poor discrimination"


@dataclass(frozen=True, slots=True)
class ItemStatistics[Q: Hashable]:
    """One question's statistics; fractions, not percentages."""

    question_id: Q
    max_mark: float
    facility: float | None
    standard_deviation: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    flags: tuple[ItemFlag, ...]


@dataclass(frozen=True, slots=True)
class QuizStatistics:
    """Statistics of attempt totals, in marks (``max_total`` is full marks)."""

    attempts: int
    items: int
    max_total: float
    mean: float | None
    median: float | None
    standard_deviation: float | None
    skewness: float | None
    kurtosis: float | None
    cronbach_alpha: float | None


@dataclass(frozen=True, slots=True)
class QuizAnalysis[Q: Hashable]:
    quiz: QuizStatistics
    items: tuple[ItemStatistics[Q], ...]


def analyse_attempts[Q: Hashable](
    attempts: Sequence[Mapping[Q, float]],
    *,
    max_marks: Mapping[Q, float] | None = None,
) -> QuizAnalysis[Q]:
    """Item and quiz statistics for ``attempts`` (question id -> mark fraction).

    The questions are those named in ``max_marks`` (in its order) followed by
    any others seen in the attempts (in order of first appearance). A question
    missing from an attempt scored 0 there. ``max_marks`` defaults to 1 per
    question. Raises ``ValueError`` for a fraction outside [0, 1] or a max
    mark that is not a positive number.
    """
    weights = dict(max_marks or {})
    for question_id, weight in weights.items():
        if not (math.isfinite(weight) and weight > 0):
            raise ValueError(f"max mark for {question_id!r} must be positive, got {weight!r}")
    questions = _question_order(attempts, weights)
    columns = {q: [_fraction(a, q) * weights.get(q, 1.0) for a in attempts] for q in questions}
    totals = [math.fsum(column[s] for column in columns.values()) for s in range(len(attempts))]
    items = tuple(_item_statistics(q, columns[q], totals, weights.get(q, 1.0)) for q in questions)
    quiz = _quiz_statistics(
        totals,
        item_variances=[_variance(columns[q]) for q in questions],
        max_total=math.fsum(weights.get(q, 1.0) for q in questions),
    )
    return QuizAnalysis(quiz=quiz, items=items)


def _question_order[Q: Hashable](
    attempts: Sequence[Mapping[Q, float]], weights: Mapping[Q, float]
) -> list[Q]:
    seen = dict.fromkeys(weights)
    for attempt in attempts:
        seen.update(dict.fromkeys(attempt))
    return list(seen)


def _fraction[Q: Hashable](attempt: Mapping[Q, float], question_id: Q) -> float:
    fraction = attempt.get(question_id, 0.0)
    if not (math.isfinite(fraction) and 0.0 <= fraction <= 1.0):
        raise ValueError(f"mark fraction for {question_id!r} must be in [0, 1], got {fraction!r}")
    return float(fraction)


def _item_statistics[Q: Hashable](
    question_id: Q, marks: Sequence[float], totals: Sequence[float], max_mark: float
) -> ItemStatistics[Q]:
    rest = [total - mark for total, mark in zip(totals, marks, strict=True)]
    facility = _mean(marks)
    variance = _variance(marks)
    discrimination = _discrimination_index(marks, rest)
    efficiency = _discriminative_efficiency(marks, rest)
    return ItemStatistics(
        question_id=question_id,
        max_mark=max_mark,
        facility=None if facility is None else facility / max_mark,
        standard_deviation=None if variance is None else math.sqrt(variance) / max_mark,
        discrimination_index=discrimination,
        discriminative_efficiency=efficiency,
        flags=_flags(None if facility is None else facility / max_mark, discrimination, len(marks)),
    )


def _discrimination_index(marks: Sequence[float], rest: Sequence[float]) -> float | None:
    """Pearson correlation of an item's marks with the rest of the test."""
    item_variance = _variance(marks)
    rest_variance = _variance(rest)
    covariance = _covariance(marks, rest)
    if item_variance is None or rest_variance is None or covariance is None:
        return None
    if not (_varies(marks) and _varies(rest)):
        return None
    # Rounding can push a perfect correlation a hair past 1.
    return _clamp(covariance / math.sqrt(item_variance * rest_variance), -1.0, 1.0)


def _discriminative_efficiency(marks: Sequence[float], rest: Sequence[float]) -> float | None:
    """C(x, X) over the covariance of the same values paired in sorted order."""
    if not (_varies(marks) and _varies(rest)):
        return None
    covariance = _covariance(marks, rest)
    best_covariance = _covariance(sorted(marks), sorted(rest))
    # Both vary, so the sorted pairing has a covariance above zero.
    if covariance is None or best_covariance is None or best_covariance <= 0:
        return None
    return min(covariance / best_covariance, 1.0)


def _flags(
    facility: float | None, discrimination: float | None, attempts: int
) -> tuple[ItemFlag, ...]:
    flags: list[ItemFlag] = []
    if attempts < MIN_ATTEMPTS_TO_FLAG:
        return ()
    if facility is not None and facility < TOO_HARD_BELOW:
        flags.append(ItemFlag.TOO_HARD)
    if facility is not None and facility > TOO_EASY_ABOVE:
        flags.append(ItemFlag.TOO_EASY)
    # An item nobody could be told apart on has no discrimination to judge.
    if discrimination is not None and discrimination < POOR_DISCRIMINATION_BELOW:
        flags.append(ItemFlag.POOR_DISCRIMINATION)
    return tuple(flags)


def _quiz_statistics(
    totals: Sequence[float], *, item_variances: Sequence[float | None], max_total: float
) -> QuizStatistics:
    count = len(totals)
    variance = _variance(totals)
    skewness, kurtosis = _skewness_and_kurtosis(totals)
    return QuizStatistics(
        attempts=count,
        items=len(item_variances),
        max_total=max_total,
        mean=_mean(totals),
        median=statistics.median(totals) if totals else None,
        standard_deviation=None if variance is None else math.sqrt(variance),
        skewness=skewness,
        kurtosis=kurtosis,
        cronbach_alpha=_cronbach_alpha(item_variances, variance),
    )


def _cronbach_alpha(
    item_variances: Sequence[float | None], total_variance: float | None
) -> float | None:
    k = len(item_variances)
    if k < 2 or total_variance is None or total_variance == 0:
        return None
    summed = math.fsum(v for v in item_variances if v is not None)
    return k / (k - 1) * (1 - summed / total_variance)


def _skewness_and_kurtosis(totals: Sequence[float]) -> tuple[float | None, float | None]:
    """Moodle's sample skewness (S > 2) and excess kurtosis (S > 3)."""
    s = len(totals)
    mean = _mean(totals)
    if s < 3 or mean is None:
        return None, None
    m2, m3, m4 = (math.fsum((t - mean) ** power for t in totals) / s for power in (2, 3, 4))
    k2 = s * m2 / (s - 1)
    if k2 <= _ZERO_VARIANCE:
        return None, None
    k3 = s * s * m3 / ((s - 1) * (s - 2))
    skewness = k3 / k2**1.5
    if s < 4:
        return skewness, None
    k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
    return skewness, k4 / (k2 * k2)


def _mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def _varies(values: Sequence[float]) -> bool:
    variance = _variance(values)
    return variance is not None and variance > 0


def _variance(values: Sequence[float]) -> float | None:
    """Sample variance (denominator n - 1), as Moodle uses; None below 2 values."""
    variance = _covariance(values, values)
    if variance is not None and variance <= _ZERO_VARIANCE:
        return 0.0
    return variance


def _covariance(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    x_mean, y_mean = _mean(xs), _mean(ys)
    if n < 2 or x_mean is None or y_mean is None:
        return None
    products = ((x - x_mean) * (y - y_mean) for x, y in zip(xs, ys, strict=True))
    return math.fsum(products) / (n - 1)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
