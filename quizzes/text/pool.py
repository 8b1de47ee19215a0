"""Values near an answer, and what kind of place a name is.

Wrong options work best when they come from the same article: a reader who
skimmed cannot rule them out by their look. When an article has fewer
same-kind dates or numbers than a question needs, the generator tops the
options up from here with values near the answer, written in its own format
so that no option stands out. Names (people, places, organisations, roles)
never come from here: one from another story is easy to rule out. The list
of countries only tells a country from a city, so that the two are not
offered side by side.
"""

from __future__ import annotations

import math
import re

from briefings.text.lexicon import MONTHS

__all__ = [
    "COUNTRIES",
    "MONTHS",
    "nearby_dates",
    "nearby_numbers",
    "place_kind",
    "precision",
]

# Steps away from the answer, nearest first and on both sides, so that the
# answer is not always the middle option; never a half or a double, which a
# reader spots as made up.
_STEPS = (1, -1, 2, -2, 3, -3)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")


# Independent states, as news copy names them (with common variants and former
# states), so a
# country is offered only for a country and a city only for a city.
COUNTRIES: frozenset[str] = frozenset(
    re.split(
        r",\s*",
        """
    Afghanistan, Albania, Algeria, Andorra, Angola, Antigua and Barbuda, Argentina, Armenia,
    Australia, Austria, Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium,
    Belize, Benin, Bhutan, Bolivia, Bosnia and Herzegovina, Bosnia, Botswana, Brazil, Britain,
    Great Britain, Brunei, Bulgaria, Burkina Faso, Burma, Burundi, Cambodia, Cameroon, Canada,
    Cape Verde, Central African Republic, Chad, Chile, China, Colombia, Comoros, Congo,
    Democratic Republic of the Congo, Costa Rica, Croatia, Cuba, Cyprus, Czech Republic,
    Czechia, Denmark, Djibouti, Dominica, Dominican Republic, East Timor, Timor-Leste, Ecuador,
    Egypt, El Salvador, Equatorial Guinea, Eritrea, Estonia, Eswatini, Swaziland, Ethiopia,
    Fiji, Finland, France, Gabon, Gambia, Georgia, Germany, Ghana, Greece, Grenada, Guatemala,
    Guinea, Guinea-Bissau, Guyana, Haiti, Honduras, Hungary, Iceland, India, Indonesia, Iran,
    Iraq, Ireland, Israel, Italy, Ivory Coast, Jamaica, Japan, Jordan, Kazakhstan, Kazakstan,
    Kenya, Kiribati, Kosovo, Kuwait, Kyrgyzstan, Kirghizia, Laos, Latvia, Lebanon, Lesotho,
    Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Madagascar, Malawi, Malaysia,
    Maldives, Mali, Malta, Marshall Islands, Mauritania, Mauritius, Mexico, Micronesia, Moldova,
    Monaco, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Namibia, Nauru, Nepal,
    Netherlands, New Zealand, Nicaragua, Niger, Nigeria, North Korea, North Macedonia,
    Macedonia, Norway, Oman, Pakistan, Palau, Palestine, Panama, Papua New Guinea, Paraguay,
    Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Russian Federation, Rwanda,
    Saint Lucia, Samoa, San Marino, Saudi Arabia, Senegal, Serbia, Seychelles, Sierra Leone,
    Singapore, Slovakia, Slovenia, Solomon Islands, Somalia, South Africa, South Korea,
    South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden, Switzerland, Syria, Taiwan,
    Tajikistan, Tanzania, Thailand, Togo, Tonga, Trinidad and Tobago, Tunisia, Turkey,
    Turkiye, Turkmenistan, Tuvalu, Uganda, Ukraine, United Arab Emirates, United Kingdom,
    United States, United States of America, Uruguay, Uzbekistan, Vanuatu, Vatican City,
    Venezuela, Vietnam, Yemen, Zambia, Zimbabwe, Soviet Union, USSR, Yugoslavia,
    Czechoslovakia, East Germany, West Germany""".strip(),
    )
)
_REGION = re.compile(
    r"\b(?:Asia|Europe|Africa|America|Americas|Middle East|Caucasus|Balkans|Sahel|Eurasia|"
    r"Arctic|Antarctic|Pacific|Atlantic|Caribbean|Sea|Ocean|Gulf|Basin|Valley|Region)\b"
    r"|^(?:Central|North|South|East|West|Northern|Southern|Eastern|Western)\b"
)


def place_kind(place: str) -> str:
    """ "country", "region" or "locality" (a city, province or district), from the name alone.

    Only places of one kind belong among the options: "Nairobi" beside
    "Uganda" and "Tanzania" stands out as the city among countries.
    """
    name = re.sub(r"^the\s+", "", place.strip(), flags=re.IGNORECASE)
    if name in COUNTRIES:
        return "country"
    return "region" if _REGION.search(name) else "locality"


def precision(literal: str) -> float:
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


def _round_step(raw: float) -> float:
    """The round number (1, 2 or 5 times a power of ten) nearest ``raw``."""
    exponent = math.floor(math.log10(raw))
    candidates = [m * 10.0**e for e in (exponent - 1, exponent, exponent + 1) for m in (1, 2, 5)]
    return min(candidates, key=lambda c: abs(math.log(c / raw)))


def step_for(literal: str) -> float:
    """How far apart believable wrong values of ``literal`` lie.

    About a tenth to a fifth of the value, rounded, and never finer than the
    literal's own precision: 1,718 -> 200, 60 -> 10, 14 -> 2, 6.9 -> 1, 8 -> 1.
    """
    number = float(literal.replace(",", ""))
    place = precision(literal)
    if number <= 10 and place >= 1:
        return 1.0
    return max(place, _round_step(number * 0.15))


def _shifted(literal: str, offset: float, ceiling: float | None) -> str | None:
    number = float(literal.replace(",", ""))
    value = number + offset
    if value <= 0 or value == number or (ceiling is not None and value > ceiling):
        return None
    if number > 10 and not 0.55 < value / number < 1.8:
        return None  # Near a half or a double: it reads as made up.
    return _format_like(value, literal)


def _shift_all(value: str, steps: int, step: float, ceiling: float | None) -> str | None:
    """``value`` with every number in it moved by ``steps * step``, or None if one cannot be."""
    parts = [_shifted(m.group(), steps * step, ceiling) for m in _NUMBER.finditer(value)]
    if not parts or not all(parts):
        return None
    pieces = iter(parts)
    return _NUMBER.sub(lambda _match: next(pieces) or "", value)


def nearby_numbers(value: str, *, ceiling: float | None = None) -> list[str]:
    """Plausible wrong numbers written like ``value``, nearest first.

    Each lies a round step or a few away from the answer (60 -> 70, 50, 80,
    40; 1,718 -> 1,918, 1,518), never a half or a double of it. Every
    number in ``value`` moves by the same amount, so "600 or 700" gives
    "700 or 800"; an ordinal stays an ordinal ("144th" -> "164th"); nothing
    is zero or less, and nothing exceeds ``ceiling`` (100 for a percentage,
    180 for "out of 180").
    """
    ordinal = _ORDINAL.match(value)
    first = _NUMBER.search(value)
    if first is None:
        return []
    step = step_for(ordinal.group(1) if ordinal else first.group())
    results: list[str] = []
    for steps in _STEPS:
        if ordinal:
            shifted = _shifted(ordinal.group(1), steps * step, ceiling)
            candidate = _ordinal(int(float(shifted.replace(",", "")))) if shifted else None
        else:
            candidate = _shift_all(value, steps, step, ceiling)
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
