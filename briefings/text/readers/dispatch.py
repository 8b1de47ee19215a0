"""Pick the reader for an article file and run it."""

from __future__ import annotations

from briefings.text.article import ArticleError, gettext_noop
from briefings.text.readers.document import Draft, assemble
from briefings.text.readers.report import Format, Reading
from briefings.text.readers.text import read_text
from briefings.text.structure import MAX_ARTICLE_BYTES, decode_article


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
    return assemble(read_draft(data, filename=filename, chrome_lines=chrome_lines), title=title)


def read_draft(data: bytes, *, filename: str = "", chrome_lines: int | None = None) -> Draft:
    """The reader's stage alone: header fields and body blocks, before any extraction."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            gettext_noop("The article is %(size).1f MB; the limit is 5 MB."),
            size=len(data) / (1024 * 1024),
        )
    kind = detect_format(data, filename)
    if kind == "docx":
        from briefings.text.readers.docx import read_docx

        draft = read_docx(data, chrome_lines=chrome_lines)
    else:
        text = decode_article(data)
        if kind == "html":
            from briefings.text.readers.html import read_html

            draft = read_html(text, chrome_lines=chrome_lines)
        elif kind == "markdown":
            from briefings.text.readers.markdown import read_markdown

            draft = read_markdown(text, chrome_lines=chrome_lines)
        else:
            draft = read_text(text, chrome_lines=chrome_lines)
    return draft
