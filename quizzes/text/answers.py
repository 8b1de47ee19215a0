"""Matching a typed answer against a question's accepted answers.

A trainee who types "1200", "1 200 km" or "the 1,200-kilometre" for an
accepted "1,200" has understood the text; grading them wrong would teach them
to game the spelling, not to read. ``normalise_answer`` therefore folds away
what does not change the meaning:

* case, accents, curly versus straight quotes and apostrophes, dash styles;
* punctuation and runs of spaces (a decimal point between digits is kept);
* a leading "the";
* thousands separators ("1,200", "1 200" -> "1200");
* percent spellings ("60%", "60 per cent", "60 percent" -> "60%");
* money and distance units ("$50 million" / "50 million dollars" ->
  "50 million usd"; "kilometres", "-kilometre", "kms" -> "km");
* month spellings and day order ("Oct. 3", "3 October", "October 3rd" ->
  "october 3").

``answer_matches`` then also accepts a number with or without its unit, so a
blank written before "-kilometre border" accepts both "1,200" and "1,200 km".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.text.lexicon import MONTH_ABBREVIATIONS, MONTHS

__all__ = ["answer_matches", "normalise_answer"]

_CHARACTER_FOLDS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)

_MONTHS = tuple(month.lower() for month in MONTHS)
_MONTH_ABBREVIATIONS = {short: month.lower() for short, month in MONTH_ABBREVIATIONS.items()}
_MONTH = "|".join(_MONTHS)

_UNIT_SPELLINGS = {
    "km": ("kilometres", "kilometre", "kilometers", "kilometer", "kms", "km"),
    "mile": ("miles", "mile", "mi"),
    "usd": ("us dollars", "us dollar", "dollars", "dollar", "usd"),
}

_THOUSANDS = re.compile(r"(?<![\d.])(\d{1,3})((?:[, ]\d{3})+)(?![\d])")
_DOLLARS = re.compile(r"(?:\bus ?)?\$\s*(\d+(?:\.\d+)?)(\s*(?:thousand|million|billion|trillion))?")
_PERCENT = re.compile(r"(\d)\s*(?:%|\bper\s*cent\b|\bpercent\b|\bpct\b)")
_NUMBER_HYPHEN = re.compile(r"(\d)-(?=[a-z])")
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b")
_DAY_ORDINAL = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)\b")
_NOT_WORD = re.compile(r"[^a-z0-9%. ]+")
_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_SPACES = re.compile(r"\s+")

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {word: str(value) for value, word in enumerate(_SMALL_NUMBERS.split())}
_QUANTITY = re.compile(
    r"^(?:(?:at least|about|around|over|more than|nearly|roughly|some|up to|approximately)\s)?"
    r"(?P<number>\d+(?:\.\d+)?)(?:st|nd|rd|th)?(?P<percent>%)?"
    r"(?:\s(?P<scale>thousand|million|billion|trillion))?"
    r"(?:\s(?P<unit>[a-z][a-z ]*))?$"
)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _join_thousands(match: re.Match[str]) -> str:
    return match.group(1) + re.sub(r"[, ]", "", match.group(2))


def _canonical_units(text: str) -> str:
    for canonical, spellings in _UNIT_SPELLINGS.items():
        pattern = r"\b(?:" + "|".join(re.escape(s) for s in spellings) + r")\b"
        text = re.sub(pattern, canonical, text)
    return text


def _canonical_months(text: str) -> str:
    words = [_MONTH_ABBREVIATIONS.get(word, word) for word in text.split(" ")]
    text = " ".join(words)
    text = _DAY_FIRST.sub(r"\2 \1", text)
    return _DAY_ORDINAL.sub(r"\1 \2", text)


def normalise_answer(text: str) -> str:
    """Reduce ``text`` to a canonical form for comparing answers.

    Two answers a reader would call "the same" (see the module docstring for
    what that covers) normalise to the same string.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_CHARACTER_FOLDS)
    folded = _strip_accents(folded).casefold()
    # Editors' brackets ("200 [US] dollars") hold words that belong to the text.
    folded = folded.replace("[", " ").replace("]", " ")
    folded = _THOUSANDS.sub(_join_thousands, folded)
    folded = _DOLLARS.sub(lambda m: f"{m.group(1)}{m.group(2) or ''} usd", folded)
    folded = _PERCENT.sub(r"\1% ", folded)
    folded = _NUMBER_HYPHEN.sub(r"\1 ", folded)
    folded = folded.replace("-", " ").replace("'", "")
    folded = _NOT_WORD.sub(" ", folded)
    folded = _LONE_DOT.sub(" ", folded)
    folded = _SPACES.sub(" ", folded).strip()
    folded = _canonical_months(_canonical_units(folded))
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


@dataclass(frozen=True, slots=True)
class _Quantity:
    mantissa: float
    scale: str
    unit: str

    @property
    def magnitude(self) -> float:
        return self.mantissa * _SCALES.get(self.scale, 1.0)


def _quantity(normalised: str) -> _Quantity | None:
    text = _NUMBER_WORDS.get(normalised, normalised)
    match = _QUANTITY.match(text)
    if match is None:
        return None
    unit = "%" if match.group("percent") else (match.group("unit") or "")
    return _Quantity(float(match.group("number")), match.group("scale") or "", unit.strip())


def _same_quantity(response: _Quantity, accepted: _Quantity) -> bool:
    if response.unit and accepted.unit and response.unit != accepted.unit:
        return False
    if response.magnitude == accepted.magnitude:
        return True
    # "13.5" typed into "____ billion years" is the same as "13.5 billion".
    one_scale_missing = not (response.scale and accepted.scale)
    return one_scale_missing and response.mantissa == accepted.mantissa


def answer_matches(response: str, accepted: Sequence[str]) -> bool:
    """Whether a typed ``response`` means the same as any ``accepted`` answer.

    Blank responses never match. Numbers match with or without their unit
    (but not with a different one), and a spelled-out number up to twenty
    matches its digits.
    """
    given = normalise_answer(response)
    if not given:
        return False
    given_quantity = _quantity(given)
    for answer in accepted:
        wanted = normalise_answer(answer)
        if not wanted:
            continue
        if given == wanted or given.replace(" ", "") == wanted.replace(" ", ""):
            return True
        wanted_quantity = _quantity(wanted)
        if given_quantity and wanted_quantity and _same_quantity(given_quantity, wanted_quantity):
            return True
    return False
