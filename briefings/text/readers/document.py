"""The shape every reader produces, and the assembly of a ParsedArticle and its report."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from briefings.text.acronyms import find_glossary
from briefings.text.article import (
    ArticleError,
    Block,
    BlockKind,
    Notice,
    ParsedArticle,
    gettext_noop,
)
from briefings.text.crossrefs import find_cross_references
from briefings.text.people import find_people
from briefings.text.quotations import find_quotations
from briefings.text.readers.report import Format, ImportReport, Reading, TitleNeeded
from briefings.text.structure import MAX_EXTRACTED_CHARACTERS, dateline_of, extraction_blocks

PieceKind = Literal["paragraph", "heading", "list_item", "standfirst"]
"""Block kinds, plus a standfirst a reader has marked for the header."""

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")


def clean_line(text: str) -> str:
    """A header field on one line: no-break spaces as spaces, invisible joiners dropped."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


#: Why a title is missing when no reader says more.
NO_TITLE_LINE = gettext_noop("no title line found")


@dataclass
class Draft:
    """What a reader understood, before the extractors run."""

    format: Format
    title: str
    pieces: list[tuple[PieceKind, str]]
    trailer: tuple[str, ...] = ()
    publisher: str = ""
    standfirst: str = ""
    byline: str = ""
    date: str = ""
    leading_lines: tuple[str, ...] = ()
    chrome_count: int = 0
    warnings: list[Notice] = field(default_factory=list)
    missing_title: Notice = field(default_factory=lambda: Notice(NO_TITLE_LINE))


def assemble(draft: Draft, *, title: str | None = None) -> Reading:
    """Number the blocks, run the extractors and write the report.

    ``title`` replaces the title the reader found. Raises TitleNeeded when
    there is neither, and ArticleError when there is no body text.
    """
    chosen = clean_line(title or "") or clean_line(draft.title)
    if not chosen:
        raise TitleNeeded(
            gettext_noop("The article has no title line (%(reason)s)."),
            reason=draft.missing_title,
        )
    blocks = tuple(
        Block(number=number, kind=kind, text=text)
        for number, (kind, text) in enumerate(_block_pieces(draft.pieces), start=1)
    )
    if not blocks:
        raise ArticleError(gettext_noop("The article has no body text after its title."))
    dateline = dateline_of(blocks[0].text) if blocks[0].kind == "paragraph" else ""
    # The dateline stays in the text, but its capitals are no abbreviations or names.
    facts = blocks
    if dateline:
        first = blocks[0]
        masked = " " * len(dateline) + first.text[len(dateline) :]
        facts = (Block(first.number, first.kind, masked), *blocks[1:])
    facts = extraction_blocks(facts)
    warnings = list(draft.warnings)
    if sum(len(block.text) for block in facts) < sum(len(block.text) for block in blocks):
        warnings.append(
            Notice(
                gettext_noop(
                    "only the first %(size)d KB of the text were searched "
                    "for terms, people and quotations"
                ),
                size=MAX_EXTRACTED_CHARACTERS // 1024,
            )
        )
    glossary, undefined = find_glossary(facts)
    people = find_people(facts)
    quotations = tuple(quote for quote in find_quotations(facts, people))
    article = ParsedArticle(
        publisher=clean_line(draft.publisher),
        title=chosen,
        standfirst=clean_line(draft.standfirst),
        byline=clean_line(draft.byline),
        blocks=blocks,
        trailer=draft.trailer,
        cross_references=find_cross_references(blocks),
        glossary=glossary,
        undefined_abbreviations=undefined,
        people=people,
        quotations=quotations,
    )
    kinds = [block.kind for block in blocks]
    report = ImportReport(
        format=draft.format,
        title=article.title,
        standfirst=article.standfirst,
        byline=article.byline,
        dateline=dateline,
        publisher=article.publisher,
        date=clean_line(draft.date),
        paragraphs=kinds.count("paragraph"),
        headings=kinds.count("heading"),
        list_items=kinds.count("list_item"),
        glossary=tuple(definition.term for definition in glossary),
        undefined_abbreviations=tuple(item.term for item in undefined),
        people=tuple(person.name for person in people),
        quotations=len(quotations),
        leading_lines=draft.leading_lines,
        chrome_count=draft.chrome_count,
        warnings=tuple(warnings),
    )
    return Reading(article=article, report=report)


def _block_pieces(pieces: list[tuple[PieceKind, str]]) -> list[tuple[BlockKind, str]]:
    kept: list[tuple[BlockKind, str]] = []
    for kind, text in pieces:
        if text.strip():
            kept.append(("paragraph" if kind == "standfirst" else kind, text.strip()))
    return kept
