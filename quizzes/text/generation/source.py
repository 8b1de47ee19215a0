"""The article, indexed for question building, and the text tests every builder uses."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from briefings.text.article import ParsedArticle
from briefings.text.lexicon import MONTHS, SPEECH_VERBS, WEEKDAYS, word_set
from briefings.text.sentences import split_sentences
from quizzes.text.answers import normalise_answer
from quizzes.text.facts import Fact

normalised = lru_cache(maxsize=1 << 16)(normalise_answer)


@lru_cache(maxsize=1 << 14)
def _whole_words(answer: str) -> re.Pattern[str] | None:
    written = normalised(answer)
    if not written:
        return None
    # Whole words and whole numbers: "3" is in "3%" and "3 km", not in "30".
    return re.compile(rf"(?<![0-9a-z.]){re.escape(written)}(?![0-9a-z]|\.\d)")


def mentions(text: str, answer: str) -> bool:
    """Whether ``answer`` appears in ``text`` as whole words, after normalisation."""
    pattern = _whole_words(answer)
    return pattern is not None and pattern.search(normalised(text)) is not None


def overlaps(first: str, second: str) -> bool:
    return mentions(first, second) or mentions(second, first)


def aspect_key(aspect: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(normalised(p) for p in parts).encode()).hexdigest()
    return f"{aspect}:{digest[:16]}"


VALUE_KINDS = ("date", "quantity", "relation")
"""Facts about one value in one sentence, asked about by blanking or swapping it."""


def fact_key(fact: Fact) -> str:
    """The key of the question asking what this fact says (an acronym: its expansion)."""
    if fact.kind in VALUE_KINDS:
        return aspect_key(fact.kind, fact.subject, fact.value, fact.unit)
    if fact.kind == "term":
        return aspect_key("term-expansion", fact.subject, fact.value)
    return aspect_key(fact.kind, fact.subject, fact.value)


def quote(sentence: str) -> str:
    """Quote a sentence, turning its own double quotes into single ones."""
    inner = sentence.replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    return f"\u201c{inner}\u201d"


def excerpt_of(text: str, limit: int = 25) -> str:
    """The first sentence of ``text``, at most ``limit`` words."""
    spans = split_sentences(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text
    words = first.split()
    cut = " ".join(words[:limit])
    cut = cut.rstrip(",;:\u2026. ")
    shortened = len(words) > limit or len(spans) > 1
    # A full stop would clash with the stem's own punctuation; "?" and "!" carry meaning.
    return cut + "\u2026" if shortened else cut + (first[-1] if first[-1:] in "!?" else "")


@dataclass
class Source:
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
        self.places = unique(
            [f.value for f in self.facts if f.kind == "relation" and f.category == "place"]
            + _place_names(self.text, self._name_words(), self._organisation_names())
        )
        self.organisations = unique(
            [d.expansion for d in self.article.glossary]
            + [f.value for f in self.facts if f.kind == "relation" and f.category == "affiliation"]
            + self._organisation_names()
        )
        self.people = unique([p.name for p in self.article.people])
        self.speakers = unique(
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
        last_name = surname(person)
        return any(
            SPEECH.search(sentence) and re.search(rf"\b{re.escape(last_name)}\b", sentence)
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


def unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(normalised(value), value)
    return [v for k, v in seen.items() if k]


SPEECH = re.compile(
    r"[\"\u201c\u201d]|''|\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b"
)
"""A quotation mark or a speech verb: the sentence reports what someone said."""
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
_NOT_PLACE_WORDS = frozenset([*MONTHS, *WEEKDAYS])


def _organisation_names(text: str) -> list[str]:
    names = [m.group().strip() for m in _ORGANISATION.finditer(text)]
    return [n for n in names if not n.startswith(("The ", "A ", "An ")) and len(n.split()) <= 8]


_MAY_FOLLOW_A_PLACE = word_set(
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


def surname(name: str) -> str:
    return name.split()[-1]
