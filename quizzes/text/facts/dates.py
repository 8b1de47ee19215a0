"""Date facts: when something happened, as the sentence writes it."""

from __future__ import annotations

import re

from quizzes.text.facts.model import Fact
from quizzes.text.facts.phrases import event_phrase
from quizzes.text.facts.written_dates import DateMatch, find_dates

_RANGE_JOIN = ("-", "\u2013", "and", "to")


def _is_range_end(sentence: str, dates: list[DateMatch], date: DateMatch) -> bool:
    """Whether ``date`` is one end of "between 2003 and 2008" or "May-June 2020"."""
    for other in dates:
        first, second = (other, date) if other.start < date.start else (date, other)
        if first is second or sentence[first.end : second.start].strip() not in _RANGE_JOIN:
            continue
        joined_by_dash = sentence[first.end : second.start].strip() in ("-", "\u2013")
        opener = re.search(r"\b(?:between|from)\s+(?:the\s+)?$", sentence[: first.start], re.I)
        if joined_by_dash or opener:
            return True
    return False


def date_facts(
    number: int, text: str, start: int, stop: int
) -> tuple[list[Fact], list[tuple[int, int]]]:
    sentence = text[start:stop]
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    dates = find_dates(sentence)
    for date in dates:
        spans.append((start + date.start, start + date.end))
        in_range = _is_range_end(sentence, dates, date)
        facts.append(
            Fact(
                kind="date",
                paragraph=number,
                sentence_start=start,
                sentence_end=stop,
                value=sentence[date.start : date.end],
                value_start=start + date.start,
                value_end=start + date.end,
                subject=event_phrase(sentence, date.start, date.end),
                detail="range" if in_range else date.qualifier,
                category=date.shape,
                year=date.year,
                month=date.month,
                day=date.day,
            )
        )
    return facts, spans
