"""Matching: acronyms to expansions, people to descriptions, quotations to speakers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from quizzes.text.facts import Fact
from quizzes.text.generation.aspects import (
    CONTEXTUAL_DESCRIPTION,
    chunks,
    person_facts,
    quotation_explanation,
    term_facts,
)
from quizzes.text.generation.drafts import (
    Draft,
    QuestionType,
    option_problems,
    rate_difficulty,
)
from quizzes.text.generation.source import (
    Source,
    aspect_key,
    excerpt_of,
    mentions,
    normalised,
    overlaps,
    quote,
    surname,
    unique,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.4
_MATCHING_SIZES = range(3, 6)


def _matching(
    source: Source,
    facts: Sequence[Fact],
    *,
    aspect: str,
    stem: str,
    left: Callable[[Fact], str],
    right: Callable[[Fact], str],
    explanation: Callable[[Fact], str] | None = None,
    terms: tuple[str, ...] = (),
) -> Iterator[Draft]:
    pairs: dict[str, Fact] = {}
    rights: set[str] = set()
    for fact in facts:
        prompt, item = left(fact), right(fact)
        if normalised(prompt) in pairs or normalised(item) in rights or overlaps(prompt, item):
            continue
        pairs[normalised(prompt)] = fact
        rights.add(normalised(item))
    for group in chunks(list(pairs.values()), _MATCHING_SIZES):
        prompts = tuple(left(f) for f in group)
        answers = tuple(right(f) for f in group)
        explain = explanation or (lambda f: quote(source.sentence(f)))
        yield Draft(
            kind="matching",
            stem=stem,
            options=answers,
            correct=answers,
            facts=tuple(group),
            key=aspect_key(aspect, *sorted(prompts)),
            difficulty=rate_difficulty(BASE_DIFFICULTY, items=len(group)),
            explanation=" ".join(unique(explain(f) for f in group)),
            prompts=prompts,
            terms=tuple(t for t in terms if any(t == f.subject for f in group)) or terms,
        )


def _matching_questions(source: Source) -> Iterator[Draft]:
    terms = term_facts(source)
    yield from _matching(
        source,
        terms,
        aspect="matching-terms",
        stem="Match each acronym to what it stands for in the article.",
        left=lambda f: f.subject,
        right=lambda f: f.value,
        terms=tuple(f.subject for f in terms),
    )
    people = [f for f in person_facts(source) if not CONTEXTUAL_DESCRIPTION.match(f.value)]
    # "president" beside "Russian President" could be matched either way.
    people = [
        f for f in people if not any(o is not f and overlaps(o.value, f.value) for o in people)
    ]
    yield from _matching(
        source,
        people,
        aspect="matching-people",
        stem="Match each person to how the article describes them.",
        left=lambda f: f.subject,
        right=lambda f: source.description(f.value),
    )
    first_quotes: dict[str, Fact] = {}
    for fact in source.facts:
        if fact.kind == "quotation" and fact.subject:
            excerpt = excerpt_of(fact.value, 18)
            if not any(mentions(excerpt, surname(p)) for p in source.people):
                first_quotes.setdefault(fact.subject, fact)
    yield from _matching(
        source,
        list(first_quotes.values()),
        aspect="matching-quotations",
        stem="Match each quotation to the person who said it.",
        left=lambda f: f"\u201c{excerpt_of(f.value, 18)}\u201d",
        right=lambda f: f.subject,
        explanation=lambda f: quotation_explanation(source, f),
    )


def _check(question: GeneratedQuestion) -> Iterator[str]:
    yield from option_problems(question)
    if (
        len(question.prompts) not in _MATCHING_SIZES
        or len(question.correct) != len(question.prompts)
        or sorted(question.options) != sorted(question.correct)
    ):
        yield "matching needs 3-5 pairs"


TYPE = QuestionType(
    kind="matching",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    collective=_matching_questions,
)
