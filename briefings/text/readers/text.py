"""Plain-text articles in any common shape.

With or without a publisher line; title first; paragraphs separated by blank
lines or by single newlines; an optional standfirst and "By …" byline; a
dateline lead; section headings, bullets and footnote markers.
"""

from __future__ import annotations

import re

from briefings.text.article import Notice
from briefings.text.readers.document import NO_TITLE_LINE, Draft
from briefings.text.readers.header import MAX_LEADING_LINES, choose_header, is_paragraph
from briefings.text.structure import (
    body_blocks,
    is_byline,
    join_lines,
    line_groups,
    looks_like_heading,
)

# Hard-wrapped text rarely runs past this width; longer lines are whole paragraphs.
_WRAP_WIDTH = 100
_SENTENCE_END = re.compile(r"[.!?…:][\"”’')\]]*$")


def read_text(text: str, *, chrome_lines: int | None = None) -> Draft:
    groups = [piece for group in line_groups(text) for piece in _paragraphs_of(group)]
    leading: list[tuple[int, int, str]] = []  # (group, line in group, text)
    for group_index, group in enumerate(groups):
        joined = join_lines(group)
        if len(group) > 1 and is_paragraph(joined) and not any(map(is_byline, group)):
            # A hard-wrapped paragraph is weighed whole, not line by line.
            leading.append((group_index, 0, joined))
            continue
        for line_index, line in enumerate(group):
            leading.append((group_index, line_index, line))
        if len(leading) >= MAX_LEADING_LINES:
            break
    leading = leading[:MAX_LEADING_LINES]
    lines = [line for _, _, line in leading]
    has_headings = any(len(group) == 1 and looks_like_heading(group[0]) for group in groups[2:40])
    header = choose_header(
        lines,
        groups=[group for group, _, _ in leading],
        chrome_lines=chrome_lines,
        has_headings=has_headings,
    )
    if header.body < len(leading):
        group_index, line_index, _ = leading[header.body]
        body = [groups[group_index][line_index:], *groups[group_index + 1 :]]
    else:
        body = [] if not leading else groups[leading[-1][0] + 1 :]
    blocks, trailer = body_blocks([group for group in body if group])
    return Draft(
        format="text",
        title=lines[header.title] if header.title is not None else "",
        pieces=[(block.kind, block.text) for block in blocks],
        trailer=trailer,
        publisher=" | ".join(lines[: header.chrome][:1]),
        standfirst=" ".join(lines[index] for index in header.standfirst),
        byline=lines[header.byline] if header.byline is not None else "",
        leading_lines=tuple(lines),
        chrome_count=header.chrome,
        warnings=list(header.warnings),
        missing_title=header.missing or Notice(NO_TITLE_LINE),
    )


def _paragraphs_of(group: list[str]) -> list[list[str]]:
    """One blank-line separated group, or one group per line when lines are paragraphs.

    Text with paragraphs separated by single newlines has long lines or lines
    that end like sentences; hard-wrapped text has short lines that mostly do not.
    """
    if len(group) < 2:
        return [group]
    inner = group[:-1]
    long_lines = any(len(line) > _WRAP_WIDTH for line in inner)
    sentence_ends = sum(1 for line in inner if _SENTENCE_END.search(line))
    if long_lines or (sentence_ends >= 2 and sentence_ends * 2 > len(inner)):
        return [[line] for line in group]
    return [group]
