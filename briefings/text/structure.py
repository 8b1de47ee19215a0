"""Decode an uploaded article and split it into its header and body blocks.

An article is plain text of this shape::

    Publisher banner

    Title

    Optional standfirst
    By Optional Byline

    Body paragraph, possibly hard-wrapped
    over several lines.

    Section heading

    - a bullet item
    - another bullet item

    More from the publisher          <- trailing site boilerplate

Everything here is pure Python so that the Django side, the command line and
the tests can all share it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from briefings.text.article import ArticleError, Block, BlockKind, gettext_noop
from briefings.text.lexicon import word_set
from briefings.text.sentences import FOOTNOTE_MARKER

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""Uploads above this size are refused before any parsing work is done."""

MAX_EXTRACTED_CHARACTERS = 512 * 1024
"""Terms, people and quotations are looked for in this much of the body text (some
85,000 words, far beyond any article); the text after it is kept but not searched,
which bounds the time an oversized upload takes."""

_UTF8_BOM = b"\xef\xbb\xbf"

# Real prose has essentially no C0 control characters besides whitespace, so a
# tenth of them means the bytes are not text even if they happen to decode.
_MAX_CONTROL_SHARE = 0.1
# The Cc category (C0, DEL and C1) without the whitespace controls.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# A title is one headline, not a paragraph that slipped into its place.
_MAX_TITLE_WORDS = 40
_MAX_STANDFIRST_WORDS = 60
_MAX_BYLINE_WORDS = 15
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 100
_MAX_TRAILER_WORDS = 12

_BYLINE = re.compile(r"^(?:By|BY)\s+[A-ZÀ-Þ]")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_LINK_LINE = re.compile(r"^(?:links?|url|source link)\s*:\s*(?:https?://|www\.)\S+$", re.IGNORECASE)
# Press releases end with "###" (sometimes spaced, or the older "-30-").
_END_MARK = re.compile(r"^(?:#\s*#\s*#|-\s*30\s*-)$")
_LIST_MARKER = re.compile(r"^(?:[-*•]\s+|\d{1,3}[.)]\s+|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+)")
_SENTENCE_PUNCTUATION = tuple(".!?:;,…\"”’')]")

# Calls to action that sites append after the article. A line starting with
# one of these is boilerplate only while it stays short (see _is_boilerplate).
_CALL_TO_ACTION = re.compile(
    r"^(?:read more|more from|more on|more\b|see more|related\b|share\b|follow\b|subscribe\b"
    r"|sign up|tags?\s*:|tagged\b|click here|print\b|email this|back to top|advertisement\b"
    r"|copyright\b|©|\(c\)\s*\d|all rights reserved)",
    re.IGNORECASE,
)
# These can end with a full stop and still be boilerplate ("Follow us on X.").
_UNAMBIGUOUS_CALL_TO_ACTION = re.compile(
    r"^(?:copyright\b|©|\(c\)\s*\d|all rights reserved|follow us|subscribe\b|sign up|share this)",
    re.IGNORECASE,
)

# Footnote markers such as [i], [iv] or [12]. They stay in the text, but the
# extractors mask them so that they never look like acronyms or quotes.

_SMALL_TITLE_WORDS = word_set("a an and as at but by for from in into nor of on or the to via with")


class ArticleParts(NamedTuple):
    """The article split into its header fields, body blocks and trailer."""

    publisher: str
    title: str
    standfirst: str
    byline: str
    blocks: tuple[Block, ...]
    trailer: tuple[str, ...]


def decode_article(data: bytes) -> str:
    """Decode uploaded bytes as UTF-8 text with normalised line endings.

    A UTF-8 byte order mark is dropped and Windows (CRLF) or old Mac (CR) line
    endings become LF. Raises ArticleError, with a message fit to show the
    uploader, for input over MAX_ARTICLE_BYTES, empty input, binary data and
    bytes that are not UTF-8 (naming the offset of the first bad byte).
    """
    if len(data) > MAX_ARTICLE_BYTES:
        megabytes = len(data) / (1024 * 1024)
        raise ArticleError(
            gettext_noop("The article is %(size).1f MB; the limit is 5 MB."), size=megabytes
        )
    skipped = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    body = data[skipped:]
    if not body.strip():
        raise ArticleError(gettext_noop("The article is empty."))
    if b"\x00" in body:
        raise ArticleError(
            gettext_noop(
                "The file looks like binary data (it contains NUL bytes), not plain text. "
                "Save the article as UTF-8 text and try again."
            )
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + skipped
        raise ArticleError(
            gettext_noop(
                "The article is not valid UTF-8: byte 0x%(byte)02x at offset %(offset)s "
                "cannot be decoded. Save the article as UTF-8 text and try again."
            ),
            byte=data[offset],
            offset=offset,
        ) from None
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise ArticleError(
            gettext_noop(
                "The file looks like binary data (it is mostly control characters), not plain text."
            )
        )
    return normalise_text(text)


_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def normalise_text(text: str) -> str:
    """Turn CRLF and CR line endings into LF and drop invisible marks: a byte
    order mark, soft hyphens, zero-width spaces and word joiners, which would
    otherwise sit unseen inside quoted sentences and answers."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def split_article(text: str) -> ArticleParts:
    """Split article text into publisher, title, standfirst, byline, blocks and trailer.

    Line 1 is the publisher banner and the next paragraph is the title. A short
    standfirst and a "By …" byline may follow, on one line each, with or
    without a blank line between them. The rest is the body: blank-line
    separated blocks, each a paragraph (hard-wrapped lines joined with a
    space), a heading (a short unpunctuated line standing alone) or a list
    item (one block per bullet, marker removed). A press-release end mark
    ("###") ends the body; link lines and short trailing site boilerplate
    ("More …", "Share this", a bare URL) go to the trailer instead.

    Raises ArticleError when there is no title or no body.
    """
    paragraphs = _line_groups(normalise_text(text))
    if not paragraphs:
        raise ArticleError(gettext_noop("The article is empty."))
    publisher, *rest_of_banner = paragraphs[0]
    after_banner = ([rest_of_banner] if rest_of_banner else []) + paragraphs[1:]
    if not after_banner:
        raise ArticleError(
            gettext_noop(
                "The article has no title: expected the publisher on line 1, a blank line, "
                "then the title."
            )
        )
    title, *title_extra = after_banner[0]
    title_words = len(title.split())
    if title_words > _MAX_TITLE_WORDS:
        raise ArticleError(
            gettext_noop(
                "The article has no title: the line after the publisher is a paragraph "
                "(%(words)s words), not a headline."
            ),
            words=title_words,
        )
    standfirst, byline, body = _split_header(title_extra, after_banner[1:])
    blocks, trailer = _body_blocks(body)
    if not blocks:
        raise ArticleError(gettext_noop("The article has no body text after its title."))
    return ArticleParts(publisher, title, standfirst, byline, blocks, trailer)


# A dateline opening a paragraph: "WASHINGTON, July 17 —", "KABUL, Afghanistan (AP) -",
# "ISLAMABAD:", "MOSCOW/KYIV —", "WASHINGTON, D.C. –". Every part has a bounded length.
DATELINE = re.compile(
    r"^(?P<dateline>"
    r"[A-Z][A-Z’'.\-]{1,30}(?:[ /][A-Z][A-Z’'.\-]{1,30}){0,3}"
    r"(?:,\s?[A-Z][A-Za-z.]{0,20}(?:\s[A-Z][A-Za-z.]{0,20}){0,2})?"
    r"(?:,?\s[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?)?"
    r"(?:\s?\([^()\n]{1,40}\))?"
    r")\s?(?:[–—]|-{1,2}|:)\s+(?=\S)"
)


def dateline_of(text: str) -> str:
    """The dateline that opens ``text`` ("WASHINGTON, DC"), or "" if it has none."""
    match = DATELINE.match(text)
    if match is None:
        return ""
    dateline = match.group("dateline").strip()
    # The place must be in capitals (at least two letters), not an ordinary capitalised word.
    place = re.split(r"[,(]", dateline, maxsplit=1)[0]
    letters = [char for char in place if char.isalpha()]
    if len(letters) < 2 or not all(char.isupper() for char in letters):
        return ""
    return dateline


def extraction_blocks(
    blocks: Sequence[Block], *, limit: int = MAX_EXTRACTED_CHARACTERS
) -> tuple[Block, ...]:
    """The blocks the extractors read: the body up to ``limit`` characters, cut at a
    space. Offsets into a cut block hold in the whole block."""
    kept: list[Block] = []
    budget = limit
    for block in blocks:
        if len(block.text) > budget:
            cut = block.text.rfind(" ", 0, budget + 1)
            text = block.text[: cut if cut > 0 else budget].rstrip()
            if text:
                kept.append(Block(block.number, block.kind, text))
            break
        kept.append(block)
        budget -= len(block.text)
    return tuple(kept)


def mask_dateline(text: str) -> str:
    """Blank out the dateline opening a paragraph, keeping every offset."""
    dateline = dateline_of(text)
    return " " * len(dateline) + text[len(dateline) :] if dateline else text


def mask_footnote_markers(text: str) -> str:
    """Blank out footnote markers like "[12]" or "[iv]", keeping every offset."""
    return FOOTNOTE_MARKER.sub(lambda match: " " * len(match.group()), text)


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text)


def _line_groups(text: str) -> list[list[str]]:
    """Group non-blank lines into paragraphs separated by blank lines."""
    groups: list[list[str]] = []
    current: list[str] = []
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if line:
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _is_byline(line: str) -> bool:
    return (
        _BYLINE.match(line) is not None
        and len(line.split()) <= _MAX_BYLINE_WORDS
        and not line.endswith(("?", "!"))
    )


def _split_header(
    title_extra: list[str], groups: list[list[str]]
) -> tuple[str, str, list[list[str]]]:
    """Take the standfirst and byline off the front of the body.

    Lines glued to the title belong to the header. Otherwise a byline is looked
    for in the first two paragraphs; whatever short text precedes it is the
    standfirst. Without a byline nothing else counts as header, because a
    short first paragraph cannot be told apart from a standfirst.
    """
    candidates = ([title_extra] if title_extra else []) + groups
    for index, group in enumerate(candidates[:2]):
        for position, line in enumerate(group):
            if not _is_byline(line):
                continue
            before = [text for earlier in candidates[:index] for text in earlier]
            before += group[:position]
            if len(" ".join(before).split()) > _MAX_STANDFIRST_WORDS:
                break
            after = group[position + 1 :]
            rest = ([after] if after else []) + candidates[index + 1 :]
            return " ".join(before), line, rest
    if title_extra:
        return " ".join(title_extra), "", groups
    return "", "", groups


def _body_blocks(groups: list[list[str]]) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    body = list(groups)
    after_end: list[str] = []
    for index, group in enumerate(body):
        if len(group) == 1 and _END_MARK.match(group[0]):
            after_end = [line for later in body[index + 1 :] for line in later]
            body = body[:index]
            break
    closing_groups: list[list[str]] = []
    # A heading or a call to action cannot end an article, so short trailing
    # lines of that kind are site chrome; keep at least one body paragraph.
    while len(body) > 1 and all(_is_boilerplate(line) for line in body[-1]):
        closing_groups.append(body.pop())
    closing = [line for group in reversed(closing_groups) for line in group]
    links = [line for group in body for line in group if _is_link_line(line)]
    kept = [[line for line in group if not _is_link_line(line)] for group in body]
    pieces = [piece for group in kept if group for piece in _group_pieces(group)]
    blocks = tuple(
        Block(number=number, kind=kind, text=text)
        for number, (kind, text) in enumerate(pieces, start=1)
    )
    return blocks, tuple(links + closing + after_end)


def _is_link_line(line: str) -> bool:
    return _URL.match(line) is not None or _LINK_LINE.match(line) is not None


def _is_boilerplate(line: str) -> bool:
    if _is_link_line(line):
        return True
    if len(line.split()) > _MAX_TRAILER_WORDS:
        return False
    if _UNAMBIGUOUS_CALL_TO_ACTION.match(line):
        return True
    unpunctuated = not line.endswith(_SENTENCE_PUNCTUATION)
    if _CALL_TO_ACTION.match(line) and unpunctuated:
        return True
    return _looks_like_heading(line) and _is_title_case(line)


def _group_pieces(lines: list[str]) -> list[tuple[BlockKind, str]]:
    """Turn one blank-line separated group into paragraph, heading or list blocks."""
    pieces: list[tuple[BlockKind, str]] = []
    lead: list[str] = []
    item: list[str] | None = None
    for line in lines:
        marker = _LIST_MARKER.match(line)
        if marker:
            if item:
                pieces.append(("list_item", _join_lines(item)))
            elif lead:
                pieces.append(("paragraph", _join_lines(lead)))
                lead = []
            item = [line[marker.end() :]]
        elif item is not None:
            item.append(line)
        else:
            lead.append(line)
    if item:
        pieces.append(("list_item", _join_lines(item)))
    elif lead:
        kind: BlockKind = (
            "heading" if len(lead) == 1 and _looks_like_heading(lead[0]) else "paragraph"
        )
        pieces.append((kind, _join_lines(lead)))
    return pieces


def _join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines with a space, mending words hyphenated at a break."""
    pieces = [lines[0]]
    ending = lines[0][-2:]  # the last two characters joined so far
    for line in lines[1:]:
        separator = "" if _HYPHENATED_END.search(ending) and line[:1].islower() else " "
        pieces += [separator, line]
        ending = (ending + separator + line)[-2:]
    return "".join(pieces)


_HYPHENATED_END = re.compile(r"[^\W\d_]-$")


def _looks_like_heading(line: str) -> bool:
    first = line[:1]
    return (
        (first.isupper() or first.isdigit())
        and len(line) <= _MAX_HEADING_CHARS
        and len(line.split()) <= _MAX_HEADING_WORDS
        and not line.endswith(_SENTENCE_PUNCTUATION)
    )


def _is_title_case(line: str) -> bool:
    words = [word for word in line.split() if word.lower() not in _SMALL_TITLE_WORDS]
    capitalised = [word for word in words if word[:1].isupper() or word[:1].isdigit()]
    return bool(words) and len(capitalised) == len(words)


# Shared with the format readers (briefings.text.readers).
is_byline = _is_byline
looks_like_heading = _looks_like_heading
line_groups = _line_groups
body_blocks = _body_blocks
group_pieces = _group_pieces
join_lines = _join_lines
is_title_case = _is_title_case
END_MARK = _END_MARK
