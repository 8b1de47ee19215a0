"""Word .docx documents, read with python-docx.

The title comes from the Title style, else the first heading (or, failing
both, from the leading paragraphs as in plain text). Headings, list items
(list styles or numbered paragraphs), tables and paragraphs are kept.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from briefings.text.article import ArticleError, gettext_noop
from briefings.text.readers.document import Draft, PieceKind
from briefings.text.readers.markdown import finish
from briefings.text.structure import END_MARK


def read_docx(data: bytes, *, chrome_lines: int | None = None) -> Draft:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ArticleError(
            gettext_noop("The file is not a readable Word .docx document (%(error)s)."),
            error=error,
        ) from None
    title = ""
    standfirst = ""
    pieces: list[tuple[PieceKind, str]] = []
    trailer: list[str] = []
    ended = False
    for kind, text in _blocks(document):
        text = text.strip()
        if not text:
            continue
        if ended:
            trailer.append(text)
            continue
        if END_MARK.match(text):
            ended = True
            continue
        if kind == "title" and not title:
            title = text
        elif kind == "title" or (kind == "heading1" and not title and not pieces):
            if not title:
                title = text
            else:
                pieces.append(("heading", text))
        elif kind == "subtitle" and not standfirst and not pieces:
            standfirst = text
        elif kind in {"heading1", "heading"}:
            pieces.append(("heading", text))
        else:
            pieces.append(("list_item" if kind == "list_item" else "paragraph", text))
    # The file's author property names whoever saved the file (often the
    # program that wrote it), not the article's writer: a byline comes from
    # the text only.
    created = document.core_properties.created
    return finish(
        Draft(
            format="docx",
            title=title,
            pieces=pieces,
            trailer=tuple(trailer),
            standfirst=standfirst,
            date=created.date().isoformat() if created and title else "",
        ),
        chrome_lines=chrome_lines,
    )


def _blocks(document: Any) -> list[tuple[str, str]]:
    """(kind, text) for every paragraph and table row, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    found: list[tuple[str, str]] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            found.append((_paragraph_kind(item), item.text))
        elif isinstance(item, Table):
            for row in item.rows:
                cells = [cell.text.strip() for cell in row.cells]
                unique = list(dict.fromkeys(cell for cell in cells if cell))
                if unique:
                    found.append(("list_item", " — ".join(unique)))
    return found


def _paragraph_kind(paragraph: Any) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    lowered = style.lower()
    if lowered == "title":
        return "title"
    if lowered == "subtitle":
        return "subtitle"
    if lowered == "heading 1":
        return "heading1"
    if lowered.startswith("heading"):
        return "heading"
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    if lowered.startswith("list") or numbered:
        return "list_item"
    return "paragraph"
