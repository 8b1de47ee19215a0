"""Facts naming who acts in the article: an organisation, a programme or a person.

Articles without dates or figures still say WHO did WHAT with WHICH body:
"CEQ developed the CE Works tool in collaboration with the General Services
Administration". Each mention of a named body, programme or person in
running text (not in a heading, not inside a quotation) is a fact whose
``value`` is the name as written there.

The names come from the parsed article: its glossary ("Full Name (ACR)"),
its people, and the organisation names the article index reads off the text
(plus bodies and programmes named "... Center", "... Services",
"... Initiative"). For "Full Name (ACR)" the value is the full name and
``detail`` the acronym, which a question must leave out; ``subject`` is
always the full name, so two mentions of one body ("CEQ" and "Council on
Environmental Quality") are known to be one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefings.text.article import ParsedArticle
from briefings.text.lexicon import NOT_NAME_OPENERS, ROLES
from quizzes.text.facts.model import Fact

ORGANISATION, PROGRAMME, PERSON = "organisation", "programme", "person"

_PROGRAMME_WORDS = frozenset(
    [
        "Program",
        "Programme",
        "Initiative",
        "Plan",
        "Project",
        "Strategy",
        "Campaign",
        "Pilot",
        "Partnership",
    ]
)
_BODY_WORDS = frozenset(
    [
        "Administration",
        "Agency",
        "Alliance",
        "Army",
        "Assembly",
        "Association",
        "Authority",
        "Bank",
        "Board",
        "Bureau",
        "Center",
        "Centre",
        "Coalition",
        "Command",
        "Commission",
        "Committee",
        "Commonwealth",
        "Conference",
        "Congress",
        "Corporation",
        "Council",
        "Court",
        "Department",
        "Federation",
        "Force",
        "Forces",
        "Foundation",
        "Front",
        "Fund",
        "Group",
        "Guard",
        "Institute",
        "League",
        "Ministry",
        "Movement",
        "Nations",
        "Office",
        "Organisation",
        "Organization",
        "Parliament",
        "Party",
        "Secretariat",
        "Service",
        "Services",
        "Union",
        "University",
    ]
)
_LINKING = frozenset(["of", "for", "the", "and", "on", "in", "to", "de", "du"])
_NAME_WORD = re.compile(r"^(?:[A-Z][\w\u2019'&.-]*|of|for|and|the|on|in|to|de|du)$")
# Bodies the article index does not read as organisations: "Permitting Innovation
# Center", "Technology Transformation Services", "Gold Eagle Initiative".
_MORE_NAMES = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z]+\s+){1,4}(?:Center|Centre|Services|Initiative|Administration)\b"
)
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]?")
_PARTICLE_BEFORE = re.compile(r"\b(?:de|da|del|der|di|van|von|al|bin|ibn|le|la|du)[\s-]$")
_POSSESSIVE = r"(?:\u2019s|'s)?"


@dataclass(frozen=True, slots=True)
class Entity:
    """One named actor of the article and the ways the text writes it."""

    name: str
    category: str
    acronym: str = ""
    forms: tuple[str, ...] = ()


def _is_name(text: str) -> bool:
    words = text.split()
    return (
        len(words) > 1
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(_NAME_WORD.match(w) for w in words)
    )


def category_of(name: str) -> str | None:
    """ "programme" for "CE Works Pilot Program", "organisation" for a body, else None.

    A law ("National Environmental Policy Act") or a concept is neither.
    """
    words = [w for w in name.split() if w not in _LINKING]
    if not words or words[-1] in ("Act", "Acts", "Treaty", "Order"):
        return None
    if words[-1] in _PROGRAMME_WORDS:
        return PROGRAMME
    if any(w in _BODY_WORDS for w in words):
        return ORGANISATION
    return None


def _organisation_entities(article: ParsedArticle, body: str) -> list[Entity]:
    # The article index's reading of organisation names; imported here as the
    # index itself is built on facts.
    from quizzes.text.generation.source import _organisation_names, whole_name

    people_words = {w for p in article.people for w in p.name.split()}
    entities: dict[str, Entity] = {}
    for definition in article.glossary:
        category = category_of(definition.expansion)
        if category and _is_name(definition.expansion):
            entities[definition.expansion] = Entity(
                definition.expansion,
                category,
                definition.term,
                (definition.expansion, definition.term),
            )
    expansions = {e.name.lower() for e in entities.values()}
    more = [m.group() for m in _MORE_NAMES.finditer(body) if whole_name(body, m.start(), m.end())]
    found = [*_organisation_names(body), *more]
    # "Bureau of Land Management’s Moab Field Office" names two bodies.
    parts = [part for name in found for part in re.split(r"(?:\u2019s|'s)\s+", name)]
    for name in parts:
        # "the National League of Minority Voters’ board": a plural's possessive mark.
        name = name.strip().rstrip("\u2019'")
        # "White House Council" read off "White House Council on Environmental Quality".
        if re.search(rf"{re.escape(name)}\s+(?:of|on|for)\s+(?:the\s+)?[A-Z]", body):
            continue
        # "Battalion of the Army" read off "Battalion of the Army's five Task Forces".
        if " of " in name and re.search(rf"{re.escape(name)}(?:\u2019s|'s)\b", body):
            continue
        words = name.split()
        category = category_of(name)
        if (
            category is None
            or not _is_name(name)
            or name.lower() in expansions
            or name in entities
            or words[0].lower() in ROLES | _LINKING | NOT_NAME_OPENERS
            or set(words) & people_words
            or "\u2019s" in name
            or "'s" in name
            or " and the " in name
            or "-" in words[0]
        ):
            continue
        entities[name] = Entity(name, category, "", (name,))
    # "Space Administration" is "National Aeronautics and Space Administration" cut short.
    return [
        e
        for e in entities.values()
        if not any(
            o.name != e.name and re.search(rf"\b{re.escape(e.name)}\b", o.name)
            for o in entities.values()
        )
    ]


def _person_entities(article: ParsedArticle) -> list[Entity]:
    surnames = [p.name.split()[-1] for p in article.people]
    entities = []
    for person in article.people:
        if len(person.name.split()) < 2:
            continue  # Known by one name only: the parser cannot tell whom it means.
        forms = [person.name, *(a for a in person.aliases if a[:1].isupper() and not a.isupper())]
        last = person.name.split()[-1]
        if surnames.count(last) == 1:
            forms.append(last)
        entities.append(Entity(person.name, PERSON, "", tuple(dict.fromkeys(forms))))
    return entities


def entities(article: ParsedArticle) -> list[Entity]:
    """The organisations, programmes and people the article names."""
    body = "\n".join(b.text for b in article.blocks if b.kind != "heading")
    return [*_organisation_entities(article, body), *_person_entities(article)]


def entity_facts(
    article: ParsedArticle, sentences: dict[int, tuple[tuple[int, int], ...]]
) -> Iterator[Fact]:
    """Each mention of a named actor in running text, outside quotations."""
    named = entities(article)
    forms = sorted(
        ((form, entity) for entity in named for form in entity.forms),
        key=lambda pair: -len(pair[0]),
    )
    for number, spans in sentences.items():
        text = article.block(number).text
        masked = _QUOTED.sub(lambda m: " " * len(m.group()), text)
        for start, stop in spans:
            if text[start] == "(" and text[stop - 1] == ")":
                continue
            taken: list[tuple[int, int]] = []
            sentence = masked[start:stop]
            for form, entity in forms:
                if form not in sentence:
                    continue  # most forms are not in a given sentence: skip the pattern
                pattern = rf"(?<![\w-]){re.escape(form)}(?![\w-])"
                for match in re.finditer(pattern, sentence):
                    a, b = start + match.start(), start + match.end()
                    if any(a < y and x < b for x, y in taken):
                        continue
                    if text[a - 1 : a] == "(" or text[b : b + 1] == ")":
                        continue  # "(CEQ)": the acronym a name has just been given.
                    if _PARTICLE_BEFORE.search(text[start:a]):
                        continue  # "de Mello": a surname cut from its particle.
                    taken.append((a, b))
                    acronym = ""
                    if entity.acronym and form == entity.name:
                        written = re.match(
                            rf"{_POSSESSIVE}\s*\(\s*{re.escape(entity.acronym)}\s*\)", text[b:stop]
                        )
                        acronym = entity.acronym if written else ""
                    yield Fact(
                        kind="entity",
                        paragraph=number,
                        sentence_start=start,
                        sentence_end=stop,
                        value=text[a:b],
                        value_start=a,
                        value_end=b,
                        subject=entity.name,
                        detail=acronym,
                        category=entity.category,
                    )
