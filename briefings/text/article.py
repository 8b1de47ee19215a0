"""The parsed shape of a plain-text news article.

These dataclasses are the contract between the text-processing modules
(pure Python, no Django) and the code that stores them as models. Paragraph
numbers are 1-based and give the stable anchor ``p<number>``; every offset is
a character offset into that paragraph's ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "list_item"]


def gettext_noop(message: str) -> str:
    """Mark ``message`` for the translation catalogue and return it unchanged.

    The text package imports nothing from Django; the web side translates an
    ArticleError's ``message`` and fills in its ``params`` in the user's language.
    """
    return message


class Notice(str):
    """A message for the person importing, in English, that the web side can translate.

    It is the English text itself, so it prints, compares and joins as a
    string; ``message`` keeps the text as marked for translation, with named
    ``%(name)s`` placeholders, and ``params`` the values that fill them in
    (a value may itself be a Notice).
    """

    message: str
    params: dict[str, object]

    def __new__(cls, message: str, **params: object) -> Notice:
        notice = super().__new__(cls, message % params if params else message)
        notice.message = message
        notice.params = params
        return notice


class ArticleError(ValueError):
    """The text cannot be read as an article; the message says why.

    ``message`` is the English text as marked for translation, with named
    ``%(name)s`` placeholders that ``params`` fill in; ``str()`` is the English.
    """

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params


@dataclass(frozen=True, slots=True)
class Block:
    """One body block: a paragraph, a section heading or a bullet item."""

    number: int
    kind: BlockKind
    text: str

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True, slots=True)
class CrossReference:
    """A pointer to another article, such as "(See Some Other Title.)"."""

    paragraph: int
    title: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Definition:
    """A glossary term the text defines inline: "Full Name (ACR)" or "ACR (Full Name)"."""

    term: str
    expansion: str
    description: str
    defined_in: int
    first_used_in: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An abbreviation the text uses but never defines."""

    term: str
    first_used_in: int
    count: int


@dataclass(frozen=True, slots=True)
class Person:
    """A named person with the description the text gives them ("" if none)."""

    name: str
    description: str
    first_paragraph: int
    paragraphs: tuple[int, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quotation:
    """Quoted speech; ``start``/``end`` span the words inside the quote marks.

    ``speaker`` is a ``Person.name`` when the text says who spoke, else None
    (an anonymous or unattributed source). ``speaker_label`` is how the text
    refers to the speaker ("a defence analyst who asked to remain anonymous").
    """

    paragraph: int
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_label: str


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    publisher: str
    title: str
    standfirst: str
    byline: str
    blocks: tuple[Block, ...]
    trailer: tuple[str, ...] = ()
    cross_references: tuple[CrossReference, ...] = ()
    glossary: tuple[Definition, ...] = ()
    undefined_abbreviations: tuple[Abbreviation, ...] = ()
    people: tuple[Person, ...] = ()
    quotations: tuple[Quotation, ...] = field(default=())

    def block(self, number: int) -> Block:
        return self.blocks[number - 1]
