"""Single choice: one right answer among three or four options."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from briefings.text.lexicon import ROLES, word_set
from quizzes.text.facts import Fact
from quizzes.text.generation import entities
from quizzes.text.generation.aspects import (
    CONTEXTUAL_DESCRIPTION,
    alike,
    described_alike,
    described_kind_names,
    described_like_term,
    gap_noun,
    other_speakers,
    person_facts,
    quotation_explanation,
    term_facts,
    the_named,
)
from quizzes.text.generation.drafts import (
    BLANK,
    Draft,
    QuestionType,
    answers_in_stem,
    close_numbers,
    conversion_in,
    converts,
    is_body,
    is_long,
    near_years_only,
    option_problems,
    organisation_names,
    pick_distractors,
    rate_difficulty,
    too_bare,
    value_distractors,
)
from quizzes.text.generation.source import (
    Source,
    excerpt_of,
    mentions,
    normalised,
    overlaps,
    quote,
    stopping_place,
    surname,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.3
_OPTIONS_PER_CHOICE = 4


_STEM_WORDS = 40
"""A gap stem longer than this loses its end; the gap must come before it."""
_MIN_TAIL_WORDS = 6


def gap_stem(source: Source, fact: Fact) -> str | None:
    """The fact's sentence as a stem shows it, the value blanked and a long end cut.

    The sentence starts where it starts (see
    :meth:`~quizzes.text.generation.source.Source.shown`). A bracketed
    conversion beside the value ("(186-mile)") is left out, as it would give
    the answer away; a value that is itself the conversion, a gap too far
    into a long sentence and a sentence that repeats the value give no stem.
    """
    shown = source.shown(fact)
    if shown is None:
        return None
    head, tail = shown.text[: shown.value_start], shown.text[shown.value_end :]
    if converts(head):
        return None
    conversion = conversion_in(tail)
    if conversion is not None:
        tail = tail[: conversion.start("paren")] + tail[conversion.end("paren") :]
    return _cut(head, tail, fact.value)


def _cut(head: str, tail: str, value: str) -> str | None:
    """``head``, the blank and ``tail``, its end cut when long; None if it names ``value``."""
    before = len(head.split())
    if before > _STEM_WORDS - _MIN_TAIL_WORDS:
        return None
    words = tail.split(" ")
    keep = max(_MIN_TAIL_WORDS, _STEM_WORDS - before)
    if len(words) > keep + 3 and (cut := stopping_place(words, keep)) < len(words) - 1:
        tail = " ".join(words[:cut]).rstrip(",;:\u2014- ") + "\u2026"
    blanked = head + BLANK + tail
    return None if mentions(blanked, value) or too_bare(blanked) else blanked


_ARTICLE_BEFORE_GAP = re.compile(rf"\b([Aa]n?)\s+\$?{re.escape(BLANK)}")


def _read_with_an(number: str) -> bool:
    """Whether a number is read with "an" before it: an 8, an 11, an 18,000, an 80%."""
    digits = number.replace(",", "").split(".")[0].lstrip("$")
    if not digits.isdigit():
        return False
    lead = digits[: len(digits) % 3 or 3]
    return digits.startswith("8") or lead in ("11", "18")


def _gap_single_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    blanked = gap_stem(source, fact)
    if blanked is None:
        return None
    distractors = value_distractors(
        source, fact, _OPTIONS_PER_CHOICE - 1, blanked, conversion_removed=True
    )
    if len(distractors) < _OPTIONS_PER_CHOICE - 1:
        return None
    distractors = near_years_only(fact, distractors)
    article = _ARTICLE_BEFORE_GAP.search(blanked)
    if article is not None:
        # "led an _____-month effort": only a number read with "an" fits it.
        wanted = article.group(1).lower() == "an"
        distractors = [d for d in distractors if _read_with_an(d) == wanted]
        if len(distractors) < 2 or _read_with_an(fact.value) != wanted:
            return None
    noun = gap_noun(fact)
    return Draft(
        kind="single_choice",
        stem=f"Which {noun} completes this sentence from the article? {quote(blanked)}",
        options=(fact.value, *distractors),
        correct=(fact.value,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(
            BASE_DIFFICULTY,
            exact=fact.kind in ("date", "quantity"),
            close=fact.kind == "quantity" and close_numbers(fact.value, distractors),
            long_source=is_long(source.sentence(fact)),
        ),
    )


def _entity_gap(source: Source, fact: Fact, key: str) -> Draft | None:
    """ "Which organization completes this sentence from the article?" among the article's own."""
    if not entities.worth_asking(source, fact):
        return None
    shown = entities.shown_without_acronym(source, fact)
    if shown is None:
        return None
    text, start, end = shown
    blanked = _cut(text[:start], text[end:], fact.value)
    if blanked is None or source.fits_elsewhere(blanked):
        return None
    tiers = entities.same_kind_tiers(source, fact, blanked)
    if entities.recurs(source, fact):
        # A person the article names again and again, among people it names once in
        # passing, stands out: no question rather than a give-away.
        tiers = entities.peers_only(tiers, 2)[: max(1, len(tiers) - 1)]
    distractors = pick_distractors(fact.value, tiers, 3, source.rng(key), avoid=blanked)
    if len(distractors) < 2:
        return None
    return Draft(
        kind="single_choice",
        stem=(
            f"Which {entities.noun(source, fact)} completes this sentence from the article? "
            f"{quote(blanked)}"
        ),
        options=(fact.value, *distractors),
        correct=(fact.value,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY, long_source=is_long(text)),
        terms=(fact.detail,) if fact.detail else (),
    )


_NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w\u2019'&.-]*|of|for|and|the|on|in|to|de|du)$")


def _is_proper_name(text: str) -> bool:
    """ "Popular Movement for the Liberation of Angola", not "gross domestic product"."""
    words = text.split()
    return len(words) > 1 and words[0][:1].isupper() and all(_NAME_WORD.match(w) for w in words)


def _other_bodies(source: Source, fact: Fact) -> list[str]:
    """Bodies of the article other than the acronym's: a party for a party, else no party."""
    named = [f.value for f in term_facts(source) if f != fact and _is_proper_name(f.value)]
    party = bool(re.search(r"\bPart(?:y|ies)\b", fact.value))
    return [
        name
        for name in [*named, *organisation_names(source)]
        if bool(re.search(r"\bPart(?:y|ies)\b", name)) == party
        and is_body(name)
        and not overlaps(name, fact.subject)
        # Programmes are no answer to "administered by the _____" (a department).
        and entities.same_sort_of_body(fact.value, name)
    ]


def _expansion_gap(source: Source, fact: Fact, key: str) -> Draft | None:
    """The name an acronym stands for, asked in its sentence with the acronym left out.

    "what does MPLA stand for?" is answered by the initials; "warned by
    officials of the ruling _____ party" is answered by reading. The
    options are other names the article gives.
    """
    if not _is_proper_name(fact.value) or not is_body(fact.value):
        return None  # "Annual Threat Assessment" has no other reports to stand among.
    shown = source.shown(fact)
    if shown is None:
        return None
    head, tail = shown.text[: shown.value_start], shown.text[shown.value_end :]
    acronym = re.match(rf"\s*\(\s*{re.escape(fact.subject)}\s*\)", tail)
    if acronym is None:
        return None  # "MPLA (Popular Movement ...)": blanking would leave the initials.
    blanked = _cut(head, tail[acronym.end() :], fact.value)
    if blanked is None or mentions(blanked, fact.subject):
        return None
    own = (fact.value, fact.subject)
    candidates = [
        name
        for name in _other_bodies(source, fact)
        if not any(mentions(blanked, form) for form in (name, *source.aliases(name)))
        # "the Interior Department's Bureau of Land Management": each answers for the other.
        and not entities.part_of_one_another(source, own, (name, *source.aliases(name)))
    ]
    distractors = pick_distractors(fact.value, [candidates], 3, source.rng(key))
    if len(distractors) < 2:
        return None
    # "The _____, a fund for the delta": a word only the answer shares with the stem.
    shared = _content_words(blanked) & _content_words(fact.value)
    if shared - set().union(*(_content_words(d) for d in distractors)):
        return None
    return Draft(
        kind="single_choice",
        stem=f"Which name completes this sentence from the article? {quote(blanked)}",
        options=(fact.value, *distractors),
        correct=(fact.value,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY, long_source=is_long(shown.text)),
        terms=(fact.subject,),
    )


def _content_words(text: str) -> set[str]:
    return {w for w in normalised(text).split() if len(w) > 3}


def _description_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    """What the article says a body is, its name asked or its description.

    Never "what does X stand for?": the initials answer that. The wrong
    options are the article's own, never generic ones from elsewhere.
    """
    answer = source.description(fact.detail)
    if not answer or not mentions(source.paragraph_text(fact.paragraph), answer):
        return None
    rng = source.rng(key)
    others = [source.description(f.detail) for f in term_facts(source) if f.detail and f != fact]
    others += [source.description(d) for d in described_like_term(source, fact)]
    distractors = pick_distractors(answer, [others], 3, rng)
    if len(distractors) >= 2:
        return Draft(
            kind="single_choice",
            stem=f"How does the article describe {fact.subject}?",
            options=(answer, *distractors),
            correct=(answer,),
            facts=(fact,),
            key=key,
            difficulty=rate_difficulty(BASE_DIFFICULTY),
            terms=(fact.subject,),
        )
    return _body_choice(source, fact, key, answer)


def _body_choice(source: Source, fact: Fact, key: str, description: str) -> Draft | None:
    """ "Which organisation does the article describe as ...?", naming bodies of the article."""
    if _content_words(description) & _content_words(fact.value) or not is_body(fact.value):
        return None  # "a security bloc" would point at the "Security Treaty Organisation".
    # "an NLF splinter faction" may well be what the NLF is said to be, too.
    offshoots = {
        f.subject
        for f in source.all_facts
        if f.kind == "description"
        and (mentions(f.value, fact.subject) or mentions(f.value, fact.value))
    }
    bodies = [
        body
        for body in _other_bodies(source, fact)
        if not (_content_words(description) & _content_words(body)) and body not in offshoots
    ]
    distractors = pick_distractors(fact.value, [bodies], 3, source.rng(key))
    if len(distractors) < 2:
        return None
    return Draft(
        kind="single_choice",
        stem=f"Which organisation does the article describe as \u201c{description}\u201d?",
        options=(fact.value, *distractors),
        correct=(fact.value,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY),
        terms=(fact.subject,),
    )


# Titles everyone knows the holder of, or that several people in a story hold.
_GENERIC_TITLES = word_set(
    "president vice prime minister premier king queen pope chancellor emir leader the a an"
)
# "Afghan President", "Kyrgyz deputy minister", "Islamic State emir": a word
# of nationality or allegiance that a name can give away.
_ALLEGIANCE = re.compile(
    r"(?<![\w.])(?:[A-Z][a-z]+(?:an|ish|ese|ic|i|ch|k|h|z)|U\.S\.|US|UK|EU|PRC)(?![\w.])"
)


def is_bare_title(description: str) -> bool:
    """ "Reporter", "President", "the Vice President": a title that says nothing of its own."""
    words = normalised(description).split()
    return len(words) < 2 or set(words) <= _GENERIC_TITLES


def is_specific(description: str, others: Iterable[str]) -> bool:
    """Whether a description picks out one person without outside knowledge.

    Not a bare or top title ("President", "Vice President": world knowledge),
    not one whose nationality the names themselves betray ("Afghan
    President"), and not one another person of the article shares ("the
    regional water official" said of two people).
    """
    if is_bare_title(description) or _ALLEGIANCE.search(description):
        return False
    return not any(alike(description, other) for other in others)


def _roles(description: str) -> set[str]:
    return set(normalised(description).split()) & ROLES


def _same_name_form(first: str, second: str) -> bool:
    """ "Harris" among "Jane Rigby" and "Bill Nelson" stands out: full names with full names."""
    return (len(first.split()) > 1) == (len(second.split()) > 1)


def _person_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    description = source.description(fact.value)
    sentence = source.sentence(fact)
    if CONTEXTUAL_DESCRIPTION.match(description) or not mentions(sentence, fact.subject):
        return None
    if overlaps(description, surname(fact.subject)):
        return None
    described = {
        f.subject: f.value
        for f in person_facts(source, everyone=True)
        if surname(f.subject) != surname(fact.subject)
    }
    if not is_specific(description, described.values()):
        return None
    # Other people described as specifically, none holding the asked role: a
    # second "reporter" would be a defensible answer to "reporter from a local outlet".
    others = [
        person
        for person, other in described.items()
        if not CONTEXTUAL_DESCRIPTION.match(other)
        and not is_bare_title(other)
        and not alike(other, fact.value)
        and not (_roles(other) & _roles(fact.value))
        and _same_name_form(person, fact.subject)
    ]
    distractors = pick_distractors(fact.subject, [others], 3, source.rng(key))
    if len(distractors) < 2:
        return None
    return Draft(
        kind="single_choice",
        stem=f"Who does the article describe as \u201c{description}\u201d?",
        options=(fact.subject, *distractors),
        correct=(fact.subject,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY),
    )


_MIN_QUOTED_WORDS = 4
_MIN_FRAGMENT_WORDS = 8


def _quotation_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    """ "Who said ...?", among people the article quotes or shows speaking.

    With fewer than two such others the question is not asked: bystanders
    who never speak are easy to rule out. Nor is it asked when the quotation's
    sentence does not name its speaker.
    """
    excerpt = excerpt_of(fact.value)
    # "if fielded", "up to 2,000 warheads": a phrase worked into the sentence
    # says too little to tell its speaker by.
    fragment = excerpt[:1].islower()
    if len(excerpt.split()) < (_MIN_FRAGMENT_WORDS if fragment else _MIN_QUOTED_WORDS):
        return None
    # The sentence itself names the speaker: "he said" may point further back
    # than a reader (or the parser) can be sure of.
    # "General Lee's testimony" attributes the words, but not as the one who said them.
    named = re.search(
        rf"\b{re.escape(surname(fact.subject))}\b(?![\u2019']s)", source.sentence(fact)
    )
    if named is None:
        return None
    if mentions(excerpt, surname(fact.subject)):
        return None
    others, bystanders = other_speakers(source, fact, excerpt)
    speaking = [p for p in bystanders if source.speaks(p)]
    candidates = [p for p in [*others, *speaking] if _same_name_form(p, fact.subject)]
    distractors = pick_distractors(fact.subject, [candidates], 3, source.rng(key))
    if len(distractors) < 2:
        return None
    return Draft(
        kind="single_choice",
        stem=f"Who said: \u201c{excerpt}\u201d?",
        options=(fact.subject, *distractors),
        correct=(fact.subject,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY, long_source=is_long(fact.value)),
        explanation=quotation_explanation(source, fact),
    )


_NOUNS = {
    "organisation": "organisation",
    "programme": "programme",
    "document": "document",
    "place": "place",
}


def _as_option(description: str) -> str:
    """A description without its "a", "an" or "the": options then differ in nothing else."""
    return re.sub(r"^(?:a|an|the)\s+", "", description.strip(), flags=re.IGNORECASE)


def _named_description_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    """ "How does the article describe CE Works?", among the descriptions it gives
    other things of the same kind; else the name asked among names of that kind."""
    answer = _as_option(source.description(fact.value))
    if _content_words(answer) & _content_words(fact.subject):
        return None  # "an innovation center" would point at the "Permitting Innovation Center".
    others = [_as_option(source.description(d)) for _, d in described_alike(source, fact)]
    distractors = pick_distractors(answer, [others], 3, source.rng(key))
    if len(distractors) < 2:
        return _named_thing_choice(source, fact, key)
    return Draft(
        kind="single_choice",
        stem=f"How does the article describe {the_named(source, fact)}?",
        options=(answer, *distractors),
        correct=(answer,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY),
    )


def _named_thing_choice(source: Source, fact: Fact, key: str) -> Draft | None:
    """ "Which programme does the article describe as ...?", among the article's programmes."""
    description = source.description(fact.value, keep_article=True)
    candidates = described_kind_names(source, fact)
    distractors = pick_distractors(fact.subject, [candidates], 3, source.rng(key))
    if len(distractors) < 2:
        return None
    return Draft(
        kind="single_choice",
        stem=(
            f"Which {_NOUNS[fact.category]} does the article describe as \u201c{description}\u201d?"
        ),
        options=(fact.subject, *distractors),
        correct=(fact.subject,),
        facts=(fact,),
        key=key,
        difficulty=rate_difficulty(BASE_DIFFICULTY),
    )


def _check(question: GeneratedQuestion) -> Iterator[str]:
    yield from answers_in_stem(question)
    yield from option_problems(question)
    if len(question.options) < 3 or len(question.correct) != 1:
        yield "single choice needs one answer and at least two distractors"


TYPE = QuestionType(
    kind="single_choice",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    builders={
        "value": _gap_single_choice,
        "term-expansion": _expansion_gap,
        "term-description": _description_choice,
        "person": _person_choice,
        "quotation": _quotation_choice,
        "entity": _entity_gap,
        "description": _named_description_choice,
    },
)
