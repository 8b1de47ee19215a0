"""Find quoted speech and work out who said it.

A quotation is text in “curly”, "straight" or ''doubled-apostrophe'' quote
marks (or ‘single curly’ ones) that the text attributes to a speaker:

* right after it: '“…,” he said.', '"…," the union's Tom Hale said',
  '"…," in the view of one economist';
* right before it: 'she said she “…”', 'Ann Lee stated, "…"',
  'According to the ministry, "…"', 'Adeyemi's statement that, ''…''';
* or by continuity: a quote opening a sentence with no attribution of its own
  continues the speaker of the quote or reported speech just before it, even
  across a paragraph break.

Short phrases in quote marks with no speech verb nearby ("so-called", a
"historic" day) are scare quotes, not quotations. "He"/"she" is the person
named last before the quote, in the same paragraph, or in the previous one
when the quote opens its paragraph's first sentence.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from briefings.text.article import Block, Person, Quotation
from briefings.text.lexicon import SPEECH_VERBS, word_set
from briefings.text.people import Mention, find_mentions
from briefings.text.sentences import sentence_starts
from briefings.text.structure import mask_footnote_markers

# Participles introduce a quote but their subject is the whole clause before them.
_SPEECH_PARTICIPLES = word_set("saying adding noting writing stating asserting arguing")
_SPEECH_NOUNS = word_set("statement statements remarks testimony")
_PRONOUNS = word_set("he she")
_DETERMINERS = word_set("a an the this that")
_LEADING_CONJUNCTIONS = word_set("and but while when as although though so yet")
_RELATIVE_PRONOUNS = word_set("which who")
# Words between a subject and its verb: "Costa had said", "officials reportedly said".
_SUBJECT_TAIL = word_set("""
    has have had was is were would will also reportedly previously then publicly repeatedly
    recently later once later separately subsequently
    """)
_OPINION_LEAD = r"(?:according to|in the (?:words|view|assessment|appraisal|opinion) of)"
# A source is a few words; the bound keeps a run of leads with no comma linear.
_SOURCE_BEFORE = re.compile(
    rf"\b{_OPINION_LEAD}\s+(?P<source>[^,\x00]{{1,300}}?)\s*,", re.IGNORECASE
)
_SOURCE_AFTER = re.compile(rf"^\s*,?\s*{_OPINION_LEAD}\s+(?P<source>[^,.;:!?\x00]+)", re.IGNORECASE)
_WORD = re.compile(r"[^\s\x00,.;:!?]+")
_OPENING_MARK = re.compile(r"''|[“\"‘]")
_SINGLE_CLOSING_MARK = re.compile(r"’(?![^\W\d_])")
_NOT_SPACE = re.compile(r"\S")
_UNREAD_ATTRIBUTION = re.compile(r"\s*[,;]?\s*[A-Za-z]")
_INVERTED_CLAUSE = re.compile(r"\s*([^,;:\x00]*?)\s*(?:,|$)")
_CLAUSE_STOP = re.compile(r"[,;:\x00]")
_SUBJECT_BOUNDARY = re.compile(r",\s+|;\s+|:\s+|\bthat\s+|\x00+\s*")
_ANTECEDENT = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5}(?=\s*,?\s*$)")
_TOKEN = re.compile(r"\S+")
_NULS = re.compile("\x00+")
_SEPARATORS = r"\s\x00,.;:!?"  # what _WORD does not take
_SPEECH_WORD = re.compile(
    rf"(?<![^{_SEPARATORS}])"
    rf"(?:{'|'.join(sorted(SPEECH_VERBS | _SPEECH_PARTICIPLES, key=len, reverse=True))})"
    rf"(?![^{_SEPARATORS}])"
)
"""A whole word that may introduce speech: a speech verb or participle."""

_QUOTE_MASK = "\x00"
_MAX_ADJACENT_GAP = 8  # words between a speech verb and the quote it introduces
_MIN_ADJACENT_WORDS = 2  # a quote the attribution touches
_MIN_SENTENCE_WORDS = 4  # a quote elsewhere in an attributed sentence
_MAX_SUBJECT_WORDS = 10
# Words read after the last clause break before a verb: beyond this many the
# subject is too long whatever conjunctions or adverbs would be dropped from it.
_SUBJECT_REACH = 40
# Characters looked back from a relative pronoun for the name it stands for.
_ANTECEDENT_REACH = 400


@dataclass(frozen=True, slots=True)
class _Span:
    """Quote marks at ``open``..``close``; the quoted words at ``start``..``end``."""

    open: int
    start: int
    end: int
    close: int


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str | None
    label: str


_Clause = tuple[int, int, str]
"""Where a clause's words start and end, and the words."""


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: _Speaker
    adjacent: bool  # the attribution touches the quote
    anchor: int  # offset of the verb or source phrase in the block
    whole_sentence: bool = False  # "According to X, …" covers every quote after it


class _Mentions:
    """One block's mentions in reading order, with their offsets for bisection."""

    __slots__ = ("ends", "items", "starts")

    def __init__(self, items: Sequence[Mention]) -> None:
        self.items = list(items)
        self.starts = [mention.start for mention in self.items]
        self.ends = [mention.end for mention in self.items]

    def within(self, start: int, end: int) -> range:
        """Indexes of the mentions lying inside ``start``..``end``.

        Mentions do not overlap, so their starts and their ends are both sorted.
        """
        return range(bisect_left(self.starts, start), bisect_right(self.ends, end))


class _Named:
    """Who a block names outside quotes, so that "he" or "she" costs a bisection.

    ``differs[i]`` is the last mention before mention ``i`` of another person
    (-1 if none): a stretch of text names exactly one person when the last
    mention in it differs from no mention in it.
    """

    __slots__ = ("mentions", "persons", "differs", "sentences")

    def __init__(self, mentions: list[Mention], sentences: list[int]) -> None:
        self.mentions = _Mentions(mentions)
        self.persons = [mention.person for mention in mentions]
        self.differs: list[int] = []
        last_other = -1
        for index, person in enumerate(self.persons):
            if index and self.persons[index - 1] != person:
                last_other = index - 1
            self.differs.append(last_other)
        self.sentences = sentences  # where each sentence starts, the first at 0

    def between(self, start: int, end: int) -> tuple[bool, str | None]:
        """Whether anyone is named in ``start``..``end``, and who when it is one person."""
        found = self.mentions.within(start, end)
        if not found:
            return False, None
        last = found[-1]
        return True, self.persons[last] if self.differs[last] < found.start else None

    def nearest_before(self, position: int) -> tuple[bool, str | None]:
        """``between`` for the nearest sentence before ``position`` that names anyone.

        Sentences are cut at ``position``, which need not be a sentence start. A
        mention running over a sentence break belongs to neither sentence.
        """
        limit = bisect_left(self.sentences, position)
        index = bisect_right(self.mentions.ends, position) - 1
        while index >= 0:
            start = self.mentions.starts[index]
            sentence = bisect_right(self.sentences, start, 0, limit) - 1
            if sentence >= 0:
                sentence_end = self.sentences[sentence + 1] if sentence + 1 < limit else position
                if self.mentions.ends[index] <= sentence_end:
                    return self.between(self.sentences[sentence], sentence_end)
            index -= 1
        return False, None


class _Lead:
    """Offsets in one block's masked text, so that each quote reads the words
    before it by bisection instead of scanning its whole sentence again."""

    __slots__ = (
        "boundaries",
        "inverted",
        "masked",
        "nul_ends",
        "nul_starts",
        "sources",
        "speech",
        "subjects",
        "word_ends",
        "word_starts",
    )

    def __init__(self, masked: str) -> None:
        self.masked = masked
        self.word_starts = array("q")
        self.word_ends = array("q")
        self.speech: list[int] | None = None
        self.nul_starts = array("q", [match.start() for match in _NULS.finditer(masked)])
        self.nul_ends = array("q", [match.end() for match in _NULS.finditer(masked)])
        self.boundaries: tuple[array[int], array[int]] | None = None
        self.sources: dict[int, tuple[list[re.Match[str]], list[int]]] = {}
        self.subjects: dict[tuple[int, int], tuple[str, int]] = {}
        self.inverted: dict[int, _Clause | None] = {}

    def speech_words(self) -> list[int]:
        """Speech verbs and participles, by word index, that introduce speech
        between the words around them wherever they stand (read once, on demand)."""
        if self.speech is None:
            for match in _WORD.finditer(self.masked):
                self.word_starts.append(match.start())
                self.word_ends.append(match.end())
            self.speech = []
            for match in _SPEECH_WORD.finditer(self.masked):
                index = bisect_left(self.word_starts, match.start())
                if _introduces_speech(self, index, 0, len(self.word_starts)):
                    self.speech.append(index)
        return self.speech

    def word(self, index: int) -> str:
        return self.masked[self.word_starts[index] : self.word_ends[index]]

    def words_before(self, position: int) -> int:
        """The index of the first word starting at or after ``position``."""
        self.speech_words()
        return bisect_left(self.word_starts, position)

    def has_mask(self, start: int, end: int) -> bool:
        """Whether any masked (quoted) character lies in ``start``..``end``."""
        index = bisect_left(self.nul_starts, end) - 1
        return index >= 0 and self.nul_ends[index] > start

    def adjacent(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` (ending at a quote) is short and quote-free."""
        words = self.words_before(end) - self.words_before(start)
        return not self.has_mask(start, end) and words <= _MAX_ADJACENT_GAP

    def last_source(
        self, sentence_start: int, sentence_end: int, position: int
    ) -> re.Match[str] | None:
        """The last "According to X," of the sentence that ends before ``position``.

        A source never runs over a quote (a masked character), so the matches
        of the whole sentence are the matches of its text before any quote.
        """
        if sentence_start not in self.sources:
            matches = list(_SOURCE_BEFORE.finditer(self.masked, sentence_start, sentence_end))
            self.sources[sentence_start] = (matches, [match.start() for match in matches])
        matches, starts = self.sources[sentence_start]
        index = bisect_left(starts, position) - 1
        return matches[index] if index >= 0 else None

    def last_boundary(self, start: int, end: int) -> int:
        """Where the last clause break (_SUBJECT_BOUNDARY) in ``start``..``end`` ends,
        read as if the text stopped at ``end``; ``start`` when there is none.

        No break runs over ``start`` (a sentence start after a space), so the
        breaks of the whole block are those of any stretch starting there.
        """
        if self.boundaries is None:
            found = list(_SUBJECT_BOUNDARY.finditer(self.masked))
            self.boundaries = (
                array("q", [match.start() for match in found]),
                array("q", [match.end() for match in found]),
            )
        starts, ends = self.boundaries
        index = bisect_left(starts, end) - 1
        if index >= 0 and ends[index] > end and starts[index] >= start:
            cut = _SUBJECT_BOUNDARY.match(self.masked, starts[index], end)
            if cut is not None:
                return cut.end()
            index -= 1
        if index >= 0 and starts[index] >= start:
            return ends[index]
        return start


@dataclass(slots=True)
class _Context:
    """What a paragraph needs to know about the text around it."""

    blocks: dict[int, Block]
    mentions: dict[int, list[Mention]]
    previous_block: int | None = None
    spans: dict[int, list[_Span]] = field(default_factory=dict)
    breaks: dict[int, list[int]] = field(default_factory=dict)
    indexed: dict[int, _Mentions] = field(default_factory=dict)
    named: dict[int, _Named] = field(default_factory=dict)

    def mentions_in(self, number: int) -> _Mentions:
        if number not in self.indexed:
            self.indexed[number] = _Mentions(self.mentions.get(number, []))
        return self.indexed[number]

    def named_in(self, block: Block) -> _Named:
        """The block's mentions outside quotes, with its sentence starts."""
        if block.number not in self.named:
            quoted = self.quote_spans(block)
            outside = [
                mention
                for mention in self.mentions.get(block.number, [])
                if not _inside(mention, quoted)
            ]
            self.named[block.number] = _Named(outside, [0, *self.sentence_breaks(block)])
        return self.named[block.number]

    def sentence_breaks(self, block: Block) -> list[int]:
        """Where each sentence after the first starts, outside quotes."""
        if block.number not in self.breaks:
            quoted = self.quote_spans(block)
            self.breaks[block.number] = [
                offset for offset in sentence_starts(block.text) if not _within(offset, quoted)
            ]
        return self.breaks[block.number]

    def quote_spans(self, block: Block) -> list[_Span]:
        if block.number not in self.spans:
            self.spans[block.number] = _quote_spans(block.text)
        return self.spans[block.number]


def find_quotations(blocks: Sequence[Block], people: Sequence[Person]) -> tuple[Quotation, ...]:
    """Return the attributed quotations in ``blocks``, in reading order.

    ``speaker`` is the ``Person.name`` of the speaker when the text names one
    of ``people``, else None; ``speaker_label`` is how the text refers to
    them ("he", "the union's Tom Hale", "an official who asked not to be
    named"). A quote split by its attribution gives two records
    with the same speaker. ``start``/``end`` cover the quoted words without
    the quote marks or a trailing comma.
    """
    mentions: dict[int, list[Mention]] = {}
    for mention in find_mentions(blocks, people):
        mentions.setdefault(mention.paragraph, []).append(mention)
    context = _Context({block.number: block for block in blocks}, mentions)
    found: list[Quotation] = []
    carried: _Speaker | None = None
    for block in blocks:
        quotes, carried = _quotations_in(block, context, carried)
        found.extend(quotes)
        context.previous_block = block.number
    return tuple(found)


def _quotations_in(
    block: Block, context: _Context, carried: _Speaker | None
) -> tuple[list[Quotation], _Speaker | None]:
    """Quotations of one block, and the speaker it hands on to the next block."""
    text = block.text
    spans = [span for span in context.quote_spans(block) if not _is_gloss(text, span)]
    lead = _Lead(_mask(mask_footnote_markers(text), spans))
    breaks = [offset for offset in sentence_starts(text) if not _within(offset, spans)]
    events = sorted(
        [(span.open, span) for span in spans]
        + [(start, speaker) for start, speaker in _reported_speech(block, lead, breaks, context)],
        key=lambda event: event[0],
    )
    speaker = carried
    quotes: list[Quotation] = []
    anchors: set[int] = set()  # verbs that introduced a quote they touch
    for _position, event in events:
        if isinstance(event, _Speaker):
            speaker = event
            continue
        quote = _quotation(block, lead, breaks, event, context, speaker, anchors)
        if quote is not None:
            quotes.append(quote)
            speaker = _Speaker(quote.speaker, quote.speaker_label)
    handed_on = speaker if events else None
    return quotes, handed_on


def _quotation(
    block: Block,
    lead: _Lead,
    breaks: list[int],
    span: _Span,
    context: _Context,
    current: _Speaker | None,
    anchors: set[int],
) -> Quotation | None:
    masked = lead.masked
    # ``breaks`` is sorted: find the sentence around the quote by bisection.
    before = bisect_right(breaks, span.open)
    sentence_start = breaks[before - 1] if before else 0
    after = bisect_left(breaks, span.close)
    sentence_end = breaks[after] if after < len(breaks) else len(masked)
    words = len(_WORD.findall(block.text[span.start : span.end]))
    attribution = _attribution_after(block, masked, span, sentence_end, sentence_start, context)
    if attribution is None:
        attribution = _attribution_before(block, lead, span, sentence_start, sentence_end, context)
    if attribution is not None:
        if not _accepts(attribution, words, anchors):
            return None
        if attribution.adjacent:
            anchors.add(attribution.anchor)
        speaker = attribution.speaker
    else:
        opens_sentence = _NOT_SPACE.search(masked, sentence_start, span.open) is None
        if not opens_sentence or words < _MIN_SENTENCE_WORDS:
            return None
        # Words after the quote in its own sentence are an attribution that could not
        # be read ('…,” saidMandy Cohen'): the previous speaker is not carried over.
        unread = _UNREAD_ATTRIBUTION.match(block.text, span.close + 1, sentence_end)
        speaker = _Speaker(None, "") if unread else current or _Speaker(None, "")
    return Quotation(
        paragraph=block.number,
        text=block.text[span.start : span.end],
        start=span.start,
        end=span.end,
        speaker=speaker.name,
        speaker_label=speaker.label,
    )


def _accepts(attribution: _Attribution, words: int, anchors: set[int]) -> bool:
    """Whether an attributed quote is speech rather than a scare-quoted phrase.

    A quote the attribution touches needs two words. One further along the
    sentence needs four, and the verb must already have introduced a quote
    ('said that "…" its systems "…"'), unless an "According to …" opens the
    sentence: otherwise a distant verb would claim a phrase from another clause.
    """
    if attribution.adjacent:
        return words >= _MIN_ADJACENT_WORDS
    if words < _MIN_SENTENCE_WORDS:
        return False
    return attribution.whole_sentence or attribution.anchor in anchors


# Quote marks ---------------------------------------------------------------


def _quote_spans(text: str) -> list[_Span]:
    """Find quoted passages; an unclosed curly quote runs to the end of the block."""
    spans: list[_Span] = []
    index = 0
    unclosed = [len(text) + 1]  # from here on no single quote closes
    while (opening := _OPENING_MARK.search(text, index)) is not None:
        span = _span_at(text, opening.start(), unclosed)
        if span is None:
            index = opening.end()
            continue
        trimmed = _trimmed(text, span)
        if trimmed is not None:
            spans.append(trimmed)
        index = span.close
    return spans


def _span_at(text: str, index: int, unclosed: list[int]) -> _Span | None:
    if text.startswith("''", index):
        closing = text.find("''", index + 2)
        return None if closing < 0 else _Span(index, index + 2, closing, closing + 2)
    char = text[index]
    if char == "“":
        closing = text.find("”", index + 1)
        if closing < 0:
            return _Span(index, index + 1, len(text), len(text))
        return _Span(index, index + 1, closing, closing + 1)
    if char == '"':
        closing = text.find('"', index + 1)
        return None if closing < 0 else _Span(index, index + 1, closing, closing + 1)
    if char == "‘" and (index == 0 or not text[index - 1].isalnum()):
        # The closing mark is the first ’ not followed by a letter ("don’t" is not it).
        # Once none is found, none is looked for again: that would be quadratic.
        if index + 1 >= unclosed[0]:
            return None
        closing_match = _SINGLE_CLOSING_MARK.search(text, index + 1)
        if closing_match is None:
            unclosed[0] = index + 1
            return None
        closing = closing_match.start()
        return _Span(index, index + 1, closing, closing + 1)
    return None


def _trimmed(text: str, span: _Span) -> _Span | None:
    """Drop surrounding spaces and a trailing comma from the quoted words."""
    inner = text[span.start : span.end]
    left = len(inner) - len(inner.lstrip())
    kept = inner.strip().rstrip(",").rstrip()
    if not kept:
        return None
    start = span.start + left
    return _Span(span.open, start, start + len(kept), span.close)


def _is_gloss(text: str, span: _Span) -> bool:
    """'the newspaper O Globo ("The Globe")': a translation, not speech."""
    before = span.open
    while before > 0 and text[before - 1].isspace():
        before -= 1
    after = span.close
    while after < len(text) and text[after].isspace():
        after += 1
    return text[before - 1 : before] == "(" and text.startswith(")", after)


def _mask(text: str, spans: Sequence[_Span]) -> str:
    """Replace every quoted passage, marks included, so verbs inside it are not seen."""
    pieces: list[str] = []
    done = 0
    for span in spans:
        pieces += [text[done : span.open], _QUOTE_MASK * (span.close - span.open)]
        done = span.close
    pieces.append(text[done:])
    return "".join(pieces)


# Attribution ---------------------------------------------------------------


def _attribution_after(
    block: Block,
    masked: str,
    span: _Span,
    sentence_end: int,
    sentence_start: int,
    context: _Context,
) -> _Attribution | None:
    """'“…,” he said.' or '"…," said Tom Hale.'"""
    stop = masked.find(_QUOTE_MASK, span.close)
    stop = sentence_end if stop < 0 else min(stop, sentence_end)
    tail = masked[span.close : stop]
    source = _SOURCE_AFTER.match(tail)
    if source:
        start = span.close + source.start("source")
        speaker = _source_speaker(block, start, source.group("source"), context)
        return _Attribution(speaker, True, start)
    skipped = len(tail) - len(tail.lstrip(" ,"))
    # The tail ends with its sentence, so a full stop inside it belongs to "Dr." or "U.S.".
    clause_end = re.compile(r"[,;:!?]|\.\s*$").search(tail, skipped)
    clause = tail[: clause_end.start() if clause_end else len(tail)]
    words = list(_WORD.finditer(clause))
    for position in range(len(words)):
        if not _is_speech_verb(words, position):
            continue
        # "he said" names the speaker first; "said Tom Hale" after.
        subject_words = words[1:] if position == 0 else words[:position]
        if not subject_words or len(subject_words) > _MAX_SUBJECT_WORDS:
            return None
        subject = clause[subject_words[0].start() : subject_words[-1].end()]
        offset = span.close + subject_words[0].start()
        speaker = _resolve(block, offset, subject, span.open, sentence_start, context)
        return _Attribution(speaker, True, span.close + words[position].start())
    return None


def _attribution_before(
    block: Block,
    lead: _Lead,
    span: _Span,
    sentence_start: int,
    sentence_end: int,
    context: _Context,
) -> _Attribution | None:
    """'he said he “…”', 'stated, "…"', 'According to the ministry, "…"'.

    The lead is the sentence up to the quote, ``sentence_start``..``span.open``.
    """
    source = lead.last_source(sentence_start, sentence_end, span.open)
    verb = _last_speech_verb(lead, sentence_start, span.open)
    verb_at = lead.word_starts[verb] if verb is not None else -1
    if source is not None and (verb is None or verb_at < source.end()):
        source_at = source.start("source")
        speaker = _source_speaker(block, source_at, source.group("source"), context)
        adjacent = lead.adjacent(source.end(), span.open)
        return _Attribution(speaker, adjacent, source_at, whole_sentence=True)
    if verb is None:
        return None
    verb_end = lead.word_ends[verb]
    adjacent = lead.adjacent(verb_end, span.open)
    word = lead.word(verb)
    if word in _SPEECH_NOUNS or word in _SPEECH_PARTICIPLES:
        last = word in _SPEECH_NOUNS
        named = _named_in(block, sentence_start, verb_at, context, last=last)
        return _Attribution(named or _Speaker(None, ""), adjacent, verb_at)
    inverted = _inverted_subject(block, lead, verb_end, span.open, context)
    if inverted is not None:
        return _Attribution(inverted, adjacent, verb_at)
    subject, offset = _subject_before(lead, sentence_start, verb_at)
    if not subject:
        return None
    speaker = _resolve(block, offset, subject, span.open, sentence_start, context)
    return _Attribution(speaker, adjacent, verb_at)


def _inverted_subject(
    block: Block, lead: _Lead, verb_end: int, position: int, context: _Context
) -> _Speaker | None:
    """ "It was, said Tom Hale, a ‘…’": a named speaker right after the verb.

    The clause runs from the verb to a comma, or to the quote at ``position``.
    """
    clause = _clause_after(lead, verb_end, position)
    if clause is None:
        return None
    start, end, words = clause
    mentions = context.mentions_in(block.number)
    found = mentions.within(start, end)
    if found and mentions.ends[found[-1]] == end:
        return _Speaker(mentions.items[found[-1]].person, " ".join(words.split()))
    return None


def _clause_after(lead: _Lead, verb_end: int, position: int) -> _Clause | None:
    """The words after a verb up to a comma or ``position`` (a quote), if no other
    punctuation or quote comes first.

    Every quote after the verb's first one sees the same clause, so it is kept.
    """
    if verb_end in lead.inverted:
        return lead.inverted[verb_end]
    stop = _CLAUSE_STOP.search(lead.masked, verb_end, position + 1)
    end = position if stop is None else stop.start()
    if end == position:
        clause = _INVERTED_CLAUSE.match(lead.masked, verb_end, position)
    elif lead.masked[end] == ",":
        clause = _INVERTED_CLAUSE.match(lead.masked, verb_end, end + 1)
    else:
        clause = None
    found = (clause.start(1), clause.end(1), clause.group(1)) if clause else None
    result = found if found and found[2] else None
    if end < position:
        lead.inverted[verb_end] = result
    return result


def _last_speech_verb(lead: _Lead, start: int, end: int) -> int | None:
    """The last speech verb or participle in ``start``..``end`` (the text before a
    quote), as a word index; a noun ("statement") only right before the quote."""
    speech = lead.speech_words()
    first, stop = lead.words_before(start), lead.words_before(end)
    # Near the quote a noun may count, and the lead's end hides the next word.
    near = max(first, stop - (_MAX_ADJACENT_GAP + 1))
    for index in range(stop - 1, near - 1, -1):
        if lead.word(index) in _SPEECH_NOUNS:
            if lead.adjacent(lead.word_ends[index], end):
                return index
        elif _introduces_speech(lead, index, first, stop):
            return index
    # Further back a word has the same neighbours as in the whole block; only the
    # lead's first word has none before it.
    found = bisect_left(speech, near) - 1
    if found >= 0 and speech[found] > first:
        return speech[found]
    if first < near and _introduces_speech(lead, first, first, stop):
        return first
    return None


def _introduces_speech(lead: _Lead, index: int, first: int, stop: int) -> bool:
    """Whether word ``index`` is a speech participle, or a lower-case speech verb
    not in "asked to leave" nor in "a stated aim", reading words ``first``..``stop``."""
    word = lead.word(index)
    if word in _SPEECH_PARTICIPLES:
        return True
    if word not in SPEECH_VERBS:
        return False
    following = lead.word(index + 1) if index + 1 < stop else ""
    preceding = lead.word(index - 1).lower() if index > first else ""
    return following != "to" and preceding not in _DETERMINERS


def _first_speech_verb(sentence: str) -> re.Match[str] | None:
    words = list(_WORD.finditer(sentence))
    for position in range(len(words)):
        if _is_speech_verb(words, position):
            return words[position]
    return None


def _is_speech_verb(words: Sequence[re.Match[str]], position: int) -> bool:
    """A lower-case speech verb, not "asked to leave" and not "a stated aim"."""
    word = words[position].group()
    if word not in SPEECH_VERBS:
        return False
    following = words[position + 1].group() if position + 1 < len(words) else ""
    preceding = words[position - 1].group().lower() if position > 0 else ""
    return following != "to" and preceding not in _DETERMINERS


def _subject_before(lead: _Lead, start: int, end: int) -> tuple[str, int]:
    """The subject of a verb, given the sentence up to the verb (``start``..``end``),
    and its offset."""
    key = (start, end)
    if key not in lead.subjects:
        lead.subjects[key] = _find_subject(lead, start, end)
    return lead.subjects[key]


def _find_subject(lead: _Lead, start: int, end: int) -> tuple[str, int]:
    masked = lead.masked
    while end > start and masked[end - 1].isspace():
        end -= 1
    if end > start and masked[end - 1] == ",":
        # "Name, governor of Veracruz state, said": skip the appositive
        cut = masked.rfind(",", start, end - 1)
        end = cut if cut >= 0 else end - 1
    clause = lead.last_boundary(start, end)
    words = list(_TOKEN.finditer(masked, clause, end))
    first = 0
    while first < len(words) and words[first].group().lower() in _LEADING_CONJUNCTIONS:
        first += 1
    words = words[first:]
    if len(words) == 1 and words[0].group().lower() in _RELATIVE_PRONOUNS:
        return _antecedent(masked, max(start, clause - _ANTECEDENT_REACH), clause)
    while words and words[-1].group().lower() in _SUBJECT_TAIL:
        words.pop()
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return "", clause
    return masked[words[0].start() : words[-1].end()], words[0].start()


def _antecedent(text: str, start: int, end: int) -> tuple[str, int]:
    """ "Freedom House, which assesses that …": the name a relative pronoun stands for,
    ending at ``end``."""
    name = _ANTECEDENT.search(text, start, end)
    return (name.group(), name.start()) if name else ("", 0)


# Speakers ------------------------------------------------------------------


def _resolve(
    block: Block,
    offset: int,
    subject: str,
    position: int,
    sentence_start: int,
    context: _Context,
) -> _Speaker:
    """Turn the words naming a speaker (at ``offset``) into a speaker."""
    label = " ".join(subject.split())
    if label.lower() in _PRONOUNS:
        return _Speaker(_last_person(block, position, sentence_start, context), label)
    end = offset + len(subject)
    mentions = context.mentions_in(block.number)
    for index in mentions.within(offset, end):
        if _heads(block.text, mentions.items[index], end):
            return _Speaker(mentions.items[index].person, _trim_appositive(label))
    return _Speaker(None, label)


def _source_speaker(block: Block, offset: int, source: str, context: _Context) -> _Speaker:
    """The speaker of "According to X," or "in the assessment of X"."""
    label = " ".join(source.split())
    end = offset + len(source.rstrip())
    mentions = context.mentions_in(block.number)
    for index in mentions.within(offset, end):
        mention = mentions.items[index]
        if _heads(block.text, mention, end):
            if mention.end == end:  # "testimony of … Commander General Ann Lee"
                label = mention.text
            return _Speaker(mention.person, label)
    return _Speaker(None, label)


def _heads(text: str, mention: Mention, end: int) -> bool:
    """Whether a name is the speaker, not a modifier: "Costa", "Lee's testimony",
    "Tom Hale of the Herald". In "The Costa Administration said" the name only
    qualifies the speaker.
    """
    after = text[mention.end : end]
    return not after.strip() or after.startswith(("’s", "'s", ",", "’", "'", " of "))


def _trim_appositive(label: str) -> str:
    return label.split(", ")[0]


def _last_person(block: Block, position: int, sentence_start: int, context: _Context) -> str | None:
    """The person a "he" or "she" before ``position`` stands for, or None when unclear.

    That is the one person named, outside quotes, in the same sentence before
    the quote, or else in the nearest sentence before that names anyone, as
    long as the sentences in between name nobody. Only a paragraph's first
    sentence may reach back into the previous paragraph ('Costa said …' then
    '“…,” he said.'). A sentence naming two people settles nothing: a
    quotation is better left unattributed than credited to the wrong person.
    """
    named = context.named_in(block)
    found, person = named.between(sentence_start, position)
    if not found:
        found, person = named.nearest_before(sentence_start)
    if found or sentence_start > 0 or context.previous_block is None:
        return person
    previous = context.blocks[context.previous_block]
    return context.named_in(previous).nearest_before(len(previous.text))[1]


def _named_in(
    block: Block, start: int, end: int, context: _Context, *, last: bool
) -> _Speaker | None:
    """A person named between ``start`` and ``end``: the last one before a noun
    ("Adeyemi's statement that"), the first one before a participle
    ("Hale took to social media … saying")."""
    mentions = context.mentions_in(block.number)
    found = mentions.within(start, end)
    if not found:
        return None
    mention = mentions.items[found[-1] if last else found[0]]
    return _Speaker(mention.person, block.text[mention.start : mention.end])


def _within(offset: int, spans: Sequence[_Span]) -> bool:
    """Whether ``offset`` falls strictly inside one of the (ordered) quote spans."""
    index = bisect_right(spans, offset, key=lambda span: span.open) - 1
    if index >= 0 and spans[index].open == offset:
        index -= 1
    return index >= 0 and spans[index].open < offset < spans[index].close


def _inside(mention: Mention, spans: Sequence[_Span]) -> bool:
    # Quote spans are in reading order and do not overlap.
    index = bisect_right(spans, mention.start, key=lambda span: span.open) - 1
    return index >= 0 and spans[index].open <= mention.start < spans[index].close


def _reported_speech(
    block: Block, lead: _Lead, breaks: list[int], context: _Context
) -> Iterator[tuple[int, _Speaker]]:
    """Sentences that report speech without quoting it: "The expert said the …".

    They set the speaker for a quote that follows with no attribution.
    """
    masked = lead.masked
    starts = [0, *breaks]
    ends = [*breaks, len(masked)]
    for start, end in zip(starts, ends, strict=True):
        if _SPEECH_WORD.search(masked, start, end) is None:
            continue
        sentence = masked[start:end]
        if _QUOTE_MASK in sentence:
            continue
        verb = _first_speech_verb(sentence)
        if verb is None:
            continue
        verb_at = start + verb.start()
        subject, offset = _subject_before(lead, start, verb_at)
        if subject:
            yield start, _resolve(block, offset, subject, verb_at, start, context)
