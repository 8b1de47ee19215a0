"""Markdown articles, with or without YAML front matter.

Title, date and author come from the front matter when it is there, and the
front matter is never shown as text. A "# " title, "## " headings, lists,
block quotes and tables are kept as blocks; links keep only their text;
Liquid tags ({% … %}, {{ … }}), kramdown attribute lines, HTML comments and
images are dropped.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from briefings.text.article import Notice, gettext_noop
from briefings.text.readers.document import Draft, PieceKind, clean_line
from briefings.text.readers.header import MAX_LEADING_LINES, choose_header, is_paragraph
from briefings.text.structure import END_MARK, is_byline, join_lines, looks_like_heading

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
_BULLET = re.compile(r"^[ \t]{0,3}(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_TABLE_RULE = re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_ATTRIBUTE_LINE = re.compile(r"^\{:[^{}\n]{0,200}\}$")
_LINK_DEFINITION = re.compile(r"^\[[^\]\n]{1,200}\]:\s+\S+")
_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
_LINK = re.compile(
    r"\[([^\]\n]{0,500})\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)"
)
_REFERENCE_LINK = re.compile(r"\[([^\]\n]{1,500})\]\[[^\]\n]{0,100}\]")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]{1,20})\]")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]{1,2000})>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,500})?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{0,2000}?[^\s*])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{0,2000}?[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`\n]{1,500})`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'$&<])")
_ESCAPED_SPACE = re.compile(r"\\ ")
_SPACE_RUN = re.compile(r"  +")
_WHOLLY_EMPHASISED = re.compile(r"^(\*{1,2}|_{1,2})(?=\S)(.+?\S)\1$")


def read_markdown(text: str, *, chrome_lines: int | None = None) -> Draft:
    meta, body = split_front_matter(text)
    pieces, trailer, first_title = markdown_blocks(strip_liquid(body))
    title = clean_line(_text(meta.get("title")))
    warnings: list[Notice] = []
    if first_title is not None:
        heading = clean_line(first_title)
        if not title:
            title = heading
        elif heading.casefold() != title.casefold():
            pieces.insert(0, ("heading", first_title))
            warnings.append(
                Notice(
                    gettext_noop(
                        "the front matter title was taken; the top heading “%(heading)s” "
                        "differs and is kept as a heading"
                    ),
                    heading=heading,
                )
            )
    return finish(
        Draft(
            format="markdown",
            title=title,
            pieces=pieces,
            trailer=tuple(trailer),
            publisher=_text(meta.get("publisher") or meta.get("site") or meta.get("source")),
            byline=_byline(meta),
            date=_date(meta),
            warnings=warnings,
        ),
        chrome_lines=chrome_lines,
    )


def finish(draft: Draft, *, chrome_lines: int | None) -> Draft:
    """Settle the header of a structured document.

    With a title from the metadata or a top heading, an italic or short
    line right under it is the standfirst and a "By …" line the byline;
    ``chrome_lines`` drops that many leading blocks. Without one, the
    leading lines are weighed as in plain text.
    """
    leading = [text for _, text in draft.pieces[:MAX_LEADING_LINES]]
    draft.leading_lines = tuple(clean_line(line) for line in leading)
    if not draft.title:
        single = [kind != "list_item" for kind, _ in draft.pieces[:MAX_LEADING_LINES]]
        lines = [line if ok else "" for line, ok in zip(draft.leading_lines, single, strict=True)]
        header = choose_header(
            lines,
            chrome_lines=chrome_lines,
            has_headings=any(kind == "heading" for kind, _ in draft.pieces[2:]),
        )
        if header.title is None:
            draft.missing_title = header.missing or draft.missing_title
            draft.chrome_count = header.chrome
            return draft
        draft.title = lines[header.title]
        if header.chrome and not draft.publisher:
            draft.publisher = lines[0]
        draft.standfirst = draft.standfirst or " ".join(lines[i] for i in header.standfirst)
        if header.byline is not None and not draft.byline:
            draft.byline = lines[header.byline]
        draft.chrome_count = header.chrome
        draft.warnings.extend(header.warnings)
        draft.pieces = draft.pieces[header.body :]
        return draft
    if chrome_lines:
        draft.pieces = draft.pieces[chrome_lines:]
        draft.chrome_count = chrome_lines
    _take_standfirst_and_byline(draft)
    return draft


def _take_standfirst_and_byline(draft: Draft) -> None:
    taken = 0
    for kind, raw in draft.pieces[:3]:
        line = clean_line(raw)
        if kind != "paragraph" and kind != "standfirst":
            break
        if is_byline(line) and not draft.byline:
            draft.byline = line
        elif kind == "standfirst" and not draft.standfirst and not draft.byline:
            draft.standfirst = line
        else:
            break
        taken += 1
    draft.pieces = [
        ("paragraph" if kind == "standfirst" else kind, text) for kind, text in draft.pieces[taken:]
    ]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (as a dict, {} if absent or unreadable) and the text after it."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---"):
        return {}, text
    first_break = stripped.find("\n")
    if first_break < 0 or stripped[:first_break].strip() != "---":
        return {}, text
    end = _FRONT_MATTER_END.search(stripped, first_break + 1)
    if end is None:
        return {}, text
    block = stripped[first_break + 1 : end.start()]
    rest = stripped[end.end() :]
    import yaml

    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError:
        meta = None
    return (meta if isinstance(meta, dict) else {}), rest


def strip_liquid(text: str) -> str:
    """Drop Liquid tags "{% … %}" and outputs "{{ … }}", which may span lines."""
    for opening, closing in (("{%", "%}"), ("{{", "}}")):
        parts: list[str] = []
        position = 0
        while True:
            start = text.find(opening, position)
            if start < 0:
                break
            end = text.find(closing, start + 2)
            if end < 0:
                break
            parts.append(text[position:start])
            position = end + 2
        parts.append(text[position:])
        text = "".join(parts)
    return text


def _strip_comments(text: str) -> str:
    parts: list[str] = []
    position = 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[position:start])
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def inline_text(text: str) -> str:
    """Markdown inline markup to plain text: links keep their text, markers go."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _FOOTNOTE_REFERENCE.sub(r"[\1]", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS_STAR.sub(r"\1", text)
    text = _EMPHASIS_UNDERSCORE.sub(r"\1", text)
    text = _ESCAPED_SPACE.sub("\u00a0", text)
    text = _ESCAPE.sub(r"\1", text)
    text = text.replace("&nbsp;", "\u00a0").replace("&amp;", "&")
    return _SPACE_RUN.sub(" ", text).strip()


def markdown_blocks(
    text: str,
) -> tuple[list[tuple[PieceKind, str]], list[str], str | None]:
    """Blocks of a Markdown body, the trailer after an end mark, and a leading "# " title.

    Block kinds are "paragraph", "heading", "list_item", or "standfirst" for
    a wholly emphasised paragraph right under the title.
    """
    lines = _strip_comments(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pieces: list[tuple[PieceKind, str]] = []
    trailer: list[str] = []
    title: str | None = None
    paragraph: list[str] = []
    item: list[str] | None = None
    table: list[str] = []
    in_fence = False

    def flush() -> None:
        nonlocal paragraph, item
        if item is not None:
            pieces.append(("list_item", inline_text(join_lines(item))))
            item = None
        if paragraph:
            joined = join_lines(paragraph)
            emphasised = _WHOLLY_EMPHASISED.match(joined)
            kind: PieceKind = "paragraph"
            if emphasised and title is not None and not pieces:
                kind = "standfirst"
            elif emphasised and len(joined.split()) <= 12 and not joined.rstrip("*_").endswith("."):
                kind = "heading"
            pieces.append((kind, inline_text(joined)))
            paragraph = []
        if table:
            _table_pieces(table, pieces)
            table.clear()

    index = 0
    while index < len(lines):
        raw = lines[index]
        line = raw.strip()
        index += 1
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if line:
                pieces.append(("paragraph", line))
            continue
        quoted = re.match(r"^[ \t]{0,3}>[ \t]?", raw)
        if quoted:
            raw = raw[quoted.end() :]
            line = raw.strip()
            if not line:
                flush()
                continue
        if not line:
            flush()
            continue
        if _ATTRIBUTE_LINE.match(line) or _LINK_DEFINITION.match(line):
            continue
        if END_MARK.match(line.replace("\\", "")) and not _ATX.match(line + " x"):
            flush()
            trailer = [inline_text(rest.strip()) for rest in lines[index:] if rest.strip()]
            break
        if END_MARK.match(line.replace("\\", "")):
            flush()
            trailer = [inline_text(rest.strip()) for rest in lines[index:] if rest.strip()]
            break
        heading = _ATX.match(line)
        if heading:
            flush()
            content = inline_text(heading.group(2)).strip()
            if len(heading.group(1)) == 1 and title is None and not pieces:
                title = content
            elif content:
                pieces.append(("heading", content))
            continue
        if paragraph and len(paragraph) == 1 and _SETEXT.match(line) and item is None and not table:
            content = inline_text(paragraph[0])
            paragraph = []
            if line.startswith("=") and title is None and not pieces:
                title = content
            else:
                pieces.append(("heading", content))
            continue
        if _RULE.match(line):
            flush()
            continue
        if line.startswith("|"):
            if paragraph or item is not None:
                flush()
            table.append(line)
            continue
        if table:
            flush()
        bullet = _BULLET.match(raw)
        if bullet:
            flush()
            item = [raw[bullet.end() :].strip()]
            continue
        if item is not None and raw[:1] in " \t":
            item.append(line)
            continue
        if item is not None:
            flush()
        paragraph.append(line)
    flush()
    return pieces, trailer, title


def _table_pieces(rows: list[str], pieces: list[tuple[PieceKind, str]]) -> None:
    """A table's header row becomes a paragraph (its caption), each body row a list item."""
    cells_of = [
        [inline_text(cell.strip()) for cell in row.strip().strip("|").split("|")]
        for row in rows
        if not _TABLE_RULE.match(row)
    ]
    for number, cells in enumerate(cells_of):
        text = " — ".join(cell for cell in cells if cell)
        if text:
            pieces.append(("paragraph" if number == 0 else "list_item", text))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(item) for item in value if item)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("title") or "")
    return str(value)


def _byline(meta: dict[str, Any]) -> str:
    authors = _text(meta.get("author") or meta.get("authors") or meta.get("byline"))
    if not authors:
        return ""
    return authors if is_byline(authors) else f"By {authors}"


def _date(meta: dict[str, Any]) -> str:
    for key in ("date", "published", "published_time", "updated"):
        value = meta.get(key)
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if value:
            return str(value)[:10] if re.match(r"\d{4}-\d\d-\d\d", str(value)) else str(value)
    return ""


__all__ = [
    "finish",
    "inline_text",
    "is_paragraph",
    "looks_like_heading",
    "markdown_blocks",
    "read_markdown",
]
