"""Find the abbreviations an article defines inline and those it never defines.

Three inline forms are recognised:

* "Full Name (ACR)", optionally with a comment: "(ROK, or South Korea)";
* "ACR (Full Name)";
* the appositive "Full Name, ACR." used by some official texts.

A definition is accepted only when the acronym's letters can be traced to the
words of the name (initials first, then prefixes such as Cent-com, then
letters inside words such as NonStrategic), or, for an acronym in parentheses
right after a capitalised name, when it plausibly abbreviates that name in
another language or with a word left out. A wrong glossary entry is worse
than a missing one, so anything else is left alone.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import lru_cache

from briefings.text.article import Abbreviation, Block, Definition
from briefings.text.lexicon import ROLES, word_set
from briefings.text.sentences import next_sentence_start
from briefings.text.structure import mask_dateline, mask_footnote_markers

# Words an initialism may skip (or, like the "o" of "DoD", take a letter from).
_SMALL_WORDS = word_set(
    """
    a an and at by d da das de del della der des di do dos du e el en et for from in la las
    le les los of on or the to und van von with y & für
    """
)
_NUMBER_WORDS = word_set("one two three four five six seven eight nine ten eleven twelve twenty")
# Country names everyone knows; listing them as "undefined" would only add noise.
_COUNTRY_ABBREVIATIONS = frozenset({"US", "USA", "U.S.", "U.S.A.", "UK", "U.K."})
# Ordinary words written in capitals for emphasis ("did NOT").
_SHOUTED_WORDS = word_set(
    """
    A AN AND ARE AS AT BE BUT BY DO FOR FROM HAS HAVE HE IF IN MUST MY NEVER NO NOT OF ON
    ONLY OR OUR SHE SO THAT THE THEY THIS TO VERY WAS WE WERE WILL WITH YES YOU
    ALL ANY BREAKING CLICK FREE HERE HOW LIVE MORE NEW NOTE NOW OFF OUT READ STOP THERE
    UPDATE UPDATED WATCH WHAT WHEN WHERE WHO WHY
    """
)
_FINITE_VERBS = word_set(
    """
    is are was were has have had said says told will would can could may might did does do
    shall should must
    """
)
_RELATIVE_PRONOUNS = word_set("who whom whose which that")

_PARENTHETICAL = re.compile(r"\((?P<inner>[^()]*)\)")
_TERM = r"[A-Z][A-Za-z0-9]*(?:[-/&+.][A-Za-z0-9]+)*\.?"
# A term may be two capitalised tokens ("FY2020 NDAA"); a comment follows "," ";" or "or".
_CAPS_WORD = r"[A-Z][A-Z0-9&/+-]*[A-Z0-9]"
# The comment is greedy and stripped by its reader: a lazy one tried the end of the
# text after every character, which is quadratic in a long parenthetical.
_PAREN_TERM = re.compile(
    rf"^\s*(?P<term>{_TERM}|{_CAPS_WORD}\s{_CAPS_WORD})"
    r"\s*(?:(?:[,;]|\s+or\b)\s*(?P<comment>.*))?\s*$"
)
# "[RDT&E]" inside a parenthetical list: "(2nd Combined Arms Army [CAA], …)".
_BRACKETED = re.compile(r"(?<=\s)\[(?P<inner>[^\[\]()\n]{1,40})\]")
# "uranium-235 (u-235)": a hyphenated isotope-like name and its short form.
_NUMBERED_NAME = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z]{3,30})-(?P<number>\d{1,4})\s+"
    r"\((?P<term>[A-Za-z]{1,3})-(?P=number)\)"
)
# A short form in lower case ("kilograms (kg)") is read only after a single word.
_LOWER_TERM = re.compile(r"^\s*(?P<term>[a-z]{2,3})\s*$")
_TERM_BEFORE_PAREN = re.compile(rf"(?<![\w.-])(?P<term>{_TERM})\s+\((?P<inner>[^()]+)\)")
_APPOSITIVE_TERM = re.compile(
    r",\s+(?:or\s+)?(?P<term>[A-Z][A-Z0-9&/+-]*[A-Z0-9]s?)(?=\s*(?:[.;:,)]|$))"
)
_CAPS_TOKEN = re.compile(
    r"(?<![\w.&/+’'-])"
    r"(?P<term>(?:[A-Z]\.){2,}|[A-Z][A-Z0-9]*(?:[&/+][A-Z0-9]+)*(?:-\d{1,2}(?!\d))?"
    r"|[A-Z][a-z]+-\d{1,2}(?!\d))"
    r"(?P<plural>s)?(?![\w&/+])"
)
# Three or more capitalised words in a row are a shouted headline, not acronyms.
_SHOUTED_RUN = re.compile(r"(?<![\w’'])[A-Z][A-Z’'-]*(?![\w’'])(?: [A-Z][A-Z’'-]*(?![\w’'])){2,}")
# Two capitalised words opening a block or ending in a colon: "PRESS RELEASE", "FACT SHEET:".
_SHOUTED_PAIR = re.compile(
    r"(?:^\s*[A-Z][A-Z’'-]{1,20} [A-Z][A-Z’'-]{1,20}(?![\w’'&/+-])"
    r"|(?<![\w’'&/+-])[A-Z][A-Z’'-]{1,20} [A-Z][A-Z’'-]{1,20}:)"
)
# Initials before a surname ("J.D. Grom") belong to a name.
_INITIALS_OF_NAME = re.compile(r"(?:[A-Z]\.){2,3} [A-Z][a-z]")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Madam|Mister|Sen|Rep|Gov)\.?\s+$")
_ROMAN_NUMERAL = re.compile(r"(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")
_CLAUSE_BREAK = re.compile(r"[,;:!?()\[\]\"“”]")
_WORD = re.compile(r"\S+")

_MAX_DIGITS = 2  # more digits than this is a code ("IF12964"), not an abbreviation
_MIN_EXPANSION_WORDS = 2
_MAX_EXPANSION_WORDS = 12
_MAX_DESCRIPTION_WORDS = 15
_WINDOW_REACH = 400  # characters to look back from a parenthesis for the name
_MAX_TERM_LETTERS = 20  # longer capitals are a shouted word or a code, not an acronym
_DESCRIPTION_REACH = re.compile(rf"(?:[\s.]*+[^\s.]\S*+){{{_MAX_DESCRIPTION_WORDS + 1}}}")
# How far the sentence splitter reads around a break: ahead, a footnote marker
# ("[iiiiii]"); back, the abbreviation or initialism before a full stop.
_SENTENCE_LOOKAHEAD = 8
_SENTENCE_LOOKBACK = 32
# Words and acronyms up to this long are read once and kept; a longer one (an
# attacker's run of capitals, say) is read each time rather than kept.
_CACHED_LENGTH = 64


class _Tier(IntEnum):
    """How freely a word may supply letters, tried in this order."""

    INITIALS = 1  # its initial, or the initials of its hyphenated parts
    PREFIX = 2  # any prefix: Euro-pean Pol-ice -> Europol
    SUBSEQUENCE = 3  # letters inside it: N-on-S-trategic -> NS
    ANYWHERE = 4  # for formulas only: letters anywhere in a later word, hexa-F-luoride -> UF6


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    letters: str  # lower-case letters to trace, plural "s" removed
    has_digits: bool
    all_caps: bool


@dataclass(frozen=True, slots=True)
class _Word:
    raw: str
    start: int
    end: int
    letters: str
    initials: str
    small: bool
    number: bool
    capitalised: bool


def find_glossary(
    blocks: Sequence[Block],
) -> tuple[tuple[Definition, ...], tuple[Abbreviation, ...]]:
    """Return the inline definitions and the undefined abbreviations of an article.

    Definitions come in reading order, one per term (the first wins when a
    term is defined twice). ``first_used_in`` is the first block using the
    acronym or its expansion, which may precede the definition. Undefined
    abbreviations are capitalised tokens such as "WHO", "AT&T", "G20" or
    "H5N1" that are used but never defined; single letters, roman
    numerals, codes with more than two digits, footnote markers, names in
    capitals after "Mr." and similar, runs of shouted words, and the
    well-known country abbreviations US, USA, UK (with or without dots) are
    not reported.
    """
    masked = {block.number: mask_dateline(mask_footnote_markers(block.text)) for block in blocks}
    found: dict[str, Definition] = {}
    for block in blocks:
        for definition in _definitions_in(block, masked[block.number], found):
            found.setdefault(_term_key(definition.term), definition)
    ordered = sorted(found.values(), key=lambda item: (item.defined_in, item.start))
    definitions = tuple(
        replace(definition, first_used_in=first)
        for definition, first in zip(ordered, _first_uses(ordered, blocks, masked), strict=True)
    )
    # "NDAA" on its own is covered by the definition of "FY2020 NDAA".
    parts = {_term_key(piece) for key in found for piece in key.split()[1:]}
    return definitions, _undefined(blocks, masked, set(found) | parts)


# Definitions ---------------------------------------------------------------


def _definitions_in(block: Block, text: str, known: Container[str] = ()) -> Iterator[Definition]:
    for match in _PARENTHETICAL.finditer(text):
        written = _PAREN_TERM.match(match.group("inner"))
        if written is not None and _term_key(written.group("term")) in known:
            continue  # the first definition of a term wins: skip the work
        definition = _name_then_acronym(block, text, match)
        if definition is not None:
            yield definition
    for match in _TERM_BEFORE_PAREN.finditer(text):
        definition = _acronym_then_name(block, text, match)
        if definition is not None:
            yield definition
    for match in _APPOSITIVE_TERM.finditer(text):
        definition = _name_comma_acronym(block, text, match)
        if definition is not None:
            yield definition
    for match in _BRACKETED.finditer(text):
        definition = _name_then_acronym(block, text, match)
        if definition is not None:
            yield definition
    for match in _NUMBERED_NAME.finditer(text):
        name, term = match.group("name"), match.group("term")
        if name.lower().startswith(term.lower()):
            words = _words(
                text[match.start() : match.start("number") + len(match.group("number"))],
                match.start(),
            )
            yield _definition(
                block, f"{term}-{match.group('number')}", match.start(), match.end(), words, ""
            )


def _name_then_acronym(block: Block, text: str, match: re.Match[str]) -> Definition | None:
    """ "Shanghai Cooperation Organisation (SCO)"."""
    parts = _PAREN_TERM.match(match.group("inner"))
    if parts is None:
        lower = _LOWER_TERM.match(match.group("inner"))
        return _single_word_definition(block, text, match, lower.group("term")) if lower else None
    written = parts.group("term")
    term = _parse_term(written) if " " not in written else _parse_pair(written)
    if term is None:
        return None
    window = _window_before(text, match.start())
    expansion = (
        _traced_suffix(term, window)
        or _traced_before_a_title(term, window)
        or _traced_list(term, text, match.start())
        or _loose_name(term, window)
        or _name_around(term, text, window, match.end())
    )
    if expansion is None:
        return _single_word_definition(block, text, match, term.text)
    comment = (parts.group("comment") or "").strip()
    description = _description(comment) or _appositive_after(text, match.end())
    return _definition(block, term.text, expansion[0].start, match.end(), expansion, description)


def _single_word_definition(
    block: Block, text: str, match: re.Match[str], term: str
) -> Definition | None:
    """ "kilograms (kg)", "renminbi (RMB)", "anti-satellite (ASAT)": one word, its letters in order.

    The short form's letters must run through the word from its first letter.
    The word must be in lower case, and a two-letter capitalised form needs a
    hyphenated word: otherwise the letters are too often a code.
    """
    window = _window_before(text, match.start())
    if not window or (match.group().startswith("[")):
        return None
    word = window[-1]
    letters = "".join(char for char in term.lower() if char.isalpha())
    if not term.isalpha() or not (term.islower() or term.isupper()):
        return None
    if len(word.letters) < 5 or not word.letters.isalpha() or not 2 <= len(letters) <= 5:
        return None
    if not word.raw.islower():
        return None  # a proper name ("Kabul (KBL)") is too often followed by a code
    if term.isupper() and len(letters) == 2 and "-" not in word.raw:
        return None
    if letters[0] != word.letters[0] or not _is_subsequence(letters[1:], word.letters[1:]):
        return None
    if term.lower() == word.letters:
        return None
    return _definition(block, term, word.start, match.end(), (word,), "")


def _traced_list(term: _Term, text: str, position: int) -> tuple[_Word, ...] | None:
    """A serial list before the parenthesis: "positioning, navigation, and timing (PNT)"."""
    window = _window_before(text, position, commas=True)
    traced = _traced_suffix(term, window)
    if traced is None and term.has_digits:
        repeated = _repeated_letter(term)
        if repeated is not None:
            traced = _traced_suffix(repeated, window)
    if traced is None:
        return None
    spanned = text[traced[0].start : traced[-1].end]
    return traced if "," in spanned else None


def _repeated_letter(term: _Term) -> _Term | None:
    """ "NC3" read as N, C, C, C: a letter with a count after it."""
    found = re.fullmatch(r"([A-Z]+)([A-Z])([2-4])", term.text)
    if found is None:
        return None
    letters = (found.group(1) + found.group(2) * int(found.group(3))).lower()
    return _Term(text=term.text, letters=letters, has_digits=False, all_caps=True)


def _name_around(
    term: _Term, text: str, window: tuple[_Word, ...], after: int
) -> tuple[_Word, ...] | None:
    """A name the short form sits inside, or one in another language or script.

    "the Special Operations (SSO) Forces", "Federal Penitentiary Service
    (FSIN)", "the State Committee for National Security (GKNB)": an
    all-capitals form right after a capitalised name of two or more words
    that it shares a letter with. The name must start with the same letter
    or have three or more words, and a name that continues after the
    parenthesis is read as a whole.
    """
    if not term.all_caps or term.has_digits or not 3 <= len(term.letters) <= 6:
        return None
    if term.text in _COUNTRY_ABBREVIATIONS:
        return None
    name = list(_capitalised_tail(window, articles_break=True))
    continuation = re.match(r"\s+((?:[A-Z][a-z]+\s?){1,3})(?=[\s,.;:]|$)", text[after : after + 80])
    # "the Department of Agriculture’s (USDA) Reconnect Program": what follows a
    # possessive is the body's, not part of its name.
    if name and _POSSESSIVE_END.search(name[-1].raw):
        continuation = None
    if continuation and name:
        following = _words(continuation.group(1), after + continuation.start(1))
        name += [word for word in following if word.capitalised]
    content = [word for word in name if not word.small]
    if len(content) < _MIN_EXPANSION_WORDS:
        return None
    initials = {word.letters[0] for word in content if word.letters}
    if not initials & set(term.letters):
        return None
    if term.letters[0] != content[0].letters[0] and len(content) < 3:
        return None
    return tuple(name)


def _acronym_then_name(block: Block, text: str, match: re.Match[str]) -> Definition | None:
    """ "WHO (World Health Organization)"."""
    term = _parse_term(match.group("term"))
    if term is None or sum(char.isupper() for char in term.text) < 2:
        return None
    inner = match.group("inner")
    name = re.split(r"[,;]", inner, maxsplit=1)[0]
    offset = match.start("inner")
    words = _words(name, offset)
    if any(not re.fullmatch(r"[^\W\d_][\w’'&.-]*|&", word.raw) for word in words):
        return None
    if not words or not _traces(term, tuple(words), _Tier.SUBSEQUENCE):
        return None
    return _definition(
        block,
        term.text,
        match.start("term"),
        match.end(),
        words,
        _appositive_after(text, match.end()),
    )


def _name_comma_acronym(block: Block, text: str, match: re.Match[str]) -> Definition | None:
    """ "Economic Community of West African States, ECOWAS."."""
    term = _parse_term(match.group("term"))
    if term is None or not term.all_caps:
        return None
    expansion = _traced_suffix(term, _window_before(text, match.start()))
    if expansion is None:
        return None
    return _definition(block, term.text, expansion[0].start, match.end("term"), expansion, "")


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _definition(
    block: Block,
    term: str,
    start: int,
    end: int,
    words: Sequence[_Word],
    description: str,
) -> Definition:
    contiguous = all(
        not re.search(r"[()\[\]]", block.text[before.end : after.start])
        for before, after in itertools.pairwise(words)
    )
    if contiguous:
        raw = block.text[words[0].start : words[-1].end]
    else:  # a name around its short form: "Special Operations (SSO) Forces"
        raw = " ".join(block.text[word.start : word.end] for word in words)
    # "the Council on Environmental Quality's (CEQ) review": the name is CEQ's, not the 's.
    expansion = _POSSESSIVE_END.sub("", " ".join(mask_footnote_markers(raw).split()))
    return Definition(
        term=term,
        expansion=expansion,
        description=description,
        defined_in=block.number,
        first_used_in=block.number,
        start=start,
        end=end,
    )


def _parse_term(text: str) -> _Term | None:
    """Read an acronym as written; None if it does not look like one.

    Articles repeat their acronyms, so short ones are read once.
    """
    return _parse_short_term(text) if len(text) <= _CACHED_LENGTH else _read_term(text)


@lru_cache(maxsize=1 << 12)
def _parse_short_term(text: str) -> _Term | None:
    return _read_term(text)


def _read_term(text: str) -> _Term | None:
    base = text.rstrip(".") if not _DOTTED.fullmatch(text) else text
    if _is_plural(base):
        base = base[:-1]  # MPs, CEOs
    letters = "".join(char for char in base if char.isalpha())
    digits = sum(char.isdigit() for char in base)
    uppers = sum(char.isupper() for char in base)
    mixed_word = uppers == 1 and base[1:].isalpha() and base[1:].islower() and 3 <= len(base) <= 8
    if not letters or digits > _MAX_DIGITS or (uppers < 2 and not (mixed_word or digits)):
        return None
    if len(letters) > _MAX_TERM_LETTERS:
        return None
    if len(letters) < 2 and not digits:
        return None
    if _ROMAN_NUMERAL.fullmatch(letters) and not digits:
        return None
    return _Term(
        text=text,
        letters=letters.lower(),
        has_digits=digits > 0,
        all_caps=letters.isupper(),
    )


def _parse_pair(text: str) -> _Term | None:
    """ "FY2020 NDAA": a short form and its qualifier, traced main part first.

    "National Defense Authorization Act for Fiscal Year 2020" spells NDAA,
    then FY (the year is a number the tracing may skip).
    """
    first, second = text.split()
    main, qualifier = _parse_term(second), re.fullmatch(r"([A-Z]{1,3})\d{2,4}", first)
    if main is None or qualifier is None:
        return None
    return _Term(
        text=text,
        letters=main.letters + qualifier.group(1).lower(),
        has_digits=True,
        all_caps=main.all_caps,
    )


def _term_key(term: str) -> str:
    """One key for "MP" and "MPs", "Unesco" and "UNESCO", "U.K." and "UK"."""
    base = term[:-1] if _is_plural(term) else term
    return base.replace(".", "").casefold()


def _is_plural(term: str) -> bool:
    return re.fullmatch(r".*[A-Z]s", term) is not None and sum(c.isupper() for c in term) >= 2


def _window_before(text: str, position: int, *, commas: bool = False) -> tuple[_Word, ...]:
    """The words of the clause that ends at ``position``, nearest last.

    With ``commas`` a comma does not end the clause (for serial lists).
    """
    # A clause of up to _MAX_EXPANSION_WORDS * 2 words fits well within this reach.
    start = max(0, position - _WINDOW_REACH)
    kept: list[_Word] = []
    for word_start, raw in _tokens_backwards(text, start, position):
        if raw.startswith("(") and len(raw) > 1:
            inner = raw[1:].rstrip(",") if commas else raw[1:]
            if inner and not _CLAUSE_BREAK.search(inner):
                kept.append(_word(inner, word_start + 1))
            break
        if commas and raw.endswith(",") and not _CLAUSE_BREAK.search(raw[:-1]):
            if raw == ",":
                break
            raw = raw[:-1]
        elif _CLAUSE_BREAK.search(raw):
            break
        if raw.endswith(".") and not _DOTTED.fullmatch(raw):
            break
        kept.append(_word(raw, word_start))
        if len(kept) == _MAX_EXPANSION_WORDS * 2:
            break
    return tuple(reversed(kept))


def _tokens_backwards(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """The words of ``text[start:end]``, last first, read only as far as they are wanted.

    When ``start`` is not the start of the text the first word is left out: it
    may be a word cut in half.
    """
    reversed_text = text[start:end][::-1]
    pending: tuple[int, str] | None = None
    for match in _WORD.finditer(reversed_text):
        if pending is not None:
            yield pending
        pending = (end - match.end(), match.group()[::-1])
    if pending is not None and start == 0:
        yield pending


def _words(text: str, offset: int) -> list[_Word]:
    return [_word(match.group(), offset + match.start()) for match in _WORD.finditer(text)]


def _word(raw: str, start: int) -> _Word:
    shape = _short_word_shape(raw) if len(raw) <= _CACHED_LENGTH else _word_shape(raw)
    letters, initials, small, number, capitalised = shape
    return _Word(
        raw=raw,
        start=start,
        end=start + len(raw),
        letters=letters,
        initials=initials,
        small=small,
        number=number,
        capitalised=capitalised,
    )


@lru_cache(maxsize=1 << 14)
def _short_word_shape(raw: str) -> tuple[str, str, bool, bool, bool]:
    """_word_shape, kept: articles repeat their words."""
    return _word_shape(raw)


def _word_shape(raw: str) -> tuple[str, str, bool, bool, bool]:
    """A word's letters, the initials of its parts, and whether it is small, a number or
    capitalised."""
    lowered = raw.lower()
    parts = [part for part in re.split(r"[-/.]", lowered) if part]
    return (
        "".join(char for char in lowered if char.isalnum()),
        "".join(part[0] for part in parts if part[0].isalnum()),
        lowered in _SMALL_WORDS,
        lowered in _NUMBER_WORDS or lowered.isdigit(),
        raw[:1].isupper(),
    )


def _traced_suffix(term: _Term, window: tuple[_Word, ...]) -> tuple[_Word, ...] | None:
    """The shortest tail of ``window`` whose words spell ``term``, easiest tier first."""
    for tier in _Tier:
        for length in range(1, len(window) + 1):
            candidate = window[-length:]
            if _traces(term, candidate, tier):
                return _with_qualifier(window, candidate, term)
    return None


def _traced_before_a_title(term: _Term, window: tuple[_Word, ...]) -> tuple[_Word, ...] | None:
    """ "Consumer Financial Protection Bureau Director (CFPB)": the body's name ends
    before its head's title, which the acronym does not spell."""
    if len(window) < 2 or window[-1].raw.lower() not in ROLES:
        return None
    return _traced_suffix(term, window[:-1])


def _with_qualifier(
    window: tuple[_Word, ...], expansion: tuple[_Word, ...], term: _Term
) -> tuple[_Word, ...]:
    """Keep an abbreviation qualifying the name: "U.S. Cyber Command (CYBERCOM)"."""
    index = len(window) - len(expansion) - 1
    if index < 0 or not expansion[0].capitalised:
        return expansion  # "XYZ research and development (R&D)": no qualifier
    before = window[index]
    qualifier = _DOTTED.fullmatch(before.raw) or re.fullmatch(r"[A-Z]{2,4}", before.raw)
    if qualifier and before.raw.replace(".", "") != term.text.replace(".", ""):
        return (before, *expansion)
    return expansion


def _traces(term: _Term, words: tuple[_Word, ...], tier: _Tier) -> bool:
    """Whether ``words`` spell out ``term`` using letters allowed by ``tier``."""
    content = [word for word in words if not word.small]
    if not words or words[0].small:
        return False
    if words[0].number and not (words[0].capitalised and not term.has_digits):
        return False  # "One Belt, One Road (OBOR)" may start with a number word
    if not _MIN_EXPANSION_WORDS <= len(content) <= _MAX_EXPANSION_WORDS:
        return False
    return _spells(term.letters, tuple(words), tier, term.has_digits)


def _spells(letters: str, words: tuple[_Word, ...], tier: _Tier, has_digits: bool) -> bool:
    if tier == _Tier.ANYWHERE and not has_digits:
        return False
    seen: dict[tuple[int, int], bool] = {}

    def walk(position: int, index: int) -> bool:
        if (position, index) not in seen:
            seen[position, index] = step(position, index)
        return seen[position, index]

    def step(position: int, index: int) -> bool:
        if index == len(words):
            return position == len(letters)
        word = words[index]
        if word.small or (word.number and has_digits):
            if walk(position, index + 1):
                return True
            initial = word.letters[:1]
            return (
                position < len(letters)
                and letters[position] == initial
                and walk(position + 1, index + 1)
            )
        if tier == _Tier.ANYWHERE and index > 0:
            contributions = _anywhere(word, letters, position)
        else:
            contributions = _contributions(word, letters, position, tier)
        return any(walk(position + taken, index + 1) for taken in contributions)

    return walk(0, 0)


def _contributions(word: _Word, letters: str, position: int, tier: _Tier) -> Iterator[int]:
    """How many of ``letters`` (from ``position``) ``word`` may supply."""
    remaining = letters[position:]
    if not remaining or not word.letters or remaining[0] != word.letters[0]:
        return
    for count in range(1, len(word.initials) + 1):
        if remaining.startswith(word.initials[:count]):
            yield count
    if tier >= _Tier.PREFIX:
        for count in range(2, len(remaining) + 1):
            if word.letters.startswith(remaining[:count]):
                yield count
    if tier >= _Tier.SUBSEQUENCE:
        for count in range(2, len(remaining) + 1):
            if _is_subsequence(remaining[1:count], word.letters[1:]):
                yield count


def _anywhere(word: _Word, letters: str, position: int) -> Iterator[int]:
    """Letters found anywhere inside a word that is not the first: hexafluoride -> F."""
    remaining = letters[position:]
    for count in range(1, len(remaining) + 1):
        if _is_subsequence(remaining[:count], word.letters[1:]):
            yield count


def _is_subsequence(needle: str, haystack: str) -> bool:
    characters = iter(haystack)
    return all(char in characters for char in needle)


def _loose_name(term: _Term, window: tuple[_Word, ...]) -> tuple[_Word, ...] | None:
    """A capitalised name right before "(ACR)" that the acronym plausibly abbreviates.

    For a name translated from another language, whose initials come in
    another order, or one with a word left out of the acronym: every acronym
    letter is an initial of the name, in any order, or, for an all-capitals
    acronym, the first letters agree and at most one letter is unaccounted for.
    """
    name = _capitalised_tail(window)
    content = [word for word in name if not word.small]
    if len(content) < _MIN_EXPANSION_WORDS or len(term.letters) < 3:
        return None
    initials = Counter(word.letters[0] for word in content)
    missing = Counter(term.letters) - initials
    same_start = term.letters[0] == content[0].letters[0]
    if not missing and (term.all_caps or same_start):
        return name
    # A word-like acronym ("Unesco") must account for every letter.
    near_miss = term.all_caps and same_start and sum(missing.values()) <= 1
    return name if near_miss else None


def _capitalised_tail(
    window: tuple[_Word, ...], *, articles_break: bool = False
) -> tuple[_Word, ...]:
    """The capitalised name that ends the window (small words allowed inside it).

    With ``articles_break``, "the" or "a" after a capitalised word ends the
    name ("Kyrgyzstan the State Committee" -> "the State Committee"), and one
    short lower-case linking word is allowed between capitalised words
    ("Reporters without Borders").
    """
    kept: list[_Word] = []
    for position, word in enumerate(reversed(window)):
        if articles_break and word.raw in {"the", "a", "an"}:
            kept.append(word)
            break
        linking = (
            articles_break
            and word.raw.isalpha()
            and word.raw.islower()
            and len(word.raw) <= 7
            and kept
            and kept[-1].capitalised
            and position + 1 < len(window)
            and window[-position - 2].capitalised
        )
        if not (word.capitalised or word.small or linking):
            break
        kept.append(word)
    name = list(reversed(kept))
    while name and (name[0].small or name[0].raw in {"The", "A", "An"}):
        name.pop(0)
    if not name or not name[-1].capitalised:
        return ()
    return tuple(name)


# Descriptions --------------------------------------------------------------


def _description(comment: str) -> str:
    """A comment inside the parentheses that reads as a description."""
    if re.match(r"(?:a|an|the)\s", comment) and _is_noun_phrase(comment):
        return comment
    return ""


def _appositive_after(text: str, position: int) -> str:
    """ "(SCO), a regional security bloc, met" -> "a regional security bloc"."""
    lead = re.compile(r"\s*,\s+(?=(?:a|an|the)\s)").match(text, position)
    if lead is None:
        return ""
    start = lead.end()
    # Past its sixteenth word (not counting bare full stops, which the phrase may
    # lose) the phrase is too long wherever it ends: read no further than that.
    ahead = _DESCRIPTION_REACH.match(text, start)
    limit = ahead.end() if ahead else len(text)
    near = max(0, start - _SENTENCE_LOOKBACK)
    nearby = text[near : limit + _SENTENCE_LOOKAHEAD]
    stop = min(near + next_sentence_start(nearby, start - near), limit)
    punctuation = re.compile(r"[,;:()\[\]—–]").search(text, start, stop)
    if punctuation:
        if punctuation.group() in "([":
            return ""  # another definition follows: this is a list, not an appositive
        stop = punctuation.start()
    phrase = text[start:stop].strip().rstrip(".").strip()
    return phrase if _is_noun_phrase(phrase) else ""


def _is_noun_phrase(phrase: str) -> bool:
    words = phrase.split()
    if not 2 <= len(words) <= _MAX_DESCRIPTION_WORDS:
        return False
    head = words[1]
    if head[:1].isupper() and not (head.isupper() or _DOTTED.fullmatch(head)):
        return False  # "the Shanghai Cooperation Organisation": another name in a list
    for word in words:
        lowered = word.lower().strip(",.")
        if lowered in _RELATIVE_PRONOUNS:
            return True
        if lowered in _FINITE_VERBS:
            return False
    return True


# Uses ----------------------------------------------------------------------


class _Uses:
    """A trie of the ways the definitions are written, word by word.

    A way of writing a term or an expansion is split into its words (runs of
    word characters) and what separates them; its first word is a key of the
    root, each later (separator, word) pair a key of the node before, and the
    node of its last word holds, by the punctuation before its first word and
    after its last, the definitions written that way. Text is read the same way,
    so that reading it once finds every use of every definition.
    """

    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[tuple[str, str], _Uses] = {}
        self.ends: dict[tuple[str, str], list[int]] = {}

    def add(self, written: str, definition: int) -> None:
        parts = _WORD_OR_GAP.findall(written)
        prefix = parts.pop(0) if parts and not _WORD_CHARS.match(parts[0]) else ""
        suffix = parts.pop() if parts and not _WORD_CHARS.match(parts[-1]) else ""
        if not parts:
            return
        node = self
        for index in range(0, len(parts), 2):
            key = (parts[index - 1] if index else "", parts[index])
            node = node.children.setdefault(key, _Uses())
        node.ends.setdefault((prefix, suffix), []).append(definition)


_WORD_CHARS = re.compile(r"\w")
_WORD_RUN = re.compile(r"\w+")
_WORD_OR_GAP = re.compile(r"\w+|\W+")
_WORD_AND_GAP = re.compile(r"(\w+)(\W*)")


def _first_uses(
    definitions: Sequence[Definition], blocks: Sequence[Block], masked: dict[int, str]
) -> list[int]:
    """The block each definition is first used in: the first block before its own that
    writes its term (exactly, or in capitals, with or without a plural "s") or its
    expansion (in any case), each standing as whole words; else its own block."""
    first = [definition.defined_in for definition in definitions]
    opening = blocks[0].number if blocks else 0
    terms, expansions = _Uses(), _Uses()
    for index, definition in enumerate(definitions):
        if definition.defined_in <= opening:
            continue  # no block comes before it
        base = definition.term[:-1] if _is_plural(definition.term) else definition.term
        for form in {base, base.upper()}:
            terms.add(form, index)
            terms.add(form + "s", index)
        expansions.add(definition.expansion.lower(), index)
    pending = {index for index, block in enumerate(first) if block > opening}
    last = max(first, default=0)
    term_words = {word for _, word in terms.children}
    expansion_words = {word for _, word in expansions.children}
    for block in blocks:
        if block.number >= last or not pending:
            break
        text = masked[block.number]
        words = set(_WORD_RUN.findall(text))
        if not words & term_words and not {word.lower() for word in words} & expansion_words:
            continue
        gap_start = 0  # where the non-word characters before the current word begin
        for match in _WORD_AND_GAP.finditer(text):
            word = match.group(1)
            found = []
            if word in term_words:
                found += _uses_at(terms, text, match, gap_start, fold=False)
            if word.lower() in expansion_words:
                found += _uses_at(expansions, text, match, gap_start, fold=True)
            for index in found:
                if index in pending and definitions[index].defined_in > block.number:
                    first[index] = block.number
                pending.discard(index)
            gap_start = match.end(1)
    return first


def _uses_at(
    trie: _Uses, text: str, match: re.Match[str], gap_start: int, *, fold: bool
) -> list[int]:
    """The definitions ``trie`` holds that are written at the word ``match`` found,
    standing alone (no word character just before or after). Each group of them
    is found once: the first block writing it is their first use."""

    def folded(part: str) -> str:
        return part.lower() if fold else part

    node = trie.children.get(("", folded(match.group(1))))
    gap_before = folded(text[gap_start : match.start()])
    found: list[int] = []
    while node is not None and (node.ends or node.children):
        gap_after = folded(match.group(2))
        for (prefix, suffix), indexes in list(node.ends.items()):
            whole_before = len(prefix) < len(gap_before) or gap_start == 0
            whole_after = len(suffix) < len(gap_after) or match.end() == len(text)
            if (
                gap_before.endswith(prefix)
                and (not prefix or whole_before)
                and gap_after.startswith(suffix)
                and (not suffix or whole_after)
                and (suffix or gap_after or match.end() == len(text))
            ):
                found += indexes
                del node.ends[(prefix, suffix)]
        following = _WORD_AND_GAP.match(text, match.end())
        if following is None or not node.children:
            break
        node = node.children.get((gap_after, folded(following.group(1))))
        match = following
    return found


def _undefined(
    blocks: Sequence[Block], masked: dict[int, str], defined: set[str]
) -> tuple[Abbreviation, ...]:
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, int]] = {}  # key -> (form first seen, block number)
    for block in blocks:
        if block.kind == "heading":
            continue  # headings are capitalised words, not abbreviations in use
        for term in _abbreviations_used(masked[block.number]):
            key = _term_key(term)
            if key in defined or ("/" in key and all(part in defined for part in key.split("/"))):
                continue  # "OBOR/BRI" when both are defined
            counts[key] += 1
            first.setdefault(key, (term, block.number))
    return tuple(
        Abbreviation(term=term, first_used_in=number, count=counts[key])
        for key, (term, number) in first.items()
    )


def _abbreviations_used(text: str) -> Iterator[str]:
    # Each pattern's matches are in order and do not overlap: one bisection finds
    # the only one of them that could hold a token.
    shouted = [
        [match.span() for match in pattern.finditer(text)]
        for pattern in (_SHOUTED_RUN, _SHOUTED_PAIR)
    ]
    for match in _CAPS_TOKEN.finditer(text):
        term = match.group("term") + (match.group("plural") or "")
        if any(_inside(spans, match.start()) for spans in shouted):
            continue
        if _HONORIFIC_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        if _INITIALS_OF_NAME.match(text, match.start()):
            continue
        if _is_reportable(match.group("term")):
            yield term


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` falls in one of ``spans`` (ordered, not overlapping)."""
    index = bisect_right(spans, position, key=lambda span: span[0]) - 1
    return index >= 0 and position < spans[index][1]


def _is_reportable(term: str) -> bool:
    letters = sum(char.isalpha() for char in term)
    digits = sum(char.isdigit() for char in term)
    if digits > _MAX_DIGITS or letters == 0 or (letters == 1 and not digits):
        return False
    if term in _COUNTRY_ABBREVIATIONS or term in _SHOUTED_WORDS:
        return False
    return not (_ROMAN_NUMERAL.fullmatch(term) and not digits)
