"""Cloze cards from a cited sentence: the answer's words become a gap.

Pure text handling, no Django: the review page calls it for the one card it
shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

    Case is ignored and the sentence keeps its own spelling of the answer.
    None when no answer is written in the sentence (a true/false statement,
    say), or when the answer would be the whole sentence.
    """
    candidates = sorted({a.strip() for a in answers if a and a.strip()}, key=len, reverse=True)
    for answer in candidates:
        pattern = r"(?<!\w)" + re.escape(answer) + r"(?!\w)"
        match = re.search(pattern, sentence, flags=re.IGNORECASE)
        if match is None:
            continue
        before, after = sentence[: match.start()], sentence[match.end() :]
        if not (before.strip() or after.strip()):
            return None
        return Cloze(before=before, answer=match.group(0), after=after)
    return None
