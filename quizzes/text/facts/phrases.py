"""Clauses and noun phrases around a value: what a date dates, what a figure measures."""

from __future__ import annotations

import re

from briefings.text.lexicon import REPORTING_VERBS, SPEECH_VERBS, word_set
from quizzes.text.facts.written_dates import find_dates

_SUBORDINATORS = (
    "when",
    "as",
    "after",
    "before",
    "while",
    "once",
    "until",
    "although",
    "though",
    "if",
    "because",
    "following",
)
_LEADING_PREPOSITIONS = ("in", "on", "since", "by", "during", "throughout", "at", "through")
CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s*|\s+[\u2013\u2014-]\s+|\u2014|,\s*(?=(?:and|but|which|who|whose|leaving|while|"
    r"whereas|although|though|according)\b)|,\s+|\s+(?=(?:after|before|because|although|though|"
    r"while|whereas|unless|until|but|since|when)\s)"
)
_DATE_PREPOSITION = re.compile(
    r"(?:\b(?P<prep>as of|on|in|since|by|until|till|from|during|through|throughout|at|before|"
    r"after|of|between|around|toward|towards)\s+)?(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)
_TIME_NOUN_OF = re.compile(
    r"(?:\b(?:on|in|at|by|toward|towards|until|from|during)\s+)?\bthe\s+(?:very\s+)?"
    r"(?:morning|evening|night|afternoon|day|eve|end|close|beginning|start|middle|spring|"
    r"summer|autumn|fall|winter|weekend|week|month|year|first half|second half)\s+of\s+$",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?P<det>(?i:a|an|the|its|his|her|their|our|this|that|these|those))|"
    r"(?P<owner>[\w.-]+(?:'s|\u2019s)))\s+$"
)
_PREPOSITION_BEFORE = re.compile(r"\b(?i:after|before|following|since|until|during)\s+$")
_NOUN_PHRASE_STOP = word_set(
    """that which who whom whose to in on at for by with from as is was were are has have had
    will would could should may might can said says stated states indicated and or but after
    before since when while if the a an than into over under between against during per"""
)
_VERBISH = word_set(
    """said says told tells stated states announced announces noted notes added adds argued
    argues believes believed warned warns is was were are has have had will would can could
    may might must should did does do appeared became becomes expressed reported wrote"""
)
_FUNCTION_WORDS = word_set(
    "a an the of to and or in on at by for with from as its their his her that which"
)
_WORD = re.compile(r"\S+")


def strip_fragment(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:\u2013\u2014-")
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    text = re.sub(r"(?<![A-Z])\.$", "", text)  # A sentence's full stop, not "U.S."
    if not re.search(r"\w", text):
        return ""
    return text.strip()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    # Keep "Obama", "NATO" and other names capitalised.
    if len(first) > 1 and first[1:].islower() and first.lower() not in {"i"}:
        return text[:1].lower() + text[1:]
    return text


def _shorten(text: str, limit: int = 16) -> str:
    words = text.split()
    for index, word in enumerate(words):
        bare = word.lower().strip(",;:")
        if index >= 4 and (bare in _SUBORDINATORS[1:] or word.endswith((";", ":"))):
            words = words[:index]
            break
    if len(words) > limit:
        words = words[:limit]
    while words and words[-1].lower().strip(",;:") in _FUNCTION_WORDS:
        words.pop()
    return strip_fragment(" ".join(words))


def _date_phrase(sentence: str, start: int, end: int) -> tuple[int, int, str]:
    """Widen a date to its phrase ("on October 3", "in the late 1990s")."""
    time_of = _TIME_NOUN_OF.search(sentence, 0, start)
    if time_of is not None:
        phrase_start, preposition = time_of.start(), "time"
    else:
        before = _DATE_PREPOSITION.search(sentence, 0, start)
        assert before is not None  # the pattern can match the empty string
        phrase_start = before.start()
        preposition = (before.group("prep") or "").lower()
    phrase_end = end
    partner = re.match(r"\s*(?:and|to|-|\u2013)\s*", sentence[end:])
    if preposition in ("between", "from") and partner is not None:
        following = find_dates(sentence[end + partner.end() :])
        if following and following[0].start == 0:
            phrase_end = end + partner.end() + following[0].end
    return phrase_start, phrase_end, preposition


def noun_phrase_after(sentence: str, position: int) -> str:
    words: list[str] = []
    for match in _WORD.finditer(sentence, position):
        word = match.group()
        if "," in word.rstrip(","):
            word = word.split(",", 1)[0] + ","  # "policy,Russian": a missing space.
        bare = word.rstrip(",.;:")
        if not words and bare.lower() in ("the", "a", "an", "its", "their"):
            words.append(bare)
            continue
        if bare.lower() in _NOUN_PHRASE_STOP and bare.lower() != "of":
            break
        if bare.lower() == "of" and (not words or "of" in words):
            break
        if words and bare.lower().endswith("ed") and bare[:1].islower():
            break  # "constitutional changes increased the size": a verb.
        words.append(bare)
        if bare != word or len(words) >= 8:
            break
    while words and words[-1].lower() in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


def _noun_phrase_before(sentence: str, position: int) -> str:
    words = sentence[:position].split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:")
        if bare != word or bare.lower() in _NOUN_PHRASE_STOP - {"the", "a", "an"}:
            break
        # An owner ends the phrase ("Russia's invasion") unless it is the phrase's head.
        if taken and bare.endswith(("'s", "\u2019s")):
            taken.insert(0, bare)
            break
        taken.insert(0, bare)
        if bare.lower() in ("the", "a", "an"):
            break
    return " ".join(taken)


def _clause_subject(main: str, verbs: frozenset[str] | None = None) -> str:
    """The words before a clause's verb ("Foreign minister Jane Doe said ...")."""
    words: list[str] = []
    for word in main.split()[:9]:
        bare = word.strip(",;:")
        if bare[:1].islower():
            is_verb = bare in _VERBISH or (bare.endswith("ed") and len(bare) > 4)
            if is_verb:
                return " ".join(words) if verbs is None or bare in verbs else ""
        if word != word.rstrip(",;:") or not re.match(r"[\w(]", word):
            return ""
        words.append(word)
    return ""


# Verbs whose subject is the source of what the sentence reports.
_SPEAKING = SPEECH_VERBS | REPORTING_VERBS


def _speaker(main: str) -> str:
    return _clause_subject(main, _SPEAKING)


def _attributive_event(sentence: str, start: int, end: int) -> str | None:
    """The noun a date modifies: "a May 28 attack" dates the attack.

    Also "Russia's February 2022 invasion of Ukraine" (the owner is kept),
    "after May 2023 constitutional changes increased ..." (a bare noun phrase
    after a preposition), and "In a 2026 report, the State Department said"
    (whose report it was is in the main clause).
    """
    determiner = _DETERMINER_BEFORE.search(sentence, 0, start)
    if determiner is None:
        if not _PREPOSITION_BEFORE.search(sentence, 0, start):
            return None
        after = re.match(r"\s+(?=[a-z])", sentence[end:])
    else:
        after = re.match(r",?\s+(?=[A-Za-z])", sentence[end:])
    if after is None:
        return None
    head = noun_phrase_after(sentence, end + after.end())
    if not head or head.split()[0].lower() in _VERBISH:
        return None
    if determiner is not None and determiner.group("owner"):
        return f"{_noun_phrase_before(sentence, determiner.end())} {head}"
    lead_end = _leading_clause_end(sentence, start, end)
    if determiner is not None and lead_end != -1:
        # "In a 2026 report, the State Department stated": its report. But
        # "According to a 2026 estimate, the United States has": not its own.
        owner = _speaker(strip_fragment(sentence[lead_end + 1 :]))
        if owner and owner.split()[0].lower() not in ("it", "he", "she", "they", "we", "i"):
            return f"{owner}\u2019s {head}"
    return f"The {head}"


_NOT_PARTICIPLES = word_set(
    "nothing something anything everything thing king spring morning evening during according"
)


def _is_participle(word: str) -> bool:
    bare = word.lower().strip(",")
    return bare.endswith("ing") and len(bare) > 5 and bare not in _NOT_PARTICIPLES


def _leading_clause_end(sentence: str, phrase_start: int, phrase_end: int) -> int:
    """Where a leading adverbial clause holding the date ends, or -1."""
    first = sentence.split(" ", 1)[0].lower().strip(",")
    if first in _SUBORDINATORS:
        # "When leaders of the bloc, a regional alliance, gathered ... on
        # May 15, the president said": the clause runs past its own commas.
        comma = sentence.find(",", phrase_end)
        return comma if comma != -1 else -1
    if first in _LEADING_PREPOSITIONS or _is_participle(first):
        comma = sentence.find(",", phrase_end if phrase_start == 0 else 0)
        return comma if comma >= phrase_end else -1
    return -1


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause holding ``start``..``end``, with "\x00" where that span was."""
    breaks = [
        match
        for match in CLAUSE_BREAK.finditer(sentence)
        if not start <= match.start() < end
        # The break before "since 1991" is the phrase's own preposition.
        and not (match.end() == start and not match.group().strip())
    ]
    clause_start = max((m.end() for m in breaks if m.end() <= start), default=0)
    following = [m for m in breaks if m.start() >= end]
    clause_end = following[0].start() if following else len(sentence)
    before, after = sentence[clause_start:start], sentence[end:clause_end]
    if not before.strip() and not after.strip() and following:
        # "..., and as of 2024, Mongolia was ...": the date heads the next clause.
        after_end = following[1].start() if len(following) > 1 else len(sentence)
        after = sentence[following[0].end() : after_end]
    first = before.split()[0].lower() if before.split() else ""
    if first in _SUBORDINATORS or first in ("and", "but", "since"):
        before = before.split(" ", 1)[1] if " " in before.strip() else ""
    if clause_start and before[:1].islower() and _starts_with_verb(before):
        # "Russia, which maintains a test site, withdrew ...": restore the subject.
        before = f"{_leading_subject(sentence)} {before}"
    return before + "\x00" + after


def _starts_with_verb(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return first.islower() and first not in _NOUN_PHRASE_STOP and first not in _FUNCTION_WORDS


def _leading_subject(sentence: str) -> str:
    """A short subject set off by a relative clause or appositive: "Russia, which ..."."""
    head, _, rest = sentence.partition(",")
    if len(head.split()) > 6 or not re.match(r"\s+(?:which|who|a|an|the)\b", rest):
        return ""
    return head


def event_phrase(sentence: str, start: int, end: int) -> str:
    """What the date at ``start``..``end`` of ``sentence`` dates, without the date.

    "The rebels announced a withdrawal from the city on May 3 after ..."
    gives "The rebels announced a withdrawal from the city"; "a May 28
    attack" gives "The attack"; "Meeting with X on May 6, Foreign minister Y
    said ..." gives "Foreign minister Y meeting with X". Returns "" when no
    phrase can be told apart.
    """
    phrase_start, phrase_end, preposition = _date_phrase(sentence, start, end)
    attributive = _attributive_event(sentence, start, end)
    if attributive is not None:
        return _tidy_label(attributive)
    if preposition == "of":
        return _tidy_label(_noun_phrase_before(sentence, phrase_start))
    return context_without(sentence, phrase_start, phrase_end)


_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+[^,]{1,60},\s*")


def _tidy_label(text: str) -> str:
    return _capitalise(_shorten(_APPOSITIVE.sub(" ", text)))


def context_without(sentence: str, phrase_start: int, phrase_end: int) -> str:
    """The clause around ``phrase_start``..``phrase_end``, with that phrase removed."""
    lead_end = _leading_clause_end(sentence, phrase_start, phrase_end)
    if lead_end == -1:
        clause = _clause_around(sentence, phrase_start, phrase_end)
        before, _, after = clause.partition("\x00")
        next_word = after.split()[0].lower().strip(",") if after.strip() else ""
        if len(before.split()) >= 3 and next_word in _VERBISH:
            # "The capture of the city in late May has caused ...": the
            # date belongs to the subject, which is the event.
            return _tidy_label(before)
        return _tidy_label(clause.replace("\x00", " "))
    main = strip_fragment(sentence[lead_end + 1 :])
    lead = strip_fragment(sentence[:phrase_start] + " " + sentence[phrase_end:lead_end])
    first, _, body = lead.partition(" ")
    if first.lower() in _SUBORDINATORS:
        lead = body
    if len(lead.split()) < 2:
        return _tidy_label(main)  # "On July 30, Rogelio Barra was found dead ..."
    if _is_participle(lead.split(" ", 1)[0]):
        # "Meeting with X on May 6, Foreign minister Y said" is Y's meeting.
        subject = _clause_subject(main)
        if subject:
            lead = f"{subject} {_lower_first(lead)}"
    return _tidy_label(lead)
