"""True or false: a statement of the article, as written or with one slot swapped.

A false statement swaps one value for another of the same kind that the
article itself states elsewhere: another date for a date, another figure
counting the same thing, another body or person, another quoted person as a
speaker. Nothing is invented and nothing is negated. How the article
describes someone or something is asked by other types (matching, "Who does
the article describe as …?"): as a bare statement ("The article describes Ann
Lee as 'Governor'") raters found it a label check, acceptable about three
times in ten. A swap is
refused when it could still be true: the value is already in the sentence
("on March 3 and 4"), another sentence on the same subject states it, or the
value is bounded ("since 1991", "more than 13 billion") so that another
value may hold as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from briefings.text.lexicon import COURTESY_TITLES, MONTHS, word_set
from briefings.text.sentences import split_sentences
from quizzes.text.facts import Fact
from quizzes.text.facts.entities import PERSON
from quizzes.text.generation import entities
from quizzes.text.generation.aspects import (
    can_be_swapped,
    quotation_explanation,
)
from quizzes.text.generation.drafts import (
    FALSE,
    TRUE,
    Draft,
    QuestionType,
    in_range,
    is_long,
    pick_distractors,
    rate_difficulty,
)
from quizzes.text.generation.kinds.cloze import reads_alone, worth_retaining
from quizzes.text.generation.source import (
    KNOWN_SHORT,
    VALUE_KINDS,
    Shown,
    Source,
    excerpt_of,
    mentions,
    overlaps,
    surname,
)
from quizzes.text.question import GeneratedQuestion

BASE_DIFFICULTY = 0.2

PREFIX = "True or false? "

# A bounded value may hold alongside another: "since 1991" is still true of
# 2005, "more than 13 billion" of 20 billion.
_BOUND_BEFORE = re.compile(
    r"\b(?:since|before|after|until|till|by|from|between|through|as early as|as of|"
    r"over|more than|less than|fewer than|at least|at most|up to|under|above|below|"
    r"exceeding|as many as|as much as|and|or)\s+"
    r"(?:the\s+)?(?:late\s+|early\s+|mid-?\s*)?(?:\$\s*)?$",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(
    r"^(?:\s*\+|\s+(?:or (?:more|less|later|earlier|so)|and (?:\d|later|after|beyond)|onwards?)\b)"
)
_STOPWORDS = word_set(
    """the a an of in on at to for with from by and or but that this these those its their his
    her was were is are be been has have had will would could can may might said says also
    which who whom when where after before since than more most about into over under not
    there they them it he she we our"""
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{3,}", text.lower()) if w not in _STOPWORDS}


def _statement(sentence: str) -> str:
    text = sentence.strip()
    return text if text[-1:] in ".!?\u201d\"'" else text + "."


def _true_false(
    source: Source,
    fact: Fact,
    key: str,
    statement: Callable[[str], str],
    swaps: Sequence[str],
    *,
    may_be_true: bool = True,
) -> Draft | None:
    """A statement built from ``statement(value)``: true as written, false with a swap."""
    rng = source.rng(f"truth:{key}")
    make_false = bool(swaps) and (rng.random() < 0.5 or not may_be_true)
    if not make_false and not may_be_true:
        return None
    text = statement(swaps[0]) if make_false else statement("")
    if make_false and mentions(source.text, text):
        return None
    return Draft(
        kind="true_false",
        stem=f"{PREFIX}{text}",
        options=(TRUE, FALSE),
        correct=(FALSE if make_false else TRUE,),
        facts=(fact,),
        key=key,
        # The value, and a swapped-in value (not a swapped speaker: names recur).
        key_forms=(fact.value, swaps[0])
        if make_false and fact.kind != "quotation"
        else (fact.value,),
        difficulty=rate_difficulty(
            BASE_DIFFICULTY,
            exact=fact.kind in ("date", "quantity"),
            long_source=is_long(source.sentence(fact)),
        ),
    )


_DEADLINE_BEFORE = re.compile(
    r"\b(?:through|until|till|by|before|no later than|deadline of|expires? (?:on|in))\s+"
    r"(?:the\s+)?(?:end of\s+)?$",
    re.IGNORECASE,
)


_NEARBY_YEARS = 15


def _same_kind_values(source: Source, fact: Fact) -> list[str]:
    """Values of the fact's kind that the article states in other sentences."""
    others = [
        o
        for o in source.facts
        if o.kind == fact.kind and not _same_sentence(o, fact) and o.detail != "range"
    ]
    if fact.kind == "date":
        # "through December 31, 2029" is a deadline: swapped into an event it reads as absurd.
        # A year decades away ("In 1962, … the April 2026 proclamation") is false at a glance.
        return [
            o.value
            for o in others
            if o.category == fact.category
            and not (o.year and fact.year and abs(o.year - fact.year) > _NEARBY_YEARS)
            and not _after_deadline_word(source.paragraph_text(o.paragraph), o.value_start)
        ]
    if fact.kind == "quantity":
        return [
            o.value
            for o in others
            if o.unit == fact.unit
            and o.scale == fact.scale
            and o.number != fact.number
            and _of_a_scale(o.number, fact.number)
        ]
    if fact.category == "affiliation":
        return [o.value for o in others if o.category == "affiliation" and o.value != fact.value]
    return []


def _of_a_scale(one: float | None, other: float | None) -> bool:
    """Whether two amounts are within a factor of ten: "$485 million" in place of "$2 million"
    is false at a glance."""
    if not one or not other:
        return True
    low, high = sorted((abs(one), abs(other)))
    return low > 0 and high / low <= 10


@lru_cache(maxsize=1 << 10)
def _after_deadline_word(text: str, position: int) -> bool:
    """Whether a deadline word ("through", "by the end of") comes right before ``position``.

    Asked for each other date of each date: kept, since each search reads the
    paragraph up to the date. The cache has room for one article's dates (at
    most MAX_SOURCE_FACTS facts are read), each entry keeping its paragraph.
    """
    return _DEADLINE_BEFORE.search(text, 0, position) is not None


def _stated_elsewhere(source: Source, sentence: str, value: str, replacement: str) -> bool:
    """Whether another sentence on the same subject gives ``replacement``.

    Two sentences are taken to be on one subject when they share three
    content words besides the values: "withdrew from the city on October 16"
    and "the withdrawal from the city was completed on October 16".
    """
    subject = _content_words(sentence.replace(value, " ")) - _content_words(replacement)
    for other in source.sentences_mentioning(replacement):
        if other.strip() == sentence.strip():
            continue
        if len(subject & _content_words(other)) >= 3:
            return True
    return False


def _value_swaps(source: Source, fact: Fact, shown: Shown) -> list[str]:
    sentence, start, end = shown
    if _BOUND_BEFORE.search(sentence[:start]) or _BOUND_AFTER.match(sentence[end:]):
        return []
    if fact.kind == "quantity" and in_range(sentence[:start], sentence[end:]):
        return []  # "from a low of $743 to a high of $150" is false at a glance
    if fact.kind == "quantity" and _COMPARED.search(sentence):
        return []  # "estimated at only 97% and likely closer to 40%" is false at a glance
    candidates = [
        value
        for value in _same_kind_values(source, fact)
        if not mentions(sentence, value)
        and not overlaps(value, fact.value)
        and not (fact.subject.strip() and source.states(fact.subject, value))
        and not _stated_elsewhere(source, sentence, fact.value, value)
    ]
    return pick_distractors(fact.value, [candidates], 1, source.rng(f"swap:{fact.value_start}"))


# Two figures the sentence weighs against each other: a swapped one may contradict the other.
_COMPARED = re.compile(
    r"\d[^.;]*?\b(?:closer to|than|up from|down from|compared (?:with|to)|rather than|"
    r"instead of|as against|versus|vs\.?)\s+(?:about |around |nearly |only |just )?"
    r"[$\u20ac\u00a3]?\d",
    re.IGNORECASE,
)


def _stands_as_a_statement(sentence: str) -> bool:
    """Whether the sentence, stated bare, says when it holds: a sentence with no year may
    not lean on the day the article came out ("In May, …", "Currently, …", "… so far")."""
    if not reads_alone(sentence):
        return False
    if _PRAISE.search(sentence) and not _FIGURE.search(_YEAR.sub("", sentence)):
        return False  # "provides an important platform": true to anyone who has not read it
    if _BLAME.search(sentence):
        return False  # "the rejection ignored Alaska's needs": a judgement, not a fact to mark True
    if _ONGOING_WORK.search(sentence) and not _FIGURE.search(sentence):
        return False  # "FEMA continues to work closely with State officials": true by default
    if _YEAR.search(sentence):
        return True
    return not (_AS_OF_PUBLICATION.search(sentence) or _MONTH_NAME.search(sentence))


_AS_OF_PUBLICATION = re.compile(
    r"\b(?:[Cc]urrently|[Nn]ow|[Tt]o date|[Ss]o far|[Tt]his (?:year|month|week|spring|summer|"
    r"autumn|fall|winter))\b(?!-)"
)
# A month with no day: "In May", "in mid-February" ("On July 30" dates a news story well enough).
_MONTH_NAME = re.compile(rf"(?<!\d )\b(?:{'|'.join(MONTHS)})\b(?! \d)")
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d{2}\b")
# Praise with no figure to check: "made critical reforms … significant progress".
_PRAISE = re.compile(
    r"\b(?:important|critical|significant|historic|unprecedented|vital|crucial|landmark|"
    r"tremendous|remarkable|robust|meaningful|transformative|bold)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")
# Work that goes on, with nothing to check: "continues to work closely with …".
_ONGOING_WORK = re.compile(
    r"\b(?:continues?|continued|will continue) to (?:work|engage|coordinate|collaborate|"
    r"partner|monitor|support|assist)\b",
    re.IGNORECASE,
)
# Blame, a boast or a duty a release states as its own verdict: "ignored Alaska's economic
# needs", "a disastrous policy", "The results speak for themselves", "children deserve …".
# Marked True, the statement would turn the writer's view into a fact.
_BLAME = re.compile(
    r"\b(?:ignored|ignoring|disastrous|reckless|catastrophic|weaponi[sz]ed|woke|job-killing|"
    r"crooked|incompetent|shameful|disgraceful|speak for themselves|speaks for itself|"
    r"deserve|deserves|unethical|unjustified|corrupt|egregious|outrageous|baseless|sham|hoax|"
    r"lawless|radical|partisan)\b",
    re.IGNORECASE,
)


def _value_true_false(source: Source, fact: Fact, key: str) -> Draft | None:
    shown = source.shown(fact)
    if shown is None or fact.detail == "range" or not can_be_swapped(fact):
        return None
    sentence, start, end = shown
    if is_long(sentence) or not _stands_as_a_statement(sentence):
        return None
    if not _worth(source, fact):
        return None
    swaps = _value_swaps(source, fact, shown)

    def statement(replacement: str) -> str:
        claim = sentence[:start] + replacement + sentence[end:] if replacement else sentence
        return _statement(claim)

    # The sentence as written is one statement, however many values it holds.
    first = min(
        (
            f
            for f in source.facts
            if f.kind in VALUE_KINDS and _same_sentence(f, fact) and _worth(source, f)
        ),
        key=lambda f: f.value_start,
    )
    return _true_false(source, fact, key, statement, swaps, may_be_true=first == fact)


def _worth(source: Source, fact: Fact) -> bool:
    shown = source.shown(fact)
    return shown is not None and worth_retaining(source, fact, *shown)


def _same_sentence(first: Fact, second: Fact) -> bool:
    return (first.paragraph, first.sentence_start) == (second.paragraph, second.sentence_start)


# A name set beside an acronym as its expansion: "director of DARPA, the _____".
_ACRONYM_AND_COMMA = re.compile(r"\b[A-Z][A-Za-z&]*[A-Z]\s*(?:,|\u2014|\u2013|-)\s*(?:the\s+)?$")

_INITIAL_BEFORE = re.compile(r"\b[A-Z]\.\s+$")

_GENDERED = re.compile(r"\b(?:he|she|his|her|hers|him|himself|herself)\b", re.IGNORECASE)


def _entity_true_false(source: Source, fact: Fact, key: str) -> Draft | None:
    """The sentence as written, or with the name swapped for another of its kind."""
    # A statement is the sentence as written: "Full Name (ACR)" swapped would contradict itself.
    if fact.detail or not entities.worth_asking(source, fact):
        return None
    shown = source.shown(fact)
    if shown is None:
        return None
    sentence, start, end = shown
    if is_long(sentence) or not _stands_as_a_statement(sentence):
        return None
    if entities.attached_by_possessive(sentence, start, end):
        return None  # "the Bureau of Land Management’s General Services Administration"
    if fact.category == PERSON and _INITIAL_BEFORE.search(sentence[:start]):
        return None  # "Ana R. _____": a swapped surname would make up a name
    if _ACRONYM_AND_COMMA.search(sentence[:start]):
        return None  # "DARPA, the Office of Science and Technology Policy": it contradicts itself
    own = entities.entity_of(source, fact)
    rest = sentence[:start] + " " + sentence[end:]
    if own is not None and any(mentions(rest, form) for form in own.forms):
        return None  # "the EPA’s regional offices … USDA programs": a swap contradicts the rest
    candidates = [
        name
        for name in entities.same_kind_names(source, fact, sentence)
        if not source.states(sentence[:start] + sentence[end:], name)
        and not _stated_elsewhere(source, sentence, fact.value, name)
    ]
    if fact.category == PERSON and _GENDERED.search(sentence[end:]):
        # "appointed Magid Chair …, where she served": another person's name beside the
        # first one's "she" tells the statement was altered.
        candidates = []
    if fact.category == PERSON:
        candidates = _holding_the_title(source, sentence[:start], candidates)
    swaps = pick_distractors(fact.value, [candidates], 1, source.rng(f"swap:{key}"))

    written = _written_out(source, fact.value, sentence, start)

    def statement(replacement: str) -> str:
        return _statement(sentence[:start] + (replacement or written) + sentence[end:])

    # The sentence as written is one statement, however many names it holds.
    first = min(
        (f for f in source.facts if f.kind in (*VALUE_KINDS, "entity") and _same_sentence(f, fact)),
        key=lambda f: f.value_start,
    )
    return _true_false(source, fact, key, statement, swaps, may_be_true=first == fact)


def _written_out(source: Source, value: str, sentence: str, start: int) -> str:
    """An acronym as a true statement shows it: "The HAP will …" read alone says nothing of
    what the HAP is, so its full name comes first, as where the article defines it."""
    if value in KNOWN_SHORT:
        return value
    for definition in source.article.glossary:
        full = definition.expansion
        if definition.term == value and full and full.lower() not in sentence.lower():
            return source.written_out(value, full, sentence[:start])
    return value


def _holding_the_title(source: Source, before: str, names: list[str]) -> list[str]:
    """The people who may stand after the title that ends ``before``, if one does.

    "said Acting Secretary of Labor Ann Ode" with another name swapped in is false at
    a glance when the article makes that person a judge; after "Ms." or "Mr." a name
    of the other sex is. Only someone the article gives the same title will do.
    """
    title = _TITLE_BEFORE.search(before)
    if title is None:
        return names
    word = title.group(1).lower()
    if word in _UNDESCRIBING_TITLES:
        return []
    described = {person.name: person.description.lower() for person in source.article.people}
    return [name for name in names if word in re.findall(r"[a-z]+", described.get(name, ""))]


_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\.? $")
# After these a name says nothing of what its bearer does.
_UNDESCRIBING_TITLES = COURTESY_TITLES | {"dr"}


_PRONOUN_SAID = re.compile(r"^\W*(?:he|she)\s+\w+", re.IGNORECASE)


def _people_named(source: Source, text: str) -> set[str]:
    outside = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", text)
    return {
        surname(person)
        for person in source.people
        if re.search(rf"\b{re.escape(surname(person))}\b", outside)
    }


def _sentence_before(source: Source, fact: Fact) -> str:
    spans = split_sentences(source.paragraph_text(fact.paragraph))
    earlier = [(a, b) for a, b in spans if b <= fact.sentence_start]
    if earlier:
        a, b = earlier[-1]
        return source.paragraph_text(fact.paragraph)[a:b]
    if fact.paragraph > 1 and source.article.block(fact.paragraph - 1).kind != "heading":
        text = source.paragraph_text(fact.paragraph - 1)
        spans = split_sentences(text)
        return text[spans[-1][0] : spans[-1][1]] if spans else ""
    return ""


def _speaker_certain(source: Source, fact: Fact) -> bool:
    """Whether the text plainly names the quotation's speaker.

    Either the sentence names them outside the quote, or it says "he said"
    right after a sentence naming them and nobody else.
    """
    if not fact.subject:
        return False
    sentence = source.sentence(fact)
    outside = sentence.replace(fact.value, " ")
    if mentions(outside, surname(fact.subject)):
        return _people_named(source, outside) <= {surname(fact.subject)}
    after_quote = sentence[sentence.find(fact.value) + len(fact.value) :]
    if _people_named(source, outside) or not _PRONOUN_SAID.match(after_quote.lstrip('\u201d",')):
        return False
    return _people_named(source, _sentence_before(source, fact)) == {surname(fact.subject)}


def _quotation_true_false(source: Source, fact: Fact, key: str) -> Draft | None:
    if not _speaker_certain(source, fact):
        return None
    excerpt = excerpt_of(fact.value)
    if len(excerpt.split()) < 5 or not excerpt[:1].isupper():
        return None  # A fragment ("could not rule it out") is no statement to judge.
    if any(mentions(excerpt, surname(p)) for p in source.people):
        return None
    speakers = [
        s
        for s in source.speakers
        if surname(s) != surname(fact.subject) and not mentions(excerpt, surname(s))
    ]
    swaps = pick_distractors(fact.subject, [speakers], 1, source.rng(key))
    if not swaps:
        return None  # With no one else quoted, "Who said it?" is no question at all.
    draft = _true_false(
        source,
        fact,
        key,
        lambda swap: f"{swap or fact.subject} said: \u201c{excerpt}\u201d",
        swaps,
    )
    if draft is None:
        return None
    return replace(draft, explanation=quotation_explanation(source, fact))


def _check(question: GeneratedQuestion) -> Iterator[str]:
    if question.options != (TRUE, FALSE) or question.correct not in ((TRUE,), (FALSE,)):
        yield "true/false must offer True and False"
    if question.stem.count("According to") > 1 or "\u2026" in question.stem[:20]:
        yield "true/false statement must read as one sentence from its start"


TYPE = QuestionType(
    kind="true_false",
    base_difficulty=BASE_DIFFICULTY,
    check=_check,
    builders={
        "value": _value_true_false,
        "quotation": _quotation_true_false,
        "entity": _entity_true_false,
    },
)
