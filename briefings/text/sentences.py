"""Sentences: where each one starts and ends in a block's text."""

from __future__ import annotations

import re

from briefings.text.lexicon import word_set

# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = word_set(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt gov sen rep rev st jr sr no nos vs
    etc al fig dept est approx ft mt inc ltd co corp jan feb mar apr jun jul aug sep sept
    oct nov dec"""
)
# "etc." and "Inc." often do end sentences; they stay abbreviations only
# before a lower-case word, which the boundary pattern already requires.
_ENDS_SENTENCES = frozenset({"etc", "inc", "ltd", "co", "corp"})

_SENTENCE_END = re.compile(
    r"(?P<stop>[.!?\u2026]+)(?P<close>[\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
)
_LAST_TOKEN = re.compile(r"(\S+)$")
INITIALISM = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")


def _is_abbreviation(text: str, match: re.Match[str]) -> bool:
    if match.group("stop") != "." or match.group("close"):
        return False
    token_match = _LAST_TOKEN.search(text, 0, match.start())
    if token_match is None:
        return False
    token = token_match.group(1).lstrip("(\"'\u201c\u2018[")
    lowered = token.lower()
    if lowered in _ABBREVIATIONS and lowered not in _ENDS_SENTENCES:
        return True
    # An initial ("Robert O. Blake") or a dotted initialism ("U.S.", "H.R.").
    return bool(re.fullmatch(r"[A-Z]", token) or INITIALISM.fullmatch(token))


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Split ``text`` into sentences, as ``(start, end)`` offsets.

    A sentence ends at ".", "!", "?" or an ellipsis, with any closing quote
    or bracket, followed by space and a capital, digit or opening quote. A
    full stop after an abbreviation ("Mr.", "Jan."), an initial or a dotted
    initialism ("U.S.") does not end one, and a decimal point never does.
    Spans exclude surrounding whitespace.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _is_abbreviation(text, match):
            continue
        _append_span(spans, text, start, match.end("close"))
        start = match.end()
    _append_span(spans, text, start, len(text))
    return tuple(spans)


def _append_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def sentence_containing(
    spans: tuple[tuple[int, int], ...], start: int, end: int | None = None
) -> tuple[int, int]:
    """The smallest run of sentences in ``spans`` covering ``start``..``end``."""
    end = start + 1 if end is None else max(end, start + 1)
    first = next((s for s in spans if s[1] > start), spans[-1])
    last = next((s for s in reversed(spans) if s[0] < end), first)
    return first[0], max(first[1], last[1])
