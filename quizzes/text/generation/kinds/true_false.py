"""True or false: the source sentence as written, or with one value swapped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from quizzes.text import pool
from quizzes.text.facts import Fact
from quizzes.text.generation.aspects import (
    CONTEXTUAL_DESCRIPTION,
    alike,
    can_be_swapped,
    other_speakers,
    person_facts,
    quotation_explanation,
    swap_value,
    term_facts,
)
from quizzes.text.generation.drafts import (
    FALSE,
    TRUE,
    Draft,
    QuestionType,
    is_long,
    pick_distractors,
    rate_difficulty,
    value_distractors,
)
from quizzes.text.generation.source import (
    Source,
    excerpt_of,
    mentions,
    surname,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.2


def _true_false(
    source: Source, fact: Fact, key: str, statement: Callable[[str], str], swaps: Sequence[str]
) -> Draft | None:
    """A statement built from ``statement(value)``: true as written, false with a swap."""
    rng = source.rng(f"truth:{key}")
    make_false = bool(swaps) and rng.random() < 0.5
    text = statement(swaps[0]) if make_false and swaps else statement("")
    if make_false and mentions(source.text, text):
        return None
    return Draft(
        kind="true_false",
        stem=f"True or false? {text}",
        options=(TRUE, FALSE),
        correct=(FALSE if make_false else TRUE,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(
            BASE_DIFFICULTY,
            exact=fact.kind in ("date", "quantity"),
            long_source=is_long(source.sentence(fact)),
        ),
    )


def _value_true_false(source: Source, fact: Fact, key: str) -> Draft | None:
    sentence = source.sentence(fact)
    if is_long(sentence) or re.match(r"(?:He|She|They|It|This|These)\b", sentence):
        return None  # Out of context, a long or pronoun-led sentence is unclear.
    if not can_be_swapped(fact):
        return None
    swaps = value_distractors(source, fact, 1, sentence, from_text_only=True)

    def statement(replacement: str) -> str:
        claim = swap_value(source, fact, replacement) if replacement else sentence
        return f"According to the article: {claim}"

    return _true_false(source, fact, key, statement, swaps)


def _expansion_true_false(source: Source, fact: Fact, key: str) -> Draft | None:
    rng = source.rng(key)
    others = [f.value for f in term_facts(source) if f.subject != fact.subject]
    pooled = [name for _, name in pool.organisations(british=source.british)]
    swaps = pick_distractors(fact.value, [others, pooled], 1, rng)
    draft = _true_false(
        source,
        fact,
        key,
        lambda swap: f"In the article, {fact.subject} stands for \u201c{swap or fact.value}\u201d.",
        swaps,
    )
    return None if draft is None else replace(draft, terms=(fact.subject,))


def _description_true_false(source: Source, fact: Fact, key: str) -> Draft | None:
    answer = source.description(fact.detail, keep_article=True)
    others = [
        source.description(f.detail, keep_article=True)
        for f in term_facts(source)
        if f.detail and f != fact
    ]
    swaps = pick_distractors(
        answer, [others, list(pool.ORGANISATION_DESCRIPTIONS)], 1, source.rng(key)
    )
    draft = _true_false(
        source,
        fact,
        key,
        lambda swap: f"The article describes {fact.subject} as \u201c{swap or answer}\u201d.",
        swaps,
    )
    return None if draft is None else replace(draft, terms=(fact.subject,))


def _person_true_false(source: Source, fact: Fact, key: str) -> Draft | None:
    description = source.description(fact.value, keep_article=True)
    if CONTEXTUAL_DESCRIPTION.match(description):
        return None
    others = [
        source.description(f.value, keep_article=True)
        for f in person_facts(source)
        if f.subject != fact.subject and not CONTEXTUAL_DESCRIPTION.match(f.value)
    ]
    candidates = [d for d in [*others, *pool.PERSON_DESCRIPTIONS] if not alike(d, description)]
    swaps = pick_distractors(description, [candidates], 1, source.rng(key))
    return _true_false(
        source,
        fact,
        key,
        lambda swap: f"The article describes {fact.subject} as \u201c{swap or description}\u201d.",
        swaps,
    )


def _quotation_true_false(source: Source, fact: Fact, key: str) -> Draft | None:
    excerpt = excerpt_of(fact.value)
    if any(mentions(excerpt, surname(p)) for p in source.people):
        return None
    others, bystanders = other_speakers(source, fact, excerpt)
    swaps = pick_distractors(fact.subject, [others, bystanders], 1, source.rng(key))
    draft = _true_false(
        source,
        fact,
        key,
        lambda swap: f"{swap or fact.subject} said: \u201c{excerpt}\u201d",
        swaps,
    )
    if draft is None:
        return None
    return replace(draft, explanation=quotation_explanation(source, fact))


def _check(question: GeneratedQuestion) -> Iterator[str]:
    if question.options != (TRUE, FALSE) or question.correct not in ((TRUE,), (FALSE,)):
        yield "true/false must offer True and False"


TYPE = QuestionType(
    kind="true_false",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    builders={
        "value": _value_true_false,
        "term-expansion": _expansion_true_false,
        "term-description": _description_true_false,
        "person": _person_true_false,
        "quotation": _quotation_true_false,
    },
)
