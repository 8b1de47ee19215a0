"""Facts a comprehension question can ask about, found in a parsed article.

A :class:`Fact` is one checkable statement the text makes, tied to the
sentence that makes it: when something happened, how much of something there
is, who said what, who someone is, what an acronym stands for, and where an
event took place or whom a group has aligned itself with. Questions are built
from facts (see :mod:`quizzes.text.generation`), so every question can quote
its source.

Only the text is used; nothing is looked up or inferred from outside it.

Dates are kept as written. ``year`` is set only when that date expression
itself states the year ("April 30, 2018", "February 2022", "since 1991");
"October 3" gets no year even when the article is plainly from a given year,
because the text does not say so. The generator orders dated events only when
their order follows from what is written (see ``generation.py``).

The extraction is heuristic and errs towards missing a fact rather than
inventing one: a number with no unit ("He was 38") or a date inside a range
("2008-2013") yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from briefings.text.article import Block, ParsedArticle
from quizzes.text.pool import MONTHS

__all__ = [
    "FACT_KINDS",
    "Fact",
    "FactKind",
    "contains_date",
    "event_phrase",
    "extract_facts",
    "sentence_containing",
    "split_sentences",
]

FactKind = Literal["date", "quantity", "quotation", "person", "term", "relation"]
FACT_KINDS: tuple[FactKind, ...] = ("date", "quantity", "quotation", "person", "term", "relation")


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement of the article, with the sentence that makes it.

    ``paragraph`` is the block number; ``sentence_start``/``sentence_end`` and
    ``value_start``/``value_end`` are offsets into that block's text, and
    ``value`` is exactly ``text[value_start:value_end]``. What the other
    fields hold depends on ``kind``:

    * ``date`` -- ``value`` is the date as written ("October 3", "1991",
      "May", "1990s"); ``subject`` is the event it dates ("The rebels
      announced a withdrawal from the city"); ``category`` is its
      shape (``month_day``, ``month_day_year``, ``month_year``, ``month``,
      ``year``, ``decade``); ``detail`` is "early"/"mid"/"late" when written,
      or "range" for one end of "between 2003 and 2008"; ``year``/``month``/
      ``day`` are what the expression states.
    * ``quantity`` -- ``value`` is the number as written ("1,200", "13.5",
      "600 or 700", "144th"); ``unit`` is what is counted, in the singular
      ("kilometre", "%", "dollar", "soldier", "rank"); ``scale`` is a
      written multiplier ("million"); ``number`` is the amount with the scale
      applied; ``subject`` is what is measured ("border"); ``detail`` is the
      whole expression as written ("1,200-kilometre", "$50 million").
    * ``quotation`` -- ``value`` is the quoted words; ``subject`` is the
      speaker's name ("" when the text does not name them); ``detail`` is how
      the text refers to the speaker.
    * ``person`` -- ``subject`` is the name; ``value`` is the description the
      text gives them.
    * ``term`` -- ``subject`` is the acronym; ``value`` its expansion;
      ``detail`` the description the text gives, if any.
    * ``relation`` -- ``subject`` is the event or actor; ``value`` the place
      or organisation it is related to; ``category`` is ``place`` ("a summit
      ... in Vienna") or ``affiliation`` ("has formally aligned itself with
      the Alliance"); ``detail`` is the linking words ("in", "aligned itself
      with").
    """

    kind: FactKind
    paragraph: int
    sentence_start: int
    sentence_end: int
    value: str
    value_start: int
    value_end: int
    subject: str
    detail: str = ""
    category: str = ""
    unit: str = ""
    scale: str = ""
    number: float | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# ---------------------------------------------------------------------------
# Sentences

# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = _wordset(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt gov sen rep rev st jr sr no nos vs
    etc al fig dept est approx ft mt inc ltd co corp jan feb mar apr jun jul aug sep sept
    oct nov dec"""
)
# "etc." and "Inc." often do end sentences; they stay abbreviations only
# before a lower-case word, which the boundary pattern already requires.
_ENDS_SENTENCES = frozenset({"etc", "inc", "ltd", "co", "corp"})

_SENTENCE_END = re.compile(
    r"(?P<stop>[.!?\u2026]+)(?P<close>[\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
)
_LAST_TOKEN = re.compile(r"(\S+)$")
_INITIALISM = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")


def _is_abbreviation(text: str, match: re.Match[str]) -> bool:
    if match.group("stop") != "." or match.group("close"):
        return False
    token_match = _LAST_TOKEN.search(text, 0, match.start())
    if token_match is None:
        return False
    token = token_match.group(1).lstrip("(\"'\u201c\u2018[")
    lowered = token.lower()
    if lowered in _ABBREVIATIONS and lowered not in _ENDS_SENTENCES:
        return True
    # An initial ("Robert O. Blake") or a dotted initialism ("U.S.", "H.R.").
    return bool(re.fullmatch(r"[A-Z]", token) or _INITIALISM.fullmatch(token))


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Split ``text`` into sentences, as ``(start, end)`` offsets.

    A sentence ends at ".", "!", "?" or an ellipsis, with any closing quote
    or bracket, followed by space and a capital, digit or opening quote. A
    full stop after an abbreviation ("Mr.", "Jan."), an initial or a dotted
    initialism ("U.S.") does not end one, and a decimal point never does.
    Spans exclude surrounding whitespace.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _is_abbreviation(text, match):
            continue
        _append_span(spans, text, start, match.end("close"))
        start = match.end()
    _append_span(spans, text, start, len(text))
    return tuple(spans)


def _append_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def sentence_containing(
    spans: tuple[tuple[int, int], ...], start: int, end: int | None = None
) -> tuple[int, int]:
    """The smallest run of sentences in ``spans`` covering ``start``..``end``."""
    end = start + 1 if end is None else max(end, start + 1)
    first = next((s for s in spans if s[1] > start), spans[-1])
    last = next((s for s in reversed(spans) if s[0] < end), first)
    return first[0], max(first[1], last[1])


# ---------------------------------------------------------------------------
# Dates

_MONTH_NAMES = MONTHS
_MONTH = (
    r"(?:Jan(?:uary|\.)|Feb(?:ruary|\.)|Mar(?:ch|\.)|Apr(?:il|\.)|May|June?\.?|July?\.?"
    r"|Aug(?:ust|\.)|Sep(?:tember|t\.|\.)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))"
)
_FULL_MONTH = "(?:" + "|".join(_MONTH_NAMES) + ")"
_YEAR_DIGITS = r"(?:1[7-9]\d\d|20\d\d)"
_QUALIFIER = r"(?:(?P<qualifier>early|late|mid)[\s-]+)?"

_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "month_day_year",
        re.compile(
            rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
            rf"(?P<year>{_YEAR_DIGITS})\b"
        ),
    ),
    (
        "month_day_year",
        re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR_DIGITS})\b"),
    ),
    ("month_year", re.compile(rf"\b(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR_DIGITS})\b")),
    (
        "month_day",
        re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d/,.]\d)"),
    ),
    ("month_day", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\b")),
    # A bare month name only after a preposition: "May" is also a verb.
    (
        "month",
        re.compile(
            r"\b(?i:in|since|by|until|from|during|through|throughout|last|this|next|of)\s+"
            rf"(?:the\s+)?{_QUALIFIER}(?P<month>{_FULL_MONTH})\b(?!\s+\d)"
        ),
    ),
    ("decade", re.compile(rf"\b{_QUALIFIER}(?P<year>(?:1[5-9]|20)\d0)s\b")),
    (
        "year",
        re.compile(
            rf"(?<![\w$\u00a3\u20ac#\u00a7/.,\u2013-])(?P<year>{_YEAR_DIGITS})(?![\w/%]|[.,\u2013-]\d)"
        ),
    ),
)
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:Order|Section|No\.|Resolution|Res\.|H\.R\.|S\.|Article|Chapter|Figure|Table|page|p\.)\s*$"
)
_PLURAL_NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]*[a-rt-z]s)\b")


@dataclass(frozen=True, slots=True)
class _DateMatch:
    start: int
    end: int
    shape: str
    year: int | None
    month: int | None
    day: int | None
    qualifier: str


def _month_number(token: str) -> int:
    return [m[:3] for m in _MONTH_NAMES].index(token[:3].title()) + 1


def _valid_day(month: int | None, day: int | None) -> bool:
    if day is None:
        return True
    longest = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return month is not None and 1 <= day <= longest[month - 1]


def _year_is_plausible(text: str, match: re.Match[str]) -> bool:
    start, end = match.span("year")
    if _NOT_A_YEAR_BEFORE.search(text, 0, start):
        return False
    # "(2006)" after a name is an aside, and "2000 soldiers" is a count.
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return False
    return _PLURAL_NOUN_AFTER.match(text, end) is None


def _find_dates(text: str) -> list[_DateMatch]:
    found: list[_DateMatch] = []
    for shape, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            group = "month" if shape == "month" else 0
            if shape in ("decade", "year"):
                group = "year"
            start, end = match.span(group)
            if shape == "decade":
                end += 1  # the "s" of "1990s"
            if any(start < f.end and f.start < end for f in found):
                continue
            if shape == "year" and not _year_is_plausible(text, match):
                continue
            groups = match.groupdict()
            month = _month_number(groups["month"]) if groups.get("month") else None
            day = int(groups["day"]) if groups.get("day") else None
            if not _valid_day(month, day):
                continue
            year = int(groups["year"]) if groups.get("year") and shape != "decade" else None
            if shape == "decade":
                year = int(groups["year"])
            found.append(
                _DateMatch(start, end, shape, year, month, day, groups.get("qualifier") or "")
            )
    return sorted(found, key=lambda d: d.start)


def contains_date(text: str) -> bool:
    """Whether ``text`` mentions a date, month, year or decade."""
    return bool(_find_dates(text))


# ---------------------------------------------------------------------------
# Event phrases: what a date dates

_SUBORDINATORS = (
    "when",
    "as",
    "after",
    "before",
    "while",
    "once",
    "until",
    "although",
    "though",
    "if",
    "because",
    "following",
)
_LEADING_PREPOSITIONS = ("in", "on", "since", "by", "during", "throughout", "at", "through")
_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s*|\s+[\u2013\u2014-]\s+|\u2014|,\s*(?=(?:and|but|which|who|whose|leaving|while|"
    r"whereas|although|though|according)\b)|,\s+|\s+(?=(?:after|before|because|although|though|"
    r"while|whereas|unless|until|but|since|when)\s)"
)
_DATE_PREPOSITION = re.compile(
    r"(?:\b(?P<prep>as of|on|in|since|by|until|till|from|during|through|throughout|at|before|"
    r"after|of|between|around|toward|towards)\s+)?(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)
_TIME_NOUN_OF = re.compile(
    r"(?:\b(?:on|in|at|by|toward|towards|until|from|during)\s+)?\bthe\s+(?:very\s+)?"
    r"(?:morning|evening|night|afternoon|day|eve|end|close|beginning|start|middle|spring|"
    r"summer|autumn|fall|winter|weekend|week|month|year|first half|second half)\s+of\s+$",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?P<det>(?i:a|an|the|its|his|her|their|our|this|that|these|those))|"
    r"(?P<owner>[\w.-]+(?:'s|\u2019s)))\s+$"
)
_PREPOSITION_BEFORE = re.compile(r"\b(?i:after|before|following|since|until|during)\s+$")
_NOUN_PHRASE_STOP = _wordset(
    """that which who whom whose to in on at for by with from as is was were are has have had
    will would could should may might can said says stated states indicated and or but after
    before since when while if the a an than into over under between against during per"""
)
_VERBISH = _wordset(
    """said says told tells stated states announced announces noted notes added adds argued
    argues believes believed warned warns is was were are has have had will would can could
    may might must should did does do appeared became becomes expressed reported wrote"""
)
_FUNCTION_WORDS = _wordset(
    "a an the of to and or in on at by for with from as its their his her that which"
)
_WORD = re.compile(r"\S+")


def _strip_fragment(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:\u2013\u2014-")
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    text = re.sub(r"(?<![A-Z])\.$", "", text)  # A sentence's full stop, not "U.S."
    if not re.search(r"\w", text):
        return ""
    return text.strip()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    # Keep "Obama", "NATO" and other names capitalised.
    if len(first) > 1 and first[1:].islower() and first.lower() not in {"i"}:
        return text[:1].lower() + text[1:]
    return text


def _shorten(text: str, limit: int = 16) -> str:
    words = text.split()
    for index, word in enumerate(words):
        bare = word.lower().strip(",;:")
        if index >= 4 and (bare in _SUBORDINATORS[1:] or word.endswith((";", ":"))):
            words = words[:index]
            break
    if len(words) > limit:
        words = words[:limit]
    while words and words[-1].lower().strip(",;:") in _FUNCTION_WORDS:
        words.pop()
    return _strip_fragment(" ".join(words))


def _date_phrase(sentence: str, start: int, end: int) -> tuple[int, int, str]:
    """Widen a date to its phrase ("on October 3", "in the late 1990s")."""
    time_of = _TIME_NOUN_OF.search(sentence, 0, start)
    if time_of is not None:
        phrase_start, preposition = time_of.start(), "time"
    else:
        before = _DATE_PREPOSITION.search(sentence, 0, start)
        assert before is not None  # the pattern can match the empty string
        phrase_start = before.start()
        preposition = (before.group("prep") or "").lower()
    phrase_end = end
    partner = re.match(r"\s*(?:and|to|-|\u2013)\s*", sentence[end:])
    if preposition in ("between", "from") and partner is not None:
        following = _find_dates(sentence[end + partner.end() :])
        if following and following[0].start == 0:
            phrase_end = end + partner.end() + following[0].end
    return phrase_start, phrase_end, preposition


def _noun_phrase_after(sentence: str, position: int) -> str:
    words: list[str] = []
    for match in _WORD.finditer(sentence, position):
        word = match.group()
        if "," in word.rstrip(","):
            word = word.split(",", 1)[0] + ","  # "policy,Russian": a missing space.
        bare = word.rstrip(",.;:")
        if not words and bare.lower() in ("the", "a", "an", "its", "their"):
            words.append(bare)
            continue
        if bare.lower() in _NOUN_PHRASE_STOP and bare.lower() != "of":
            break
        if bare.lower() == "of" and (not words or "of" in words):
            break
        if words and bare.lower().endswith("ed") and bare[:1].islower():
            break  # "constitutional changes increased the size": a verb.
        words.append(bare)
        if bare != word or len(words) >= 8:
            break
    while words and words[-1].lower() in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


def _noun_phrase_before(sentence: str, position: int) -> str:
    words = sentence[:position].split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:")
        if bare != word or bare.lower() in _NOUN_PHRASE_STOP - {"the", "a", "an"}:
            break
        # An owner ends the phrase ("Russia's invasion") unless it is the phrase's head.
        if taken and bare.endswith(("'s", "\u2019s")):
            taken.insert(0, bare)
            break
        taken.insert(0, bare)
        if bare.lower() in ("the", "a", "an"):
            break
    return " ".join(taken)


def _clause_subject(main: str, verbs: frozenset[str] | None = None) -> str:
    """The words before a clause's verb ("Foreign minister Jane Doe said ...")."""
    words: list[str] = []
    for word in main.split()[:9]:
        bare = word.strip(",;:")
        if bare[:1].islower():
            is_verb = bare in _VERBISH or (bare.endswith("ed") and len(bare) > 4)
            if is_verb:
                return " ".join(words) if verbs is None or bare in verbs else ""
        if word != word.rstrip(",;:") or not re.match(r"[\w(]", word):
            return ""
        words.append(word)
    return ""


_SPEECH_VERBS = _wordset(
    """said stated told noted announced wrote testified argued warned reported described
    indicated posted assessed claimed declared explained"""
)


def _speaker(main: str) -> str:
    return _clause_subject(main, _SPEECH_VERBS)


def _attributive_event(sentence: str, start: int, end: int) -> str | None:
    """The noun a date modifies: "a May 28 attack" dates the attack.

    Also "Russia's February 2022 invasion of Ukraine" (the owner is kept),
    "after May 2023 constitutional changes increased ..." (a bare noun phrase
    after a preposition), and "In a 2026 report, the State Department said"
    (whose report it was is in the main clause).
    """
    determiner = _DETERMINER_BEFORE.search(sentence, 0, start)
    if determiner is None:
        if not _PREPOSITION_BEFORE.search(sentence, 0, start):
            return None
        after = re.match(r"\s+(?=[a-z])", sentence[end:])
    else:
        after = re.match(r",?\s+(?=[A-Za-z])", sentence[end:])
    if after is None:
        return None
    head = _noun_phrase_after(sentence, end + after.end())
    if not head or head.split()[0].lower() in _VERBISH:
        return None
    if determiner is not None and determiner.group("owner"):
        return f"{_noun_phrase_before(sentence, determiner.end())} {head}"
    lead_end = _leading_clause_end(sentence, start, end)
    if determiner is not None and lead_end != -1:
        # "In a 2026 report, the State Department stated": its report. But
        # "According to a 2026 estimate, the United States has": not its own.
        owner = _speaker(_strip_fragment(sentence[lead_end + 1 :]))
        if owner and owner.split()[0].lower() not in ("it", "he", "she", "they", "we", "i"):
            return f"{owner}\u2019s {head}"
    return f"The {head}"


_NOT_PARTICIPLES = _wordset(
    "nothing something anything everything thing king spring morning evening during according"
)


def _is_participle(word: str) -> bool:
    bare = word.lower().strip(",")
    return bare.endswith("ing") and len(bare) > 5 and bare not in _NOT_PARTICIPLES


def _leading_clause_end(sentence: str, phrase_start: int, phrase_end: int) -> int:
    """Where a leading adverbial clause holding the date ends, or -1."""
    first = sentence.split(" ", 1)[0].lower().strip(",")
    if first in _SUBORDINATORS:
        # "When leaders of the bloc, a regional alliance, gathered ... on
        # May 15, the president said": the clause runs past its own commas.
        comma = sentence.find(",", phrase_end)
        return comma if comma != -1 else -1
    if first in _LEADING_PREPOSITIONS or _is_participle(first):
        comma = sentence.find(",", phrase_end if phrase_start == 0 else 0)
        return comma if comma >= phrase_end else -1
    return -1


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause holding ``start``..``end``, with "\x00" where that span was."""
    breaks = [
        match
        for match in _CLAUSE_BREAK.finditer(sentence)
        if not start <= match.start() < end
        # The break before "since 1991" is the phrase's own preposition.
        and not (match.end() == start and not match.group().strip())
    ]
    clause_start = max((m.end() for m in breaks if m.end() <= start), default=0)
    following = [m for m in breaks if m.start() >= end]
    clause_end = following[0].start() if following else len(sentence)
    before, after = sentence[clause_start:start], sentence[end:clause_end]
    if not before.strip() and not after.strip() and following:
        # "..., and as of 2024, Mongolia was ...": the date heads the next clause.
        after_end = following[1].start() if len(following) > 1 else len(sentence)
        after = sentence[following[0].end() : after_end]
    first = before.split()[0].lower() if before.split() else ""
    if first in _SUBORDINATORS or first in ("and", "but", "since"):
        before = before.split(" ", 1)[1] if " " in before.strip() else ""
    if clause_start and before[:1].islower() and _starts_with_verb(before):
        # "Russia, which maintains a test site, withdrew ...": restore the subject.
        before = f"{_leading_subject(sentence)} {before}"
    return before + "\x00" + after


def _starts_with_verb(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return first.islower() and first not in _NOUN_PHRASE_STOP and first not in _FUNCTION_WORDS


def _leading_subject(sentence: str) -> str:
    """A short subject set off by a relative clause or appositive: "Russia, which ..."."""
    head, _, rest = sentence.partition(",")
    if len(head.split()) > 6 or not re.match(r"\s+(?:which|who|a|an|the)\b", rest):
        return ""
    return head


def event_phrase(sentence: str, start: int, end: int) -> str:
    """What the date at ``start``..``end`` of ``sentence`` dates, without the date.

    "The rebels announced a withdrawal from the city on May 3 after ..."
    gives "The rebels announced a withdrawal from the city"; "a May 28
    attack" gives "The attack"; "Meeting with X on May 6, Foreign minister Y
    said ..." gives "Foreign minister Y meeting with X". Returns "" when no
    phrase can be told apart.
    """
    phrase_start, phrase_end, preposition = _date_phrase(sentence, start, end)
    attributive = _attributive_event(sentence, start, end)
    if attributive is not None:
        return _tidy_label(attributive)
    if preposition == "of":
        return _tidy_label(_noun_phrase_before(sentence, phrase_start))
    return _context_without(sentence, phrase_start, phrase_end)


_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+[^,]{1,60},\s*")


def _tidy_label(text: str) -> str:
    return _capitalise(_shorten(_APPOSITIVE.sub(" ", text)))


def _context_without(sentence: str, phrase_start: int, phrase_end: int) -> str:
    """The clause around ``phrase_start``..``phrase_end``, with that phrase removed."""
    lead_end = _leading_clause_end(sentence, phrase_start, phrase_end)
    if lead_end == -1:
        clause = _clause_around(sentence, phrase_start, phrase_end)
        before, _, after = clause.partition("\x00")
        next_word = after.split()[0].lower().strip(",") if after.strip() else ""
        if len(before.split()) >= 3 and next_word in _VERBISH:
            # "The capture of the city in late May has caused ...": the
            # date belongs to the subject, which is the event.
            return _tidy_label(before)
        return _tidy_label(clause.replace("\x00", " "))
    main = _strip_fragment(sentence[lead_end + 1 :])
    lead = _strip_fragment(sentence[:phrase_start] + " " + sentence[phrase_end:lead_end])
    first, _, body = lead.partition(" ")
    if first.lower() in _SUBORDINATORS:
        lead = body
    if len(lead.split()) < 2:
        return _tidy_label(main)  # "On July 30, Rogelio Barra was found dead ..."
    if _is_participle(lead.split(" ", 1)[0]):
        # "Meeting with X on May 6, Foreign minister Y said" is Y's meeting.
        subject = _clause_subject(main)
        if subject:
            lead = f"{subject} {_lower_first(lead)}"
    return _tidy_label(lead)


# ---------------------------------------------------------------------------
# Quantities

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUANTITY = re.compile(
    rf"(?<![\w.,/\u00a7#$\u00a3\u20ac+-])(?P<currency>US\$|\$|\u20ac|\u00a3)?"
    rf"(?P<number>{_NUMBER})(?:\s+(?:or|to)\s+(?:US\$|\$|\u20ac|\u00a3)?(?P<number2>{_NUMBER}))?"
    r"(?P<ordinal>st|nd|rd|th)?(?![\w/])"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?P<percent>\s*%|\s+per\s?cent\b|\s+percent\b)?"
)
_RANK = re.compile(rf"\s+out\s+of\s+(?P<total>{_NUMBER})(?:\s+(?P<noun>[a-z]+))?")
_HYPHEN_UNIT = re.compile(
    r"-(?P<unit>kilometre|kilometer|km|mile|metre|meter|foot|feet|inch|year|month|week|day|"
    r"hour|minute|ton|tonne|acre|hectare|storey|story|member|seat|mile)s?\b"
)
_UNIT_WORD = re.compile(r"\s+(\[[^\]]{1,20}\]|[A-Za-z][\w\u2019'.-]*)")
_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "personnel"})
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "\u2019s")
_CURRENCIES = {"US$": "dollar", "$": "dollar", "\u20ac": "euro", "\u00a3": "pound"}
_CURRENCY_WORDS = {"dollars": "dollar", "euros": "euro", "pounds": "pound"}
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:Order|Section|No\.|Nos\.|Resolution|Res\.|H\.R\.|S\.|Article|Chapter|Figure|Table|"
    r"page|pages|p\.|pp\.|Congress|Rule)\s*$"
)
_QUALIFIER_BEFORE = re.compile(
    r"(?:at least|at most|about|around|over|more than|less than|fewer than|nearly|almost|"
    r"roughly|some|up to|approximately|an estimated)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _QuantityMatch:
    start: int
    end: int
    expression_start: int
    expression_end: int
    unit: str
    scale: str
    number: float
    subject: str


# Words that end the search for what a number counts ("states" may be that noun).
_NOT_IN_A_COUNT = _wordset(
    """that which who whom whose to in on at for by with from as of the a an or but than into
    over under between against during per is was were are has have had will would could
    should may might can"""
)


def _is_plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in _IRREGULAR_PLURALS:
        return True
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(_NOT_PLURAL_ENDINGS)


def _singular(word: str) -> str:
    lowered = word.lower()
    if lowered in _IRREGULAR_PLURALS:
        return lowered
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "y"
    return lowered[:-1] if lowered.endswith("s") else lowered


def _counted_noun(text: str, position: int) -> tuple[str, str, int] | None:
    """The plural noun a number counts: ("soldier", "soldiers from ...", end)."""
    modifiers: list[str] = []
    cursor = position
    for _ in range(6):
        match = _UNIT_WORD.match(text, cursor)
        if match is None:
            return None
        word = match.group(1)
        cursor = match.end()
        if word.startswith("["):
            modifiers.append(word)
            continue
        bare = word.rstrip(".")
        if bare.lower() in _NOT_IN_A_COUNT:
            return None
        if word.endswith(".") and not _INITIALISM.fullmatch(bare):
            cursor -= 1
        if bare.lower() in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[bare.lower()], " ".join([*modifiers, bare]), cursor
        if _is_plural(bare) and (bare[:1].islower() or not modifiers):
            return _singular(bare), " ".join([*modifiers, bare]), cursor
        modifiers.append(bare)
    return None


def _number_value(text: str) -> float:
    return float(text.replace(",", ""))


def _clause_words_before(text: str, position: int, limit: int = 6) -> str:
    clause = re.split(r"[,;:()\u2013\u2014]", text[:position])[-1]
    return " ".join(clause.split()[-limit:])


def _quantity_from(text: str, match: re.Match[str]) -> _QuantityMatch | None:
    start = match.start("number")
    end = match.end("number2") if match.group("number2") else match.end("number")
    if match.group("ordinal"):
        end = match.end("ordinal")
    if _NOT_A_COUNT_BEFORE.search(text, 0, match.start()):
        return None
    currency, ordinal = match.group("currency"), match.group("ordinal")
    scale = match.group("scale") or ""
    expression_end = match.end()
    subject = ""
    if ordinal:
        rank = _RANK.match(text, match.end())
        if rank is None:
            return None
        unit, expression_end = "rank", rank.end()
        subject = _strip_fragment(rank.group(0))
    elif currency:
        unit = _CURRENCIES[currency]
        subject = _noun_phrase_after(text, expression_end) or _clause_words_before(
            text, match.start()
        )
    elif match.group("percent"):
        unit = "%"
        of = re.match(r"\s+of\s+", text[expression_end:])
        subject = _noun_phrase_after(text, expression_end + (of.end() if of else 0))
    elif hyphen := _HYPHEN_UNIT.match(text, match.end()):
        unit, expression_end = _singular(hyphen.group("unit")), hyphen.end()
        subject = _noun_phrase_after(text, expression_end)
    else:
        counted = _counted_noun(text, match.end())
        if counted is None:
            return None
        unit, subject, expression_end = counted
        if unit in _CURRENCY_WORDS.values():
            subject = _clause_words_before(text, match.start())
    if not (currency or scale or "," in match.group("number")) and re.fullmatch(
        _YEAR_DIGITS, match.group("number")
    ):
        return None  # A bare four-digit year-like number is read as a year.
    if text[match.start() - 1 : match.start()] == "(" and text[end : end + 1] == ")":
        return None  # An enumeration: "(1)".
    multiplier = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
    number = _number_value(match.group("number")) * multiplier.get(scale, 1.0)
    qualifier = _QUALIFIER_BEFORE.search(text, 0, match.start())
    expression_start = qualifier.start() if qualifier else match.start()
    return _QuantityMatch(
        start, end, expression_start, expression_end, unit, scale, number, subject
    )


def _find_quantities(text: str, taken: list[tuple[int, int]]) -> list[_QuantityMatch]:
    found: list[_QuantityMatch] = []
    taken = list(taken)
    for match in _QUANTITY.finditer(text):
        if any(match.start() < t_end and t_start < match.end() for t_start, t_end in taken):
            continue
        quantity = _quantity_from(text, match)
        if quantity is not None:
            found.append(quantity)
            # "144th out of 180 countries" is one fact, not two.
            taken.append((quantity.expression_start, quantity.expression_end))
    return found


# ---------------------------------------------------------------------------
# Relations

_EVENT_WORDS = re.compile(
    r"\b(?:summit|meeting|conference|talks|forum|ceremony|visit|gathered|met|held|hosted|"
    r"convened|attack|bombings?|explosion|election|rally|protests?|wargames|exercises?|"
    r"killed|shot|arrested|detained)\b",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-Z][\w\u2019'-]*"
_PLACE = re.compile(
    rf"\bin\s+(?:the\s+)?(?:(?:{_NAME_WORD}\s+)*(?:capital|city|town|village|province|region|"
    rf"district)\s+)?(?P<place>{_NAME_WORD}(?:\s+{_NAME_WORD})*)"
)
_AFFILIATION = re.compile(
    r"(?P<link>(?:(?:has|have|had)\s+)?(?:formally\s+|officially\s+|publicly\s+)?"
    r"(?:aligned\s+(?:itself|themselves|himself|herself)\s+with|allied\s+(?:itself\s+|"
    r"themselves\s+)?with|pledg(?:ed|ing)\s+allegiance\s+to|became\s+an?\s+(?:founding\s+)?"
    r"member\s+of|joined))\s+(?:the\s+)?"
    rf"(?P<organisation>{_NAME_WORD}(?:\s+(?:of|for|and|{_NAME_WORD}))*)"
)
_PLACE_DESCRIPTOR = re.compile(r"\s+(?:state|province|region|city|district|county|area)\b")
_NEAR_WORDS = 8
_NOT_PLACES = frozenset(
    [*_MONTH_NAMES, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)


@dataclass(frozen=True, slots=True)
class _RelationMatch:
    start: int
    end: int
    category: str
    subject: str
    link: str


def _trim_name(name: str, start: int) -> tuple[str, int]:
    words = name.split()
    while words and words[-1] in ("of", "for", "and"):
        words.pop()
    cleaned = " ".join(words)
    for suffix in ("\u2019s", "'s"):
        cleaned = cleaned.removesuffix(suffix)
    return cleaned, start + len(cleaned)


def _place_relations(
    sentence: str, offset: int, people_words: frozenset[str]
) -> list[_RelationMatch]:
    found: list[_RelationMatch] = []
    for match in _PLACE.finditer(sentence):
        place, place_end = _trim_name(match.group("place"), match.start("place"))
        clause_start = 0
        for brk in _CLAUSE_BREAK.finditer(sentence, 0, match.start()):
            clause_start = brk.end()
        # The event word must be near: in "met X and Y to discuss the situation
        # in Sudan", Sudan is not where they met.
        events = list(_EVENT_WORDS.finditer(sentence, clause_start, match.start()))
        near = events and len(sentence[events[-1].end() : match.start()].split()) <= _NEAR_WORDS
        if not near or not place or place in _NOT_PLACES or place.isupper():
            continue
        if set(place.split()) & people_words:
            continue
        descriptor = _PLACE_DESCRIPTOR.match(sentence, place_end)
        phrase_end = descriptor.end() if descriptor else place_end
        subject = _context_without(sentence, match.start(), phrase_end)
        found.append(
            _RelationMatch(
                offset + match.start("place"), offset + place_end, "place", subject, "in"
            )
        )
    return found


def _affiliation_relations(sentence: str, offset: int) -> list[_RelationMatch]:
    found: list[_RelationMatch] = []
    for match in _AFFILIATION.finditer(sentence):
        name, name_end = _trim_name(match.group("organisation"), match.start("organisation"))
        # The actor is the nearest clause before the link: "the group's leadership".
        subject = _strip_fragment(re.split(r"[,;:]|\band\b", sentence[: match.start()])[-1])
        link = re.sub(r"^(?:has|have|had)\s+", "", _strip_fragment(match.group("link")))
        found.append(
            _RelationMatch(
                offset + match.start("organisation"),
                offset + name_end,
                "affiliation",
                subject,
                link,
            )
        )
    return found


# ---------------------------------------------------------------------------
# Facts from the article's own structures


def _find_text(haystack: str, needle: str, start: int = 0) -> int:
    if not needle:
        return -1
    index = haystack.find(needle, start)
    if index == -1:
        index = haystack.lower().find(needle.lower(), start)
    return index


def _body_blocks(article: ParsedArticle) -> Iterator[Block]:
    return (block for block in article.blocks if block.kind != "heading")


def _term_facts(
    article: ParsedArticle, sentences: dict[int, tuple[tuple[int, int], ...]]
) -> Iterator[Fact]:
    for definition in article.glossary:
        if definition.defined_in not in sentences:
            continue
        text = article.block(definition.defined_in).text
        index = _find_text(text, definition.expansion, max(0, definition.start - 1))
        if index == -1:
            index = _find_text(text, definition.expansion)
        if index == -1:
            continue
        end = index + len(definition.expansion)
        start, stop = sentence_containing(sentences[definition.defined_in], index, end)
        yield Fact(
            kind="term",
            paragraph=definition.defined_in,
            sentence_start=start,
            sentence_end=stop,
            value=text[index:end],
            value_start=index,
            value_end=end,
            subject=definition.term,
            detail=definition.description,
        )


def _person_facts(
    article: ParsedArticle, sentences: dict[int, tuple[tuple[int, int], ...]]
) -> Iterator[Fact]:
    for person in article.people:
        if not person.description:
            continue
        numbers = [person.first_paragraph, *person.paragraphs]
        for number in dict.fromkeys(numbers):
            if number not in sentences:
                continue
            text = article.block(number).text
            index = _find_text(text, person.description)
            if index == -1:
                continue
            end = index + len(person.description)
            start, stop = sentence_containing(sentences[number], index, end)
            yield Fact(
                kind="person",
                paragraph=number,
                sentence_start=start,
                sentence_end=stop,
                value=text[index:end],
                value_start=index,
                value_end=end,
                subject=person.name,
            )
            break


def _quotation_facts(
    article: ParsedArticle, sentences: dict[int, tuple[tuple[int, int], ...]]
) -> Iterator[Fact]:
    for quotation in article.quotations:
        if quotation.paragraph not in sentences or quotation.end <= quotation.start:
            continue
        text = article.block(quotation.paragraph).text
        start, stop = sentence_containing(
            sentences[quotation.paragraph], quotation.start, quotation.end
        )
        yield Fact(
            kind="quotation",
            paragraph=quotation.paragraph,
            sentence_start=start,
            sentence_end=stop,
            value=text[quotation.start : quotation.end],
            value_start=quotation.start,
            value_end=quotation.end,
            subject=quotation.speaker or "",
            detail=quotation.speaker_label,
        )


# ---------------------------------------------------------------------------
# Facts found in each sentence


_RANGE_JOIN = ("-", "\u2013", "and", "to")


def _is_range_end(sentence: str, dates: list[_DateMatch], date: _DateMatch) -> bool:
    """Whether ``date`` is one end of "between 2003 and 2008" or "May-June 2020"."""
    for other in dates:
        first, second = (other, date) if other.start < date.start else (date, other)
        if first is second or sentence[first.end : second.start].strip() not in _RANGE_JOIN:
            continue
        joined_by_dash = sentence[first.end : second.start].strip() in ("-", "\u2013")
        opener = re.search(r"\b(?:between|from)\s+(?:the\s+)?$", sentence[: first.start], re.I)
        if joined_by_dash or opener:
            return True
    return False


def _date_facts(
    number: int, text: str, start: int, stop: int
) -> tuple[list[Fact], list[tuple[int, int]]]:
    sentence = text[start:stop]
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    dates = _find_dates(sentence)
    for date in dates:
        spans.append((start + date.start, start + date.end))
        in_range = _is_range_end(sentence, dates, date)
        facts.append(
            Fact(
                kind="date",
                paragraph=number,
                sentence_start=start,
                sentence_end=stop,
                value=sentence[date.start : date.end],
                value_start=start + date.start,
                value_end=start + date.end,
                subject=event_phrase(sentence, date.start, date.end),
                detail="range" if in_range else date.qualifier,
                category=date.shape,
                year=date.year,
                month=date.month,
                day=date.day,
            )
        )
    return facts, spans


def _quantity_facts(
    number: int, text: str, start: int, stop: int, taken: list[tuple[int, int]]
) -> list[Fact]:
    sentence = text[start:stop]
    local_taken = [(a - start, b - start) for a, b in taken]
    return [
        Fact(
            kind="quantity",
            paragraph=number,
            sentence_start=start,
            sentence_end=stop,
            value=sentence[q.start : q.end],
            value_start=start + q.start,
            value_end=start + q.end,
            subject=q.subject,
            detail=sentence[q.expression_start : q.expression_end].strip(),
            unit=q.unit,
            scale=q.scale,
            number=q.number,
        )
        for q in _find_quantities(sentence, local_taken)
    ]


def _relation_facts(
    number: int, text: str, start: int, stop: int, people_words: frozenset[str]
) -> list[Fact]:
    sentence = text[start:stop]
    relations = _place_relations(sentence, 0, people_words) + _affiliation_relations(sentence, 0)
    return [
        Fact(
            kind="relation",
            paragraph=number,
            sentence_start=start,
            sentence_end=stop,
            value=sentence[r.start : r.end],
            value_start=start + r.start,
            value_end=start + r.end,
            subject=r.subject,
            detail=r.link,
            category=r.category,
        )
        for r in relations
        if r.subject
    ]


def extract_facts(article: ParsedArticle) -> tuple[Fact, ...]:
    """Every fact the generator can ask about, in reading order.

    Body paragraphs and list items are read; headings are not (they state no
    facts of their own). Glossary definitions, people and quotations come
    from the parsed article; dates, quantities and relations are found in
    each sentence.
    """
    sentences = {block.number: split_sentences(block.text) for block in _body_blocks(article)}
    sentences = {number: spans for number, spans in sentences.items() if spans}
    people_words = frozenset(
        word for person in article.people for word in person.name.split() if word[:1].isupper()
    )
    facts: list[Fact] = [
        *_term_facts(article, sentences),
        *_person_facts(article, sentences),
        *_quotation_facts(article, sentences),
    ]
    for number, spans in sentences.items():
        text = article.block(number).text
        for start, stop in spans:
            if text[start] == "(" and text[stop - 1] == ")":
                continue  # An aside: a cross-reference or a byline, not a statement.
            dates, taken = _date_facts(number, text, start, stop)
            facts.extend(dates)
            facts.extend(_quantity_facts(number, text, start, stop, taken))
            facts.extend(_relation_facts(number, text, start, stop, people_words))
    kind_order = {kind: index for index, kind in enumerate(FACT_KINDS)}
    unique = {(f.kind, f.paragraph, f.value_start, f.value_end): f for f in facts}
    return tuple(
        sorted(unique.values(), key=lambda f: (f.paragraph, f.value_start, kind_order[f.kind]))
    )
