"""Facts from the people the parser found: who someone is."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefings.text.article import ParsedArticle
from briefings.text.sentences import sentence_containing
from quizzes.text.facts.model import Fact, find_text

_PRAISE = re.compile(
    r"(?:an?|the)\s+(?:very\s+)?(?:great|good|brave|wonderful|talented|dedicated|respected|"
    r"beloved|fine|excellent|remarkable|courageous|true|real|best|dear|kind|gifted)\b",
    re.IGNORECASE,
)


_CLAUSE = re.compile(
    r"\b[A-Z][\w.\u2019'-]*\s+(?:nominated|appointed|named|said|told|asked|chose|picked|"
    r"selected|hired|fired|called|thanked|met|praised)\b"
)


def person_facts(
    article: ParsedArticle, sentences: dict[int, tuple[tuple[int, int], ...]]
) -> Iterator[Fact]:
    for person in article.people:
        # Known by one word only, a "person" may be part of a name ("the White
        # House Executive Residence"), and a question could not say whom it means.
        if not person.description or len(person.name.split()) < 2:
            continue
        if _PRAISE.match(person.description):
            continue  # "a great journalist": a tribute, not who someone is.
        if _CLAUSE.search(person.description):
            continue  # "President Biden nominated Judge": a clause read as a title.
        numbers = [person.first_paragraph, *person.paragraphs]
        for number in dict.fromkeys(numbers):
            if number not in sentences:
                continue
            text = article.block(number).text
            index = find_text(text, person.description)
            if index == -1:
                continue
            end = index + len(person.description)
            start, stop = sentence_containing(sentences[number], index, end)
            yield Fact(
                kind="person",
                paragraph=number,
                sentence_start=start,
                sentence_end=stop,
                value=text[index:end],
                value_start=index,
                value_end=end,
                subject=person.name,
            )
            break
