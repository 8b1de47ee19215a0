"""Ordering: dated events, earliest first, when the text makes their order certain."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefings.text.lexicon import word_set
from quizzes.text.facts import Fact, contains_date
from quizzes.text.generation.aspects import (
    chunks,
)
from quizzes.text.generation.drafts import (
    Draft,
    QuestionType,
    rate_difficulty,
)
from quizzes.text.generation.source import (
    Source,
    aspect_key,
    normalised,
    quote,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.55
_ORDERING_SIZES = range(3, 6)
_YEARLESS_WINDOW_DAYS = 92

_PERIODS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_DECADE_PERIODS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}


@dataclass(frozen=True, slots=True)
class _Period:
    """The stretch of time a written date stands for, as comparable numbers."""

    dated: bool
    first: int
    last: int


def _period(fact: Fact) -> _Period | None:
    """When the date could have been, from what it states; None if unorderable."""
    if fact.kind != "date" or fact.detail == "range":
        return None
    month, day, year = fact.month, fact.day, fact.year
    if fact.category == "decade" and year is not None:
        low, high = _DECADE_PERIODS.get(fact.detail, (0, 9))
        return _Period(True, (year + low) * 10000 + 101, (year + high) * 10000 + 1231)
    if year is not None:
        if month is None:
            return _Period(True, year * 10000 + 101, year * 10000 + 1231)
        first_day, last_day = (day, day) if day else _PERIODS.get(fact.detail, (1, 31))
        return _Period(
            True, year * 10000 + month * 100 + first_day, year * 10000 + month * 100 + last_day
        )
    if month is None:
        return None
    first_day, last_day = (day, day) if day else _PERIODS.get(fact.detail, (1, 31))
    return _Period(False, month * 100 + first_day, month * 100 + last_day)


def _day_of_year(value: int) -> int:
    return (value // 100 - 1) * 31 + value % 100


_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n\u2019t\b|n't\b")
_UNCLEAR_OPENINGS = word_set(
    "it its he she they we i you who which that this these those there according"
)


def _orderable_label(label: str) -> bool:
    """An ordering item must say what happened, clearly, and not when.

    Labels are cut from sentences, so some are fragments: one that opens
    with a pronoun or a bare verb ("Published", "Who assumed office") or
    carries half a quotation is left out rather than shown.
    """
    words = label.split()
    if len(words) < 3 or contains_date(label) or re.search(r"\d{4}|[\"\u201c\u201d]", label):
        return False
    first = words[0].lower()
    # "X have not met since 2022" dates a silence, not an event.
    return not (first in _UNCLEAR_OPENINGS or first.endswith("ed") or _NEGATION.search(label))


def _chain(events: list[tuple[_Period, Fact]]) -> list[tuple[_Period, Fact]]:
    """The longest run of events, in order, whose periods do not overlap."""
    events = sorted(events, key=lambda e: (e[0].last, e[0].first))
    chain: list[tuple[_Period, Fact]] = []
    for event in events:
        if not chain or event[0].first > chain[-1][0].last:
            chain.append(event)
    return chain


def _yearless_window(events: list[tuple[_Period, Fact]]) -> list[tuple[_Period, Fact]]:
    """The largest set of yearless events within one three-month stretch."""
    events = sorted(events, key=lambda e: e[0].first)
    best: list[tuple[_Period, Fact]] = []
    for index, (period, _) in enumerate(events):
        window = [
            e
            for e in events[index:]
            if _day_of_year(e[0].last) - _day_of_year(period.first) <= _YEARLESS_WINDOW_DAYS
        ]
        if len(window) > len(best):
            best = window
    return best


def _ordering_questions(source: Source) -> Iterator[Draft]:
    dated: list[tuple[_Period, Fact]] = []
    yearless: list[tuple[_Period, Fact]] = []
    labels: set[str] = set()
    for fact in source.facts:
        period = _period(fact)
        if period is None or not _orderable_label(fact.subject):
            continue
        if normalised(fact.subject) in labels:
            continue
        labels.add(normalised(fact.subject))
        (dated if period.dated else yearless).append((period, fact))
    for chain in (_chain(_yearless_window(yearless)), _chain(dated)):
        for group in chunks([fact for _, fact in chain], _ORDERING_SIZES):
            items = tuple(f.subject for f in group)
            yield Draft(
                kind="ordering",
                stem="Put these events in the order in which they happened, earliest first.",
                options=items,
                correct=items,
                facts=tuple(group),
                key=aspect_key("ordering", *sorted(items)),
                difficulty=rate_difficulty(BASE_DIFFICULTY, items=len(items)),
                explanation=" ".join(quote(source.sentence(f)) for f in group),
            )


def _check(question: GeneratedQuestion) -> Iterator[str]:
    if (
        len(question.options) not in _ORDERING_SIZES
        or question.options != question.correct
        or len({normalised(o) for o in question.options}) != len(question.options)
    ):
        yield "ordering needs 3-5 distinct items"


TYPE = QuestionType(
    kind="ordering",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    collective=_ordering_questions,
)
