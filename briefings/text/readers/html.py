"""HTML pages: the article is extracted from the page chrome with trafilatura.

trafilatura drops navigation, header, footer, related links and banners and
gives the article as Markdown (headings and lists kept), which the Markdown
reader turns into blocks. The title comes from the page's <h1>, else its
metadata or <title>, with a site suffix (" | Site", " - Site") removed.
"""

from __future__ import annotations

import re
from html import unescape

from briefings.text.article import ArticleError, gettext_noop
from briefings.text.readers.document import Draft, clean_line
from briefings.text.readers.markdown import finish, markdown_blocks

_TITLE = re.compile(r"<title[^>]{0,200}>(.{0,2000}?)</title\s*>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1(?:\s[^>]{0,500})?>(.{0,2000}?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]{0,2000}>")
_SUFFIX = re.compile(r"^(?P<rest>.+)\s(?:\||-|–|—)\s(?P<site>[^|]{1,80})$")


def read_html(text: str, *, chrome_lines: int | None = None) -> Draft:
    import trafilatura

    extracted = trafilatura.extract(
        text,
        output_format="markdown",
        include_formatting=True,
        include_links=False,
        include_images=False,
        include_tables=True,
        include_comments=False,
        deduplicate=False,
    )
    if not extracted or not extracted.strip():
        raise ArticleError(gettext_noop("No article text was found in the HTML page."))
    # Only a date the page states (<time>, meta tags), never one guessed from the prose.
    metadata = trafilatura.extract_metadata(
        text, date_config={"extensive_search": False, "original_date": True}
    )
    pieces, trailer, first_heading = markdown_blocks(extracted)
    title, site = page_title(
        h1=_element_text(_H1, text),
        title_tag=_element_text(_TITLE, text),
        metadata_title=clean_line(getattr(metadata, "title", None) or ""),
    )
    if first_heading is not None and clean_line(first_heading).casefold() != title.casefold():
        pieces.insert(0, ("heading", first_heading))
    author = clean_line(getattr(metadata, "author", None) or "")
    return finish(
        Draft(
            format="html",
            title=title,
            pieces=pieces,
            trailer=tuple(trailer),
            publisher=_publisher(
                clean_line(getattr(metadata, "sitename", None) or ""), title, site
            ),
            byline=f"By {author}" if author else "",
            date=getattr(metadata, "date", None) or "",
        ),
        chrome_lines=chrome_lines,
    )


def page_title(*, h1: str, title_tag: str, metadata_title: str) -> tuple[str, str]:
    """The article title and the site name cut from the <title>, if any.

    The <title>'s site suffix (the part after the last " | " or " - ") is cut
    when what precedes it matches the <h1>; a lone <title> loses a suffix too.
    """
    site = ""
    split = _SUFFIX.match(title_tag) if title_tag else None
    if split:
        rest, suffix = split.group("rest").strip(), split.group("site").strip()
        if h1 and rest.casefold() == h1.casefold():
            site = suffix
        elif not h1 and len(suffix.split()) <= 6 and len(rest.split()) >= len(suffix.split()):
            site = suffix
            title_tag = rest
    if h1:
        return h1, site
    if metadata_title and metadata_title != site:
        cut = _SUFFIX.match(metadata_title)
        if cut and cut.group("site").strip() == site:
            return cut.group("rest").strip(), site
        return metadata_title, site
    return title_tag, site


def _element_text(pattern: re.Pattern[str], html: str) -> str:
    match = pattern.search(html)
    if match is None:
        return ""
    return clean_line(unescape(_TAG.sub(" ", match.group(1))))


def _publisher(sitename: str, title: str, site: str) -> str:
    """The site's name, unless the metadata only repeats the title."""
    if sitename and sitename.casefold() != title.casefold():
        return sitename
    return site
