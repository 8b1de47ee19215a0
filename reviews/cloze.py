"""Cloze cards from a cited sentence: the answer's words become a gap.

Pure text handling, no Django: the review page calls it for the one card it
shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizzes.text.cards import answer_span

GAP = "[…]"


@dataclass(frozen=True, slots=True)
class Cloze:
    """A sentence split around its gap: ``before + GAP + after`` is the front."""

    before: str
    answer: str
    after: str

    @property
    def front(self) -> str:
        return f"{self.before}{GAP}{self.after}"

    @property
    def back(self) -> str:
        return f"{self.before}{self.answer}{self.after}"


def make_cloze(sentence: str, answers: list[str]) -> Cloze | None:
    """Hide the longest of ``answers`` found in ``sentence`` as a whole word or phrase.

    The gap is found as for the Anki deck's fact cards, so a card reviewed
    here and one studied in Anki blank out the same words; the sentence
    keeps its own spelling of the answer. None when no answer is written in
    the sentence (a true/false statement, say), or when the answer would be
    the whole sentence.
    """
    span = answer_span(sentence, answers)
    if span is None:
        return None
    before, after = sentence[: span[0]], sentence[span[1] :]
    if not (before.strip() or after.strip()):
        return None
    return Cloze(before=before, answer=sentence[span[0] : span[1]], after=after)
