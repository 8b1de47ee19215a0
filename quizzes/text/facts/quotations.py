"""Facts from the quotations the parser found: who said what."""

from __future__ import annotations

from collections.abc import Iterator

from briefings.text.article import ParsedArticle
from briefings.text.sentences import sentence_containing
from quizzes.text.facts.model import Fact


def quotation_facts(
    article: ParsedArticle, sentences: dict[int, tuple[tuple[int, int], ...]]
) -> Iterator[Fact]:
    for quotation in article.quotations:
        if quotation.paragraph not in sentences or quotation.end <= quotation.start:
            continue
        text = article.block(quotation.paragraph).text
        start, stop = sentence_containing(
            sentences[quotation.paragraph], quotation.start, quotation.end
        )
        yield Fact(
            kind="quotation",
            paragraph=quotation.paragraph,
            sentence_start=start,
            sentence_end=stop,
            value=text[quotation.start : quotation.end],
            value_start=quotation.start,
            value_end=quotation.end,
            subject=quotation.speaker or "",
            detail=quotation.speaker_label,
        )
