"""Dates as written in a sentence: "October 3", "April 30, 2018", "the late 1990s"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.text.lexicon import MONTHS

_MONTH = (
    r"(?:Jan(?:uary|\.)|Feb(?:ruary|\.)|Mar(?:ch|\.)|Apr(?:il|\.)|May|June?\.?|July?\.?"
    r"|Aug(?:ust|\.)|Sep(?:tember|t\.|\.)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))"
)
_FULL_MONTH = "(?:" + "|".join(MONTHS) + ")"
YEAR_DIGITS = r"(?:1[7-9]\d\d|20\d\d)"
_QUALIFIER = r"(?:(?P<qualifier>early|late|mid)[\s-]+)?"

_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "month_day_year",
        re.compile(
            rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
            rf"(?P<year>{YEAR_DIGITS})\b"
        ),
    ),
    (
        "month_day_year",
        re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH}),?\s+(?P<year>{YEAR_DIGITS})\b"),
    ),
    ("month_year", re.compile(rf"\b(?P<month>{_MONTH}),?\s+(?P<year>{YEAR_DIGITS})\b")),
    (
        "month_day",
        re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d/,.]\d)"),
    ),
    ("month_day", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\b")),
    # A bare month name only after a preposition: "May" is also a verb.
    (
        "month",
        re.compile(
            r"\b(?i:in|since|by|until|from|during|through|throughout|last|this|next|of)\s+"
            rf"(?:the\s+)?{_QUALIFIER}(?P<month>{_FULL_MONTH})\b(?!\s+\d)"
        ),
    ),
    ("decade", re.compile(rf"\b{_QUALIFIER}(?P<year>(?:1[5-9]|20)\d0)s\b")),
    (
        "year",
        re.compile(
            rf"(?<![\w$\u00a3\u20ac#\u00a7/.,\u2013-])(?P<year>{YEAR_DIGITS})(?![\w/%]|[.,\u2013-]\d)"
        ),
    ),
)
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:Order|Section|No\.|Resolution|Res\.|H\.R\.|S\.|Article|Chapter|Figure|Table|page|p\.)\s*$"
)
_PLURAL_NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]*[a-rt-z]s)\b")


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    shape: str
    year: int | None
    month: int | None
    day: int | None
    qualifier: str


def _month_number(token: str) -> int:
    return [m[:3] for m in MONTHS].index(token[:3].title()) + 1


def _valid_day(month: int | None, day: int | None) -> bool:
    if day is None:
        return True
    longest = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return month is not None and 1 <= day <= longest[month - 1]


def _year_is_plausible(text: str, match: re.Match[str]) -> bool:
    start, end = match.span("year")
    if _NOT_A_YEAR_BEFORE.search(text, 0, start):
        return False
    # "(2006)" after a name is an aside, and "2000 soldiers" is a count.
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return False
    return _PLURAL_NOUN_AFTER.match(text, end) is None


def find_dates(text: str) -> list[DateMatch]:
    found: list[DateMatch] = []
    for shape, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            group = "month" if shape == "month" else 0
            if shape in ("decade", "year"):
                group = "year"
            start, end = match.span(group)
            if shape == "decade":
                end += 1  # the "s" of "1990s"
            if any(start < f.end and f.start < end for f in found):
                continue
            if shape == "year" and not _year_is_plausible(text, match):
                continue
            groups = match.groupdict()
            month = _month_number(groups["month"]) if groups.get("month") else None
            day = int(groups["day"]) if groups.get("day") else None
            if not _valid_day(month, day):
                continue
            year = int(groups["year"]) if groups.get("year") and shape != "decade" else None
            if shape == "decade":
                year = int(groups["year"])
            found.append(
                DateMatch(start, end, shape, year, month, day, groups.get("qualifier") or "")
            )
    return sorted(found, key=lambda d: d.start)


def contains_date(text: str) -> bool:
    """Whether ``text`` mentions a date, month, year or decade."""
    return bool(find_dates(text))
