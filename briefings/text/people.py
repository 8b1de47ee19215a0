"""Find the people an article names, with the description the text gives them.

There is no statistical model here. A capitalised run of words is taken to be
a person only with evidence from its context:

* a job title or honorific right before it ("Brazilian president Ana
  Costa", "Dr. Lena Adeyemi", "Minister of Public Works Kofi Mensah");
* an appositive after it ("Rosa Silva, a water engineer at …,") or before
  it ("BBC reporter, Tom Hale.");
* a verb only people take ("… Hale said", "said …", "… was shot",
  "… resigned"), or "a journalist named …".

Later mentions by surname ("Costa") are linked to the same person; when two
people share a surname, a bare surname goes to the one mentioned last.
"""

from __future__ import annotations

import re
from bisect import insort
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from briefings.text.article import Block, Person
from briefings.text.crossrefs import find_cross_references
from briefings.text.lexicon import (
    ABBREVIATIONS,
    BELIEF_VERBS,
    CALENDAR_WORDS,
    HONORIFICS,
    INVERTED_SPEECH_VERBS,
    ROLE_MODIFIERS,
    ROLES,
    SPEECH_VERBS,
    word_set,
)
from briefings.text.structure import mask_footnote_markers

_DETERMINERS = word_set("the a an their his her its our your my")
# Capitalised words that open sentences but never belong to a name.
_FUNCTION_WORDS = word_set("""
    a about according after all also although among an and another any as at because
    before between both but by despite during each earlier even every finally following
    for from given he her here his however i if in it its last later many meanwhile
    more most my next no not now of on one only or other others our over she since
    so some still such than that the their then there these they this those though through
    throughout to today tomorrow under until we what when where whether which while who
    whom whose why with within without yesterday yet you your
    two three four five six seven eight nine ten hundreds thousands dozens
    """)
# Words that mark a capitalised run as an organisation or a place.
_ORGANISATION_WORDS = word_set("""
    academy accord act administration affairs africa agency agreement airport america americas
    archive archives army arctic asia assembly association atlantic authority bank board bureau
    caucasus center central centre city coalition college command commission committee company
    conference congress corporation corps council counties county court defense defence
    department district east eastern europe federal federation force forces foundation front
    fund gulf global government group gallery guard homeland house initiative institute
    intelligence international islamic island islands journal kingdom league library licence
    license middle museum
    ministry mission order mountains movement nations national navy network news north northern
    ocean office organisation organization pacific parliament partnership party police post
    press program programme project province radio region relations republic river school
    science sciences sea security senate service services society south southern space square
    state states street summit survey team telescope television times treaty tribunal battalion
    brigade
    regiment squadron platoon fleet day trust union united university valley war west western
    world dynamics systems laboratory laboratories lab labs observatory hospital clinic detail
    section labor labour programs funding year plan republicans democrats arabia qatar bar
    better
    division emirates development directors operating operations resources
    """)
_RANKS = word_set("general admiral colonel major captain lieutenant sergeant")
_PARTICLES = word_set("al bin da das de del della den der di dos du el ibn la le ter ten van von")
# Words that join a title to its scope ("Minister of Public Works").
_TITLE_CONNECTORS = word_set("of to for the on")
# Words that join the parts of a longer proper name ("Friends of the Earth").
_NAME_CONNECTORS = _TITLE_CONNECTORS | {"and"}
# Words whose full stop is part of the word, not the end of a sentence.
_WORDS_WITH_STOPS = ABBREVIATIONS | HONORIFICS
# Verbs whose subject is a person.
_PEOPLE_SPEAK = SPEECH_VERBS | BELIEF_VERBS
_PERSON_VERBS = word_set("died resigned retired testified confessed graduated married")
_PERSON_PARTICIPLES = word_set("""
    abducted acquitted arrested assassinated beaten born buried charged convicted detained
    deposed dismissed elected executed exiled extradited fired found hanged imprisoned
    indicted injured jailed kidnapped killed married murdered ousted pardoned released
    sentenced shot stabbed survived wounded
    """)
_AUXILIARIES = word_set("am are be been being had has have is was were")
# Words that follow a role as part of its title: "Ambassador Extraordinary and Plenipotentiary",
# "Judge Advocate General".
_AFTER_A_ROLE = word_set("extraordinary plenipotentiary advocate advocates generals")
# Words that are no part of a person's name.
_NOT_IN_NAMES = (
    HONORIFICS
    | ROLE_MODIFIERS
    | _FUNCTION_WORDS
    | CALENDAR_WORDS
    | _ORGANISATION_WORDS
    | _AFTER_A_ROLE
)
NOT_IN_NAMES = _NOT_IN_NAMES
"""Words that are no part of a person's name: bodies, places, titles, dates, small words."""

_RAW_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”!?—–]+")
_NAME_TOKEN = re.compile(r"[A-ZÀ-Þ][\w’'-]*")
_PREFIXED_NAME_TOKEN = re.compile(
    r"(?:al|el|ad|ar|as|at|ash|az|an|bin|ibn|ben|de|di|da|d|l)[-’'][A-ZÀ-Þ][\w’'-]*"
)
_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")

_MAX_NAME_TOKENS = 5
_MAX_TITLE_TOKENS = 10
_MAX_WALKBACK = 8
_MAX_APPOSITIVE_TOKENS = 20


@dataclass(frozen=True, slots=True)
class Mention:
    """Where the text names a person: a full name, a surname or another alias."""

    paragraph: int
    start: int
    end: int
    person: str
    text: str


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int  # end of the word itself, before any possessive or full stop
    outer_end: int
    possessive: bool
    sentence_end: bool
    boundary_before: bool
    gap: str = ""  # the text between the previous word and this one

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A name run and what its context says about it.

    ``kind`` is "person" when the context shows a person, "latent" for a
    full name with no such evidence (yet), and "surname" for a lone word
    doing something only people do, which may confirm a latent name.
    """

    paragraph: int
    start: int
    tokens: tuple[str, ...]
    description: str
    kind: Literal["person", "latent", "surname"] = "person"
    forms: tuple[str, ...] = ()


@dataclass(slots=True)
class _Draft:
    tokens: tuple[str, ...]
    paragraph: int
    start: int
    full_description: str = ""
    any_description: str = ""
    forms: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)


def find_people(blocks: Sequence[Block]) -> tuple[Person, ...]:
    """Return the people named in ``blocks``, in order of first mention.

    Each person carries the description the text gives them (a job title,
    an appositive), every paragraph that mentions them, and the other forms
    the text uses for them (usually the bare surname).
    """
    found = [
        candidate
        for block in blocks
        if not _title_cased(block.text)
        for candidate in _candidates_in(block, _tokens(_running_text(block)))
    ]
    # In a headline every word is capitalised, so "Minister Costa Unveils Harbour
    # Plans" cannot show where a name ends: only names the
    # running text confirms are taken from it.
    confirmed = {candidate.tokens for candidate in found}
    found.extend(
        candidate
        for block in blocks
        if _title_cased(block.text)
        for candidate in _candidates_in(block, _tokens(_running_text(block)))
        if candidate.tokens in confirmed
    )
    # "the Director of the Material Measurement Laboratory": a title ending in
    # "of the" or "for" is followed by an organisation, not a person.
    people = [
        candidate
        for candidate in found
        if candidate.kind == "person" and not _ends_in_link_word(candidate.description)
    ]
    latent: dict[str, _Candidate] = {}
    for candidate in found:
        if candidate.kind == "latent":
            latent.setdefault(candidate.tokens[-1], candidate)
    # A surname doing something only people do ("Adeyemi resigned") or after
    # a courtesy title ("Ms. Adeyemi") confirms an uncued full name ending in
    # it ("under the party's Ngozi Adeyemi"). After a post ("President Adeyemi")
    # it may be another person of the same name.
    for candidate in found:
        if _bare_surname(candidate) and candidate.tokens[0] in latent:
            people.append(latent.pop(candidate.tokens[0]))
    drafts = _merge(sorted(people, key=lambda item: (item.paragraph, item.start)))
    by_person: dict[str, list[Mention]] = {}
    for mention in _mentions(blocks, drafts):
        by_person.setdefault(mention.person, []).append(mention)
    return tuple(_person(draft, by_person) for draft in drafts)


def _bare_surname(candidate: _Candidate) -> bool:
    """A lone surname, alone or after a courtesy title: "Adeyemi said", "Ms. Adeyemi"."""
    return len(candidate.tokens) == 1 and (
        candidate.kind == "surname"
        or candidate.description.lower().rstrip(".") in HONORIFICS | {""}
    )


def _title_cased(text: str) -> bool:
    """Whether a block is a headline: short, no closing full stop, longer words capitalised."""
    stripped = text.strip()
    if stripped.endswith((".", "!", "?", "”", '"')) or len(stripped.split()) > 25:
        return False
    words = re.findall(r"[A-Za-z]{4,}", stripped)
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= 4 and capitalised >= 0.8 * len(words)


# A generational suffix after a name: "Tom R. Hale, IV", "Tom Hale, Jr.,".
_NAME_SUFFIX = re.compile(
    r"(?<=[a-z\u00e0-\u00ff]),(?P<suffix>\s(?:Jr\.|Sr\.|II|III|IV|V|VI))(?P<comma>,)?(?=[\s;:.]|$)"
)


# The gap a suffix leaves between a name and its description: ", IV,".
_SUFFIX_GAP = re.compile(r",\s(?:Jr\.|Sr\.|II|III|IV|V|VI),")


def _blank_suffix(match: re.Match[str]) -> str:
    """ "Hale, IV, a member" keeps its first comma for the description; "Hale, IV is" none."""
    if match.group("comma"):
        return "," + " " * (len(match.group()) - 1)
    return " " * len(match.group())


def _running_text(block: Block) -> str:
    """The block's text with footnote markers, name suffixes ("Hale, IV") and titles of
    other articles blanked: a suffix is not the start of a description."""
    text = mask_footnote_markers(block.text)
    text = _NAME_SUFFIX.sub(_blank_suffix, text)
    pieces: list[str] = []
    done = 0
    for reference in find_cross_references([block]):
        start = max(reference.start, done)
        pieces += [text[done:start], " " * (reference.end - start)]
        done = max(done, reference.end)
    pieces.append(text[done:])
    return "".join(pieces)


def find_mentions(blocks: Sequence[Block], people: Sequence[Person]) -> tuple[Mention, ...]:
    """Return every mention of ``people`` in ``blocks``, in reading order."""
    drafts = [
        _Draft(tokens=tuple(person.name.split()), paragraph=0, start=0, forms=list(person.aliases))
        for person in people
    ]
    return tuple(_mentions(blocks, drafts))


# Tokens --------------------------------------------------------------------


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    previous_end = 0
    previous_sentence_end = True
    for match in _RAW_TOKEN.finditer(text):
        raw = match.group()
        start, outer_end = match.start(), match.end()
        while raw and raw[0] in "‘’'":
            raw, start = raw[1:], start + 1
        core, sentence_end = raw, False
        if core.endswith(".") and not _keeps_period(core):
            core, sentence_end = core.rstrip("."), True
        possessive = re.search(r"[’']s?$", core) is not None and len(core) > 2
        if possessive:
            core = re.sub(r"[’']s?$", "", core)
        if not core:
            continue
        gap = text[previous_end:start]
        tokens.append(
            _Token(
                text=core,
                start=start,
                end=start + len(core),
                outer_end=outer_end,
                possessive=possessive,
                sentence_end=sentence_end,
                boundary_before=previous_sentence_end or bool(gap.strip()),
                gap=gap,
            )
        )
        previous_end, previous_sentence_end = outer_end, sentence_end
    return _without_nicknames(tokens)


def _without_nicknames(tokens: list[_Token]) -> list[_Token]:
    """Drop a quoted nickname inside a name: "Rosa M. “Rosie” Silva" is one name."""
    kept: list[_Token] = []
    skip_to = -1
    for index, token in enumerate(tokens):
        if index <= skip_to:
            continue
        following = tokens[index + 1] if index + 2 < len(tokens) else None
        if (
            following is not None
            and token.text[:1].isupper()
            and not token.sentence_end
            and following.gap in (" “", ' "')
            and tokens[index + 2].gap in ("” ", '" ')
            and following.text[:1].isupper()
            and tokens[index + 2].text[:1].isupper()
        ):
            kept.append(token)
            skip_to = index + 1
            tokens[index + 2].gap = " "
            tokens[index + 2].boundary_before = False
            continue
        kept.append(token)
    return kept


def _keeps_period(word: str) -> bool:
    return _INITIALS.fullmatch(word) is not None or word[:-1].lower() in _WORDS_WITH_STOPS


def _is_role(token: _Token) -> bool:
    parts = token.lower.split("-")
    return token.lower in ROLES or any(part in ROLES for part in parts)


def _is_honorific(token: _Token) -> bool:
    return token.lower.rstrip(".") in HONORIFICS and not token.possessive


def _is_name_token(token: _Token) -> bool:
    text = token.text
    if _PREFIXED_NAME_TOKEN.fullmatch(text):
        return True
    if not _NAME_TOKEN.fullmatch(text) or text.isupper() or _is_role(token):
        return False
    lowered = token.lower
    parts = lowered.split("-")
    return (
        not any(part in _NOT_IN_NAMES for part in parts)
        and not lowered.endswith("stan")
        and not (token.boundary_before and lowered.endswith("ing"))
    )


def _is_capitalised(token: _Token) -> bool:
    return token.text[:1].isupper() and token.lower not in _FUNCTION_WORDS


# Candidates ----------------------------------------------------------------


def _candidates_in(block: Block, tokens: list[_Token]) -> Iterator[_Candidate]:
    """Classify each name run of a block by the evidence around it."""
    for first, last in _name_runs(tokens):
        if _goes_on_from_a_name(tokens, first, last):
            continue  # "the National Coalition Supporting Eurasian Jewry": a body's name
        run = tokens[first : last + 1]
        names = tuple(token.text for token in run)
        title = _title_before(block.text, tokens, first)
        if title is not None:
            names = _trim_after_complement(names, title.complement)
            if not names or (len(names) == 1 and not _bare_surname_allowed(tokens, first, last)):
                continue
            if len(names) == 1 and title.description.lower().startswith("the "):
                continue  # "the White House Executive Residence": one name, not a person.
            if len(names) < len(run) and _OFFICE_OF.search(title.description):
                # "Secretary of" + "Transportation", before "Ana Costa"
                scope = run[len(run) - len(names) - 1]
                title_start = block.text.rfind(title.description, 0, run[0].start)
                title = _Title(block.text[title_start : scope.end], title.complement)
            # A bare title ("Professor") gives way to a fuller appositive.
            description = (
                (title.description if " " in title.description else "")
                or _appositive_after(block.text, tokens, last)
                or _appositive_before(block.text, tokens, _after_honorifics(tokens, first), last)
                or title.description
            )
            yield _candidate(block, run, names, description, "person")
        elif len(names) == 1:
            if _acts_like_person(tokens, first, last):
                yield _candidate(block, run, names, "", "surname")
        elif _is_role(run[-1]):
            continue  # "the White House Grounds Superintendent": a post, not a name.
        elif not _inside_longer_name(tokens, first):
            description = (
                ""
                if _a_place_of_work(tokens, first)
                else _appositive_after(block.text, tokens, last)
                or _appositive_before(block.text, tokens, first, last)
                or _named_after_role(block.text, tokens, first)
            )
            cued = description or _acts_like_person(tokens, first, last) or _middle_initials(run)
            yield _candidate(block, run, names, description, "person" if cued else "latent")
    yield from _shouted_names(block, tokens)


# An office whose scope is a place or a portfolio, written straight before the
# holder's name: "Secretary of Transportation Ana Costa", "Mayor of Lisbon Rui
# Silva". After "President of" or "Founder of" the capitalised words are more
# likely a body named after someone ("Founder of Rosa Silva Studios").
_OFFICE_OF = re.compile(
    r"\b(?:secretary|minister|ambassador|commissioner|governor|mayor) (?:of|to)$", re.IGNORECASE
)


def _a_place_of_work(tokens: list[_Token], first: int) -> bool:
    """Whether the run is where someone works, not someone: "a Partner at Cohen Milstein,
    a member of the firm's …", "Prior to joining Cohen Milstein"."""
    if first == 0 or tokens[first].boundary_before:
        return False
    return tokens[first - 1].lower in _WORKPLACE_WORDS


_WORKPLACE_WORDS = frozenset({"at", "joining", "joined", "joins"})


def _goes_on_from_a_name(tokens: list[_Token], first: int, last: int) -> bool:
    """Whether the run opens on a capitalised "-ing" word right after a capitalised word:
    the rest of a body's name ("Coalition Supporting Eurasian Jewry"), not a person."""
    opening = tokens[first].text
    return (
        last > first
        and first > 0
        and not tokens[first].boundary_before
        and opening.endswith("ing")
        and len(opening) >= 7
        and _is_capitalised(tokens[first - 1])
    )


def _bare_surname_allowed(tokens: list[_Token], first: int, last: int) -> bool:
    """Whether one word after a title is a surname: "President Costa", "Dr. Adeyemi".

    The title must be capitalised or an honorific ("member Estonia" is not a
    person), and a number after the word makes it a document ("Executive
    Order 12").
    """
    title = tokens[first - 1]
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is not None and following.text[:1].isdigit():
        return False
    return title.text[:1].isupper() or _is_honorific(title)


def _after_honorifics(tokens: list[_Token], first: int) -> int:
    """The index of the first honorific directly before ``tokens[first]``, if any."""
    lead = first
    while lead > 0 and not tokens[lead].boundary_before and _is_honorific(tokens[lead - 1]):
        lead -= 1
    return lead


_LINK_WORDS = frozenset({"of", "the", "for", "at", "to", "in", "on", "and"})


def _ends_in_link_word(description: str) -> bool:
    words = description.split()
    return bool(words) and words[-1] in _LINK_WORDS


def _candidate(
    block: Block,
    run: Sequence[_Token],
    names: tuple[str, ...],
    description: str,
    kind: Literal["person", "latent", "surname"],
) -> _Candidate:
    start = run[len(run) - len(names)].start
    return _Candidate(block.number, start, names, description, kind)


def _name_runs(tokens: list[_Token]) -> Iterator[tuple[int, int]]:
    """Yield (first, last) indices of maximal runs that could be a name."""
    index = 0
    while index < len(tokens):
        if not (_is_name_token(tokens[index]) or _starts_with_initial(tokens, index)):
            index += 1
            continue
        first = last = index
        cursor = index
        while not tokens[cursor].possessive and cursor + 1 < len(tokens):
            following = tokens[cursor + 1]
            if following.boundary_before or last - first + 1 >= _MAX_NAME_TOKENS:
                break
            if _is_name_token(following):
                last = cursor = cursor + 1
            elif following.lower in _PARTICLES or _INITIAL.fullmatch(following.text):
                cursor += 1
            else:
                break
        if _is_name_token(tokens[last]) and not _organisation_follows(tokens, first, last):
            yield first, last
        index = last + 1


def _organisation_follows(tokens: list[_Token], first: int, last: int) -> bool:
    """ "Consumer Product Safety Commission": the run is the front of a body's name.

    The body's word may come a few capitalised words later ("Coastal Wind
    Energy Research Center"), or its acronym in brackets may spell the run
    and more ("Rural Water Users (NARWU)").
    """
    if tokens[last].possessive:
        return False
    for following in tokens[last + 1 : last + 4]:
        if following.boundary_before or not following.text[:1].isupper():
            break
        if following.lower in _ORGANISATION_WORDS:
            return True
    return _spelt_by_a_longer_acronym(tokens, first, last)


def _spelt_by_a_longer_acronym(tokens: list[_Token], first: int, last: int) -> bool:
    """ "Alliance of Rural Water Users (NARWU)": the bracketed acronym spells the run
    and words before it, so the run ends a body's name ("John F. Kennedy (JFK)" does not)."""
    if last + 1 >= len(tokens):
        return False
    acronym = tokens[last + 1]
    if acronym.gap.strip() != "(" or not acronym.text.isalpha() or not acronym.text.isupper():
        return False
    initials = "".join(
        token.text[0] for token in tokens[first : last + 1] if token.text[0].isupper()
    )
    return len(acronym.text) > len(initials) and acronym.text.endswith(initials)


def _starts_with_initial(tokens: list[_Token], index: int) -> bool:
    return (
        _INITIAL.fullmatch(tokens[index].text) is not None
        and index + 1 < len(tokens)
        and not tokens[index + 1].boundary_before
        and _is_name_token(tokens[index + 1])
    )


def _middle_initials(run: Sequence[_Token]) -> bool:
    """ "Ana R. Costa", "Rui A. L. Silva": a first name, initials and a surname
    are a person's; a body named after one goes on ("John F. Kennedy Center"), which
    :func:`_organisation_follows` has already ruled out."""
    return (
        len(run) >= 3
        and not _INITIAL.fullmatch(run[0].text)
        and _is_name_token(run[-1])
        and all(_INITIAL.fullmatch(token.text) for token in run[1:-1])
    )


def _inside_longer_name(tokens: list[_Token], first: int) -> bool:
    """ "Friends of the Earth": the run continues a longer proper name."""
    if first < 2 or tokens[first].boundary_before or tokens[first - 1].boundary_before:
        return False
    connector, before = tokens[first - 1], tokens[first - 2]
    return connector.lower in _NAME_CONNECTORS and _is_capitalised(before)


def _acts_like_person(tokens: list[_Token], first: int, last: int) -> bool:
    after = tokens[last + 1 : last + 3]
    if after and not after[0].boundary_before and not tokens[last].possessive:
        verb = after[0].lower
        if verb in _PEOPLE_SPEAK or verb in _PERSON_VERBS:
            return True
        participle = after[1].lower if len(after) > 1 else ""
        if verb in _AUXILIARIES and participle in _PERSON_PARTICIPLES:
            return True
    if first > 0 and not tokens[first].boundary_before:
        return tokens[first - 1].lower in INVERTED_SPEECH_VERBS
    return False


# Titles and descriptions ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Title:
    description: str
    complement: bool  # the title ends in "of …"/"to …" words before the name


def _title_before(text: str, tokens: list[_Token], first: int) -> _Title | None:
    """The job title or honorific that ends right before ``tokens[first]``."""
    if tokens[first].boundary_before or first == 0:
        return None
    chain_start = first
    while chain_start > 0 and first - chain_start < _MAX_TITLE_TOKENS:
        token = tokens[chain_start - 1]
        if not _in_title_chain(token) or tokens[chain_start].boundary_before:
            break
        chain_start -= 1
    chain = range(chain_start, first)
    roles = [
        index
        for index in chain
        if (_is_role(tokens[index]) or _is_honorific(tokens[index]))
        # "Head Start", "Eliminate Head Start Slots": a head is one of something.
        and not (tokens[index].lower == "head" and tokens[index + 1].lower != "of")
    ]
    if not roles:
        return None
    # "Senior Advisor to Assistant Secretary Roe": Roe is the Assistant Secretary, and
    # the advisor is someone named before. "Assistant to the President for …" stays whole.
    served = [i for i in chain if tokens[i].lower == "to" and tokens[i + 1].lower != "the"]
    if served and any(role > served[-1] for role in roles) and roles[-1] == first - 1:
        roles = [role for role in roles if role > served[-1]]
    last_role = roles[-1]
    complement = last_role != first - 1
    if complement and not _formal_title_scope(tokens, last_role):
        return None
    end = first
    while end > roles[0] and _is_honorific(tokens[end - 1]):
        end -= 1
    # "Chief of Staff of the Army General Randy George": the rank goes with the name, but
    # "Attorney General" and "Director General" are titles whole.
    while end - 1 > roles[0] and tokens[end - 1].lower in _RANKS and not _is_role(tokens[end - 2]):
        end -= 1
    if end == roles[0] and _is_honorific(tokens[roles[0]]):
        return _Title("", complement)  # "Dr. Name": the caller looks for an appositive
    start = _walk_back(tokens, roles[0])
    return _Title(text[tokens[start].start : tokens[end - 1].end], complement)


def _formal_title_scope(tokens: list[_Token], role: int) -> bool:
    """Whether the words after a role are its scope: "Minister of Public Works".

    Only a capitalised title takes a scope before a name; in "the founder of
    Radio Nova" the capitalised words are the object, not a person.
    """
    return tokens[role].text[:1].isupper() and tokens[role + 1].lower in _TITLE_CONNECTORS


def _in_title_chain(token: _Token) -> bool:
    return (
        _is_role(token)
        or _is_honorific(token)
        or token.lower in _TITLE_CONNECTORS
        or (_is_capitalised(token) and not token.possessive)
    )


def _trim_after_complement(names: tuple[str, ...], complement: bool) -> tuple[str, ...]:
    """After "Ambassador to Chile", a name is its last two words.

    Initials and particles between them belong to the name: after "Secretary
    of Public Works" the name is "Ana M. Costa", not "M. Costa".
    """
    if not complement:
        return names
    if len(names) < 2:
        return ()
    start, words = len(names), 0
    while start > 0 and words < 2:
        start -= 1
        word = names[start]
        if not (_INITIAL.fullmatch(word) or word.lower() in _PARTICLES):
            words += 1
    return names[start:]


def _walk_back(tokens: list[_Token], role: int) -> int:
    """Extend a title leftwards over its modifiers: "Brazilian deputy health minister".

    A body's name before the title is taken whole ("Council on Environmental
    Quality Chairman") or not at all, never cut after its "on" or "of".
    """
    start = role
    while start > 0 and role - start < _MAX_WALKBACK and _joined(tokens, start):
        token = tokens[start - 1]
        if token.lower in _DETERMINERS:
            start -= 1
            break
        if _inside_a_name(tokens, start - 1):
            start -= 1
            continue
        if not (_modifies_title(token) or _modified_noun(tokens, start - 1)):
            start = _through_determiner(tokens, start)
            break
        start -= 1
    return role if _cut_inside_a_name(tokens, start) else start


_BODY_NAME_LINKS = word_set("of on for")


def _inside_a_name(tokens: list[_Token], index: int) -> bool:
    """Whether ``tokens[index]`` is a word like "on" joining two parts of a body's name."""
    if index < 1 or index + 1 >= len(tokens) or tokens[index].text not in _BODY_NAME_LINKS:
        return False
    if not _joined(tokens, index) or not _joined(tokens, index + 1):
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    return (
        _is_capitalised(before)
        and _is_capitalised(after)
        and not before.possessive
        and not (_is_role(before) or _is_honorific(before) or _is_role(after))
    )


def _cut_inside_a_name(tokens: list[_Token], start: int) -> bool:
    """Whether a title starting at ``tokens[start]`` would begin halfway through a name."""
    link = start - 1
    if link < 1 or tokens[link].text not in _BODY_NAME_LINKS or not _joined(tokens, start):
        return False
    return _joined(tokens, link) and _is_capitalised(tokens[link - 1])


def _modified_noun(tokens: list[_Token], index: int) -> bool:
    """A plain noun inside a title: "city transport director", "Nordic trade official"."""
    token = tokens[index]
    if not token.text.isalpha() or not token.text.islower():
        return False
    if token.lower in _FUNCTION_WORDS | _AUXILIARIES | _PEOPLE_SPEAK:
        return False
    if len(token.text) > 4 and token.lower.endswith("ed"):
        return False  # a verb: "President Costa called President Adeyemi"
    if index == 0 or not _joined(tokens, index):
        return False
    before = tokens[index - 1]
    return before.lower in ROLE_MODIFIERS or _is_capitalised(before)


def _joined(tokens: list[_Token], index: int) -> bool:
    """Whether ``tokens[index]`` continues the phrase of the word before it.

    An acronym in brackets inside a title does not break it:
    "U.S. Cyber Command (CYBERCOM) Commander".
    """
    token = tokens[index]
    if not token.boundary_before:
        return True
    gap = token.gap.strip()
    if gap == "(" and token.text.isupper() and index + 1 < len(tokens):
        return tokens[index + 1].gap.strip() == ")"
    if gap == ")" and tokens[index - 1].text.isupper():
        return tokens[index - 1].gap.strip() == "("
    return False


def _modifies_title(token: _Token) -> bool:
    if token.lower in CALENDAR_WORDS or token.text[:1].isdigit():
        return False
    if token.possessive or token.lower in ROLE_MODIFIERS or _is_role(token):
        return True
    if token.boundary_before and token.lower.endswith(("ing", "ed")):
        return False  # "Addressing …", "Meeting …" open a clause
    return _is_capitalised(token) or token.text.isupper()


def _through_determiner(tokens: list[_Token], start: int) -> int:
    """Take in "a great journalist": two plain words back to a determiner."""
    for reach in (1, 2, 3):
        index = start - reach
        if index < 0 or tokens[index + 1].boundary_before:
            break
        token = tokens[index]
        if token.lower in _DETERMINERS:
            return index
        if not token.lower.isalpha() or token.lower in _FUNCTION_WORDS or token.text[:1].isupper():
            break
    return start


def _appositive_after(text: str, tokens: list[_Token], last: int) -> str:
    """ "Name, a water engineer at …," -> the phrase after the comma."""
    following = last + 1
    if following >= len(tokens) or tokens[last].possessive:
        return ""
    gap = text[tokens[last].outer_end : tokens[following].start].strip()
    if gap != "," and not _SUFFIX_GAP.fullmatch(gap):
        return ""
    end = following
    while end + 1 < len(tokens) and not tokens[end].sentence_end:
        if tokens[end + 1].boundary_before or end - following >= _MAX_APPOSITIVE_TOKENS:
            break
        end += 1
    phrase = tokens[following : end + 1]
    if any(_is_honorific(token) for token in phrase) or _ends_in_titled_name(phrase):
        return ""  # the next person in a list of titled names
    head = phrase[: min(len(phrase), 6)]
    if not any(_is_role(token) for token in head):
        return ""
    first_word = phrase[0]
    if not (
        first_word.lower in _DETERMINERS
        or _is_role(first_word)
        or first_word.lower in ROLE_MODIFIERS
        or _is_capitalised(first_word)
    ):
        return ""
    return text[phrase[0].start : phrase[-1].end]


def _ends_in_titled_name(phrase: Sequence[_Token]) -> bool:
    """ "Minister Ngozi Adeyemi": a title and then a full name, the next person of a list.

    "Senior Advisor to Minister Ngozi Adeyemi" is a post held under that person.
    """
    return (
        len(phrase) >= 3
        and all(token.text[:1].isupper() for token in phrase)
        and _is_role(phrase[-3])
        and _is_name_token(phrase[-2])
        and _is_name_token(phrase[-1])
    )


def _appositive_before(text: str, tokens: list[_Token], lead: int, last: int) -> str:
    """ "BBC reporter, Name." or "the Adviser to the President …, Dr. Name,".

    ``lead`` is the first word of the name (or of its honorific), ``last`` its last.
    """
    if lead == 0 or text[tokens[lead - 1].outer_end : tokens[lead].start].strip() != ",":
        return ""
    if last + 1 < len(tokens) and not (
        tokens[last].sentence_end or tokens[last + 1].boundary_before
    ):
        return ""
    end = lead - 1
    start = end
    while start > 0 and not tokens[start].boundary_before and end - start < _MAX_TITLE_TOKENS:
        start -= 1
    segment = range(start, end + 1)
    if _is_role(tokens[end]):
        return text[tokens[_walk_back(tokens, end)].start : tokens[end].end]
    roles = [index for index in segment if _is_role(tokens[index])]
    determiners = [index for index in segment if tokens[index].lower in _DETERMINERS]
    leading = [index for index in determiners if roles and index < roles[0]]
    if leading:
        return text[tokens[leading[-1]].start : tokens[end].end]
    return ""


def _named_after_role(text: str, tokens: list[_Token], first: int) -> str:
    """ "a great journalist named Name" -> "a great journalist"."""
    if first < 2 or tokens[first].boundary_before:
        return ""
    if tokens[first - 1].lower not in {"named", "called"}:
        return ""
    for index in range(first - 2, max(first - 5, -1), -1):
        if tokens[index + 1].boundary_before:
            break
        if _is_role(tokens[index]):
            return text[tokens[_walk_back(tokens, index)].start : tokens[index].end]
    return ""


def _shouted_names(block: Block, tokens: list[_Token]) -> Iterator[_Candidate]:
    """ "Mr. SMITH of Ohio": a speaker label in capitals after an honorific."""
    for index in range(1, len(tokens)):
        token = tokens[index]
        if (
            _is_honorific(tokens[index - 1])
            and not token.boundary_before
            and token.text.isalpha()
            and token.text.isupper()
            and len(token.text) >= 3
        ):
            name = token.text.capitalize()
            yield _Candidate(block.number, token.start, (name,), "", forms=(token.text,))


# Merging and mentions ------------------------------------------------------


def _merge(candidates: Sequence[_Candidate]) -> list[_Draft]:
    drafts = _Drafts()
    for candidate in candidates:
        draft = drafts.matching(candidate.tokens)
        if draft is not None and _other_post(draft, candidate):
            # "President Costa", then "First Lady Ana Costa": the other one, if named before.
            draft = drafts.other_holder(candidate)
        if draft is None:
            draft = drafts.add(_Draft(candidate.tokens, candidate.paragraph, candidate.start))
        elif len(candidate.tokens) > len(draft.tokens) and len(draft.tokens) == 1:
            drafts.rename(draft, candidate.tokens)  # "President Costa", later "Ana Costa"
        if candidate.description:
            if len(candidate.tokens) > 1 and not draft.full_description:
                draft.full_description = candidate.description
            if not draft.any_description:
                draft.any_description = candidate.description
        written = " ".join(candidate.tokens)
        if len(candidate.tokens) > 1 and candidate.tokens != draft.tokens:
            # "Sousa Vidal" for Ana Sousa Vidal: a shorter way the text writes them.
            draft.forms.extend([written] if written not in draft.forms else [])
        draft.forms.extend(form for form in candidate.forms if form not in draft.forms)
    return drafts.drafts


def _other_post(draft: _Draft, candidate: _Candidate) -> bool:
    """Whether a bare surname and a full name are a couple: "President Costa", then
    "First Lady Ana Costa". One person may hold several posts ("Chairman Costa",
    "Foreign Minister Luis Costa"), so only a spouse's title tells two people apart."""
    if len(draft.tokens) > 1 and len(candidate.tokens) > 1:
        return False
    spouses = [
        _SPOUSE_TITLE.search(d) is not None for d in (draft.any_description, candidate.description)
    ]
    return all((draft.any_description, candidate.description)) and spouses[0] != spouses[1]


_SPOUSE_TITLE = re.compile(r"\bFirst (?:Lady|Gentleman)\b", re.IGNORECASE)


class _Drafts:
    """The people merged so far, indexed by each way a new name may name one of them.

    ``matching`` gives the draft the old scan over every draft, latest first,
    would give: the latest with the same name, else the latest ``_same_person``.
    A draft is indexed under every name it has had; the index is checked
    against its present name.
    """

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.numbers: dict[int, int] = {}  # id of a draft -> its place in ``drafts``
        self.index: dict[tuple[str, object], list[int]] = {}  # key -> ascending numbers

    def add(self, draft: _Draft) -> _Draft:
        self.numbers[id(draft)] = len(self.drafts)
        self.drafts.append(draft)
        self._index(len(self.drafts) - 1)
        return draft

    def rename(self, draft: _Draft, tokens: tuple[str, ...]) -> None:
        draft.tokens = tokens
        self._index(self.numbers[id(draft)])

    def _index(self, number: int) -> None:
        tokens = self.drafts[number].tokens
        keys: list[tuple[str, object]] = [
            ("name", tokens),
            ("joined", " ".join(tokens).lower()),
            ("surname", _surname(tokens).lower()),
        ]
        keys += [("prefix", tokens[:length]) for length in range(2, len(tokens))]
        keys += [("tail", tokens[length:]) for length in range(1, len(tokens) - 1)]
        if len(tokens) > 1:
            keys.append(("ends", (tokens[0], tokens[-1])))
        for key in keys:
            insort(self.index.setdefault(key, []), number)

    def matching(self, tokens: tuple[str, ...]) -> _Draft | None:
        same = self._latest([("name", tokens)], lambda draft: draft.tokens == tokens)
        if same is not None:
            return same
        keys: list[tuple[str, object]] = [
            ("surname", " ".join(tokens).lower()),
            ("joined", _surname(tokens).lower()),
        ]
        keys += [("name", tokens[:length]) for length in range(2, len(tokens))]
        if len(tokens) > 1:
            keys += [("prefix", tokens), ("ends", (tokens[0], tokens[-1])), ("tail", tokens)]
        return self._latest(keys, lambda draft: _same_person(draft.tokens, tokens))

    def other_holder(self, candidate: _Candidate) -> _Draft | None:
        """The latest person of the candidate's surname but not of another post."""
        numbers = self.index.get(("surname", _surname(candidate.tokens).lower()), [])
        for number in reversed(numbers):
            other = self.drafts[number]
            if _same_person(other.tokens, candidate.tokens) and not _other_post(other, candidate):
                return other
        return None

    def _latest(
        self, keys: list[tuple[str, object]], test: Callable[[_Draft], bool]
    ) -> _Draft | None:
        best = -1
        for key in keys:
            for number in reversed(self.index.get(key, [])):
                if number <= best:
                    break
                if test(self.drafts[number]):
                    best = number
                    break
        return self.drafts[best] if best >= 0 else None


def _same_person(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) < len(longer) and " ".join(shorter).lower() == _surname(longer).lower():
        return True  # a surname ("Costa", "De Souza") and a full name
    if len(shorter) > 1 and longer[: len(shorter)] == shorter:
        return True  # "Rosa Elena Silva" within "Rosa Elena Silva Pereira"
    if len(shorter) > 1 and longer[-len(shorter) :] == shorter and not _INITIAL.match(shorter[0]):
        return True  # "Judge Sousa Vidal" for Ana Sousa Vidal: a two-word surname
    # "Rosa Silva" for "Rosa Elena Silva"
    return len(shorter) > 1 and (shorter[0], shorter[-1]) == (longer[0], longer[-1])


def _surname(tokens: tuple[str, ...]) -> str:
    if len(tokens) > 2 and tokens[-2].lower() in _PARTICLES:
        return f"{tokens[-2]} {tokens[-1]}"
    return tokens[-1]


def _forms(draft: _Draft) -> list[str]:
    forms = [draft.name, *draft.forms]
    if len(draft.tokens) > 1:
        forms.append(_surname(draft.tokens))
    return forms


class _FormNode:
    """One word of the ways people are written: the words that may follow it, and
    whether a way of writing someone ends here."""

    __slots__ = ("children", "end")

    def __init__(self) -> None:
        self.children: dict[str, _FormNode] = {}
        self.end = False


# Characters of the words of a name ("O’Brien", "Smith-Jones", "J.D.").
_FORM_WORD = re.compile(r"[\w’'.-]+")
_FORM_WORD_CUT = re.compile(r"[’'.]")  # a name may end before these, inside a word
_FOLLOWING_NAME = re.compile(r" ([A-ZÀ-Þ][\w’'-]*)")


class _Forms:
    """Finds every way of writing the people in a text, a word at a time.

    At each place a name may start (no letter, digit, apostrophe or hyphen just
    before) it finds the longest form written there that ends a word (no letter,
    digit or hyphen just after), as a search for all the forms, longest first,
    would; a form opening in lower case ("de Souza") also opens in upper case.
    Trying each form at each word would take time in their product.
    """

    def __init__(self, forms: set[str]) -> None:
        self.root = _FormNode()
        openings: set[str] = set()
        # Forms not made of name words (one a reader typed, say) are searched for
        # as written, at the same places.
        others: list[str] = []
        for form in filter(None, forms):
            cases = {form[0], *form[0].upper()} if form[0].islower() else {form[0]}
            openings |= cases
            words = form.split(" ")
            if not all(_FORM_WORD.fullmatch(word) for word in words):
                others.append(form)
                continue
            for case in cases:
                node = self.root
                for word in [case + words[0][1:], *words[1:]]:
                    node = node.children.setdefault(word, _FormNode())
                node.end = True
        others.sort(key=len, reverse=True)
        self.others = (
            re.compile("|".join(_form_pattern(form) for form in others)) if others else None
        )
        characters = re.escape("".join(sorted(openings)))
        self.start = re.compile(rf"(?<![\w’'-])(?=[{characters}])" if openings else r"(?!)")

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each form written in ``text``, in reading order."""
        position = 0
        while (opening := self.start.search(text, position)) is not None:
            start = opening.start()
            end = self._longest_at(text, start)
            if end < 0:
                position = start + 1
                continue
            yield start, end
            position = end

    def _longest_at(self, text: str, start: int) -> int:
        """Where the longest form written at ``start`` ends, or -1."""
        other = self.others.match(text, start) if self.others is not None else None
        best = other.end() if other is not None else -1
        node = self.root
        position = start
        while (run := _FORM_WORD.match(text, position)) is not None:
            word = run.group()
            cuts = [cut.start() for cut in _FORM_WORD_CUT.finditer(word, 1)]
            for cut in [*cuts, len(word)]:
                child = node.children.get(word[:cut])
                if child is not None and child.end:
                    best = position + cut
            following = node.children.get(word)
            if following is None or not text.startswith(" ", run.end()):
                break
            node = following
            position = run.end() + 1
        return best


def _form_pattern(form: str) -> str:
    escaped = re.escape(form)
    if form[:1].islower():  # "de Souza" also opens a sentence as "De Souza"
        escaped = f"[{form[0]}{form[0].upper()}]{re.escape(form[1:])}"
    return rf"(?<![\w’'-]){escaped}(?![\w-])"


def _mentions(blocks: Sequence[Block], drafts: Sequence[_Draft]) -> list[Mention]:
    owners: dict[str, dict[int, None]] = {}  # a form, lower-cased -> the drafts it names
    keys: list[set[str]] = []  # a draft -> its forms, lower-cased
    for index, draft in enumerate(drafts):
        keys.append({form.lower() for form in _forms(draft)})
        for form in _forms(draft):
            owners.setdefault(form.lower(), {})[index] = None
    if not owners:
        return []
    forms = _Forms({form for draft in drafts for form in _forms(draft)})
    # A form naming several people names the one mentioned last, else the first.
    latest: dict[str, int] = {}
    mentions: list[Mention] = []
    for block in blocks:
        for start, end in forms.finditer(block.text):
            written = block.text[start:end]
            people = owners[written.lower()]
            surname_only = len(people) > 1 or len(written.split()) == 1
            if surname_only and _followed_by_name(block.text, end):
                continue  # "Costa Rica" is not Ana Costa
            owner = _titled_owner(block.text, start, people, drafts)
            if owner is None:
                owner = latest.get(written.lower(), next(iter(people)))
            for key in keys[owner]:
                latest[key] = owner
            mentions.append(Mention(block.number, start, end, drafts[owner].name, written))
    return mentions


def _titled_owner(
    text: str, start: int, people: dict[int, None], drafts: Sequence[_Draft]
) -> int | None:
    """Of several people a surname may name, the one whose title stands before it:
    "President Costa" after "First Lady Ana Costa" is still the president."""
    if len(people) < 2:
        return None
    before = _TITLE_WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return None
    word = before.group(1).lower()
    holders = [
        index
        for index in people
        if word in re.findall(r"[a-z]+", _description(drafts[index]).lower())
    ]
    return holders[0] if len(holders) == 1 else None


_TITLE_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.? $")


def _description(draft: _Draft) -> str:
    return draft.full_description or draft.any_description


def _followed_by_name(text: str, end: int) -> bool:
    following = _FOLLOWING_NAME.match(text, end)
    if following is None:
        return False
    token = _Token(following.group(1), 0, 0, 0, False, False, False)
    return _is_name_token(token)


def _person(draft: _Draft, mentions: dict[str, list[Mention]]) -> Person:
    own = mentions.get(draft.name, [])
    paragraphs = sorted({mention.paragraph for mention in own} | {draft.paragraph})
    aliases = dict.fromkeys(mention.text for mention in own if mention.text != draft.name)
    return Person(
        name=draft.name,
        description=_description(draft),
        first_paragraph=paragraphs[0],
        paragraphs=tuple(paragraphs),
        aliases=tuple(aliases),
    )
