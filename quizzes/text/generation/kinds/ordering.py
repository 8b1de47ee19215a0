"""Ordering: dated events, earliest first, when the text makes their order certain."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefings.text.lexicon import word_set
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
    "has have had will would shall could can may might must is are plans plan aims expected "
    "projected planned intended scheduled aimed proposed"
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


# The words that tie a date to its clause: "On May 6, ...", "... in 2004.".
_DATE_LEAD = re.compile(
    r"(?:^|\s)(?:on|in|during)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE
)
_MAX_ITEM_WORDS = 24
# "When delegates gathered in Tarvo on May 6, the envoy said ...": the clause stands alone.
_CLAUSE_OPENERS = word_set("when after as once while")
# A lead that is not a clause at all: "At the summit on May 6, ...".
_PHRASE_OPENERS = word_set(
    """before following since although though because if until unless at in during with
    without upon for by from amid under"""
)
# What may follow the date and be left out: "... a retreat on May 3 after ...".
_ADJUNCT = re.compile(r"\s*,?\s*(?:after|before|following|amid|while|when|as|but|and)\b")
# "Meeting with Ann Lee on May 6, Omar Haddad said": Omar Haddad met with Ann Lee.
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


def _past_verb(word: str) -> bool:
    if "-" in word:
        return False  # "United States-led": an adjective.
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4 and word.islower())


def _item(source: Source, fact: Fact) -> str | None:
    """The event its sentence dates, as a clause that reads alone, or None.

    "On May 12, the Kandor assembly elected a new speaker." gives "The Kandor
    assembly elected a new speaker": the sentence without its date. A date not
    tied to its clause by "on", "in" or "during", or one whose removal leaves
    no clause ("At the summit in May, ..."), gives None.
    """
    for clause in _clauses(source, fact):
        clause = clause.strip().rstrip(".").strip()
        if not clause or clause[-1] in ",;:" or len(clause.split()) > _MAX_ITEM_WORDS:
            continue
        clause = clause[0].upper() + clause[1:]
        if _orderable_label(clause) and not BACK_REFERENCE.search(clause):
            return clause
    return None


def _clauses(source: Source, fact: Fact) -> Iterator[str]:
    """Ways of saying the dated event without its date, best first."""
    text = source.paragraph_text(fact.paragraph)
    before = text[fact.sentence_start : fact.value_start]
    after = text[fact.value_end : fact.sentence_end].rstrip()
    lead = _DATE_LEAD.search(before)
    if lead is None:
        return
    head = before[: lead.start()].strip()
    if not head:
        if after.startswith(","):
            yield after[1:]  # "On May 6, the assembly elected a speaker."
        return
    words = head.split()
    first = words[0].lower()
    if after.startswith(","):
        if first in _CLAUSE_OPENERS:
            yield " ".join(words[1:])
            return
        if first in _PARTICIPLES:
            yield from _participle_clause(words, after[1:])
            return
        if first in _PHRASE_OPENERS:
            return
    yield f"{head} {after.removeprefix(',').strip()}"
    if _ADJUNCT.match(after) and not _past_verb(words[-1].lower()):
        yield head  # "... a retreat from the port on May 3 after a siege."


def _participle_clause(lead: list[str], main: str) -> Iterator[str]:
    """ "Meeting with Ann Lee" and "Omar Haddad said ...": "Omar Haddad met with Ann Lee"."""
    words = main.split()
    for index, word in enumerate(words[:8]):
        if word.lower() in ("said", "told", "says") or _past_verb(word.lower()):
            subject = words[:index]
            if subject:
                yield " ".join([*subject, _PARTICIPLES[lead[0].lower()], *lead[1:]])
            return


def _actor(label: str) -> str | None:
    """The subject of a clause that reports a past event, or None if the label is not one.

    "The IAEA reported a breach" has "The IAEA"; "Was arrested at the
    border" has no subject, "The JCPOA requires" states rather than reports,
    and "Made in China 2025" is a title.
    """
    words = label.split()
    bare = [w.strip(",.;:()").lower() for w in words]
    if not 4 <= len(words) <= _MAX_ITEM_WORDS or not words[0][:1].isupper():
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
    if len(verbs) > 1 and verbs[-1] == len(bare) - 1:
        return None  # "... grew from a colony established": its date was what it said.
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
