"""Where something happened ("a summit in Vienna") and whom a group aligned itself with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.text.lexicon import MONTHS, WEEKDAYS
from quizzes.text.facts.model import Fact
from quizzes.text.facts.phrases import CLAUSE_BREAK, context_without, strip_fragment

_EVENT_WORDS = re.compile(
    r"\b(?:summit|meeting|conference|talks|forum|ceremony|visit|gathered|met|held|hosted|"
    r"convened|attack|bombings?|explosion|election|rally|protests?|wargames|exercises?|"
    r"killed|shot|arrested|detained)\b",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-Z][\w\u2019'-]*"
_PLACE = re.compile(
    rf"\bin\s+(?:the\s+)?(?:(?:{_NAME_WORD}\s+)*(?:capital|city|town|village|province|region|"
    rf"district)\s+)?(?P<place>{_NAME_WORD}(?:\s+{_NAME_WORD})*)"
)
_AFFILIATION = re.compile(
    r"(?P<link>(?:(?:has|have|had)\s+)?(?:formally\s+|officially\s+|publicly\s+)?"
    r"(?:aligned\s+(?:itself|themselves|himself|herself)\s+with|allied\s+(?:itself\s+|"
    r"themselves\s+)?with|pledg(?:ed|ing)\s+allegiance\s+to|became\s+an?\s+(?:founding\s+)?"
    r"member\s+of|joined))\s+(?:the\s+)?"
    rf"(?P<organisation>{_NAME_WORD}(?:\s+(?:of|for|and|{_NAME_WORD}))*)"
)
_PLACE_DESCRIPTOR = re.compile(r"\s+(?:state|province|region|city|district|county|area)\b")
_NEAR_WORDS = 8
_NOT_PLACES = frozenset([*MONTHS, *WEEKDAYS])


@dataclass(frozen=True, slots=True)
class _RelationMatch:
    start: int
    end: int
    category: str
    subject: str
    link: str


def _trim_name(name: str, start: int) -> tuple[str, int]:
    words = name.split()
    while words and words[-1] in ("of", "for", "and"):
        words.pop()
    cleaned = " ".join(words)
    for suffix in ("\u2019s", "'s"):
        cleaned = cleaned.removesuffix(suffix)
    return cleaned, start + len(cleaned)


def _place_relations(
    sentence: str, offset: int, people_words: frozenset[str]
) -> list[_RelationMatch]:
    found: list[_RelationMatch] = []
    for match in _PLACE.finditer(sentence):
        place, place_end = _trim_name(match.group("place"), match.start("place"))
        clause_start = 0
        for brk in CLAUSE_BREAK.finditer(sentence, 0, match.start()):
            clause_start = brk.end()
        # The event word must be near: in "met X and Y to discuss the situation
        # in Sudan", Sudan is not where they met.
        events = list(_EVENT_WORDS.finditer(sentence, clause_start, match.start()))
        near = events and len(sentence[events[-1].end() : match.start()].split()) <= _NEAR_WORDS
        if not near or not place or place in _NOT_PLACES or place.isupper():
            continue
        if set(place.split()) & people_words:
            continue
        descriptor = _PLACE_DESCRIPTOR.match(sentence, place_end)
        phrase_end = descriptor.end() if descriptor else place_end
        subject = context_without(sentence, match.start(), phrase_end)
        found.append(
            _RelationMatch(
                offset + match.start("place"), offset + place_end, "place", subject, "in"
            )
        )
    return found


def _affiliation_relations(sentence: str, offset: int) -> list[_RelationMatch]:
    found: list[_RelationMatch] = []
    for match in _AFFILIATION.finditer(sentence):
        name, name_end = _trim_name(match.group("organisation"), match.start("organisation"))
        # The actor is the nearest clause before the link: "the group's leadership".
        subject = strip_fragment(re.split(r"[,;:]|\band\b", sentence[: match.start()])[-1])
        link = re.sub(r"^(?:has|have|had)\s+", "", strip_fragment(match.group("link")))
        found.append(
            _RelationMatch(
                offset + match.start("organisation"),
                offset + name_end,
                "affiliation",
                subject,
                link,
            )
        )
    return found


def relation_facts(
    number: int, text: str, start: int, stop: int, people_words: frozenset[str]
) -> list[Fact]:
    sentence = text[start:stop]
    relations = _place_relations(sentence, 0, people_words) + _affiliation_relations(sentence, 0)
    return [
        Fact(
            kind="relation",
            paragraph=number,
            sentence_start=start,
            sentence_end=stop,
            value=sentence[r.start : r.end],
            value_start=start + r.start,
            value_end=start + r.end,
            subject=r.subject,
            detail=r.link,
            category=r.category,
        )
        for r in relations
        if r.subject
    ]
