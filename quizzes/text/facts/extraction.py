"""Every fact of an article, in reading order."""

from __future__ import annotations

from collections.abc import Iterator

from briefings.text.article import Block, ParsedArticle
from briefings.text.sentences import split_sentences
from quizzes.text.facts.dates import date_facts
from quizzes.text.facts.descriptions import description_facts
from quizzes.text.facts.entities import entity_facts
from quizzes.text.facts.model import FACT_KINDS, Fact
from quizzes.text.facts.people import person_facts
from quizzes.text.facts.quantities import quantity_facts
from quizzes.text.facts.quotations import quotation_facts
from quizzes.text.facts.relations import relation_facts
from quizzes.text.facts.terms import term_facts

_MAX_SENTENCE = 3000  # characters; a long sentence of a real article has under 1,000


def _body_blocks(article: ParsedArticle) -> Iterator[Block]:
    return (block for block in article.blocks if block.kind != "heading")


def extract_facts(article: ParsedArticle) -> tuple[Fact, ...]:
    """Every fact the generator can ask about, in reading order.

    Body paragraphs and list items are read; headings are not (they state no
    facts of their own). Glossary definitions, people and quotations come
    from the parsed article; dates, quantities and relations are found in
    each sentence.
    """
    sentences = {block.number: split_sentences(block.text) for block in _body_blocks(article)}
    sentences = {number: spans for number, spans in sentences.items() if spans}
    # Facts are read only in sentences a question could show: reading one of many
    # thousands of characters fact by fact takes time in its length times its facts.
    readable = {
        number: kept
        for number, spans in sentences.items()
        if (kept := tuple(span for span in spans if span[1] - span[0] <= _MAX_SENTENCE))
    }
    people_words = frozenset(
        word for person in article.people for word in person.name.split() if word[:1].isupper()
    )
    facts: list[Fact] = [
        *term_facts(article, sentences),
        *person_facts(article, sentences),
        *quotation_facts(article, sentences),
        *entity_facts(article, readable),
        *description_facts(article, readable),
    ]
    for number, spans in readable.items():
        text = article.block(number).text
        for start, stop in spans:
            if text[start] == "(" and text[stop - 1] == ")":
                continue  # An aside: a cross-reference or a byline, not a statement.
            dates, taken = date_facts(number, text, start, stop)
            facts.extend(dates)
            facts.extend(quantity_facts(number, text, start, stop, taken))
            facts.extend(relation_facts(number, text, start, stop, people_words))
    kind_order = {kind: index for index, kind in enumerate(FACT_KINDS)}
    unique = {
        (f.kind, f.paragraph, f.value_start, f.value_end): f
        for f in facts
        if f.sentence_end - f.sentence_start <= _MAX_SENTENCE
    }
    return tuple(
        sorted(unique.values(), key=lambda f: (f.paragraph, f.value_start, kind_order[f.kind]))
    )
