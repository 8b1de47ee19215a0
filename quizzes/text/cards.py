"""Study cards from a briefing: its glossary, and the facts its questions rest on.

A term card shows the term on the front and what the article says it is on
the back. A fact card is the sentence a question cites, with the words the
question asks for blanked out as a cloze ("{{c1::Lisbon}}"); several
questions citing one sentence give one card with a deletion each, so the
same sentence is never learnt twice. Nothing here imports Django.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["CitedAnswer", "FactCard", "answer_span", "cloze_markup", "fact_cards"]

#: Answers that say nothing about the sentence's words ("True", "False").
_VERDICTS = {"true", "false"}
#: Shorter forms would blank out fragments of words and numbers.
MIN_FORM_LENGTH = 2


@dataclass(frozen=True, slots=True)
class CitedAnswer:
    """One question's view of one sentence it cites: where, and the words it asks for."""

    paragraph: int
    sentence: str
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FactCard:
    """A cited sentence and the spans of it to blank out, in reading order."""

    paragraph: int
    sentence: str
    spans: tuple[tuple[int, int], ...]

    @property
    def cloze(self) -> str:
        return cloze_markup(self.sentence, self.spans)


def answer_span(sentence: str, forms: Iterable[str]) -> tuple[int, int] | None:
    """Where the first of ``forms`` (longest first) stands as whole words in ``sentence``.

    The sentence's own case is preferred, then any case; "True" and "False"
    and one-letter forms are never looked for.
    """
    for form in sorted(
        {f.strip() for f in forms if len(f.strip()) >= MIN_FORM_LENGTH}, key=len, reverse=True
    ):
        if form.casefold() in _VERDICTS:
            continue
        found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", sentence)
        if found is None:
            found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", sentence, re.IGNORECASE)
        if found is not None:
            return found.span()
    return None


def fact_cards(answers: Iterable[CitedAnswer]) -> list[FactCard]:
    """One card per distinct cited sentence that holds an answer, in the order first cited.

    Overlapping deletions are dropped (the first one found is kept): a cloze
    cannot blank out a word twice.
    """
    spans: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for answer in answers:
        span = answer_span(answer.sentence, answer.forms)
        if span is None:
            continue
        taken = spans.setdefault((answer.paragraph, answer.sentence), [])
        if all(span[1] <= start or span[0] >= end for start, end in taken):
            taken.append(span)
    return [
        FactCard(paragraph=paragraph, sentence=sentence, spans=tuple(sorted(found)))
        for (paragraph, sentence), found in spans.items()
        if found
    ]


def _inert(text: str) -> str:
    """Text as HTML that Anki's cloze syntax leaves alone."""
    escaped = html.escape(text, quote=False)
    return escaped.replace("::", ":&#58;").replace("{{", "{&#123;").replace("}}", "}&#125;")


def cloze_markup(sentence: str, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence as an Anki cloze field, each span a deletion c1, c2, … in reading order."""
    parts: list[str] = []
    position = 0
    for number, (start, end) in enumerate(spans, start=1):
        parts.append(_inert(sentence[position:start]))
        parts.append(f"{{{{c{number}::{_inert(sentence[start:end])}}}}}")
        position = end
    parts.append(_inert(sentence[position:]))
    return "".join(parts)
