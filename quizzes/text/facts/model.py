"""The fact record every extractor returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FactKind = Literal[
    "date", "quantity", "quotation", "person", "term", "relation", "entity", "description"
]
FACT_KINDS: tuple[FactKind, ...] = (
    "date",
    "quantity",
    "quotation",
    "person",
    "term",
    "relation",
    "entity",
    "description",
)


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
    * ``entity`` -- ``value`` is a named organisation, programme or person as
      written in the sentence ("CEQ", "General Services Administration",
      "Scarlett"); ``subject`` is its full name; ``category`` is
      ``organisation``, ``programme`` or ``person``; ``detail`` is the
      acronym the text writes right after the value ("(GSA)"), if any.
    * ``description`` -- ``subject`` is a named organisation, programme,
      document or place; ``value`` is the description the text gives it ("a
      technology platform that digitizes the environmental review process");
      ``category`` is the kind its head noun names (``organisation``,
      ``programme``, ``document``, ``place``).
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


def find_text(haystack: str, needle: str, start: int = 0) -> int:
    if not needle:
        return -1
    index = haystack.find(needle, start)
    if index == -1:
        index = haystack.lower().find(needle.lower(), start)
    return index
