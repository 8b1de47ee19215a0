"""Cloze: type the value blanked out of the source sentence.

A gap is only worth typing when the sentence reads on its own (see
:func:`reads_alone`), the value is something to retain (not the year a report
was published, a dateline, or the age of someone met once), and the stem
starts where the sentence starts: a long sentence loses its end, never its
beginning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefings.text.lexicon import MONTHS, WEEKDAYS
from quizzes.text.facts import Fact
from quizzes.text.facts.entities import PERSON
from quizzes.text.generation import entities
from quizzes.text.generation.aspects import gap_noun
from quizzes.text.generation.drafts import (
    BLANK,
    Draft,
    QuestionType,
    answers_in_stem,
    is_long,
    rate_difficulty,
    too_bare,
)
from quizzes.text.generation.source import (
    Source,
    mentions,
    quote,
    stopping_place,
    surname,
    unique,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.55

# Words at most the stem keeps after the gap when it cuts a long sentence.
_WORDS_AFTER_GAP = 12
# A gap further into the sentence than this has lost its context.
_MAX_WORDS_BEFORE_GAP = 40

_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(MONTHS)

# Openings that point back to an earlier sentence: "He", "The latter",
# "On the same day", "Meanwhile", "A month later", "Its technology".
_DANGLING_START = re.compile(
    r"^(?:[\"\u201c\u2018']\s*)?(?:"
    r"(?:he|she|it|they|we|i|you|his|her|its|their|our|my|this|these|that|those|such|both|"
    r"also|still|meanwhile|however|but|and|or|yet|so|then|thus|hence|instead|moreover|"
    r"furthermore|nevertheless|nonetheless|likewise|similarly|otherwise|later|earlier|"
    r"here|another|others)\b"
    r"|(?:a|the) (?:second|third|fourth|further|new|similar|separate)\b"
    r"|the (?:latter|former|same|two|three|four|other|rest|move|decision|incident|attack|"
    r"group|committee|report|piece|statement|study|survey|paper|document|agency|ministry|"
    r"government|organi[sz]ation|company|country|city|man|woman|victim|official|officials|"
    r"militants|rebels|president|minister|leader|bill|measure|plan|deal|programme|program)\b"
    r"(?-i:(?!\s+[A-Z]))"
    r"|(?:in|for|as) (?:addition|example|instance|contrast|turn|response|that case)\b"
    r"|as a result\b|at the same time\b|on the same day\b|by then\b|after that\b"
    r"|(?:(?:roughly|about|some|nearly|around|just|only)\s+)?(?:a|an|one|two|three|four|five|six|"
    r"\d+) (?:minute|hour|day|week|month|year)s? (?:later|earlier|before|after)\b"
    r")",
    re.IGNORECASE,
)
# Relative time the text resolves only in an earlier sentence.
_RELATIVE_TIME = re.compile(
    r"\b(?:the same (?:day|week|month|year)|(?:last|this|next) (?:week|month|year)(?!s)|"
    r"(?:yesterday|today|tomorrow)|the (?:day|week) before|the following (?:day|week|month)|"
    r"the previous (?:day|week|month|year)|the latter|the former|the aforementioned)\b",
    re.IGNORECASE,
)
_WEEKDAY_WORD = re.compile(rf"\b(?:{_WEEKDAY})\b")
_MONTH_WORD = re.compile(rf"\b(?:{_MONTH})\b")
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<![.!?\u201c\"]\s)(?<![\u201c\"])\b[A-Z][a-z\u00e0-\u00ff'\u2019-]+")
_FOOTNOTE = re.compile(r"\[(?:[ivxlc]+|\d+)\]")


def reads_alone(sentence: str) -> bool:
    """Whether ``sentence`` makes sense with no sentence before it.

    Not when it opens by pointing back ("He", "The latter", "On the same
    day", "Meanwhile"), leans on relative time ("last year", "on Sunday"
    with no date), or uses "he"/"his" before naming anyone.
    """
    text = sentence.strip()
    if not text or text[:1] in "\u2026.,;:" or text[:1].islower() or text.endswith(":"):
        return False
    if _DANGLING_START.match(text) or _RELATIVE_TIME.search(text):
        return False
    if _WEEKDAY_WORD.search(text) and not _MONTH_WORD.search(text):
        return False
    if _FOOTNOTE.search(text):
        return False
    pronoun = _PERSONAL_PRONOUN.search(text)
    if pronoun is None:
        return True
    first_word = len(text.split(" ", 1)[0])
    return _CAPITALISED.search(text, first_word, pronoun.start()) is not None


# A date that only says when a source was written or a remark made: "a 2026
# FAS estimate", "According to the Pentagon's 2026 National Defense
# Strategy", "The 2024 ATA said", "The DIA stated in 2025 that", "In July
# 2026, Secretary Rubio stated, ...", "President Trump's June 2, 2026
# Executive Order".
_SOURCE_NOUNS = (
    r"(?i:(?:report|estimate|statement|testimony|strategy|study|survey|assessment|review|"
    r"interview|address|speech|paper|article|publication|document|analysis|letter|memo|"
    r"briefing|data|census|figures|poll|budget request|executive order|order|directive|"
    r"memorandum|proclamation|annual)s?)"
)
_REMARK_VERBS = (
    r"(?:said|says|stated|states|noted|notes|wrote|writes|told|remarked|testified|estimated|"
    r"assessed|found|concluded|reported|observed|commented|indicated)"
)
_SOURCE_AFTER = re.compile(
    rf"^(?:\s*,)?\s+(?:[A-Z][\w.&'\u2019-]*\s+){{0,5}}(?:[a-z-]+\s+)?{_SOURCE_NOUNS}\b"
    rf"|^\s+(?:[A-Z][\w.&'\u2019-]*\s+){{1,4}}{_REMARK_VERBS}\b"
)
# "In July 2026, Secretary Rubio stated, ...": the sentence is dated only by the remark.
_REMARK_AFTER_OPENING_DATE = re.compile(rf"^,\s+(?:[\w.'\u2019-]+\s+){{1,8}}{_REMARK_VERBS}\b")
_SOURCE_BEFORE = re.compile(
    rf"\baccording to\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+){{0,3}}$|\b{_REMARK_VERBS}\s+(?:in|on)\s+$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^[\s-]*years?[\s-]+old\b|^[\s-]*year-old\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\baged?\s*$", re.IGNORECASE)
# "the treaty's February 5, 2026, expiration date": the comma closes the date.
_DETERMINER_BEFORE = re.compile(r"(?:['\u2019]s|\b(?:the|a|an|its|their|his|her))\s+$")


def worth_retaining(source: Source, fact: Fact, sentence: str, start: int, end: int) -> bool:
    """Whether the value at ``start``..``end`` of ``sentence`` is worth a question.

    Not the date a report or remark came out, nor the age of a passer-by.
    """
    before, after = sentence[:start], sentence[end:]
    if fact.kind == "date" and (_SOURCE_AFTER.match(after) or _SOURCE_BEFORE.search(before)):
        return False
    opening = re.fullmatch(r"(?:In|On)\s+", before)
    if fact.kind == "date" and opening and _REMARK_AFTER_OPENING_DATE.match(after):
        return False
    if fact.kind == "quantity" and (_AGE_AFTER.match(after) or _AGE_BEFORE.search(before)):
        return _names_a_recurring_person(source, sentence)
    return True


def _names_a_recurring_person(source: Source, sentence: str) -> bool:
    """An age is worth retaining for someone the article is about, not a passer-by."""
    for person in source.people:
        name = surname(person)
        if re.search(rf"\b{re.escape(name)}\b", sentence):
            told = sum(bool(re.search(rf"\b{re.escape(name)}\b", s)) for s in source.sentences())
            if told >= 3:
                return True
    return False


def _gap_sentence(sentence: str, start: int, end: int) -> str | None:
    """The sentence from its start, the value blanked, cut after the gap when long."""
    if len(sentence[:start].split()) > _MAX_WORDS_BEFORE_GAP:
        return None
    after = sentence[end:]
    # Only a date's closing comma goes: "after joining the Harbour Board, Vale" keeps its own.
    closes_a_date = sentence[end - 1 : end].isdigit()
    if after.startswith(",") and closes_a_date and _DETERMINER_BEFORE.search(sentence[:start]):
        after = after[1:]
    words = after.split(" ")
    total = len(sentence.split())
    cut = stopping_place(words, _WORDS_AFTER_GAP + 1)
    if total > _MAX_WORDS_BEFORE_GAP + _WORDS_AFTER_GAP and cut < len(words) - 1:
        after = " ".join(words[:cut]).rstrip(",;:\u2014\u2013- ") + "\u2026"
    blanked = sentence[:start] + BLANK + after
    return None if too_bare(blanked) else blanked


def _accepted_variants(source: Source, fact: Fact) -> tuple[str, ...]:
    """The canonical answer first, then other ways of writing it.

    Spellings, number words, "the" and month formats are forgiven when
    grading (:mod:`quizzes.text.answers`); what grading cannot know is
    listed here: an acronym the article defines for the answer, and a
    person's surname when no one else in the article shares it.
    """
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
    else:
        bare = value[4:] if value.lower().startswith("the ") else value
        variants.append(bare)
        variants += [d.term for d in source.article.glossary if d.expansion in (value, bare)]
        if value in source.people:
            last = surname(value)
            if sum(surname(p) == last for p in source.people) == 1:
                variants.append(last)
    return tuple(unique(variants))


def _cloze(source: Source, fact: Fact, key: str) -> Draft | None:
    if len(fact.value.split()) > 4 or fact.detail == "range":
        return None
    shown = source.shown(fact)
    if shown is None:
        return None
    sentence, start, end = shown
    if not reads_alone(sentence) or not worth_retaining(source, fact, sentence, start, end):
        return None
    blanked = _gap_sentence(sentence, start, end)
    if blanked is None:
        return None
    accepted = _accepted_variants(source, fact)
    if any(mentions(blanked, answer) for answer in accepted):
        return None
    return Draft(
        kind="cloze",
        stem=f"Type the missing {gap_noun(fact)}: {quote(blanked)}",
        options=(),
        correct=accepted,
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(
            BASE_DIFFICULTY,
            exact=fact.kind in ("date", "quantity"),
            long_source=is_long(sentence),
        ),
    )


_CLOZE_NAME_WORDS = 3


def _entity_cloze(source: Source, fact: Fact, key: str) -> Draft | None:
    """A short name the article keeps coming back to, typed into its sentence."""
    if fact.detail:
        return None  # "Full Name (ACR)": the initials would answer it.
    if len(fact.value.split()) > _CLOZE_NAME_WORDS or not entities.recurs(source, fact):
        return None
    if not entities.worth_asking(source, fact):
        return None
    shown = entities.shown_without_acronym(source, fact)
    if shown is None:
        return None
    sentence, start, end = shown
    if not reads_alone(sentence):
        return None
    blanked = _gap_sentence(sentence, start, end)
    own = entities.entity_of(source, fact)
    if blanked is None or own is None or source.fits_elsewhere(blanked):
        return None
    if entities.the_only_one_of_its_rank(source, fact, blanked):
        return None  # "Judge _____" names the one judge among the nominees
    # "Development" is no name of Rural Development: a body's one-word form is accepted
    # only as its acronym.
    forms = [f for f in own.forms if fact.category == PERSON or " " in f or f.isupper()]
    accepted = tuple(unique([fact.value, *forms]))
    if any(mentions(blanked, answer) for answer in accepted):
        return None
    return Draft(
        kind="cloze",
        stem=f"Type the missing name: {quote(blanked)}",
        options=(),
        correct=accepted,
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY, long_source=is_long(sentence)),
    )


def _check(question: GeneratedQuestion) -> Iterator[str]:
    yield from answers_in_stem(question)
    if question.stem.count(BLANK) != 1 or not question.correct:
        yield "cloze needs exactly one blank and an answer"
    if "\u201c\u2026" in question.stem:
        yield "cloze must start where its sentence starts"


TYPE = QuestionType(
    kind="cloze",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    builders={"value": _cloze, "entity": _entity_cloze},
)
