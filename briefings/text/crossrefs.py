"""Find pointers to other articles, such as "(See Some Other Title.)"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from briefings.text.article import Block, CrossReference
from briefings.text.lexicon import word_set

# "(See Title.)", "(see also Title)", "[See: Title]". Parentheses inside the
# title are not supported; real titles almost never contain them.
_PARENTHETICAL = re.compile(
    r"\((?P<lead>[Ss]ee(?:\s+also)?:?\s+)(?P<body>[^()]+?)\s*\)"
    r"|\[(?P<blead>[Ss]ee(?:\s+also)?:?\s+)(?P<bbody>[^\[\]]+?)\s*\]"
)
# A block that is only "See also: Title" or "See also: Title One; Title Two".
_SEE_ALSO_BLOCK = re.compile(r"^(?:See also|Also see|Related)\s*:?\s+(?P<body>.+)$")

# "(see Figure 1)" or "(see above)" points inside the document, not to an article.
_INTERNAL_TARGET = re.compile(
    r"^(?:figures?|fig\.|tables?|box|charts?|maps?|graphs?|appendix|annex|sections?|chapter|"
    r"notes?|footnotes?|endnotes?|pages?|p\.|pp\.|above|below|text box)\b",
    re.IGNORECASE,
)
# "from earlier this year", "published last month": words after a title that
# say where or when it appeared. Only stripped from title-cased titles.
_TRAILING_QUALIFIER = re.compile(
    r"\s+(?:from|published|earlier|last|in|on)\b(?:\s+[a-z0-9][\w’'-]*)*$"
)
# "Policy Brief PB1203, Title": a series label ending in a product code.
_SERIES_PREFIX = re.compile(r"^(?:[\w.’'-]+\s+){0,5}?[A-Z]{1,4}\d{3,}[A-Za-z0-9]*,\s+")
_SMALL_WORDS = word_set(
    """
    a an and as at but by for from in into nor of on or over the to up via vs with
    """
)
_MIN_TITLE_WORDS = 2


def find_cross_references(blocks: Iterable[Block]) -> tuple[CrossReference, ...]:
    """Return every pointer to another article, in reading order.

    Recognises parentheticals such as "(See Farmers Brace for Drought.)"
    (the span covers the whole parenthetical, brackets included) and blocks of
    the form "See also: Title" (the span covers the whole block). Trailing
    words such as "from earlier this year" are dropped from title-cased titles.
    Pointers inside the document ("see Figure 1") are ignored.
    """
    found: list[CrossReference] = []
    for block in blocks:
        found.extend(_references_in(block))
    return tuple(found)


def _references_in(block: Block) -> Iterator[CrossReference]:
    whole = _SEE_ALSO_BLOCK.match(block.text)
    if whole:
        for title in _titles(whole.group("body").split(";")):
            yield CrossReference(block.number, title, 0, len(block.text))
        return
    for match in _PARENTHETICAL.finditer(block.text):
        body = match.group("body") or match.group("bbody")
        for title in _titles([body]):
            yield CrossReference(block.number, title, match.start(), match.end())


def _titles(raw_titles: Iterable[str]) -> Iterator[str]:
    for raw in raw_titles:
        title = _clean_title(raw)
        if title is not None:
            yield title


def _clean_title(raw: str) -> str | None:
    title = raw.strip().rstrip(".").strip()
    if _INTERNAL_TARGET.match(title):
        return None
    title = _SERIES_PREFIX.sub("", title)
    qualifier = _TRAILING_QUALIFIER.search(title)
    if qualifier:
        head = title[: qualifier.start()]
        long_enough = len(head.split()) >= _MIN_TITLE_WORDS
        if long_enough and (head.endswith(("?", "!")) or _is_title_case(head)):
            title = head
    title = title.strip().strip('"“”').strip()
    if len(title.split()) < _MIN_TITLE_WORDS:
        return None
    return title


def _is_title_case(text: str) -> bool:
    words = [word for word in text.split() if word.lower() not in _SMALL_WORDS]
    return bool(words) and all(word[:1].isupper() or word[:1].isdigit() for word in words)
