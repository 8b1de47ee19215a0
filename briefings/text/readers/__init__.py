"""Read an article file in any supported format into a ParsedArticle and an ImportReport.

Pure Python (no Django). One entry point, ``read_article``, picks the reader
for the format (plain text, Markdown, HTML page or Word .docx) from the file
name or, failing that, from the bytes themselves. Every reader produces the
same ``ParsedArticle`` and says what it understood in an ``ImportReport``.
"""

from __future__ import annotations

from briefings.text.article import ArticleError
from briefings.text.readers.dispatch import detect_format, read_article
from briefings.text.readers.report import (
    Format,
    ImportReport,
    Reading,
    TitleNeeded,
)

__all__ = [
    "ArticleError",
    "Format",
    "ImportReport",
    "Reading",
    "TitleNeeded",
    "detect_format",
    "read_article",
]
