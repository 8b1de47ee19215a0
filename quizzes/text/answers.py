"""Matching a typed answer against a question's accepted answers.

A trainee who types "1200", "1 200 km" or "the 1,200-kilometre" for an
accepted "1,200" has understood the text; grading them wrong would teach them
to game the spelling, not to read. ``normalise_answer`` therefore folds away
what does not change the meaning:

* case, accents, curly versus straight quotes and apostrophes, dash styles;
* punctuation and runs of spaces (a decimal point between digits is kept);
* a leading "the";
* thousands separators ("1,200", "1 200" -> "1200");
* ranges written with a dash ("60-70", "60 – 70" -> "60 to 70");
* percent spellings ("60%", "60 per cent", "60 percent" -> "60%");
* money and distance units ("$50 million" / "50 million dollars" ->
  "50 million usd"; "kilometres", "-kilometre", "kms" -> "km");
* month spellings and day order ("Oct. 3", "3 October", "October 3rd" ->
  "october 3");
* spellings of one name or word: transliterations ("Kiev" -> "kyiv",
  "Qaddafi" -> "gaddafi") and British or
  American spelling ("defence", "organisation", "centre", "labour" ->
  "defense", "organization", "center", "labor").

``answer_matches`` then also accepts a number with or without its unit, so a
blank written before "-kilometre border" accepts both "1,200" and "1,200 km",
and a number written in words ("twenty-six", "two thousand five hundred",
"a hundred and forty-fourth") for its digits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.text.lexicon import MONTH_ABBREVIATIONS, MONTHS

__all__ = ["answer_matches", "normalise_answer", "numbers_in"]

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
# "60-70", "60 – 70": a range written with a dash reads "60 to 70".
_NUMBER_RANGE = re.compile(r"(\d) ?- ?(?=\d)")
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b")
_DAY_ORDINAL = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)\b")
_NOT_WORD = re.compile(r"[^a-z0-9%. ]+")
_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_SPACES = re.compile(r"\s+")

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_SMALL = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_NUMBER_VALUES: dict[str, int] = {
    **{word: value for value, word in enumerate(_SMALL_NUMBERS.split())},
    **{word: 20 + 10 * index for index, word in enumerate(_TENS)},
}
_ORDINAL_VALUES: dict[str, int] = {
    **{word: value for value, word in enumerate(_ORDINAL_SMALL.split())},
    **{word[:-1] + "ieth": 20 + 10 * index for index, word in enumerate(_TENS)},
    "hundredth": 100,
    "thousandth": 1000,
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

# One spelling for words written several ways, applied to whole words of the
# normalised text (so on both sides of any comparison).
_SPELLINGS = {
    "kiev": "kyiv",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "lvov": "lviv",
    "lugansk": "luhansk",
    "chernobyl": "chornobyl",
    "kazakstan": "kazakhstan",
    "kirgizstan": "kyrgyzstan",
    "kirghizstan": "kyrgyzstan",
    "ashkhabad": "ashgabat",
    "alma ata": "almaty",
    "taleban": "taliban",
    "al qaida": "al qaeda",
    "al qaeda": "al qaeda",
    "qaddafi": "gaddafi",
    "gadhafi": "gaddafi",
    "kadhafi": "gaddafi",
    "mohammad": "muhammad",
    "mohammed": "muhammad",
    "mohamed": "muhammad",
    "muhammed": "muhammad",
    "usama": "osama",
    "hizbollah": "hezbollah",
    "hizballah": "hezbollah",
    "teheran": "tehran",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "dialogue": "dialog",
}
_SPELLING = re.compile(r"\b(?:" + "|".join(sorted(_SPELLINGS, key=len, reverse=True)) + r")\b")
_BRITISH_SPELLINGS = (
    (re.compile(r"\b(\w{2,})is(e|ed|es|ing|ation|ations)\b"), r"\1iz\2"),
    (re.compile(r"\b(defen|offen|licen|preten)ce(s?)\b"), r"\1se\2"),
    (re.compile(r"\b(cent|theat|lit|fib|calib|spect|somb|lust)re(s|d)?\b"), r"\1er\2"),
    (
        re.compile(
            r"\b(colo|hono|labo|favo|neighbo|behavio|harbo|armo|rumo|vigo|endeavo|flavo|humo|savo)"
            r"ur"
        ),
        r"\1r",
    ),
)
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


def _canonical_spellings(text: str) -> str:
    text = _SPELLING.sub(lambda m: _SPELLINGS[m.group()], text)
    for pattern, replacement in _BRITISH_SPELLINGS:
        text = pattern.sub(replacement, text)
    return text


def _number_of(words: list[str]) -> int | None:
    """The value of number words ("two thousand five hundred and six"), or None."""
    total = current = 0
    for word in words:
        if word in _NUMBER_VALUES:
            current += _NUMBER_VALUES[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _MULTIPLIERS:
            total += max(current, 1) * _MULTIPLIERS[word]
            current = 0
        elif word not in ("a", "and"):
            return None
    return total + current


def _words_to_digits(text: str) -> str:
    """Numbers written in words as digits: "twenty six soldiers" -> "26 soldiers".

    An ordinal ends its number with "th": "one hundred forty fourth" -> "144th".
    """
    words = text.split(" ")
    out: list[str] = []
    index = 0
    while index < len(words):
        end = index
        run: list[str] = []
        while end < len(words):
            word = words[end]
            following = words[end + 1] if end + 1 < len(words) else ""
            joins = word == "a" and following in _MULTIPLIERS
            joins = joins or (
                word == "and"
                and bool(run)
                and (following in _NUMBER_VALUES or following in _ORDINAL_VALUES)
            )
            # A scale word continues a number in words, never starts one: "50 million".
            if word in _NUMBER_VALUES or (word in _MULTIPLIERS and run) or joins:
                run.append(word)
                end += 1
            else:
                break
        ordinal = words[end] if end < len(words) and words[end] in _ORDINAL_VALUES else ""
        if not run and not ordinal:
            out.append(words[index])
            index += 1
            continue
        value = _number_of(run) or 0
        if ordinal:
            step = _ORDINAL_VALUES[ordinal]
            value = value * step if step in (100, 1000) and run else value + step
            out.append(f"{value}th")
            end += 1
        else:
            out.append(str(value))
        index = end
    return " ".join(out)


_STANDALONE_NUMBER = re.compile(r"(?<![\w/.\-])\d[\d,]*(?:\.\d+)?(?![\w/\-]|\.\d)")


def numbers_in(text: str) -> list[float]:
    """The numbers a sentence states, in digits or in words ("six", "1,200"); not those
    glued into a name or a code ("ARV-30", "FY2026", "C4")."""
    spelled = _words_to_digits(re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text.lower()))
    return [float(n.replace(",", "")) for n in _STANDALONE_NUMBER.findall(spelled)]


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
    folded = _NUMBER_RANGE.sub(r"\1 to ", folded)
    folded = folded.replace("-", " ").replace("'", "")
    folded = _NOT_WORD.sub(" ", folded)
    folded = _LONE_DOT.sub(" ", folded)
    folded = _SPACES.sub(" ", folded).strip()
    folded = _canonical_spellings(_canonical_months(_canonical_units(folded)))
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
    match = _QUANTITY.match(_words_to_digits(normalised))
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
    (but not with a different one), and a number written in words matches
    its digits.
    """
    given = normalise_answer(response)
    if not given:
        return False
    spelled = normalise_answer(_words_to_digits(given))
    given_quantity = _quantity(given)
    for answer in accepted:
        wanted = normalise_answer(answer)
        if not wanted:
            continue
        if given.replace(" ", "") == wanted.replace(" ", "") or spelled == wanted:
            return True
        wanted_quantity = _quantity(wanted)
        if given_quantity and wanted_quantity and _same_quantity(given_quantity, wanted_quantity):
            return True
    return False
