"""How much a question's facts matter to the story.

A default quiz should ask what a reader must retain, not the age of a
passer-by or the date of a footnote. :func:`rank_questions` scores each
question in [0, 1] from the sentences it cites and the answer it asks for:

* **the lead**: facts from the opening paragraphs score higher, falling off
  through the article;
* **the headline**: sentences sharing content words with the title and the
  standfirst carry the story;
* **recurring actors**: people, organisations and glossary terms the
  article mentions again and again (the key itself, or names in the cited
  sentences);
* **glossary terms** defined in the text;
* **central sentences**: sentences whose content words recur across the
  article (the SumBasic signal of extractive summarising);
* less for side details: ages, a figure or date in a caption or a source
  line, sentences under a "Notes"/"Source" label, people the article
  names only once, when something was posted on social media, and whether
  a quotation's words are the ones a speaker used.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from functools import cached_property

from briefings.text.article import ParsedArticle
from briefings.text.lexicon import MONTHS
from quizzes.text.question import GeneratedQuestion

__all__ = ["QUIZ_FLOOR", "rank_questions", "worth_a_quiz"]

#: The importance below which a question asks a side detail: two raters found barely half
#: of those acceptable, against more than four in five above it. Such questions stay in
#: the bank for an instructor to review, but are not approved for a quiz unseen.
QUIZ_FLOOR = 0.3

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]{3,}")
_STOPWORD_TEXT = (
    "about after again against also among been before being between both could does during "
    "each even from have having here into itself just more most much must only other over "
    "said says same should some such than that their theirs them then there these they this "
    "those through under until very were what when where which while will with would your "
    "year years today announced"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_AGE = re.compile(r"\b\d{1,3}[-\s]years?[-\s]old\b|\baged\s+\d{1,3}\b", re.IGNORECASE)
_SOCIAL_POST = re.compile(
    r"\b(?:Facebook|Twitter|Instagram|Telegram|TikTok|tweet(?:s|ed)?|retweet(?:s|ed)?)\b"
)
# Raters accepted 33 % of default-quiz questions whose answer was a month alone and 62 %
# of those whose answer was a year alone, against 81 % for other figures: such answers
# are more often a detail beside the news than the news.
_MONTH_ONLY = re.compile("|".join(MONTHS))
_YEAR_ONLY = re.compile(r"(?:FY\s?)?(?:1[6-9]|20)\d{2}")
_SIDE_NOTE = re.compile(r"^(?:Source|Sources|Notes?|Figure \d+|Table \d+)\b[.:]?", re.IGNORECASE)


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOPWORDS


class _Story:
    def __init__(self, article: ParsedArticle) -> None:
        self.article = article
        self.body = [b for b in article.blocks if b.kind != "heading"]
        self.last = max((b.number for b in self.body), default=1)
        self.text = "\n".join(b.text for b in self.body)

    @cached_property
    def headline_words(self) -> set[str]:
        return _content_words(f"{self.article.title} {self.article.standfirst}")

    @cached_property
    def actor_counts(self) -> dict[str, int]:
        """How often each person (by surname), organisation and term is mentioned."""
        counts: Counter[str] = Counter()
        names: set[str] = set()
        for person in self.article.people:
            names.add(person.name.split()[-1])
        for definition in self.article.glossary:
            names.add(definition.term)
            names.add(definition.expansion)
        for name in names:
            if len(name) >= 2:
                counts[name] = len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", self.text))
        return dict(counts)

    @cached_property
    def word_share(self) -> dict[str, float]:
        """Each content word's share of the paragraphs it appears in."""
        counts: Counter[str] = Counter()
        for block in self.body:
            counts.update(_content_words(block.text))
        total = max(len(self.body), 1)
        return {word: count / total for word, count in counts.items()}

    def centrality(self, text: str) -> float:
        shares = sorted((self.word_share.get(w, 0.0) for w in _content_words(text)), reverse=True)
        top = shares[:5]
        return min(1.0, 2.5 * sum(top) / len(top)) if top else 0.0

    @cached_property
    def terms(self) -> set[str]:
        return {d.term for d in self.article.glossary} | {
            d.expansion for d in self.article.glossary
        }

    @cached_property
    def mentions_by_person(self) -> dict[str, int]:
        """How often the article names each person, by full name or surname."""
        return {
            person.name: len(
                re.findall(rf"(?<!\w){re.escape(person.name.split()[-1])}(?!\w)", self.text)
            )
            for person in self.article.people
        }

    def asks_about_passer_by(self, question: GeneratedQuestion) -> bool:
        """Whether the question asks who someone named only once is, or what they did."""
        asked = " ".join([question.stem, *map(str, question.correct)])
        return any(
            count <= 1 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", asked)
            for name, count in self.mentions_by_person.items()
        )

    def sentence(self, paragraph: int, start: int, end: int) -> str:
        if not 1 <= paragraph <= len(self.article.blocks):
            return ""
        return self.article.block(paragraph).text[start:end]

    def score(self, question: GeneratedQuestion) -> float:
        cited = question.cited()
        sentences = [self.sentence(*c) for c in cited]
        joined = " ".join(sentences)
        leads = [1.0 if p <= 2 else 1.0 - 0.7 * (p - 2) / max(self.last, 4) for p, _, _ in cited]
        lead = sum(leads) / len(leads)
        words = _content_words(joined)
        headline = min(1.0, len(words & self.headline_words) / 3) if self.headline_words else 0.0
        mentioned = [
            count
            for name, count in self.actor_counts.items()
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", joined)
            or any(name == str(k) for k in question.correct)
        ]
        actors = min(1.0, max(mentioned, default=0) / 5)
        terms = 1.0 if any(t in joined for t in self.terms) else 0.0
        central = self.centrality(joined)
        score = 0.25 * lead + 0.2 * headline + 0.2 * central + 0.2 * actors + 0.15 * terms
        if any(_AGE.search(s) for s in sentences) and any(
            re.fullmatch(r"\d{1,3}", str(k)) for k in question.correct
        ):
            score -= 0.4
        if any(_SIDE_NOTE.match(s) for s in sentences):
            score -= 0.3
        if self.asks_about_passer_by(question):
            score -= 0.25
        if any(_SOCIAL_POST.search(s) for s in sentences):
            score -= 0.15
        if question.kind in ("cloze", "single_choice") and question.correct:
            key = str(question.correct[0])
            if _MONTH_ONLY.fullmatch(key):
                score -= 0.2  # "in _____ President Biden directed": a month with no year
            elif _YEAR_ONLY.fullmatch(key):
                score -= 0.1  # the year a bio's job began, a comparison's base year
        if question.kind == "true_false" and " said: \u201c" in question.stem:
            score -= 0.2  # recognising a quotation word for word teaches little
        return round(min(1.0, max(0.0, score)), 4)


def rank_questions(
    article: ParsedArticle, questions: Sequence[GeneratedQuestion]
) -> tuple[GeneratedQuestion, ...]:
    """``questions`` with ``importance`` set; the order is kept."""
    story = _Story(article)
    return tuple(dataclasses.replace(q, importance=story.score(q)) for q in questions)


def worth_a_quiz(question: GeneratedQuestion) -> bool:
    """Whether ``question`` may go into a quiz without an instructor reading it first."""
    return question.importance >= QUIZ_FLOOR
