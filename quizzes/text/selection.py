"""Drawing a quiz from a question bank so that no question helps with another.

One sentence of an article can yield several questions: a cloze on its date,
a true/false statement of the whole sentence, an ordering item. Drawn into
one quiz they answer each other. Two questions *clash* when

* they cite one sentence (their cited spans overlap in one paragraph),
* they rest on one fact (``facts`` share a fingerprint), or
* one prints the other's key: any of its ``key_forms`` (the answer, its
  acronym or full name, a true/false statement's value and the value swapped
  into it; for questions saved without them, a single-choice, cloze or
  multiple-response answer) appears, as whole words, in the other's stem,
  options, left-hand items or feedback.

:func:`draw_quiz` never puts two clashing questions in one quiz. Ranked (the
default quiz) it takes the most important questions first, with a little
seeded jitter so that retakes vary among near-equals; unranked it takes them
in a seeded random order. Either way it spreads the question types: it
takes the best question of each type first, the scarcest types before the
others lest their few questions all clash with those drawn, and then each question of a
type already drawn counts against the next of that type, and so does
clashing with many of the other front-runners (a question that would shut
out half the quiz costs more than it brings).

Works on anything shaped like a question: the generator's
:class:`~quizzes.text.question.GeneratedQuestion` and the ``Question`` model
alike (see :class:`Drawable`).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol

from quizzes.text.answers import normalise_answer

__all__ = ["Drawable", "clash", "draw_quiz"]

#: How much each question of a type already drawn lowers the next of that type.
TYPE_SPREAD = 0.12
#: How much shutting out every other front-runner would cost a question.
CROWDING = 2.0
#: How much each true/false key ("True" or "False") drawn beyond the other lowers the next
#: statement with that key, and raises the next with the other.
ANSWER_SPREAD = 0.12
#: How many front-runners are weighed against each other for crowding.
POOL = 48
#: The spread of the seeded jitter that varies a ranked draw between attempts.
JITTER = 0.08

#: Types whose ``correct`` values are answers a reader could copy from elsewhere.
KEYED_KINDS = frozenset({"single_choice", "cloze", "multiple_response"})


class Drawable(Protocol):
    @property
    def kind(self) -> str: ...

    @property
    def stem(self) -> str: ...

    @property
    def explanation(self) -> str: ...

    @property
    def options(self) -> Sequence[str]: ...

    @property
    def prompts(self) -> Sequence[str]: ...

    @property
    def correct(self) -> Sequence[str]: ...

    @property
    def facts(self) -> Sequence[str]: ...

    @property
    def importance(self) -> float: ...

    def cited(self) -> Sequence[Sequence[int]]: ...


@lru_cache(maxsize=1 << 14)
def _normalised(text: str) -> str:
    return normalise_answer(text)


@lru_cache(maxsize=1 << 14)
def _pattern(answer: str) -> re.Pattern[str] | None:
    normalised = _normalised(answer)
    if not normalised:
        return None
    return re.compile(rf"(?<![0-9a-z.]){re.escape(normalised)}(?![0-9a-z]|\.\d)")


def _keys(question: Drawable) -> list[str]:
    forms = getattr(question, "key_forms", None)
    if forms:
        return [str(f) for f in forms]
    if question.kind not in KEYED_KINDS:
        return []
    if question.kind == "cloze":
        return [str(a) for a in question.correct[:1]]
    return [str(a) for a in question.correct]


def _printed(question: Drawable) -> str:
    """Everything a trainee reads of a question, feedback included, normalised."""
    parts = [question.stem, *map(str, question.options), *map(str, question.prompts)]
    parts.append(question.explanation)
    # Each part alone: run together, "June 7", "October 22" would read as other dates.
    # A possessive is dropped first: normalised, "NMFS's" would read "nmfss" and hide "NMFS".
    return " \n ".join(_normalised(_POSSESSIVE.sub("", part)) for part in parts)


_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")


def _prints_key_of(printer: Drawable, printed: str, keyed: Drawable) -> str | None:
    for key in _keys(keyed):
        pattern = _pattern(key)
        if pattern is not None and pattern.search(printed):
            return key
    return None


def _spans_overlap(first: Drawable, second: Drawable) -> bool:
    return any(
        p1 == p2 and s1 < e2 and s2 < e1
        for p1, s1, e1 in first.cited()
        for p2, s2, e2 in second.cited()
    )


class _Candidate:
    """A question with what the clash test reads of it worked out once."""

    __slots__ = ("question", "score", "printed", "facts", "crowding")

    def __init__(self, question: Drawable, score: float = 0.0) -> None:
        self.question = question
        self.score = score
        self.printed = _printed(question)
        self.facts = frozenset(question.facts)
        self.crowding = 0.0

    def clash(self, other: _Candidate) -> str | None:
        """Why this question and ``other`` must not share a quiz, or None when they may."""
        mine, theirs = self.question, other.question
        if self.facts & other.facts:
            return "rests on the same fact"
        if _spans_overlap(mine, theirs):
            return "cites the same sentence"
        for printer, keyed, who in ((self, other, "this"), (other, self, "the other")):
            key = _prints_key_of(printer.question, printer.printed, keyed.question)
            if key is not None:
                return f"{who} question prints the answer \u201c{key}\u201d"
        return None


def clash(first: Drawable, second: Drawable) -> str | None:
    """Why two questions must not share a quiz, or None when they may."""
    return _Candidate(first).clash(_Candidate(second))


def _compatible(candidate: _Candidate, chosen: Iterable[_Candidate]) -> bool:
    return not any(candidate.clash(other) for other in chosen)


def _measure_crowding(pool: list[_Candidate]) -> None:
    """How many of the other front-runners each one would shut out, as a share."""
    for i, first in enumerate(pool):
        for second in pool[i + 1 :]:
            if first.clash(second):
                first.crowding += 1
                second.crowding += 1
    for candidate in pool:
        candidate.crowding /= max(len(pool) - 1, 1)


def draw_quiz[Q: Drawable](
    questions: Sequence[Q],
    *,
    count: int,
    seed: object = 0,
    ranked: bool = True,
    per_type: int = 0,
) -> list[Q]:
    """Up to ``count`` questions (or ``per_type`` of each type) that do not clash.

    The result is in the bank's order. ``count`` 0 with no ``per_type`` means
    as many as can be drawn without a clash.
    """
    rng = random.Random(f"draw:{seed}")
    if ranked:
        scored = [_Candidate(q, q.importance + rng.uniform(0, JITTER)) for q in questions]
    else:
        scored = [_Candidate(q, rng.random()) for q in questions]
    scored.sort(key=lambda c: -c.score)
    limit = count if count and not per_type else len(questions)
    # A question that clashes with many front-runners costs the quiz several.
    _measure_crowding(scored[: max(POOL, 4 * count)])
    chosen: list[_Candidate] = []
    used: Counter[str] = Counter()
    # True/false keys drawn so far: a quiz whose statements are all true is learnt, not read.
    keyed: Counter[str] = Counter()
    supply = Counter(q.kind for q in questions)
    remaining = scored

    def lean(candidate: _Candidate) -> float:
        question = candidate.question
        if question.kind != "true_false" or not question.correct:
            return 0.0
        key = str(question.correct[0])
        return ANSWER_SPREAD * (keyed[key] - (keyed.total() - keyed[key]))

    while remaining and len(chosen) < limit:
        best = max(
            remaining,
            key=lambda c: (
                not used[c.question.kind],
                -supply[c.question.kind] if not used[c.question.kind] else 0,
                c.score - TYPE_SPREAD * used[c.question.kind] - CROWDING * c.crowding - lean(c),
            ),
        )
        remaining = [c for c in remaining if c is not best]
        if per_type and used[best.question.kind] >= per_type:
            continue
        if _compatible(best, chosen):
            chosen.append(best)
            used[best.question.kind] += 1
            if best.question.kind == "true_false" and best.question.correct:
                keyed[str(best.question.correct[0])] += 1
    picked = {id(c.question) for c in chosen}
    return [q for q in questions if id(q) in picked]
