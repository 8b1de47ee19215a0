"""Hand-built parsed articles for the text tests, so they need no parser.

``build_article`` takes body paragraphs and the glossary, people and
quotations a parser would report, and locates each of them in the text (so a
typo in a test fails loudly instead of producing an empty fact).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefings.text.article import Block, Definition, ParsedArticle, Person, Quotation

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_1ac0a032031a176d.txt"
SHARED_ARTICLES = Path("/work/shared/articles")
_CLOSING_QUOTES = "\u201d\"'"


def _paragraph_with(paragraphs: Sequence[str], needle: str) -> int:
    for number, text in enumerate(paragraphs, start=1):
        if needle in text:
            return number
    raise AssertionError(f"{needle!r} is not in any paragraph")


def _definition(
    paragraphs: Sequence[str], term: str, expansion: str, description: str
) -> Definition:
    for written in (f"{expansion} ({term})", f"{term} ({expansion})"):
        for number, text in enumerate(paragraphs, start=1):
            start = text.find(written)
            if start != -1:
                used = _paragraph_with(paragraphs, term)
                return Definition(
                    term, expansion, description, number, used, start, start + len(written)
                )
    raise AssertionError(f"{term} is not defined in the text")


def _quotation(
    paragraphs: Sequence[str], opening: str, speaker: str | None, label: str
) -> Quotation:
    number = _paragraph_with(paragraphs, opening)
    text = paragraphs[number - 1]
    start = text.index(opening)
    end = min(i for i in (text.find(q, start + 1) for q in _CLOSING_QUOTES) if i != -1)
    return Quotation(number, text[start:end], start, end, speaker, label)


def build_article(
    paragraphs: Sequence[str],
    *,
    title: str = "A test article",
    glossary: Sequence[tuple[str, str, str]] = (),
    people: Sequence[tuple[str, str]] = (),
    quotations: Sequence[tuple[str, str | None, str]] = (),
) -> ParsedArticle:
    """A ParsedArticle with ``paragraphs`` as numbered paragraph blocks.

    ``glossary`` holds (term, expansion, description); ``people`` holds
    (name, description); ``quotations`` holds (the quote's opening words,
    speaker name or None, how the text refers to the speaker).
    """
    blocks = tuple(
        Block(number, "paragraph", text) for number, text in enumerate(paragraphs, start=1)
    )
    found_people = []
    for name, description in people:
        where = [n for n, text in enumerate(paragraphs, start=1) if name.split()[-1] in text]
        assert where, f"{name} is not in the text"
        found_people.append(Person(name, description, where[0], tuple(where)))
    return ParsedArticle(
        publisher="Test Publisher",
        title=title,
        standfirst="",
        byline="",
        blocks=blocks,
        glossary=tuple(_definition(paragraphs, *entry) for entry in glossary),
        people=tuple(found_people),
        quotations=tuple(_quotation(paragraphs, *entry) for entry in quotations),
    )


def seed_paragraphs() -> list[str]:
    """The seed article's body paragraphs (after the byline, before the trailer)."""
    chunks = [c.strip() for c in SEED.read_text(encoding="utf-8").split("\n\n") if c.strip()]
    body = chunks[3:]
    return [c for c in body if not c.startswith("More IWPR")]


def seed_article() -> ParsedArticle:
    """The seed article, with the glossary, people and quotations a parser reports."""
    return build_article(
        seed_paragraphs(),
        title="For Tajikistan, Kunduz Battles Too Close for Comfort",
        glossary=(
            ("CSTO", "Collective Security Treaty Organisation", "a post-Soviet security bloc"),
            ("CIS", "Commonwealth of Independent States", ""),
            (
                "IMU",
                "Islamic Movement of Uzbekistan",
                "a guerrilla group originally from Central Asia",
            ),
        ),
        people=(
            ("Vladimir Putin", "Russian president"),
            ("Imomali Rahmon", "Tajik leader"),
            ("Yury Borisov", "Russian deputy defence minister"),
            ("Parviz Rasulov", "Defence expert"),
            (
                "Qosimsho Iskandarov",
                "a conflict studies expert at Tajikistan\u2019s Institute of Oriental Studies",
            ),
            ("Mullah Mohammad Omar", "Taleban leader"),
            ("Usmon Ghazi", "the group\u2019s leader"),
            ("Abu Bakr al-Baghdadi", "Islamic State emir"),
            ("Akhtar Mohammad Mansur", "their new leader"),
        ),
        quotations=(
            ("The situation in Afghanistan", "Vladimir Putin", "he"),
            ("Terrorists of various stripes", "Vladimir Putin", "he"),
            ("could not rule it out", "Yury Borisov", "he"),
            ("Everything is possible", "Yury Borisov", "he"),
            ("It\u2019s an imaginary threat", "Parviz Rasulov", "he"),
            ("Their sole aim", "Parviz Rasulov", "he"),
            ("Even though the Tajik border", "Qosimsho Iskandarov", "he"),
            ("There have already been cases", "Qosimsho Iskandarov", "he"),
            (
                "Islamic State\u2019s support base",
                None,
                "a defence analyst who asked to remain anonymous",
            ),
            ("The Kunduz battle does not", None, "The anonymous defence expert"),
        ),
    )
