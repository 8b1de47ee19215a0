"""Comprehension questions generated from an article's facts.

Each fact (see :mod:`quizzes.text.facts`) becomes at most one question, so no
two questions ask the same thing; the question's ``key`` fingerprints what is
asked (the fact's kind, subject and answer), not how, so regenerating an
article with another ``seed`` replaces a question instead of duplicating it.
On top of those, the generator builds questions about several facts at once:
matching (acronym and expansion, person and description, quotation and
speaker), ordering (dated events) and multiple response (acronyms defined,
people quoted, statements true).

Rules every question keeps:

* Wrong options are of the answer's kind (a date for a date, a person for a
  person, a number counting the same thing, an organisation for an
  organisation), taken from the same article first and from
  :mod:`quizzes.text.pool` only when the article has too few. None equals
  the answer after normalisation, none repeats another, and none stands out
  by its form: all options share the answer's capitalisation pattern, have a
  comparable length and hold digits only if the answer does.
* No stem contains its answer (as whole words or numbers, after
  :func:`~quizzes.text.answers.normalise_answer`); for a cloze, the answer
  does not appear elsewhere in the blanked sentence either.
* The explanation quotes the source sentence, and ``paragraph``/``start``/
  ``end`` give its span. For single choice and cloze, the answer is written
  in that paragraph.
* Wrong options must be wrong, not merely different: a person whose
  description holds or shares its role with the one asked about ("reporter"
  and "reporter from a local outlet") is not offered for it, nobody a
  quotation names is offered as its speaker, and a place the text writes
  beside the answer ("Tashkent, Uzbekistan") is not offered for it.
* A true/false statement is the source sentence itself (true) or that
  sentence with one value swapped for another value of the same kind (false);
  statements are never negated. Places are never swapped: "killed in Kabul"
  with "Afghanistan" swapped in would still be true.
* Dated events are ordered only when the text makes their order certain:
  dates that state a year are compared as written, with each date standing
  for the whole period it names ("2005" is all of 2005, "the late 1990s" is
  1996-1999), and two events are ordered only when their periods do not
  overlap. Dates without a year ("October 3") are ordered only among
  themselves and only when they all fall within three months of the calendar
  without crossing a new year, which in a news story means one sequence of
  events; they are never mixed with dated years. Ranges ("between 2003 and
  2008") are not ordered.

``difficulty`` is a heuristic in [0, 1]: a base for the question type
(recognising is easier than recalling: true/false 0.2, single choice 0.3,
matching 0.4, multiple response 0.45, ordering 0.55, cloze 0.55), plus 0.1
for exact figures and dates, plus 0.05 per matching or ordering item beyond
three, plus 0.1 when a numeric distractor is within a quarter of the answer,
plus 0.05 for a source sentence over 30 words, minus 0.1 for an acronym's
expansion (the letters are a hint); clamped to [0.05, 0.95].
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from briefings.text.article import ParsedArticle
from quizzes.text import pool
from quizzes.text.answers import normalise_answer
from quizzes.text.facts import Fact, contains_date, extract_facts, split_sentences
from quizzes.text.question import QUESTION_KINDS, GeneratedQuestion, QuestionKind

__all__ = ["BLANK", "GENERATOR_VERSION", "generate_questions"]

GENERATOR_VERSION = "1"

BLANK = "_____"
"""Marks the gap in a cloze stem (and in gap-fill single-choice stems)."""

TRUE, FALSE = "True", "False"

_OPTIONS_PER_CHOICE = 4
_MAX_QUESTIONS_PER_SENTENCE = 3
_MATCHING_SIZES = range(3, 6)
_ORDERING_SIZES = range(3, 6)
_LONG_SENTENCE_WORDS = 30
_YEARLESS_WINDOW_DAYS = 92

_normalised = lru_cache(maxsize=1 << 16)(normalise_answer)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


@lru_cache(maxsize=1 << 14)
def _whole_words(answer: str) -> re.Pattern[str] | None:
    normalised = _normalised(answer)
    if not normalised:
        return None
    # Whole words and whole numbers: "3" is in "3%" and "3 km", not in "30".
    return re.compile(rf"(?<![0-9a-z.]){re.escape(normalised)}(?![0-9a-z]|\.\d)")


def _mentions(text: str, answer: str) -> bool:
    """Whether ``answer`` appears in ``text`` as whole words, after normalisation."""
    pattern = _whole_words(answer)
    return pattern is not None and pattern.search(_normalised(text)) is not None


def _overlaps(first: str, second: str) -> bool:
    return _mentions(first, second) or _mentions(second, first)


def _key(aspect: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(_normalised(p) for p in parts).encode()).hexdigest()
    return f"{aspect}:{digest[:16]}"


def _quote(sentence: str) -> str:
    """Quote a sentence, turning its own double quotes into single ones."""
    inner = sentence.replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    return f"\u201c{inner}\u201d"


def _excerpt(text: str, limit: int = 25) -> str:
    """The first sentence of ``text``, at most ``limit`` words."""
    spans = split_sentences(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text
    words = first.split()
    cut = " ".join(words[:limit])
    cut = cut.rstrip(",;:\u2026. ")
    shortened = len(words) > limit or len(spans) > 1
    # A full stop would clash with the stem's own punctuation; "?" and "!" carry meaning.
    return cut + "\u2026" if shortened else cut + (first[-1] if first[-1:] in "!?" else "")


# ---------------------------------------------------------------------------
# Telling options apart by their form


def _form(text: str) -> tuple[bool, bool, bool, int]:
    """What a reader sees at a glance: capital, digits, all-capitals, numbers."""
    return (
        text[:1].isupper(),
        any(c.isdigit() for c in text),
        len(text) > 1 and text.isupper(),
        len(re.findall(r"\d[\d,.]*", text)),
    )


def _looks_alike(answer: str, candidate: str) -> bool:
    if _form(answer) != _form(candidate):
        return False
    shorter, longer = sorted((len(answer), len(candidate)))
    return longer <= 12 or longer <= 2 * shorter


def _pick(
    answer: str,
    tiers: Sequence[Iterable[str]],
    count: int,
    rng: random.Random,
    *,
    avoid: str = "",
    exclude: Iterable[str] = (),
) -> list[str]:
    """Up to ``count`` distractors for ``answer``, best tier first.

    Within a tier, candidates the stem (``avoid``) already mentions come last:
    an option the question itself shows is easy to rule out.
    """
    taken = [answer, *exclude]
    chosen: list[str] = []
    for tier in tiers:
        # Shuffle first and stop as soon as enough are found: a long article
        # offers hundreds of candidates, and checking each against all the
        # others would be quadratic.
        candidates = list(dict.fromkeys(c.strip() for c in tier))
        rng.shuffle(candidates)
        if avoid:
            candidates.sort(key=lambda c: _mentions(avoid, c))
        for candidate in candidates:
            if len(chosen) >= count:
                break
            if not candidate or not _normalised(candidate) or not _looks_alike(answer, candidate):
                continue
            if any(_overlaps(candidate, other) for other in [*taken, *chosen]):
                continue
            chosen.append(candidate)
        if len(chosen) >= count:
            break
    return chosen


# ---------------------------------------------------------------------------
# The article, indexed for question building


@dataclass
class _Source:
    """The article and everything question builders look up in it."""

    article: ParsedArticle
    facts: tuple[Fact, ...]
    seed: int
    text: str = ""
    british: bool = False
    dates: dict[str, list[str]] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    _sentences: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        body = [b.text for b in self.article.blocks if b.kind != "heading"]
        self.text = "\n".join(body)
        self.british = bool(re.search(r"\w(?:isation|ise[sd]?)\b", self.text)) and not re.search(
            r"\w(?:ization)\b", self.text
        )
        for fact in self.facts:
            if fact.kind == "date" and fact.detail != "range":
                self.dates.setdefault(fact.category, []).append(fact.value)
        self.places = _unique(
            [f.value for f in self.facts if f.kind == "relation" and f.category == "place"]
            + _place_names(self.text, self._name_words(), self._organisation_names())
        )
        self.organisations = _unique(
            [d.expansion for d in self.article.glossary]
            + [f.value for f in self.facts if f.kind == "relation" and f.category == "affiliation"]
            + self._organisation_names()
        )
        self.people = _unique([p.name for p in self.article.people])
        self.speakers = _unique(
            [q.speaker for q in self.article.quotations if q.speaker is not None]
        )

    def _name_words(self) -> frozenset[str]:
        return frozenset(w for p in self.article.people for w in p.name.split())

    def _organisation_names(self) -> list[str]:
        return _organisation_names(self.text)

    def sentence(self, fact: Fact) -> str:
        return self.article.block(fact.paragraph).text[fact.sentence_start : fact.sentence_end]

    def speaks(self, person: str) -> bool:
        """Whether any sentence naming ``person`` reports speech or holds a quotation.

        A quotation the parser did not attribute must not turn "quoted
        directly?" into a wrong answer key, so such people are never offered
        as people who were not quoted.
        """
        surname = _surname(person)
        return any(
            _SPEECH.search(sentence) and re.search(rf"\b{re.escape(surname)}\b", sentence)
            for sentence in self.sentences()
        )

    def sentences(self) -> list[str]:
        if not self._sentences:
            self._sentences = [
                block.text[start:end]
                for block in self.article.blocks
                for start, end in split_sentences(block.text)
            ]
        return self._sentences

    def near(self, first: str, second: str) -> bool:
        """Whether the text writes two places side by side ("Tashkent, Uzbekistan").

        Places written within a few words of each other in one sentence
        ("Kabul, the capital of Afghanistan") usually contain one another, so
        one cannot be a wrong answer for the other. A shared stem counts too:
        "the Kenyan capital Nairobi" is near "Kenya".
        """
        gap = r"\W+(?:[\w\u2019'-]+\W+){0,4}"
        patterns = [
            rf"\b{re.escape(one)}{gap}{re.escape(other[:5])}"
            for one, other in ((first, second), (second, first))
        ]
        return any(re.search(p, sentence) for sentence in self.sentences() for p in patterns)

    def paragraph_text(self, number: int) -> str:
        return self.article.block(number).text

    def rng(self, key: str) -> random.Random:
        return random.Random(f"{self.seed}:{key}")

    def terms_in(self, *texts: str) -> tuple[str, ...]:
        joined = " ".join(texts)
        return tuple(
            d.term
            for d in self.article.glossary
            if re.search(rf"(?<!\w){re.escape(d.term)}(?!\w)", joined) or d.expansion in joined
        )

    def description(self, text: str, *, keep_article: bool = False) -> str:
        """A description as the text gives it, cased as in running text.

        As an option it loses a leading "a"/"an", so that options written with
        and without one look alike; in a statement it keeps it.
        """
        shown = text.strip()
        if not keep_article:
            shown = re.sub(r"^(?:a|an)\s+", "", shown, flags=re.IGNORECASE)
        words = shown.split()
        first = words[0] if words else ""
        # "Defence expert" opened a sentence; "Space Telescope Science Institute" is a name.
        in_a_name = len(words) > 1 and words[1][:1].isupper()
        lower_elsewhere = re.search(rf"\b{re.escape(first.lower())}\b", self.text)
        if first[:1].isupper() and lower_elsewhere and not in_a_name:
            shown = shown[:1].lower() + shown[1:]
        return shown


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(_normalised(value), value)
    return [v for k, v in seen.items() if k]


_SPEECH = re.compile(
    r"[\"\u201c\u201d]|''|\b(?:said|says|told|tells|stated|states|noted|added|argued|warned|"
    r"wrote|posted|announced|declared|asserted|claimed)\b"
)
_ORGANISATION_WORDS = (
    "Movement|Organisation|Organization|Union|Council|Party|Agency|Institute|Committee|Front|"
    "Group|Army|Ministry|Commonwealth|Forces?|Bank|Court|Corporation|Association|Department|"
    "Office|Service|Board|Commission|University|Fund|Programme|Program|State|Alliance|League"
)
_NAME = r"[A-Z][\w\u2019'-]+"
_ORGANISATION = re.compile(
    rf"\b(?:{_NAME}\s+)(?:(?:of|for|and|the)\s+|{_NAME}\s+){{0,5}}?(?:{_ORGANISATION_WORDS})\b"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_NAME}(?:\s+{_NAME})*)?"
)
_PLACE_AFTER = re.compile(
    r"\b(?P<preposition>in|to|from|near|across|into|of)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    rf"(?P<place>{_NAME}(?:\s+{_NAME})?)"
)
_NOT_PLACE_WORDS = frozenset(
    [*pool.MONTHS, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)


def _organisation_names(text: str) -> list[str]:
    names = [m.group().strip() for m in _ORGANISATION.finditer(text)]
    return [n for n in names if not n.startswith(("The ", "A ", "An ")) and len(n.split()) <= 8]


_MAY_FOLLOW_A_PLACE = _wordset(
    """and or but to in on at for with from by as that which who where when while is was were
    are has have had will would could can may might said says however"""
)


def _used_as_adjective(text: str, end: int) -> bool:
    """ "the East African region", "the Kenyan capital": a name before a noun."""
    following = re.match(r" ([a-z]+)", text[end:])
    if following is None:
        return False
    word = following.group(1)
    return word not in _MAY_FOLLOW_A_PLACE and not word.endswith("ed")


def _place_names(text: str, people: frozenset[str], organisations: list[str]) -> list[str]:
    organisation_words = {w for name in organisations for w in name.split()}
    places: list[str] = []
    for match in _PLACE_AFTER.finditer(text):
        if _used_as_adjective(text, match.end()):
            continue
        before = text[: match.start()].split()[-1:]
        if match.group("preposition") == "of" and before and before[0][:1].isupper():
            continue  # "Commonwealth of Independent States" is one name, not a place.
        place = re.sub(r"(?:\u2019s|'s)$", "", match.group("place"))
        words = place.split()
        if place.isupper() or set(words) & (people | _NOT_PLACE_WORDS | organisation_words):
            continue
        if re.search(rf"\b(?:{_ORGANISATION_WORDS})\b", place):
            continue
        if re.search(r"(?:ans|ese|ish)$", place):
            continue  # "the Russians", "the Japanese": people, not places.
        places.append(place)
    return places


# ---------------------------------------------------------------------------
# Building one question


def _difficulty(
    kind: QuestionKind,
    *,
    exact: bool = False,
    items: int = 0,
    close: bool = False,
    long_source: bool = False,
    hinted: bool = False,
) -> float:
    base = {
        "true_false": 0.2,
        "single_choice": 0.3,
        "matching": 0.4,
        "multiple_response": 0.45,
        "ordering": 0.55,
        "cloze": 0.55,
    }[kind]
    score = base + 0.1 * exact + 0.05 * max(0, items - 3) + 0.1 * close + 0.05 * long_source
    score -= 0.1 * hinted
    return round(min(0.95, max(0.05, score)), 2)


def _is_long(sentence: str) -> bool:
    return len(sentence.split()) > _LONG_SENTENCE_WORDS


def _number(text: str) -> float | None:
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(match.group().replace(",", "")) if match else None


def _close_numbers(answer: str, distractors: Sequence[str]) -> bool:
    wanted = _number(answer)
    if not wanted:
        return False
    return any(
        (got := _number(d)) is not None and abs(got - wanted) <= 0.25 * wanted for d in distractors
    )


@dataclass(frozen=True, slots=True)
class _Draft:
    """A question before its options are shuffled and it is checked."""

    kind: QuestionKind
    stem: str
    options: tuple[str, ...]
    correct: tuple[str, ...]
    fact: Fact
    key: str
    difficulty: float
    explanation: str = ""
    prompts: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


def _finish(source: _Source, draft: _Draft) -> GeneratedQuestion:
    sentence = source.sentence(draft.fact)
    options = list(draft.options)
    if draft.kind in ("single_choice", "multiple_response", "matching"):
        rng = source.rng(draft.key)
        rng.shuffle(options)
        if draft.kind == "matching" and tuple(options) == draft.correct:
            options = options[1:] + options[:1]  # Never show the pairs already matched.
    # A term counts as exercised when the trainee reads it in the question itself.
    terms = draft.terms or source.terms_in(draft.stem, *draft.options, *draft.prompts)
    return GeneratedQuestion(
        kind=draft.kind,
        stem=draft.stem,
        options=tuple(options),
        correct=draft.correct,
        explanation=draft.explanation or _quote(sentence),
        paragraph=draft.fact.paragraph,
        start=draft.fact.sentence_start,
        end=draft.fact.sentence_end,
        difficulty=draft.difficulty,
        key=draft.key,
        prompts=draft.prompts,
        terms=terms,
    )


# ---------------------------------------------------------------------------
# Questions about one value in one sentence: dates, quantities, relations

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


def _gap_noun(fact: Fact) -> str:
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


def _blanked(source: _Source, fact: Fact) -> str | None:
    """The fact's sentence with its value replaced by the blank, or None if it gives it away."""
    sentence = source.sentence(fact)
    start, end = fact.value_start - fact.sentence_start, fact.value_end - fact.sentence_start
    text, start, end = _window(sentence, start, end)
    blanked = text[:start] + BLANK + text[end:]
    return None if _mentions(blanked, fact.value) else blanked


def _swapped(source: _Source, fact: Fact, replacement: str) -> str:
    sentence = source.sentence(fact)
    start, end = fact.value_start - fact.sentence_start, fact.value_end - fact.sentence_start
    return sentence[:start] + replacement + sentence[end:]


def _same_quantity_kind(fact: Fact, other: Fact) -> bool:
    return (
        other.kind == "quantity"
        and other.unit == fact.unit
        and other.scale == fact.scale
        and other.number != fact.number
    )


def _quantity_ceiling(fact: Fact) -> float | None:
    if fact.unit == "%":
        return 100.0
    if fact.unit == "rank":
        return _number(fact.subject)
    return None


def _value_distractors(
    source: _Source, fact: Fact, count: int, avoid: str, *, from_text_only: bool = False
) -> list[str]:
    """Same-kind values: the article's own first, then the curated pool.

    ``from_text_only`` keeps to the article's values (a false statement must
    swap in something the text itself says elsewhere).
    """
    rng = source.rng(f"distractors:{fact.paragraph}:{fact.value_start}")
    tiers: list[list[str]] = []
    if fact.kind == "date":
        tiers.append(source.dates.get(fact.category, []))
        year = fact.year if fact.category != "decade" else None
        nearby = pool.nearby_dates(fact.value, month=fact.month, day=fact.day, year=year)
        if fact.category == "decade" and fact.year is not None:
            nearby = [f"{fact.year + shift}s" for shift in (-10, 10, -20, 20, -30)]
        tiers.append(nearby)
    elif fact.kind == "quantity":
        tiers.append([o.value for o in source.facts if _same_quantity_kind(fact, o)])
        tiers.append(pool.nearby_numbers(fact.value, ceiling=_quantity_ceiling(fact)))
    elif fact.category == "place":
        sentence = source.sentence(fact)
        tiers.append(
            [
                place
                for place in source.places
                if not _mentions(sentence, place) and not source.near(place, fact.value)
            ]
        )
    else:
        tiers.append(source.organisations)
        tiers.append([name for _, name in pool.organisations(british=source.british)])
    exclude = [fact.subject] if fact.kind == "relation" else []
    if from_text_only:
        tiers = tiers[:1]
    return _pick(fact.value, tiers, count, rng, avoid=avoid, exclude=exclude)


def _gap_single_choice(source: _Source, fact: Fact, key: str) -> _Draft | None:
    blanked = _blanked(source, fact)
    if blanked is None:
        return None
    distractors = _value_distractors(source, fact, _OPTIONS_PER_CHOICE - 1, blanked)
    if len(distractors) < _OPTIONS_PER_CHOICE - 1:
        return None
    noun = _gap_noun(fact)
    return _Draft(
        kind="single_choice",
        stem=f"Which {noun} completes this sentence from the article? {_quote(blanked)}",
        options=(fact.value, *distractors),
        correct=(fact.value,),
        fact=fact,
        key=key,
        difficulty=_difficulty(
            "single_choice",
            exact=fact.kind in ("date", "quantity"),
            close=fact.kind == "quantity" and _close_numbers(fact.value, distractors),
            long_source=_is_long(source.sentence(fact)),
        ),
    )


def _accepted_variants(fact: Fact) -> tuple[str, ...]:
    """The canonical answer first, then other ways of writing it."""
    value = fact.value
    variants = [value]
    if fact.kind == "quantity":
        variants.append(value.replace(",", ""))
    elif fact.kind == "date" and fact.month is not None:
        month = pool.MONTHS[fact.month - 1]
        year = f" {fact.year}" if fact.year is not None else ""
        if fact.day is not None:
            variants += [f"{fact.day} {month}{year}", f"{month[:3]} {fact.day}{year}"]
        else:
            variants += [f"{month}{year}", f"{month[:3]}{year}"]
    elif value.lower().startswith("the "):
        variants.append(value[4:])
    return tuple(_unique(variants))


def _cloze(source: _Source, fact: Fact, key: str) -> _Draft | None:
    if len(fact.value.split()) > 4:
        return None
    blanked = _blanked(source, fact)
    if blanked is None:
        return None
    return _Draft(
        kind="cloze",
        stem=f"Type the missing {_gap_noun(fact)}: {_quote(blanked)}",
        options=(),
        correct=_accepted_variants(fact),
        fact=fact,
        key=key,
        difficulty=_difficulty(
            "cloze",
            exact=fact.kind in ("date", "quantity"),
            long_source=_is_long(source.sentence(fact)),
        ),
    )


def _true_false(
    source: _Source, fact: Fact, key: str, statement: Callable[[str], str], swaps: Sequence[str]
) -> _Draft | None:
    """A statement built from ``statement(value)``: true as written, false with a swap."""
    rng = source.rng(f"truth:{key}")
    make_false = bool(swaps) and rng.random() < 0.5
    text = statement(swaps[0]) if make_false and swaps else statement("")
    if make_false and _mentions(source.text, text):
        return None
    return _Draft(
        kind="true_false",
        stem=f"True or false? {text}",
        options=(TRUE, FALSE),
        correct=(FALSE if make_false else TRUE,),
        fact=fact,
        key=key,
        difficulty=_difficulty(
            "true_false",
            exact=fact.kind in ("date", "quantity"),
            long_source=_is_long(source.sentence(fact)),
        ),
    )


def _can_be_swapped(fact: Fact) -> bool:
    """Whether swapping the value makes a false statement.

    Not for places: "killed in Kabul" with "Afghanistan" swapped in is still
    true, and the text rarely says which place lies within which.
    """
    return fact.category != "place"


def _value_true_false(source: _Source, fact: Fact, key: str) -> _Draft | None:
    sentence = source.sentence(fact)
    if _is_long(sentence) or re.match(r"(?:He|She|They|It|This|These)\b", sentence):
        return None  # Out of context, a long or pronoun-led sentence is unclear.
    if not _can_be_swapped(fact):
        return None
    swaps = _value_distractors(source, fact, 1, sentence, from_text_only=True)

    def statement(replacement: str) -> str:
        claim = _swapped(source, fact, replacement) if replacement else sentence
        return f"According to the article: {claim}"

    return _true_false(source, fact, key, statement, swaps)


# ---------------------------------------------------------------------------
# Questions about terms, people and quotations


def _term_facts(source: _Source) -> list[Fact]:
    return [f for f in source.facts if f.kind == "term"]


def _expansion_choice(source: _Source, fact: Fact, key: str) -> _Draft | None:
    rng = source.rng(key)
    others = [f.value for f in _term_facts(source) if f.subject != fact.subject]
    used = _normalised(source.text)
    pooled = [
        expansion
        for acronym, expansion in pool.organisations(british=source.british)
        if not re.search(rf"\b{acronym.lower()}\b", used)
    ]
    # Pool names sharing the acronym's first letter are the harder ones to rule out.
    pooled.sort(key=lambda name: name[:1] != fact.subject[:1])
    distractors = _pick(fact.value, [others, pooled[:8], pooled[8:]], 3, rng)
    if len(distractors) < 3:
        return None
    return _Draft(
        kind="single_choice",
        stem=f"In the article, what does {fact.subject} stand for?",
        options=(fact.value, *distractors),
        correct=(fact.value,),
        fact=fact,
        key=key,
        difficulty=_difficulty("single_choice", hinted=True),
        terms=(fact.subject,),
    )


def _expansion_true_false(source: _Source, fact: Fact, key: str) -> _Draft | None:
    rng = source.rng(key)
    others = [f.value for f in _term_facts(source) if f.subject != fact.subject]
    pooled = [name for _, name in pool.organisations(british=source.british)]
    swaps = _pick(fact.value, [others, pooled], 1, rng)
    draft = _true_false(
        source,
        fact,
        key,
        lambda swap: f"In the article, {fact.subject} stands for \u201c{swap or fact.value}\u201d.",
        swaps,
    )
    return None if draft is None else _with_terms(draft, (fact.subject,))


def _with_terms(draft: _Draft, terms: tuple[str, ...]) -> _Draft:
    return _Draft(
        kind=draft.kind,
        stem=draft.stem,
        options=draft.options,
        correct=draft.correct,
        fact=draft.fact,
        key=draft.key,
        difficulty=draft.difficulty,
        explanation=draft.explanation,
        prompts=draft.prompts,
        terms=terms,
    )


def _description_choice(source: _Source, fact: Fact, key: str) -> _Draft | None:
    answer = source.description(fact.detail)
    others = [source.description(f.detail) for f in _term_facts(source) if f.detail and f != fact]
    rng = source.rng(key)
    pooled = [source.description(d) for d in pool.ORGANISATION_DESCRIPTIONS]
    distractors = _pick(answer, [others, pooled], 3, rng)
    if len(distractors) < 3 or not _mentions(source.paragraph_text(fact.paragraph), answer):
        return None
    return _Draft(
        kind="single_choice",
        stem=f"How does the article describe {fact.subject}?",
        options=(answer, *distractors),
        correct=(answer,),
        fact=fact,
        key=key,
        difficulty=_difficulty("single_choice"),
        terms=(fact.subject,),
    )


def _description_true_false(source: _Source, fact: Fact, key: str) -> _Draft | None:
    answer = source.description(fact.detail, keep_article=True)
    others = [
        source.description(f.detail, keep_article=True)
        for f in _term_facts(source)
        if f.detail and f != fact
    ]
    swaps = _pick(answer, [others, list(pool.ORGANISATION_DESCRIPTIONS)], 1, source.rng(key))
    draft = _true_false(
        source,
        fact,
        key,
        lambda swap: f"The article describes {fact.subject} as \u201c{swap or answer}\u201d.",
        swaps,
    )
    return None if draft is None else _with_terms(draft, (fact.subject,))


# "their new leader" or "the group's leader" means nothing without the sentence before.
_CONTEXTUAL_DESCRIPTION = re.compile(
    r"^(?:their|his|her|its|our|this|that|the\s+\w+(?:\u2019s|'s))\b", re.IGNORECASE
)


def _surname(name: str) -> str:
    return name.split()[-1]


def _alike(first: str, second: str) -> bool:
    """Two descriptions a reader could take for one another.

    "reporter" and "reporter from a local outlet", or "rebel leader" and
    "their new leader": one holds the other, or both name the same role.
    """
    if _overlaps(first, second):
        return True
    last = [_words_of(text)[-1:] for text in (first, second)]
    return bool(last[0]) and last[0] == last[1]


def _words_of(text: str) -> list[str]:
    return _normalised(text).split()


def _person_facts(source: _Source) -> list[Fact]:
    return [f for f in source.facts if f.kind == "person"]


def _person_choice(source: _Source, fact: Fact, key: str) -> _Draft | None:
    description = source.description(fact.value)
    sentence = source.sentence(fact)
    if _CONTEXTUAL_DESCRIPTION.match(description) or not _mentions(sentence, fact.subject):
        return None
    if _overlaps(description, _surname(fact.subject)):
        return None
    described = {f.subject: f.value for f in _person_facts(source)}
    others = [
        person
        for person in source.people
        if _surname(person) != _surname(fact.subject)
        and not _alike(described.get(person, ""), fact.value)
    ]
    distractors = _pick(fact.subject, [others], 3, source.rng(key))
    if len(distractors) < 2:
        return None
    return _Draft(
        kind="single_choice",
        stem=f"Who does the article describe as \u201c{description}\u201d?",
        options=(fact.subject, *distractors),
        correct=(fact.subject,),
        fact=fact,
        key=key,
        difficulty=_difficulty("single_choice"),
    )


def _person_true_false(source: _Source, fact: Fact, key: str) -> _Draft | None:
    description = source.description(fact.value, keep_article=True)
    if _CONTEXTUAL_DESCRIPTION.match(description):
        return None
    others = [
        source.description(f.value, keep_article=True)
        for f in _person_facts(source)
        if f.subject != fact.subject and not _CONTEXTUAL_DESCRIPTION.match(f.value)
    ]
    candidates = [d for d in [*others, *pool.PERSON_DESCRIPTIONS] if not _alike(d, description)]
    swaps = _pick(description, [candidates], 1, source.rng(key))
    return _true_false(
        source,
        fact,
        key,
        lambda swap: f"The article describes {fact.subject} as \u201c{swap or description}\u201d.",
        swaps,
    )


def _quotation_explanation(source: _Source, fact: Fact) -> str:
    sentence = source.sentence(fact)
    if _mentions(sentence, _surname(fact.subject)):
        return _quote(sentence)
    return f"{_quote(sentence)} The speaker is {fact.subject}."


def _other_speakers(source: _Source, fact: Fact, excerpt: str) -> tuple[list[str], list[str]]:
    """Wrong answers to "who said this?": other speakers first, then other people.

    Nobody the quotation itself names: a victim named in a quote is plainly
    not its speaker.
    """
    named = [p for p in source.people if not _mentions(excerpt, _surname(p))]
    others = [s for s in source.speakers if s != fact.subject and s in named]
    return others, [p for p in named if p not in source.speakers]


def _quotation_choice(source: _Source, fact: Fact, key: str) -> _Draft | None:
    excerpt = _excerpt(fact.value)
    paragraph = source.paragraph_text(fact.paragraph)
    if not _mentions(paragraph, fact.subject) or _mentions(excerpt, _surname(fact.subject)):
        return None
    others, bystanders = _other_speakers(source, fact, excerpt)
    distractors = _pick(fact.subject, [others, bystanders], 3, source.rng(key))
    if len(distractors) < 2:
        return None
    return _Draft(
        kind="single_choice",
        stem=f"Who said: \u201c{excerpt}\u201d?",
        options=(fact.subject, *distractors),
        correct=(fact.subject,),
        fact=fact,
        key=key,
        difficulty=_difficulty("single_choice", long_source=_is_long(fact.value)),
        explanation=_quotation_explanation(source, fact),
    )


def _quotation_true_false(source: _Source, fact: Fact, key: str) -> _Draft | None:
    excerpt = _excerpt(fact.value)
    if any(_mentions(excerpt, _surname(p)) for p in source.people):
        return None
    others, bystanders = _other_speakers(source, fact, excerpt)
    swaps = _pick(fact.subject, [others, bystanders], 1, source.rng(key))
    draft = _true_false(
        source,
        fact,
        key,
        lambda swap: f"{swap or fact.subject} said: \u201c{excerpt}\u201d",
        swaps,
    )
    if draft is None:
        return None
    return _Draft(
        kind=draft.kind,
        stem=draft.stem,
        options=draft.options,
        correct=draft.correct,
        fact=fact,
        key=key,
        difficulty=draft.difficulty,
        explanation=_quotation_explanation(source, fact),
    )


# ---------------------------------------------------------------------------
# One question per fact, balancing the question types

_Builder = Callable[[_Source, Fact, str], "_Draft | None"]


@dataclass(frozen=True, slots=True)
class _Aspect:
    """One thing a question can ask about a fact, and the forms that can ask it."""

    fact: Fact
    key: str
    builders: tuple[tuple[QuestionKind, _Builder], ...]


def _aspects(source: _Source) -> Iterator[_Aspect]:
    value_forms: tuple[tuple[QuestionKind, _Builder], ...] = (
        ("single_choice", _gap_single_choice),
        ("cloze", _cloze),
        ("true_false", _value_true_false),
    )
    for fact in source.facts:
        if fact.kind in ("date", "quantity", "relation"):
            yield _Aspect(fact, _key(fact.kind, fact.subject, fact.value, fact.unit), value_forms)
        elif fact.kind == "term":
            yield _Aspect(
                fact,
                _key("term-expansion", fact.subject, fact.value),
                (("single_choice", _expansion_choice), ("true_false", _expansion_true_false)),
            )
            if fact.detail:
                yield _Aspect(
                    fact,
                    _key("term-description", fact.subject, fact.detail),
                    (
                        ("single_choice", _description_choice),
                        ("true_false", _description_true_false),
                    ),
                )
        elif fact.kind == "person":
            yield _Aspect(
                fact,
                _key("person", fact.subject, fact.value),
                (("single_choice", _person_choice), ("true_false", _person_true_false)),
            )
        elif fact.kind == "quotation" and fact.subject:
            yield _Aspect(
                fact,
                _key("quotation", fact.subject, fact.value),
                (("single_choice", _quotation_choice), ("true_false", _quotation_true_false)),
            )


def _fact_questions(source: _Source) -> Iterator[_Draft]:
    """One question per aspect, in reading order, spreading the types evenly."""
    used: Counter[str] = Counter()
    per_sentence: Counter[tuple[int, int]] = Counter()
    for aspect in _aspects(source):
        fact = aspect.fact
        # A sentence packed with figures should not become a run of near-identical gaps.
        where = (fact.paragraph, fact.sentence_start)
        is_value = fact.kind in ("date", "quantity", "relation")
        if is_value and per_sentence[where] >= _MAX_QUESTIONS_PER_SENTENCE:
            continue
        tie = source.rng(aspect.key).random
        ranked = sorted(aspect.builders, key=lambda form: (used[form[0]], tie()))
        for kind, builder in ranked:
            draft = builder(source, fact, aspect.key)
            if draft is not None and not _problems(_finish(source, draft)):
                used[kind] += 1
                per_sentence[where] += is_value
                yield draft
                break


# ---------------------------------------------------------------------------
# Matching


def _chunks(items: Sequence[Fact], sizes: range) -> Iterator[Sequence[Fact]]:
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


def _matching(
    source: _Source,
    facts: Sequence[Fact],
    *,
    aspect: str,
    stem: str,
    left: Callable[[Fact], str],
    right: Callable[[Fact], str],
    explanation: Callable[[Fact], str] | None = None,
    terms: tuple[str, ...] = (),
) -> Iterator[_Draft]:
    pairs: dict[str, Fact] = {}
    rights: set[str] = set()
    for fact in facts:
        prompt, item = left(fact), right(fact)
        if _normalised(prompt) in pairs or _normalised(item) in rights or _overlaps(prompt, item):
            continue
        pairs[_normalised(prompt)] = fact
        rights.add(_normalised(item))
    for group in _chunks(list(pairs.values()), _MATCHING_SIZES):
        prompts = tuple(left(f) for f in group)
        answers = tuple(right(f) for f in group)
        explain = explanation or (lambda f: _quote(source.sentence(f)))
        yield _Draft(
            kind="matching",
            stem=stem,
            options=answers,
            correct=answers,
            fact=group[0],
            key=_key(aspect, *sorted(prompts)),
            difficulty=_difficulty("matching", items=len(group)),
            explanation=" ".join(_unique(explain(f) for f in group)),
            prompts=prompts,
            terms=tuple(t for t in terms if any(t == f.subject for f in group)) or terms,
        )


def _matching_questions(source: _Source) -> Iterator[_Draft]:
    terms = _term_facts(source)
    yield from _matching(
        source,
        terms,
        aspect="matching-terms",
        stem="Match each acronym to what it stands for in the article.",
        left=lambda f: f.subject,
        right=lambda f: f.value,
        terms=tuple(f.subject for f in terms),
    )
    people = [f for f in _person_facts(source) if not _CONTEXTUAL_DESCRIPTION.match(f.value)]
    # "president" beside "Russian President" could be matched either way.
    people = [
        f for f in people if not any(o is not f and _overlaps(o.value, f.value) for o in people)
    ]
    yield from _matching(
        source,
        people,
        aspect="matching-people",
        stem="Match each person to how the article describes them.",
        left=lambda f: f.subject,
        right=lambda f: source.description(f.value),
    )
    first_quotes: dict[str, Fact] = {}
    for fact in source.facts:
        if fact.kind == "quotation" and fact.subject:
            excerpt = _excerpt(fact.value, 18)
            if not any(_mentions(excerpt, _surname(p)) for p in source.people):
                first_quotes.setdefault(fact.subject, fact)
    yield from _matching(
        source,
        list(first_quotes.values()),
        aspect="matching-quotations",
        stem="Match each quotation to the person who said it.",
        left=lambda f: f"\u201c{_excerpt(f.value, 18)}\u201d",
        right=lambda f: f.subject,
        explanation=lambda f: _quotation_explanation(source, f),
    )


# ---------------------------------------------------------------------------
# Ordering

_PERIODS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_DECADE_PERIODS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}


@dataclass(frozen=True, slots=True)
class _Period:
    """The stretch of time a written date stands for, as comparable numbers."""

    dated: bool
    first: int
    last: int


def _period(fact: Fact) -> _Period | None:
    """When the date could have been, from what it states; None if unorderable."""
    if fact.kind != "date" or fact.detail == "range":
        return None
    month, day, year = fact.month, fact.day, fact.year
    if fact.category == "decade" and year is not None:
        low, high = _DECADE_PERIODS.get(fact.detail, (0, 9))
        return _Period(True, (year + low) * 10000 + 101, (year + high) * 10000 + 1231)
    if year is not None:
        if month is None:
            return _Period(True, year * 10000 + 101, year * 10000 + 1231)
        first_day, last_day = (day, day) if day else _PERIODS.get(fact.detail, (1, 31))
        return _Period(
            True, year * 10000 + month * 100 + first_day, year * 10000 + month * 100 + last_day
        )
    if month is None:
        return None
    first_day, last_day = (day, day) if day else _PERIODS.get(fact.detail, (1, 31))
    return _Period(False, month * 100 + first_day, month * 100 + last_day)


def _day_of_year(value: int) -> int:
    return (value // 100 - 1) * 31 + value % 100


_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n\u2019t\b|n't\b")
_UNCLEAR_OPENINGS = _wordset(
    "it its he she they we i you who which that this these those there according"
)


def _orderable_label(label: str) -> bool:
    """An ordering item must say what happened, clearly, and not when.

    Labels are cut from sentences, so some are fragments: one that opens
    with a pronoun or a bare verb ("Published", "Who assumed office") or
    carries half a quotation is left out rather than shown.
    """
    words = label.split()
    if len(words) < 3 or contains_date(label) or re.search(r"\d{4}|[\"\u201c\u201d]", label):
        return False
    first = words[0].lower()
    # "X have not met since 2022" dates a silence, not an event.
    return not (first in _UNCLEAR_OPENINGS or first.endswith("ed") or _NEGATION.search(label))


def _chain(events: list[tuple[_Period, Fact]]) -> list[tuple[_Period, Fact]]:
    """The longest run of events, in order, whose periods do not overlap."""
    events = sorted(events, key=lambda e: (e[0].last, e[0].first))
    chain: list[tuple[_Period, Fact]] = []
    for event in events:
        if not chain or event[0].first > chain[-1][0].last:
            chain.append(event)
    return chain


def _yearless_window(events: list[tuple[_Period, Fact]]) -> list[tuple[_Period, Fact]]:
    """The largest set of yearless events within one three-month stretch."""
    events = sorted(events, key=lambda e: e[0].first)
    best: list[tuple[_Period, Fact]] = []
    for index, (period, _) in enumerate(events):
        window = [
            e
            for e in events[index:]
            if _day_of_year(e[0].last) - _day_of_year(period.first) <= _YEARLESS_WINDOW_DAYS
        ]
        if len(window) > len(best):
            best = window
    return best


def _ordering_questions(source: _Source) -> Iterator[_Draft]:
    dated: list[tuple[_Period, Fact]] = []
    yearless: list[tuple[_Period, Fact]] = []
    labels: set[str] = set()
    for fact in source.facts:
        period = _period(fact)
        if period is None or not _orderable_label(fact.subject):
            continue
        if _normalised(fact.subject) in labels:
            continue
        labels.add(_normalised(fact.subject))
        (dated if period.dated else yearless).append((period, fact))
    for chain in (_chain(_yearless_window(yearless)), _chain(dated)):
        for group in _chunks([fact for _, fact in chain], _ORDERING_SIZES):
            items = tuple(f.subject for f in group)
            yield _Draft(
                kind="ordering",
                stem="Put these events in the order in which they happened, earliest first.",
                options=items,
                correct=items,
                fact=group[0],
                key=_key("ordering", *sorted(items)),
                difficulty=_difficulty("ordering", items=len(items)),
                explanation=" ".join(_quote(source.sentence(f)) for f in group),
            )


# ---------------------------------------------------------------------------
# Multiple response


def _acronyms_defined(source: _Source) -> Iterator[_Draft]:
    terms = _term_facts(source)
    if not terms:
        return
    rng = source.rng("acronyms")
    correct = [f.subject for f in terms[:4]]
    used = _normalised(source.text)
    unused = [a for a, _ in pool.ORGANISATIONS if not re.search(rf"\b{a.lower()}\b", used)]
    wrong = _pick(correct[0], [unused], max(2, 5 - len(correct)), rng, exclude=correct[1:])
    if len(wrong) < 2:
        return
    yield _Draft(
        kind="multiple_response",
        stem="Which of these acronyms does the article define? Select all that apply.",
        options=(*correct, *wrong),
        correct=tuple(correct),
        fact=terms[0],
        key=_key("acronyms-defined", *sorted(correct)),
        difficulty=_difficulty("multiple_response"),
        explanation=" ".join(_unique(_quote(source.sentence(f)) for f in terms[:4])),
        terms=tuple(correct),
    )


def _people_quoted(source: _Source) -> Iterator[_Draft]:
    quotes: dict[str, Fact] = {}
    for fact in source.facts:
        if fact.kind == "quotation" and fact.subject:
            quotes.setdefault(fact.subject, fact)
    silent = [p for p in source.people if p not in quotes and not source.speaks(p)]
    if not quotes or not silent:
        return
    rng = source.rng("people-quoted")
    correct = list(quotes)[:3]
    wrong = _pick(correct[0], [silent], max(1, 5 - len(correct)), rng, exclude=correct[1:])
    if not wrong or len(correct) + len(wrong) < 4:
        return
    yield _Draft(
        kind="multiple_response",
        stem="Which of these people does the article quote directly? Select all that apply.",
        options=(*correct, *wrong),
        correct=tuple(correct),
        fact=quotes[correct[0]],
        key=_key("people-quoted", *sorted(correct)),
        difficulty=_difficulty("multiple_response"),
        explanation=" ".join(_quotation_explanation(source, quotes[name]) for name in correct),
    )


def _true_statements(source: _Source) -> Iterator[_Draft]:
    """'Which statements are true?': each option is a sentence, some with a value swapped."""
    candidates: list[tuple[Fact, str, str]] = []
    seen_sentences: set[tuple[int, int]] = set()
    for fact in source.facts:
        sentence = source.sentence(fact)
        where = (fact.paragraph, fact.sentence_start)
        if fact.kind not in ("date", "quantity", "relation") or where in seen_sentences:
            continue
        if not _can_be_swapped(fact):
            continue
        if len(sentence.split()) > 25 or re.match(r"(?:He|She|They|It|This|These)\b", sentence):
            continue
        swaps = _value_distractors(source, fact, 1, sentence)
        if not swaps or '"' in sentence or "\u201c" in sentence:
            continue
        false = _swapped(source, fact, swaps[0])
        if _mentions(source.text, false):
            continue
        seen_sentences.add(where)
        candidates.append((fact, sentence, false))
    for start in range(0, len(candidates) - 3, 8):
        group = candidates[start : start + 4]
        rng = source.rng(f"statements:{start}")
        true_count = rng.choice((1, 2, 2, 3))
        truths = rng.sample(range(4), true_count)
        options = tuple(
            sentence if index in truths else false
            for index, (_, sentence, false) in enumerate(group)
        )
        correct = tuple(options[index] for index in sorted(truths))
        yield _Draft(
            kind="multiple_response",
            stem=(
                "Which of these statements are true according to the article? "
                "Select all that apply."
            ),
            options=options,
            correct=correct,
            fact=group[truths[0]][0],
            key=_key("true-statements", *sorted(s for _, s, _ in group)),
            difficulty=_difficulty("multiple_response", exact=True),
            explanation=" ".join(_quote(sentence) for _, sentence, _ in group),
        )


def _multiple_response_questions(source: _Source) -> Iterator[_Draft]:
    yield from _acronyms_defined(source)
    yield from _people_quoted(source)
    yield from _true_statements(source)


# ---------------------------------------------------------------------------
# Checking and assembling


def _problems(question: GeneratedQuestion) -> list[str]:
    """What is wrong with a question (empty when it is fit to ask)."""
    problems: list[str] = []
    kind, stem = question.kind, question.stem
    if kind in ("single_choice", "multiple_response", "cloze"):
        problems += [f"stem gives away {c!r}" for c in question.correct if _mentions(stem, c)]
    if kind in ("single_choice", "multiple_response", "matching"):
        normalised = [_normalised(o) for o in question.options]
        if len(set(normalised)) != len(normalised) or not all(normalised):
            problems.append("options repeat after normalisation")
        if not set(question.correct) <= set(question.options):
            problems.append("a correct answer is not an option")
    if kind == "single_choice" and (len(question.options) < 3 or len(question.correct) != 1):
        problems.append("single choice needs one answer and at least two distractors")
    if kind == "multiple_response" and len(question.options) <= len(question.correct):
        problems.append("multiple response needs a wrong option")
    if kind == "true_false" and (
        question.options != (TRUE, FALSE) or question.correct not in ((TRUE,), (FALSE,))
    ):
        problems.append("true/false must offer True and False")
    if kind == "cloze" and (stem.count(BLANK) != 1 or not question.correct):
        problems.append("cloze needs exactly one blank and an answer")
    if kind == "matching" and (
        len(question.prompts) not in _MATCHING_SIZES
        or len(question.correct) != len(question.prompts)
        or sorted(question.options) != sorted(question.correct)
    ):
        problems.append("matching needs 3-5 pairs")
    if kind == "ordering" and (
        len(question.options) not in _ORDERING_SIZES
        or question.options != question.correct
        or len({_normalised(o) for o in question.options}) != len(question.options)
    ):
        problems.append("ordering needs 3-5 distinct items")
    if not 0.0 <= question.difficulty <= 1.0 or not question.explanation:
        problems.append("difficulty or explanation missing")
    return problems


def generate_questions(
    article: ParsedArticle, facts: tuple[Fact, ...] | None = None, *, seed: int = 0
) -> tuple[GeneratedQuestion, ...]:
    """Comprehension questions about ``article``, in reading order.

    ``facts`` defaults to :func:`~quizzes.text.facts.extract_facts`;
    ``seed`` varies the choice of question types, distractors and option
    order. The same article, facts and seed always give the same questions.
    An article with few facts gives a short quiz (possibly empty), never an
    error.
    """
    source = _Source(article, extract_facts(article) if facts is None else facts, seed)
    drafts = [
        *_fact_questions(source),
        *_matching_questions(source),
        *_ordering_questions(source),
        *_multiple_response_questions(source),
    ]
    questions: dict[str, GeneratedQuestion] = {}
    for draft in drafts:
        question = _finish(source, draft)
        if question.key not in questions and not _problems(question):
            questions[question.key] = question
    kind_order = {kind: index for index, kind in enumerate(QUESTION_KINDS)}
    return tuple(
        sorted(questions.values(), key=lambda q: (q.paragraph, q.start, kind_order[q.kind]))
    )
