"""Turn stored paragraph text into safe HTML, once, at save time.

Imported text is plain: every character is escaped, so raw HTML in an article
is shown as text and never executed. Instructors may write Markdown, which is
rendered and then sanitised with nh3. In both, glossary terms are marked as
``<abbr>`` inside a link to their glossary entry (reachable by keyboard and
screen reader without JavaScript), cross-references are set apart and
footnote markers are shown as superscripts. The few words of the site's own
that the HTML holds (the label a screen reader hears before a cross-reference)
are in the language active while rendering: services.briefing_html renders
again for a reader of another language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import markdown
import nh3
from django.utils.translation import gettext

FOOTNOTE_MARKER = re.compile(r"\[(?:\d{1,3}|[ivxlc]{1,6})\]")
_TAG_OR_TEXT = re.compile(r"(<[^>]+>)")

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "cite", "code", "em", "i", "li", "ol", "p",
    "pre", "strong", "b", "sub", "sup", "ul", "q", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "span": {"class"}}


@dataclass(frozen=True, slots=True)
class TermLink:
    """A defined glossary term to mark wherever it appears."""

    term: str
    expansion: str
    anchor: str


@dataclass(frozen=True, slots=True)
class CrossReferenceLink:
    start: int
    end: int
    title: str
    url: str | None


@dataclass(frozen=True, slots=True)
class _Annotation:
    start: int
    end: int
    opening: str
    closing: str
    priority: int


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML (for instructor-written text)."""
    rendered = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        link_rel="noopener noreferrer",
    )


def term_pattern(term: str) -> re.Pattern[str]:
    """Whole-word occurrences of a term, its plural included (ICBM, ICBMs)."""
    return re.compile(rf"(?<![\w/-]){re.escape(term)}s?(?![\w/]|-\w)")


def _term_markup(link: TermLink) -> tuple[str, str]:
    title = html.escape(link.expansion, quote=True)
    return (
        f'<a class="term" href="#{link.anchor}" data-expansion="{title}"><abbr title="{title}">',
        "</abbr></a>",
    )


def _term_annotations(text: str, terms: Iterable[TermLink]) -> list[_Annotation]:
    annotations = []
    for link in terms:
        # The first occurrence in each paragraph is enough to reach the entry.
        match = term_pattern(link.term).search(text)
        if match:
            opening, closing = _term_markup(link)
            annotations.append(_Annotation(match.start(), match.end(), opening, closing, 1))
    return annotations


def _cross_reference_annotations(refs: Iterable[CrossReferenceLink]) -> list[_Annotation]:
    annotations = []
    for ref in refs:
        label = f'<span class="visually-hidden">{html.escape(gettext("Related article:"))} </span>'
        if ref.url:
            opening = f'<span class="xref">{label}<a href="{html.escape(ref.url, quote=True)}">'
            closing = "</a></span>"
        else:
            opening, closing = f'<span class="xref">{label}<cite>', "</cite></span>"
        annotations.append(_Annotation(ref.start, ref.end, opening, closing, 0))
    return annotations


def _footnote_annotations(text: str) -> list[_Annotation]:
    return [
        _Annotation(m.start(), m.end(), '<sup class="footnote-marker">', "</sup>", 2)
        for m in FOOTNOTE_MARKER.finditer(text)
    ]


def render_plain(
    text: str,
    *,
    terms: Sequence[TermLink] = (),
    cross_references: Sequence[CrossReferenceLink] = (),
) -> str:
    """Escape imported text and add glossary, cross-reference and footnote markup."""
    candidates = sorted(
        _cross_reference_annotations(cross_references)
        + _term_annotations(text, terms)
        + _footnote_annotations(text),
        key=lambda a: (a.priority, a.start),
    )
    chosen: list[_Annotation] = []
    for candidate in candidates:
        if all(candidate.end <= a.start or candidate.start >= a.end for a in chosen):
            chosen.append(candidate)
    chosen.sort(key=lambda a: a.start)
    parts: list[str] = []
    position = 0
    for annotation in chosen:
        parts.append(html.escape(text[position : annotation.start], quote=False))
        parts.append(annotation.opening)
        parts.append(html.escape(text[annotation.start : annotation.end], quote=False))
        parts.append(annotation.closing)
        position = annotation.end
    parts.append(html.escape(text[position:], quote=False))
    return "".join(parts)


def mark_terms_in_html(fragment: str, terms: Sequence[TermLink]) -> str:
    """Mark the first occurrence of each term in the text nodes of sanitised HTML.

    Matches are found in the original text of each node before any markup is
    added, so one term is never found inside another's inserted attributes.
    """
    pieces = _TAG_OR_TEXT.split(fragment)
    remaining = list(terms)
    inside_link = 0
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            lowered = piece.lower()
            if lowered.startswith("<a ") or lowered == "<a>":
                inside_link += 1
            elif lowered.startswith("</a"):
                inside_link = max(0, inside_link - 1)
            continue
        if inside_link or not piece or not remaining:
            continue
        matches: list[tuple[int, int, TermLink]] = []
        for link in remaining:
            match = term_pattern(html.escape(link.term, quote=False)).search(piece)
            if match and all(match.end() <= s or match.start() >= e for s, e, _ in matches):
                matches.append((match.start(), match.end(), link))
        if not matches:
            continue
        parts: list[str] = []
        position = 0
        for start, end, link in sorted(matches, key=lambda m: m[0]):
            opening, closing = _term_markup(link)
            parts += [piece[position:start], opening, piece[start:end], closing]
            position = end
            remaining.remove(link)
        pieces[index] = "".join(parts) + piece[position:]
    return "".join(pieces)


def render_paragraph(
    text: str,
    *,
    markdown_format: bool,
    terms: Sequence[TermLink] = (),
    cross_references: Sequence[CrossReferenceLink] = (),
) -> str:
    """Inline HTML for one paragraph's content (without the enclosing block tag)."""
    if not markdown_format:
        return render_plain(text, terms=terms, cross_references=cross_references)
    rendered = render_markdown(text).strip()
    # A single Markdown paragraph is unwrapped: the template supplies the block tag.
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return mark_terms_in_html(rendered, terms)
