"""A question before it is finished: the draft, its difficulty, its distractors, and
the checks every question type shares."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from quizzes.text import pool
from quizzes.text.facts import Fact
from quizzes.text.generation.source import (
    Source,
    fact_key,
    mentions,
    normalised,
    overlaps,
    quote,
)
from quizzes.text.question import GeneratedQuestion, QuestionKind

BLANK = "_____"
"""Marks the gap in a cloze stem (and in gap-fill single-choice stems)."""

TRUE, FALSE = "True", "False"

LONG_SENTENCE_WORDS = 30

# ---------------------------------------------------------------------------
# Telling options apart by their form


def _form(text: str) -> tuple[bool, bool, bool, int]:
    """What a reader sees at a glance: capital, digits, all-capitals, numbers."""
    return (
        text[:1].isupper(),
        any(c.isdigit() for c in text),
        len(text) > 1 and text.isupper(),
        len(re.findall(r"\d[\d,.]*", text)),
    )


def _looks_alike(answer: str, candidate: str) -> bool:
    if _form(answer) != _form(candidate):
        return False
    shorter, longer = sorted((len(answer), len(candidate)))
    return longer <= 12 or longer <= 2 * shorter


def pick_distractors(
    answer: str,
    tiers: Sequence[Iterable[str]],
    count: int,
    rng: random.Random,
    *,
    avoid: str = "",
    exclude: Iterable[str] = (),
) -> list[str]:
    """Up to ``count`` distractors for ``answer``, best tier first.

    Within a tier, candidates the stem (``avoid``) already mentions come last:
    an option the question itself shows is easy to rule out.
    """
    taken = [answer, *exclude]
    chosen: list[str] = []
    for tier in tiers:
        # Shuffle first and stop as soon as enough are found: a long article
        # offers hundreds of candidates, and checking each against all the
        # others would be quadratic.
        candidates = list(dict.fromkeys(c.strip() for c in tier))
        rng.shuffle(candidates)
        if avoid:
            candidates.sort(key=lambda c: mentions(avoid, c))
        for candidate in candidates:
            if len(chosen) >= count:
                break
            if not candidate or not normalised(candidate) or not _looks_alike(answer, candidate):
                continue
            if any(overlaps(candidate, other) for other in [*taken, *chosen]):
                continue
            chosen.append(candidate)
        if len(chosen) >= count:
            break
    return chosen


# ---------------------------------------------------------------------------
# Drafts and their difficulty


def rate_difficulty(
    base: float,
    *,
    exact: bool = False,
    items: int = 0,
    close: bool = False,
    long_source: bool = False,
    hinted: bool = False,
) -> float:
    """``base`` (the question type's) adjusted for what makes this question harder or easier."""
    score = base + 0.1 * exact + 0.05 * max(0, items - 3) + 0.1 * close + 0.05 * long_source
    score -= 0.1 * hinted
    return round(min(0.95, max(0.05, score)), 2)


def is_long(sentence: str) -> bool:
    return len(sentence.split()) > LONG_SENTENCE_WORDS


def first_number(text: str) -> float | None:
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(match.group().replace(",", "")) if match else None


def close_numbers(answer: str, distractors: Sequence[str]) -> bool:
    wanted = first_number(answer)
    if not wanted:
        return False
    return any(
        (got := first_number(d)) is not None and abs(got - wanted) <= 0.25 * wanted
        for d in distractors
    )


@dataclass(frozen=True, slots=True)
class Draft:
    """A question before its options are shuffled and it is checked.

    ``facts`` holds every fact the question uses, the one it is about first;
    a question about one fact has one.
    """

    kind: QuestionKind
    stem: str
    options: tuple[str, ...]
    correct: tuple[str, ...]
    facts: tuple[Fact, ...]
    key: str
    difficulty: float
    explanation: str = ""
    prompts: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


def finish(source: Source, draft: Draft) -> GeneratedQuestion:
    """The question as stored: options shuffled, every sentence it uses cited."""
    options = list(draft.options)
    if draft.kind in ("single_choice", "multiple_response", "matching"):
        rng = source.rng(draft.key)
        rng.shuffle(options)
        if draft.kind == "matching" and tuple(options) == draft.correct:
            options = options[1:] + options[:1]  # Never show the pairs already matched.
    # A term counts as exercised when the trainee reads it in the question itself.
    terms = draft.terms or source.terms_in(draft.stem, *draft.options, *draft.prompts)
    citations = tuple(
        sorted({(f.paragraph, f.sentence_start, f.sentence_end) for f in draft.facts})
    )
    paragraph, start, end = citations[0]
    if len(draft.facts) == 1:
        facts: tuple[str, ...] = (draft.key,)
    else:
        # Each item is keyed like the question asking about it alone, so the
        # two are known to share a fact.
        facts = tuple(dict.fromkeys(fact_key(f) for f in draft.facts))
    return GeneratedQuestion(
        kind=draft.kind,
        stem=draft.stem,
        options=tuple(options),
        correct=draft.correct,
        explanation=draft.explanation or quote(source.sentence(draft.facts[0])),
        paragraph=paragraph,
        start=start,
        end=end,
        difficulty=draft.difficulty,
        key=draft.key,
        prompts=draft.prompts,
        terms=terms,
        citations=citations,
        facts=facts,
    )


def _same_quantity_kind(fact: Fact, other: Fact) -> bool:
    return (
        other.kind == "quantity"
        and other.unit == fact.unit
        and other.scale == fact.scale
        and other.number != fact.number
    )


def _quantity_ceiling(fact: Fact) -> float | None:
    if fact.unit == "%":
        return 100.0
    if fact.unit == "rank":
        return first_number(fact.subject)
    return None


def value_distractors(
    source: Source, fact: Fact, count: int, avoid: str, *, from_text_only: bool = False
) -> list[str]:
    """Same-kind values: the article's own first, then the curated pool.

    ``from_text_only`` keeps to the article's values (a false statement must
    swap in something the text itself says elsewhere).
    """
    rng = source.rng(f"distractors:{fact.paragraph}:{fact.value_start}")
    tiers: list[list[str]] = []
    if fact.kind == "date":
        tiers.append(source.dates.get(fact.category, []))
        year = fact.year if fact.category != "decade" else None
        nearby = pool.nearby_dates(fact.value, month=fact.month, day=fact.day, year=year)
        if fact.category == "decade" and fact.year is not None:
            nearby = [f"{fact.year + shift}s" for shift in (-10, 10, -20, 20, -30)]
        tiers.append(nearby)
    elif fact.kind == "quantity":
        tiers.append([o.value for o in source.facts if _same_quantity_kind(fact, o)])
        tiers.append(pool.nearby_numbers(fact.value, ceiling=_quantity_ceiling(fact)))
    elif fact.category == "place":
        sentence = source.sentence(fact)
        tiers.append(
            [
                place
                for place in source.places
                if not mentions(sentence, place) and not source.near(place, fact.value)
            ]
        )
    else:
        tiers.append(source.organisations)
        tiers.append([name for _, name in pool.organisations(british=source.british)])
    exclude = [fact.subject] if fact.kind == "relation" else []
    if from_text_only:
        tiers = tiers[:1]
    return pick_distractors(fact.value, tiers, count, rng, avoid=avoid, exclude=exclude)


# ---------------------------------------------------------------------------
# Checks

Check = Callable[[GeneratedQuestion], Iterator[str]]
Builder = Callable[[Source, Fact, str], "Draft | None"]


@dataclass(frozen=True, slots=True)
class QuestionType:
    """One question type: how hard it is to start with, how it is built and checked.

    ``builders`` maps an aspect of a fact (see
    :func:`~quizzes.text.generation.aspects.aspects`) to the builder that asks
    about it in this type's form; ``collective`` builds the questions about
    several facts at once; ``check`` names what is wrong with a finished
    question of this type.
    """

    kind: QuestionKind
    base_difficulty: float
    check: Check
    builders: dict[str, Builder] = field(default_factory=dict)
    collective: Callable[[Source], Iterator[Draft]] | None = None


def answers_in_stem(question: GeneratedQuestion) -> Iterator[str]:
    """A stem that names an answer gives it away."""
    for answer in question.correct:
        if mentions(question.stem, answer):
            yield f"stem gives away {answer!r}"


def option_problems(question: GeneratedQuestion) -> Iterator[str]:
    """Options must differ after normalisation and hold every right answer."""
    written = [normalised(o) for o in question.options]
    if len(set(written)) != len(written) or not all(written):
        yield "options repeat after normalisation"
    if not set(question.correct) <= set(question.options):
        yield "a correct answer is not an option"


def common_problems(question: GeneratedQuestion) -> Iterator[str]:
    """What every question needs, whatever its type."""
    if not 0.0 <= question.difficulty <= 1.0 or not question.explanation:
        yield "difficulty or explanation missing"
