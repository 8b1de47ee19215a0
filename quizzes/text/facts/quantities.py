"""Figures and what they count: "1,200 kilometres", "$50 million", "144th out of 180"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.text.lexicon import word_set
from briefings.text.sentences import INITIALISM
from quizzes.text.facts.model import Fact
from quizzes.text.facts.phrases import noun_phrase_after, strip_fragment
from quizzes.text.facts.written_dates import YEAR_DIGITS

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
    r"page|pages|p\.|pp\.|Congress|Rule|Pillar|Phase|Title|Tier|Stage|Level|Step|Part|Volume|"
    r"Annex|Appendix|Schedule|Paragraph|Amendment|Division|Item|Round|Category|Class|Zone|"
    r"Sector|Unit|Flight|Route|Highway|Interstate|Line|Goal|Objective|Priority|Option|"
    r"Component|Track|Block|Pier|Gate|Terminal|Runway)\s*$"
)
_NOT_A_COUNT_AFTER = re.compile(r"\s+(?:Congress|Session|Amendment|Street|Avenue)\b")
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
_NOT_IN_A_COUNT = word_set(
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
        if word.endswith(".") and not INITIALISM.fullmatch(bare):
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
    if _NOT_A_COUNT_AFTER.match(text, match.end()):
        return None  # "the 119 Congress": a label, its "th" lost.
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
        subject = strip_fragment(rank.group(0))
    elif currency:
        unit = _CURRENCIES[currency]
        subject = noun_phrase_after(text, expression_end) or _clause_words_before(
            text, match.start()
        )
    elif match.group("percent"):
        unit = "%"
        of = re.match(r"\s+of\s+", text[expression_end:])
        subject = noun_phrase_after(text, expression_end + (of.end() if of else 0))
    elif hyphen := _HYPHEN_UNIT.match(text, match.end()):
        unit, expression_end = _singular(hyphen.group("unit")), hyphen.end()
        subject = noun_phrase_after(text, expression_end)
    else:
        counted = _counted_noun(text, match.end())
        if counted is None:
            return None
        unit, subject, expression_end = counted
        if unit in _CURRENCY_WORDS.values():
            subject = _clause_words_before(text, match.start())
    if not (currency or scale or "," in match.group("number")) and re.fullmatch(
        YEAR_DIGITS, match.group("number")
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


def quantity_facts(
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
