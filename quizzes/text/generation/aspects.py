"""What a question can ask about a fact, and the fact-level pieces several question types share."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from quizzes.text.facts import Fact
from quizzes.text.facts.descriptions import description_kind
from quizzes.text.generation import entities
from quizzes.text.generation.drafts import BLANK, is_body, organisation_names
from quizzes.text.generation.source import (
    VALUE_KINDS,
    Source,
    aspect_key,
    fact_key,
    mentions,
    normalised,
    overlaps,
    quote,
    stopping_place,
    surname,
    unique,
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
    elif fact.kind == "entity" and fact.detail:
        # "Full Name (ACR)" is where the acronym is defined: one question with its expansion's.
        yield "entity", aspect_key("term-expansion", fact.detail, fact.value)
    elif fact.kind == "entity":
        where = f"{fact.paragraph}:{fact.sentence_start}"
        yield "entity", aspect_key("entity", fact.subject, where)
    elif fact.kind == "description":
        yield "description", aspect_key("description", fact.subject, fact.value)


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
    """Cut the end of a long sentence to about ``limit`` words, keeping ``start``..``end``.

    A stem never starts mid-sentence: the beginning names who and what.
    """
    if len(sentence.split()) <= limit:
        return sentence, start, end
    before = len(sentence[:start].split())
    keep = max(limit - before - len(sentence[start:end].split()), 8)
    after = sentence[end:].split(" ")
    cut = stopping_place(after, keep + 1)
    if cut >= len(after) - 1:
        return sentence, start, end
    tail = " ".join(after[:cut]).rstrip(",;: ")
    return f"{sentence[:end]}{tail}\u2026", start, end


def _shown(source: Source, fact: Fact) -> tuple[str, int, int]:
    shown = source.shown(fact)
    if shown is not None:
        return shown.text, shown.value_start, shown.value_end
    start, end = fact.value_start - fact.sentence_start, fact.value_end - fact.sentence_start
    return source.sentence(fact), start, end


def blank_out(source: Source, fact: Fact) -> str | None:
    """The fact's sentence, as a stem shows it, with its value replaced by the blank.

    None if the rest of the sentence still gives the value away.
    """
    text, start, end = _window(*_shown(source, fact))
    blanked = text[:start] + BLANK + text[end:]
    return None if mentions(blanked, fact.value) else blanked


def swap_value(source: Source, fact: Fact, replacement: str) -> str:
    """The fact's sentence, as a statement shows it, with ``replacement`` for its value.

    The true statement to set beside it is ``source.resolved_sentence(fact)``.
    """
    text, start, end = _shown(source, fact)
    return text[:start] + replacement + text[end:]


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


def described_alike(source: Source, fact: Fact) -> list[tuple[str, str]]:
    """(name, description) of other things of the described thing's kind.

    A platform's description stands among other programmes' and tools', never
    a person's job title. Nothing the asked thing is also described as, nothing
    whose name its own description holds ("an NLF splinter faction" is not set
    beside how the text describes the NLF), and nothing naming the asked thing.
    """
    own = [
        f.value for f in source.all_facts if f.kind == "description" and f.subject == fact.subject
    ]
    own += [f.detail for f in term_facts(source) if fact.subject in (f.subject, f.value)]
    others = [
        (f.subject, f.value)
        for f in source.all_facts
        if f.kind == "description" and f.category == fact.category and f.subject != fact.subject
    ]
    others += [
        (f.value, f.detail)
        for f in term_facts(source)
        if f.detail and description_kind(f.detail) == fact.category
    ]
    return [
        (name, description)
        for name, description in others
        if name != fact.subject
        and not any(alike(description, mine) for mine in own if mine)
        and not any(mentions(mine, part) for mine in own for part in _names_of(source, name))
        and not any(mentions(description, own_name) for own_name in _names_of(source, fact.subject))
        and not CONTEXTUAL_DESCRIPTION.match(description)
    ]


def described_like_term(source: Source, fact: Fact) -> list[str]:
    """Descriptions of named things of the kind an acronym's description names.

    "a regional trade bloc" (an acronym's) stands among "an NLF splinter
    faction" and other bodies' descriptions, never a platform's.
    """
    kind = description_kind(fact.detail)
    if not kind:
        return []
    as_described = replace(
        fact, kind="description", subject=fact.value, value=fact.detail, category=kind
    )
    return [
        description
        for _, description in described_alike(source, as_described)
        if not any(mentions(description, name) for name in (fact.subject, fact.value))
    ]


_NAME_ENDINGS = {
    "programme": re.compile(
        r"\b(?:Program|Programme|Initiative|Platform|Project|Mission|Telescope)$"
    ),
    "document": re.compile(
        r"\b(?:Act|Law|Treaty|Agreement|Memorandum|Plan|Strategy|Report|Order|Declaration)$"
    ),
}


def described_kind_names(source: Source, fact: Fact) -> list[str]:
    """Names of other things of the described thing's kind: programmes for a programme.

    Other things the article describes come first; then the article's bodies
    for a body, names ending "Initiative" or "Program" for a programme, "Act"
    or "Treaty" for a document; for a place only other described places, as a
    place the text merely names may well fit too. None the description or its
    sentence names, and none described like the asked thing.
    """
    key = fact.value
    described = [name for name, _ in described_alike(source, fact)]
    if fact.category == "organisation":
        named = [*organisation_body_names(source)]
    elif fact.category == "place":
        named = []  # Places the text merely names may well fit: "a landlocked country".
    else:
        ending = _NAME_ENDINGS.get(fact.category)
        named = [n for n in source.organisations if ending is not None and ending.search(n)]
    alike_named = {
        f.subject
        for f in source.all_facts
        if f.kind == "description" and f.subject != fact.subject and alike(f.value, key)
    }
    # "a food company": no university; "an independent federal agency": no fund.
    sort = entities.sort_described(key) if fact.category == "organisation" else None
    return [
        name
        for name in unique([*described, *named])
        if entities.of_sort(name, sort)
        and not overlaps(name, fact.subject)
        and name not in alike_named
        and not any(mentions(key, part) for part in _names_of(source, name))
        and not mentions(source.original(fact), name)
        and not (set(_words_of(name)) & set(_words_of(key)) - _LINK_WORDS)
    ]


_LINK_WORDS = frozenset(["a", "an", "the", "of", "for", "and", "on", "in", "to"])


def organisation_body_names(source: Source) -> list[str]:
    return [name for name in organisation_names(source) if is_body(name)]


def the_named(source: Source, fact: Fact) -> str:
    """The described thing as its sentence names it: "the Webb Space Telescope", "CE Works"."""
    sentence = source.original(fact)
    before = sentence[: max(0, sentence.find(fact.subject))]
    return f"the {fact.subject}" if re.search(r"\b[Tt]he\s+$", before) else fact.subject


def _names_of(source: Source, name: str) -> list[str]:
    """A body's name and its acronym: "National Liberation Front" and "NLF"."""
    acronyms = [d.term for d in source.article.glossary if d.expansion == name]
    return [name, *acronyms]


def person_facts(source: Source, *, everyone: bool = False) -> list[Fact]:
    """The descriptions of people questions may ask about; with ``everyone``, all that
    the article gives (as wrong answers, or to check what it says of someone)."""
    return [f for f in (source.all_facts if everyone else source.facts) if f.kind == "person"]


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
