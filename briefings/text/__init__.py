"""Pure-Python parsing of plain-text news articles (no Django imports).

``parse_article`` turns article text into a ``ParsedArticle``: header, body
blocks, cross-references, glossary, undefined abbreviations, people and
quotations. The Django side maps the result into models.
"""

from briefings.text.article import (
    Abbreviation,
    ArticleError,
    Block,
    BlockKind,
    CrossReference,
    Definition,
    ParsedArticle,
    Person,
    Quotation,
)
from briefings.text.parsing import parse_article, parse_article_bytes

__all__ = [
    "Abbreviation",
    "ArticleError",
    "Block",
    "BlockKind",
    "CrossReference",
    "Definition",
    "ParsedArticle",
    "Person",
    "Quotation",
    "parse_article",
    "parse_article_bytes",
]
