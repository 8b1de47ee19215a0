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
_SOURCE_BEFORE = re.compile(rf"\b{_OPINION_LEAD}\s+(?P<source>[^,\x00]+?)\s*,", re.IGNORECASE)
_SOURCE_AFTER = re.compile(rf"^\s*,?\s*{_OPINION_LEAD}\s+(?P<source>[^,.;:!?\x00]+)", re.IGNORECASE)
_WORD = re.compile(r"[^\s\x00,.;:!?]+")
_OPENING_MARK = re.compile(r"''|[“\"‘]")
_SINGLE_CLOSING_MARK = re.compile(r"’(?![^\W\d_])")

_QUOTE_MASK = "\x00"
_MAX_ADJACENT_GAP = 8  # words between a speech verb and the quote it introduces
_MIN_ADJACENT_WORDS = 2  # a quote the attribution touches
_MIN_SENTENCE_WORDS = 4  # a quote elsewhere in an attributed sentence
_MAX_SUBJECT_WORDS = 10


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


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: _Speaker
    adjacent: bool  # the attribution touches the quote
    anchor: int  # offset of the verb or source phrase in the block
    whole_sentence: bool = False  # "According to X, …" covers every quote after it


@dataclass(slots=True)
class _Context:
    """What a paragraph needs to know about the text around it."""

    blocks: dict[int, Block]
    mentions: dict[int, list[Mention]]
    previous_block: int | None = None
    spans: dict[int, list[_Span]] = field(default_factory=dict)

    ends: dict[int, list[int]] = field(default_factory=dict)
    breaks: dict[int, list[int]] = field(default_factory=dict)

    def mention_ends(self, number: int) -> list[int]:
        if number not in self.ends:
            self.ends[number] = [mention.end for mention in self.mentions.get(number, [])]
        return self.ends[number]

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
    masked = _mask(mask_footnote_markers(text), spans)
    breaks = [offset for offset in sentence_starts(text) if not _within(offset, spans)]
    events = sorted(
        [(span.open, span) for span in spans]
        + [(start, speaker) for start, speaker in _reported_speech(block, masked, breaks, context)],
        key=lambda event: event[0],
    )
    speaker = carried
    quotes: list[Quotation] = []
    anchors: set[int] = set()  # verbs that introduced a quote they touch
    for _position, event in events:
        if isinstance(event, _Speaker):
            speaker = event
            continue
        quote = _quotation(block, masked, breaks, event, context, speaker, anchors)
        if quote is not None:
            quotes.append(quote)
            speaker = _Speaker(quote.speaker, quote.speaker_label)
    handed_on = speaker if events else None
    return quotes, handed_on


def _quotation(
    block: Block,
    masked: str,
    breaks: list[int],
    span: _Span,
    context: _Context,
    current: _Speaker | None,
    anchors: set[int],
) -> Quotation | None:
    # ``breaks`` is sorted: find the sentence around the quote by bisection.
    before = bisect_right(breaks, span.open)
    sentence_start = breaks[before - 1] if before else 0
    after = bisect_left(breaks, span.close)
    sentence_end = breaks[after] if after < len(breaks) else len(masked)
    words = len(_WORD.findall(block.text[span.start : span.end]))
    attribution = _attribution_after(block, masked, span, sentence_end, sentence_start, context)
    if attribution is None:
        attribution = _attribution_before(block, masked, span, sentence_start, context)
    if attribution is not None:
        if not _accepts(attribution, words, anchors):
            return None
        if attribution.adjacent:
            anchors.add(attribution.anchor)
        speaker = attribution.speaker
    else:
        opens_sentence = not masked[sentence_start : span.open].strip()
        if not opens_sentence or words < _MIN_SENTENCE_WORDS:
            return None
        # Words after the quote in its own sentence are an attribution that could not
        # be read ('…,” saidMandy Cohen'): the previous speaker is not carried over.
        unread = re.match(r"\s*[,;]?\s*[A-Za-z]", block.text[span.close + 1 : sentence_end])
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
    while (opening := _OPENING_MARK.search(text, index)) is not None:
        span = _span_at(text, opening.start())
        if span is None:
            index = opening.end()
            continue
        trimmed = _trimmed(text, span)
        if trimmed is not None:
            spans.append(trimmed)
        index = span.close
    return spans


def _span_at(text: str, index: int) -> _Span | None:
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
        closing_match = _SINGLE_CLOSING_MARK.search(text, index + 1)
        if closing_match is None:
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
    return text[: span.open].rstrip().endswith("(") and text[span.close :].lstrip().startswith(")")


def _mask(text: str, spans: Sequence[_Span]) -> str:
    """Replace every quoted passage, marks included, so verbs inside it are not seen."""
    characters = list(text)
    for span in spans:
        characters[span.open : span.close] = _QUOTE_MASK * (span.close - span.open)
    return "".join(characters)


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
    block: Block, masked: str, span: _Span, sentence_start: int, context: _Context
) -> _Attribution | None:
    """'he said he “…”', 'stated, "…"', 'According to the ministry, "…"'."""
    lead = masked[sentence_start : span.open]
    sources = list(_SOURCE_BEFORE.finditer(lead))
    verb = _last_speech_verb(lead)
    if sources and (verb is None or verb.start() < sources[-1].end()):
        source = sources[-1]
        source_at = sentence_start + source.start("source")
        speaker = _source_speaker(block, source_at, source.group("source"), context)
        adjacent = _is_adjacent(lead[source.end() :])
        return _Attribution(speaker, adjacent, source_at, whole_sentence=True)
    if verb is None:
        return None
    adjacent = _is_adjacent(lead[verb.end() :])
    word = verb.group()
    verb_at = sentence_start + verb.start()
    if word in _SPEECH_NOUNS or word in _SPEECH_PARTICIPLES:
        last = word in _SPEECH_NOUNS
        named = _named_in(block, sentence_start, verb_at, context, last=last)
        return _Attribution(named or _Speaker(None, ""), adjacent, verb_at)
    inverted = _inverted_subject(block, lead, verb, sentence_start, context)
    if inverted is not None:
        return _Attribution(inverted, adjacent, verb_at)
    subject, offset = _subject_before(lead[: verb.start()])
    if not subject:
        return None
    speaker = _resolve(block, sentence_start + offset, subject, span.open, sentence_start, context)
    return _Attribution(speaker, adjacent, verb_at)


def _inverted_subject(
    block: Block, lead: str, verb: re.Match[str], sentence_start: int, context: _Context
) -> _Speaker | None:
    """ "It was, said Tom Hale, a ‘…’": a named speaker right after the verb."""
    clause = re.match(r"\s*([^,;:\x00]*?)\s*(?:,|$)", lead[verb.end() :])
    if clause is None or not clause.group(1):
        return None
    start = sentence_start + verb.end() + clause.start(1)
    end = sentence_start + verb.end() + clause.end(1)
    for mention in context.mentions.get(block.number, []):
        if start <= mention.start and mention.end == end:
            return _Speaker(mention.person, " ".join(clause.group(1).split()))
    return None


def _last_speech_verb(lead: str) -> re.Match[str] | None:
    """The last speech verb or participle of ``lead``; a noun only right before the quote."""
    words = list(_WORD.finditer(lead))
    for position in range(len(words) - 1, -1, -1):
        word = words[position].group()
        if word in _SPEECH_NOUNS:
            if _is_adjacent(lead[words[position].end() :]):
                return words[position]
        elif word in _SPEECH_PARTICIPLES or _is_speech_verb(words, position):
            return words[position]
    return None


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


def _is_adjacent(between: str) -> bool:
    return _QUOTE_MASK not in between and len(_WORD.findall(between)) <= _MAX_ADJACENT_GAP


def _subject_before(lead: str) -> tuple[str, int]:
    """The subject of a verb, given the sentence up to the verb, and its offset."""
    text = lead.rstrip()
    if text.endswith(","):  # "Name, governor of Veracruz state, said": skip the appositive
        cut = text[:-1].rfind(",")
        text = text[:cut] if cut >= 0 else text[:-1]
    start = 0
    for boundary in re.finditer(r",\s+|;\s+|:\s+|\bthat\s+|\x00+\s*", text):
        start = boundary.end()
    words = list(re.finditer(r"\S+", text[start:]))
    while words and words[0].group().lower() in _LEADING_CONJUNCTIONS:
        words.pop(0)
    if len(words) == 1 and words[0].group().lower() in _RELATIVE_PRONOUNS:
        return _antecedent(text[:start])
    while words and words[-1].group().lower() in _SUBJECT_TAIL:
        words.pop()
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return "", start
    return text[start + words[0].start() : start + words[-1].end()], start + words[0].start()


def _antecedent(text: str) -> tuple[str, int]:
    """ "Freedom House, which assesses that …": the name a relative pronoun stands for."""
    name = re.search(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5}(?=\s*,?\s*$)", text)
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
    for mention in context.mentions.get(block.number, []):
        if offset <= mention.start and mention.end <= end and _heads(block.text, mention, end):
            return _Speaker(mention.person, _trim_appositive(label))
    return _Speaker(None, label)


def _source_speaker(block: Block, offset: int, source: str, context: _Context) -> _Speaker:
    """The speaker of "According to X," or "in the assessment of X"."""
    label = " ".join(source.split())
    end = offset + len(source.rstrip())
    for mention in context.mentions.get(block.number, []):
        if offset <= mention.start and mention.end <= end and _heads(block.text, mention, end):
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
    named = _people_between(block, sentence_start, position, context)
    if named:
        return named[0] if len(named) == 1 else None
    starts = [0, *context.sentence_breaks(block)]
    index = bisect_left(starts, sentence_start)
    end = sentence_start
    for start in reversed(starts[:index]):
        named = _people_between(block, start, end, context)
        if named:
            return named[0] if len(named) == 1 else None
        end = start
    if sentence_start > 0 or context.previous_block is None:
        return None
    previous = context.blocks[context.previous_block]
    end = len(previous.text)
    for start in reversed([0, *context.sentence_breaks(previous)]):
        named = _people_between(previous, start, end, context)
        if named:
            return named[0] if len(named) == 1 else None
        end = start
    return None


def _people_between(block: Block, start: int, end: int, context: _Context) -> list[str]:
    """The distinct people named, outside quotes, between ``start`` and ``end``."""
    quoted = context.quote_spans(block)
    mentions = context.mentions.get(block.number, [])
    ends = context.mention_ends(block.number)
    people: dict[str, None] = {}
    for index in range(bisect_right(ends, start), bisect_right(ends, end)):
        mention = mentions[index]
        if start <= mention.start and not _inside(mention, quoted):
            people.setdefault(mention.person)
    return list(people)


def _named_in(
    block: Block, start: int, end: int, context: _Context, *, last: bool
) -> _Speaker | None:
    """A person named between ``start`` and ``end``: the last one before a noun
    ("Adeyemi's statement that"), the first one before a participle
    ("Hale took to social media … saying")."""
    found = [
        mention
        for mention in context.mentions.get(block.number, [])
        if start <= mention.start and mention.end <= end
    ]
    if not found:
        return None
    mention = found[-1] if last else found[0]
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
    block: Block, masked: str, breaks: list[int], context: _Context
) -> Iterator[tuple[int, _Speaker]]:
    """Sentences that report speech without quoting it: "The expert said the …".

    They set the speaker for a quote that follows with no attribution.
    """
    starts = [0, *breaks]
    ends = [*breaks, len(masked)]
    for start, end in zip(starts, ends, strict=True):
        sentence = masked[start:end]
        if _QUOTE_MASK in sentence:
            continue
        verb = _first_speech_verb(sentence)
        if verb is None:
            continue
        subject, offset = _subject_before(sentence[: verb.start()])
        if subject:
            verb_at = start + verb.start()
            yield start, _resolve(block, start + offset, subject, verb_at, start, context)
