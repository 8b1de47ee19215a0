"""Single choice: one right answer among three or four options."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizzes.text import pool
from quizzes.text.facts import Fact
from quizzes.text.generation.aspects import (
    CONTEXTUAL_DESCRIPTION,
    alike,
    blank_out,
    gap_noun,
    other_speakers,
    person_facts,
    quotation_explanation,
    term_facts,
)
from quizzes.text.generation.drafts import (
    Draft,
    QuestionType,
    answers_in_stem,
    close_numbers,
    is_long,
    option_problems,
    pick_distractors,
    rate_difficulty,
    value_distractors,
)
from quizzes.text.generation.source import (
    Source,
    excerpt_of,
    mentions,
    normalised,
    overlaps,
    quote,
    surname,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.3
_OPTIONS_PER_CHOICE = 4


def _gap_single_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    blanked = blank_out(source, fact)
    if blanked is None:
        return None
    distractors = value_distractors(source, fact, _OPTIONS_PER_CHOICE - 1, blanked)
    if len(distractors) < _OPTIONS_PER_CHOICE - 1:
        return None
    noun = gap_noun(fact)
    return Draft(
        kind="single_choice",
        stem=f"Which {noun} completes this sentence from the article? {quote(blanked)}",
        options=(fact.value, *distractors),
        correct=(fact.value,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(
            BASE_DIFFICULTY,
            exact=fact.kind in ("date", "quantity"),
            close=fact.kind == "quantity" and close_numbers(fact.value, distractors),
            long_source=is_long(source.sentence(fact)),
        ),
    )


def _expansion_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    rng = source.rng(key)
    others = [f.value for f in term_facts(source) if f.subject != fact.subject]
    used = normalised(source.text)
    pooled = [
        expansion
        for acronym, expansion in pool.organisations(british=source.british)
        if not re.search(rf"\b{acronym.lower()}\b", used)
    ]
    # Pool names sharing the acronym's first letter are the harder ones to rule out.
    pooled.sort(key=lambda name: name[:1] != fact.subject[:1])
    distractors = pick_distractors(fact.value, [others, pooled[:8], pooled[8:]], 3, rng)
    if len(distractors) < 3:
        return None
    return Draft(
        kind="single_choice",
        stem=f"In the article, what does {fact.subject} stand for?",
        options=(fact.value, *distractors),
        correct=(fact.value,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY, hinted=True),
        terms=(fact.subject,),
    )


def _description_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    answer = source.description(fact.detail)
    others = [source.description(f.detail) for f in term_facts(source) if f.detail and f != fact]
    rng = source.rng(key)
    pooled = [source.description(d) for d in pool.ORGANISATION_DESCRIPTIONS]
    distractors = pick_distractors(answer, [others, pooled], 3, rng)
    if len(distractors) < 3 or not mentions(source.paragraph_text(fact.paragraph), answer):
        return None
    return Draft(
        kind="single_choice",
        stem=f"How does the article describe {fact.subject}?",
        options=(answer, *distractors),
        correct=(answer,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY),
        terms=(fact.subject,),
    )


def _person_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    description = source.description(fact.value)
    sentence = source.sentence(fact)
    if CONTEXTUAL_DESCRIPTION.match(description) or not mentions(sentence, fact.subject):
        return None
    if overlaps(description, surname(fact.subject)):
        return None
    described = {f.subject: f.value for f in person_facts(source)}
    others = [
        person
        for person in source.people
        if surname(person) != surname(fact.subject)
        and not alike(described.get(person, ""), fact.value)
    ]
    distractors = pick_distractors(fact.subject, [others], 3, source.rng(key))
    if len(distractors) < 2:
        return None
    return Draft(
        kind="single_choice",
        stem=f"Who does the article describe as \u201c{description}\u201d?",
        options=(fact.subject, *distractors),
        correct=(fact.subject,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY),
    )


def _quotation_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    excerpt = excerpt_of(fact.value)
    paragraph = source.paragraph_text(fact.paragraph)
    if not mentions(paragraph, fact.subject) or mentions(excerpt, surname(fact.subject)):
        return None
    others, bystanders = other_speakers(source, fact, excerpt)
    distractors = pick_distractors(fact.subject, [others, bystanders], 3, source.rng(key))
    if len(distractors) < 2:
        return None
    return Draft(
        kind="single_choice",
        stem=f"Who said: \u201c{excerpt}\u201d?",
        options=(fact.subject, *distractors),
        correct=(fact.subject,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY, long_source=is_long(fact.value)),
        explanation=quotation_explanation(source, fact),
    )


def _check(question: GeneratedQuestion) -> Iterator[str]:
    yield from answers_in_stem(question)
    yield from option_problems(question)
    if len(question.options) < 3 or len(question.correct) != 1:
        yield "single choice needs one answer and at least two distractors"


TYPE = QuestionType(
    kind="single_choice",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    builders={
        "value": _gap_single_choice,
        "term-expansion": _expansion_choice,
        "term-description": _description_choice,
        "person": _person_choice,
        "quotation": _quotation_choice,
    },
)
