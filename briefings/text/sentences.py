"""Sentences: where each one starts and ends in a block's text.

The one sentence splitter of the project: the parser (quotations, glossary)
and the question generator (facts, excerpts) all cut text here, so a
question cites the same sentence the parser saw.

A sentence ends at ".", "!", "?" or an ellipsis, with any closing quotes or
brackets and any footnote markers ("[12]", "[iv]") after them, followed by
space and a capital, a digit or an opening quote or bracket. A full stop
after an abbreviation ("Mr.", "Jan."), an initial ("J.") or a dotted
initialism ("U.S.", "Ph.D.") does not end one, nor does a bracketed one
before a number ("Executive Order (E.O.) 14369"); "Inc.", "Ltd." and "etc." do
before a capital. A decimal point never does, and neither does a footnote
marker: "[12] The" does not open a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from briefings.text.lexicon import FINAL_ABBREVIATIONS, NON_FINAL_ABBREVIATIONS

FOOTNOTE_MARKER = re.compile(r"\[(?:\d{1,3}|[ivxlc]{1,6})\]")
INITIALISM = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
"""A dotted initialism without its last full stop: "U.S", "Ph.D"."""

_MARKER = r"\[(?:\d{1,3}|[ivxlc]{1,6})\]"
_STOP = r"[.!?\u2026]"
_SENTENCE_END_BODY = (
    rf"(?P<stop>{_STOP}+)(?P<close>[\"'\u201d\u2019)\]]*)(?P<markers>(?:\s?{_MARKER})*)"
    rf"\s+(?!{_MARKER})(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00de])"
)
# A break is only tried where a run of stops begins: every later start in the run
# can only fail the same way, and trying them all is quadratic in the run ("......").
_SENTENCE_END = re.compile(rf"(?<!{_STOP}){_SENTENCE_END_BODY}")
_SENTENCE_END_INSIDE_RUN = re.compile(_SENTENCE_END_BODY)
_LAST_TOKEN = re.compile(r"(\S+)$")


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Split ``text`` into sentences, as ``(start, end)`` offsets without surrounding space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end, following in _boundaries(text, 0):
        _append_span(spans, text, start, end)
        start = following
    _append_span(spans, text, start, len(text))
    return tuple(spans)


def sentence_starts(text: str) -> list[int]:
    """The offset where each sentence after the first begins."""
    return [following for _, following in _boundaries(text, 0)]


def next_sentence_start(text: str, position: int) -> int:
    """The offset of the first sentence starting after ``position``, else ``len(text)``."""
    return next((following for _, following in _boundaries(text, position)), len(text))


def sentence_containing(
    spans: tuple[tuple[int, int], ...], start: int, end: int | None = None
) -> tuple[int, int]:
    """The smallest run of sentences in ``spans`` covering ``start``..``end``."""
    end = start + 1 if end is None else max(end, start + 1)
    # The spans are in order and do not overlap: their starts and ends are sorted.
    after = bisect_right(spans, start, key=lambda span: span[1])
    first = spans[after] if after < len(spans) else spans[-1]
    before = bisect_left(spans, end, key=lambda span: span[0])
    last = spans[before - 1] if before else first
    return first[0], max(first[1], last[1])


def _boundaries(text: str, position: int) -> Iterator[tuple[int, int]]:
    """(end of a sentence, start of the next) for each sentence break after ``position``."""
    if 0 < position < len(text) and re.match(_STOP, text[position - 1]):
        # ``position`` is inside a run of stops, where _SENTENCE_END does not look.
        inside = _SENTENCE_END_INSIDE_RUN.match(text, position)
        if inside is not None:
            if not _after_abbreviation(text, inside):
                yield inside.end("markers"), inside.end()
            position = inside.end()
    for match in _SENTENCE_END.finditer(text, position):
        if not _after_abbreviation(text, match):
            yield match.end("markers"), match.end()


def _after_abbreviation(text: str, match: re.Match[str]) -> bool:
    if match.group("stop") == "." and match.group("close") == ")" and not match.group("markers"):
        # "Executive Order (E.O.) 14369": a bracketed initialism before a number.
        opening = text.rfind("(", max(0, match.start() - 12), match.start())
        inside = text[opening + 1 : match.start()] if opening != -1 else ""
        return bool(INITIALISM.fullmatch(inside)) and text[match.end() : match.end() + 1].isdigit()
    if match.group("stop") != "." or match.group("close") or match.group("markers"):
        return False
    token_match = _LAST_TOKEN.search(text, max(0, match.start() - 24), match.start())
    if token_match is None:
        return False
    token = token_match.group(1).lstrip("(\"'\u201c\u2018[")
    lowered = token.lower()
    # "S.Rept. 119-46", "H.Rept.": the abbreviation is the token's last part.
    if lowered in NON_FINAL_ABBREVIATIONS or lowered.rsplit(".", 1)[-1] == "rept":
        return True
    if lowered in FINAL_ABBREVIATIONS:
        return False
    # An initial ("Ann B. Lee") or a dotted initialism ("U.S.", "Ph.D.", "Japan-U.S.").
    last = token.rsplit("-", 1)[-1]
    return bool(re.fullmatch(r"[A-Z]", token) or INITIALISM.fullmatch(last))


def _append_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
