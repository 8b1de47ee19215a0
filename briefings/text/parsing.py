"""Turn a plain-text article into a ParsedArticle: the entry point of the package."""

from __future__ import annotations

from briefings.text.acronyms import find_glossary
from briefings.text.article import ArticleError, ParsedArticle, gettext_noop
from briefings.text.crossrefs import find_cross_references
from briefings.text.people import find_people
from briefings.text.quotations import find_quotations
from briefings.text.structure import (
    MAX_ARTICLE_BYTES,
    decode_article,
    extraction_blocks,
    split_article,
)


def parse_article(text: str) -> ParsedArticle:
    """Parse article text into its header, body blocks and extracted facts.

    Facts (glossary, people, quotations) come from the first
    MAX_EXTRACTED_CHARACTERS characters of the body. Raises ArticleError, with
    a message fit to show the user, when the text is empty, larger than 5 MB,
    or has no title or body.
    """
    if len(text) * 4 > MAX_ARTICLE_BYTES and len(text.encode()) > MAX_ARTICLE_BYTES:
        raise ArticleError(gettext_noop("The article is larger than the 5 MB limit."))
    if not text.strip():
        raise ArticleError(gettext_noop("The article is empty."))
    parts = split_article(text)
    facts = extraction_blocks(parts.blocks)
    glossary, undefined = find_glossary(facts)
    people = find_people(facts)
    return ParsedArticle(
        publisher=parts.publisher,
        title=parts.title,
        standfirst=parts.standfirst,
        byline=parts.byline,
        blocks=parts.blocks,
        trailer=parts.trailer,
        cross_references=find_cross_references(parts.blocks),
        glossary=glossary,
        undefined_abbreviations=undefined,
        people=people,
        quotations=find_quotations(facts, people),
    )


def parse_article_bytes(data: bytes) -> ParsedArticle:
    """Decode uploaded bytes (UTF-8, with or without a BOM) and parse them.

    Raises ArticleError for empty, binary, non-UTF-8 or oversized input too.
    """
    return parse_article(decode_article(data))
