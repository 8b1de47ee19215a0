"""A question before it is finished: the draft, its difficulty, its distractors, and
the checks every question type shares."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from briefings.text.lexicon import MONTHS, NOT_NAME_OPENERS, ROLE_MODIFIERS, ROLES, word_set
from quizzes.text import pool
from quizzes.text.facts import Fact
from quizzes.text.generation.source import (
    Source,
    fact_key,
    mentions,
    normalised,
    overlaps,
    quote,
)
from quizzes.text.question import GeneratedQuestion, QuestionKind
from quizzes.text.selection import KEYED_KINDS

BLANK = "_____"
"""Marks the gap in a cloze stem (and in gap-fill single-choice stems)."""

# Words a gapped sentence keeps besides its gap: "_____ grants." asks nothing.
_MIN_WORDS_AROUND_GAP = 4


def too_bare(blanked: str) -> bool:
    """Whether a gapped sentence has too few words around its gap to be a question."""
    return len(blanked.replace(BLANK, " ").split()) < _MIN_WORDS_AROUND_GAP


TRUE, FALSE = "True", "False"

LONG_SENTENCE_WORDS = 30

# ---------------------------------------------------------------------------
# Telling options apart by their form


def _form(text: str) -> tuple[bool, bool, bool, int, bool]:
    """What a reader sees at a glance: capital, digits, all-capitals, numbers, decimals."""
    return (
        text[:1].isupper(),
        any(c.isdigit() for c in text),
        len(text) > 1 and text.isupper(),
        len(re.findall(r"\d[\d,.]*", text)),
        re.search(r"\d\.\d", text) is not None,
    )


def _looks_alike(answer: str, candidate: str) -> bool:
    if _form(answer) != _form(candidate):
        return False
    shorter, longer = sorted((len(answer), len(candidate)))
    return longer <= 12 or longer <= 2 * shorter


def pick_distractors(
    answer: str,
    tiers: Sequence[Iterable[str]],
    count: int,
    rng: random.Random,
    *,
    avoid: str = "",
    exclude: Iterable[str] = (),
) -> list[str]:
    """Up to ``count`` distractors for ``answer``, best tier first.

    Candidates the stem (``avoid``) already mentions are left out: an option
    the question itself shows is easy to rule out.
    """
    taken = [answer, *exclude]
    chosen: list[str] = []
    for tier in tiers:
        # Shuffle first and stop as soon as enough are found: a long article
        # offers hundreds of candidates, and checking each against all the
        # others would be quadratic.
        candidates = list(dict.fromkeys(c.strip() for c in tier))
        rng.shuffle(candidates)
        if avoid:
            candidates = [c for c in candidates if not mentions(avoid, c)]
        for candidate in candidates:
            if len(chosen) >= count:
                break
            if not candidate or not normalised(candidate) or not _looks_alike(answer, candidate):
                continue
            if any(overlaps(candidate, other) for other in [*taken, *chosen]):
                continue
            chosen.append(candidate)
        if len(chosen) >= count:
            break
    return chosen


# ---------------------------------------------------------------------------
# Drafts and their difficulty


def rate_difficulty(
    base: float,
    *,
    exact: bool = False,
    items: int = 0,
    close: bool = False,
    long_source: bool = False,
    hinted: bool = False,
) -> float:
    """``base`` (the question type's) adjusted for what makes this question harder or easier."""
    score = base + 0.1 * exact + 0.05 * max(0, items - 3) + 0.1 * close + 0.05 * long_source
    score -= 0.1 * hinted
    return round(min(0.95, max(0.05, score)), 2)


def is_long(sentence: str) -> bool:
    return len(sentence.split()) > LONG_SENTENCE_WORDS


def first_number(text: str) -> float | None:
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(match.group().replace(",", "")) if match else None


def close_numbers(answer: str, distractors: Sequence[str]) -> bool:
    wanted = first_number(answer)
    if not wanted:
        return False
    return any(
        (got := first_number(d)) is not None and abs(got - wanted) <= 0.25 * wanted
        for d in distractors
    )


@dataclass(frozen=True, slots=True)
class Draft:
    """A question before its options are shuffled and it is checked.

    ``facts`` holds every fact the question uses, the one it is about first;
    a question about one fact has one.
    """

    kind: QuestionKind
    stem: str
    options: tuple[str, ...]
    correct: tuple[str, ...]
    facts: tuple[Fact, ...]
    key: str
    difficulty: float
    explanation: str = ""
    prompts: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    #: What a reader could copy the answer from, when ``correct`` does not say
    #: (a true/false statement's value and its swap).
    key_forms: tuple[str, ...] = ()


def _key_forms(source: Source, draft: Draft) -> tuple[str, ...]:
    """The answer as the text writes it anywhere: itself, its acronym or full name, a surname."""
    if draft.kind in KEYED_KINDS:
        forms = list(draft.correct[:1] if draft.kind == "cloze" else draft.correct)
    else:
        forms = []
    forms += draft.key_forms
    forms += _partial_dates(draft)
    aliases: list[str] = []
    for form in forms:
        aliases += source.aliases(form)
    return tuple(dict.fromkeys(f for f in [*forms, *aliases] if f.strip()))


def _partial_dates(draft: Draft) -> list[str]:
    """The year of a full date asked for: another question printing "1934" gives
    away "January 30, 1934" when the options differ in the year."""
    if draft.kind not in ("single_choice", "cloze") or not draft.facts:
        return []
    fact = draft.facts[0]
    year = str(fact.year) if fact.kind == "date" and fact.year and fact.month else ""
    return [year] if year and year in draft.correct[0] and year != draft.correct[0] else []


def finish(source: Source, draft: Draft) -> GeneratedQuestion:
    """The question as stored: options shuffled, every sentence it uses cited."""
    options = list(draft.options)
    if draft.kind in ("single_choice", "multiple_response", "matching"):
        rng = source.rng(draft.key)
        rng.shuffle(options)
        if draft.kind == "matching" and tuple(options) == draft.correct:
            options = options[1:] + options[:1]  # Never show the pairs already matched.
    # A term counts as exercised when the trainee reads it in the question itself.
    terms = draft.terms or source.terms_in(draft.stem, *draft.options, *draft.prompts)
    cited = {(f.paragraph, f.sentence_start, f.sentence_end) for f in draft.facts}
    # A quotation closed by "he said" is answered by the sentence naming him too.
    cited.update(
        naming
        for f in draft.facts
        if f.kind == "quotation" and (naming := source.naming_sentence(f)) is not None
    )
    citations = tuple(sorted(cited))
    explanation = draft.explanation or quote(source.sentence(draft.facts[0]))
    own = {(f.paragraph, f.sentence_start, f.sentence_end) for f in draft.facts}
    for number, start, end in citations:
        if (number, start, end) not in own:
            explanation = f"{quote(source.article.block(number).text[start:end])} {explanation}"
    paragraph, start, end = citations[0]
    if len(draft.facts) == 1:
        facts: tuple[str, ...] = (draft.key,)
    else:
        # Each item is keyed like the question asking about it alone, so the
        # two are known to share a fact.
        facts = tuple(dict.fromkeys(fact_key(f) for f in draft.facts))
    return GeneratedQuestion(
        kind=draft.kind,
        stem=draft.stem,
        options=tuple(options),
        correct=draft.correct,
        explanation=explanation,
        paragraph=paragraph,
        start=start,
        end=end,
        difficulty=draft.difficulty,
        key=draft.key,
        prompts=draft.prompts,
        terms=terms,
        citations=citations,
        facts=facts,
        key_forms=_key_forms(source, draft),
    )


def _same_quantity_kind(fact: Fact, other: Fact) -> bool:
    """Whether ``other`` counts what ``fact`` counts, at a size a reader could mistake for it.

    "$2 million" beside a "$350 million" compact is the same unit, but no
    reader would take one for the other.
    """
    if not (
        other.kind == "quantity"
        and other.unit == fact.unit
        and other.scale == fact.scale
        and other.number != fact.number
    ):
        return False
    if not fact.number or not other.number:
        return True
    return 0.2 <= other.number / fact.number <= 5


# One end of a range: "between $_____ billion and $2.1 billion", "6.4% to _____%", "from a
# low of $743 ... to a high of $_____". A swapped value may fall outside the other end.
_RANGE_START_BEFORE = re.compile(
    r"\b(?:from|between)\s+(?:a\s+(?:low|high)\s+of\s+)?[$\u20ac\u00a3]?$", re.IGNORECASE
)
_RANGE_END_BEFORE = re.compile(
    r"(?:\d[\d.,]*\s*(?:%|percent|million|billion|thousand)?\s*(?:to|and|-|\u2013)\s*"
    r"|\b(?:a|the)\s+(?:low|high|peak|maximum|minimum)\s+of\s+)[$\u20ac\u00a3]?$",
    re.IGNORECASE,
)
_RANGE_START_AFTER = re.compile(
    r"^\s*(?:%|percent|million|billion|thousand)?\s*(?:to|and|-|\u2013)\s*[$\u20ac\u00a3]?\d"
)


def in_range(before: str, after: str) -> bool:
    """Whether the value between ``before`` and ``after`` is one end of a range."""
    return bool(
        _RANGE_START_BEFORE.search(before)
        or _RANGE_END_BEFORE.search(before)
        or _RANGE_START_AFTER.match(after)
    )


_WHOLE_BEFORE = re.compile(r"\b(?:[Oo]f|out of)\s+(?:the\s+)?(\d[\d,]*)\b[^,;]*,?\s*$")
_TARGET = re.compile(r"\b(?:goals?|targets?|aims?|commitments?|net[ -]zero|pledged?)\b", re.I)
# "submit a plan within 90 days": deadlines are set in these steps; "within 80 days"
# is easy to rule out.
_DEADLINE = re.compile(r"\b(?:within|no later than|after|in the next|for)\s+$", re.I)
_DAYS_AFTER = re.compile(r"^\s*(?:calendar\s+|business\s+)?days\b")
_DEADLINE_DAYS = ("30", "60", "90", "120", "180", "45", "270", "365")
# "the 2020 U.S. presidential election": such years come every four, and a year off the
# cycle is ruled out by anyone who knows it.
_FOUR_YEARLY_AFTER = re.compile(
    r"^\W*(?:U\.S\.\s+|US\s+|American\s+)?(?:presidential|midterm|mid-term)\s+elections?\b"
    r"|^\W*(?:Summer\s+|Winter\s+)?Olympics?\b",
    re.I,
)


def _quantity_ceiling(fact: Fact) -> float | None:
    if fact.unit == "%":
        return 100.0
    if fact.unit == "rank":
        return first_number(fact.subject)
    return None


_HEDGE = r"(?:about|some|around|roughly|nearly|almost|over|more\s+than|up\s+to|approximately)?\s*"
_CONVERSION_AFTER = re.compile(
    rf"^[^\s(]*(?:\s+[a-z]+){{0,2}}(?P<paren>\s*\({_HEDGE}[$\u20ac\u00a3]?\d[^()]*\))"
)
_CONVERSION_BEFORE = re.compile(rf"\(\s*{_HEDGE}[$\u20ac\u00a3]?$")


def conversion_in(after: str) -> re.Match[str] | None:
    """The bracketed conversion opening ``after``, the text after a value, if any.

    In "300-kilometre (186-mile)" the group ``paren`` is " (186-mile)". Left
    in a stem it gives the answer away; left in a statement whose value is
    swapped, it contradicts the statement.
    """
    return _CONVERSION_AFTER.match(after)


def converts(before: str) -> bool:
    """Whether ``before``, the text before a value, opens a bracketed conversion."""
    return _CONVERSION_BEFORE.search(before) is not None


def conversion_after(source: Source, fact: Fact) -> re.Match[str] | None:
    """The bracketed conversion that follows the fact's value, if any."""
    return conversion_in(source.paragraph_text(fact.paragraph)[fact.value_end : fact.sentence_end])


def is_conversion(source: Source, fact: Fact) -> bool:
    """Whether the value is itself the bracketed conversion of another ("(186-mile)")."""
    return converts(source.paragraph_text(fact.paragraph)[fact.sentence_start : fact.value_start])


# Capitalised words that follow "in" or "from" without naming a place:
# "in Executive Order 14", "to Protect Journalists", "in the Cold War".
_NOT_PLACE = re.compile(
    r"\b(?:Act|Agreement|Assessment|Congress|Democracy|Journalists|Lama|Matters|Nuclear|Order|"
    r"Pentagon|Program|Programme|Related|Report|START|Test|Treaty|War)\b|ian$|ean$|[\u2019']s\b"
)


def _place_distractors(source: Source, fact: Fact) -> list[list[str]]:
    """Other places: those the article relates events to first, then others it names."""
    sentence = source.sentence(fact)
    organisations = [*source.organisations, *(d.term for d in source.article.glossary)]

    kind = pool.place_kind(fact.value)

    def fits(place: str) -> bool:
        return (
            pool.place_kind(place) == kind
            and not mentions(sentence, place)
            and not source.near(place, fact.value)
            and not _NOT_PLACE.search(place)
            and not any(overlaps(place, name) for name in organisations)
        )

    related = [f.value for f in source.all_facts if f.kind == "relation" and f.category == "place"]
    # Any capitalised word after "in" may be a place ("in Pashto", "in Rain"): a
    # name found only that way must at least be a known country or a region.
    named = [p for p in source.places if pool.place_kind(p) != "locality"]
    return [[p for p in related if fits(p)], [p for p in named if fits(p)]]


_NOT_A_NAME_START = word_set(
    "after also although and as at before but by does during for from if in of on once or "
    "over see since so the then through under until when where whether while with yet"
)


def opens_no_name(name: str) -> bool:
    """Whether ``name`` begins with a word that begins a clause, not a name: "If the Army",
    "For FY2027"."""
    words = name.split()
    return bool(words) and words[0].lower() in (_NOT_A_NAME_START | NOT_NAME_OPENERS) - {"the"}


_LINKING = word_set("of for the and on in to")


# Classes of civil servants, not bodies anyone works at.
PERSONNEL_CLASS = re.compile(r"\bSenior (?:Foreign|Executive) Service\b|\bCivil Service\b")


def is_a_post(name: str) -> bool:
    """Whether a name is a post at a body, not the body: "State Treasurer of the
    Commonwealth", "Vice Chairman of the Gateway Development Commission"."""
    head = name.split(" of ", 1)[0].split() if " of " in name else []
    words = [w.lower() for w in head if w.lower() != "and"]
    return bool(words) and words[-1] in ROLES and all(w in ROLES | ROLE_MODIFIERS for w in words)


def organisation_names(source: Source) -> list[str]:
    """The organisations the article names, written as names ("International Crisis Group").

    Not a title ("Secretary of State") and not a body named by whose it is
    ("Mongolia's Constitutional Court"): neither reads as the answer's kind.
    """
    names = source.organisations
    # "State Department" and "Department of State" are one body: keep the first.
    seen: set[frozenset[str]] = set()
    distinct = []
    for name in names:
        words = frozenset(w for w in normalised(name).split() if w not in _LINKING)
        if words not in seen:
            seen.add(words)
            distinct.append(name)
    return [
        name
        for name in distinct
        if name[:1].isupper()
        # "International Fund for Saving" is a name cut short; "HUN and the Green
        # Party" is two names.
        and not any(other != name and other.startswith(name + " ") for other in names)
        and " and the " not in name
        and not PERSONNEL_CLASS.search(name)  # a rank, no one's employer
        and not is_a_post(name)  # "Vice Chairman of the Gateway Development Commission"
        and name.split()[0].lower() not in _NOT_A_NAME_START | ROLES | NOT_NAME_OPENERS
        and "\u2019s " not in name
        and "'s " not in name
        # "Soviet Union" is a state, not a body among bodies.
        and name not in pool.COUNTRIES
        and not cut_short(source.text, name)
    ]


# What joins a body to the one it belongs to: "the Bureau (MCHB) within the
# Administration", "an office of", "part of".
_WITHIN = (
    r"\s*(?:\([A-Z][A-Za-z&.-]*\))?\s*,?\s*(?:which\s+is\s+)?(?:within|of|in|under|"
    r"(?:a\s+)?part\s+of|(?:a|an)\s+(?:component|agency|office|bureau|division|unit)\s+of)"
    r"\s+(?:the\s+)?"
)


def nested_bodies(source: Source, name: str) -> set[str]:
    """The bodies the article places ``name`` inside, or inside ``name``, at any depth:
    "MCHB within HRSA of HHS" nests all three, so none is a wrong answer for another."""
    forms = {name, *source.aliases(name)}
    bodies = {n: {n, *source.aliases(n)} for n in organisation_names(source)}
    links: dict[str, set[str]] = {}
    for body, body_forms in bodies.items():
        for form in body_forms:
            for match in re.finditer(rf"\b{re.escape(form)}\b{_WITHIN}", source.text):
                rest = source.text[match.end() : match.end() + 120]
                for other, other_forms in bodies.items():
                    if other != body and any(f in rest[: len(f) + 30] for f in other_forms):
                        links.setdefault(body, set()).add(other)
                        links.setdefault(other, set()).add(body)
    start = [b for b, b_forms in bodies.items() if b_forms & forms]
    seen: set[str] = set(start)
    queue = list(start)
    while queue:
        for other in links.get(queue.pop(), ()):
            if other not in seen:
                seen.add(other)
                queue.append(other)
    found = {form for body in seen for form in bodies[body]}
    return found - forms


_CONTINUED = r"\s+(?:and|&|with)\s+[A-Z]"


def cut_short(text: str, name: str) -> bool:
    """Whether the text always writes ``name`` as the head of a longer one:
    "White House Office of Science" of "... of Science and Technology Policy"."""
    found = [m.end() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    return bool(found) and all(re.match(_CONTINUED, text[end:]) for end in found)


_BODY_WORDS = word_set(
    """Administration Agency Alliance Army Assembly Association Authority Bank Board Bureau
    Coalition Command Commission Committee Commonwealth Community Conference Corporation Council
    Court Cross Department Federation Force Mission Secretariat
    Forces Foundation Front Fund Group Guard Institute League Ministry Movement Nations Office
    Organisation Organization Parliament Partnership Party Program Programme Project Service
    Union University"""
)


# A name ending in one of these is a credential, a post or an honour held by a person,
# whatever body word it holds: "Project Management Professional", "Meritorious Service Award".
_HELD_BY_A_PERSON = word_set(
    """Professional Auditor Officer Director Fellow Fellowship Scholar Scholarship Specialist
    Engineer Accountant Analyst Manager Award Awards Prize Medal Certificate"""
)


def is_body(name: str) -> bool:
    """Whether a name names a body ("Defense Intelligence Agency"), not a report or a thing."""
    words = re.findall(r"[A-Z][a-z]+", name)
    if words and words[-1] in _HELD_BY_A_PERSON:
        return False
    return any(word in _BODY_WORDS for word in words)


def is_party(name: str) -> bool:
    """A political party is offered only for a party: "Democratic Party" is no "Board of Peace"."""
    return re.search(r"\bPart(?:y|ies)\b", name) is not None


_SCHOOL = re.compile(r"\b(?:University|College|School|Academy|Polytechnic)\b")
_COMPANY = re.compile(r"\b(?:Inc|Corp|Corporation|Company|LLC|Ltd|Co)\.?$")


def kind_of_body(name: str) -> str:
    """What sort of body a name is, so that one is offered only among its sort:
    a party, a school, a company, a president's administration (a term of office:
    "created during the Reagan Administration"), or any other body."""
    if is_party(name):
        return "party"
    if _PRESIDENTS_ADMINISTRATION.fullmatch(name):
        return "administration"
    if _SCHOOL.search(name):
        return "school"
    return "company" if _COMPANY.search(name) else "body"


# "the Reagan Administration", "the Biden-Harris Administration", "the Obama-Biden
# Administration": named after its president, unlike "the Small Business Administration".
_PRESIDENTS_ADMINISTRATION = re.compile(
    r"(?:the\s+)?[A-Z][a-z]+(?:[-\u2010\u2011\u2060]+[A-Z][a-z]+)?\s+Administration"
)


def _latest_year(source: Source) -> int | None:
    years = [f.year for f in source.all_facts if f.kind == "date" and f.year is not None]
    return max(years) if years else None


_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
"""A year, also inside a decade ("1990s") or a range ("2015-2021")."""
_CLOSE_YEARS = 20
_NEAR_YEARS = 3
"""The article's years within this span of the answer come first: "2025" for the 1962 crisis
is easy to rule out."""


@lru_cache(maxsize=1 << 14)
def _years_apart(date: str, year: int | None) -> int:
    """Each date of an article is compared with each other date: kept."""
    stated = _YEAR.findall(date)
    if year is None or not stated:
        return 0
    return min(abs(int(y) - year) for y in stated)


# A year the article looks ahead to: "will create 850 jobs by 2030", "projected … in 2030",
# "the 2035 goal". The word that looks ahead comes shortly before the year, in its clause.
_AHEAD = re.compile(
    r"\b(?:will|would|shall|expected|expects?|projected|projects?|planned|plans?|scheduled|"
    r"forecasts?|intends?|intentions?|aims?|goals?|targets?|could|may|might)\b[^;]{0,160}$",
    re.I,
)


def _ahead(source: Source, fact: Fact) -> bool:
    """Whether the sentence looks ahead to the date rather than back."""
    sentence = source.sentence(fact)
    before = sentence[: fact.value_start - fact.sentence_start]
    return bool(_AHEAD.search(before) or _TARGET.search(sentence[len(before) :][:40]))


def _present_year(source: Source) -> int | None:
    """The latest year the article writes of as past or present: its own time, near enough."""
    years = [
        f.year
        for f in source.all_facts
        if f.kind == "date" and f.year is not None and not _ahead(source, f)
    ]
    return max(years) if years else None


def _same_side_of_now(source: Source, fact: Fact) -> Callable[[str], bool]:
    """Which wrong dates keep the tense of the sentence: a date the article looks ahead to
    gets others after its own time, a date in the past others up to it ("initiated in
    _____" is not offered 2030)."""
    present = _present_year(source)
    if present is None or fact.year is None:
        return lambda date: True
    if _ahead(source, fact) and fact.year > present:
        return lambda date: all(int(y) > present for y in _YEAR.findall(date))
    if fact.year <= present:
        return lambda date: all(int(y) <= present for y in _YEAR.findall(date))
    return lambda date: True


# "a 128% increase", "grew 150 percent": a share of a whole, unlike these, is at most 100.
_GROWTH_AFTER = re.compile(
    r"^\s*(?:%|percent|per cent)?\s*(?:[a-z]+\s+){0,2}?(?:increase|rise|growth|jump|gain|"
    r"higher|more|above|over|increased|rose|grew|jumped)\b",
    re.IGNORECASE,
)

_GROWTH_BEFORE = re.compile(
    r"\b(?:increas|ris|rose|gr[eo]w|jump|soar|climb|surg|higher|more)\w*\s+(?:by\s+)?"
    r"(?:(?:about|some|nearly|almost|over|more than|up to)\s+)?$",
    re.IGNORECASE,
)


def near_years_only(fact: Fact, distractors: list[str]) -> list[str]:
    """The distractors of a year within a few years of it, when two or more are: "2034"
    beside "2024", "2025" and "2026" is easy to rule out, and one option fewer is not."""
    if fact.kind != "date" or fact.category == "decade" or fact.year is None:
        return distractors
    year = fact.year
    near = [d for d in distractors if _years_apart(d, year) <= _NEAR_YEARS + 2]
    return near if len(near) >= 2 else distractors


def _plausible_date(candidate: str, latest: int | None) -> bool:
    """No year later than any the article mentions: a 2019 story knows nothing of 2029."""
    if latest is None:
        return True
    return all(int(year) <= latest for year in _YEAR.findall(candidate))


def _date_tiers(source: Source, fact: Fact) -> list[list[str]]:
    """The article's dates near the answer, then dates near it, then the article's others.

    None later than the article's latest year, unless the answer is a year it looks ahead
    to: "by 2035" is as plausible as "by 2030"."""
    latest = None if _ahead(source, fact) else _latest_year(source)
    stated = source.dates.get(fact.category, [])
    close = [d for d in stated if _years_apart(d, fact.year) <= _CLOSE_YEARS]
    year = fact.year if fact.category != "decade" else None
    nearby = pool.nearby_dates(fact.value, month=fact.month, day=fact.day, year=year)
    if fact.category == "decade" and fact.year is not None:
        nearby = [f"{fact.year + shift}s" for shift in (-10, 10, -20, 20, -30)]
    nearby = [d for d in nearby if _plausible_date(d, latest)]
    # A year or two away first: "by the end of 2015" for a 2025 deadline set in 2023 is
    # easy to rule out.
    near = [d for d in nearby if _years_apart(d, fact.year) <= _NEAR_YEARS]
    return [
        [d for d in close if _years_apart(d, fact.year) <= _NEAR_YEARS],
        near,
        [d for d in close if _years_apart(d, fact.year) > _NEAR_YEARS],
        [d for d in nearby if d not in near],
        [d for d in stated if d not in close],
    ]


_RANGE = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+(\d{4})\s+(?:and|to|through|until)\s+(\d{4})\b")


def _range_order(source: Source, fact: Fact) -> Callable[[str], bool]:
    """Which wrong years keep "between 2008 and 2013" in order: none after its end."""
    sentence = source.sentence(fact)
    offset = fact.value_start - fact.sentence_start
    for match in _RANGE.finditer(sentence):
        start, end = int(match.group(1)), int(match.group(2))
        if match.start(1) == offset:
            return lambda date: all(int(y) < end for y in re.findall(r"\d{4}", date))
        if match.start(2) == offset:
            return lambda date: all(int(y) > start for y in re.findall(r"\d{4}", date))
    return lambda date: True


_BOUND = re.compile(
    r"\b(?P<word>before|prior\s+to|until|till|by|after|since|following)\s+"
    r"(?:(?:early|mid|late|the\s+end\s+of)[-\s]+)?(?P<year>(?:1[5-9]|20)\d\d)\b",
    re.IGNORECASE,
)
_EARLIER = {"before", "prior to", "until", "till", "by"}


def _stem_bounds(stem: str, answer: str) -> Callable[[str], bool]:
    """Which wrong dates the stem leaves open: none after 2010 when it says "before
    2010", none before it after "since 2010". A bound the answer itself breaks
    belongs to another clause and is ignored."""
    bounds: list[tuple[int, bool]] = []  # (year, whether the date lies before it)
    for match in _BOUND.finditer(stem):
        earlier = re.sub(r"\s+", " ", match.group("word").lower()) in _EARLIER
        bounds.append((int(match.group("year")), earlier))

    def fits(year: int, bound: tuple[int, bool]) -> bool:
        return year <= bound[0] if bound[1] else year >= bound[0]

    answered = [int(y) for y in _YEAR.findall(answer)]
    bounds = [b for b in bounds if all(fits(y, b) for y in answered)]
    return lambda date: all(fits(int(y), b) for b in bounds for y in _YEAR.findall(date))


_BOUNDED_FIGURE = re.compile(
    r"(?:at least|at most|over|more than|less than|fewer than|up to|under|in excess of)\s",
    re.IGNORECASE,
)


def value_distractors(
    source: Source,
    fact: Fact,
    count: int,
    avoid: str,
    *,
    from_text_only: bool = False,
    conversion_removed: bool = False,
) -> list[str]:
    """Same-kind values: the article's own first, then nearby values.

    Dates and numbers are topped up with values near the answer (a few days,
    months or years; a round step or a few away), never later than the
    article's latest year and never a half or a double. Places and
    organisations come from the article only: one from elsewhere is easy to
    rule out. A value that has a bracketed conversion beside it gets none:
    a swapped value would contradict it, unless the caller has taken the
    conversion out (``conversion_removed``). A bound ("over 3 million") gets
    none: a value on its one side would be true too. ``from_text_only`` keeps to the
    article's values (a false statement must swap in something the text
    itself says elsewhere).
    """
    if fact.kind == "quantity" and is_conversion(source, fact):
        return []
    if fact.kind == "quantity" and _BOUNDED_FIGURE.match(fact.detail):
        return []  # "over 3 million visits": "over 2 million" would be true as well.
    if fact.kind == "quantity":
        text = source.paragraph_text(fact.paragraph)
        if in_range(text[fact.sentence_start : fact.value_start], text[fact.value_end :]):
            return []
    if fact.kind == "quantity" and conversion_after(source, fact) and not conversion_removed:
        return []
    rng = source.rng(f"distractors:{fact.paragraph}:{fact.value_start}")
    tiers: list[list[str]] = []
    if fact.kind == "date":
        within = _range_order(source, fact) if fact.detail == "range" else (lambda date: True)
        bounded = _stem_bounds(avoid, fact.value)
        tensed = _same_side_of_now(source, fact)
        tiers = [
            [d for d in tier if within(d) and bounded(d) and tensed(d)]
            for tier in _date_tiers(source, fact)
        ]
        year = fact.year if fact.category == "year" else None
        if year and year % 5 == 0 and _TARGET.search(source.sentence(fact)):
            # "their 2050 net zero goals": targets are round years; 2047 stands out.
            tiers = [[d for d in tier if d.isdigit() and int(d) % 5 == 0] for tier in tiers]
            tiers.append([str(year + step) for step in (-10, 10, -5, 5, 15, -15)])
        text = source.paragraph_text(fact.paragraph)
        if year and _FOUR_YEARLY_AFTER.match(text[fact.value_end : fact.sentence_end]):
            latest = None if _ahead(source, fact) else _latest_year(source)
            cycle = [str(year + step) for step in (-4, -8, 4, -12, 8)]
            tiers = [
                [d for d in tier if d.isdigit() and (int(d) - year) % 4 == 0] for tier in tiers
            ]
            tiers.append(
                [d for d in cycle if _plausible_date(d, latest) and bounded(d) and tensed(d)]
            )
    elif fact.kind == "quantity":
        text = source.paragraph_text(fact.paragraph)
        whole = _WHOLE_BEFORE.search(text[fact.sentence_start : fact.value_start])
        ceiling = _figure(whole.group(1)) if whole else _quantity_ceiling(fact)
        tiers.append([o.value for o in source.all_facts if _same_quantity_kind(fact, o)])
        if _DEADLINE.search(text[fact.sentence_start : fact.value_start]) and _DAYS_AFTER.match(
            text[fact.value_end :]
        ):
            tiers.append([d for d in _DEADLINE_DAYS if d != fact.value])
        tiers.append(pool.nearby_numbers(fact.value, ceiling=ceiling))
        if (
            fact.unit == "%"
            and ceiling is not None
            and not _GROWTH_AFTER.match(text[fact.value_end : fact.sentence_end])
            and not _GROWTH_BEFORE.search(text[fact.sentence_start : fact.value_start])
        ):
            # "up to a _____% discount": never 128, though the article states 128% elsewhere.
            tiers = [[v for v in tier if (_figure(v) or 0) <= ceiling] for tier in tiers]
        if whole and ceiling is not None:
            # "Of the 197 applicants, _____ were ...": no part larger than the whole.
            tiers = [[v for v in tier if (_figure(v) or 0) < ceiling] for tier in tiers]
    elif fact.category == "place":
        tiers.extend(_place_distractors(source, fact))
    elif pool.place_kind(fact.value) == "country":
        # A state read as a body ("the Soviet Union") is offered among states only.
        tiers.append([p for p in source.places if pool.place_kind(p) == "country"])
    else:
        sort = kind_of_body(fact.value)
        inside = nested_bodies(source, fact.value)
        names = [
            n
            for n in organisation_names(source)
            if kind_of_body(n) == sort and not inside & {n, *source.aliases(n)}
        ]
        # "transactions of the ESF with the _____": not the Exchange Stabilization Fund.
        tiers.append(
            [n for n in names if not any(mentions(avoid, a) for a in source.aliases(n))]
            if avoid
            else names
        )
    exclude = [fact.subject] if fact.kind == "relation" else []
    if from_text_only:
        tiers = tiers[:1]
    if fact.kind not in ("date", "quantity") or count < 2:
        return pick_distractors(fact.value, tiers, count, rng, avoid=avoid, exclude=exclude)
    ranked = pick_distractors(fact.value, tiers, count + 6, rng, avoid=avoid, exclude=exclude)
    return balanced(fact.value, ranked, count, dates=fact.kind == "date")


# ---------------------------------------------------------------------------
# Options that point at the answer by their pattern


def _date_parts(text: str) -> tuple[int | None, int | None, int | None]:
    """Month, day and year a date states ("March 4, 2026" -> 3, 4, 2026)."""
    month = None
    for index, name in enumerate(pool.MONTHS, start=1):
        if re.search(rf"\b{name[:3]}", text):
            month = index
            break
    years = _YEAR.findall(text)
    days = [int(d) for d in re.findall(r"(?<![\d,])\d{1,2}(?!\d)", text) if 1 <= int(d) <= 31]
    return month, days[0] if days else None, int(years[0]) if years else None


def _date_pattern(answer: str, options: Sequence[str]) -> bool:
    """Whether the answer is the centre of the dates or the odd one out.

    "March 4, 2026" among "March 18, 2026", "April 4, 2026" and "August 9,
    2024" shares its month with one option and its day with another, so a
    reader can triangulate it without reading; likewise an answer that alone
    lacks a month or year all the others share.
    """
    parts = [_date_parts(o) for o in [answer, *options]]

    def shared(i: int) -> int:
        return sum(
            1
            for j, other in enumerate(parts)
            if j != i
            for a, b in zip(parts[i], other, strict=True)
            if a is not None and a == b
        )

    scores = [shared(i) for i in range(len(parts))]
    if scores[0] > 0 and scores[0] > max(scores[1:]):
        return True
    for slot in range(3):
        wrong = {p[slot] for p in parts[1:]}
        if len(wrong) == 1 and None not in wrong and parts[0][slot] not in wrong:
            return True
    return False


def _number(text: str) -> float | None:
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(match.group().replace(",", "")) if match else None


def _roundness(text: str) -> float:
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return pool.precision(match.group()) if match else 1.0


def _number_pattern(answer: str, options: Sequence[str]) -> bool:
    """Whether the answer is the only figure between two equidistant ones
    ("1,718" among "1,518", "1,918" and "2,000"), or the only one not round
    ("1,718" among "2,000", "3,000" and "1,500")."""
    values = [_number(o) for o in [answer, *options]]
    if any(v is None for v in values):
        return False
    numbers = [v for v in values if v is not None]

    def centred(i: int) -> bool:
        return any(
            numbers[j] < numbers[i] < numbers[k]
            and abs((numbers[i] - numbers[j]) - (numbers[k] - numbers[i])) < 1e-9
            for j in range(len(numbers))
            for k in range(len(numbers))
        )

    centres = [i for i in range(len(numbers)) if centred(i)]
    if centres == [0]:
        return True
    key_step = _roundness(answer)
    return all(_roundness(o) > key_step for o in options) and len(options) > 1


def answer_stands_out(answer: str, options: Sequence[str], *, dates: bool) -> bool:
    """Whether the pattern of the options alone points at the answer."""
    return _date_pattern(answer, options) if dates else _number_pattern(answer, options)


def balanced(answer: str, ranked: Sequence[str], count: int, *, dates: bool) -> list[str]:
    """The best-ranked ``count`` of ``ranked`` whose pattern does not point at the answer.

    Falls back to the first ``count`` when every choice would.
    """
    for chosen in itertools.combinations(ranked, min(count, len(ranked))):
        if not answer_stands_out(answer, chosen, dates=dates):
            return list(chosen)
    return list(ranked[:count])


# ---------------------------------------------------------------------------
# Checks

Check = Callable[[GeneratedQuestion], Iterator[str]]
Builder = Callable[[Source, Fact, str], "Draft | None"]


@dataclass(frozen=True, slots=True)
class QuestionType:
    """One question type: how hard it is to start with, how it is built and checked.

    ``builders`` maps an aspect of a fact (see
    :func:`~quizzes.text.generation.aspects.aspects`) to the builder that asks
    about it in this type's form; ``collective`` builds the questions about
    several facts at once; ``check`` names what is wrong with a finished
    question of this type.
    """

    kind: QuestionKind
    base_difficulty: float
    check: Check
    builders: dict[str, Builder] = field(default_factory=dict)
    collective: Callable[[Source], Iterator[Draft]] | None = None


def answers_in_stem(question: GeneratedQuestion) -> Iterator[str]:
    """A stem that names an answer, in any form the text writes it, gives it away
    ("_____'s (EDA) $3 billion" for the Economic Development Administration)."""
    for answer in dict.fromkeys([*question.correct, *question.key_forms]):
        if mentions(question.stem, answer):
            yield f"stem gives away {answer!r}"


def option_problems(question: GeneratedQuestion) -> Iterator[str]:
    """Options must differ after normalisation and hold every right answer."""
    written = [normalised(o) for o in question.options]
    if len(set(written)) != len(written) or not all(written):
        yield "options repeat after normalisation"
    if not set(question.correct) <= set(question.options):
        yield "a correct answer is not an option"


_PAIRED = r"\s*(?:and|or|to|through|until|-|\u2013|\u2014)\s*"
_PAIRED_GAP = re.compile(rf"\d{_PAIRED}{BLANK}|{BLANK}{_PAIRED}(?:\w+\s+)?\d")


_FIGURE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def _figure(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _printed_in_a_code(question: GeneratedQuestion) -> bool:
    answer = str(question.correct[0]) if question.correct else ""
    if not re.fullmatch(r"\d+(?:\.\d+)?", answer):
        return False
    return bool(re.search(rf"[A-Za-z]{re.escape(answer)}(?![\d.])", question.stem))


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALED_FIGURE = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s*(?:%|percent))?(?:\s+(thousand|million|billion|trillion))?"
)
_MULTIPLE_WORDS = re.compile(r"\b(?:double|doubled|twice|triple|tripled|half|halved)\b", re.I)


def _scaled_figures(stem: str) -> list[tuple[float, bool]]:
    """The stem's figures as values (scale words applied), each with whether it is a percent."""
    found = []
    for match in _SCALED_FIGURE.finditer(stem):
        value = _figure(match.group(1))
        if value is None:
            continue
        scale = _SCALES.get((match.group(2) or "").lower(), 1.0)
        found.append((value * scale, "%" in match.group() or "percent" in match.group()))
    return found[:8]


def _derivable(stem: str, answer: str) -> bool:
    """Whether the answer follows from figures the stem prints: their sum, difference or
    percentage; the change between two as a percentage ("from 6,513 to 5,861 (a reduction
    of _____%)"); a whole from its part and share ("$511.2 million (45%) above … ($_____
    billion)"); or a double or half ("about double the $831 million")."""
    key = _figure(answer.strip().lstrip("$").rstrip("%").strip())
    if key is None or not key:
        return False
    figures = [f for m in _FIGURE.finditer(stem) if (f := _figure(m.group())) is not None][:8]
    if "%" in stem and any(abs(100 - f - key) < 0.051 for f in figures):
        return True  # "15% ethanol and _____% gasoline"
    tolerance = max(abs(key) * 0.02, 0.051 if "." in answer else 0.5)
    for index, first in enumerate(figures):
        for second in figures[index + 1 :]:
            results = (first + second, abs(first - second), first * second / 100)
            if any(abs(result - key) <= tolerance for result in results):
                return True
    after = stem.split(BLANK, 1)[1] if BLANK in stem else ""
    scale = re.match(r"\s*(thousand|million|billion|trillion)\b", after, re.I)
    asked_percent = bool(re.match(r"\s*(?:%|percent)", after))
    value = key * (_SCALES[scale.group(1).lower()] if scale else 1.0)
    scaled = _scaled_figures(stem.replace(BLANK, " "))
    amounts = [v for v, percent in scaled if not percent and v]
    shares = [v for v, percent in scaled if percent and 0 < v < 1000]
    close = max(abs(value) * 0.03, 0.6 if asked_percent else 0.0)
    if asked_percent:
        for index, first in enumerate(amounts):
            for second in amounts[index + 1 :]:
                change = abs(first - second) * 100
                if any(abs(change / base - value) <= close for base in (first, second)):
                    return True
                # "$511.2 million (_____%) above … ($1.14 billion)": one as a share of the other.
                low, high = sorted((first, second))
                if abs(low * 100 / high - value) <= close:
                    return True
    elif shares and any(
        abs(amount * 100 / share - value) <= close or abs(amount * share / 100 - value) <= close
        for amount in amounts
        for share in shares
    ):
        return True  # a whole from its part and share, or a part from its whole and share
    if _MULTIPLE_WORDS.search(stem) and not asked_percent:
        return any(
            abs(value - amount * factor) <= abs(value) * 0.06
            for amount in amounts
            for factor in (2.0, 3.0, 0.5)
        )
    return False


_HYPHENATED_GAP = re.compile(rf"[^\W\d_][-\u2010\u2011]{BLANK}")


# "the FY2019 _____ Appropriations Act": the gap is the front of a longer name.
_GAP_INSIDE_A_NAME = re.compile(rf"{BLANK}\s+(?!I\b)[A-Z][a-z]+")


def common_problems(question: GeneratedQuestion) -> Iterator[str]:
    """What every question needs, whatever its type."""
    if not 0.0 <= question.difficulty <= 1.0 or not question.explanation:
        yield "difficulty or explanation missing"
    answer = str(question.correct[0]) if question.correct else ""
    if (
        question.kind in ("single_choice", "cloze")
        and re.search(r"[A-Za-z]", answer)
        and not re.search(r"\d", answer)
        and answer.split()[0].capitalize() not in MONTHS
        and _GAP_INSIDE_A_NAME.search(question.stem)
    ):
        yield "the gap is part of a longer name"
    if question.kind in ("single_choice", "cloze") and _printed_in_a_code(question):
        # "_____% ethanol (E10)", "in FY2024 ... in _____".
        yield "the stem prints the answer inside a code"
    if question.kind in ("single_choice", "cloze") and _derivable(
        question.stem, str(question.correct[0]) if question.correct else ""
    ):
        # "exports of $_____ billion, imports of $212 billion, a deficit of $41 billion".
        yield "the stem's own figures give the answer"
    if _HYPHENATED_GAP.search(question.stem):
        # "the Biden-_____ administration": half of a hyphenated name.
        yield "the gap is half of a hyphenated word"
    if _PAIRED_GAP.search(question.stem):
        # "fiscal years 2024 and _____": the other end of a pair tells the answer.
        yield "the gap is one end of a pair the stem prints"
