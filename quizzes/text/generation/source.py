"""The article, indexed for question building, and the text tests every builder uses."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from briefings.text.article import ParsedArticle
from briefings.text.lexicon import (
    COURTESY_TITLES,
    MONTHS,
    NOT_NAME_OPENERS,
    ROLES,
    SPEECH_VERBS,
    WEEKDAYS,
    word_set,
)
from briefings.text.people import NOT_IN_NAMES
from briefings.text.sentences import FOOTNOTE_MARKER, split_sentences
from quizzes.text.answers import normalise_answer, numbers_in
from quizzes.text.facts import Fact

normalised = lru_cache(maxsize=1 << 16)(normalise_answer)


@lru_cache(maxsize=1 << 14)
def _whole_words(answer: str) -> re.Pattern[str] | None:
    written = normalised(answer)
    if not written:
        return None
    # Whole words and whole numbers: "3" is in "3%" and "3 km", not in "30".
    # "the Army's battalion" normalises to "the armys battalion": it names the Army.
    possessive = "s?" if written[-1].isalpha() else ""
    return re.compile(rf"(?<![0-9a-z.]){re.escape(written)}{possessive}(?![0-9a-z]|\.\d)")


# "Safer Harbours – The plan will …" runs in after a dash as well as a colon.
_LABEL = re.compile(r"(?P<label>[A-Z][^:!?\n–—]{0,120}?)(?::|\s[–—])\s+(?=[A-Z\d$])")
_LABEL_SMALL_WORDS = word_set("of and the on for to in a an at with by")


# An action item in the imperative, as fact sheets list them: "Open competition for the first
# round of grants within 90 days.", "Incorporate the best practices into state plans: DOT will
# …". Not "Support for the plan grew", "Open to all".
_IMPERATIVE = re.compile(
    r"^(?:Open|Incorporate|Develop|Publish|Establish|Expand|Launch|Create|Eliminate|Increase|"
    r"Reduce|Ensure|Improve|Invest|Build|Provide|Promote|Strengthen|Modernize|Modernise|"
    r"Accelerate|Deploy|Streamline|Lower|Protect|Advance|Address|Convene|Issue|Identify|"
    r"Prioritize|Prioritise|Leverage|Engage|Enhance|Implement|Mobilize|Mobilise|Foster|"
    r"Coordinate|Release|Announce|Deliver)\s+(?!(?:of|for|in|is|was|are|were|to|and|as|on|"
    r"at|by|up)\b)(?:the\s+|a\s+|an\s+)?[a-z]"
)


def run_in_heading(text: str) -> re.Match[str] | None:
    """A run-in heading at the start of ``text``: "U.S.-Zambia MOU on Commercial
    Development: On April 3, ...". Its words are capitalised, as a title's are;
    "The minister said two things: ..." is a sentence, not a heading."""
    match = _LABEL.match(text)
    if match is None or ". " in match.group("label"):
        return None
    if _IMPERATIVE.match(match.group("label")):
        return match
    words = [w for w in match.group("label").split() if w.lower() not in _LABEL_SMALL_WORDS]
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return match if words and capitalised >= 0.75 * len(words) else None


_MIN_SHOWN_WORDS = 6


def _unbalanced(text: str) -> bool:
    """Whether brackets open and close unevenly: "... of the 2023 proposal.)"."""
    return text.count("(") != text.count(")") or text.count("[") != text.count("]")


# A list item that opens on its verb, its subject in a lead-in elsewhere: "Provided 200
# ventilators to 29 facilities", "Partnered with …", "Helps states …". Not a participle
# that leads to the subject after a comma ("Founded in 1990, the firm …"), nor a name.
_SUBJECTLESS = re.compile(
    r"^(?!(?:United|Limited|Red|Ted|Fred|Ned|Ed|Reed|Speed|Seed|Creed|Need|Feed|Bed|Shed|"
    r"Hundred|Mohammed|Ahmed|Naed|Sayed|Saeed|Zayed|Mohamed)\b)"
    r"(?:(?:[A-Z][a-z]{2,}ed|Made|Built|Sent|Gave|Took|Brought|Held|Won|Began|Spent|Sold|Bought|"
    r"Taught|Drew|Grew|Struck|Wrote|Paid|Lost|Kept|Told|Became|Led|Set|Met|Put)"
    # "Founded in 1990, the firm …" goes on to its subject; "Made the agency permanent,
    # creating …" and "Enacted House Bill 12, which …" go on to another verb.
    r"\s(?![^,]{0,80},\s(?![a-z]+ing\b|which\b|who\b|where\b|including\b))"
    # A verb in the present never leads to its subject: "Instructs the Secretary of
    # Defense and Secretary of State, along with …".
    r"|(?:Provides|Includes|Supports|Invests|Creates|Establishes|Requires|Directs|Expands|"
    r"Helps|Builds|Delivers|Launches|Ensures|Strengthens|Protects|Reduces|Increases|Lowers|"
    r"Allows|Commits|Announces|Funds|Extends|Authorizes|Authorises|Makes|Brings|Gives|Offers|"
    r"Instructs|Improves|Promotes|Designates|Revokes|Amends|Prohibits|Restricts|"
    r"Mandates|Enhances|Expedites|Streamlines|Modernizes|Modernises|Clarifies|Encourages|"
    r"Prioritizes|Prioritises|Empowers|Advances|Eliminates|Removes|Secures|Calls on)\s)"
)
# A sentence ends on a full stop or an exclamation, perhaps inside a quotation or a
# bracket; one cut short ("FEMA was to", "used in up…") or a lead-in does not.
_ENDED = re.compile(r"[.!][\"\u201d\u2019')\]]*\s*$")


def _badly_shaped(sentence: str, *, opened: bool) -> bool:
    """A sentence no stem can show as it stands: a lead-in to a colon or a question, a
    heading of a few words, a list item ("the credit was capped at $150; and", "Provided
    200 ventilators …", "$45 million to …"), a sentence cut short, uneven brackets, words
    run together or an acknowledgement."""
    return bool(
        not _ENDED.search(_SUPERSCRIPTS.sub("", FOOTNOTE_MARKER.sub("", sentence)))
        or _SUBJECTLESS.match(sentence)
        or _IMPERATIVE.match(sentence)
        or sentence.rstrip().endswith((",", ":", ";", "?"))
        or len(sentence.split()) < _MIN_SHOWN_WORDS
        or (sentence[:1].islower() and not opened)
        or sentence.rstrip(" .").endswith((" and", " or", ";"))
        or _unbalanced(sentence)
        or _RUN_TOGETHER.search(sentence)
        or _DETACHED_POSSESSIVE.search(sentence)
        or _no_verb(sentence)
        or _ACKNOWLEDGEMENT.search(sentence)
        or _AMOUNT_FOR.match(sentence)
    )


def _no_verb(sentence: str) -> bool:
    """Whether a sentence is names and plurals joined by small words, with no verb: "Most
    components of the Department of Justice as well as the Federal Emergency Management
    Agency.", "Within HHS, the Secretary’s Office, … and FDA.": a list item cut from its
    lead-in."""
    said = _POSSESSIVE_MARK.sub("", _QUOTED.sub(" ", sentence))
    if _AUXILIARY.search(said) or _PAST_VERB.search(said) or _IRREGULAR_PAST.search(said):
        return False
    words = list(re.finditer(r"\b[a-z][a-z\u2019'-]*\b", said))
    return bool(words) and all(
        m.group() in _LIST_WORDS
        or (
            m.group().endswith("s")
            and not m.group().endswith("ss")
            and _LIST_AFTER_PLURAL.match(said, m.end())
        )
        # "in each cabinet-level department": a noun that is no verb
        or ("-" in m.group() and not m.group().endswith("s"))
        or (_NOUN_ENDING.search(m.group()) is not None and m.group() not in _VERBS_IN_NOUN_FORM)
        for m in words
    )


_POSSESSIVE_MARK = re.compile(r"(?<=\w)[\u2019']s\b")
_NOUN_ENDING = re.compile(r"(?:ment|tion|sion|ity|ness|ship|ism)$")
_VERBS_IN_NOUN_FORM = word_set(
    "implement supplement complement document comment experiment augment cement ferment torment "
    "position question function mention station condition commission auction"
)


# "components of", "agencies, …", "offices and": a plural in a list, not a verb in "-s".
_LIST_AFTER_PLURAL = re.compile(r"\s*(?:[,.;:)]|$|(?:of|and|or|as|in|for|within)\b)")
# The small words a list of names and plurals is joined by.
_LIST_WORDS = word_set(
    "of and or the a an as well in for to at on with within from including other all most "
    "each both its their his her our such"
)


# "SEIU ‘s student debt clinics": a possessive cut off from its name.
_DETACHED_POSSESSIVE = re.compile(r"\w\s+[\u2018\u2019']s\b")

# A line of a list of spending: "$45 million to the PAHO …", "Nearly $300 million annually
# to Somalia for …": an amount and what it goes to, whatever clause hangs off the end.
_AMOUNT_FOR = re.compile(
    r"(?:(?:Nearly|Almost|About|Over|More than|Up to|Roughly|Approximately|Some) )?"
    r"\$[\d.,]+ ?(?:million |billion |trillion |thousand )?"
    r"(?:(?:annually|per year|a year|each year|per annum) )?(?:to|for) "
)


def _leans_elsewhere(sentence: str, masked: str, raw: str) -> bool:
    """A sentence that needs another to be understood (``masked`` has its quotations
    blanked): a projection without its condition, a headline fragment, "this funding",
    "It ...", "For example", "last year", "also", a weekday with no date."""
    return bool(
        _unattributed_possibility(masked)
        or _fragment(masked)
        or _points_outside(masked)
        or _DEPENDENT_OPENER.match(sentence)
        or _SUBJECT_PRONOUN.match(sentence)
        or _INNER_FIRST_PERSON.search(masked)
        or _SUBJECT_THING.match(sentence)
        or _BARE_BODY.match(sentence)
        or _BARE_PARTIES.match(sentence)
        or _BARE_AMOUNTS.match(sentence)
        or _ALWAYS_DANGLING.search(masked)
        or _THAT_THING.search(masked)
        or _THE_DOCUMENT.search(masked)
        or _THE_THING_AFTER_A_CLAUSE.search(masked)
        or _SHARE_OF_THE_THING.match(sentence)
        or _RELATIVE_TIME.search(masked)
        or _DETERMINED_THING.search(masked)
        or _SUCH_THING.search(masked)
        or _SIMILAR_THING.search(masked)
        or _PERSON_THEN_ITS.match(sentence)
        or _REFERRED_THING.search(masked)
        or _ALSO.search(masked)
        or (_WEEKDAY.search(masked) and not _MONTH_DAY.search(raw))
    )


_INFINITIVE_BEFORE = re.compile(r"\bto\s+[a-z]+\s+$")


def _gerund_item(text: str) -> bool:
    """Whether a sentence opening on "-ing" is a list item: "Aligning Medicare payment … with
    the cost by which hospitals can acquire …" has verbs only in its clauses. "Improving
    access is a priority" and "Building on that work, the agency will …" are sentences."""
    head = _CLAUSE_BREAK.split(text, maxsplit=1)[0]
    # "the statutorily required discount", "Continuing to support enhanced Air Policing": a
    # participle after an adverb or a verb's infinitive is no verb.
    past = [
        m
        for m in _PAST_VERB.finditer(head)
        if not head[: m.start()].endswith("ly ")
        and not _INFINITIVE_BEFORE.search(head, 0, m.start())
    ]
    if _AUXILIARY.search(head) or past or _IRREGULAR_PAST.search(head):
        return False
    return not _SUBJECT_AFTER_OPENING.match(text, len(head))


def _bullet_shaped(text: str) -> bool:
    """Whether ``text`` opens on a figure or a described thing with no verb before its
    first relative clause: "25% tariffs on goods that …", "New guidance to agencies …"."""
    if not (_FIGURE_LEAD.match(text) or _BULLET_LEAD.match(text)):
        return False
    spans = split_sentences(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text
    head = _RELATIVE_PRONOUN.split(first, maxsplit=1)[0]
    # "any potash imported from Canada": a participle describing the thing, not a verb.
    past = [m for m in _PAST_VERB.finditer(head) if not _PARTICIPLE_AFTER.match(head, m.end())]
    return not (_AUXILIARY.search(head) or past or _IRREGULAR_PAST.search(head))


# Words after which a word ending in "s" is a noun, not a verb ("Purchases of energy
# products"): the subject has ended in a phrase of its own.
_NOUN_PHRASE_BREAK = word_set("of for to in on with by from at like about under over into")
_PRESENT_VERB = re.compile(r"[a-z]{2,}(?<![su]s)(?<!is)s")


def _verbless(text: str) -> bool:
    """Whether the first sentence of ``text`` names a thing with no verb before its first
    relative clause: no auxiliary, no past tense, and no word in "-s" among the few words
    that could end its subject ("The plan targets …" has one; "Purchases of energy
    products, …" and "U.S. budget support for … organizations like …" have none)."""
    spans = split_sentences(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text
    head = _RELATIVE_PRONOUN.split(first, maxsplit=1)[0]
    if _AUXILIARY.search(head) or _PAST_VERB.search(head) or _IRREGULAR_PAST.search(head):
        return False
    if _SUBJECTLESS.match(first):
        return False  # "Provides 200 ventilators …": a verb, with its subject in the lead-in
    for word in head.split()[1:5]:
        bare = word.strip(",;:.").lower()
        if bare in _NOUN_PHRASE_BREAK:
            break
        if _PRESENT_VERB.fullmatch(bare):
            return False
    return True


def _unattributed_possibility(text: str) -> bool:
    return bool(_COULD.search(text)) and not _CONDITION_OR_SOURCE.search(text)


def _fragment(text: str) -> bool:
    """A list item with no verb: "34 million children at risk ...", "A grant for ...",
    "Improving the Medicare programme to …" (what an order does, under its lead-in)."""
    if _GERUND_LEAD.match(text):
        return _gerund_item(text)
    if _AUXILIARY.search(text) or _PAST_VERB.search(text):
        return False
    if _FIGURE_LEAD.match(text):
        return True
    return bool(
        _ARTICLE_LEAD.match(text)
        and not _PRESENT_VERB.search(text)
        and not _IRREGULAR_PAST.search(text)
    )


def _points_outside(text: str) -> bool:
    """Whether "this"/"these" points to a thing the sentence has not named before."""
    for match in _POINTING_NOUN.finditer(text):
        noun = match.group("noun")
        if noun in _TIME_NOUNS or re.search(
            r",\s+(?:but|and|while|yet)\s+$", text[: match.start()]
        ):
            continue  # "an army division ..., but these troops": named in this sentence.
        stem = noun.rstrip("s")
        if not re.search(rf"\b{re.escape(stem)}", text[: match.start()], re.IGNORECASE):
            return True
    return False


# "two-thirds (66%)", "over one-quarter (27%)": the words give the figure away, and a
# swapped figure would contradict them.
# "a study based on data from 354 institutions", "a survey of 1,200 adults": how large a
# sample was, which no one reads the article to retain.
_SAMPLE_BEFORE = re.compile(
    r"\b(?:data from|a sample of|samples? of|a survey of|surveyed|responses from|interviews "
    r"with|polled)\s+(?:about\s+|nearly\s+|more than\s+|over\s+)?$",
    re.IGNORECASE,
)
# "increased from $_____ billion in FY2002 to $6.1 billion in FY2024": where a change
# started is background; where it went is the news.
_BASELINE_BEFORE = re.compile(
    r"\b(?:from|up from|down from)\s+(?:about\s+|roughly\s+|nearly\s+|around\s+)?\$?$",
    re.IGNORECASE,
)
_CHANGE_TO_AFTER = re.compile(
    r"^[^.;:]{0,80}?\bto\s+(?:about\s+|roughly\s+|nearly\s+|around\s+)?\$?\d"
)
_FRACTION_BEFORE = re.compile(
    r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?)\s*\(\s*$", re.IGNORECASE
)
# "$380 million, $425 million, $75 million …, respectively": one figure of a list is
# a feat of memory, not of reading.
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


# "computer equipment ($34.6 billion), motor vehicles ($84.4 billion), …": one figure of
# an inventory in brackets is a feat of memory, not of reading.
_BRACKETED_FIGURE = re.compile(r"\([^()\d]*\d[^()]*\)")
# "[r]eview and validate", "[the Army] will": words an editor changed in a passage the
# article quotes without quotation marks; a question would present them as its own.
_EDITED_QUOTATION = re.compile(r"\[[a-z][^\[\]]*\]")


def _one_of_an_inventory(raw: str, start: int) -> bool:
    """Whether the value at ``start`` sits in one of three or more bracketed figures."""
    figures = list(_BRACKETED_FIGURE.finditer(raw))
    return len(figures) >= 3 and any(m.start() < start < m.end() for m in figures)


# "the Secretary of Foreign Affairs, Alicia Bárcena;": one name of a roll call of offices.
_ROSTER_NAME_BEFORE = re.compile(r",\s+(?:(?:Dr|Gen|Adm|Col|Hon|Mr|Ms|Mrs)\.\s+)*$")
_ROSTER_NAME_AFTER = re.compile(r"^(?:,?\s+(?:Jr|Sr)\.?)?\s*(?:;|,?\s+and\b|\.\s*$)")
# "has published over 100 articles and edited 2 books": a tally of someone's writing.
_WRITINGS_BEFORE = re.compile(
    r"\b(?:published|authored|co-?authored|written|wrote|edited)\s+"
    r"(?:over|more than|about|nearly|some|approximately|roughly)?\s*$"
)
_WRITINGS_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+)?(?:articles|papers|books|publications|chapters|essays|volumes|"
    r"op-eds|reports)\b"
)
# "the top 10 allocations in Alabama, California, …": a count the list after it gives away.
_NAME = r"[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*)*"
_COUNTED_LIST = re.compile(rf"(?:{_NAME},\s+)+{_NAME}(?:,?\s+(?:and|or)\s+{_NAME})?")
_SMALL_COUNTS = {
    word: number
    for number, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six")
        + ("seven", "eight", "nine", "ten", "eleven", "twelve")
    )
}


def _counted_in_the_sentence(value: str, after: str) -> bool:
    """Whether the list right after a count has as many items as the count."""
    word = value.strip().lower()
    number = int(word) if word.isdigit() else _SMALL_COUNTS.get(word)
    if number is None or not 2 <= number <= 30:
        return False
    listed = _COUNTED_LIST.search(after, 0, 200)
    if listed is None or listed.start() > 60:
        return False
    return len(re.split(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+", listed.group())) == number


def _worked_out_from_the_rest(raw: str) -> bool:
    """Whether one number the sentence states is the sum of all its others ("six …, six …
    and four …, for a total of 16"): any of them can be worked out from the stem."""
    numbers = numbers_in(raw)
    if len(numbers) < 3:
        return False
    whole = sum(numbers)
    return any(abs(whole - 2 * n) < 1e-9 for n in numbers)


# A number, standing alone or opening a compound ("90-day").
_NUMBER_IN_A_COMPOUND = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?![\d,]*\w)(?=-|\W|$)")


def _in_a_step_sequence(raw: str) -> bool:
    """Whether three numbers the sentence states in a row go up or down in equal steps
    ("each 30-day, 60-day and 90-day action"): any of them can be worked out from the stem."""
    numbers = [float(n.replace(",", "")) for n in _NUMBER_IN_A_COMPOUND.findall(raw)]
    return any(
        b - a == c - b != 0 for a, b, c in zip(numbers, numbers[1:], numbers[2:], strict=False)
    )


def _exact_sum(fact: Fact) -> bool:
    """A sum of money to the dollar ("$96,750"): four or more significant figures and no
    "million" to round it. What a trainee retains is "about $100,000", not the digits."""
    if fact.unit not in ("dollar", "euro", "pound") or re.search(
        r"(?i)\b(?:thousand|million|billion|trillion)\b|\d\s*[kmb]n?\b", fact.detail
    ):
        return False
    digits = re.sub(r"\D", "", fact.value.split(".")[0]).rstrip("0")
    return len(digits) >= 4


# A line of a curriculum vitae: degrees and clerkships.
_CURRICULUM = re.compile(
    r"\b(?:J\.D\.|B\.A\.|B\.S\.|M\.A\.|M\.S\.|LL\.M\.|LL\.B\.|Ph\.D\.|M\.B\.A\.|M\.P\.P\.|"
    r"M\.D\.|bachelor'?s|master'?s|doctorate|law clerk|clerked)"
    r"|\b(?:received|earned|obtained)\s+(?:his|her|their|a|an)\s+(?:\w+\s+)?degree\b"
)
# Years a trainee knows before reading any article: asking them tests nothing it says.
_LANDMARK_YEARS = frozenset({1492, 1776, 1789, 1865, 1914, 1918, 1939, 1945})
# "in that office", "that grant program": a thing another sentence named.
_THAT_THING = re.compile(
    r"\bthat\s+(?:grant\s+)?(?:office|agency|program|programme|department|court|unit|division|"
    r"position|role|bureau|committee|commission|law|act|plan|fund|project|initiative|report|"
    r"memo|memorandum|order|rule|policy|facility|company|firm|group|team|meeting|summit|deal|"
    r"agreement|effort|campaign|case|trial|bill|promise|pledge|commitment|vision|goal|mission|"
    r"priority)\b(?!\s+(?:is|was|has|had|will|would|can|could)\b)"
)
# "'Minerals' covered by the order include …": which order, another sentence said.
_THE_DOCUMENT = re.compile(
    r"\b(?:by|under|in|of|through) the (?:order|executive order|memorandum|proclamation|"
    r"legislation|bill)\b(?!,? (?:of|on|to|for|that|which|titled|entitled|signed)\b|,? [A-Z\d])"
)
# "For a family of four, the framework will save …": which framework,
# another sentence said.
_THE_THING_AFTER_A_CLAUSE = re.compile(
    r"(?:, |\b(?:after|before|until|once|when|since) )the (?:framework|plan|bill|legislation|"
    r"proposal|package|agreement|deal|law|strategy|initiative|program|programme|rule|order|"
    r"measure) (?:is|was|takes|took|will|would|could|can|also)\b"
)
# "Much of the difference ($178 million) …": a difference worked out in another sentence.
_SHARE_OF_THE_THING = re.compile(
    r"^(?:Much|Most|Part|Some|All|Half|None|The rest|The remainder) of (?:the|this|that) "
    r"(?:difference|increase|decrease|reduction|change|gap|cut|rise|fall|remainder|balance)\b"
)
_TIME_NOUNS = word_set("year years month months week weeks day days time decade century way")


# A surname is written alone unless a first name, an initial or a title stands before it
# ("Loida Lewis", "Ms. Lewis") or a name goes on after it ("the Lewis Foundation").
_TITLES = COURTESY_TITLES | ROLES
_NAME_WORD_BEFORE = re.compile(r"(?:\b[A-Z][\w\u2019'-]*\.?|\b[A-Z]\.)\s+$")
_NAME_WORD_AFTER = re.compile(r"(?:\u2019s|'s)?\s+[A-Z]")
# "his new Made in _____": a capitalised word and "in", "of" or "for" run on into the gap.
_NAME_RUNS_INTO_GAP = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\s+(?:in|of|for|on)\s+$")


def _splits_the_name(text: str, start: int, end: int, fact: Fact) -> bool:
    """Whether a word of the entity's full name stands right beside the value it leaves."""
    if _NAME_RUNS_INTO_GAP.search(text, 0, start) and fact.value[:1].isupper():
        return True  # "his new Made in _____" for the Made in America Office
    others = set(fact.subject.split()) - set(fact.value.split())
    before = re.search(r"([A-Z][\w\u2019'-]*)\s+$", text[:start])
    after = re.match(r"\s+([A-Z][\w\u2019'-]*)", text[end:])
    return any(m is not None and m.group(1) in others for m in (before, after))


def pronoun_used(text: str) -> str | None:
    """ "he" or "she" when the text, quotations aside, uses the one and not the other."""
    said = _QUOTED.sub(" ", text)
    he, she = bool(_HE.search(said)), bool(_SHE.search(said))
    return "he" if he and not she else "she" if she and not he else None


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


_CARRY_ON = 12
_LEADING_WORDS = word_set(
    "a an the of for and or to at in on by with from as than that which whose who whom into "
    "onto under over about between among its their his her our"
)


def stopping_place(words: list[str], cut: int) -> int:
    """Where to cut ``words`` at or a little after ``cut`` when a stem is shortened: never
    inside a name ("Centers for Disease…") nor after a word that leads on ("of…", "a…",
    "that…"). ``len(words)`` when the end comes first."""
    limit = cut + _CARRY_ON
    while 0 < cut < len(words) and cut <= limit and _leads_on(words, cut):
        cut += 1
    return min(cut, len(words))


_NAME_JOINERS = word_set("and of for the on")


def _leads_on(words: list[str], cut: int) -> bool:
    last, following = words[cut - 1], words[cut]
    if last.endswith((",", ";", ":", ".", ")", "\u201d", '"', "\u2014")):
        return False
    if last.lower() in _LEADING_WORDS or following[:1].isupper() or following[:1].isdigit():
        return True
    # "Centers for Disease Control| and Prevention": a name goes on past "and" or "of".
    after = words[cut + 1] if cut + 1 < len(words) else ""
    return last[:1].isupper() and following in _NAME_JOINERS and after[:1].isupper()


def excerpt_of(text: str, limit: int = 25) -> str:
    """The first sentence of ``text``, at most ``limit`` words."""
    spans = split_sentences(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text
    words = first.split()
    cut = " ".join(words[: stopping_place(words, limit)])
    cut = cut.rstrip(",;:\u2026. ")
    shortened = len(cut.split()) < len(words) or len(spans) > 1
    # A full stop would clash with the stem's own punctuation; "?" and "!" carry meaning.
    return cut + "\u2026" if shortened else cut + (first[-1] if first[-1:] in "!?" else "")


class Shown(NamedTuple):
    """A fact's sentence as a question shows it, with the value's offsets in it."""

    text: str
    value_start: int
    value_end: int


_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]?|\u2018[^\u2018\u2019]*\u2019(?!\w)")
_SUPERSCRIPTS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+")
# A capitalised word joined to a description's start: the description begins inside a name.
_NAME_CUT_BEFORE = re.compile(r"(?:^|[\s-])([A-Z][a-z]+)[\s-]$")
_TITLE_MODIFIERS = word_set("former then acting deputy interim late retired ex outgoing incoming")
# Openers that only link to the previous sentence: dropping them keeps the claim intact.
_DROPPABLE_OPENER = re.compile(
    r"^(?:(?:However|Meanwhile|Moreover|Furthermore|Additionally|Yet|But|And|"
    r"Nevertheless|Nonetheless|Indeed|Separately)\b,?|"
    # Only with their comma: "In addition to Orion, ..." and "Still unclear is ..." are claims.
    r"(?:In addition|At the same time|Still),)\s+"
)
# Openers whose sentence means nothing without the one before.
_DEPENDENT_OPENER = re.compile(
    r"^(?:For (?:example|instance)|Similarly|Likewise|In response|As a result|Instead|In turn|"
    r"Therefore|Thus|Consequently|Otherwise|Then|Later|Afterwards|Since then|By then|Also|"
    # "Perhaps as a result, …": of what? "Among other things, the legislation …": which?
    r"(?:Perhaps|Partly|Largely|Possibly|In part|Probably) as a result|Among other things|"
    r"Such|Both|Neither|Either|Others?|Another|The former|The latter|The same|Here|There|"
    r"Only|All other|Most other|Any other|The other|The rest|The remaining|The remainder|"
    r"An additional|Additional|The additional|More of|Most of|Some of|Section \d+\w*(?! of)|"
    r"The two sides|Both sides|The two countries|The two leaders|The parties|From there|"
    r"From here|So(?=[ ,])|(?:Some|Many|Most|Several|Few) (?:members|participants|officials|"
    r"leaders|partners|delegates|signatories)\b(?! of)|"
    r"(?:Prior|Previous|Subsequent|Next) to th(?:at|is|ese|ose)|"
    r"(?:Before|After|Until|Following|Besides) th(?:at|is|ese|ose)\b(?! [a-z]))\b"
)
_SUBJECT_PRONOUN = re.compile(
    r"^(?:It|Its|They|Their|Them|This|These|That|Those|His|Her|Him|We|Our|You|I)\b"
    # "Together, they have rescued …", "In 2015, it opened …": the same, after an opener.
    r"|^[A-Z][\w\u2019' -]{0,40},\s+(?:it|its|they|their|them|we|our)\b"
)
# "… has been clear that we need Congress to act", "On June 3, 2021, I signed …": the
# release's own voice, which a trainee reads as nobody in particular once the sentence stands
# alone.
_INNER_FIRST_PERSON = re.compile(
    r"\b(?:we|our|ours|us|ourselves|my|myself)\b"
    # "I signed", not a numeral: "Category I and II banks", "Title I funds"
    r"|(?<![\w.])(?<!Category )(?<!Title )(?<!Phase )(?<!Tier )(?<!War )(?<!Part )(?<!Class )"
    r"(?<!Stage )(?<!Level )(?<!Type )(?<!Article )(?<!Chapter )(?<!Schedule )(?<!Division )"
    r"I (?=[a-z])(?!and\b|or\b|through\b|to\b)"
)
_HE = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself)\b")
_SHE = re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
_PRONOUN_OPENING = re.compile(r"(?:He|She|His|Her)\b")
_PERSONAL_PRONOUN = re.compile(r"^(?P<pronoun>He|She)\b(?!-)")
_COURTESY_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(t.capitalize() for t in COURTESY_TITLES)) + r")\.?\s+$"
)
# "the President" with no name after it, and a president the article names.
_UNNAMED_PRESIDENT = re.compile(
    # not a post held ("serves as the President and Chief Executive Officer")
    r"(?<!\bas )(?<!\bis )(?<!\bwas )(?<!\bbecame )(?<!\bnamed )(?<!\bto )(?<!\bof )"
    r"\b[Tt]he President\b(?!\s+(?:of\b|and\b|&|[A-Z]))(?![-\u2011])"
)
_NAMED_PRESIDENT = re.compile(
    r"(?<!Vice )(?<!Vice-)\bPresident "
    r"(?P<name>(?:[A-Z][a-z]+\.? |[A-Z]\. )*[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
_NOT_A_NAME = re.compile(r"(?:and|of|for|on|the|has|had|is|was|will|would|said|says)\b", re.I)
# Words run together in the source: "nearly700", "(MAP)provides", "Programfunds", "§5679,P.L.".
_RUN_TOGETHER = re.compile(
    r"\b[a-z]{3,}\d|[,;)][A-Za-z]|[a-z](?:provides|funds|supports|offers|includes|requires)\b|"
    r"\b(?:million|billion|thousand)[a-z]+|[a-z)]\.[A-Z][a-z]{2,}|"
    r"\d(?!(?:st|nd|rd|th|s|am|pm|km|kg|mm|cm|ml|mph|bn)\b)[a-z]{3,}\b"
)
# Words and word ends that start or end no compound: "thisaccount", "schooland",
# "largestinvestment", "optionallymanned", "appropriationsprovision".
_JOINING_WORDS = frozenset({"this", "these", "that", "those", "and", "the", "its", "their"})
_SMALL_WORDS = word_set("to of in on at by for and from with against into over under after")
_AFTER_A_MARK = re.compile(r"\b([A-Za-z]+)[\u2018\u2019\u02bb']([a-z]+)\b")
_VERBS_AFTER_A_NAME = frozenset({"has", "had", "was", "is", "said", "will", "served"})
_WORD_END = re.compile(r"(?:est|ly|ions?|ies)$")
_ACKNOWLEDGEMENT = re.compile(
    r"\b(?:[Aa]cknowledg|[Tt]hanks? to\b|[Gg]rateful to\b|provided (?:\w+ )?support\b|"
    r"contributed to this (?:report|product|piece)|prepared the (?:graphics|figures|maps)\b)"
)
# Someone's schooling, from a biography: "She received her J.D. from …", "He is a 1986
# graduate of …", "holds a master's degree in …", "was commissioned in 1987". What a
# nominee studied, and where and when, is no part of the news that names them.
_DEGREE = (
    r"(?:(?:[Bb]achelor|[Mm]aster|[Dd]octorate|[Dd]octoral)(?:’s|'s|s)?\b"
    r"|(?:[Ll]aw|[Mm]edical|[Uu]ndergraduate|[Gg]raduate|[Aa]ssociate)(?:’s|'s)? [Dd]egree)"
)
_ACADEMIC_RECORD = re.compile(
    r"\b(?:graduat(?:ed|e|ing) (?:from|with|in)\b|graduate of\b|cum laude\b"
    r"|(?:received|earned|holds|obtained|completed) (?:his|her|their|a|an) "
    r"(?:(?:[A-Z]\.){2,}|[A-Z]\.[A-Z][a-z]+\.|[A-Z][a-z]\.[A-Z]\.)"
    rf"|(?:received|earned|holds|obtained|completed) (?:(?:his|her|their|a|an) )?{_DEGREE}"
    rf"|has (?:a|an) {_DEGREE}"
    r"|(?:Bachelor|Master|Doctor) of "
    r"(?:Arts|Science|Laws|Business|Public|Fine|Education|Philosophy)"
    r"|was commissioned (?:in|through|from)\b|received (?:his|her|their) commission\b)"
)
# An honour in a biography: "was named an 'Employment Law MVP' by Law360 in 2018", "was a
# Public Interest Fellow", "received the Distinguished Service Award".
_HONOUR = re.compile(
    r"\b(?:was|were|has been|have been) (?:named|selected|honou?red|recogni[sz]ed) "
    r"(?:as )?(?:an?|the|one of)\b"
    r"|\b(?:received|won|earned|awarded) (?:the|an?|numerous|several|many) "
    r"(?:[\w\u2019'-]+ ){0,6}(?:[Aa]wards?|[Pp]rizes?|[Mm]edals?|[Hh]onou?rs?|[Ff]ellowships?)\b"
    r"|\b[A-Z][\w-]* Fellow\b"
)
# A map's or a table's credit line: "Created from CRS using data from …", "Source: …".
_CREDIT_LINE = re.compile(r"^(?:Created (?:by|from|using)\b|Sources?:|Notes?:)")
_AS_OF = re.compile(r"\bas of\s+(?:the\s+)?(?:end of\s+)?$", re.IGNORECASE)
# "is married to Rovenia Braddy", "lives in Ohio with her husband": a nominee's family is
# not what an appointment is about. ("Parents enrol their children" is not a biography.)
_FAMILY = re.compile(
    r"\b(?:is|was|has been) married to\b"
    r"|\b(?:is|was) the (?:proud )?(?:father|mother|parent|grandfather|grandmother|"
    r"grandparent) of\b"
    r"|\b(?:lives|resides|lived|resided)\b[^.;]{0,60}?\bwith (?:his|her|their) (?:wife|husband|"
    r"spouse|partner|children|sons?|daughters?|family)\b"
)
# "the national emergency declared in E.O. 13873 of May 15, 2019": the date of a document
# the article cites, not of what it reports.
_CITED_DOCUMENT_OF = re.compile(
    r"\b(?:E\.O\.|Executive Orders?|Orders?|Proclamations?|Memorand(?:um|a)|Directives?|"
    r"Determinations?)\s+(?:No\.\s*)?\d[\d-]*,?\s+(?:of|dated)\s*$"
)
# "As discussed at the Task Force meeting in November 2022, both sides …": when a meeting
# met, in a sentence about what comes of it.
_MEETING_BEFORE = re.compile(
    r"\b(?:at|during)\s+(?:the|their|its|a|an)\s+(?:[\w'\u2019-]+\s+){0,4}"
    r"(?:meeting|session|conference|roundtable)\s+(?:in|on)\s*$",
    re.IGNORECASE,
)
# "In December 2023, the Small Business Administration (SBA) released a report that
# found …": when a report came out, not what it found.
_RELEASED_AFTER = re.compile(
    r"^,\s+(?:the\s+)?(?:[A-Z(][\w.&'\u2019()-]*\s+){1,8}(?:released|published|issued)\s+"
    r"(?:a|an|its|the|their)\s+(?:[\w-]+\s+){0,3}(?:report|study|survey|analysis|"
    r"assessment|review|data|findings)\b"
)
# "could lose critical protections": a projection whose condition is elsewhere.
# "Older Americans would see their premiums rise": what would follow from something the
# sentence does not name (a repeal, a shutdown) reads as a fact once it stands alone.
_COULD = re.compile(r"\bcould\b(?! have\b)|^(?:\S+\s+){1,5}?would\b(?! have\b)")
_CONDITION_OR_SOURCE = re.compile(
    r"\b(?:if|unless|when|should|under|without|said|says|stated|announced|agreed|pledged|"
    r"promised|according|estimated?|estimates|projected|projects|"
    r"warned|warns|argued|argues|expects?|expected|predicted|found|finds|suggests?|noted|notes|"
    r"report(?:s|ed)?|believes?|told)\b",
    re.IGNORECASE,
)
# A headline fragment with no verb: "34 million children at risk of losing care".
_FIGURE_LEAD = re.compile(
    r"^(?:(?:Approximately|About|Around|Over|Nearly|Almost|More than|Up to|Some)\s+)?"
    r"(?:\$?\d|Thousands|Millions|Hundreds|Tens|Billions)"
)
# "A partnership with the Green Climate Fund, for the Barbados Blue-Green Bank.": a
# bullet naming a thing. Without a verb it is no statement to judge true or false.
_ARTICLE_LEAD = re.compile(r"^An?\s")
# "New OMB guidance to all federal agencies to …", "25% tariffs on goods that …": how a
# bullet under a lead-in ("Actions include:") names a thing, with no verb of its own.
_BULLET_LEAD = re.compile(
    r"^(?:An?|New|Additional|More|Expanded|Improved|Increased|Lower|Higher|Greater|"
    r"Enhanced|Stronger|Better|Further)\s"
)
# Initials a trainee reads without their full name; "AO" (the Administrative Office of
# the U.S. Courts) is not one of them.
KNOWN_SHORT = frozenset(
    ["UN", "EU", "US", "UK", "AU", "AI", "DC", "TV", "IT", "ID", "PM", "MP", "FY"]
)
_RELATIVE_PRONOUN = re.compile(r"\s(?:that|which|who|whose)\s")
_PARTICIPLE_AFTER = re.compile(r"\s+(?:from|by|in|into|under|for|to|at|with|across)\b")
# "Improving …", "Building off …": a list item, unless its verb follows (see _gerund_item).
_GERUND_LEAD = re.compile(r"^(?!During\b|According\b|Including\b|Regarding\b)[A-Z][a-z]+ing\b")
_CLAUSE_BREAK = re.compile(
    r",|\b(?:that|which|who|whose|where|when|because|while|so that|in order to|by which)\b"
)
# ", the Department will …", ", researchers found …": the subject and verb of the sentence.
_SUBJECT_AFTER_OPENING = re.compile(
    r",\s+(?!(?:which|who|whose|whom|that|where|when)\b)(?:[\w.&'\u2019-]+\s+){1,8}?"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|must|should|[a-z]{3,}ed|"
    r"made|took|gave|found|led|held|sent|set|built|saw|became|began|won|met|said|told|put)\b"
)
# A word that may be a verb in the present ("funds", "supports"; plurals too, which
# keeps the rule on the side of asking).
_PRESENT_VERB = re.compile(r"\b[a-z]{2,}s\b")
_IRREGULAR_PAST = re.compile(
    r"\b(?:made|took|gave|met|broke|began|went|came|won|lost|led|left|held|sent|spent|"
    r"found|told|said|paid|set|put|built|brought|bought|rose|fell|grew|saw|became|ran|"
    r"hit|cut|kept|sold|struck|wrote|spoke|chose|drew|flew|fought|taught|sought|got|"
    r"stood|sat|shut|let|meant|read|heard|felt|bore|tore|wore|swore|shook|split|"
    r"spread|quit|bid|sank|sprang|swung|stole|froze|forgot|forgave|overtook|undertook)\b"
)
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|shall|"
    r"should|do|does|did)\b"
)
# A past form that is a verb, not a participle: "doses reached", not "losing guaranteed
# access" or "jobs created by".
# Nor one after a preposition or a possessive: "for armored carriers", "its expanded role".
_PAST_VERB = re.compile(
    r"(?<!ing )(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bfor )(?<!\bof )(?<!\bwith )(?<!\bto )"
    r"(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bour )"
    r"\b[a-z]{3,}ed\b(?!\s+by\b)"
)
# "this funding", "these directives": a thing named in another sentence.
_POINTING_NOUN = re.compile(
    r"\b(?:this|these|those|the same)\s+(?P<noun>[a-z]{3,})\b(?!\s+as\b)", re.IGNORECASE
)
_INNER_PERSONAL = re.compile(r"\b(?:he|him|his|she|her|hers|himself|herself)\b")
# A capitalised word after the first: someone the sentence names ("Lee said his ...").
_NAME_BEFORE_PRONOUN = re.compile(
    r"(?<=\s)[A-Z][a-z][\w\u2019'-]*(?:\s+(?:(?:of|the|and|for)\s+)*[A-Z][\w\u2019'.-]*)*"
)
_REPORTED_BY_PRONOUN = re.compile(
    r"(?<=[,\u201d\"] )(?P<pronoun>he|she)"
    r"(?= (?:said|says|added|told|wrote|noted|explained|argued|warned|recalled))"
)
# "the committee", "this timeline": a thing the sentence before introduced.
_GENERIC_NOUNS = (
    "piece|report|article|committee|plan|timeline|study|bill|agreement|deal|move|decision|"
    "proposal|document|letter|memo|statement|meeting|visit|talks|incident|initiative|measure|"
    "program|programme|project|effort|event|case|panel|group|body|company|firm|organi[sz]ation|"
    "agency|office|law|rule|order|policy|strategy|approach|effort|document|paper|book|survey|"
    "poll|trip|tour|summit|conference|session|hearing|vote|election|attack|operation|campaign|"
    "mission|system|process|change|changes|latest|official|officials|man|woman|men|women|"
    "person|people|pair|trio|couple|country|nation|city|region|area|site|facility|victim|victims|"
    "leaders|delegation|delegations|participants|attendees"
)
_SUBJECT_THING = re.compile(rf"^The (?:{_GENERIC_NOUNS})\b(?! [A-Z])")
# "Department programs … increased": a body named by its kind alone, as in a report's
# own words about the one it has been speaking of.
_BARE_BODY = re.compile(
    r"^(?:Department|Ministry|Agency|Bureau|Committee|Commission|Administration)(?:'s|\u2019s)?"
    r" [a-z]"
)
# "Awards range from $27 million …": awards of which of the article's programmes?
_BARE_AMOUNTS = re.compile(
    r"^(?:Awards|Allocations|Grants|Payments|Loans|Funds|Disbursements) (?:range|ranged|will|"
    r"are|were|total|totaled|totalled|go|went|vary|varied)\b"
)
# "Applicants must be present …": the parties to a scheme named in another sentence (or
# the heading above).
_BARE_PARTIES = re.compile(
    r"^(?:Eligible )?(?:[Aa]pplicants|[Pp]articipants|[Rr]ecipients|[Gg]rantees|[Aa]wardees|"
    r"[Bb]eneficiaries|[Ee]nrollees|[Cc]laimants|[Rr]egistrants|[Pp]etitioners)"
    r" (?:must|may|will|shall|can|cannot|should|would|need|are|were|have)\b"
)
# "The act", "Under the agreement,": a thing named in another sentence, unless this one names it
# ("The act, the CHIPS Act, ...", "the agency (FEMA)") or the title does.
_DANGLING_HEADS = (
    "act|request|memo|memorandum|measure|plan|program|programme|strikes?|report|agreement|bill|"
    "department|ministry|bureau|variant|version|surcharge|notification|proclamation|waiver|"
    "ruling|injunction|lawsuit|total|"
    "deal|order|"
    "policy|proposal|decision|effort|initiative|agency|group|committee|panel|body|company|firm|"
    "platform|tool|system|facility|site|project|mission|law|rule|"
    # "The funds are being awarded under …", "The final standards will cut …": whose?
    "funds|funding|standards|budget|allocations|awards|grants|monument|road|legislation"
)
# Words between "The" and a thing another sentence named: "The new plan", "The revised deal".
_REFERRING_ADJECTIVES = "new|proposed|latest|original|current|final|revised|planned|joint"
_DANGLING_THING = re.compile(
    rf"^(?:(?:Under|Through|With|By|Per|As part of|According to) the|The)"
    rf"(?: (?:{_REFERRING_ADJECTIVES}))?"
    # "The FY2027 request", "The 2024 discretionary request": a year does not say whose.
    r"(?: (?:FY ?)?\d{4})?"
    rf"(?: [a-z]+){{0,2}} (?P<head>{_DANGLING_HEADS}|(?i:{_DANGLING_HEADS})(?= [a-z]))\b"
)
# "The new monument …", "The medal's design …": a thing the sentence does not name.
# "The Consortium has …" for the Harbour Data Consortium: capitalised too, before a verb.
_NAMED_THING = re.compile(
    rf"^The(?: (?:{_REFERRING_ADJECTIVES}|first|second|two|three))? "
    r"(?P<head>[a-z]{3,}|[A-Z][a-z]{2,}(?= (?!(?:of|for|on|and|to|in)\b)[a-z]))\b"
    r"(?:'s|\u2019s)?"
)
# "The national monument protects …": the same, after a word that describes it.
_NAMED_THING_AFTER_A_WORD = re.compile(
    rf"^The(?: (?:{_REFERRING_ADJECTIVES}))? [a-z]{{3,}} (?P<head>[a-z]{{3,}})\b"
    r"(?:'s|\u2019s)?"
)
_WORD = re.compile(r"[^\s]+")
_HEAD_WORD = re.compile(r"[A-Z][a-z]{2,}")


def _multiword_name_heads(text: str) -> Iterator[str]:
    """The last word, in lower case, of each run of two or more capitalised words: "monument"
    for "Grand Canyon National Monument". One pass over the words, so linear in the text."""
    run = 0
    for match in _WORD.finditer(text):
        word = match.group()
        bare = word.rstrip(".,;:!?)\u201d\"'")
        capitalised = bare[:1].isupper()
        run = run + 1 if capitalised else 0
        ends_here = capitalised and (bare != word or not _next_is_capitalised(text, match.end()))
        if ends_here:
            if run >= 2 and _HEAD_WORD.fullmatch(bare):
                yield bare.lower()
            run = 0


def _next_is_capitalised(text: str, end: int) -> bool:
    """Whether the word after ``end`` (past one space) starts with a capital."""
    following = text[end : end + 2]
    return len(following) == 2 and following[0] in " \u00a0" and following[1].isupper()


# Heads that end names but, lowercase, mean something general enough to stand alone.
_NOT_NAME_HEADS = word_set(
    "states united nations people years year day days time world country countries war "
    "president minister government administration"
)
# (A fiscal year is no name: "The center's FY2027 request".)
# ("The task force, officially known as the Task Force to …" names it too.)
_NAMED_RIGHT_AFTER = re.compile(
    r"\s*(?:,\s*(?:(?:(?:officially|formally|also)\s+)?(?:known as|called|named)\s+)?"
    r"(?:the\s+)?|\s*\(\s*)?(?!FY ?\d)[A-Z]"
)
# "The FY2027 request for AO": the words after the opening say whose it is.
_OWNER_RIGHT_AFTER = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]")
# "the aforementioned strikes", "such a test", "said agreement", "the latter": always dangle.
_ALWAYS_DANGLING = re.compile(
    r"\b(?:[Aa]forementioned|[Ss]uch an? (?!(?:as|way|manner|extent|degree|scale|large|small|"
    rf"long|short|high|low|great|number)\b)[a-z]+|[Ss]aid (?:{_DANGLING_HEADS})\b|"
    r"[Tt]he latter\b|[Tt]he former(?=\s*[,.;:)]|\s+(?:is|was|has|had|will|would|said|says)\b)|"
    r"\b(?:listed|mentioned|described|noted|shown|outlined|areas|items|steps|tables?|figures?|"
    r"charts?|graphs?|maps?|boxes)\s+(?:above|below)\b|"
    r"^The E\.O\.(?=\s)|\b(?:subject|according|similar|related|due) to it\b|"
    # "Approximately 70% of them, or 700 locations": of what, another sentence said.
    r"(?:\d+%|\bpercent|\b(?:[Mm]any|[Mm]ost|[Ss]ome|[Aa]ll|[Hh]alf|[Ee]ach|[Nn]one|[Oo]ne|"
    r"[Tt]wo|[Tt]hree|[Mm]ore|[Ff]ew)) of them\b)"
)
# "took such decisive action" near the start points back; later in the sentence ("… and
# 17% had such images posted") it usually points within it.
_SUCH_THING = re.compile(r"^(?:\S+\s+){0,7}?[Ss]uch (?!an?\b|as\b|that\b)[a-z]{3,}")
# Near the start, "this plan" points back; later in the sentence it usually points within it
# ("an army division ..., but these troops").
_DETERMINED_THING = re.compile(
    r"^(?:\S+\s+){0,6}?(?:this|these|those)\s+(?:\d{4}\s+)?(?![a-z]+ly\b)[a-z]+", re.IGNORECASE
)
# "revoked visas … for similar actions": similar to what another sentence tells.
_SIMILAR_THING = re.compile(
    r"\b[Ss]imilar (?:actions?|steps|measures|efforts|moves|cases|programs|programmes|"
    r"initiatives|policies|reasons|violations|conduct|activities|incidents|attacks)\b(?! to\b)"
)
# "Loida Lewis assumed its leadership": a person's name, a verb, and a body named before.
_PERSON_THEN_ITS = re.compile(
    r"^(?:He|She|(?!The\b)(?:[A-Z][a-z][\w’'-]*|[A-Z]\.)(?:\s+(?:[A-Z][a-z][\w’'-]*|[A-Z]\.)){1,2})"
    r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\s+its\b"
)
# "SBA projects that the new rule …", "the extension applied to both programs", "Partners
# include …": a rule, programmes or partners another sentence named.
_REFERRED_THING = re.compile(
    r"\bthe (?:new|proposed|revised|planned|final|interim) (?:rule|regulation|policy|program|"
    r"programme|guidance|standard|requirement|framework)\b(?!,? (?:the |of |on |for )?[A-Z])|"
    r"\b(?:both|all (?:two|three|four|five|six|seven|eight|nine|ten|\d+)) (?:programs|"
    r"programmes|agencies|bills|laws|rules|acts|funds|offices|committees|contracts|awards|"
    r"measures|initiatives|companies|groups)\b|"
    r"^(?:Partners|Participants|Members|Grantees|Recipients|Awardees|Signatories) (?:include|"
    r"are|were)\b|^The (?:convening|gathering|meeting|event|session|launch)\b(?! of)|"
    # "contribute $25 million to the Facility": a body the article named in full before.
    r"\b[Tt]he (?:Facility|Fund|Program|Programme|Initiative|"
    r"Partnership|Agreement|Office|Board|Council|Commission|Committee|Center|Centre)\b"
    r"(?! (?:of|for|on|to) (?:the )?[A-Z])|"
    # "Officials from three offices joined.": joined what?
    r"\b(?:joined|attended|participated|took part)\.?$"
)
_RELATIVE_TIME = re.compile(
    r"\b(?:(?:last|next|this|that|the same|the following|the previous|the next|the prior|"
    r"earlier this|later this|earlier that|later that)\s+(?:year|month|week|day|weekend|morning|"
    r"afternoon|evening|night|spring|summer|autumn|fall|winter|time|decade)|yesterday|today|"
    r"tomorrow|tonight|recently|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|"
    r"several|a few|few|some)\s+(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+"
    r"(?:later|earlier|before|ago|afterwards?)|(?:since|by|until|back|even|only) then|"
    r"at the time|so far this|(?:the previous|the following|the next|last|next) "
    rf"(?:{'|'.join(MONTHS)})|"
    r"(?:the )?(?:past|last|next|coming|previous)\s+(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|\d+|few|several)\s+(?:days|weeks|months|years|decades))\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b")
_MONTH_DAY = re.compile(
    rf"\b(?:{'|'.join(MONTHS)})\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\b"
)
# "also" points back to something said before; "also known as" does not.
_ALSO = re.compile(r"\balso\b(?! (?:known|called|referred))", re.IGNORECASE)
# "President Biden also announced $28 million …": the statement holds without the "also"
# that ties it to the sentence before, so a stem leaves it out. Not "not only … but also".
# "Army recruiting has recently seen a surge": so does the stem, without the "recently"
# that dates it by the day the release came out.
_DROPPABLE_WORD = re.compile(
    r"(?<!\bbut)(?<!\bnot only) also\b(?! (?:known|called|referred))(?!,)"
    r"|(?<!\buntil)(?<!\bas)(?<!\bmost)(?<!\bonly)(?<!\bmore) recently\b(?! as)(?!,)"
)
# "Today, President Trump signed an Executive Order …": the release's own day, which a stem
# cannot name; what was done that day stands without it.
_DROPPABLE_TODAY = re.compile(r"^(?:Today|Earlier today|Recently),?\s+(?=[A-Za-z])")


def _edited(raw: str, edits: list[tuple[int, int, str]]) -> str:
    """``raw`` with each (start, end, new) edit made; the edits are in order, not overlapping."""
    text, last = "", 0
    for a, b, new in edits:
        text += raw[last:a] + new
        last = b
    return text + raw[last:]


# A body's name that reads with "the": "the Department of Transportation", "the High-Level
# Economic Dialogue".
_TAKES_THE = re.compile(
    r"^(?!The\b)(?=[A-Z]).*?\b(?:Agency|Administration|Department|Board|Service|Commission|"
    r"Council|Office|Bureau|Fund|Organi[sz]ation|Program|Programme|Committee|Union|Nations|"
    r"States|Institute|Authority|Force|Court|Bank|Forum|Initiative|Dialogue|Treaty|Alliance|"
    r"Party|Movement|Front|Mission|Assembly|Agreement|Partnership|Coalition|Conference|Center|"
    r"Centre|Corporation|Directorate|Ministry|Secretariat|Group|Network|Foundation|Act|Law|Plan|"
    r"Strategy|Framework|Summit|Convention|Protocol|Accord|Compact|Facility)\b"
)
# A capitalised word right before, not opening the sentence and no article: "New York State".
_CAPITALISED_BEFORE = re.compile(r"\S\s+(?!(?:The|A|An)\s)[A-Z][\w.]*\s+$")
# "the DOT", "a joint NATO force", "its FHWA office": the name already has its article
# ("the legislation directs DOT" does not: "directs" is a verb, not an adjective).
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+"
    r"(?:(?![\w-]*(?:s|ed)\s)[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` (in order, not overlapping) cut out."""
    kept, last = [], 0
    for a, b in spans:
        kept.append(text[last:a])
        last = b
    return "".join(kept) + text[last:]


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'\-]{2,}(?:,\s*[A-Z][A-Za-z.' ]+)?,"
    r"[^.\n]{0,40}?(?:\([A-Za-z/ ]+\)\s*)?[-\u2013\u2014]"
    r"|^[^.\n]{0,80}\((?:Reuters|AP|AFP|Xinhua|UPI|VOA|RFE/RL|dpa|Bloomberg|ANI|IANS|PTI|CNN)\)"
)
# A date that only says when something was said or published, not when something happened.
_PUBLICATION_BEFORE = re.compile(
    r"\b(?:said|says|told|interview|press conference|briefing|statement|remarks|report(?:ed|s)?|"
    r"published|released|issued|posted|tweeted|wrote|updated|accessed|retrieved|dated|testified|"
    r"testimony|hearing|letter|op-ed|editorial|article|column|speech|news conference|"
    r"e-?mail(?:ed)?|tweet|social media post|Facebook post|blog post)\b"
    r"(?:\W+\w+){0,3}\W+(?:on|in|of|dated)?\W*$",
    re.IGNORECASE,
)
# "a survey conducted by the Hotline in 2022", "Since releasing the Action Plan in June
# 2022": when a document came out, not what it found or what was done.
_DOCUMENT_DATED_BEFORE = re.compile(
    r"\b(?:survey|study|poll|memo|analysis|audit)\s+(?:conducted|carried\s+out|published|"
    r"released|commissioned|by)\b[^.;:]{0,80}\s(?:in|on)\s+$"
    r"|\b(?:releas|publish|issu)(?:e|es|ed|ing)\s+(?:the|a|an|its|their)\s+"
    r"(?:[\w'\u2019-]+\s+){0,5}(?:in|on)\s+$",
    re.IGNORECASE,
)
# "In 2023, a Federal Bureau of Investigation memo asserted …": the date of a document
# a body wrote.
_DOCUMENT_DATED_AFTER = re.compile(
    r"^,?\s+(?:a|an|the)\s+(?:(?:[A-Z][\w.&'\u2019-]*|of|and|for)\s+){0,6}"
    r"(?:memo|memorandum|report|study|survey|poll|analysis|audit|assessment|letter)\b"
)
# "The guidebook contains 11 chapters": how a document is laid out, not what it says.
_DOCUMENT_PARTS_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:chapters|pages|sections|volumes|appendices|annexes)\b"
)
_PUBLICATION_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:report|interview|press conference|statement|briefing|letter|memo|"
    r"publication|article|edition|testimony|hearing|op-ed|speech|remarks|news conference|"
    r"e-?mail|tweet|post|discussions?|conversations?|correspondence|communications?|study|"
    r"survey|analysis|poll|audit|review|paper|estimate)\b",
    re.IGNORECASE,
)
_CROSS_REFERENCE = re.compile(
    r"^\(?(?:See|For more|For further|For details|For background)\b"
    r"|\bCRS (?:In Focus|Report|Insight)\b"
    r"|\b(?:IF|R|RL|RS|IN)\d{4,5}\b|\b(?:accessed|retrieved)\b",
    re.IGNORECASE,
)
_SINGULAR_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:point|year|month|week|day|hour|person|time|country|state|seat|"
    r"vote|case|member|site|office|program|programme)\b"
)
_DOCUMENT_NUMBER = re.compile(
    r"\b(?:Order|Resolution|Act|Law|Section|Title|Article|Chapter|No\.|Number|Report|Volume|Vol\.|"
    r"Part|Rule|Directive|Decree|H\.R\.|S\.|Bill|Memorandum|Proclamation|Amendment)\s*$|"
    # "the … Security Act of 2026", "The Consolidated Appropriations Act, 2026": a law's name.
    r"\b(?:Act|Acts|Law|Bill)(?:,|\s+of)\s*$|"
    # "Under PACC 2030": a year after initials names a programme.
    r"\b[A-Z]{3,}\s+$|"
    # "Executive Order 13636 of February 12, 2013": the date a cited order bears.
    r"\b(?:Order|Directive|Memorandum|Proclamation|Resolution|Decree)\s+[\d-]+\s+of\s+$"
)
_DOCUMENT_TITLE_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w-]+\s+){0,5}(?:Review|Strategy|Report|Act|Plan|Treaty|Agreement|Budget|"
    r"Assessment|Declaration|Doctrine|Guidance|Posture|Framework|Survey|Index|Edition)\b"
)
# "A 2025 intelligence assessment stated", "the agency stated in 2025 that", "In 2018, the
# president said": when something was assessed or said, not when it happened.
_STATED_BEFORE = re.compile(
    r"\b(?:stated|said|assessed|estimated|testified|wrote|told|noted|claimed)"
    r"(?:\s+(?:on|in))?\s*$|\bannounced\s+(?:on|in)\s*$",
    re.IGNORECASE,
)
_STATED_AFTER = re.compile(
    r"^(?:\s+[\w.()-]+){0,4}?\s+(?:assessment|estimate|annual report|announcement|press release|"
    r"news conference|memo(?:randum)?|intelligence)\b"
    # "The 2024 ATA said": a document named by its year.
    r"|^(?:\s+[A-Z][\w.-]*){1,4}\s+(?:stated|said|says|states|assessed|estimated|found|concluded)\b"
)
# "In 2018, the president stated that ...": the sentence only reports when it was said.
_OPENING_DATE = re.compile(r"^\s*(?:In|On)\s*$")
_STATED_NEXT = re.compile(
    r"^,?(?:\s+[A-Z][\w.'\u2019-]*){1,4}\s+(?:stated|said|assessed|estimated|testified|wrote)\b"
)
# "In 2009, Palm became the Chief of …", "Prior to June 2008, Prouty was …": a step of
# someone's career, dated at the head of its sentence.
_CAREER_DATE_BEFORE = re.compile(r"^\s*(?:In|On|Prior to|Before|Until|By)\s*$")
_CAREER_STEP_AFTER = re.compile(
    r"^,?\s+(?:(?:Dr|Mr|Ms|Mrs)\.\s+)?(?P<name>(?:[A-Z][\w.\u2019'-]*\s+){1,3}?)(?:became|joined|"
    r"was|served|worked|retired|graduated|moved|left|led|headed)\b"
)
# "joined the firm in 1998", "graduated from Kabul University in 2010", "was sworn in on
# March 3": a biographical aside.
_BIOGRAPHY_BEFORE = re.compile(
    r"\b(?:joined|left|retired(?:\s+from)?|graduated(?:\s+from)?|enrolled(?:\s+at|\s+in)?|"
    r"sworn\s+in(?:\s+as\s+[\w\s]{1,60}?)?|commissioned|(?:was\s+)?appointed(?:\s+as)?|"
    r"(?:he|she|who)\s+(?:co-?)?founded)\b(?:\s+[\w.'\u2019-]+){0,6}?\s+(?:in|on)?\s*$",
    re.IGNORECASE,
)
# "spent 15 years at the agency", "after 20 years with the company", "a 30-year career".
# How long someone has worked somewhere, or at all: "30 years at the firm", "for over 30
# years worked on …", "15 years of experience": a line of a biography, not of the news.
_YEARS_SPENT = re.compile(
    r"^(?:-|\s+)years?\s+(?:at|with|in the service of|of (?:experience|service|practice)|"
    r"experience|worked|working|practicing|practising|in (?:public service|private practice|"
    r"practice|the field|government|the industry))\b|^-year\s+(?:career|tenure|stint)\b"
)
_YEARS_SPENT_BEFORE = re.compile(r"\b(?:spent|worked(?:\s+for)?|served(?:\s+for)?)\s+$")
# "24 hours per day, 7 days per week": what a reader knows without the text.
_CONSTANT = re.compile(
    r"^(?:24|twenty-four)\s+hours?\s+(?:a|per|each|every)\s+day"
    r"|^(?:7|seven)\s+days?\s+(?:a|per|each|every)\s+week"
    r"|^(?:365|12|twelve|52)\s+(?:days|months|weeks)\s+(?:a|per|each|every)\s+year"
    r"|^(?:60|sixty)\s+minutes\s+(?:an|per|each|every)\s+hour"
    r"|^24/7"
    r"|^(?:48|50)\s+(?:contiguous|U\.S\.|American)?\s*states\b",
    re.IGNORECASE,
)
# "Then-President", "Police Colonel", "former Senator": a rank that names no one in particular.
_BARE_TITLE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:then|ex)-|(?:former|acting|then|retired|late|deputy|senior)"
    r"\s+)*(?:(?:Police|Army|Air Force|Navy|Marine|Lieutenant|Brigadier|Major|Vice|Assistant)\s+)?"
    r"(?:President|Vice President|Prime Minister|General|Colonel|Lieutenant|Major|Captain|"
    r"Sergeant|Admiral|Commander|Congresswoman|Congressman|Representative|Rep\.|Senator|Sen\.|"
    r"Secretary|Minister|Director|Ambassador|Governor|Mayor|Chairman|Chairwoman|Chair|Officer|"
    r"official|officer|spokesman|spokeswoman|spokesperson|Judge|Justice|Dr\.|Professor|reporter|"
    r"journalist|Administrator|Commissioner|Chief)$",
    re.IGNORECASE,
)
# "a 45-year-old shopkeeper": the age of someone met in passing.
_AGE_OF_A_PASSER_BY = re.compile(r"-year-old\b")
#: Offices anyone could name from the news; asking who holds one tests no reading.
WORLD_KNOWLEDGE_TITLES = (
    "President|Vice President|Prime Minister|Secretary of State|Secretary-General|Pope|King|"
    "Queen|Chancellor|Premier|Supreme Leader|Senate Majority Leader|Senate Minority Leader|"
    "Majority Leader|Minority Leader|Speaker of the House"
)
_WORLD_KNOWLEDGE_ROLE = re.compile(
    r"^(?:the\s+)?(?:(?:U\.S\.|US|United States|"
    r"(?!(?:State|Local|Former|Then|Acting|Deputy|Regional|Provincial|Interim)\b)[A-Z][a-z]+)\s+)?"
    rf"(?i:{WORLD_KNOWLEDGE_TITLES}|Governor)$"
)
_STOP_WORDS = word_set(
    """the a an of in on at to for by with from and or its their his her this that was were is are
    be been has have had will would as into over after before about than which who"""
)


def _content_words(text: str) -> list[str]:
    return [w for w in normalised(text).split() if w not in _STOP_WORDS and len(w) > 2]


_DAY_LIST = re.compile(
    rf"\b(?P<month>{'|'.join(MONTHS)})\s+(?P<first>\d{{1,2}})\s*(?:and|-|\u2013|to|or)\s*(?P<second>\d{{1,2}})\b"
    rf"|\b(?P<first2>\d{{1,2}})\s*(?:and|-|\u2013|to|or)\s*(?P<second2>\d{{1,2}})\s+(?P<month2>{'|'.join(MONTHS)})\b"
)


def _expand_day_lists(sentence: str) -> str:
    """ "March 3 and 4" written out as "March 3 and March 4", so each day is found as a date."""

    def written_out(match: re.Match[str]) -> str:
        if match.group("month"):
            month, first, second = match.group("month", "first", "second")
            return f"{month} {first} and {month} {second}"
        first, second, month = match.group("first2", "second2", "month2")
        return f"{first} {month} and {second} {month}"

    return _DAY_LIST.sub(written_out, sentence)


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
    all_facts: tuple[Fact, ...] = ()
    _sentences: list[str] = field(default_factory=list)
    _shown: dict[tuple[int, int, int], tuple[str, list[tuple[int, int, str]]] | None] = field(
        default_factory=dict
    )
    _shown_facts: dict[Fact, Shown | None] = field(default_factory=dict)
    _spans: list[tuple[int, int, int]] = field(default_factory=list)
    _expanded: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    _states: dict[tuple[str, str], bool] = field(default_factory=dict)
    _heads: frozenset[str] | None = None
    _mentions: dict[tuple[str, bool], list[int]] = field(default_factory=dict)
    _reporting: list[str] | None = None
    _subject_words: dict[str, list[str]] = field(default_factory=dict)
    _people_by_sentence: dict[tuple[int, int], set[str]] | None = None
    _written_with_the: dict[str, bool] = field(default_factory=dict)
    _pronouns: dict[str, str | None] = field(default_factory=dict)

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
        # Questions are built on the facts worth asking whose stems can stand alone;
        # every fact still counts when checking what the text states.
        self.all_facts = self.facts
        self.facts = tuple(f for f in self.facts if self.askable(f))

    def _name_words(self) -> frozenset[str]:
        return frozenset(w for p in self.article.people for w in p.name.split())

    def _organisation_names(self) -> list[str]:
        return _organisation_names(self.text)

    def original(self, fact: Fact) -> str:
        """The fact's sentence exactly as the article writes it."""
        return self.article.block(fact.paragraph).text[fact.sentence_start : fact.sentence_end]

    def sentence(self, fact: Fact) -> str:
        """The fact's sentence as written: what an explanation quotes.

        A stem shows :meth:`resolved_sentence` instead.
        """
        return self.original(fact)

    def resolved_sentence(self, fact: Fact) -> str:
        """The fact's sentence as a stem or statement shows it (see :meth:`shown`).

        Facts whose sentence cannot stand alone are left out of
        :attr:`facts`; for any other, the sentence as written.
        """
        shown = self.shown(fact)
        return self.original(fact) if shown is None else shown.text

    def stands_alone(self, fact: Fact) -> bool:
        """Whether a question can show the fact's sentence without the sentences around it."""
        return self.shown(fact) is not None

    def shown(self, fact: Fact) -> Shown | None:
        """The fact's sentence as a stem shows it, or None when it cannot stand alone.

        Footnote markers are dropped, and so is an opener that only links to
        the sentence before ("However, "), a "Today, " dating it by the day it
        came out, and an "also" or "recently" tying it to either. A leading
        "He"/"She" becomes the person the sentence before names, when it names
        exactly one person and no one of the other sex. "The President" becomes the
        one president the article (or its title) names, and the sentence is not shown
        when it names none or several. An acronym of the glossary the sentence uses
        without its full name is written out (see :meth:`_expansions`), and a courtesy
        title right before the value ("Ms. _____") is dropped. A sentence still leaning
        on another -- led by "It", "They", "This", "The committee", "For
        example" or "All other", holding "this plan", "also, …", a relative time
        ("last year", "the same day", "a month later", "the previous December")
        or a weekday with no date, or ending on a colon that introduces what it
        says -- is not shown.
        """
        if fact not in self._shown_facts:
            self._shown_facts[fact] = self._shown_for(fact)
        return self._shown_facts[fact]

    def _shown_for(self, fact: Fact) -> Shown | None:
        where = (fact.paragraph, fact.sentence_start, fact.sentence_end)
        if where not in self._shown:
            self._shown[where] = self._show(fact)
        found = self._shown[where]
        if found is None:
            return None
        text, edits = found
        start = fact.value_start - fact.sentence_start
        end = fact.value_end - fact.sentence_start
        if any(a < end and start < b for a, b, _ in edits):
            return None
        # Where the shown sentence begins, after any opener it drops ("Today, ").
        opening = 0
        for a, b, new in edits:
            if a <= opening and not new:
                opening = max(opening, b)
        expansions = [
            (a, b, new) for a, b, new in self._expansions(fact, opening) if b <= start or end <= a
        ]
        if expansions:
            # An expansion replaces any edit of its acronym (a capital after a dropped opener).
            edits = sorted(
                [e for e in edits if not any(e[0] < b and a < e[1] for a, b, _ in expansions)]
                + expansions
            )
            text = _edited(self.original(fact), edits)
        shift_start = sum(len(new) - (b - a) for a, b, new in edits if b <= start)
        shift_end = sum(len(new) - (b - a) for a, b, new in edits if b <= end)
        start, end = start + shift_start, end + shift_end
        # "Ms. _____" tells which of the people it can be: the name stands without it.
        courtesy = _COURTESY_BEFORE.search(text, 0, start)
        if courtesy is not None:
            text = text[: courtesy.start()] + text[start:]
            start, end = courtesy.start(), end - (start - courtesy.start())
        if fact.kind == "entity" and _splits_the_name(text, start, end, fact):
            return None  # "Jones _____" for Rebecca Jones Gaston: half the name is shown
        if any(self._bare(surname, text) for surname in self._shared_surnames):
            return None  # "Lewis served as …": Loida Lewis or Reginald F. Lewis?
        return Shown(text, start, end)

    @cached_property
    def _shared_surnames(self) -> frozenset[str]:
        """Surnames the article gives two people: "Loida Lewis" and "Reginald F. Lewis"."""
        lower = set(re.findall(r"\b[a-z]+\b", self.text))
        shared = set()
        for person in self.article.people:
            words = person.name.split()
            if len(words) < 2:
                continue
            last = words[-1]
            firsts = {
                match.group(1)
                for match in re.finditer(
                    rf"\b([A-Z][a-z][\w\u2019'-]*)(?:\s+[A-Z]\.)*\s+{re.escape(last)}\b", self.text
                )
            }
            if any(
                f not in words
                and f.lower() not in lower
                and f.lower() not in _TITLES
                # "Although Zandanshatar …": a word opening a sentence is no first name.
                and f.lower() not in NOT_IN_NAMES
                and f.lower() not in NOT_NAME_OPENERS
                for f in firsts
            ):
                shared.add(last)
        return frozenset(shared)

    @staticmethod
    def _bare(surname: str, text: str) -> bool:
        """Whether ``text`` writes ``surname`` alone: no first name, initial or title before it
        and no name it is part of after it ("the Lewis Foundation")."""
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
            if _NAME_WORD_BEFORE.search(text, 0, match.start()):
                continue
            if _NAME_WORD_AFTER.match(text, match.end()):
                continue
            return True
        return False

    def _show(self, fact: Fact) -> tuple[str, list[tuple[int, int, str]]] | None:
        raw = self.original(fact)
        edits: list[tuple[int, int, str]] = []
        opener = _DROPPABLE_OPENER.match(raw) or run_in_heading(raw)
        begin = opener.end() if opener else 0
        if opener:
            edits.append((0, begin, ""))
            if raw[begin : begin + 1].islower():
                edits.append((begin, begin + 1, raw[begin].upper()))
        today = _DROPPABLE_TODAY.match(raw[begin:])
        if today:
            edits.append((begin, begin + today.end(), ""))
            begin += today.end()
            if raw[begin].islower():
                edits.append((begin, begin + 1, raw[begin].upper()))
        rest = raw[begin:]
        masked = _QUOTED.sub(lambda m: " " * len(m.group()), rest)
        dropped = [m.span() for m in _DROPPABLE_WORD.finditer(masked)]
        edits += [(begin + a, begin + b, "") for a, b in dropped]
        # The sentence is judged as the stem will read, without its "also" or "recently".
        said, unquoted = (_without(text, dropped) for text in (rest, masked))
        if (
            _badly_shaped(said, opened=opener is not None or today is not None)
            or _leans_elsewhere(said, unquoted, raw)
            or self._dangles(said)
            or self._runs_words_together(said)
            or self._verbless_bullet(fact, said)
        ):
            return None
        pronoun = _PERSONAL_PRONOUN.match(rest)
        if not pronoun and self._unnamed_person(said, unquoted):
            return None  # "officers confiscated his equipment": whose?
        if pronoun:
            name = self._antecedent(fact, pronoun.group("pronoun"))
            if name is None:
                return None
            edits.append((begin, begin + pronoun.end(), name))
        for reported in _REPORTED_BY_PRONOUN.finditer(rest):
            name = self._antecedent(fact, reported.group("pronoun"))
            if name is None:
                return None
            edits.append((begin + reported.start(), begin + reported.end(), surname(name)))
        unnamed = _UNNAMED_PRESIDENT.search(masked)
        if unnamed is not None:
            president = self._president
            if president is None:
                return None  # "The President has now announced …": which one?
            if not mentions(rest, president):
                a, b = begin + unnamed.start(), begin + unnamed.end()
                # The name replaces a capital given to "the" after a dropped "Today, ".
                edits = [e for e in edits if not a <= e[0] < b]
                edits.append((a, b, f"President {president}"))
        for marker in [*FOOTNOTE_MARKER.finditer(raw), *_SUPERSCRIPTS.finditer(raw)]:
            a = (
                marker.start() - 1
                if raw[marker.start() - 1 : marker.start()] == " "
                else marker.start()
            )
            edits.append((a, marker.end(), ""))
        edits.sort()
        return _edited(raw, edits), edits

    @cached_property
    def _president(self) -> str | None:
        """The surname of the one president the article names ("President Trump"), if one."""
        names = {
            surname(match.group("name"))
            for match in _NAMED_PRESIDENT.finditer(f"{self.article.standfirst}\n{self.text}")
            if not _NOT_A_NAME.match(match.group("name"))
        }
        # A title capitalises every word: the name ends before the verb ("President Donald
        # J. Trump Ensures …", "President Biden Announces …").
        for match in _NAMED_PRESIDENT.finditer(self.article.title):
            words = match.group("name").split()
            verb = next((i for i, w in enumerate(words) if i and w.endswith("s")), len(words))
            if not _NOT_A_NAME.match(words[0]):
                names.add(surname(" ".join(words[:verb])))
        return names.pop() if len(names) == 1 else None

    def _takes_the(self, expansion: str) -> bool:
        """Whether a body's full name takes "the": by its shape ("the Department of …"), or
        as the article writes it ("the Individual Longitudinal Exposure Record"). The
        article's text is searched once per name, not once per sentence that uses it."""
        if _TAKES_THE.search(expansion):
            return True
        written = self._written_with_the.get(expansion)
        if written is None:
            pattern = rf"\b[Tt]he\s+{re.escape(expansion)}\b"
            written = self._written_with_the[expansion] = bool(re.search(pattern, self.text))
        return written

    def written_out(self, term: str, expansion: str, before: str) -> str:
        """``term`` with its full name first, as it reads after ``before``: "the Harbour
        Action Plan (HAP)", with "the" when the name takes one and none stands before it."""
        if self._takes_the(expansion) and not _DETERMINER_BEFORE.search(before):
            expansion = f"{'The' if not before.strip() else 'the'} {expansion}"
        return f"{expansion} ({term})"

    def _expansions(self, fact: Fact, opening: int) -> list[tuple[int, int, str]]:
        """Edits that write out, where it first appears, each acronym of the glossary the
        fact's sentence uses without its full name: "the HLED" becomes "the High-Level
        Economic Dialogue (HLED)", "within DOT" "within the Department of Transportation
        (DOT)". One everyone reads (UN, EU) stays as it is, and so does an acronym in a
        quotation, a possessive or the heading a sentence runs in from."""
        raw = self.original(fact)
        heading = run_in_heading(raw)
        masked = _QUOTED.sub(lambda m: " " * len(m.group()), raw)
        if heading is not None:
            masked = " " * heading.end() + masked[heading.end() :]
        edits = []
        for definition in self.article.glossary:
            term, expansion = definition.term, definition.expansion
            if len(term) < 2 or term in KNOWN_SHORT or not expansion:
                continue
            if expansion.lower() in raw.lower():
                continue
            if fact.value in (term, expansion):
                continue  # "When DOT gets …, _____ will act": the full name would tell
            found = re.search(rf"(?<![\w(/-]){re.escape(term)}(?![\w\u2019'/-])", masked)
            if found is None:
                continue
            before = raw[opening : found.start()]
            if _CAPITALISED_BEFORE.search(before):
                continue  # "the New York State DOT": part of another body's name
            edits.append((found.start(), found.end(), self.written_out(term, expansion, before)))
        return edits

    @cached_property
    def _vocabulary(self) -> dict[str, int]:
        """How often the article writes each word, in lower case."""
        counts: dict[str, int] = {}
        for word in re.findall(r"[A-Za-z]+", self.text):
            key = word.lower()
            counts[key] = counts.get(key, 0) + 1
        return counts

    @cached_property
    def _after_marks(self) -> dict[str, set[str]]:
        """What the article writes after each word and an apostrophe or an ʻokina, in lower
        case: "hawai" -> {"i"} for "Hawai‘i", "secretary" -> {"s"}."""
        found: dict[str, set[str]] = {}
        for match in _AFTER_A_MARK.finditer(self.text):
            found.setdefault(match.group(1).lower(), set()).add(match.group(2).lower())
        return found

    def _runs_words_together(self, sentence: str) -> bool:
        """Whether a word of the sentence is two of the article's words run together, a slip
        of the source ("the largestinvestment", "Thisaccount funds") a stem would repeat."""
        vocabulary = self._vocabulary
        for match in _AFTER_A_MARK.finditer(sentence):
            # "Hawai‘ito" where the article writes "Hawai‘i": the word after a mark runs on.
            prefix, fragment = match.group(1).lower(), match.group(2).lower()
            for known in self._after_marks.get(prefix, ()):
                rest = fragment[len(known) :]
                if (
                    fragment.startswith(known)
                    and len(rest) >= 2
                    and (rest in vocabulary or rest in _SMALL_WORDS)
                ):
                    return True
        for word in re.findall(r"\b[A-Za-z][a-z]{7,}\b", sentence):
            lower = word.lower()
            if vocabulary.get(lower, 0) > 1:
                continue
            for cut in range(3, len(lower) - 2):
                first, second = lower[:cut], lower[cut:]
                if first not in vocabulary or second not in vocabulary:
                    continue
                # Not a compound ("groundwater", "rulemaking"): a part no compound is made of.
                if first in _JOINING_WORDS or second in _JOINING_WORDS or _WORD_END.search(first):
                    return True
                if word[:1].isupper() and second in _VERBS_AFTER_A_NAME:
                    return True  # "Ana Costahas served …": a name run into its verb
        return False

    def _unnamed_person(self, sentence: str, masked: str) -> bool:
        """Whether "his"/"her" in the sentence has no one in it to stand for."""
        inner = _INNER_PERSONAL.search(masked)
        if inner is None or _REPORTED_BY_PRONOUN.search(sentence):
            return False
        for run in _NAME_BEFORE_PRONOUN.finditer(masked, 0, inner.start()):
            words = [w.lower() for w in run.group().split() if w[:1].isupper()]
            if not any(w in NOT_IN_NAMES or w in ROLES for w in words):
                return False  # "Lee said his …"; not "the Mississippi Freedom Democratic Party"
            if words == ["president"] and self._president is not None:
                return False  # "the President … his commitment": the one the article names
        return not any(
            mentions(sentence, form)
            for person in self.article.people
            for form in (person.name, surname(person.name), *person.aliases)
            if form
        )

    def _verbless_bullet(self, fact: Fact, sentence: str) -> bool:
        """Whether the sentence opens a bullet under a lead-in ending in a colon and names a
        thing without a verb before its relative clause ("25% tariffs on goods that do not
        satisfy …" under "Duties … are now:", "Purchases of energy products, with an
        estimated value of $15 billion." under "… take note of commercial deals:"): it says
        nothing without the lead-in."""
        if fact.sentence_start != 0 or not (_bullet_shaped(sentence) or _verbless(sentence)):
            return False
        number = fact.paragraph - 1
        while number >= 1:
            block = self.article.block(number)
            if block.kind == "heading":
                return False
            if block.text.rstrip().endswith(":"):
                return True
            if block.kind != "list_item" and not (
                _bullet_shaped(block.text) or _verbless(block.text)
            ):
                return False
            number -= 1
        return False

    def _dangles(self, sentence: str) -> bool:
        """Whether the sentence opens on "The act" or "Under the agreement," with nothing in it
        or in the title saying which, or on a thing the article names elsewhere in full
        ("The new monument contains …" or "The national monument protects …" where it names
        "… Grand Canyon National Monument")."""
        for pattern in (_NAMED_THING, _NAMED_THING_AFTER_A_WORD):
            named = pattern.match(sentence)
            if (
                named is not None
                and named.group("head").lower() in self._name_heads
                and not _NAMED_RIGHT_AFTER.match(sentence, named.end())
                and self._named_in_full(named.group("head"))
            ):
                return True
        match = _DANGLING_THING.match(sentence)
        if match is None or _NAMED_RIGHT_AFTER.match(sentence, match.end()):
            return False
        if self.text.count(match.group()) > 1 and not _OWNER_RIGHT_AFTER.match(
            sentence, match.end()
        ):
            # "The FY2027 request is $37.1 million" in one section and "… $12.1 million" in
            # the next: each is the request of the heading above it, whatever the title says.
            return True
        head = re.escape(match.group("head").removesuffix("s").capitalize())
        # "What the CHIPS Act pays for" names the act.
        return not re.search(rf"[A-Z][\w\u2019'-]*\s+{head}s?\b", self.article.title)

    def _named_in_full(self, head: str) -> bool:
        """Whether a capitalised head ("The Consortium") ends a longer name somewhere in the
        article ("the Harbour Data Consortium"), not only "The Consortium" itself."""
        if not head[:1].isupper():
            return True
        known = self._heads_named_in_full
        if head not in known:  # the text is searched once per head, not once per sentence
            longer = rf"\b(?!The\b)[A-Z][\w\u2019'-]*\s+{re.escape(head)}\b"
            known[head] = re.search(longer, self.text) is not None
        return known[head]

    @cached_property
    def _heads_named_in_full(self) -> dict[str, bool]:
        return {}

    @property
    def _name_heads(self) -> frozenset[str]:
        """The nouns that end a name of several words in the article: "monument" for
        "Grand Canyon National Monument", "medal" for "Congressional Gold Medal"."""
        if self._heads is None:
            self._heads = frozenset(
                head for head in _multiword_name_heads(self.text) if head not in _NOT_NAME_HEADS
            )
        return self._heads

    def _antecedent(self, fact: Fact, pronoun: str) -> str | None:
        """The one person the sentence before the fact's names, if "he"/"she" can stand for them."""
        previous = self._previous_sentence(fact)
        if previous is None:
            return None
        outside = _QUOTED.sub(" ", previous)
        named = [
            person.name
            for person in self.article.people
            if any(
                re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", outside)
                for form in (person.name, surname(person.name), *person.aliases)
                if form
            )
        ]
        other = r"\b(?:she|her|hers)\b" if pronoun.lower() == "he" else r"\b(?:he|him|his)\b"
        current = _QUOTED.sub(" ", self.original(fact))
        if len(named) != 1 or re.search(other, f"{outside} {current}", re.IGNORECASE):
            return None
        return named[0]

    def _previous_sentence(self, fact: Fact) -> str | None:
        if not self._spans:
            for block in self.article.blocks:
                if block.kind != "heading":
                    for start, end in split_sentences(block.text):
                        self._spans.append((block.number, start, end))
        where = (fact.paragraph, fact.sentence_start)
        for index, (number, start, end) in enumerate(self._spans):
            if (number, start) == where or (
                number == fact.paragraph and start <= fact.sentence_start < end
            ):
                if index == 0:
                    return None
                number, start, end = self._spans[index - 1]
                return self.article.block(number).text[start:end]
        return None

    def worth_asking(self, fact: Fact) -> bool:
        """Whether a trainee gains anything from a question on ``fact``.

        Not a dateline ("LONDON, March 3 (Reuters) -"), the age of someone
        met in passing ("a 45-year-old shopkeeper"), the date a report,
        interview or statement came out, someone's schooling ("She received
        her J.D. from …") or honours ("was named …", "a … Fellow"), a
        cross-reference ("See CRS In Focus IF12345"), a document's number or
        title ("Executive Order 14024", "the 2022 Nuclear Posture Review"),
        an office anyone could name from the news ("Who is described as 'US
        President'?"), how many articles someone has published, a count the
        list after it gives away ("the top 4 … in A, B, C and D"), the month
        of a document with no year ("In March, … signed an Executive Order"),
        the judge someone clerked for, nor a name further down a roll call of
        offices ("…; the Secretary of the Interior, Luisa Alcalde;").
        """
        raw = self.original(fact)
        if (
            _CREDIT_LINE.match(raw)
            or _ACADEMIC_RECORD.search(raw)
            or _HONOUR.search(raw)
            or _FAMILY.search(raw)
            or _CROSS_REFERENCE.search(raw)
        ):
            return False
        start = fact.value_start - fact.sentence_start
        end = fact.value_end - fact.sentence_start
        rest = raw[:start] + raw[end:]
        if re.search(r"[A-Z]", rest) and not re.search(r"[a-z]", rest):
            return False  # a signature or a heading in capitals: "THE WHITE HOUSE, May 3, 2023."
        if fact.kind == "person":
            if _ACKNOWLEDGEMENT.search(raw):
                return False  # "Research Assistant Joe Angert provided analytical support."
            role = fact.value.strip()
            found = raw.find(role)
            cut = (
                _NAME_CUT_BEFORE.search(raw, 0, found) if found > 0 and role[:1].isupper() else None
            )
            if cut and cut.group(1).lower() not in _TITLE_MODIFIERS:
                return False  # "then-New York Governor" read as "York Governor"
            return not (
                _WORLD_KNOWLEDGE_ROLE.match(role)
                or _BARE_TITLE.match(role)
                or self._one_of_a_roster(fact)
                or self._shared_description(fact)
            )
        if fact.kind != "quotation" and self._set_out_as_a_quotation(fact.paragraph):
            return False  # "In April 2026, the Marines noted," + a paragraph in their words
        if fact.kind != "quotation" and _EDITED_QUOTATION.search(
            _QUOTED.sub(" ", FOOTNOTE_MARKER.sub("", raw))
        ):
            return False
        before, after = raw[:start], raw[end:]
        if fact.kind == "entity" and (
            _CURRICULUM.search(raw)
            or (
                ";" in before
                and raw.count(";") >= 2
                and _ROSTER_NAME_BEFORE.search(before)
                and _ROSTER_NAME_AFTER.match(after)
            )
        ):
            # A clerkship, or a name further down a roll call of offices (who led it stays).
            return False
        if fact.kind not in VALUE_KINDS:
            return True
        dateline = _DATELINE.match(raw)
        if dateline and start < dateline.end():
            return False
        if (
            fact.kind == "quantity"
            and (
                (_WRITINGS_BEFORE.search(before) and _WRITINGS_AFTER.match(after))
                or _counted_in_the_sentence(fact.value, after)
                or _exact_sum(fact)
                or _FRACTION_BEFORE.search(before)
                or (
                    _BASELINE_BEFORE.search(before)
                    and _CHANGE_TO_AFTER.match(after)
                    and self._asks_a_later_figure(fact)
                )
                or _SAMPLE_BEFORE.search(before)
                or _RESPECTIVELY.search(raw)
                or _one_of_an_inventory(raw, start)
                or _worked_out_from_the_rest(raw)
                or _in_a_step_sequence(raw)
                or _AGE_OF_A_PASSER_BY.match(after)
                or _DOCUMENT_PARTS_AFTER.match(after)
                # "just 1 percentage point below": the singular after it gives the one away.
                or (fact.value.lower() in {"1", "one"} and _SINGULAR_AFTER.match(after))
                or _CONSTANT.match(raw[start:])
                or (
                    fact.unit == "year"
                    and (_YEARS_SPENT.match(after) or _YEARS_SPENT_BEFORE.search(before))
                )
            )
        ):
            return False
        if _CURRICULUM.search(raw):
            return False  # "received his J.D. from … in 2005": a line of a CV, not the news
        if any(int(year) in _LANDMARK_YEARS for year in re.findall(r"\b1[4-9]\d\d\b", raw)):
            return False  # "Independence Day marks the 1776 signing": known before reading
        if fact.kind == "date" and (
            # "In March, President Trump signed an Executive Order …", "In May and June, the
            # Department bought …": a month the sentence gives no year is neither anchored nor
            # worth retaining.
            (fact.category == "month" and not re.search(r"\b(?:19|20)\d\d\b", raw))
            or _PUBLICATION_BEFORE.search(before)
            or _PUBLICATION_AFTER.match(after)
            or _DOCUMENT_DATED_BEFORE.search(before)
            or _DOCUMENT_DATED_AFTER.match(after)
            or _STATED_BEFORE.search(before)
            or _STATED_AFTER.match(after)
            or (_OPENING_DATE.match(before) and _STATED_NEXT.match(after))
            or _BIOGRAPHY_BEFORE.search(before)
            or (_CAREER_DATE_BEFORE.match(before) and self._career_step(after))
            or _AS_OF.search(before)
            or _CITED_DOCUMENT_OF.search(before)
            or _MEETING_BEFORE.search(before)
            or _RELEASED_AFTER.match(after)
        ):
            return False
        return not (_DOCUMENT_NUMBER.search(before) or _DOCUMENT_TITLE_AFTER.match(after))

    def _career_step(self, after: str) -> bool:
        """Whether the words after a date heading its sentence tell a step of the career of
        someone the article names: ", Palm became the Chief of …"."""
        step = _CAREER_STEP_AFTER.match(after)
        if step is None:
            return False
        name = step.group("name").strip()
        return any(
            name in (person.name, surname(person.name), *person.aliases)
            for person in self.article.people
        )

    def _asks_a_later_figure(self, fact: Fact) -> bool:
        """Whether the fact's sentence gives another figure after it (where a change went)."""
        return any(
            other.kind == "quantity"
            and (other.paragraph, other.sentence_start) == (fact.paragraph, fact.sentence_start)
            and other.value_start > fact.value_end
            for other in self.all_facts
        )

    def _set_out_as_a_quotation(self, number: int) -> bool:
        """Whether paragraph ``number`` is someone's words set out after a lead-in that
        ends on a speech verb ("the Marines noted," or "the report states:"): a
        question would present them as the article's own."""
        if number < 2:
            return False
        before = self.article.block(number - 1)
        if before.kind == "heading":
            return False
        lead_in = before.text.rstrip()
        if not lead_in.endswith((",", ":")):
            return False
        words = re.findall(r"[a-z]+", lead_in[-40:].lower())
        return bool(words) and words[-1] in SPEECH_VERBS

    def _shared_description(self, fact: Fact) -> bool:
        """Whether the article gives ``fact``'s description to someone else too: four
        "Commission Member"s make "describes Naftali as Commission Member" a label check."""
        role = normalised(fact.value)
        return any(
            normalised(person.description) == role
            for person in self.article.people
            if person.name != fact.subject
        )

    def _one_of_a_roster(self, fact: Fact) -> bool:
        """Whether ``fact`` describes someone the article names once, in a sentence that
        lists four or more people set apart by semicolons ("the President has spoken with
        officials, including: Mayor A; Mayor B; …"), or on a line of a participants list of
        its own ("Mary Anne Franks, President of …"): who held which office in such a roll
        call is not what the article is about. People named with commas ("briefed by the
        NASA Administrator A, the Program Director B, …") are usually its actors."""
        if self._people_by_sentence is None:
            self._people_by_sentence = {}
            for f in self.all_facts:
                if f.kind == "person":
                    where = (f.paragraph, f.sentence_start)
                    self._people_by_sentence.setdefault(where, set()).add(f.subject)
        listed = self._people_by_sentence.get((fact.paragraph, fact.sentence_start), set())
        named_once = len(self.sentences_mentioning(surname(fact.subject))) <= 1
        if named_once and not _ENDED.search(self.original(fact)):
            return True  # "Mary Anne Franks, President of …": a line of a participants list
        return len(listed) >= 4 and self.original(fact).count(";") >= 2 and named_once

    def askable(self, fact: Fact) -> bool:
        """Whether a question may be built on ``fact``: worth asking, and its sentence
        stands alone when a stem shows it (dates, quantities and relations)."""
        if not self.worth_asking(fact):
            return False
        return fact.kind not in (*VALUE_KINDS, "entity") or self.stands_alone(fact)

    def states(self, subject: str, value: str) -> bool:
        """Whether any sentence about ``subject`` states ``value``.

        A false statement swaps in a value the text gives elsewhere; when a
        sentence about the same thing ("the border", "the talks") states that
        value too, the statement would be true. "March 3 and 4" states
        "March 4"; "3-4 March" states "3 March".
        """
        key = (subject, value)
        if key not in self._states:
            self._states[key] = self._states_in_text(subject, value)
        return self._states[key]

    def _states_in_text(self, subject: str, value: str) -> bool:
        if subject not in self._subject_words:
            self._subject_words[subject] = _content_words(subject)
        words = self._subject_words[subject]
        needed = max(1, (len(words) + 1) // 2)
        expanded = self._expanded_sentences()
        for index in self._mentioning(value, expanded=True):
            if not words or sum(1 for w in words if w in expanded[index][1]) >= needed:
                return True
        return any(
            normalised(f.subject) == normalised(subject)
            and normalised(f.value) == normalised(value)
            for f in self.all_facts
        )

    def pronoun_of(self, name: str) -> str | None:
        """ "he" or "she", as the article refers to the person ``name``, when it does so one
        way only: by "Mr."/"Ms." before the surname, or by the pronouns of a sentence that
        names no one else and of the next, when that one opens on a pronoun."""
        if name not in self._pronouns:
            self._pronouns[name] = self._work_out_pronoun(name)
        return self._pronouns[name]

    def _work_out_pronoun(self, name: str) -> str | None:
        last = surname(name)
        if not last:
            return None
        found: set[str] = set()
        titled = rf"\.?\s+(?:[A-Z][\w.]*\s+){{0,2}}{re.escape(last)}\b"
        if re.search(rf"\bMr{titled}", self.text):
            found.add("he")
        if re.search(rf"\b(?:Ms|Mrs){titled}", self.text):
            found.add("she")
        sentences = self.sentences()
        others = [surname(p.name) for p in self.article.people if surname(p.name) != last]
        for index in self._mentioning(last, expanded=False):
            said = _QUOTED.sub(" ", sentences[index])
            if any(mentions(said, other) for other in others if other):
                continue
            following = sentences[index + 1] if index + 1 < len(sentences) else ""
            if _PRONOUN_OPENING.match(following) and not any(
                mentions(following, other) for other in others if other
            ):
                said += " " + _QUOTED.sub(" ", following)
            after = said[said.find(last) :]
            if _HE.search(after):
                found.add("he")
            if _SHE.search(after):
                found.add("she")
        return found.pop() if len(found) == 1 else None

    def fits_elsewhere(self, blanked: str) -> bool:
        """Whether the words shown around a stem's gap stand around another gap of the text
        as well: "_____, a career member of the Senior Foreign Service with the rank of
        Minister-Counselor…" opens two ambassadors' biographies, so it fits both."""
        head, _, tail = blanked.partition("_____")
        head, tail = head.strip(), tail.removesuffix("\u2026").strip()
        if not head and not tail:
            return False
        if not head or not tail:
            return self.text.count(head or tail) > 1
        # Each place the head is written, then the tail soon after it: linear in the text.
        pattern = re.compile(rf"{re.escape(head)}[^\n]{{1,80}}?{re.escape(tail)}")
        return len(pattern.findall(self.text)) > 1

    def sentences_mentioning_any(self, values: Iterable[str]) -> int:
        """How many sentences mention one of ``values`` or more."""
        return len({i for value in values for i in self._mentioning(value, expanded=False)})

    def sentences_mentioning(self, value: str) -> list[str]:
        """The sentences that mention ``value`` (see :func:`mentions`), in reading order."""
        sentences = self.sentences()
        return [sentences[index] for index in self._mentioning(value, expanded=False)]

    def _mentioning(self, value: str, *, expanded: bool) -> list[int]:
        """Indexes of the sentences (as written, or with day lists written out) that
        mention ``value``. Kept: a value is checked against the text again and again."""
        key = (value, expanded)
        if key not in self._mentions:
            if expanded:
                texts = [sentence for sentence, _ in self._expanded_sentences()]
            else:
                texts = self.sentences()
            written = normalised(value)
            self._mentions[key] = [
                index
                for index, text in enumerate(texts)
                if written in normalised(text) and mentions(text, value)
            ]
        return self._mentions[key]

    def _expanded_sentences(self) -> list[tuple[str, frozenset[str]]]:
        """Each sentence with its day lists written out, and its words (normalised)."""
        if not self._expanded:
            expanded = [_expand_day_lists(s) for s in self.sentences()]
            self._expanded = [(s, frozenset(normalised(s).split())) for s in expanded]
        return self._expanded

    def speaks(self, person: str) -> bool:
        """Whether any sentence naming ``person`` reports speech or holds a quotation.

        A quotation the parser did not attribute must not turn "quoted
        directly?" into a wrong answer key, so such people are never offered
        as people who were not quoted.
        """
        last_name = surname(person)
        named = re.compile(rf"\b{re.escape(last_name)}\b")
        return any(
            last_name in sentence and named.search(sentence)
            for sentence in self._reporting_sentences()
        )

    def _reporting_sentences(self) -> list[str]:
        """The sentences that report speech or hold a quotation (see SPEECH)."""
        if self._reporting is None:
            self._reporting = [s for s in self.sentences() if SPEECH.search(s)]
        return self._reporting

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

    def aliases(self, value: str) -> list[str]:
        """Other ways the article writes ``value``: an acronym for its full name
        and back, or a person's surname when no one else of the article has it."""
        wanted = normalised(value)
        found: list[str] = []
        for definition in self.article.glossary:
            if normalised(definition.expansion) == wanted:
                found.append(definition.term)
            elif normalised(definition.term) == wanted:
                found.append(definition.expansion)
        names = [p.name for p in self.article.people]
        if value in names and len(value.split()) > 1:
            last = surname(value)
            if sum(surname(n) == last for n in names) == 1:
                found.append(last)
            # "Sousa Vidal" for Ana Sousa Vidal: a way the text writes no one else.
            others = {a for p in self.article.people if p.name != value for a in p.aliases}
            person = next(p for p in self.article.people if p.name == value)
            found += [a for a in person.aliases if len(a.split()) > 1 and a not in others]
        return found

    def naming_sentence(self, fact: Fact) -> tuple[int, int, int] | None:
        """For a quotation whose sentence does not name its speaker ("…," he said),
        the closest earlier sentence that does, as a citation."""
        if not fact.subject:
            return None
        name = surname(fact.subject)
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        if pattern.search(self.sentence(fact)):
            return None
        for number in range(fact.paragraph, max(fact.paragraph - 3, 0), -1):
            text = self.article.block(number).text
            spans = [
                (start, end)
                for start, end in split_sentences(text)
                if number < fact.paragraph or end <= fact.sentence_start
            ]
            for start, end in reversed(spans):
                if pattern.search(text[start:end]):
                    return (number, start, end)
        return None

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
    # "the" only after a link word: "Made the Rural Lending Agency permanent" opens on a
    # verb, and the body's name starts at "Rural".
    rf"\b(?:{_NAME}\s+)(?:(?:of|for|and)\s+(?:the\s+)?|{_NAME}\s+){{0,5}}?(?:{_ORGANISATION_WORDS})\b"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_NAME}(?:\s+{_NAME})*)?"
)
_PLACE_AFTER = re.compile(
    r"\b(?P<preposition>in|to|from|near|across|into|of)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    rf"(?P<place>{_NAME}(?:\s+{_NAME})?)"
)
_NOT_PLACE_WORDS = frozenset([*MONTHS, *WEEKDAYS])


_NAME_GOES_ON = re.compile(
    # "Ministry of Commerce|, Trade and Industry" goes on too.
    r"\s+(?:(?:on|of|for)\s+(?:the\s+)?)?[A-Z]|,\s+[A-Z][a-z]+\s+and\s+[A-Z][a-z]+\b(?!,)|"
    # "Association of State| and Territorial Health Officials".
    r"\s+and\s+[A-Z][a-z]+\s+[A-Z]"
)

# A capitalised word just before, bare or linked ("Internet for| All Initiative", "Food and|
# Drug Administration", "Your Home,| Your Internet Program"): the match is a longer name's tail.
_NAME_BEFORE = re.compile(r"[A-Z][\w\u2019'-]*,?\s+(?:(?:for|of|and|on|to|&)\s+)?$")


def whole_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole name: on one line, not carried on after
    its end, and not the tail of a longer name before it."""
    return (
        "\n" not in text[start:end].strip()
        and not _NAME_GOES_ON.match(text, end)
        and not _NAME_BEFORE.search(text, max(0, start - 40), start)
    )


def _organisation_names(text: str) -> list[str]:
    # A match the text carries on ("National Guard State| Partnership Program",
    # "White House Council| on Environmental Quality") is part of a longer name.
    # A run-in heading ("Launch of Fertilizer Fund: USAID plans ...") names no body.
    text = "\n".join(
        " " * heading.end() + line[heading.end() :] if (heading := run_in_heading(line)) else line
        for line in text.split("\n")
    )
    found = _ORGANISATION.finditer(text)
    names = [m.group().strip() for m in found if whole_name(text, m.start(), m.end())]
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
