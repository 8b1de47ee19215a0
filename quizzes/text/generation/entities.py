"""Asking which organisation, programme or person a sentence names.

A sentence "CEQ developed the CE Works tool in collaboration with the
General Services Administration" gives a gap ("Which organization completes
...?"), a swap ("... in collaboration with the Bureau of Land Management")
or, for a short name the article repeats, a cloze. The stem leaves out an
acronym written right after the name ("(GSA)"), as it would give the key
away. Wrong options and swaps are names of the same kind from the same
article (organisations for an organisation, people for a person, written as
the key is: acronyms for an acronym, surnames for a surname), never one the
stem prints, never another name of the key ("GSA" for "General Services
Administration") and never a body the text puts inside or around it ("the
Council on Environmental Quality's Permitting Innovation Center").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefings.text.lexicon import ROLES, word_set
from quizzes.text import pool
from quizzes.text.facts import Fact
from quizzes.text.facts.entities import PERSON, Entity, entities
from quizzes.text.generation.drafts import (
    PERSONNEL_CLASS,
    cut_short,
    is_a_post,
    kind_of_body,
    nested_bodies,
    opens_no_name,
)
from quizzes.text.generation.source import (
    WORLD_KNOWLEDGE_TITLES,
    Source,
    mentions,
    normalised,
    overlaps,
    pronoun_used,
)

_MIN_OTHER_WORDS = 6
"""A sentence saying little besides the name ("CEQ welcomed it.") is not worth a question."""
_WORLD_KNOWLEDGE_TITLE = re.compile(
    rf"(?i:{WORLD_KNOWLEDGE_TITLES})\s+$|"
    r"(?<!State )(?<!state )\bGovernor\s+$"
)
# "Specifically, it calls on CEQ": the subject is in the sentence before.
_LEANING = re.compile(r"^(?:[A-Z]\w+,\s+)?(?:it|they|this|these|he|she|its|their)\b", re.I)
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "as",
        "into",
    ]
)


_FOUND: dict[int, tuple[object, tuple[Entity, ...]]] = {}


def _entities(source: Source) -> tuple[Entity, ...]:
    """The article's entities, read once per article."""
    article = source.article
    cached = _FOUND.get(id(article))
    if cached is None or cached[0] is not article:
        if len(_FOUND) > 64:
            _FOUND.clear()
        cached = (article, tuple(entities(article)))
        _FOUND[id(article)] = cached
    return cached[1]


def entity_of(source: Source, fact: Fact) -> Entity | None:
    return next((e for e in _entities(source) if e.name == fact.subject), None)


def noun(source: Source, fact: Fact) -> str:
    """ "organisation" (or "organization", as the article spells it), "programme", "person"."""
    if fact.category == PERSON:
        return "person"
    if fact.category == "programme":
        return "programme" if source.british else "program"
    return "organisation" if source.british else "organization"


def shown_without_acronym(source: Source, fact: Fact) -> tuple[str, int, int] | None:
    """The sentence as a stem shows it, with "(ACR)" after the name left out."""
    shown = source.shown(fact)
    if shown is None:
        return None
    text, start, end = shown
    if fact.detail:
        written = re.match(rf"(\u2019s|'s)?\s*\(\s*{re.escape(fact.detail)}\s*\)", text[end:])
        if written is None:
            return None
        text = text[:end] + (written.group(1) or "") + text[end + written.end() :]
    return text, start, end


# A name in a list set apart by commas, perhaps with "the" and its acronym in brackets.
_ITEM = (
    r"(?:the\s+)?[A-Z][\w.\u2019'&-]*(?:\s+(?:of|for|and|on|the|to|[A-Z][\w.\u2019'&-]*))*"
    r"(?:\s+\([A-Z][\w&.-]*\))?\s*"
)
_LIST_ITEM = re.compile(rf"\s*{_ITEM}")
# What opens a list: "Supporters include", "agencies, including", "such as".
_LEAD = r"\b(?:include|includes|included|including|such as|among them)\s+"
_LIST_LEAD = re.compile(rf"{_LEAD}(?:the\s+)?$")
_FIRST_ITEM = re.compile(rf"{_LEAD}{_ITEM}$")
_CLOSING = re.compile(rf"\s*(?:(?P<item>{_ITEM})\s+)?(?:and|or)\s+(?:the\s+)?")
_CLOSED_AFTER = re.compile(r"\s*(?:\([A-Z][\w&.-]*\))?\s*(?:and|or)\s+(?:the\s+)?[A-Z]")
_LAST_TWO = re.compile(rf"\s*{_ITEM}(?:and|or)\s+{_ITEM}[.;]?\s*$")
_LIST_LAST = re.compile(r"\s*(?:and|or)\s+(?:the\s+)?[A-Z]")
# A chunk longer than this is a clause, not a name (and keeps the search linear).
_LONGEST_ITEM = 160


def _one_of_a_list(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is one of three or more names listed with commas
    ("including DOT, the Department of Energy (DOE), and the Environmental Protection
    Agency (EPA), are …"; "Supporters include Freedom House, Human Rights Watch and PEN
    America."): which one a list holds is not worth a question."""
    cuts = [-1, *(m.start() for m in re.finditer(",", text)), len(text)]
    chunks = [(cuts[i] + 1, cuts[i + 1]) for i in range(len(cuts) - 1)]
    at = next((i for i, (a, b) in enumerate(chunks) if a <= start and end <= b), None)
    if at is None:
        return False
    a, b = chunks[at]
    before, after = text[a:start], text[end:b]
    closing = _CLOSING.fullmatch(before) if len(before) <= _LONGEST_ITEM else None
    opens = _LIST_LEAD.search(before)
    if not (closing or opens or re.fullmatch(r"\s*(?:the\s+)?", before)):
        return False
    ends_here = _CLOSED_AFTER.match(after)
    if not (closing or ends_here or re.fullmatch(r"\s*(?:\([A-Z][\w&.-]*\))?\s*", after)):
        return False
    items = 1 + bool(ends_here) + bool(closing and closing.group("item"))
    if not opens:
        for i in range(at - 1, -1, -1):
            chunk = text[chunks[i][0] : chunks[i][1]]
            if len(chunk) > _LONGEST_ITEM:
                break
            if _LIST_ITEM.fullmatch(chunk):
                items += 1
                continue
            items += bool(_FIRST_ITEM.search(chunk))  # "Supporters include Freedom House"
            break
    if not (closing or ends_here):
        for i in range(at + 1, len(chunks)):
            chunk = text[chunks[i][0] : chunks[i][1]]
            if _LIST_LAST.match(chunk):
                items += 1
                break
            if len(chunk) > _LONGEST_ITEM:
                break
            if _LAST_TWO.match(chunk):
                items += 2  # "Human Rights Watch and PEN America."
                break
            if not _LIST_ITEM.fullmatch(chunk):
                break
            items += 1
    return items >= 3


def _the_subject_of_the_article(source: Source, fact: Fact) -> bool:
    """Whether the body is named in two paragraphs of every five or more: what the article
    is about, and so an answer a trainee guesses without reading."""
    forms = [fact.value, *source.aliases(fact.value)]
    paragraphs = [b.text for b in source.article.blocks if b.kind == "paragraph"]
    naming = sum(any(mentions(text, form) for form in forms) for text in paragraphs)
    return len(paragraphs) >= 5 and naming >= 0.4 * len(paragraphs)


_INNER_UNIT = re.compile(
    r"\b(?:the|its|their|his|her) (?:firm|company|agency|group|organi[sz]ation|department|office|"
    r"university|school|bank)(?:\u2019|')s $",
    re.IGNORECASE,
)


def worth_asking(source: Source, fact: Fact) -> bool:
    """Whether a question on this mention teaches something the article says.

    The sentence stands alone, says more than the name, and the name is not
    a world-known office holder ("President Donald J. Trump").
    """
    if not source.worth_asking(fact):
        return False
    shown = shown_without_acronym(source, fact)
    if shown is None:
        return False
    text, start, end = shown
    if re.search(r"https?://|\bvisit\b", text):
        return False  # "To read the report, visit https://...": directions, not content.
    if re.match(r"\s+(?:data|figures|statistics|estimates)\b", text[end:]):
        return False  # "According to the preliminary IRS data": the source, not the finding.
    if _WORLD_KNOWLEDGE_TITLE.search(text[:start]) or _LEANING.match(text):
        return False
    if re.match(r"(?:\u2019|')s?\b", text[end:]):
        return False  # "NASA’s budget": the answer would be typed or read without its "’s".
    if _INNER_UNIT.search(text[:start]):
        return False  # "Co-Chair of the firm’s Hiring Committee": a unit of a body, trivia.
    if _one_of_a_list(text, start, end):
        return False  # one name from a list of supporters or members asks a trivia question
    if PERSONNEL_CLASS.search(fact.value):
        return False  # "a career member of the _____": a rank, not what the person does
    if is_a_post(fact.value):
        return False  # "State Treasurer of the Commonwealth" is a post, not an organisation
    if fact.category != PERSON and _the_subject_of_the_article(source, fact):
        return False  # the body the whole article is about: guessed without reading
    if fact.category == PERSON:
        person = next((p for p in source.article.people if p.name == fact.subject), None)
        if person is not None and _WORLD_KNOWLEDGE_TITLE.search(person.description + " "):
            return False
    rest = [
        w
        for w in normalised(text[:start] + " " + text[end:]).split()
        if w not in _STOP and len(w) > 2
    ]
    return len(rest) >= _MIN_OTHER_WORDS


def attached_by_possessive(text: str, start: int, end: int) -> bool:
    """ "the _____’s Moab Field Office": the name is one half of a longer one."""
    return bool(re.match(r"(?:\u2019s|'s)\b", text[end:])) or bool(
        re.search(r"(?:\u2019s|'s)\s+$", text[:start])
    )


def _form_like(fact: Fact, other: Entity, text: str) -> str | None:
    """How ``other`` is written to stand beside the fact's value: acronym, full name, surname."""
    value = fact.value
    if fact.category == PERSON:
        if len(value.split()) > 1:
            return other.name
        last = other.name.split()[-1]
        # "Jinping" is no surname the text uses: it writes only "Xi Jinping".
        before = other.name.split()[-2] if len(other.name.split()) > 1 else ""
        alone = re.search(rf"(?<!{re.escape(before)} )\b{re.escape(last)}\b", text)
        return last if last in other.forms and alone else None
    if value.isupper():
        return other.acronym or None
    return other.name


def _attached(source: Source, first: Entity, second: Entity) -> bool:
    """Whether the text puts one body inside the other ("X's Y", "Y at X", "X Y")."""
    return part_of_one_another(source, first.forms, second.forms)


def part_of_one_another(source: Source, first: Iterable[str], second: Iterable[str]) -> bool:
    """Whether the text writes a form of one name as part of a form of the other: "the
    Interior Department's Bureau of Land Management", "MCHB within HRSA"."""
    second = tuple(second)
    for a in first:
        for b in second:
            for x, y in ((a, b), (b, a)):
                pattern = (
                    rf"{re.escape(x)}(?:\u2019s|'s)?\s*(?:\(\w+\)\s*)?{re.escape(y)}\b"
                    rf"|{re.escape(y)}\s+(?:at|of|in|within|under)\s+(?:the\s+)?{re.escape(x)}\b"
                )
                if re.search(pattern, source.text):
                    return True
    return False


_LINKING_WORDS = frozenset({"of", "the", "for", "and", "on", "u", "s", "us"})


def _same_words(first: str, second: str) -> bool:
    """Whether two names hold the same words in another order ("State Department",
    "Department of State")."""

    def words(name: str) -> frozenset[str]:
        written = f" {normalised(name)} "
        for short, full in _SHORT_WORDS.items():
            written = written.replace(f" {short} ", f" {full} ")
        return frozenset(w for w in written.split() if w not in _LINKING_WORDS)

    return bool(words(first)) and words(first) == words(second)


# "UN Security Council" is the "United Nations Security Council".
_SHORT_WORDS = {"un": "united nations", "us": "united states", "eu": "european union"}


# "the first Filipino woman to pass the New York bar": the gap is a woman's name.
_WOMAN = re.compile(r"(?<![\w-])(?:woman|(?:business|congress|chair|spokes)woman)(?![\w-])")
_MAN = re.compile(r"(?<![\w-])(?:man|(?:business|congress)man)(?![\w-])")


# "Burma’s _____", "the U.S. _____": the gap's body belongs to one country.
_QUALIFIER_BEFORE_GAP = re.compile(
    r"(?:\bU\.\s?S\.|\bUS|\bAmerican|\b[A-Z][a-z]+(?:\u2019s|'s))\s*$"
)
_OWNER_BEFORE_GAP = re.compile(r"[\u2019']s\s*$")
# A part of a body, named by its sort first ("Office of Inspector General"): after its
# owner's name ("the Treasury’s _____") only another such part reads as an answer.
_COMPONENT = re.compile(
    r"(?:the\s+)?(?:Office|Division|Bureau|Branch|Section|Unit|Directorate|Program)\s+(?:of|for)\b"
)
_OF_ANOTHER_OWNER = re.compile(
    r"^(?:the\s+)?(?:UN|U\.N\.|EU|E\.U\.|European|United Nations|World|International|"
    r"Global|NATO|G7|G20|U\.\s?S\.|US|United States|American|Federal)\b"
)


def _owned_elsewhere(name: str) -> bool:
    """Whether a body's name says whose it is: an international body's, or a country's."""
    return bool(_OF_ANOTHER_OWNER.match(name)) or any(
        name.startswith(f"{country} ") for country in pool.COUNTRIES
    )


def _gender_told(stem: str) -> str | None:
    """ "he" or "she", as the stem's pronouns or its "woman" or "man" tell."""
    pronoun = pronoun_used(stem)
    if pronoun is None:
        woman, man = bool(_WOMAN.search(stem)), bool(_MAN.search(stem))
        pronoun = "she" if woman and not man else "he" if man and not woman else None
    return pronoun


def same_kind_names(source: Source, fact: Fact, stem: str) -> list[str]:
    """Names of the fact's kind from the article that are wrong for it, written as it is."""
    return [name for tier in same_kind_tiers(source, fact, stem) for name in tier]


def same_kind_tiers(source: Source, fact: Fact, stem: str) -> list[list[str]]:
    """:func:`same_kind_names`, the likeliest stand-ins first. For a person the article
    names again and again (a nominee, a speaker), the others it names again and again
    come first: a judge someone once clerked for, or a senator named in passing, is easy
    to rule out beside them."""
    found = _same_kind_names(source, fact, stem)
    own = entity_of(source, fact)
    if own is None or own.category != PERSON:
        return [[form for form, _ in found]]
    recurring = [(f, e) for f, e in found if source.sentences_mentioning_any(e.forms) > 1]
    # Among those, people the article gives a like role (two nominees to one commission,
    # two ambassadors) come first.
    role = _role_words(source, own.name)
    alike = [f for f, e in recurring if role & _role_words(source, e.name)]
    others = [f for f, _ in recurring if f not in alike]
    return [alike, others, [f for f, _ in found if f not in alike and f not in others]]


_NOT_A_ROLE_WORD = word_set("nominee nominated to be a an the of for and in on at as u s us")


def _role_words(source: Source, name: str) -> frozenset[str]:
    """The words of the role the article gives a person ("Commissioner of the Marine
    Mammal Commission"), without the small words."""
    person = next((p for p in source.article.people if p.name == name), None)
    if person is None:
        return frozenset()
    return frozenset(w for w in normalised(person.description).split() if w not in _NOT_A_ROLE_WORD)


def peers_only(tiers: list[list[str]], count: int) -> list[list[str]]:
    """The fewest best tiers that hold ``count`` names: a name from a weaker tier (someone
    in another role, or named once in passing) added beside them only lowers the share of
    options worth weighing."""
    for end in range(1, len(tiers)):
        if sum(len(tier) for tier in tiers[:end]) >= count:
            return tiers[:end]
    return tiers


def _same_kind_names(source: Source, fact: Fact, stem: str) -> list[tuple[str, Entity]]:
    """Each wrong name as :func:`same_kind_names` writes it, with the entity it names."""
    own = entity_of(source, fact)
    if own is None:
        return []
    found: list[tuple[str, Entity]] = []
    surnames: set[str] = set()
    role = _rank_before_gap(stem)
    before_gap = stem.split("___")[0] if "___" in stem else ""
    qualified = own.category != PERSON and bool(_QUALIFIER_BEFORE_GAP.search(before_gap))
    pronoun = _gender_told(stem) if own.category == PERSON else None
    component = (
        qualified
        and bool(_OWNER_BEFORE_GAP.search(before_gap))
        and bool(_COMPONENT.match(own.name))
    )
    nested = nested_bodies(source, own.name) if own.category != PERSON else set()
    for other in _entities(source):
        if other.name == own.name or other.category != own.category:
            continue
        if other.category == PERSON:
            # The article's subject, or a second of one family, is easy to rule out.
            last = other.name.split()[-1]
            if last in surnames or mentions(source.article.title, last):
                continue
            surnames.add(last)
        form = _form_like(fact, other, source.text)
        if form is None or any(mentions(stem, f) for f in other.forms):
            continue
        if any(overlaps(f, g) for f in other.forms for g in own.forms):
            continue
        if any(_same_words(f, g) for f in other.forms for g in own.forms):
            continue  # "State Department" is the "Department of State"
        if _attached(source, own, other) or nested.intersection(other.forms):
            continue  # "MCHB within HRSA of HHS": each is part of the others' answer
        if kind_of_body(own.name) != kind_of_body(other.name):
            continue  # a party only for a party, a university only for a university
        if opens_no_name(form):
            continue  # "If the Army": a clause read as a name
        if is_a_post(other.name):
            continue  # "Vice Chairman of the Gateway Development Commission": a post
        if PERSONNEL_CLASS.search(other.name) and not PERSONNEL_CLASS.search(own.name):
            continue  # the Senior Foreign Service is a rank, no one's employer
        if own.category != PERSON and not same_sort_of_body(own.name, other.name):
            continue  # a repair centre is no council: offered in its place, it is easy to rule out
        if pronoun and source.pronoun_of(other.name) not in (None, pronoun):
            continue  # "Earlier in his career, _____ was …": never a woman the text calls "she"
        if role and not _has_rank(source, other.name, role):
            continue  # "General _____": only people the article gives that rank
        if qualified and _owned_elsewhere(form):
            continue  # "Burma’s _____": never a UN council; "U.S. _____": never the EU
        if component and not _COMPONENT.match(form):
            continue  # "the Treasury’s _____ (Office of …)": one of its offices, not another body
        if (own.name in pool.COUNTRIES) != (other.name in pool.COUNTRIES):
            continue  # a state is offered only for a state
        if cut_short(source.text, form):
            continue
        if any(_same_words(form, name) for name, _ in found):
            continue  # "Supreme Court of Mississippi" beside "Mississippi Supreme Court"
        found.append((form, other))
    return found


# The last word of a body's name says what sort of body it is; these sorts stand in
# for one another.
_BODY_SORTS = (
    frozenset(
        {
            "department",
            "ministry",
            "agency",
            "administration",
            "office",
            "bureau",
            "service",
            "council",
            "commission",
            "committee",
            "board",
            "panel",
        }
    ),
    frozenset({"center", "centre", "institute", "laboratory", "lab", "academy"}),
    frozenset({"university", "college", "school"}),
    frozenset({"company", "corporation", "inc", "group", "firm"}),
    frozenset({"court", "tribunal"}),
    frozenset({"army", "navy", "force", "forces", "corps", "guard", "command"}),
    frozenset({"fund", "bank", "foundation", "trust"}),
    frozenset({"program", "programme", "initiative", "project", "plan"}),
    frozenset({"act", "law", "bill", "order"}),
    # "Financial Services and General Government" (an appropriations title) is no court.
    frozenset({"government", "authority"}),
)


def _sort_of_body(name: str) -> frozenset[str] | None:
    words = name.split()
    if len(words) < 2:
        return None  # an acronym or a one-word name says nothing of its sort
    # "Court of International Trade", "Department of Defense": the word before "of".
    head = (name.split(" of ", 1)[0].split() if " of " in name else words)[-1].lower().strip(".,")
    for word in (head, head.removesuffix("s")):
        sort = next((sort for sort in _BODY_SORTS if word in sort), None)
        if sort is not None:
            return sort
    return None


_DESCRIPTION_HEAD_END = re.compile(
    r"\s(?:with|that|which|who|of|in|for|to|on|at|by|based|charged)\s"
)


def sort_described(description: str) -> frozenset[str] | None:
    """The sort of body a description names ("a $2 billion food company with operations
    across Europe": a company), if it names one before its first phrase."""
    head = _DESCRIPTION_HEAD_END.split(f" {description} ", maxsplit=1)[0]
    for word in reversed(normalised(head).split()):
        for form in (word, word.removesuffix("s")):
            sort = next((sort for sort in _BODY_SORTS if form in sort), None)
            if sort is not None:
                return sort
    return None


def of_sort(name: str, sort: frozenset[str] | None) -> bool:
    """Whether a body's name fits a sort, or does not tell its own."""
    own = _sort_of_body(name)
    return sort is None or own is None or own == sort


def same_sort_of_body(first: str, second: str) -> bool:
    """Whether two bodies' names end in words of one sort ("Department", "Agency"), or
    either name does not tell its sort."""
    one, other = _sort_of_body(first), _sort_of_body(second)
    return one is None or other is None or one == other


def _rank_before_gap(stem: str) -> str:
    """The role a title right before the gap gives: "General", "Secretary of Defense"."""
    gap = stem.find("___")
    words: list[str] = re.findall(r"[A-Za-z]+", stem[:gap])[-4:] if gap > 0 else []
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in ROLES:
            after = words[index + 1 :]
            if all(w[:1].isupper() or w in ("of", "the", "for") for w in after):
                return words[index].lower()
            break
    return ""


def _has_rank(source: Source, name: str, role: str) -> bool:
    """Whether the article calls ``name`` by ``role``: "General Ann Lee", or in her description.
    (A stem never shows a courtesy title before its gap: see :meth:`Source.shown`.)"""
    person = next((p for p in source.article.people if p.name == name), None)
    described = person.description if person is not None else ""
    return bool(
        re.search(rf"\b{re.escape(role)}\b", described, re.IGNORECASE)
        or re.search(rf"\b{re.escape(role)}\.?\s+{re.escape(name)}", source.text, re.IGNORECASE)
    )


def the_only_one_of_its_rank(source: Source, fact: Fact, stem: str) -> bool:
    """Whether the rank before a person's gap ("Judge _____") fits the key alone among the
    people the article is about: beside a nominee, a judge someone clerked for, named
    once, is none of them."""
    role = _rank_before_gap(stem)
    if fact.category != PERSON or not role:
        return False
    own = entity_of(source, fact)
    recurring = recurs(source, fact)
    return not any(
        e.category == PERSON
        and e != own
        and _has_rank(source, e.name, role)
        and (not recurring or source.sentences_mentioning_any(e.forms) > 1)
        for e in _entities(source)
    )


def recurs(source: Source, fact: Fact) -> bool:
    """Whether the article names the fact's entity in more than one sentence."""
    own = entity_of(source, fact)
    if own is None:
        return False
    return source.sentences_mentioning_any(own.forms) > 1
