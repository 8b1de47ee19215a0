"""Ordering: dated events, earliest first, when the text makes their order certain."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefings.text.lexicon import ROLE_MODIFIERS, ROLES, word_set
from quizzes.text.facts import Fact, contains_date
from quizzes.text.generation.aspects import (
    chunks,
)
from quizzes.text.generation.drafts import (
    Draft,
    QuestionType,
    rate_difficulty,
)
from quizzes.text.generation.kinds.multiple_response import BACK_REFERENCE
from quizzes.text.generation.source import (
    Source,
    aspect_key,
    normalised,
    quote,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.55
_ORDERING_SIZES = range(3, 6)
_YEARLESS_WINDOW_DAYS = 92

_PERIODS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_DECADE_PERIODS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}


@dataclass(frozen=True, slots=True)
class _Period:
    """The stretch of time a written date stands for, as comparable numbers."""

    dated: bool
    first: int
    last: int


def _period(fact: Fact) -> _Period | None:
    """When the date could have been, from what it states; None if unorderable."""
    if fact.kind != "date" or fact.detail == "range":
        return None
    month, day, year = fact.month, fact.day, fact.year
    if fact.category == "decade" and year is not None:
        low, high = _DECADE_PERIODS.get(fact.detail, (0, 9))
        return _Period(True, (year + low) * 10000 + 101, (year + high) * 10000 + 1231)
    if year is not None:
        if month is None:
            return _Period(True, year * 10000 + 101, year * 10000 + 1231)
        first_day, last_day = (day, day) if day else _PERIODS.get(fact.detail, (1, 31))
        return _Period(
            True, year * 10000 + month * 100 + first_day, year * 10000 + month * 100 + last_day
        )
    if month is None:
        return None
    first_day, last_day = (day, day) if day else _PERIODS.get(fact.detail, (1, 31))
    return _Period(False, month * 100 + first_day, month * 100 + last_day)


def _day_of_year(value: int) -> int:
    return (value // 100 - 1) * 31 + value % 100


_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n\u2019t\b|n't\b")
# Words that point back to an earlier sentence: an item holding one is unclear alone.
_POINTING = word_set(
    """he she him his her they them it this these those also latter former same such there
    i we us our you according"""
)
# Verbs of a state or a plan, not of an event: "has maintained", "will host".
_NOT_EVENT = word_set(
    "has have had will would shall could can may might must is are plans plan aims expected"
)
_IRREGULAR_PAST = word_set(
    """was were became began broke came fell fled gave held hit kept left led lost made met
    ran rose sent set shot sold spoke stood struck took told won wrote brought bought built
    caught chose drew drove fought found grew knew laid paid put quit sank sought spent split
    spread swore threw underwent withdrew overthrew"""
)
_DANGLING_END = word_set(
    """a an the of to and or but by over with for in on at from as into onto pursuant than
    said stated noted added told"""
)
# A date after one of these bounds a state ("since 2001") or a plan ("by 2028"): no event.
_BOUNDING = re.compile(
    r"\b(?:since|by|until|till|through|throughout|before|after|from|between|around|toward|"
    r"towards|as of|within|beyond)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"(?:\b(?:the|a|an|its|their)|\w(?:\u2019s|'s))\s+$", re.IGNORECASE)


# "Meeting with Ann Lee on May 6, Omar Haddad said": Omar Haddad met Ann Lee.
_PARTICIPLES = {
    "meeting": "met",
    "holding": "held",
    "speaking": "spoke",
    "addressing": "addressed",
    "visiting": "visited",
    "signing": "signed",
    "attending": "attended",
    "launching": "launched",
    "hosting": "hosted",
    "announcing": "announced",
    "opening": "opened",
    "calling": "called",
    "leading": "led",
}


_TITLE_WORDS = ROLES | ROLE_MODIFIERS | word_set("of the")


def _past_verb(word: str) -> bool:
    if "-" in word:
        return False  # "United States-led": an adjective.
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4 and word.islower())


def _as_clause(label: str) -> str:
    """A label led by its subject and a participle, told in the past tense."""
    words = label.split()
    for index, word in enumerate(words[:8]):
        if word in _PARTICIPLES:
            if index and all(w[:1].isupper() or w.lower() in _TITLE_WORDS for w in words[:index]):
                return " ".join([*words[:index], _PARTICIPLES[word], *words[index + 1 :]])
            break
    return label


def _cut_short(source: Source, fact: Fact, item: str) -> bool:
    """Whether an item stops mid-phrase: "The World Bank reclassified Mongolia" (as what?)."""
    sentence = source.sentence(fact)
    tail = " ".join(item.split()[-3:])
    where = sentence.find(tail)
    if where == -1:
        return False
    following = sentence[where + len(tail) :]
    date_at = fact.value_start - fact.sentence_start - (where + len(tail))
    next_words = following.split()[:1]
    if not next_words or not next_words[0][:1].islower() or 0 <= date_at <= 12:
        return False
    following_word = next_words[0].strip(",.;:")
    # "reclassified Mongolia as ...": a short item stopping before "as" lacks its point.
    if following_word == "as":
        bare = {w.lower() for w in item.split()}
        return len(bare) <= 6 or bool(bare & _TAKING_AS)
    return following_word in _CONTINUING


_TAKING_AS = word_set(
    """described reclassified classified named designated labelled labeled recognised
    recognized listed appointed elected regarded"""
)

_CONTINUING = word_set("to for with over by of into onto from the a an than its their his her")


def _item(source: Source, fact: Fact) -> str | None:
    """The event as an ordering item: a clause that reads alone, or None."""
    item = _as_clause(fact.subject)
    if not _orderable_label(item) or BACK_REFERENCE.search(item) or _cut_short(source, fact, item):
        return None
    return item


def _actor(label: str) -> str | None:
    """The subject of a clause that reports a past event, or None if the label is not one.

    "The IAEA reported a breach" has "The IAEA"; "Was arrested at the
    border" has no subject, "The JCPOA requires" states rather than reports,
    and "Made in China 2025" is a title.
    """
    words = label.split()
    bare = [w.strip(",.;:()").lower() for w in words]
    if not 4 <= len(words) <= 14 or not words[0][:1].isupper():
        return None
    if set(bare) & _POINTING or bare[-1] in _DANGLING_END:
        return None
    if _past_verb(bare[0]) or bare[0] in _NOT_EVENT:
        return None  # "Was arrested at the border": whose arrest?
    if any(first == second for first, second in zip(bare, bare[1:], strict=False)):
        return None  # "The the district": a label cut badly.
    # The main verb comes first; "would" or "plans" after it belong to what was said.
    verbs = [
        index
        for index, word in enumerate(bare)
        if index and (_past_verb(word) or word in _NOT_EVENT)
    ]
    subject_end = verbs[0] if verbs else 0
    if verbs and bare[verbs[0]] in ("was", "were"):
        # "was withdrawn" reports an event; "was the main partner" a state.
        following = bare[verbs[0] + 1] if verbs[0] + 1 < len(bare) else ""
        if not _past_verb(following) or following in ("was", "were"):
            return None
        verbs = verbs[1:] if verbs[0] + 1 in verbs else verbs
    if not verbs or bare[verbs[0]] in _NOT_EVENT or verbs[0] + 1 in verbs:
        return None  # "A treaty signed divided": the date was cut out of the middle.
    return " ".join(bare[:subject_end])


def _dated_as_event(source: Source, fact: Fact) -> bool:
    """Whether the date says when something happened, not a bound, a plan or part of a name."""
    text = source.paragraph_text(fact.paragraph)
    before = text[fact.sentence_start : fact.value_start]
    after = text[fact.value_end : fact.sentence_end]
    if _BOUNDING.search(before):
        return False
    previous = before.split()[-1:] if before.strip() else []
    if previous and previous[0][:1].isupper() and before.strip() != previous[0]:
        return False  # "Made in China 2025", "Vision 2030".
    if _DETERMINER.search(before) and re.match(r"\s+[A-Z]", after):
        return False  # "the 2010 OSCE Madrid Ministerial".
    return fact.month is not None or fact.year is not None


def _orderable_label(label: str) -> bool:
    """An ordering item must say what happened, clearly, and not when."""
    if contains_date(label) or re.search(r"\d{4}|[\"\u201c\u201d]", label):
        return False
    return not _NEGATION.search(label) and _actor(label) is not None


def _chain(events: list[tuple[_Period, Fact]]) -> list[tuple[_Period, Fact]]:
    """The longest run of events, in order, whose periods do not overlap."""
    events = sorted(events, key=lambda e: (e[0].last, e[0].first))
    chain: list[tuple[_Period, Fact]] = []
    for event in events:
        if not chain or event[0].first > chain[-1][0].last:
            chain.append(event)
    return chain


def _yearless_window(events: list[tuple[_Period, Fact]]) -> list[tuple[_Period, Fact]]:
    """The largest set of yearless events within one three-month stretch."""
    events = sorted(events, key=lambda e: e[0].first)
    best: list[tuple[_Period, Fact]] = []
    for index, (period, _) in enumerate(events):
        window = [
            e
            for e in events[index:]
            if _day_of_year(e[0].last) - _day_of_year(period.first) <= _YEARLESS_WINDOW_DAYS
        ]
        if len(window) > len(best):
            best = window
    return best


def _ordering_questions(source: Source) -> Iterator[Draft]:
    dated: list[tuple[_Period, Fact]] = []
    yearless: list[tuple[_Period, Fact]] = []
    items: dict[Fact, str] = {}
    actors: set[str] = set()
    for fact in source.facts:
        period = _period(fact)
        item = _item(source, fact) if period is not None else None
        if period is None or item is None or not _dated_as_event(source, fact):
            continue
        if not period.dated and fact.day is None:
            continue  # "in May" of an unstated year is too loose to order by.
        # One actor twice ("the court ruled", "the court ruled again") reads as one event.
        actor = _actor(item) or ""
        if normalised(item) in {normalised(i) for i in items.values()} or actor in actors:
            continue
        items[fact] = item
        actors.add(actor)
        (dated if period.dated else yearless).append((period, fact))
    for chain in (_chain(_yearless_window(yearless)), _chain(dated)):
        for group in chunks([fact for _, fact in chain], _ORDERING_SIZES):
            events = tuple(items[f] for f in group)
            yield Draft(
                kind="ordering",
                stem="Put these events in the order in which they happened, earliest first.",
                options=events,
                correct=events,
                facts=tuple(group),
                key=aspect_key("ordering", *sorted(events)),
                difficulty=rate_difficulty(BASE_DIFFICULTY, items=len(events)),
                explanation=" ".join(quote(source.sentence(f)) for f in group),
            )


def _check(question: GeneratedQuestion) -> Iterator[str]:
    if (
        len(question.options) not in _ORDERING_SIZES
        or question.options != question.correct
        or len({normalised(o) for o in question.options}) != len(question.options)
    ):
        yield "ordering needs 3-5 distinct items"


TYPE = QuestionType(
    kind="ordering",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    collective=_ordering_questions,
)
