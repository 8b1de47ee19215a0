"""Multiple response: acronyms defined, people quoted, statements true."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizzes.text import pool
from quizzes.text.facts import Fact
from quizzes.text.generation.aspects import (
    can_be_swapped,
    quotation_explanation,
    swap_value,
    term_facts,
)
from quizzes.text.generation.drafts import (
    Draft,
    QuestionType,
    answers_in_stem,
    option_problems,
    pick_distractors,
    rate_difficulty,
    value_distractors,
)
from quizzes.text.generation.source import (
    Source,
    aspect_key,
    mentions,
    normalised,
    quote,
    unique,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.45


def _acronyms_defined(source: Source) -> Iterator[Draft]:
    terms = term_facts(source)
    if not terms:
        return
    rng = source.rng("acronyms")
    correct = [f.subject for f in terms[:4]]
    used = normalised(source.text)
    unused = [a for a, _ in pool.ORGANISATIONS if not re.search(rf"\b{a.lower()}\b", used)]
    wrong = pick_distractors(
        correct[0], [unused], max(2, 5 - len(correct)), rng, exclude=correct[1:]
    )
    if len(wrong) < 2:
        return
    yield Draft(
        kind="multiple_response",
        stem="Which of these acronyms does the article define? Select all that apply.",
        options=(*correct, *wrong),
        correct=tuple(correct),
        facts=tuple(terms[:4]),
        key=aspect_key("acronyms-defined", *sorted(correct)),
        difficulty=rate_difficulty(BASE_DIFFICULTY),
        explanation=" ".join(unique(quote(source.sentence(f)) for f in terms[:4])),
        terms=tuple(correct),
    )


def _people_quoted(source: Source) -> Iterator[Draft]:
    quotes: dict[str, Fact] = {}
    for fact in source.facts:
        if fact.kind == "quotation" and fact.subject:
            quotes.setdefault(fact.subject, fact)
    silent = [p for p in source.people if p not in quotes and not source.speaks(p)]
    if not quotes or not silent:
        return
    rng = source.rng("people-quoted")
    correct = list(quotes)[:3]
    wrong = pick_distractors(
        correct[0], [silent], max(1, 5 - len(correct)), rng, exclude=correct[1:]
    )
    if not wrong or len(correct) + len(wrong) < 4:
        return
    yield Draft(
        kind="multiple_response",
        stem="Which of these people does the article quote directly? Select all that apply.",
        options=(*correct, *wrong),
        correct=tuple(correct),
        facts=tuple(quotes[name] for name in correct),
        key=aspect_key("people-quoted", *sorted(correct)),
        difficulty=rate_difficulty(BASE_DIFFICULTY),
        explanation=" ".join(quotation_explanation(source, quotes[name]) for name in correct),
    )


def _true_statements(source: Source) -> Iterator[Draft]:
    """'Which statements are true?': each option is a sentence, some with a value swapped."""
    candidates: list[tuple[Fact, str, str]] = []
    seen_sentences: set[tuple[int, int]] = set()
    for fact in source.facts:
        sentence = source.sentence(fact)
        where = (fact.paragraph, fact.sentence_start)
        if fact.kind not in ("date", "quantity", "relation") or where in seen_sentences:
            continue
        if not can_be_swapped(fact):
            continue
        if len(sentence.split()) > 25 or re.match(r"(?:He|She|They|It|This|These)\b", sentence):
            continue
        swaps = value_distractors(source, fact, 1, sentence)
        if not swaps or '"' in sentence or "\u201c" in sentence:
            continue
        false = swap_value(source, fact, swaps[0])
        if mentions(source.text, false):
            continue
        seen_sentences.add(where)
        candidates.append((fact, sentence, false))
    for start in range(0, len(candidates) - 3, 8):
        group = candidates[start : start + 4]
        rng = source.rng(f"statements:{start}")
        true_count = rng.choice((1, 2, 2, 3))
        truths = rng.sample(range(4), true_count)
        options = tuple(
            sentence if index in truths else false
            for index, (_, sentence, false) in enumerate(group)
        )
        correct = tuple(options[index] for index in sorted(truths))
        yield Draft(
            kind="multiple_response",
            stem=(
                "Which of these statements are true according to the article? "
                "Select all that apply."
            ),
            options=options,
            correct=correct,
            facts=tuple(fact for fact, _, _ in group),
            key=aspect_key("true-statements", *sorted(s for _, s, _ in group)),
            difficulty=rate_difficulty(BASE_DIFFICULTY, exact=True),
            explanation=" ".join(quote(sentence) for _, sentence, _ in group),
        )


def _multiple_response_questions(source: Source) -> Iterator[Draft]:
    yield from _acronyms_defined(source)
    yield from _people_quoted(source)
    yield from _true_statements(source)


def _check(question: GeneratedQuestion) -> Iterator[str]:
    yield from answers_in_stem(question)
    yield from option_problems(question)
    if len(question.options) <= len(question.correct):
        yield "multiple response needs a wrong option"


TYPE = QuestionType(
    kind="multiple_response",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    collective=_multiple_response_questions,
)
