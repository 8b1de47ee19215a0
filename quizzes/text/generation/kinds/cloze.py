"""Cloze: type the value blanked out of the source sentence."""

from __future__ import annotations

from collections.abc import Iterator

from briefings.text.lexicon import MONTHS
from quizzes.text.facts import Fact
from quizzes.text.generation.aspects import (
    blank_out,
    gap_noun,
)
from quizzes.text.generation.drafts import (
    BLANK,
    Draft,
    QuestionType,
    answers_in_stem,
    is_long,
    rate_difficulty,
)
from quizzes.text.generation.source import (
    Source,
    quote,
    unique,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.55


def _accepted_variants(fact: Fact) -> tuple[str, ...]:
    """The canonical answer first, then other ways of writing it."""
    value = fact.value
    variants = [value]
    if fact.kind == "quantity":
        variants.append(value.replace(",", ""))
    elif fact.kind == "date" and fact.month is not None:
        month = MONTHS[fact.month - 1]
        year = f" {fact.year}" if fact.year is not None else ""
        if fact.day is not None:
            variants += [f"{fact.day} {month}{year}", f"{month[:3]} {fact.day}{year}"]
        else:
            variants += [f"{month}{year}", f"{month[:3]}{year}"]
    elif value.lower().startswith("the "):
        variants.append(value[4:])
    return tuple(unique(variants))


def _cloze(source: Source, fact: Fact, key: str) -> Draft | None:
    if len(fact.value.split()) > 4:
        return None
    blanked = blank_out(source, fact)
    if blanked is None:
        return None
    return Draft(
        kind="cloze",
        stem=f"Type the missing {gap_noun(fact)}: {quote(blanked)}",
        options=(),
        correct=_accepted_variants(fact),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(
            BASE_DIFFICULTY,
            exact=fact.kind in ("date", "quantity"),
            long_source=is_long(source.sentence(fact)),
        ),
    )


def _check(question: GeneratedQuestion) -> Iterator[str]:
    yield from answers_in_stem(question)
    if question.stem.count(BLANK) != 1 or not question.correct:
        yield "cloze needs exactly one blank and an answer"


TYPE = QuestionType(
    kind="cloze",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    builders={"value": _cloze},
)
