"""What a question can ask about a fact, and the fact-level pieces several question types share."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from quizzes.text.facts import Fact
from quizzes.text.generation.drafts import BLANK
from quizzes.text.generation.source import (
    VALUE_KINDS,
    Source,
    aspect_key,
    fact_key,
    mentions,
    normalised,
    overlaps,
    quote,
    surname,
)


def aspects(fact: Fact) -> Iterator[tuple[str, str]]:
    """What a question can ask about ``fact``: (aspect name, question key) pairs.

    The key fingerprints what is asked, not how, so one aspect gives at most
    one question whatever its type.
    """
    if fact.kind in VALUE_KINDS:
        yield "value", fact_key(fact)
    elif fact.kind == "term":
        yield "term-expansion", fact_key(fact)
        if fact.detail:
            yield "term-description", aspect_key("term-description", fact.subject, fact.detail)
    elif fact.kind == "person" or (fact.kind == "quotation" and fact.subject):
        yield fact.kind, fact_key(fact)


_GAP_NOUNS = {
    "month_day": "date",
    "month_day_year": "date",
    "month_year": "month and year",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "place": "place",
    "affiliation": "name",
}


def gap_noun(fact: Fact) -> str:
    if fact.kind == "quantity":
        return "number"
    return _GAP_NOUNS.get(fact.category, "word")


def _window(sentence: str, start: int, end: int, limit: int = 40) -> tuple[str, int, int]:
    """Trim a long sentence to about ``limit`` words around ``start``..``end``."""
    if len(sentence.split()) <= limit:
        return sentence, start, end
    before = sentence[:start].split(" ")
    after = sentence[end:].split(" ")
    keep = limit // 2
    head = " ".join(before[-keep:]) if len(before) > keep else sentence[:start]
    tail = " ".join(after[:keep]) if len(after) > keep else sentence[end:]
    prefix = "\u2026" if len(before) > keep else ""
    suffix = "\u2026" if len(after) > keep else ""
    text = f"{prefix}{head}{sentence[start:end]}{tail}{suffix}"
    new_start = len(prefix) + len(head)
    return text, new_start, new_start + (end - start)


def blank_out(source: Source, fact: Fact) -> str | None:
    """The fact's sentence with its value replaced by the blank, or None if it gives it away."""
    sentence = source.sentence(fact)
    start, end = fact.value_start - fact.sentence_start, fact.value_end - fact.sentence_start
    text, start, end = _window(sentence, start, end)
    blanked = text[:start] + BLANK + text[end:]
    return None if mentions(blanked, fact.value) else blanked


def swap_value(source: Source, fact: Fact, replacement: str) -> str:
    sentence = source.sentence(fact)
    start, end = fact.value_start - fact.sentence_start, fact.value_end - fact.sentence_start
    return sentence[:start] + replacement + sentence[end:]


def can_be_swapped(fact: Fact) -> bool:
    """Whether swapping the value makes a false statement.

    Not for places: "killed in Kabul" with "Afghanistan" swapped in is still
    true, and the text rarely says which place lies within which.
    """
    return fact.category != "place"


def term_facts(source: Source) -> list[Fact]:
    return [f for f in source.facts if f.kind == "term"]


# "their new leader" or "the group's leader" means nothing without the sentence before.
CONTEXTUAL_DESCRIPTION = re.compile(
    r"^(?:their|his|her|its|our|this|that|the\s+\w+(?:\u2019s|'s))\b", re.IGNORECASE
)


def alike(first: str, second: str) -> bool:
    """Two descriptions a reader could take for one another.

    "reporter" and "reporter from a local outlet", or "rebel leader" and
    "their new leader": one holds the other, or both name the same role.
    """
    if overlaps(first, second):
        return True
    last = [_words_of(text)[-1:] for text in (first, second)]
    return bool(last[0]) and last[0] == last[1]


def _words_of(text: str) -> list[str]:
    return normalised(text).split()


def person_facts(source: Source) -> list[Fact]:
    return [f for f in source.facts if f.kind == "person"]


def quotation_explanation(source: Source, fact: Fact) -> str:
    sentence = source.sentence(fact)
    if mentions(sentence, surname(fact.subject)):
        return quote(sentence)
    return f"{quote(sentence)} The speaker is {fact.subject}."


def other_speakers(source: Source, fact: Fact, excerpt: str) -> tuple[list[str], list[str]]:
    """Wrong answers to "who said this?": other speakers first, then other people.

    Nobody the quotation itself names: a victim named in a quote is plainly
    not its speaker.
    """
    named = [p for p in source.people if not mentions(excerpt, surname(p))]
    others = [s for s in source.speakers if s != fact.subject and s in named]
    return others, [p for p in named if p not in source.speakers]


def chunks(items: Sequence[Fact], sizes: range) -> Iterator[Sequence[Fact]]:
    """Split ``items`` into runs whose lengths all lie in ``sizes``."""
    count = len(items)
    if count < sizes.start:
        return
    groups = -(-count // (sizes.stop - 1))
    while count // groups < sizes.start and groups > 1:
        groups -= 1
    start = 0
    for index in range(groups):
        size = count // groups + (1 if index < count % groups else 0)
        size = min(size, sizes.stop - 1)
        yield items[start : start + size]
        start += size
