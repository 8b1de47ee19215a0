"""Fallback distractors, used only when an article has too few of its own.

Wrong options work best when they come from the same article: a reader who
skimmed cannot rule them out by their look. When an article has fewer
same-kind values than a question needs, the generator tops the options up
from here: real international organisations (with their expansions), generic
descriptions of people and organisations, and numbers or dates near the
answer, written in the answer's own format so that no option stands out by
its form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefings.text.lexicon import MONTHS

__all__ = [
    "MONTHS",
    "ORGANISATIONS",
    "ORGANISATION_DESCRIPTIONS",
    "PERSON_DESCRIPTIONS",
    "nearby_dates",
    "nearby_numbers",
    "organisations",
]

# (acronym, expansion): well-known bodies a news article might plausibly name.
ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("ASEAN", "Association of Southeast Asian Nations"),
    ("AU", "African Union"),
    ("ADB", "Asian Development Bank"),
    ("EAEU", "Eurasian Economic Union"),
    ("EBRD", "European Bank for Reconstruction and Development"),
    ("ECO", "Economic Cooperation Organization"),
    ("GCC", "Gulf Cooperation Council"),
    ("IAEA", "International Atomic Energy Agency"),
    ("ICRC", "International Committee of the Red Cross"),
    ("IMF", "International Monetary Fund"),
    ("NATO", "North Atlantic Treaty Organization"),
    ("OIC", "Organization of Islamic Cooperation"),
    ("OPEC", "Organization of the Petroleum Exporting Countries"),
    ("OSCE", "Organization for Security and Co-operation in Europe"),
    ("SCO", "Shanghai Cooperation Organization"),
    ("UNDP", "United Nations Development Programme"),
    ("UNHCR", "United Nations High Commissioner for Refugees"),
    ("WFP", "World Food Programme"),
    ("WHO", "World Health Organization"),
    ("WTO", "World Trade Organization"),
)

ORGANISATION_DESCRIPTIONS: tuple[str, ...] = (
    "a regional trade bloc",
    "an international development bank",
    "a humanitarian relief agency",
    "a regional security alliance",
    "an intergovernmental energy forum",
    "a human rights monitoring body",
    "an opposition political party",
    "a separatist militia based in the mountains",
    "a United Nations specialised agency",
    "a press freedom advocacy group",
)

# Written without a leading article, like most descriptions in news copy.
PERSON_DESCRIPTIONS: tuple[str, ...] = (
    "former foreign minister",
    "opposition party leader",
    "regional security analyst",
    "human rights lawyer",
    "senior diplomat",
    "university professor of history",
    "retired army general",
    "local journalist",
    "government spokesperson",
    "central bank governor",
    "Western military attaché",
    "European Union envoy",
    "United Nations special rapporteur",
    "Kremlin spokesman",
)

# Factors that turn an answer into believable wrong numbers: near enough to
# need reading, far enough apart to be clearly wrong.
_FACTORS = (0.5, 1.5, 2.0, 0.75, 3.0, 1.25, 0.25, 4.0)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")


def organisations(*, british: bool) -> Iterator[tuple[str, str]]:
    """The pool's organisations, spelt -isation when the article spells that way."""
    for acronym, expansion in ORGANISATIONS:
        if british:
            expansion = expansion.replace("Organization", "Organisation")
        yield acronym, expansion


def _precision(literal: str) -> float:
    """The place value of a number's last significant digit: 1,200 -> 100."""
    digits = literal.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0


def _format_like(value: float, literal: str) -> str:
    """Write ``value`` the way ``literal`` is written (separators, decimals)."""
    digits = literal.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    # "1200" stays unseparated only if the article writes its own thousands that way.
    unseparated = "," not in literal and len(digits.split(".")[0]) >= 4
    return f"{value:.{decimals}f}" if unseparated else f"{value:,.{decimals}f}"


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _scaled(literal: str, factor: float, ceiling: float | None) -> str | None:
    number = float(literal.replace(",", ""))
    step = _precision(literal)
    value = round(number * factor / step) * step
    if value <= 0 or value == number or (ceiling is not None and value > ceiling):
        return None
    return _format_like(value, literal)


def _scale_all(value: str, factor: float, ceiling: float | None) -> str | None:
    """``value`` with every number in it scaled by ``factor``, or None if one cannot be."""
    parts = [_scaled(m.group(), factor, ceiling) for m in _NUMBER.finditer(value)]
    if not parts or not all(parts):
        return None
    pieces = iter(parts)
    return _NUMBER.sub(lambda _match: next(pieces) or "", value)


def nearby_numbers(value: str, *, ceiling: float | None = None) -> list[str]:
    """Plausible wrong numbers written like ``value``, nearest first.

    Every number in ``value`` is scaled by the same factor, so "600 or 700"
    gives "300 or 350"; an ordinal stays an ordinal ("144th" -> "72nd"), and
    nothing exceeds ``ceiling`` (100 for a percentage, 180 for "out of 180").
    """
    ordinal = _ORDINAL.match(value)
    results: list[str] = []
    for factor in _FACTORS:
        if ordinal:
            scaled = _scaled(ordinal.group(1), factor, ceiling)
            candidate = _ordinal(int(scaled)) if scaled else None
        else:
            candidate = _scale_all(value, factor, ceiling)
        if candidate and candidate != value and candidate not in results:
            results.append(candidate)
    return results


def nearby_dates(value: str, *, month: int | None, day: int | None, year: int | None) -> list[str]:
    """Plausible wrong dates written like ``value`` ("October 3" -> "October 13").

    Only the parts the answer states are changed, and the written form (month
    spelling, word order, punctuation) is kept.
    """
    results: list[str] = []

    def add(candidate: str) -> None:
        if candidate != value and candidate not in results:
            results.append(candidate)

    if day is not None:
        for shift in (10, -10, 7, 14, -7, 3):
            new_day = day + shift
            if 1 <= new_day <= 28:
                add(re.sub(rf"\b{day}\b", str(new_day), value, count=1))
    if month is not None:
        written = _written_month(value)
        for shift in (1, -1, 2, -2, 3, 6):
            other = MONTHS[(month - 1 + shift) % 12]
            if written is not None:
                add(value.replace(written, _like_month(other, written), 1))
    if year is not None:
        for shift in (1, -1, 2, -3, 5, 10, -10):
            add(re.sub(rf"\b{year}\b", str(year + shift), value, count=1))
    return results


def _written_month(value: str) -> str | None:
    for name in MONTHS:
        match = re.search(rf"\b{name[:3]}[a-z]*\.?", value)
        if match:
            return match.group()
    return None


def _like_month(name: str, written: str) -> str:
    """``name`` spelt the way ``written`` is: in full, or abbreviated."""
    if written.rstrip(".") not in MONTHS:
        short = "Sept" if name == "September" and written.startswith("Sept") else name[:3]
        return short + ("." if written.endswith(".") and short != name else "")
    return name
