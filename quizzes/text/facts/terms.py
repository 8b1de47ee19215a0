"""Facts from the glossary: what an acronym stands for and how the text describes it."""

from __future__ import annotations

from collections.abc import Iterator

from briefings.text.article import ParsedArticle
from briefings.text.sentences import sentence_containing
from quizzes.text.facts.model import Fact, find_text


def term_facts(
    article: ParsedArticle, sentences: dict[int, tuple[tuple[int, int], ...]]
) -> Iterator[Fact]:
    for definition in article.glossary:
        if definition.defined_in not in sentences:
            continue
        text = article.block(definition.defined_in).text
        index = find_text(text, definition.expansion, max(0, definition.start - 1))
        if index == -1:
            index = find_text(text, definition.expansion)
        if index == -1:
            continue
        end = index + len(definition.expansion)
        start, stop = sentence_containing(sentences[definition.defined_in], index, end)
        yield Fact(
            kind="term",
            paragraph=definition.defined_in,
            sentence_start=start,
            sentence_end=stop,
            value=text[index:end],
            value_start=index,
            value_end=end,
            subject=definition.term,
            detail=definition.description,
        )
