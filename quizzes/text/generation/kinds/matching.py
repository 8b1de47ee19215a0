"""Matching: people to descriptions, quotations to speakers.

Every column holds one kind of thing and every pair is the only one that
fits. Acronyms are never matched to their expansions (the initials give the
pairs away); a description is offered only when it is specific, of a piece
with the others and free of a nationality the name could betray; a
quotation only when its own sentence names its speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from briefings.text.lexicon import HONORIFICS, word_set
from briefings.text.sentences import split_sentences
from quizzes.text.facts import Fact
from quizzes.text.generation.aspects import (
    CONTEXTUAL_DESCRIPTION,
    alike,
    chunks,
    person_facts,
    quotation_explanation,
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
_DESCRIPTION_WORDS = range(2, 7)
_QUOTATION_WORDS = 6

# Nationalities whose form the general pattern below does not catch.
_NATIONALITIES = word_set(
    """tajik kazakh kyrgyz uzbek turkmen afghan thai czech greek french dutch swiss welsh
    irish scottish british danish swedish finnish polish spanish turkish kurdish iraqi
    israeli pakistani saudi qatari kuwaiti yemeni emirati bangladeshi nepali somali
    us u.s. usa uk u.k. eu un nato prc dprk roc uae"""
)
_DEMONYM = re.compile(r"\b[A-Z][a-z]+(?:ian|ean|an|ese|ish|i)\b")
_NAME_TITLES = HONORIFICS | word_set("mullah sheikh imam ayatollah emir king queen prince")


def _nationality(description: str) -> bool:
    """Whether a description names a country or people ("Russian president", "Uzbekistan's")."""
    words = {w.strip(",.\u2019'").lower() for w in description.split()}
    return bool(
        words & _NATIONALITIES
        or _DEMONYM.search(description)
        or re.search(r"[A-Z]\w+(?:\u2019s|'s)\b", description)
    )


def certainly_said(source: Source, fact: Fact) -> bool:
    """Whether the text names a quotation's speaker beside it, and no one else.

    The speaker must be named in the quotation's own sentence outside the
    quote, or, when that sentence names nobody ('"...," he said'), in the
    sentence just before, and that sentence must name no one else. A
    quotation credited by continuity or across a run of sentences may be
    credited to the wrong person.
    """
    if fact.kind != "quotation" or len(fact.subject.split()) < 2:
        return False
    sentence = source.sentence(fact)
    start, end = fact.value_start - fact.sentence_start, fact.value_end - fact.sentence_start
    outside = sentence[:start] + " " + sentence[end:]
    named = _named_in(source, outside)
    if not named and fact.detail.lower() in ("he", "she"):
        named = _named_in(source, _sentence_before(source, fact))
    return named == {surname(fact.subject)}


def _named_in(source: Source, text: str) -> set[str]:
    return {surname(p) for p in source.people if mentions(text, surname(p))}


def _sentence_before(source: Source, fact: Fact) -> str:
    """The sentence before the fact's, in its paragraph or at the end of the one before."""
    text = source.paragraph_text(fact.paragraph)
    before = text[: fact.sentence_start].strip()
    if before:
        spans = split_sentences(before)
        return before[spans[-1][0] : spans[-1][1]] if spans else before
    for number in range(fact.paragraph - 1, 0, -1):
        block = source.article.block(number)
        if block.kind == "heading":
            return ""
        spans = split_sentences(block.text)
        if spans:
            return block.text[spans[-1][0] : spans[-1][1]]
    return ""


def _matching(
    source: Source,
    facts: Sequence[Fact],
    *,
    aspect: str,
    stem: str,
    left: Callable[[Fact], str],
    right: Callable[[Fact], str],
    explanation: Callable[[Fact], str] | None = None,
) -> Iterator[Draft]:
    pairs: dict[str, Fact] = {}
    rights: set[str] = set()
    for fact in facts:
        prompt, item = left(fact), right(fact)
        if normalised(prompt) in pairs or normalised(item) in rights or overlaps(prompt, item):
            continue
        pairs[normalised(prompt)] = fact
        rights.add(normalised(item))
    explain = explanation or (lambda f: quote(source.sentence(f)))
    for group in chunks(list(pairs.values()), _MATCHING_SIZES):
        prompts = tuple(left(f) for f in group)
        answers = tuple(right(f) for f in group)
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
        )


def _shown_description(source: Source, fact: Fact) -> str:
    """The description as an option: without a leading article, so none stands out."""
    return re.sub(r"^the\s+", "", source.description(fact.value), flags=re.IGNORECASE)


def _describable(source: Source, fact: Fact) -> bool:
    name, description = fact.subject, _shown_description(source, fact)
    if len(name.split()) < 2 or name.split()[0].lower().strip(".") in _NAME_TITLES:
        return False  # A lone surname is unclear; "Mullah Omar" gives his role away.
    if CONTEXTUAL_DESCRIPTION.match(fact.value) or _nationality(description):
        return False
    if len(description.split()) not in _DESCRIPTION_WORDS:
        return False
    return not any(mentions(description, surname(p)) for p in source.people)


def _people_matching(source: Source) -> Iterator[Draft]:
    people = [f for f in person_facts(source) if _describable(source, f)]
    # "deputy mayor" beside "mayor", or two kinds of minister, could be matched either way.
    people = [
        f
        for f in people
        if not any(
            o.subject != f.subject
            and alike(_shown_description(source, o), _shown_description(source, f))
            for o in people
        )
    ]
    yield from _matching(
        source,
        people,
        aspect="matching-people",
        stem="Match each person to how the article describes them.",
        left=lambda f: f.subject,
        right=lambda f: _shown_description(source, f),
    )


def _quotations_matching(source: Source) -> Iterator[Draft]:
    first_quotes: dict[str, Fact] = {}
    for fact in source.facts:
        if not certainly_said(source, fact) or fact.subject in first_quotes:
            continue
        excerpt = excerpt_of(fact.value, 18)
        if len(excerpt.split()) < _QUOTATION_WORDS:
            continue  # "could not rule it out" says too little to tell its speaker by.
        if any(mentions(excerpt, surname(p)) for p in source.people):
            continue
        first_quotes[fact.subject] = fact
    yield from _matching(
        source,
        list(first_quotes.values()),
        aspect="matching-quotations",
        stem="Match each quotation to the person who said it.",
        left=lambda f: f"\u201c{excerpt_of(f.value, 18)}\u201d",
        right=lambda f: f.subject,
        explanation=lambda f: quotation_explanation(source, f),
    )


def _matching_questions(source: Source) -> Iterator[Draft]:
    yield from _people_matching(source)
    yield from _quotations_matching(source)


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
