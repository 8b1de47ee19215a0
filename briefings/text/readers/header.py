"""Tell the publisher line, title, standfirst and byline apart by form and position.

The leading lines of an article are weighed by their length, punctuation and
case and by what follows them; never by lists of publishers or names. When
two readings are plausible the chooser takes the likelier one and says so in
a warning, so the report can show the doubt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.text.article import Notice, gettext_noop
from briefings.text.structure import dateline_of, is_byline, looks_like_heading

MAX_LEADING_LINES = 6
"""How many of the first lines are weighed as header (and shown in the report)."""

_MAX_TITLE_WORDS = 40
_MAX_STANDFIRST_WORDS = 60
_MAX_PUBLISHER_WORDS = 4
_MAX_SHORT_HEADING_WORDS = 2
# A line ending like a sentence, allowing closing quotes or brackets after the stop.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
# A site name with a tagline or section: "Paper | Tagline", "Site · News", "Site — Home".
_SEPARATOR = re.compile(r"\s[|·•]\s|\s[–—-]\s")


def words(line: str) -> int:
    return len(line.split())


def is_paragraph(line: str) -> bool:
    """A line that reads as body text rather than a headline."""
    count = words(line)
    if count > _MAX_TITLE_WORDS:
        return True
    if dateline_of(line):
        # "ISLAMABAD: Talks resumed on Monday." opens a body; "FACT SHEET: President
        # Names …", a label in capitals before a headline with no full stop, is a title.
        return _SENTENCE_END.search(line) is not None
    return count >= 8 and _SENTENCE_END.search(line) is not None


def has_separator(line: str) -> bool:
    return _SEPARATOR.search(line) is not None


def publisher_like(line: str) -> bool:
    """A site or publisher name: a name with a tagline, or a few capitalised words."""
    if has_separator(line):
        return True
    return (
        words(line) <= _MAX_PUBLISHER_WORDS
        and ":" not in line
        and not any(char.isdigit() for char in line)
        and not re.search(r"[’']s\b", line)
        and not line.endswith(tuple(".!?…"))
    )


@dataclass(frozen=True, slots=True)
class Header:
    """Where the header fields sit among the leading lines (indexes into them)."""

    chrome: int  # lines 0 .. chrome-1 are page chrome or the publisher line
    title: int | None  # None: no title line
    standfirst: tuple[int, ...]
    byline: int | None
    body: int  # index of the first body line
    warnings: tuple[Notice, ...] = ()
    missing: Notice | None = None  # why there is no title, when title is None


def choose_header(
    lines: Sequence[str],
    *,
    groups: Sequence[int] | None = None,
    chrome_lines: int | None = None,
    has_headings: bool = False,
) -> Header:
    """Decide which of the leading ``lines`` are chrome, title, standfirst and byline.

    ``groups`` gives, for each line, the blank-line separated group it belongs
    to (lines glued to the title in one group may be its standfirst).
    ``chrome_lines`` fixes how many lines are chrome. ``has_headings`` says
    whether the body has section headings, which makes a short second line
    more likely a heading than the title.
    """
    lines = list(lines[:MAX_LEADING_LINES])
    group_of = list(groups[: len(lines)]) if groups is not None else list(range(len(lines)))
    if chrome_lines is not None:
        return _forced(lines, group_of, chrome_lines)
    byline = _byline_index(lines)
    if byline is not None:
        return _with_byline(lines, byline)
    short = 0
    while short < min(len(lines), 4) and not is_paragraph(lines[short]):
        short += 1
    if short == 0:
        if lines and dateline_of(lines[0]):
            missing = Notice(gettext_noop("no title line found: the text opens with a dateline"))
        else:
            missing = Notice(gettext_noop("no title line found: the text opens with a paragraph"))
        return Header(0, None, (), None, 0, missing=missing)
    if short == 1:
        return _after_title(lines, group_of, 0, 0)
    chrome, warnings = _title_position(lines[0], lines[1], has_headings)
    return _after_title(lines, group_of, chrome, chrome, warnings)


def _byline_index(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:5]):
        if is_byline(line):
            before = lines[:index]
            if sum(words(text) for text in before[1:]) > _MAX_STANDFIRST_WORDS + _MAX_TITLE_WORDS:
                return None
            if any(words(text) > _MAX_STANDFIRST_WORDS for text in before):
                return None
            return index
        if is_paragraph(line) and index >= 3:
            return None
    return None


def _with_byline(lines: list[str], byline: int) -> Header:
    before = lines[:byline]
    if not before:
        missing = Notice(gettext_noop("no title line found before the byline"))
        return Header(0, None, (), byline, byline + 1, missing=missing)
    if len(before) == 1:
        return Header(0, 0, (), byline, byline + 1)
    if len(before) == 2:
        first, second = before
        if is_paragraph(second) and not has_separator(first):
            return Header(0, 0, (1,), byline, byline + 1)
        return Header(1, 1, (), byline, byline + 1)
    warnings: tuple[Notice, ...] = ()
    if len(before) > 3:
        warnings = (
            Notice(
                gettext_noop(
                    "%(count)d lines before the byline; took line 2 as the title "
                    "and the lines after it as the standfirst"
                ),
                count=len(before),
            ),
        )
    return Header(1, 1, tuple(range(2, byline)), byline, byline + 1, warnings)


def _title_position(first: str, second: str, has_headings: bool) -> tuple[int, tuple[Notice, ...]]:
    """0 when ``first`` is the title (and ``second`` starts the body), 1 when it is chrome."""
    score = 0
    if has_separator(first):
        score -= 5
    if words(second) <= _MAX_SHORT_HEADING_WORDS and words(first) > words(second):
        score += 2
    if not publisher_like(first):
        score += 2
    if ":" in second or second.endswith("?"):
        score -= 2
    if looks_like_heading(second) and has_headings:
        score += 1
    if score >= 3:
        warnings: tuple[Notice, ...] = ()
        if score <= 4:
            warnings = (
                Notice(
                    gettext_noop(
                        "two lines could be the title: “%(taken)s” (taken) "
                        "or “%(other)s” (read as a heading)"
                    ),
                    taken=first,
                    other=second,
                ),
            )
        return 0, warnings
    dash_only = has_separator(first) and not re.search(r"\s[|·•]\s", first)
    if (score >= 2 and words(first) > 1) or (dash_only and words(first) > _MAX_PUBLISHER_WORDS):
        # A long line split by a dash is as often a headline as a site name.
        return 1, (
            Notice(
                gettext_noop(
                    "two lines could be the title: “%(taken)s” (taken) "
                    "or “%(other)s” (read as the publisher line)"
                ),
                taken=second,
                other=first,
            ),
        )
    return 1, ()


def _after_title(
    lines: list[str],
    group_of: list[int],
    chrome: int,
    title: int,
    warnings: tuple[Notice, ...] = (),
) -> Header:
    """The title is ``lines[title]``; lines glued to it in its group are its standfirst."""
    standfirst: list[int] = []
    index = title + 1
    while (
        index < len(lines)
        and group_of[index] == group_of[title]
        and not is_paragraph(lines[index])
        and sum(words(lines[i]) for i in [*standfirst, index]) <= _MAX_STANDFIRST_WORDS
    ):
        standfirst.append(index)
        index += 1
    return Header(chrome, title, tuple(standfirst), None, index, warnings)


def _forced(lines: list[str], group_of: list[int], chrome_lines: int) -> Header:
    if chrome_lines < 0 or chrome_lines >= len(lines):
        return Header(
            0,
            None,
            (),
            None,
            0,
            missing=Notice(
                gettext_noop("cannot skip %(skip)d lines: only %(count)d leading lines"),
                skip=chrome_lines,
                count=len(lines),
            ),
        )
    title = chrome_lines
    if is_paragraph(lines[title]) or is_byline(lines[title]):
        return Header(
            chrome_lines,
            None,
            (),
            None,
            title,
            missing=Notice(
                gettext_noop("line %(number)d is not a title line: “%(line)s”"),
                number=title + 1,
                line=lines[title][:60],
            ),
        )
    rest = lines[title + 1 :]
    byline = _byline_index(rest)
    if byline is not None and all(
        not is_paragraph(text) or words(text) <= _MAX_STANDFIRST_WORDS for text in rest[:byline]
    ):
        absolute = title + 1 + byline
        return Header(
            chrome_lines, title, tuple(range(title + 1, absolute)), absolute, absolute + 1
        )
    return _after_title(lines, group_of, chrome_lines, title)
