"""What the text says a named organisation, programme, document or place is.

"CE Works, a technology platform that digitizes the environmental review
process, ..." (an appositive) and "The Webb Space Telescope is an
international program led by NASA ..." (a copula opening the sentence) both
describe a named thing. People are left to :mod:`.people` and acronyms the
glossary defines to :mod:`.terms`.

A description is kept only when its head noun tells what kind of thing it
describes ("platform", "commission", "country", "memorandum"), so that
questions can set it among descriptions of things of the same kind. It is cut
only where a clause ends, and kept whole or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefings.text.article import ParsedArticle
from briefings.text.lexicon import ROLE_MODIFIERS, ROLES, word_set
from quizzes.text.facts.model import Fact
from quizzes.text.facts.phrases import strip_fragment

DESCRIPTION_KINDS: dict[str, frozenset[str]] = {
    "organisation": word_set(
        """organization organisation group agency bloc faction commission council committee
        office service provider company firm newspaper outlet network party movement alliance
        coalition body institute university bank ministry department court union association
        foundation fund administration authority bureau center centre board parliament
        militia army"""
    ),
    "programme": word_set(
        """program programme platform tool initiative project system mission scheme pilot
        telescope satellite database application software"""
    ),
    "document": word_set(
        """law act bill memorandum order treaty agreement report plan strategy policy
        declaration resolution framework statute directive"""
    ),
    "place": word_set("country city capital region province state town village district territory"),
}
"""Head nouns telling what kind of thing a description is about."""

# Words after which a description's head noun has been given: "a commission of ...".
_HEAD_ENDS = word_set(
    """that which who whose whom of for with led chaired run founded based in on to by from about
    where covering linking aimed designed created established between under"""
)
_NAME_WORD = r"(?:[A-Z][\w\u2019'.&-]*|[A-Z]{2,})"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:of|for|on|and|the|de)\s+)*{_NAME_WORD})*"
_APPOSITIVE = re.compile(
    rf"(?<!\)\s)(?<![\w).\u2019'])(?P<name>{_NAME})(?:\s+\((?P<acronym>[A-Z][\w.-]*)\))?(?:,\s+|\s*[\u2013\u2014]\s*)"
    r"(?P<desc>(?:a|an|the)\s)"
)
# "According to the Department of State, the database ...": the name ends an opening phrase.
# "Developed by the Committee on Plastic Pollution and a Circular Economy, the report ...":
# so does a participle's phrase, and what follows the comma is the sentence's subject.
_OPENING_PHRASE = re.compile(
    r"^(?:According to|In|For|Under|Like|Unlike|As for|After|Before|With|Within|Since|During|"
    r"Among|Despite|Beyond|Similarly|Today"
    r"|[A-Z][a-z]+(?:ed|en|ing)\s+(?:by|in|with|under|for|from|through|at|on|to|as|across)"
    r")\b[^,]*$"
)
_COPULA = re.compile(
    rf"^(?:The\s+)?(?P<name>{_NAME})(?:\s+\((?P<acronym>[A-Z][\w.-]*)\))?\s+"
    r"(?:is|was|remains|became)\s+(?P<desc>(?:a|an|the)\s)"
)
# Where a description may stop: a clause or list break.
_BREAK = re.compile(r",\s|;|:|\s[\u2013\u2014-]\s|\u2014")
# A purpose or relative clause: "... review process to assist agencies with ...".
_LATER_CLAUSE = re.compile(r"\s(?:to\s+[a-z]+|in order to|pursuant to|so that|that|which|while)\s")
# "that aims to advance ...": the verb before "to" needs what follows.
_NEEDS_WHAT_FOLLOWS = word_set(
    """aims seeks tries wants plans intends designed set due able likely expected used working
    meant helps aimed tasked charged ordered pledged vowed promised going"""
)
_NOT_NAMES = word_set(
    """it this that these those there he she they we i today however but and yet also here
    such one its his her their our"""
)
# A description that leans on the text around it or reports a time relative to it.
_LEANING = re.compile(
    r"\b(?:he|she|they|him|them|this|these|those|last year|next year|the same|"
    r"the (?:company|firm|agency|group|department)[\u2019']s)\b",
    re.IGNORECASE,
)
# "NIH, part of the Department of Health (HHS), the nation's leading agency": the
# description may be NIH's; a name inside another's phrase is not described.
_INSIDE_ANOTHER = re.compile(r"\b(?:part of|within|under|of|at|in)\s+(?:the\s+)?$", re.IGNORECASE)
# "Kabul, the capital of Afghanistan": known without reading the article.
_WORLD_KNOWLEDGE = re.compile(r"^the (?:capital|largest city) of (?:the )?[A-Z][\w.-]*$")
_MIN_WORDS = 3
_MAX_WORDS = 16


def description_kind(description: str) -> str:
    """The kind of thing ``description`` describes ("programme" for "a technology
    platform that ..."), or "" when its head noun does not say."""
    words = re.findall(r"[A-Za-z][\w-]*", description.lower())
    head: list[str] = []
    for word in words:
        if word in _HEAD_ENDS and head:
            break
        head.append(word)
    for word in reversed(head):
        for kind, nouns in DESCRIPTION_KINDS.items():
            if word in nouns or word.rstrip("s") in nouns:
                return kind
    return ""


# A superlative holds only with the words that restrict it ("the largest lender to the
# region", "the most significant law … to help veterans"): it is kept with them or not at all.
_SUPERLATIVE = re.compile(
    r"\b(?:most|least|largest|biggest|smallest|first|last|only|best|worst|highest|lowest|"
    r"greatest|longest|oldest|newest|strongest)\b",
    re.IGNORECASE,
)
_RESTRICTION = re.compile(r"\s+(?:to|for|among|since|in|of|that|ever|yet|outside|after)\b")


def _description_end(sentence: str, start: int) -> int | None:
    """Where the description starting at ``start`` ends: the first clause break
    after its head noun, or an earlier clause end when it runs long."""
    end = len(sentence.rstrip(' .\u201d"'))
    for match in _BREAK.finditer(sentence, start):
        if description_kind(sentence[start : match.start()]):
            end = match.start()
            break
        segment = sentence[start : match.start()].split()
        if len(segment) > 2 or not segment[-1].islower() or match.group().strip() != ",":
            return None  # Not "a landlocked, mineral-rich country": the phrase ran out.
    if not description_kind(sentence[start:end]):
        return None
    if re.match(r",?\s+(?:and|or)\s", sentence[end:]):
        return None  # "the Department of State, the Sovereign Limits database, and ...": a list.
    if len(sentence[start:end].split()) > _MAX_WORDS:
        later = [
            m.start()
            for m in _LATER_CLAUSE.finditer(sentence, start, end)
            if _MIN_WORDS + 1 < len(sentence[start : m.start()].split()) <= _MAX_WORDS
            and sentence[start : m.start()].split()[-1].lower() not in _NEEDS_WHAT_FOLLOWS
        ]
        if not later:
            return None
        end = later[-1]
    if len(sentence[start:end].split()) > _MAX_WORDS:
        return None
    if _SUPERLATIVE.search(sentence, start, end) and _RESTRICTION.match(sentence, end):
        return None  # "the most significant law in history" cut from "… to help veterans"
    return end


def _is_name(name: str, sentence_start: bool, people: frozenset[str]) -> bool:
    words = name.split()
    if words[0].lower() in _NOT_NAMES or set(words) & people:
        return False
    if len(words) == 1 and description_kind(name):
        return False  # "Institute" is the end of a longer name.
    # "Similarly, a ..." or "Today, a ...": one capitalised word opening the sentence.
    return not (sentence_start and len(words) == 1 and not name.isupper())


_ROLE_OF = re.compile(r"^(?P<roles>[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)\s+of\s+(?:the\s+)?")


def _without_role(name: str) -> str:
    """ "TLC Beatrice International" from "Chair and CEO of TLC Beatrice International": the
    body a role belongs to is what the description describes."""
    match = _ROLE_OF.match(name)
    if match is None or len(name) == match.end():
        return name
    roles = [w.lower() for w in match.group("roles").split() if w != "and"]
    return name[match.end() :] if all(w in ROLES | ROLE_MODIFIERS for w in roles) else name


def _descriptions_in(sentence: str, people: frozenset[str]) -> Iterator[tuple[str, int, int]]:
    """(name, description start, description end) for each named thing described."""
    matches = [*_APPOSITIVE.finditer(sentence)]
    copula = _COPULA.match(sentence)
    if copula is not None:
        matches.insert(0, copula)
    for match in matches:
        if match is not copula and (
            _OPENING_PHRASE.match(sentence[: match.start()])
            or _INSIDE_ANOTHER.search(sentence[: match.start()])
        ):
            continue
        name = _without_role(match.group("name").removeprefix("The "))
        if not _is_name(name, match is not copula and match.start() == 0, people):
            continue
        start = match.start("desc")
        end = _description_end(sentence, start)
        if end is None:
            continue
        yield name, start, end


# "the Ukrainian Center for Civil Liberties", "the International Civil Aviation Organization":
# a name after the comma is a list's next item or another name, not a description.
_NAME_AFTER_DETERMINER = re.compile(
    r"^(?:a|an|the)\s+[A-Z][\w\u2019'-]*\s+(?:(?:of|for|on|and)\s+)?[A-Z]"
)


_FINITE_VERB = re.compile(
    r"\b(?:will|would|is|are|was|were|has|have|had|can|could|should|must|shall)\b"
)


def _headline(sentence: str) -> bool:
    """Whether a sentence is written as a headline, most of its longer words capitalised."""
    words = [w for w in re.findall(r"[A-Za-z][\w\u2019'-]*", sentence) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _worth_keeping(description: str, subject: str) -> bool:
    words = description.split()[1:]  # without "a"/"an"/"the"
    if len(words) < _MIN_WORDS or _LEANING.search(description):
        return False
    if _NAME_AFTER_DETERMINER.match(description):
        return False
    if description.count("(") != description.count(")") or description.count('"') % 2:
        return False
    if _WORLD_KNOWLEDGE.match(description):
        return False
    if _FINITE_VERB.search(description):
        return False  # "the Administration will continue its campaign": a clause, not a description
    # A description naming its own subject ("an NLF splinter faction" of NLF) asks nothing.
    return not re.search(rf"\b{re.escape(subject.split()[-1])}\b", description)


def _common_noun(name: str, lower_case_words: frozenset[str]) -> bool:
    """Whether one capitalised word is a name only because it opens its sentence: the text
    writes it in lower case elsewhere ("Data is …" beside "large data sets")."""
    if " " in name or name.isupper():
        return False
    return name.lower() in lower_case_words


_COMPANY_SUFFIX = re.compile(r"(?:Inc|LLC|LLP|Ltd|Corp|Co|PLC|LP|N\.A|S\.A|GmbH|AG)\.?")


def _quoted(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def description_facts(
    article: ParsedArticle, sentences: dict[int, tuple[tuple[int, int], ...]]
) -> Iterator[Fact]:
    """A fact for each named organisation, programme, document or place the text describes."""
    people = frozenset(word for person in article.people for word in person.name.split())
    # An acronym the glossary already describes is asked about by :mod:`.terms`.
    glossary = {name for d in article.glossary if d.description for name in (d.term, d.expansion)}
    lower_case_words = frozenset(
        word for block in article.blocks for word in re.findall(r"\b[a-z][a-z'-]*\b", block.text)
    )
    for number, spans in sentences.items():
        text = article.block(number).text
        for sentence_start, sentence_end in spans:
            sentence = text[sentence_start:sentence_end]
            if _headline(sentence):
                continue  # "Result of The President’s Investments In America: A Record …"
            for name, start, end in _descriptions_in(sentence, people):
                description = sentence[start:end].rstrip(" ,;:.")
                if strip_fragment(description) != description:
                    continue  # Broken across lines or spaced oddly: offsets would not hold.
                if name in glossary or not _worth_keeping(description, name):
                    continue
                if _common_noun(name, lower_case_words):
                    continue  # "Data is an increasingly powerful tool …": no name at all
                if _COMPANY_SUFFIX.fullmatch(name):
                    continue  # "Harbour Bancorp, Inc., a bank holding company": not "Inc."
                value_start = sentence_start + start
                if _quoted(text, value_start):
                    continue  # A speaker's claim, not what the article says.
                yield Fact(
                    kind="description",
                    paragraph=number,
                    sentence_start=sentence_start,
                    sentence_end=sentence_end,
                    value=text[value_start : value_start + len(description)],
                    value_start=value_start,
                    value_end=value_start + len(description),
                    subject=name,
                    category=description_kind(description),
                )
