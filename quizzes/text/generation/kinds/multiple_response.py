"""Multiple response: people quoted, statements true.

Both kinds ask only what the text settles. "Quoted directly" offers as
right answers only people whose quotation names them in its own sentence,
and as wrong answers only people the article names without any speech,
so a quotation the parser missed cannot make a wrong option right.
"Statements true" offers sentences that read on their own, each false one
with one value swapped for another of the same kind that the article gives
elsewhere and that no sentence of the article supports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from briefings.text.lexicon import CALENDAR_WORDS, word_set
from quizzes.text.facts import Fact
from quizzes.text.generation.aspects import (
    can_be_swapped,
    quotation_explanation,
    swap_value,
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
from quizzes.text.generation.kinds.matching import certainly_said
from quizzes.text.generation.source import (
    Source,
    aspect_key,
    mentions,
    normalised,
    quote,
    surname,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.45
_STATEMENTS = 4
_MAX_STATEMENT_QUESTIONS = 3
_STATEMENT_WORDS = range(8, 31)


def _full_name(name: str) -> bool:
    return len(name.split()) >= 2


def _people_quoted(source: Source) -> Iterator[Draft]:
    quotes: dict[str, Fact] = {}
    for fact in source.facts:
        if fact.kind == "quotation" and fact.subject:
            quotes.setdefault(fact.subject, fact)
    certain = {name: fact for name, fact in quotes.items() if certainly_said(source, fact)}
    speakers = {*quotes, *source.speakers}
    unsure = _near_unsure_quotations(source)
    silent = [
        person
        for person in source.people
        if _full_name(person)
        and person not in speakers
        and not source.speaks(person)
        and not any(overlap(person, speaker) for speaker in speakers)
        and not mentions(unsure, surname(person))
    ]
    if len(certain) < 2 or not silent:
        return
    rng = source.rng("people-quoted")
    correct = list(certain)[:3]
    wrong = pick_distractors(
        correct[0], [silent], max(1, 5 - len(correct)), rng, exclude=correct[1:]
    )
    if not wrong or len(correct) + len(wrong) < 4:
        return
    named = {f.subject: f for f in source.facts if f.kind == "person" and f.subject in wrong}
    explanation = [quotation_explanation(source, quotes[name]) for name in correct]
    explanation += [
        f"{name} is named but not quoted: {quote(source.sentence(named[name]))}"
        for name in wrong
        if name in named
    ]
    yield Draft(
        kind="multiple_response",
        stem="Which of these people does the article quote directly? Select all that apply.",
        options=(*correct, *wrong),
        correct=tuple(correct),
        facts=(*(quotes[name] for name in correct), *(named[n] for n in wrong if n in named)),
        key=aspect_key("people-quoted", *sorted(correct)),
        difficulty=rate_difficulty(BASE_DIFFICULTY),
        explanation=" ".join(explanation),
    )


def _near_unsure_quotations(source: Source) -> str:
    """The paragraphs holding, or just before, a quotation whose speaker is not certain.

    Anyone named there may have said it, so is not offered as never quoted.
    """
    numbers = {
        number
        for fact in source.facts
        if fact.kind == "quotation" and _unsure(source, fact)
        for number in (fact.paragraph - 1, fact.paragraph)
    }
    return "\n".join(
        source.paragraph_text(n) for n in sorted(numbers) if 0 < n <= len(source.article.blocks)
    )


def _unsure(source: Source, fact: Fact) -> bool:
    """Whether a quotation's speaker could be someone the article names.

    "a defence analyst who asked to remain anonymous" is nobody named; a
    bare "he" or a speaker credited from afar may be anyone nearby.
    """
    if fact.subject:
        return not certainly_said(source, fact)
    return fact.detail.lower() in ("", "he", "she", "they", "we", "i")


def overlap(first: str, second: str) -> bool:
    """Two names that could be one person ("Lee", "Ann Lee")."""
    return surname(first) == surname(second)


# ---------------------------------------------------------------------------
# Statements that read on their own

# Words that point back to something an earlier sentence named.
_POINTING_WORDS = word_set(
    """he she him his her hers they them it this these those also latter former same such
    there here later earlier meanwhile however instead then yesterday today tomorrow
    too either still i me my we us our you your"""
)
_RELATIVE_TIME = re.compile(
    r"\b(?:last|next|this|that|the following|the previous|the same)\s+"
    r"(?:year|month|week|day|morning|evening|night|spring|summer|autumn|winter)\b"
    r"|\b(?:days?|weeks?|months?|years?|hours?|minutes?)\s+(?:later|earlier|before|after)\b",
    re.IGNORECASE,
)
# "The militants", "the northeastern city": a thing named in an earlier sentence.
BACK_REFERENCE = re.compile(
    r"\b[Tt]he\s+(?:[a-z][\w-]*\s+)?(?:city|town|village|group|country|region|committee|"
    r"report|piece|article|organi[sz]ation|company|agency|militants|rebels|government|official|"
    r"officials|treaty|agreement|deal|plan|program|programme|project|law|bill|latter|former|"
    r"two|three|body|bloc|party|ministry|minister|president|leader|court|move|decision|attack|"
    r"incident)\b"
)
# "A second compact", "a separate force": one of several the text has already named.
_ONE_OF_SEVERAL = re.compile(
    r"\b(?:a|the)\s+(?:second|third|fourth|further|separate|similar|new|another|other)\b"
    r"|\banother\b",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(r"\s*\[(?:\d{1,3}|[ivxlc]{1,6})\]")
_CONVERSION = re.compile(r"\([^)]*\d[^)]*\)")


def _proper_names(sentence: str) -> list[str]:
    """Capitalised words after the first, other than calendar words."""
    words = re.findall(r"[A-Za-z][\w\u2019'.-]*", sentence)[1:]
    return [w for w in words if w[:1].isupper() and w.lower() not in CALENDAR_WORDS]


def reads_alone(sentence: str) -> bool:
    """Whether a sentence makes sense without the ones before it.

    It opens as a sentence does, points back to nothing ("he", "also", "the
    same day", "the city"), quotes no one, names something, and is short
    enough to read as one option.
    """
    words = sentence.split()
    if len(words) not in _STATEMENT_WORDS or not sentence[:1].isupper():
        return False
    if re.search(r"[\"\u201c\u201d]|''", sentence) or _CONVERSION.search(sentence):
        return False
    bare = {w.strip(",.;:!?()\u2019'").lower() for w in words}
    if bare & _POINTING_WORDS or _RELATIVE_TIME.search(sentence):
        return False
    if BACK_REFERENCE.search(sentence) or _ONE_OF_SEVERAL.search(sentence):
        return False
    if re.match(r"(?:And|But|Or|So|Yet|Still)\b", sentence):
        return False
    return bool(_proper_names(sentence))


def _supported_elsewhere(source: Source, fact: Fact, replacement: str) -> bool:
    """Whether some sentence holds the swapped-in value together with the fact's subject.

    "on March 3" swapped in for "on March 4" stays true when the text says
    "on March 3 and 4"; a figure swapped in stays true when another sentence
    gives it for the same thing.
    """
    subject_words = {
        w for w in normalised(fact.subject).split() if len(w) > 3 and w not in _POINTING_WORDS
    }
    for sentence in source.sentences():
        if not mentions(sentence, replacement):
            continue
        shared = subject_words & set(normalised(sentence).split())
        if len(shared) >= min(2, len(subject_words)):
            return True
    return False


def _statement(source: Source, fact: Fact) -> tuple[str, str] | None:
    """The fact's sentence as a true statement and with one value swapped as a false one."""
    sentence = source.resolved_sentence(fact)
    if fact.kind not in ("date", "quantity", "relation") or not can_be_swapped(fact):
        return None
    if fact.kind == "date" and fact.detail == "range":
        return None
    if not reads_alone(_FOOTNOTE.sub("", sentence)):
        return None
    for swap in value_distractors(source, fact, 3, sentence, from_text_only=True):
        if mentions(sentence, swap) or _supported_elsewhere(source, fact, swap):
            continue
        false = swap_value(source, fact, swap)
        if mentions(source.text, false):
            continue
        return _FOOTNOTE.sub("", sentence), _FOOTNOTE.sub("", false)
    return None


def _true_statements(source: Source) -> Iterator[Draft]:
    """'Which statements are true?': each option a sentence, some with a value swapped."""
    candidates: list[tuple[Fact, str, str]] = []
    seen: set[tuple[int, int]] = set()
    for fact in source.facts:
        where = (fact.paragraph, fact.sentence_start)
        if where in seen:
            continue
        made = _statement(source, fact)
        if made is None:
            continue
        seen.add(where)
        candidates.append((fact, *made))
    groups = [
        candidates[start : start + _STATEMENTS]
        for start in range(0, len(candidates) - _STATEMENTS + 1, _STATEMENTS)
    ]
    for number, group in enumerate(groups[:_MAX_STATEMENT_QUESTIONS]):
        yield _statements_draft(source, group, number)


def _statements_draft(source: Source, group: Sequence[tuple[Fact, str, str]], number: int) -> Draft:
    rng = source.rng(f"statements:{number}:{group[0][1]}")
    truths = set(rng.sample(range(len(group)), rng.choice((1, 2, 2, 3))))
    options = tuple(
        sentence if index in truths else false for index, (_, sentence, false) in enumerate(group)
    )
    return Draft(
        kind="multiple_response",
        stem="Which of these statements are true according to the article? Select all that apply.",
        options=options,
        correct=tuple(options[index] for index in sorted(truths)),
        facts=tuple(fact for fact, _, _ in group),
        key=aspect_key("true-statements", *sorted(s for _, s, _ in group)),
        difficulty=rate_difficulty(BASE_DIFFICULTY, exact=True),
        explanation=" ".join(quote(source.sentence(fact)) for fact, _, _ in group),
    )


def _multiple_response_questions(source: Source) -> Iterator[Draft]:
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
